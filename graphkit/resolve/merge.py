"""Resolution across articles: article-local entities -> one node per real-world entity.

``resolve(results)`` collects every article's entities, merges them with the
rules of :mod:`.passes` under the constraints of :mod:`.clusters`, applies the
person's decisions of a resolver file last, and names each merged entity: its
type by weighted votes, its label, its IRI path.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..ids import entity_path, slug
from ..model import ArticleResult
from ..resources import Lexicon, load_lexicon
from .apply import apply_different, apply_same, apply_types
from .clusters import Clusters
from .decisions import Decisions
from .known import SCOPE, KnownEntities
from .members import Member, collect_members, relation_pairs
from .passes import Context, run_passes
from .settings import ResolveSettings, load_settings
from .votes import choose_label, choose_type, choose_wikidata, collect_names


@dataclass
class ResolvedEntity:
    path: str                       # IRI path below the base, e.g. "org/amazon"
    type: str
    label: str
    names: list[str] = field(default_factory=list)
    wikidata: str = ""
    articles: list[str] = field(default_factory=list)
    type_votes: dict[str, float] = field(default_factory=dict)
    type_reason: str = ""           # why this type won, for people and `graphkit stats --explain`
    collective: bool = False        # a generic actor ("police"), kept one per article
    rules: list[str] = field(default_factory=list)      # the merge rules that built it


@dataclass
class Resolution:
    entities: dict[str, ResolvedEntity]                 # path -> entity
    local: dict[tuple[str, str], str]                   # (article id, local key) -> path
    notes: list[str] = field(default_factory=list)      # resolver decisions that found nothing, ...

    def path_of(self, article_id: str, key: str) -> str:
        return self.local[(article_id, key)]


def resolve(results: Iterable[ArticleResult], *, lexicon: Lexicon | None = None,
            decisions: Decisions | None = None, settings: ResolveSettings | None = None) -> Resolution:
    results = sorted(results, key=lambda r: r.article.id)
    settings = settings or load_settings()
    known = KnownEntities(lexicon if lexicon is not None else load_lexicon())
    members = collect_members(results, known, settings)
    pairs = relation_pairs(results, members)
    clusters = Clusters(len(members))
    for m in members:
        weight = settings.weight(m.reason)
        clusters.init(m.index, anchors={"known": m.known, "wikidata": m.wikidata},
                      etype=m.type, weight=weight, strong=weight >= settings.strong_weight)
    decisions = decisions or Decisions()
    notes = apply_different(decisions, members, clusters, first_id=0)
    _keep_parts_apart(pairs, clusters, first_id=len(decisions.different))
    for subject, obj, _ in pairs:
        clusters.relate(subject, obj)
    run_passes(members, clusters, Context(clusters, pairs, len(members)), settings)
    notes += apply_same(decisions, members, clusters)
    overrides, more = apply_types(decisions, members, clusters)
    notes += more
    return _name_entities(members, clusters, known, overrides, settings, notes)


def _keep_parts_apart(pairs: list[tuple[int, int, str]], clusters: Clusters, first_id: int) -> None:
    """A chapter, subsidiary or division never merges with what it is part of."""
    for number, (part, whole, _) in enumerate(p for p in pairs if p[2] == "partOf"):
        clusters.set_apart(part, first_id + number, 0)
        clusters.set_apart(whole, first_id + number, 1)


def _name_entities(members: list[Member], clusters: Clusters, known: KnownEntities,
                   overrides: dict[int, str], settings: ResolveSettings, notes: list[str]) -> Resolution:
    drafts = []
    for root, indices in clusters.groups().items():
        group = [members[i] for i in indices]
        entry = _known_of(group, known)
        etype, reason, votes = choose_type(group, entry, settings)
        if root in overrides:
            etype, reason = overrides[root], f"{overrides[root]}: set in the resolver file; evidence was {reason}"
        label = choose_label(group, entry)
        path = entity_path(etype, label)
        if entry is not None and entry.generic:     # one collective actor per article
            path = f"{path}-in-{slug(_generic_article(group))}"
        drafts.append((path, group, etype, reason, votes, label, entry))
    drafts.sort(key=lambda d: (d[0], -len({m.article for m in d[1]}), d[1][0].index))
    entities: dict[str, ResolvedEntity] = {}
    local: dict[tuple[str, str], str] = {}
    rules = _rules_by_root(clusters)
    for path, group, etype, reason, votes, label, entry in drafts:
        path = _free_path(path, entities)
        entities[path] = ResolvedEntity(
            path=path, type=etype, label=label, names=collect_names(group, label),
            wikidata=choose_wikidata(group, entry), articles=sorted({m.article for m in group}),
            type_votes=votes, type_reason=reason, rules=sorted(rules.get(clusters.find(group[0].index), ())),
            collective=entry is not None and entry.generic,
        )
        for m in group:
            local[(m.article, m.key)] = path
    return Resolution(dict(sorted(entities.items())), local, notes)


def _generic_article(group: list[Member]) -> str:
    """The article a generic actor belongs to: the one of its lexicon-linked members."""
    return min(m.known.split(SCOPE, 1)[1] for m in group if SCOPE in m.known)


def _known_of(group: list[Member], known: KnownEntities):
    idents = sorted({m.known for m in group if m.known})
    return known.get(idents[0]) if idents else None


def _free_path(path: str, taken: dict) -> str:
    """Two entities kept apart may share a name: the later ones get -2, -3, ..."""
    if path not in taken:
        return path
    number = 2
    while f"{path}-{number}" in taken:
        number += 1
    return f"{path}-{number}"


def _rules_by_root(clusters: Clusters) -> dict[int, set[str]]:
    found: dict[int, set[str]] = {}
    for a, _, rule in clusters.merges:
        found.setdefault(clusters.find(a), set()).add(rule)
    return found
