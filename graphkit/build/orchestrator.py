"""The build: input files -> articles -> extraction -> resolution -> RDF file.

``build(inputs, output)`` is what ``graphkit build`` runs; ``add_articles`` and
``remove_articles`` change an existing graph through the build state kept
beside it (:mod:`graphkit.build.state`): only new or changed articles are parsed,
then resolution and RDF writing run over all articles, so an updated graph is
the graph a full build of the same articles would give. Bad inputs are
reported in the returned :class:`~graphkit.model.BuildReport` and skipped; the
output is written atomically, only once everything else succeeded.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from .. import __version__
from ..errors import GraphError, GraphkitError, InputError, OutputError
from ..graph.formats import STORE_FORMAT, format_for
from ..graph.nquads import check_base_iri, convert
from ..graph.rdf import article_nquads, to_nquads
from ..graph.vocab import DEFAULT_BASE_IRI, PREFIXES
from ..ids import article_path, digest
from ..ingest import collect_files, load_sidecar, read_articles
from ..ingest.language import language_notes
from ..model import Article, ArticleResult, BuildReport
from ..resolve import find_resolver_files, load_decisions, resolve
from ..resolve.corrections import apply_corrections, with_person_support
from ..resolve.support import relation_support
from ..resources import load_lexicon
from .state import ArticleRecord, BuildSettings, BuildState, Manifest, content_hash, entry_key, extraction_key, rdf_code_key

Progress = Callable[[Iterable, int], Iterable]


@dataclass
class BuildOptions:
    model: str | None = None
    base_iri: str = DEFAULT_BASE_IRI
    min_confidence: float = 0.0
    lexicons: tuple[str, ...] = ()
    resolvers: tuple[str, ...] = ()     # resolver files given by name; resolver.yaml beside the inputs applies too
    meta: str | None = None             # sidecar CSV of article metadata (path, title, date, url, outlet)
    update: bool = False                # reuse the stored extraction of unchanged articles
    batch_size: int = 16
    progress: Progress | None = None
    nlp: object | None = None       # an already loaded pipeline, reused across builds
    workers: int = 1                # extraction on this many local processes (graphkit.build.processes)
    dask: str | None = None         # or on a Dask cluster: "local:N" or a scheduler address (graphkit.build.cluster)


def check_output(output: str | Path) -> None:
    """Fail before any work when the output cannot be written."""
    format_for(output)
    folder = Path(output).parent
    if not folder.is_dir():
        raise OutputError(f"{output}: the folder {folder} does not exist")


def gather(inputs: Iterable[str | Path], report: BuildReport, meta: str | None = None) -> list[Article]:
    sidecar = load_sidecar(meta) if meta else None      # a broken table stops the build before any work
    files = collect_files(inputs)
    report.skipped = len(files.skipped)
    report.failures.extend(str(e) for e in files.errors)
    if files.repeated:
        names = ", ".join(str(p) for p in files.repeated[:3]) + (" …" if len(files.repeated) > 3 else "")
        report.notes.append(f"{len(files.repeated)} input file(s) named more than once were read once: {names}")
    articles = []
    for item in read_articles(files, sidecar):
        if isinstance(item, InputError):
            report.failures.append(str(item))
        else:
            articles.append(item)
    if sidecar is not None and sidecar.unused():
        unused = sidecar.unused()
        report.notes.append(f"{meta}: {len(unused)} row(s) name no input file, first {unused[0]!r}")
    return articles


def pipeline_version(nlp) -> str:
    from ..nlp import pipeline_id

    return f"graphkit-{__version__}/{pipeline_id(nlp)}"


def build(inputs: Iterable[str | Path], output: str | Path, options: BuildOptions | None = None) -> BuildReport:
    """Build the articles of ``inputs`` into ``output``; with ``options.update``, reuse its stored extraction."""
    options = options or BuildOptions()
    inputs = list(inputs)
    started = time.perf_counter()
    if not 0 <= options.min_confidence <= 1:
        raise GraphkitError(f"min_confidence must be between 0 and 1, not {options.min_confidence:g}")
    check_output(output)
    check_base_iri(options.base_iri)
    state = BuildState(output)
    reuse = options.update and Path(output).exists()
    if reuse:
        state.open()        # refuses a corrupt or foreign graph before any work
    settings = BuildSettings(base_iri=options.base_iri, min_confidence=options.min_confidence, model=options.model,
                             lexicons=_absolute(options.lexicons), resolvers=_absolute(options.resolvers),
                             input_folders=input_folders(inputs))
    report = BuildReport()
    articles = gather(inputs, report, options.meta)
    if articles:
        writer = _Writer(state, settings, options)
        results = writer.extract(articles, reuse=reuse, report=report)
        writer.write(results, report)
    report.seconds = time.perf_counter() - started
    return report


def add_articles(graph: str | Path, inputs: Iterable[str | Path], options: BuildOptions | None = None) -> BuildReport:
    """Add new or changed articles to a graph built by graphkit; unchanged ones are not parsed again."""
    options = options or BuildOptions()
    inputs = list(inputs)
    started = time.perf_counter()
    state = BuildState(graph)
    manifest = state.open()
    settings = manifest.settings
    settings.resolvers = _absolute([*settings.resolvers, *options.resolvers])
    settings.input_folders = _known_folders(settings, manifest.articles) + input_folders(inputs)
    settings.input_folders = list(dict.fromkeys(settings.input_folders))
    report = BuildReport()
    kept = {record.id: record for record in manifest.articles}
    additions = []
    for article in gather(inputs, report, options.meta):
        article = _distinct(article, kept)
        old = kept.get(article.id)
        if old is not None and old == _record(article, old.entry, fragment=old.fragment):
            report.unchanged += 1
            continue
        kept.pop(article.id, None)
        additions.append(article)
    if additions or report.unchanged or not inputs:      # no input: apply edited resolver files again
        writer = _Writer(state, settings, options)
        results = writer.extend(additions, list(kept.values()), manifest, report)
        writer.write(results, report)
    report.seconds = time.perf_counter() - started
    return report


def remove_articles(graph: str | Path, names: Iterable[str], options: BuildOptions | None = None) -> BuildReport:
    """Remove articles (by id, source file or IRI) and every fact only they supported."""
    options = options or BuildOptions()
    started = time.perf_counter()
    state = BuildState(graph)
    manifest = state.open()
    gone = set()
    for name in names:
        found = {r.id for r in manifest.articles if _names_article(name, r, manifest.settings.base_iri)}
        if not found:
            raise GraphError(f"{graph}: holds no article with id, source or IRI {name!r}; nothing was removed")
        gone |= found
    remaining = [r for r in manifest.articles if r.id not in gone]
    if not remaining:
        raise GraphError(f"{graph}: removing {len(gone)} article(s) would leave no article; nothing was removed")
    report = BuildReport(removed=len(gone))
    manifest.settings.input_folders = _known_folders(manifest.settings, manifest.articles)
    writer = _Writer(state, manifest.settings, options)
    writer.write(writer.keep(remaining), report)
    report.seconds = time.perf_counter() - started
    return report


class _Writer:
    """Extraction with reuse, then resolution, RDF and the journalled commit, for one graph."""

    def __init__(self, state: BuildState, settings: BuildSettings, options: BuildOptions):
        self.state, self.settings, self.options = state, settings, options
        # read the user's files before any long work, so that a typo fails fast
        self.lexicon = load_lexicon(tuple(settings.lexicons))
        self.decisions = load_decisions(resolver_files(settings))
        self.keys: dict[str, str] = {}
        self.origins: dict[str, str] = {}

    def _start_extraction(self):
        from ..extract.article import Extractor
        from ..nlp import load_pipeline

        if self.options.workers > 1 or self.options.dask:
            from .batches import ExtractionSpec
            from .scaled import ScaledExtractor

            spec = ExtractionSpec(self.settings.model, self.lexicon, self.settings.min_confidence)
            extractor = ScaledExtractor(spec, workers=self.options.workers, dask=self.options.dask)
            nlp = extractor.pipeline
        else:
            nlp = self.options.nlp or load_pipeline(self.settings.model)
            extractor = Extractor(nlp, self.lexicon, min_confidence=self.settings.min_confidence)
        self.settings.pipeline = pipeline_version(nlp)
        self.settings.extraction_key = extraction_key(self.settings.pipeline, self.settings.min_confidence,
                                                      self.settings.lexicons)
        return extractor

    def extract(self, articles: list[Article], *, reuse: bool, report: BuildReport) -> list[ArticleResult]:
        """Results for articles: stored ones when ``reuse`` and the key matches, the others extracted."""
        extractor = self._start_extraction()
        for article in articles:
            self.keys[article.id] = entry_key(content_hash(article.text), self.settings.extraction_key)
            self.origins.setdefault(article.id, _origin(article))
        todo = [a for a in articles if not (reuse and self.state.has_entry(self.keys[a.id]))]
        report.notes.extend(language_notes(todo))       # said once, when the article is first read
        fresh = {}
        stream = extractor.extract(todo, batch_size=self.options.batch_size)
        if self.options.progress is not None:
            stream = self.options.progress(stream, len(todo))
        for result in stream:
            self.state.save(self.keys[result.article.id], result)     # saved at once: an interrupted build is not lost
            fresh[result.article.id] = result
        report.reused += len(articles) - len(todo)
        failed = getattr(extractor, "failed_ids", set())       # articles a scaled extraction reported and skipped
        report.failures.extend(getattr(extractor, "failures", ()))
        return [fresh.get(a.id) or self.state.load_entry(self.keys[a.id], a) for a in articles if a.id not in failed]

    def keep(self, records: list[ArticleRecord]) -> list[ArticleResult]:
        """The stored results of articles the graph keeps."""
        for record in records:
            self.keys[record.id], self.origins[record.id] = record.entry, record.origin
        return [self.state.load(r) for r in records]

    def extend(self, additions: list[Article], kept: list[ArticleRecord], manifest: Manifest,
               report: BuildReport) -> list[ArticleResult]:
        """The kept articles' stored results plus the additions'; all re-extracted if the pipeline changed."""
        old_key = manifest.settings.extraction_key
        kept_results = self.keep(kept)
        if not additions:
            return kept_results
        new_results = self.extract(additions, reuse=True, report=report)
        if self.settings.extraction_key != old_key:
            report.reextracted = len(kept_results)
            kept_results = self.extract([r.article for r in kept_results], reuse=True, report=report)
        return kept_results + new_results

    def _fragment_key(self, result: ArticleResult, resolution) -> str:
        """What an article's N-Quads depend on: its extraction, metadata, entity IRIs, the settings, the code."""
        a = result.article
        iris = [(e.key, resolution.path_of(a.id, e.key)) for e in result.entities]
        decided = [(r.subject, r.predicate, r.object, r.evidence.start, r.decided_by, r.decision_note)
                   for r in result.relations if r.decided_by]        # relations a person rejected
        return digest(self.keys[a.id], a.id, a.title, a.url, a.date, a.outlet, a.source, iris, decided,
                      self.settings.base_iri, self.settings.pipeline, rdf_code_key(), length=32)

    def write(self, results: list[ArticleResult], report: BuildReport) -> None:
        results = sorted(results, key=lambda r: r.article.id)
        resolution = resolve(results, lexicon=self.lexicon, decisions=self.decisions)
        results, corrections, notes = apply_corrections(results, resolution, self.decisions, self.lexicon)
        support = with_person_support(relation_support(results, resolution), corrections)
        fragments: dict[str, str] = {}

        def article_text(result: ArticleResult) -> str:
            key = self._fragment_key(result, resolution)
            fragments[result.article.id] = key
            text = self.state.fragment(key)
            if text is None:
                text = article_nquads(result, resolution, base_iri=self.settings.base_iri,
                                      pipeline=self.settings.pipeline)
                self.state.save_fragment(key, text)
            return text

        text = to_nquads(results, resolution, base_iri=self.settings.base_iri, pipeline=self.settings.pipeline,
                         support=support, article_text=article_text, corrections=corrections)
        prefixes = {**PREFIXES, "gkid": self.settings.base_iri}
        fmt = format_for(self.state.graph)
        data = convert(text, "nquads" if fmt == STORE_FORMAT else fmt, prefixes)     # a store is filled from N-Quads
        records = [_record(r.article, self.keys[r.article.id], self.origins.get(r.article.id, ""),
                           fragments[r.article.id]) for r in results]
        self.state.commit(Manifest(self.settings, records), data)
        report.articles = len(results)
        report.entities = len(resolution.entities)
        report.relations = len(support)
        report.notes.extend(resolution.notes + notes)


def _record(article: Article, entry: str, origin: str | None = None, fragment: str = "") -> ArticleRecord:
    return ArticleRecord(id=article.id, content_hash=content_hash(article.text), entry=entry, title=article.title,
                         url=article.url, date=article.date, outlet=article.outlet, source=article.source,
                         origin=_origin(article) if origin is None else origin, fragment=fragment)


def _origin(article: Article) -> str:
    return article.origin or (str(Path(article.source).resolve()) if article.source else "")


def _distinct(article: Article, kept: dict[str, ArticleRecord]) -> Article:
    """A new article whose id is taken by a different article (other file, other text) gets a suffix."""
    old = kept.get(article.id)
    if old is None or not old.origin or old.origin == _origin(article) or old.content_hash == content_hash(article.text):
        return article
    return replace(article, id=f"{article.id}-{digest(article.source, article.text, length=6)}")


def _names_article(name: str, record: ArticleRecord, base_iri: str) -> bool:
    """Whether name is the article's id, IRI, source, or the file it came from (a JSON-lines file names all its articles)."""
    if name in (record.id, record.source, base_iri + article_path(record.id)) or _file_of(record.source) == name:
        return True
    return bool(record.origin) and _resolved(name) == _file_of(record.origin)


@lru_cache(maxsize=1024)
def _resolved(name: str) -> str:
    return str(Path(name).resolve())


def _file_of(source: str) -> str:
    """ "briefs.jsonl:3" -> "briefs.jsonl"."""
    head, _, line = source.rpartition(":")
    return head if head and line.isdigit() else source


def input_folders(inputs) -> list[str]:
    """The folders a build reads: each input folder, and the folder of each input file."""
    folders = (Path(p) if Path(p).is_dir() else Path(p).parent for p in inputs)
    return list(dict.fromkeys(str(f.resolve()) for f in folders))


def _known_folders(settings: BuildSettings, records: list[ArticleRecord]) -> list[str]:
    """The input folders recorded in the graph's state (for older states: the folders of its articles' files)."""
    if settings.input_folders:
        return list(settings.input_folders)
    return input_folders(Path(_file_of(r.origin)) for r in records if r.origin)


def resolver_files(settings: BuildSettings) -> list[str]:
    """The one discovery rule of build, add and remove: the files given with --resolver (on this run or
    an earlier one), then resolver.yaml in every folder the graph's articles were read from, whenever
    it appeared there."""
    return _absolute([*settings.resolvers, *find_resolver_files(settings.input_folders)])


def _absolute(paths) -> list[str]:
    return list(dict.fromkeys(str(Path(p).resolve()) for p in paths))

