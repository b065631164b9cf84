"""Extraction on a Dask cluster: same results as one process; lost workers and bad articles survived."""
from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from graphkit.distributed import DaskExtractor, SchedulerError
from graphkit.ingest import collect_files, read_articles
from graphkit.model import Article
from graphkit.parallel import ExtractionSpec

pytestmark = pytest.mark.slow        # workers load the spaCy pipeline
EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"


def example_articles() -> list[Article]:
    return [a for a in read_articles(collect_files([EXAMPLES]).files) if isinstance(a, Article)]


@pytest.fixture
def cluster():
    """A two-worker LocalCluster of processes that the test can reach into."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as running:
        yield running


def test_a_worker_killed_mid_build_is_replaced_and_the_results_are_the_same(extractor, cluster):
    from distributed import Client

    articles = example_articles()
    expected = [r.to_dict() for r in extractor.extract(articles)]
    got, killed = [], None
    with Client(cluster) as watcher, \
            DaskExtractor(ExtractionSpec(lexicon=extractor.lexicon), cluster.scheduler_address, batch_chars=2000) as dx:
        for result in dx.extract(articles):
            got.append(result.to_dict())
            if killed is None:      # kill a worker that is extracting a batch right now
                pids = watcher.run(os.getpid)
                busy = next(w for w, tasks in watcher.processing().items() if tasks)
                killed = pids[busy]
                os.kill(killed, signal.SIGKILL)
        failures = dx.failures
        after = set(watcher.run(os.getpid).values())
    assert killed is not None and killed not in after
    assert got == expected and not failures


def test_a_bad_article_is_reported_and_skipped(extractor):
    articles = example_articles()[:3]
    broken = Article(id="broken", text=None, source="scraped.jsonl:7")
    with DaskExtractor(ExtractionSpec(lexicon=extractor.lexicon), "local:2", batch_chars=2000) as dx:
        got = [r.to_dict() for r in dx.extract([*articles[:2], broken, articles[2]])]
        failures = dx.failures
    assert got == [r.to_dict() for r in extractor.extract(articles)]
    assert len(failures) == 1 and "article broken" in failures[0] and "extraction failed" in failures[0]


def test_an_unreachable_scheduler_is_one_clear_error():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(SchedulerError, match=f"cannot reach the Dask scheduler at tcp://127.0.0.1:{port}"):
        with DaskExtractor(ExtractionSpec(), f"tcp://127.0.0.1:{port}"):
            pass
