"""What both extraction runners share: the work they send out and how its results come back.

The local runner (:mod:`graphkit.build.processes`) and the Dask runner
(:mod:`graphkit.build.cluster`) do the same work on different machinery:
each worker builds its Extractor once from an :class:`ExtractionSpec`, runs
:func:`extract_batch` on batches of plain article dicts cut by
:func:`batches`, and sends plain result dicts back, which a
:class:`ResultCollector` turns into ArticleResults (keeping the failures).
Neither runner owns this module, and it imports neither.

Memory stays bounded: articles are cut into batches of about
``BATCH_CHARS`` characters and at most ``IN_FLIGHT_PER_WORKER`` batches per
worker are out at any time.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass

from ..errors import GraphkitError
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


# -- batching and collecting ----------------------------------------------
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
