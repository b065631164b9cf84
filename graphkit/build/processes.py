"""Extraction on several processes of one machine.

``ProcessExtractor(spec, workers=N)`` starts N worker processes; each loads
the spaCy pipeline once (:class:`ExtractionSpec` says which, and with which
lexicon), then extracts the batches of articles it is sent. Articles travel
to the workers and results come back as plain data (dicts), and
``extract(articles)`` yields the results in input order, so a build on N
processes writes exactly what a build on one writes.

Memory stays bounded: articles are cut into batches of about
``BATCH_CHARS`` characters and at most ``IN_FLIGHT_PER_WORKER`` batches per
worker are out at any time. An article whose extraction raises is reported
in ``failures`` and skipped; the others go on.

:mod:`graphkit.build.cluster` runs the same batches on a Dask cluster.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass
from pathlib import Path

from ..errors import GraphkitError, ModelError
from ..model import Article, ArticleResult
from ..resources import Lexicon

BATCH_CHARS = 40_000            # about 7,000 words, a second or two of parsing: small enough to balance
BATCH_MAX_ARTICLES = 64
IN_FLIGHT_PER_WORKER = 3


class WorkerError(GraphkitError):
    """A worker process or cluster failed in a way that stops the build."""


@dataclass(frozen=True)
class ExtractionSpec:
    """What each worker needs to build its own Extractor: plain, picklable values."""

    model: str | None = None
    lexicon: Lexicon | None = None
    min_confidence: float = 0.0

    def make_extractor(self):
        from ..extract.article import Extractor
        from ..nlp import load_pipeline

        return Extractor(load_pipeline(self.model), self.lexicon, min_confidence=self.min_confidence)


# -- what a worker runs (the same for processes and for Dask) ---------------
def extract_batch(extractor, batch: list[dict]) -> list[dict]:
    """Plain articles in, plain results out; an article that fails gives {"id", "error"} instead."""
    articles = [Article(**item) for item in batch]
    try:
        return [r.to_dict() for r in extractor.extract(articles, batch_size=len(articles))]
    except Exception:           # find the culprit: extract one by one
        return [_extract_one(extractor, article) for article in articles]


def _extract_one(extractor, article: Article) -> dict:
    try:
        return next(iter(extractor.extract([article]))).to_dict()
    except Exception as exc:    # any failure of the pipeline on this text is this article's failure
        return {"id": getattr(article, "id", "?"), "source": getattr(article, "source", ""),
                "error": f"{type(exc).__name__}: {str(exc)[:200]}"}


def pipeline_meta(extractor) -> dict:
    """The parts of the pipeline's meta that name it (enough for graphkit.nlp.pipeline_id)."""
    meta = extractor.nlp.meta
    return {key: meta.get(key) for key in ("lang", "name", "version") if key in meta}


# -- batching and collecting, shared with graphkit.build.cluster ------------
def batches(articles: Iterable[Article], max_chars: int | None = None,
            max_articles: int = BATCH_MAX_ARTICLES) -> Iterator[list[dict]]:
    """Consecutive articles as plain dicts, in groups of about max_chars (default BATCH_CHARS) characters."""
    max_chars = max_chars or BATCH_CHARS
    batch: list[dict] = []
    size = 0
    for article in articles:
        batch.append(asdict(article))
        size += len(article.text) if isinstance(article.text, str) else 0
        if size >= max_chars or len(batch) >= max_articles:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


class ResultCollector:
    """Turns plain results back into ArticleResults and keeps the failures."""

    def __init__(self) -> None:
        self.failures: list[str] = []
        self.failed_ids: set[str] = set()

    def take(self, items: list[dict]) -> Iterator[ArticleResult]:
        for item in items:
            if "error" in item:
                self.failed_ids.add(item["id"])
                where = f"{item['source']} (article {item['id']})" if item.get("source") else f"article {item['id']}"
                self.failures.append(f"{where}: extraction failed ({item['error']})")
            else:
                yield ArticleResult.from_dict(item)


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


# -- what the build uses ------------------------------------------------------------
@dataclass(frozen=True)
class PipelineInfo:
    """A pipeline's meta, read without loading it: stands in for ``nlp`` where only its name and version count."""

    meta: dict


def pipeline_info(model: str | None) -> PipelineInfo:
    """The meta of the pipeline the workers will load (same default as graphkit.nlp.load_pipeline)."""
    import spacy.util

    from ..nlp import default_model_name

    name = model or default_model_name()
    try:
        path = spacy.util.get_package_path(name) if spacy.util.is_package(name) else Path(name)
        meta = spacy.util.get_model_meta(path)
    except Exception:           # spaCy raises several kinds for a missing or broken pipeline
        raise ModelError(f"the spaCy pipeline {name!r} cannot be loaded: it is not an installed package "
                         "or a pipeline folder") from None
    return PipelineInfo({key: meta.get(key) for key in ("lang", "name", "version") if key in meta})


class ScaledExtractor:
    """The Extractor's interface, ``extract(articles)``, run on local worker processes or on a Dask cluster.

    Workers start when extraction starts and stop when it ends. Articles whose
    extraction failed are left out of the results and named in ``failures``.
    """

    def __init__(self, spec: ExtractionSpec, *, workers: int = 1, dask: str | None = None):
        self.spec, self.workers, self.dask = spec, workers, dask
        self.pipeline = pipeline_info(spec.model)
        self.failures: list[str] = []
        self.failed_ids: set[str] = set()

    def extract(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[ArticleResult]:
        articles = list(articles)
        if not articles:
            return
        if self.dask:
            from .cluster import DaskExtractor

            runner = DaskExtractor(self.spec, self.dask)
        else:
            runner = ProcessExtractor(self.spec, self.workers)
        with runner:
            if runner.meta != self.pipeline.meta:
                raise WorkerError(f"the workers loaded the pipeline {runner.meta}, not {self.pipeline.meta}: "
                                  "install the same spaCy pipeline everywhere")
            try:
                yield from runner.extract(articles)
            finally:
                self.failures.extend(runner.failures)
                self.failed_ids |= runner.collector.failed_ids
