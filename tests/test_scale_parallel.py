"""Extraction on several local processes: same results as one process, in input order."""
from __future__ import annotations

from pathlib import Path

import pytest

from graphkit.build.batches import ExtractionSpec, batches
from graphkit.build.processes import ProcessExtractor
from graphkit.errors import ModelError
from graphkit.ingest import collect_files, read_articles
from graphkit.model import Article

pytestmark = pytest.mark.slow        # workers load the spaCy pipeline
EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"
# The plain-text and JSON-lines examples: trafilatura, which reads the saved web page, drops a page it has
# already seen several times in the same process (its deduplication cache), which would make counts vary.
PLAIN_EXAMPLES = sorted(str(p) for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".jsonl"))


def example_articles() -> list[Article]:
    return [a for a in read_articles(collect_files(PLAIN_EXAMPLES).files) if isinstance(a, Article)]


def test_batches_keep_order_and_cut_by_size():
    articles = [Article(id=str(n), text="x" * 300) for n in range(10)]
    groups = list(batches(articles, max_chars=1000))
    assert [len(g) for g in groups] == [4, 4, 2]
    assert [item["id"] for g in groups for item in g] == [str(n) for n in range(10)]


def test_two_workers_give_the_results_of_one_process_in_order(extractor):
    articles = example_articles()
    expected = [r.to_dict() for r in extractor.extract(articles)]
    with ProcessExtractor(ExtractionSpec(lexicon=extractor.lexicon), workers=2, batch_chars=3000) as pool:
        got = [r.to_dict() for r in pool.extract(articles)]
        assert pool.meta["name"] and not pool.failures
    assert got == expected
    assert sum(len(r["relations"]) for r in got) > 20      # real extraction, not empty results


def test_a_bad_article_is_reported_and_the_others_go_on(extractor):
    articles = example_articles()[:3]
    broken = Article(id="broken", text=None, source="scraped.jsonl:7")     # a malformed record from a scraper
    with ProcessExtractor(ExtractionSpec(lexicon=extractor.lexicon), workers=2) as pool:
        got = [r.article.id for r in pool.extract([articles[0], broken, *articles[1:]])]
        failures = pool.failures
    assert got == [a.id for a in articles]
    assert len(failures) == 1 and failures[0].startswith("scraped.jsonl:7 (article broken): extraction failed")


def test_a_pipeline_that_cannot_load_is_one_model_error():
    with pytest.raises(ModelError, match="no_such_pipeline"):
        with ProcessExtractor(ExtractionSpec(model="no_such_pipeline"), workers=1):
            pass


def test_build_with_two_workers_writes_the_same_bytes(tmp_path, capsys):
    from graphkit.cli import main

    assert main(["build", *PLAIN_EXAMPLES, "-o", str(tmp_path / "one.nq")]) == 0
    assert main(["build", *PLAIN_EXAMPLES, "-o", str(tmp_path / "two.nq"), "--workers", "2"]) == 0
    one, two = (tmp_path / "one.nq").read_bytes(), (tmp_path / "two.nq").read_bytes()
    assert one == two and one.count(b"\n") > 1000


def test_build_workers_below_one_is_refused(tmp_path, capsys):
    from graphkit.cli import main

    assert main(["build", *PLAIN_EXAMPLES, "-o", str(tmp_path / "g.nq"), "--workers", "0"]) == 2
    assert "--workers must be at least 1" in capsys.readouterr().err
    assert not (tmp_path / "g.nq").exists()

