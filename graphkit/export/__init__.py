"""Export formats: a registry of small writer functions, one module per family.

    >>> from graphkit.export import export
    >>> export(dataset, "graphml", "graph.graphml")        # doctest: +SKIP

Each :class:`Format` names the function that writes it as ``"module:function"``
inside this package. The module is imported only when its format is used, so
the command line starts fast and a library needed by one format (for example
followthemoney) is loaded by that format alone. Adding a format means writing
one ``write_x(dataset, path)`` function and adding one line to ``FORMATS``.

Families: ``rdf`` (standard RDF), ``tools`` (GraphML, GEXF, Cytoscape.js),
``neo4j`` (neo4j-admin CSV and a LOAD CSV script), ``ftm`` (FollowTheMoney
entities for Aleph), ``tables`` (CSV for spreadsheets).
"""
from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import UnknownFormat

__all__ = ["FORMATS", "Format", "export", "format_named"]


@dataclass(frozen=True)
class Format:
    name: str
    writer: str             # "module:function" in graphkit.export; the function takes (dataset, path)
    folder: bool            # True when the output is a folder of files
    description: str

    @property
    def kind(self) -> str:
        return "folder" if self.folder else "file"

    def load(self) -> Callable[..., None]:
        module, function = self.writer.split(":")
        return getattr(importlib.import_module(f"{__name__}.{module}"), function)


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("turtle", "rdf:write_turtle", False, "Turtle; the article graphs merged, each statement names its article"),
    Format("trig", "rdf:write_trig", False, "TriG with one named graph per article"),
    Format("nquads", "rdf:write_nquads", False, "N-Quads with one named graph per article, lines sorted"),
    Format("ntriples", "rdf:write_ntriples", False, "N-Triples, the article graphs merged, lines sorted"),
    Format("rdfxml", "rdf:write_rdfxml", False, "RDF/XML, the article graphs merged"),
    Format("jsonld", "rdf:write_jsonld", False, "JSON-LD with graphkit's context (short keys), one graph per article"),
    Format("graphml", "tools:write_graphml", False, "GraphML for Gephi, Cytoscape and yEd"),
    Format("gexf", "tools:write_gexf", False, "GEXF for Gephi"),
    Format("cytoscape", "tools:write_cytoscape", False, "Cytoscape.js JSON (elements with data), also read by Cytoscape"),
    Format("neo4j", "neo4j:write_neo4j", True, "CSV files for neo4j-admin database import, and load.cypher for LOAD CSV"),
    Format("ftm", "ftm:write_ftm", False, "FollowTheMoney entities as JSON lines, for Aleph"),
    Format("csv", "tables:write_csv", True, "nodes.csv and edges.csv with evidence and sources, for spreadsheets"),
)}


def format_named(name: str) -> Format:
    """The export format called ``name``; :class:`UnknownFormat` lists the valid names."""
    try:
        return FORMATS[name]
    except KeyError:
        raise UnknownFormat(f"unknown export format {name!r}; use one of {', '.join(FORMATS)}") from None


def export(dataset, fmt: str, out: str | Path) -> Format:
    """Write ``dataset`` (an rdflib Dataset of a graphkit graph) to ``out`` as format ``fmt``."""
    chosen = format_named(fmt)
    chosen.load()(dataset, Path(out))
    return chosen
