import json

import pytest

from graphkit.errors import InputError
from graphkit.ingest import collect_files, read_articles
from graphkit.model import Article


def read(*paths):
    files = collect_files(paths)
    return files, list(read_articles(files.files))


def test_text_file_gives_article_with_title(tmp_path):
    f = tmp_path / "story.txt"
    f.write_text("Vendor sells cameras to police\n\nAcme sells cameras to the city.\n", encoding="utf-8")
    _, items = read(f)
    assert items == [Article(id="story", text="Vendor sells cameras to police\n\nAcme sells cameras to the city.",
                             title="Vendor sells cameras to police", source="story.txt", origin=str(f.resolve()))]


@pytest.mark.parametrize("content, problem", [
    (b"", "is empty"),
    (b"   \n\n", "is empty"),
    (b"\x00\x01\x02binary\x00", "binary"),
    ("caf\u00e9 au lait".encode("latin-1"), "not UTF-8"),
])
def test_bad_text_files_are_reported_by_name(tmp_path, content, problem):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    _, items = read(f)
    assert len(items) == 1 and isinstance(items[0], InputError)
    assert str(f) in str(items[0]) and problem in str(items[0])


def test_jsonl_broken_line_does_not_stop_the_others(tmp_path):
    f = tmp_path / "wire.jsonl"
    good = {"id": "a1", "url": "https://example.org/a1", "title": "T", "date": "2024-05-01T10:00:00Z", "text": "Acme sued Beta."}
    f.write_text(json.dumps(good) + "\n{not json\n" + json.dumps({**good, "id": "a2"}) + "\n", encoding="utf-8")
    _, items = read(f)
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [a.id for a in articles] == ["a1", "a2"]
    assert articles[0].date == "2024-05-01" and articles[0].url == "https://example.org/a1"
    assert len(errors) == 1 and f"{f}:2" in str(errors[0])


def test_unknown_extension_is_an_error_when_named_and_skipped_in_folders(tmp_path):
    (tmp_path / "notes.docx").write_bytes(b"PK")
    (tmp_path / "a.txt").write_text("Acme sued Beta.", encoding="utf-8")
    named = collect_files([tmp_path / "notes.docx"])
    assert named.files == [] and "unknown extension '.docx'" in str(named.errors[0])
    folder = collect_files([tmp_path])
    assert [p.name for p in folder.files] == ["a.txt"] and [p.name for p in folder.skipped] == ["notes.docx"]


def test_html_page_keeps_the_article_and_drops_the_furniture():
    from conftest import EXAMPLES

    page = next(EXAMPLES.glob("*.html"))
    _, items = read(page)
    article = items[0]
    assert isinstance(article, Article)
    assert article.date and article.url.startswith("https://") and article.title
    assert "Bridges" in article.text
    for teaser in ("Brannock Telecom", "Quayside Bank", "Harbourline Media", "Adlytics"):
        assert teaser not in article.text


def test_duplicate_ids_are_made_unique(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "same.txt").write_text("Acme sued Beta.", encoding="utf-8")
    (tmp_path / "b" / "same.txt").write_text("Gamma fined Delta.", encoding="utf-8")
    _, items = read(tmp_path)
    assert len({a.id for a in items}) == 2


def test_a_file_named_twice_is_read_once(tmp_path, monkeypatch):
    folder = tmp_path / "articles"
    folder.mkdir()
    article = folder / "a.txt"
    article.write_text("Acme Corp sells cameras to the Springfield Police Department.\n")
    (folder / "b.txt").write_text("Another article.\n")
    (tmp_path / "link.txt").symlink_to(article)
    monkeypatch.chdir(tmp_path)
    found = collect_files([article, "articles/a.txt", "./articles/a.txt", folder, "link.txt", article])
    assert found.files == [article, folder / "b.txt"]
    assert len(found.repeated) == 5
    assert [a.id for a in read_articles(found.files)] == ["a", "b"]


@pytest.mark.slow
def test_a_build_counts_a_file_named_twice_once(tmp_path, nlp):
    from graphkit.build import BuildOptions, build

    article = tmp_path / "a.txt"
    article.write_text("Acme Corp sells facial recognition software to the Springfield Police Department.\n")
    once = build([article], tmp_path / "once.nq", BuildOptions(nlp=nlp))
    twice = build([article, tmp_path / "." / "a.txt", article], tmp_path / "twice.nq", BuildOptions(nlp=nlp))
    assert once.articles == twice.articles == 1 and twice.relations == once.relations
    assert (tmp_path / "once.nq").read_text() == (tmp_path / "twice.nq").read_text()
    assert any("named more than once" in note for note in twice.notes)


PAGE = """<html><head><title>{title}</title></head><body><nav>Home | News | About</nav>
<article><h1>{title}</h1>
<p>Halvorsen Vision Systems sold its face recognition software to the Springfield Police Department last year,
according to procurement records obtained by reporters.</p>
<p>{own}</p>
<p>The American Civil Liberties Union criticised the contract in a letter to the city council on Tuesday.</p>
</article><footer>Copyright</footer></body></html>"""


def test_each_html_page_is_read_on_its_own(tmp_path):
    # pages sharing paragraphs, and two identical pages: each keeps all of its text, whatever else is read
    pages = {"a": ("First report", "The council will vote on the contract next month, officials said."),
             "b": ("Second report", "Civil liberties groups asked the mayor to cancel the purchase outright."),
             "c": ("Second report", "Civil liberties groups asked the mayor to cancel the purchase outright.")}
    for name, (title, own) in pages.items():
        (tmp_path / f"{name}.html").write_text(PAGE.format(title=title, own=own))
    alone = {}
    for name in pages:
        [article] = list(read_articles([tmp_path / f"{name}.html"]))
        alone[name] = article.text
    items = list(read_articles(sorted(tmp_path.glob("*.html"))))
    assert all(isinstance(item, Article) for item in items), [str(i) for i in items]
    together = {a.id: a.text for a in items}
    assert together == alone
    assert all("American Civil Liberties Union criticised" in text for text in together.values())
    assert together["b"] == together["c"]
