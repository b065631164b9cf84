"""A person's decisions, kept in a resolver file beside the articles and applied last.

```yaml
same:                       # these names are one entity
  - [ACLU, American Civil Liberties Union]
different:                  # these are never merged
  - [Amazon, Amazon Web Services]
type:                       # this one is a Company, whatever the articles suggest
  Ring: Company
reject:                     # a relation a person checked and found wrong (optionally in one article)
  - subject: Acme
    predicate: sellsTo
    object: Springfield Police Department
    article: acme-contract
    by: Jane Roe
    note: the city cancelled the tender
assert:                     # a relation no article states, that a person checked
  - subject: Acme
    predicate: sellsTo
    object: City of Springfield
    by: Jane Roe
    source: https://city.example/contracts/114
    note: contract 114, signed 4 March 2024
```

A name may carry a type in parentheses when it is ambiguous, e.g.
``Amazon (Location)``. ``different`` applies before automatic merging (so no
rule may merge the two), ``same`` and ``type`` after it, ``reject`` and
``assert`` once entities are resolved (see :mod:`.corrections`), on every
build, add and remove. ``by`` (who checked) is required for both.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from ..errors import ResourceError
from ..ids import normalize_name
from ..model import ENTITY_TYPES, PREDICATES
from ..resources import read_yaml

RESOLVER_FILE_NAMES = ("resolver.yaml", "resolver.yml")
_TYPED = re.compile(r"^(.*\S)\s*\((" + "|".join(ENTITY_TYPES) + r")\)$")
_SECTIONS = ("same", "different", "type", "reject", "assert")
_CORRECTION_KEYS = {"reject": ("subject", "predicate", "object", "by", "note", "article"),
                    "assert": ("subject", "predicate", "object", "by", "note", "article", "source")}


@dataclass(frozen=True)
class Ref:
    """A reference to an entity by one of its names, optionally with its type."""

    name: str
    type: str = ""

    @property
    def norm(self) -> str:
        return normalize_name(self.name)

    def __str__(self) -> str:
        return f"{self.name} ({self.type})" if self.type else self.name


@dataclass(frozen=True)
class Correction:
    """A relation a person rejected or asserted, with who checked it."""

    kind: str               # "reject" or "assert"
    subject: Ref
    predicate: str
    object: Ref
    by: str
    note: str = ""
    article: str = ""       # reject: only as stated in this article; assert: the article it rests on
    source: str = ""        # assert: the document or address checked

    def __str__(self) -> str:
        where = f" in {self.article}" if self.article else ""
        return f"{self.kind}: {self.subject} {self.predicate} {self.object}{where}"


@dataclass
class Decisions:
    same: list[tuple[Ref, ...]] = field(default_factory=list)
    different: list[tuple[Ref, Ref]] = field(default_factory=list)
    types: list[tuple[Ref, str]] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)
    files: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.same or self.different or self.types or self.corrections)


def find_resolver_files(inputs) -> list[Path]:
    """resolver.yaml in each input folder, or beside each input file."""
    found: list[Path] = []
    for item in inputs:
        path = Path(item)
        folder = path if path.is_dir() else path.parent
        for name in RESOLVER_FILE_NAMES:
            candidate = (folder / name).resolve()
            if candidate.is_file() and candidate not in found:
                found.append(candidate)
    return found


def load_decisions(paths) -> Decisions:
    decisions = Decisions(files=tuple(str(p) for p in paths))
    for path in paths:
        path = Path(path)
        if not path.is_file():
            raise ResourceError(f"{path}: the resolver file does not exist")
        data = read_yaml(path) if path.read_text(encoding="utf-8", errors="replace").strip() else {}
        parse_into(decisions, data, str(path))
    _check_contradictions(decisions)
    return decisions


def parse_into(decisions: Decisions, data: dict, where: str) -> None:
    unknown = sorted(set(data) - set(_SECTIONS))
    if unknown:
        raise ResourceError(f"{where}: unknown section {unknown[0]!r}; a resolver file has {', '.join(_SECTIONS)}")
    for section in ("same", "different"):
        if not isinstance(data.get(section) or [], list):
            raise ResourceError(f"{where}: \"{section}\" must be a list of name lists, e.g. [[ACLU, American Civil Liberties Union]]")
    for number, group in enumerate(data.get("same") or [], start=1):
        refs = _refs(group, f"{where}: same, item {number}")
        decisions.same.append(refs)
    for number, group in enumerate(data.get("different") or [], start=1):
        refs = _refs(group, f"{where}: different, item {number}")
        decisions.different.extend(combinations(refs, 2))
    types = data.get("type") or {}
    if not isinstance(types, dict):
        raise ResourceError(f"{where}: \"type\" must map names to types, e.g. \"Ring: Company\"")
    for name, etype in types.items():
        if etype not in ENTITY_TYPES:
            raise ResourceError(f"{where}: type of {name!r} must be one of {', '.join(ENTITY_TYPES)}, not {etype!r}")
        decisions.types.append((_ref(name, f"{where}: type"), etype))
    for kind in ("reject", "assert"):
        items = data.get(kind) or []
        if not isinstance(items, list):
            raise ResourceError(f"{where}: \"{kind}\" must be a list of relations, each with subject, predicate, "
                                "object and by (who checked it)")
        for number, item in enumerate(items, start=1):
            decisions.corrections.append(_correction(kind, item, f"{where}: {kind}, item {number}"))


def _correction(kind: str, item, where: str) -> Correction:
    if not isinstance(item, dict):
        raise ResourceError(f"{where}: must be a mapping with subject, predicate, object and by")
    unknown = sorted(set(item) - set(_CORRECTION_KEYS[kind]))
    if unknown:
        raise ResourceError(f"{where}: unknown key {unknown[0]!r}; {kind} takes {', '.join(_CORRECTION_KEYS[kind])}")
    text = {key: str(item.get(key) or "").strip() for key in _CORRECTION_KEYS[kind]}
    for key in ("subject", "predicate", "object", "by"):
        if not text[key]:
            what = "who checked it, so that the graph records a person's decision" if key == "by" else "a " + key
            raise ResourceError(f"{where}: needs \"{key}\": {what}")
    if text["predicate"] not in PREDICATES:
        raise ResourceError(f"{where}: predicate {text['predicate']!r} is not one of graphkit's relations "
                            f"({', '.join(PREDICATES)})")
    return Correction(kind, _ref(text["subject"], where), text["predicate"], _ref(text["object"], where), text["by"],
                      text["note"], text["article"], text.get("source", ""))


def _refs(group, where: str) -> tuple[Ref, ...]:
    if not isinstance(group, list) or len(group) < 2:
        raise ResourceError(f"{where}: must be a list of at least two names, e.g. [ACLU, American Civil Liberties Union]")
    refs = tuple(_ref(item, where) for item in group)
    if len({(r.norm, r.type) for r in refs}) < len(refs):
        raise ResourceError(f"{where}: lists the same name twice")
    return refs


def _ref(item, where: str) -> Ref:
    if not isinstance(item, (str, int, float)) or not normalize_name(str(item)):
        raise ResourceError(f"{where}: {item!r} is not an entity name")
    text = str(item).strip()
    match = _TYPED.match(text)
    return Ref(match.group(1), match.group(2)) if match else Ref(text)


def _check_contradictions(decisions: Decisions) -> None:
    together = set()
    for group in decisions.same:
        together.update(frozenset((a.norm, b.norm)) for a, b in combinations(group, 2))
    for a, b in decisions.different:
        if frozenset((a.norm, b.norm)) in together:
            raise ResourceError(f"{', '.join(decisions.files)}: {a} and {b} are declared both the same and different")
