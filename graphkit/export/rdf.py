"""Standard RDF exports through rdflib's serializers.

TriG, N-Quads and JSON-LD keep one named graph per article. Turtle,
N-Triples and RDF/XML have no named graphs, so the article graphs are merged;
each ``gk:Statement`` still names its article with ``prov:wasDerivedFrom``.
The line formats are written with sorted lines, so two exports of one graph
diff cleanly.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..errors import ResourceError
from ..graph.files import serialize, write_atomic
from ..resources import ontology_dir

CONTEXT_FILE = "context.jsonld"


def write_turtle(dataset, path: Path) -> None:
    write_atomic(path, serialize(dataset, "turtle"))


def write_trig(dataset, path: Path) -> None:
    write_atomic(path, serialize(dataset, "trig"))


def write_nquads(dataset, path: Path) -> None:
    write_atomic(path, sorted_lines(serialize(dataset, "nquads")))


def write_ntriples(dataset, path: Path) -> None:
    write_atomic(path, sorted_lines(serialize(dataset, "nt")))


def write_rdfxml(dataset, path: Path) -> None:
    write_atomic(path, serialize(dataset, "xml"))


def write_jsonld(dataset, path: Path) -> None:
    """JSON-LD compacted with ontologies/context.jsonld, which is embedded so the file stands alone."""
    text = dataset.serialize(format="json-ld", context=jsonld_context(), auto_compact=True)
    write_atomic(path, text.encode("utf-8"))


def jsonld_context() -> dict:
    path = ontology_dir() / CONTEXT_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8"))["@context"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ResourceError(f"{path}: is not a readable JSON-LD context ({exc})") from None


def sorted_lines(data: bytes) -> bytes:
    lines = sorted(line for line in data.splitlines() if line.strip())
    return b"".join(line + b"\n" for line in lines)
