"""Export formats: a registry of small writer functions, one module per family.

``export(dataset, fmt, out)`` looks the format up in ``WRITERS``; adding a
format means adding one function and one registry line.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import UnknownFormat
from . import rdf, tables, tools


@dataclass(frozen=True)
class Writer:
    name: str
    write: Callable[..., None]      # (dataset, path) -> None
    kind: str                       # "file" or "folder"
    description: str


WRITERS: dict[str, Writer] = {w.name: w for w in (
    Writer("jsonld", rdf.write_jsonld, "file", "JSON-LD with graphkit's context"),
    Writer("graphml", tools.write_graphml, "file", "GraphML for Gephi, Cytoscape and yEd"),
    Writer("csv", tables.write_csv, "folder", "nodes.csv and edges.csv with evidence, for spreadsheets"),
)}


def export(dataset, fmt: str, out: str | Path) -> Writer:
    try:
        writer = WRITERS[fmt]
    except KeyError:
        raise UnknownFormat(f"unknown export format {fmt!r}; use one of {', '.join(sorted(WRITERS))}") from None
    writer.write(dataset, Path(out))
    return writer
