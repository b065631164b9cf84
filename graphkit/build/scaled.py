"""The Extractor's interface on many processes: the local runner or the Dask one, chosen per build.

``ScaledExtractor`` is what the build uses when ``--workers`` or ``--dask``
is given: it reads the pipeline's meta without loading it, starts the runner
(:mod:`graphkit.build.processes` or :mod:`graphkit.build.cluster`), checks
that the workers loaded that same pipeline, and yields their results.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import ModelError
from ..model import Article, ArticleResult
from .batches import ExtractionSpec, WorkerError
from .processes import ProcessExtractor


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
