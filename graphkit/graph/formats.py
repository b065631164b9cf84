"""Which format a GRAPH path names: an RDF file by its extension, or an Oxigraph store folder.

A GRAPH is an RDF file whose extension names its format (.ttl .trig .nq .nt
.jsonld), or an embedded Oxigraph store: a folder whose name ends in
``.oxigraph``, or any existing folder holding one. Reading and writing files
(:mod:`graphkit.graph.files`) and stores (:mod:`graphkit.graph.store`) both
start here.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import UnknownFormat

FORMATS = {
    ".ttl": "turtle",
    ".trig": "trig",
    ".nq": "nquads",
    ".nt": "nt",
    ".jsonld": "json-ld",
}
QUAD_FORMATS = {"trig", "nquads", "json-ld"}
STORE_FORMAT = "oxigraph"
STORE_SUFFIX = ".oxigraph"


def format_for(path: str | Path) -> str:
    """The rdflib format name for a graph file, or ``"oxigraph"`` for a store folder."""
    target = Path(path)
    if is_store_path(target):
        if is_foreign_folder(target):
            raise UnknownFormat(f"{path}: this folder is not an Oxigraph store (a store folder holds a CURRENT file)")
        return STORE_FORMAT
    suffix = target.suffix.lower()
    try:
        return FORMATS[suffix]
    except KeyError:
        known = ", ".join([*FORMATS, STORE_SUFFIX + " (a store folder)"])
        raise UnknownFormat(f"{path}: unknown graph extension {suffix or '(none)'!r}; use one of {known}") from None


def looks_like_store(folder: Path) -> bool:
    """A RocksDB folder (Oxigraph's on-disk format) has a CURRENT file."""
    return (folder / "CURRENT").is_file()


def is_store_path(path: str | Path) -> bool:
    """A GRAPH names a store when it ends in .oxigraph or is an existing folder."""
    target = Path(path)
    return target.suffix.lower() == STORE_SUFFIX or target.is_dir()


def is_foreign_folder(target: Path) -> bool:
    """A folder with files in it that is not an Oxigraph store: never read or replaced as one."""
    return target.is_dir() and not looks_like_store(target) and any(target.iterdir())
