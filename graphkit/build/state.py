"""The build state kept beside a graph, which lets graphkit add and remove articles.

``GRAPH.graphkit/`` holds::

    manifest.json          the articles the graph holds, the build settings, the SHA-256 of GRAPH
    manifest.next.json     only while a build commits (see BuildState.commit)
    articles/KEY.json      one article's text and extraction result; KEY digests the text
                           and everything extraction depends on (pipeline, lexicons, code)
    fragments/KEY.nq       one article's named graph as N-Quads; KEY digests its extraction,
                           metadata and entity IRIs, and the RDF code, so unchanged articles
                           are not written out again

An incremental build trusts GRAPH only when its bytes are exactly those the
manifest recorded: a corrupt, edited or foreign graph is refused untouched.
Commits are journalled so that an interruption at any point leaves either the
previous graph with its state or the new graph with its state.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

from .. import __version__
from ..errors import GraphError, OutputError
from ..graph.files import write_atomic
from ..ids import digest
from ..model import Article, ArticleResult
from ..resources import ontology_dir

STATE_FORMAT = "graphkit-build-state/1"
_PACKAGE = Path(__file__).resolve().parent.parent     # graphkit/: the code the keys below digest
_NEXT = "manifest.next.json"
_MANIFEST = "manifest.json"


@dataclass(frozen=True)
class ArticleRecord:
    """An article of the graph: its metadata and where its extraction is stored."""

    id: str
    content_hash: str
    entry: str
    title: str = ""
    url: str = ""
    date: str = ""
    outlet: str = ""
    source: str = ""
    origin: str = ""        # absolute path of the source file, to recognise it in later builds
    fragment: str = ""      # key of the article's stored N-Quads, valid while its entities keep their IRIs


@dataclass
class BuildSettings:
    """What a graph was built with; incremental builds reuse it."""

    base_iri: str
    min_confidence: float = 0.0
    model: str | None = None
    lexicons: list[str] = field(default_factory=list)      # absolute paths of user lexicons
    resolvers: list[str] = field(default_factory=list)     # absolute paths of resolver files given with --resolver
    input_folders: list[str] = field(default_factory=list)  # where resolver.yaml is looked for on every update
    pipeline: str = ""
    extraction_key: str = ""


@dataclass
class Manifest:
    settings: BuildSettings
    articles: list[ArticleRecord]
    graph_digest: str = ""

    def to_json(self) -> bytes:
        data = {"format": STATE_FORMAT, "graphkit": __version__, "graph_sha256": self.graph_digest,
                "settings": asdict(self.settings), "articles": [asdict(a) for a in self.articles]}
        return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False).encode("utf-8")

    @classmethod
    def from_json(cls, raw: bytes, where: str) -> "Manifest":
        try:
            data = json.loads(raw.decode("utf-8"))
            if data.get("format") != STATE_FORMAT:
                raise GraphError(f"{where}: not a graphkit build state of a known version ({data.get('format')!r})")
            return cls(BuildSettings(**data["settings"]), [ArticleRecord(**a) for a in data["articles"]],
                       data["graph_sha256"])
        except GraphError:
            raise
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise GraphError(f"{where}: the build state is damaged ({type(exc).__name__}); "
                             "rebuild the graph with `graphkit build`") from None


def state_folder(graph: str | Path) -> Path:
    return Path(f"{graph}.graphkit")


def file_digest(path: Path) -> str:
    sha = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()


def graph_present(path: Path) -> bool:
    """A graph file, or a store folder (see :mod:`graphkit.graph.formats`)."""
    from ..graph.formats import looks_like_store

    return path.is_file() or (path.is_dir() and looks_like_store(path))


def graph_digest(path: Path) -> str:
    """The SHA-256 of a graph file; for a store folder, that of the N-Quads it was filled from (its marker says)."""
    from ..graph.store import recorded_digest

    return recorded_digest(path) if path.is_dir() else file_digest(path)


def write_graph_bytes(path: Path, data: bytes, digest: str, base_iri: str) -> None:
    """Write a built graph: the bytes to a file, or (N-Quads) into a store folder, atomically either way."""
    from ..graph.formats import STORE_FORMAT, format_for

    if format_for(path) == STORE_FORMAT:
        from ..graph.store import write_nquads_store

        write_nquads_store(data, path, digest=digest, base_iri=base_iri)
    else:
        write_atomic(path, data)


def content_hash(text: str) -> str:
    return digest(text, length=64)


def extraction_key(pipeline: str, min_confidence: float, lexicons: list[str]) -> str:
    """A digest of everything an article's extraction depends on besides its text."""
    files = sorted((ontology_dir() / "lexicons").glob("*.jsonl")) + sorted((ontology_dir() / "patterns").glob("*"))
    files += sorted((_PACKAGE / "extract").glob("*.py")) + sorted((_PACKAGE / "nlp").glob("*.py"))
    files = [p for p in files if p.is_file()] + [Path(p) for p in lexicons]
    sha = hashlib.sha256(f"{pipeline}\x1f{min_confidence!r}".encode())
    for path in files:
        sha.update(path.name.encode() + b"\x1f" + path.read_bytes() + b"\x1e")
    return sha.hexdigest()[:32]


@lru_cache(maxsize=1)
def rdf_code_key() -> str:
    """A digest of the code that turns results into N-Quads: stored article graphs are only reused with it."""
    sha = hashlib.sha256()
    for name in ("graph/rdf.py", "graph/nquads.py", "ids.py", "graph/vocab.py"):
        sha.update((_PACKAGE / name).read_bytes())
    return sha.hexdigest()[:16]


def entry_key(text_hash: str, key: str) -> str:
    return digest(text_hash, key, length=32)


class BuildState:
    """The state folder of one graph."""

    def __init__(self, graph: str | Path):
        self.graph = Path(graph)
        self.folder = state_folder(graph)

    # -- reading -----------------------------------------------------------------
    def open(self) -> Manifest:
        """The manifest of an existing graph, after checking that the graph is the one it describes."""
        if not graph_present(self.graph):
            raise GraphError(f"{self.graph}: no such graph file; build it first with `graphkit build`")
        manifest_path = self.folder / _MANIFEST
        self._recover()
        if not manifest_path.is_file():
            raise GraphError(f"{self.graph}: has no graphkit build state ({self.folder}/), so it cannot be "
                             "updated: it was not written by `graphkit build`, or its state was removed; "
                             "build it again with `graphkit build`")
        manifest = Manifest.from_json(manifest_path.read_bytes(), str(manifest_path))
        if graph_digest(self.graph) != manifest.graph_digest:
            raise GraphError(f"{self.graph}: differs from the graph graphkit last wrote there (it is corrupt, "
                             "edited or another file), so it was left untouched; build it again with `graphkit build`")
        return manifest

    def _recover(self) -> None:
        """Finish or undo a commit that was interrupted."""
        pending = self.folder / _NEXT
        if not pending.is_file():
            return
        try:
            manifest = Manifest.from_json(pending.read_bytes(), str(pending))
            finished = graph_present(self.graph) and graph_digest(self.graph) == manifest.graph_digest
        except GraphError:
            finished = False
        if finished:
            self._adopt_next()
        else:
            pending.unlink()

    def entry_path(self, key: str) -> Path:
        return self.folder / "articles" / f"{key}.json"

    def has_entry(self, key: str) -> bool:
        return self.entry_path(key).is_file()

    def load(self, record: ArticleRecord) -> ArticleResult:
        """An article of the manifest with its stored extraction."""
        article = Article(id=record.id, text="", title=record.title, url=record.url, date=record.date,
                          outlet=record.outlet, source=record.source, origin=record.origin)
        result = self.load_entry(record.entry, article)
        if content_hash(result.article.text) != record.content_hash:
            raise GraphError(f"{self.folder}: the stored text of article {record.id!r} does not match its hash; "
                             "build the graph again with `graphkit build`")
        return result

    def load_entry(self, key: str, article: Article) -> ArticleResult:
        """The stored extraction under key, attached to article (whose text is taken from the entry)."""
        path = self.entry_path(key)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return ArticleResult.from_dict({**data, "article": {**asdict(article), "text": data["text"]}})
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise GraphError(f"{self.folder}: the stored extraction of article {article.id!r} is missing or damaged "
                             f"({type(exc).__name__}); build the graph again with `graphkit build`") from None

    # -- writing -----------------------------------------------------------------
    def save(self, key: str, result: ArticleResult) -> None:
        """Store one article's extraction (idempotent: the key names the content)."""
        path = self.entry_path(key)
        if path.is_file():
            return
        _make_folder(path.parent)
        data = result.to_dict()
        data = {"text": data["article"]["text"], "entities": data["entities"],
                "relations": data["relations"], "mentions": data["mentions"]}
        write_atomic(path, json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8"))

    def fragment_path(self, key: str) -> Path:
        return self.folder / "fragments" / f"{key}.nq"

    def fragment(self, key: str) -> str | None:
        """An article's stored N-Quads, or None when missing or damaged (it is then written anew)."""
        try:
            raw = self.fragment_path(key).read_bytes()
        except OSError:
            return None
        check, _, body = raw.partition(b"\n")
        if check != b"# " + hashlib.sha256(body).hexdigest().encode():
            return None
        return body.decode("utf-8")

    def save_fragment(self, key: str, text: str) -> None:
        path = self.fragment_path(key)
        _make_folder(path.parent)
        body = text.encode("utf-8")
        write_atomic(path, b"# " + hashlib.sha256(body).hexdigest().encode() + b"\n" + body)

    def commit(self, manifest: Manifest, graph_bytes: bytes) -> None:
        """Replace the graph and its manifest together.

        The next manifest (with the new graph's digest) is written first, then the
        graph, then the manifest is renamed into place; ``_recover`` completes or
        discards a commit that stopped in between.
        """
        _make_folder(self.folder)
        manifest.graph_digest = hashlib.sha256(graph_bytes).hexdigest()
        write_atomic(self.folder / _NEXT, manifest.to_json())
        write_graph_bytes(self.graph, graph_bytes, manifest.graph_digest, manifest.settings.base_iri)
        self._adopt_next()
        self._collect_garbage("articles", "*.json", {a.entry for a in manifest.articles})
        self._collect_garbage("fragments", "*.nq", {a.fragment for a in manifest.articles})

    def _adopt_next(self) -> None:
        os.replace(self.folder / _NEXT, self.folder / _MANIFEST)

    def _collect_garbage(self, folder: str, pattern: str, keep: set[str]) -> None:
        for path in (self.folder / folder).glob(pattern):
            if path.stem not in keep:
                path.unlink(missing_ok=True)


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{folder}: the build state folder cannot be created ({exc.strerror})") from None
