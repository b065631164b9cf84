"""Known entities from the lexicons, and the article-local entities that name them.

Lexicon lines with the same name and type family are one known entity, so a
user lexicon can add aliases (or a Wikidata id) to a bundled entry by
repeating its name.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..ids import entity_kind
from ..resources import Lexicon
from .names import NameRoles, normalize_name


@dataclass
class Known:
    """One lexicon entity: the union of the lexicon lines that share its name."""

    id: str                 # "org:american civil liberties union"
    name: str
    type: str
    wikidata: str = ""
    names: set[str] = field(default_factory=set)      # normalised names and aliases
    generic: bool = False   # a collective actor ("police"): one entity per article, never merged across articles


SCOPE = "@"     # "org:police@article-id": a generic known entity as one article knows it


def scoped(ident: str, article: str) -> str:
    return f"{ident}{SCOPE}{article}"


class KnownEntities:
    """Lookup of lexicon entities by (type family, normalised name) and by Wikidata id."""

    def __init__(self, lexicon: Lexicon | None):
        self.by_id: dict[str, Known] = {}
        self.by_name: dict[tuple[str, str], str] = {}
        self.by_wikidata: dict[str, str] = {}
        for entry in (lexicon.entries if lexicon else ()):
            kind = entity_kind(entry.type)
            ident = f"{kind}:{normalize_name(entry.name)}"
            known = self.by_id.setdefault(ident, Known(ident, entry.name, entry.type))
            known.wikidata = known.wikidata or entry.wikidata
            known.generic = known.generic or entry.generic
            for name in (entry.name, *entry.aliases):
                norm = normalize_name(name)
                if norm:
                    known.names.add(norm)
                    self.by_name.setdefault((kind, norm), ident)
        for ident, known in sorted(self.by_id.items()):
            if known.wikidata:
                self.by_wikidata.setdefault(known.wikidata, ident)

    def match(self, kind: str, roles: NameRoles, wikidata: str) -> str:
        """The known entity an article-local entity names, or "".

        A Wikidata id decides first, then the preferred name, then other full names
        when they all point to one known entity. Short forms never link.
        """
        if wikidata and wikidata in self.by_wikidata:
            ident = self.by_wikidata[wikidata]
            if ident.startswith(kind + ":"):
                return ident
        ident = self.by_name.get((kind, roles.preferred))
        if ident:
            return ident
        found = {self.by_name[(kind, n)] for n in roles.full if (kind, n) in self.by_name}
        return found.pop() if len(found) == 1 else ""

    def owner(self, kind: str, norm: str) -> str:
        """The known entity a normalised name belongs to, or ""."""
        return self.by_name.get((kind, norm), "")

    def get(self, ident: str) -> Known | None:
        return self.by_id.get(ident.split(SCOPE, 1)[0])
