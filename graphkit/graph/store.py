"""Oxigraph for graphkit: open a GRAPH (RDF file or store folder), write a store.

A *store* is a folder holding an embedded Oxigraph database (RocksDB) that
``graphkit build -o NAME.oxigraph`` writes. It opens instantly, whatever its
size, where an RDF file has to be parsed on every run.

graphkit's queries see the union of all named graphs as their default graph,
as a set (a fact stated by fifty articles is one triple). Oxigraph's own
"default graph as union" option repeats a triple once per graph, which makes
joins both slower and wrong for counts, so graphkit materialises the union:
every triple is also stored once in the store's default graph, and queries
run on that. The store's named graphs are untouched, so ``GRAPH ?g { … }``
still reaches one article. A marker file (``graphkit-store.json``) records
this; a store written by other tools is queried with Oxigraph's union
option instead.

    GraphStore  an open pyoxigraph Store plus how to query it
    open_graph(path)            file -> in-memory store; folder -> read-only store
    load_into_memory(path)      file or folder -> in-memory store
    write_store(dataset, path)  rdflib Dataset -> store folder, atomically
    write_nquads_store(data, path, digest=…)  a build's N-Quads -> store folder
    copy_to_store(path, folder) RDF file -> new store folder (used by ``serve``)
    read_dataset(path)          store folder -> rdflib Dataset (for viz, export, validate)

Queries on an open store are run by :mod:`graphkit.query.oxigraph`.
"""
from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from ..errors import GraphError, OutputError, first_line
from . import tempfiles
from .formats import format_for, is_foreign_folder, is_store_path, looks_like_store
from .vocab import DEFAULT_BASE_IRI, PREFIXES

MARKER = "graphkit-store.json"
MARKER_VERSION = 1


@dataclass
class GraphStore:
    """An open Oxigraph store and whether its default graph already holds the union."""

    store: ox.Store
    source: Path
    union_in_default: bool = True

    def __len__(self) -> int:
        return len(self.store)


# -- recognising a store ---------------------------------------------------
def check_store_target(target: Path) -> None:
    """Refuse to replace anything that is not a store (or an empty folder)."""
    if is_foreign_folder(target):
        raise OutputError(f"{target}: this folder is not an Oxigraph store, so graphkit will not replace it")
    if target.exists() and not target.is_dir():
        raise OutputError(f"{target}: a file of that name exists; a store is a folder")


def read_marker(folder: Path) -> dict:
    try:
        return json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


# -- opening ---------------------------------------------------------------
def open_graph(path: str | Path) -> GraphStore:
    """Open a GRAPH for querying: a store folder read-only, an RDF file loaded into memory."""
    source = Path(path)
    if is_store_path(source):
        return open_store(source)
    check_graph_file(source)
    store = ox.Store()
    load_file(store, source)
    return GraphStore(store, source, union_in_default=True)


def check_graph_file(source: Path) -> None:
    """A clear error for a missing file or an extension no parser knows."""
    format_for(source)
    if not source.is_file():
        raise GraphError(f"{source}: no such graph file")


def load_into_memory(path: str | Path) -> GraphStore:
    """The GRAPH as an in-memory store: a file parsed, a store folder copied (for ``serve``)."""
    source = Path(path)
    if not is_store_path(source):
        return open_graph(source)
    on_disk = open_store(source)
    memory = ox.Store()
    memory.bulk_extend(on_disk.store.quads_for_pattern(None, None, None, None))
    return GraphStore(memory, source, union_in_default=on_disk.union_in_default)


def open_store(folder: Path) -> GraphStore:
    if not folder.is_dir():
        raise GraphError(f"{folder}: no such store folder")
    if not looks_like_store(folder):
        raise GraphError(f"{folder}: this folder is not an Oxigraph store")
    try:
        store = ox.Store.read_only(str(folder))
    except OSError as exc:
        raise GraphError(f"{folder}: cannot be opened as an Oxigraph store ({first_line(exc)})") from None
    return GraphStore(store, folder, union_in_default=read_marker(folder).get("default_graph") == "union")


def load_file(store: ox.Store, source: Path) -> None:
    """Parse an RDF file with Oxigraph's parser into the store, union copy included."""
    rdf_format = ox.RdfFormat.from_extension(source.suffix.lstrip(".").lower())
    try:
        store.bulk_extend(with_union(ox.parse(path=str(source), format=rdf_format)))
    except (SyntaxError, ValueError) as exc:
        raise GraphError(f"{source}: cannot be read as {rdf_format.name} ({first_line(exc)})") from None


def with_union(items: Iterable) -> Iterator[ox.Quad]:
    """Each quad, and its triple once more in the default graph (the store dedups it)."""
    for item in items:
        if isinstance(item, ox.Triple):
            yield ox.Quad(item.subject, item.predicate, item.object)
            continue
        yield item
        if not isinstance(item.graph_name, ox.DefaultGraph):
            yield ox.Quad(item.subject, item.predicate, item.object)


# -- terms -----------------------------------------------------------------
def to_oxigraph(term):
    """An rdflib term as a pyoxigraph term (pyoxigraph terms pass through)."""
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)) if term.datatype else None)
    return term


def to_rdflib(term):
    from rdflib import BNode, Literal, URIRef

    from .terms import XSD_STRING

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return Literal(term.value, datatype=None if datatype == XSD_STRING else URIRef(datatype))


# -- writing and reading stores ----------------------------------------------
def write_store(dataset, path: str | Path) -> None:
    """Write an rdflib Dataset as a store folder: built beside the target, then swapped in."""
    prefixes = {prefix: str(ns) for prefix, ns in dataset.namespaces()}
    fill_atomic(Path(path), lambda store: store.bulk_extend(with_union(_quads(dataset))), prefixes)


def copy_to_store(source: str | Path, folder: str | Path) -> None:
    """Write an RDF file as a new store folder (Oxigraph's parser, no rdflib)."""
    source = Path(source)
    check_graph_file(source)
    fill_atomic(Path(folder), lambda store: load_file(store, source), dict(PREFIXES))


def write_nquads_store(data: bytes, path: str | Path, *, digest: str, base_iri: str = DEFAULT_BASE_IRI) -> None:
    """Write N-Quads (what ``graphkit build`` produces) as a store folder; the marker keeps their SHA-256."""
    def fill(store: ox.Store) -> None:
        # graphkit checked every IRI it built, as graphkit.graph.nquads.convert does for files
        store.bulk_extend(with_union(ox.parse(data, format=ox.RdfFormat.N_QUADS, lenient=True)))

    fill_atomic(Path(path), fill, {**PREFIXES, "gkid": base_iri}, source_sha256=digest)


def recorded_digest(folder: Path) -> str:
    """The SHA-256 of the N-Quads a build filled this store from, or "" for any other store."""
    return str(read_marker(folder).get("source_sha256", ""))


def fill_atomic(target: Path, fill, prefixes: dict[str, str], **marker_extra) -> None:
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"{target}: the folder {parent} does not exist")
    check_store_target(target)
    try:
        staging = Path(tempfile.mkdtemp(prefix=tempfiles.prefix(target), dir=parent))
    except OSError as exc:
        raise OutputError(f"{target}: cannot write in {parent} ({exc.strerror})") from None
    try:
        store = ox.Store(str(staging))
        fill(store)
        store.flush()
        store.optimize()                    # compacts the bulk-loaded files: queries read from disk twice as fast
        del store                           # closes the database before the folder moves
        marker = {"graphkit_store": MARKER_VERSION, "default_graph": "union", "prefixes": prefixes, **marker_extra}
        (staging / MARKER).write_text(json.dumps(marker, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        swap_in(staging, target)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise OutputError(f"{target}: cannot be written ({exc.strerror or first_line(exc)})") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    tempfiles.clear_stale(target)


def swap_in(staging: Path, target: Path) -> None:
    """Replace target by staging with two renames; the old folder is removed last."""
    if not target.exists():
        staging.rename(target)
        return
    old = Path(tempfile.mkdtemp(prefix=tempfiles.prefix(target, "-old"), dir=staging.parent))
    old.rmdir()
    target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def _quads(dataset) -> Iterator[ox.Quad]:
    from rdflib import BNode, URIRef
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    for s, p, o, name in dataset.quads((None, None, None, None)):
        name = getattr(name, "identifier", name)
        if isinstance(name, BNode):
            graph_name = ox.BlankNode(str(name))
        elif isinstance(name, URIRef) and name != DATASET_DEFAULT_GRAPH_ID:
            graph_name = ox.NamedNode(str(name))
        else:
            graph_name = ox.DefaultGraph()
        yield ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), graph_name)


def read_dataset(path: str | Path):
    """A store folder as an rdflib Dataset (default graph = union), for commands that need rdflib."""
    from rdflib import Dataset

    graph = open_store(Path(path))
    dataset = Dataset(default_union=True)
    for prefix, namespace in {**PREFIXES, **read_marker(graph.source).get("prefixes", {})}.items():
        dataset.bind(prefix, namespace, override=True)
    for name in graph.store.named_graphs():
        context = dataset.graph(to_rdflib(name))
        dataset.addN((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object), context)
                     for q in graph.store.quads_for_pattern(None, None, None, name))
    if not graph.union_in_default:          # else the default graph is the materialised union
        context = dataset.default_graph
        dataset.addN((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object), context)
                     for q in graph.store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    return dataset
