"""Extraction on a Dask cluster: same results as one process; lost workers and bad articles survived."""
from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from graphkit.build.batches import ExtractionSpec
from graphkit.build.cluster import DaskExtractor, SchedulerError
from graphkit.ingest import collect_files, read_articles
from graphkit.model import Article

pytestmark = pytest.mark.slow        # workers load the spaCy pipeline
EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"
# The plain-text and JSON-lines examples: trafilatura, which reads the saved web page, drops a page it has
# already seen several times in the same process (its deduplication cache), which would make counts vary.
PLAIN_EXAMPLES = sorted(str(p) for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".jsonl"))


def example_articles() -> list[Article]:
    return [a for a in read_articles(collect_files(PLAIN_EXAMPLES).files) if isinstance(a, Article)]


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


def test_build_on_a_local_dask_cluster_writes_the_same_bytes(tmp_path, capsys):
    from graphkit.cli import main

    assert main(["build", *PLAIN_EXAMPLES, "-o", str(tmp_path / "one.nq")]) == 0
    assert main(["build", *PLAIN_EXAMPLES, "-o", str(tmp_path / "dask.nq"), "--dask", "local:2"]) == 0
    one = (tmp_path / "one.nq").read_bytes()
    assert one == (tmp_path / "dask.nq").read_bytes() and one.count(b"\n") > 1000


def test_build_on_a_running_cluster_survives_a_killed_worker(tmp_path, cluster, monkeypatch, capsys):
    """The whole build, pointed at a scheduler address; a worker dies after the first results."""
    from distributed import Client

    import graphkit.build.batches
    from graphkit.build import BuildOptions, build

    monkeypatch.setattr(graphkit.build.batches, "BATCH_CHARS", 2000)     # many small batches, so work is in flight
    killed = []

    def kill_a_busy_worker(results, total):
        with Client(cluster) as watcher:
            for number, result in enumerate(results):
                if number == 1:
                    pids = watcher.run(os.getpid)
                    busy = next(w for w, tasks in watcher.processing().items() if tasks)
                    os.kill(pids[busy], signal.SIGKILL)
                    killed.append(pids[busy])
                yield result

    assert build(PLAIN_EXAMPLES, tmp_path / "one.nq").articles >= 8
    report = build(PLAIN_EXAMPLES, tmp_path / "dask.nq",
                   BuildOptions(dask=cluster.scheduler_address, progress=kill_a_busy_worker))
    assert killed and not report.failures
    assert (tmp_path / "one.nq").read_bytes() == (tmp_path / "dask.nq").read_bytes()


def test_build_with_an_unreachable_scheduler_fails_clearly_and_writes_nothing(tmp_path, capsys):
    import socket

    from graphkit.cli import main

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    assert main(["build", *PLAIN_EXAMPLES, "-o", str(tmp_path / "g.nq"), "--dask", f"127.0.0.1:{port}"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("graphkit: error: cannot reach the Dask scheduler") and err.count("\n") == 1
    assert not (tmp_path / "g.nq").exists()
