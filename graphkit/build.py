"""The build: input files -> articles -> extraction -> resolution -> RDF file.

``build(inputs, output)`` is what ``graphkit build`` runs. Bad inputs are
reported in the returned :class:`~graphkit.model.BuildReport` and skipped;
the output is written atomically, only once everything else succeeded.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .errors import InputError, OutputError
from .extract.article import Extractor
from .ingest import collect_files, read_articles
from .model import Article, ArticleResult, BuildReport
from .nlp import load_pipeline, pipeline_id
from .rdf import to_dataset
from .rdfio import format_for, write_graph
from .resolve import resolve
from .resources import load_lexicon
from .vocab import DEFAULT_BASE_IRI

Progress = Callable[[Iterable, int], Iterable]


@dataclass
class BuildOptions:
    model: str | None = None
    base_iri: str = DEFAULT_BASE_IRI
    min_confidence: float = 0.0
    lexicons: tuple[str, ...] = ()
    batch_size: int = 16
    progress: Progress | None = None
    nlp: object | None = None       # an already loaded pipeline, reused across builds


def check_output(output: str | Path) -> None:
    """Fail before any work when the output cannot be written."""
    format_for(output)
    folder = Path(output).parent
    if not folder.is_dir():
        raise OutputError(f"{output}: the folder {folder} does not exist")


def gather(inputs: Iterable[str | Path], report: BuildReport) -> list[Article]:
    files = collect_files(inputs)
    report.skipped = len(files.skipped)
    report.failures.extend(str(e) for e in files.errors)
    articles = []
    for item in read_articles(files.files):
        if isinstance(item, InputError):
            report.failures.append(str(item))
        else:
            articles.append(item)
    return articles


def extract_all(articles: list[Article], options: BuildOptions) -> tuple[list[ArticleResult], str]:
    nlp = options.nlp or load_pipeline(options.model)
    extractor = Extractor(nlp, load_lexicon(options.lexicons), min_confidence=options.min_confidence)
    results = extractor.extract(articles, batch_size=options.batch_size)
    if options.progress is not None:
        results = options.progress(results, len(articles))
    return list(results), pipeline_version(nlp)


def pipeline_version(nlp) -> str:
    return f"graphkit-{__version__}/{pipeline_id(nlp)}"


def build(inputs: Iterable[str | Path], output: str | Path, options: BuildOptions | None = None) -> BuildReport:
    options = options or BuildOptions()
    started = time.perf_counter()
    check_output(output)
    report = BuildReport()
    articles = gather(inputs, report)
    results, pipeline = extract_all(articles, options) if articles else ([], "")
    resolution = resolve(results)
    dataset = to_dataset(results, resolution, base_iri=options.base_iri, pipeline=pipeline)
    if articles:
        write_graph(dataset, output)
    report.articles = len(results)
    report.entities = len(resolution.entities)
    report.relations = _count_relations(dataset)
    report.seconds = time.perf_counter() - started
    return report


def _count_relations(dataset) -> int:
    from .model import PREDICATES
    from .vocab import GK

    return len({(s, p, o) for p in (GK[name] for name in PREDICATES) for s, _, o in dataset.triples((None, p, None))})
