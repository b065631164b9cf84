"""The unit of resolution: one entity as one article knows it."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..ids import entity_kind
from ..model import ArticleResult
from .known import KnownEntities, scoped
from .names import NameRoles, name_roles, normalize_name
from .settings import ResolveSettings


@dataclass(slots=True)
class Member:
    index: int
    article: str
    key: str
    type: str
    kind: str               # type family: org, person, product, technology, place, law
    name: str               # preferred surface name
    names: tuple[str, ...]  # every surface name, the preferred one included
    roles: NameRoles
    wikidata: str
    reason: str             # why extraction chose the type
    known: str              # id of the lexicon entity it names, or ""


def collect_members(results: Iterable[ArticleResult], known: KnownEntities,
                    settings: ResolveSettings) -> list[Member]:
    """Every article-local entity, in article-id then key order."""
    members: list[Member] = []
    for result in sorted(results, key=lambda r: r.article.id):
        for entity in sorted(result.entities, key=lambda e: _key_order(e.key)):
            kind = entity_kind(entity.type)
            names = tuple(dict.fromkeys((entity.name, *entity.names)))
            roles = name_roles(entity.name, names, entity.type, settings)
            ident = known.match(kind, roles, entity.wikidata)
            if ident:
                names = _own_names(names, ident, kind, known)
                roles = name_roles(entity.name, names, entity.type, settings)
                if known.get(ident).generic:        # "police" here is not "police" in another article
                    ident = scoped(ident, result.article.id)
            members.append(Member(
                index=len(members), article=result.article.id, key=entity.key, type=entity.type,
                kind=kind, name=entity.name, names=names, roles=roles, wikidata=entity.wikidata,
                reason=entity.type_reason, known=ident,
            ))
    return members


def _own_names(names: tuple[str, ...], ident: str, kind: str, known: KnownEntities) -> tuple[str, ...]:
    """Drop names that the lexicon gives to another entity.

    Extraction sometimes folds two companies named side by side into one local
    entity ("Amazon" with the name "Microsoft"); the lexicon says whose name it is.
    """
    return tuple(n for n in names if known.owner(kind, normalize_name(n)) in ("", ident))


def _key_order(key: str) -> tuple[int, str]:
    digits = "".join(c for c in key if c.isdigit())
    return (int(digits) if digits else 0, key)


def relation_pairs(results: Iterable[ArticleResult], members: list[Member]) -> list[tuple[int, int, str]]:
    """(subject member, object member, predicate) for every asserted relation."""
    index = {(m.article, m.key): m.index for m in members}
    pairs = []
    for result in results:
        article = result.article.id
        for rel in result.relations:
            s, o = index.get((article, rel.subject)), index.get((article, rel.object))
            if s is not None and o is not None and rel.status == "asserted":
                pairs.append((s, o, rel.predicate))
    return pairs
