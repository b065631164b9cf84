"""Merge article-local entities into global ones (first cut: same kind and normalised name)."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..ids import entity_kind, entity_path, normalize_name
from ..model import ArticleResult, Entity

_REASON_WEIGHT = {"lexicon": 5, "head word": 3, "name begins": 3, "described as": 2, "acts as": 2}


@dataclass
class ResolvedEntity:
    path: str                       # IRI path below the base, e.g. "org/amazon"
    type: str
    label: str
    names: list[str] = field(default_factory=list)
    wikidata: str = ""
    articles: list[str] = field(default_factory=list)
    type_votes: dict[str, float] = field(default_factory=dict)


@dataclass
class Resolution:
    entities: dict[str, ResolvedEntity]                 # path -> entity
    local: dict[tuple[str, str], str]                   # (article id, local key) -> path

    def path_of(self, article_id: str, key: str) -> str:
        return self.local[(article_id, key)]


def _weight(reason: str) -> float:
    return next((w for prefix, w in _REASON_WEIGHT.items() if reason.startswith(prefix)), 1.0)


def resolve(results: Iterable[ArticleResult]) -> Resolution:
    groups: dict[tuple[str, str], list[tuple[str, Entity]]] = defaultdict(list)
    for result in results:
        for entity in result.entities:
            groups[(entity_kind(entity.type), normalize_name(entity.name))].append((result.article.id, entity))
    entities: dict[str, ResolvedEntity] = {}
    local: dict[tuple[str, str], str] = {}
    for (_, norm), members in sorted(groups.items()):
        votes: Counter = Counter()
        names: Counter = Counter()
        for _, entity in members:
            votes[entity.type] += _weight(entity.type_reason)
            for name in entity.names:
                names[name] += 1
        etype = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        label = sorted((e.name for _, e in members), key=lambda n: (-names[n], n))[0]
        path = entity_path(etype, label)
        resolved = entities.setdefault(path, ResolvedEntity(path, etype, label))
        for name in sorted(names):
            if name not in resolved.names:
                resolved.names.append(name)
        resolved.wikidata = resolved.wikidata or next((e.wikidata for _, e in members if e.wikidata), "")
        for article_id, entity in members:
            if article_id not in resolved.articles:
                resolved.articles.append(article_id)
            local[(article_id, entity.key)] = path
        for t, v in votes.items():
            resolved.type_votes[t] = resolved.type_votes.get(t, 0) + v
    return Resolution(entities, local)
