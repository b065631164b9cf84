"""RDF exports through rdflib's serializers."""
from __future__ import annotations

from pathlib import Path

from ..rdfio import serialize, write_atomic


def write_jsonld(dataset, path: Path) -> None:
    write_atomic(path, serialize(dataset, "json-ld"))
