"""Read and write graphs; the format comes from the path.

A GRAPH is an RDF file whose extension names its format (.ttl .trig .nq .nt
.jsonld), or an embedded Oxigraph store: a folder whose name ends in
``.oxigraph``, or any existing folder holding one (see
:mod:`graphkit.graph.formats`); stores are read and written by
:mod:`graphkit.graph.store`.

Writes are atomic: the graph goes to a temporary file (or folder) beside the
target, which is renamed over it only once complete, so an existing graph is
never left half-written.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rdflib import Dataset

from ..errors import GraphError, OutputError
from . import tempfiles
from .formats import QUAD_FORMATS, STORE_FORMAT, format_for


def serialize(ds: Dataset, fmt: str) -> bytes:
    if fmt in ("turtle", "trig"):
        return _oxigraph_text(ds, fmt)
    if fmt in QUAD_FORMATS:
        data = ds.serialize(format=fmt, encoding="utf-8")
    else:
        # triple formats flatten the named graphs; statements keep their article in prov:wasDerivedFrom
        data = _flatten(ds).serialize(format=fmt, encoding="utf-8")
    return data


def _oxigraph_text(ds: Dataset, fmt: str) -> bytes:
    """Turtle and TriG written by Oxigraph, as a build writes them: every literal keeps its lexical form
    (rdflib's Turtle writer turns "7800000"^^xsd:decimal into 7800000.0, another RDF term)."""
    from .nquads import convert

    text = ds.serialize(format="nquads", encoding="utf-8").decode("utf-8")
    prefixes = {prefix: str(ns) for prefix, ns in ds.namespaces() if prefix and f"<{ns}" in text}
    return convert(text, fmt, prefixes)


def _flatten(ds: Dataset):
    from rdflib import Graph

    graph = Graph()
    for prefix, namespace in ds.namespaces():
        graph.bind(prefix, namespace, override=True)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write bytes to path through a temporary file in the same folder."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{target}: the folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=tempfiles.prefix(target), suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write in {folder} ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~_umask())
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{target}: cannot be written ({exc.strerror})") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    tempfiles.clear_stale(target)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_graph(ds: Dataset, path: str | Path) -> None:
    """Write a Dataset to a graph file, or to a store folder, atomically."""
    fmt = format_for(path)
    if fmt == STORE_FORMAT:
        from .store import write_store

        write_store(ds, path)
    else:
        write_atomic(path, serialize(ds, fmt))


def read_graph(path: str | Path) -> Dataset:
    """Read a graph file or store into a Dataset whose default graph is the union of all graphs."""
    source = Path(path)
    fmt = format_for(source)
    if fmt == STORE_FORMAT:
        from .store import read_dataset

        return read_dataset(source)
    if not source.is_file():
        raise GraphError(f"{source}: no such graph file")
    ds = Dataset(default_union=True)
    try:
        ds.parse(str(source), format=fmt)
    except Exception as exc:    # rdflib raises many kinds on malformed input
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise GraphError(f"{source}: cannot be read as {fmt} ({first[:200]})") from None
    return ds
