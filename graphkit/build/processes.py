"""Extraction on several processes of one machine.

``ProcessExtractor(spec, workers=N)`` starts N worker processes; each loads
the spaCy pipeline once (:class:`~graphkit.build.batches.ExtractionSpec` says
which, and with which lexicon), then extracts the batches of articles it is
sent. Articles travel to the workers and results come back as plain data
(dicts), and ``extract(articles)`` yields the results in input order, so a
build on N processes writes exactly what a build on one writes.

Batching and bounded memory are :mod:`graphkit.build.batches`'s, shared with
the Dask runner (:mod:`graphkit.build.cluster`). An article whose extraction
raises is reported in ``failures`` and skipped; the others go on.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from ..errors import GraphkitError, ModelError
from ..model import Article, ArticleResult
from .batches import IN_FLIGHT_PER_WORKER, ExtractionSpec, ResultCollector, WorkerError, batches, extract_batch, pipeline_meta

# -- the local process pool ---------------------------------------------------
_worker_extractor = None        # set once in each worker process by _start_worker
_worker_error = ""


def _start_worker(spec: ExtractionSpec) -> None:
    global _worker_extractor, _worker_error
    try:
        _worker_extractor = spec.make_extractor()
    except GraphkitError as exc:
        _worker_error = str(exc)


def _worker_meta() -> dict:
    if _worker_extractor is None:
        return {"error": _worker_error or "the pipeline was not loaded"}
    return pipeline_meta(_worker_extractor)


def _worker_batch(batch: list[dict]) -> list[dict]:
    return extract_batch(_worker_extractor, batch)


class ProcessExtractor:
    """Extraction spread over ``workers`` local processes; use as a context manager."""

    def __init__(self, spec: ExtractionSpec, workers: int, *, batch_chars: int | None = None):
        if workers < 1:
            raise GraphkitError(f"--workers must be at least 1, not {workers}")
        self.spec, self.workers, self.batch_chars = spec, workers, batch_chars
        self.collector = ResultCollector()
        self.meta: dict = {}
        self._pool: ProcessPoolExecutor | None = None

    @property
    def failures(self) -> list[str]:
        return self.collector.failures

    def __enter__(self) -> "ProcessExtractor":
        context = multiprocessing.get_context("spawn")     # a clean interpreter: no threads or state copied
        self._pool = ProcessPoolExecutor(self.workers, mp_context=context, initializer=_start_worker,
                                         initargs=(self.spec,))
        try:
            metas = [f.result() for f in [self._pool.submit(_worker_meta) for _ in range(self.workers)]]
        except BrokenProcessPool:
            self.close()
            raise WorkerError("a worker process died while loading the spaCy pipeline (out of memory?)") from None
        errors = [m["error"] for m in metas if "error" in m]
        if errors:
            self.close()
            raise ModelError(errors[0])
        self.meta = metas[0]
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def extract(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        """One result per article that could be extracted, in input order."""
        if self._pool is None:
            raise RuntimeError("ProcessExtractor.extract needs `with ProcessExtractor(...)` first")
        pending: deque[Future] = deque()
        limit = self.workers * IN_FLIGHT_PER_WORKER
        for batch in batches(articles, max_chars=self.batch_chars):
            pending.append(self._pool.submit(_worker_batch, batch))
            while len(pending) >= limit:
                yield from self._collect(pending.popleft())
        while pending:
            yield from self._collect(pending.popleft())

    def _collect(self, future: Future) -> Iterator[ArticleResult]:
        try:
            items = future.result()
        except BrokenProcessPool:
            raise WorkerError("a worker process died during extraction (killed, or out of memory); "
                              "no output was written") from None
        yield from self.collector.take(items)
