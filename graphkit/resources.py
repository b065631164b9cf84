"""Find and load graphkit's data: ontology, shapes, lexicons, cue lists, saved queries.

The data lives in the repository's ``ontologies/`` and ``examples/queries/``
folders; a wheel carries copies inside the package. Loaders return plain
values and raise :class:`~graphkit.errors.ResourceError` on malformed files.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from .errors import ResourceError
from .model import ENTITY_TYPES

_PACKAGE = Path(__file__).resolve().parent


def _find(*candidates: Path) -> Path:
    for candidate in candidates:
        if candidate.exists():
            return candidate
    raise ResourceError(f"graphkit's data folder is missing; looked in {', '.join(map(str, candidates))}")


def ontology_dir() -> Path:
    """The folder holding graphkit.ttl, shapes.ttl, lexicons/ and patterns/."""
    return _find(_PACKAGE / "ontologies", _PACKAGE.parent / "ontologies")


def queries_dir() -> Path:
    """The folder of saved SPARQL queries shipped with graphkit."""
    return _find(_PACKAGE / "queries", _PACKAGE.parent / "examples" / "queries")


def ontology_path() -> Path:
    return ontology_dir() / "graphkit.ttl"


def shapes_path() -> Path:
    return ontology_dir() / "shapes.ttl"


@dataclass(frozen=True)
class LexiconEntry:
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    wikidata: str = ""
    generic: bool = False   # a collective actor ("police", "rights groups"), not a named one


@dataclass
class Lexicon:
    """Known entities: every name and alias mapped to its entry."""

    entries: list[LexiconEntry] = field(default_factory=list)

    def names(self) -> dict[str, LexiconEntry]:
        from .ids import normalize_name

        table: dict[str, LexiconEntry] = {}
        for entry in self.entries:
            for name in (entry.name, *entry.aliases):
                table.setdefault(normalize_name(name), entry)
        return table


def read_jsonl(path: Path) -> list[dict]:
    records = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ResourceError(f"{path}: cannot be read ({exc})") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ResourceError(f"{path}:{number}: is not valid JSON ({exc.msg})") from None
        if not isinstance(record, dict):
            raise ResourceError(f"{path}:{number}: is not a JSON object")
        records.append(record)
    return records


class _UniqueKeyLoader(yaml.BaseLoader):
    """YAML's base loader, except that a key given twice in one mapping is an error: plain YAML keeps
    the last one, so a second list of the same name would silently replace the first."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, str):
                continue                    # an unhashable key is refused by the base loader itself
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"key {key!r} is given twice", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def read_yaml(path: Path) -> dict:
    """A YAML mapping whose scalars all stay strings ("on" is a preposition, not a boolean) and whose
    keys are each given once."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ResourceError(f"{path}: cannot be read as YAML ({exc})") from None
    if not isinstance(data, dict):
        raise ResourceError(f"{path}: must hold a YAML mapping")
    return data


def load_lexicon(extra: tuple[str | Path, ...] = ()) -> Lexicon:
    """The bundled lexicons plus any user lexicon files (same JSON-lines format)."""
    paths = sorted((ontology_dir() / "lexicons").glob("*.jsonl")) + [Path(p) for p in extra]
    entries = []
    for path in paths:
        for number, record in enumerate(read_jsonl(path), start=1):
            entries.append(_entry(record, f"{path} entry {number}"))
    return Lexicon(entries)


def _entry(record: dict, where: str) -> LexiconEntry:
    name, etype = record.get("name"), record.get("type")
    if not isinstance(name, str) or not name.strip():
        raise ResourceError(f"{where}: needs a \"name\"")
    if etype not in ENTITY_TYPES:
        raise ResourceError(f"{where}: \"type\" must be one of {', '.join(ENTITY_TYPES)}, not {etype!r}")
    aliases = record.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise ResourceError(f"{where}: \"aliases\" must be a list of strings")
    return LexiconEntry(name.strip(), etype, tuple(aliases), str(record.get("wikidata", "")),
                        bool(record.get("generic", False)))


@lru_cache(maxsize=None)
def load_cues(name: str) -> dict:
    """A YAML cue file from ontologies/patterns/, e.g. ``load_cues("predicates")``."""
    return read_yaml(ontology_dir() / "patterns" / f"{name}.yaml")
