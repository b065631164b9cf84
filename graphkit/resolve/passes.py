"""The automatic merge rules, strongest first.

1. ``known``: entities that name the same lexicon entity.
2. ``name``: the same normalised preferred name in one type family.
3. ``alias``: one entity's preferred name is another's full name ("ACLU" and
   {"American Civil Liberties Union", "ACLU"}).
4. ``acronym``: an acronym and the one long name in the corpus whose initials it is.
5. ``short form``: "Clearview" and "Clearview AI" (generic tails only), a surname
   and the one person of that surname with whom it shares a relation partner.
6. ``fuzzy``: near-identical names whose every word matches (rapidfuzz, blocked).

Rules 1-3 respect the hard constraints; rules 4-6 also the soft ones (see
:mod:`.clusters`). Every rule works inside one type family, so "Amazon" the
company and "Amazon" the river never meet.
"""
from __future__ import annotations

from collections import defaultdict

from .clusters import Clusters
from .members import Member
from .names import acronym_keys, strip_tails, words_align
from .settings import ResolveSettings
from .similar import close_pairs


class Context:
    """Relation partners of each cluster: the evidence that two close names are one entity."""

    def __init__(self, clusters: Clusters, pairs: list[tuple[int, int, str]], size: int):
        self.clusters = clusters
        self.partners: list[set[int]] = [set() for _ in range(size)]
        for s, o, _ in pairs:
            self.partners[s].add(o)
            self.partners[o].add(s)

    def shared(self, a: int, b: int) -> bool:
        """Whether the clusters of members a and b have a relation partner in common."""
        find = self.clusters.find
        left = {find(p) for i in self.clusters.items(a) for p in self.partners[i]}
        right = {find(p) for i in self.clusters.items(b) for p in self.partners[i]}
        return not left.isdisjoint(right)


def run_passes(members: list[Member], clusters: Clusters, context: Context, settings: ResolveSettings) -> None:
    join_known(members, clusters)
    join_names(members, clusters)
    join_aliases(members, clusters)
    join_acronyms(members, clusters, settings)
    join_short_forms(members, clusters, context, settings)
    join_fuzzy(members, clusters, context, settings)


def join_known(members: list[Member], clusters: Clusters) -> None:
    first: dict[str, int] = {}
    for m in members:
        if m.known:
            clusters.join(first.setdefault(m.known, m.index), m.index, "known")


def join_names(members: list[Member], clusters: Clusters) -> None:
    first: dict[tuple[str, str], int] = {}
    for m in members:
        clusters.join(first.setdefault((m.kind, m.roles.preferred), m.index), m.index, "name")


def join_aliases(members: list[Member], clusters: Clusters) -> None:
    by_preferred: dict[tuple[str, str], list[int]] = defaultdict(list)
    for m in members:
        by_preferred[(m.kind, m.roles.preferred)].append(m.index)
    for m in members:
        for name in sorted(m.roles.full - {m.roles.preferred}):
            for other in by_preferred.get((m.kind, name), ()):
                clusters.join(m.index, other, "alias")


def _groups(members: list[Member], clusters: Clusters) -> dict[int, list[Member]]:
    return {root: [members[i] for i in idx] for root, idx in sorted(clusters.groups().items())}


def join_acronyms(members: list[Member], clusters: Clusters, settings: ResolveSettings) -> None:
    groups = _groups(members, clusters)
    long_forms: dict[tuple[str, str], set[int]] = defaultdict(set)
    own: dict[int, set[str]] = defaultdict(set)
    for root, group in groups.items():
        for m in group:
            for name in m.roles.full:
                for key in acronym_keys(name, settings):
                    long_forms[(m.kind, key)].add(root)
                    own[root].add(key)
    for root, group in groups.items():
        kind = group[0].kind
        for acronym in sorted({a for m in group for a in m.roles.acronyms} - own[root]):
            found = {clusters.find(r) for r in long_forms.get((kind, acronym), ())} - {clusters.find(root)}
            if len(found) == 1:
                clusters.join(root, found.pop(), "acronym", soft=True)


def join_short_forms(members: list[Member], clusters: Clusters, context: Context, settings: ResolveSettings) -> None:
    """Generic tails first ("Clearview AI" -> "Clearview"), then the short forms articles used."""
    groups = _groups(members, clusters)
    bases: dict[tuple[str, str], set[int]] = defaultdict(set)       # generic tails removed
    shorts: dict[tuple[str, str], set[int]] = defaultdict(set)      # short forms articles used
    for root, group in groups.items():
        for m in group:
            for name in m.roles.full:
                base = strip_tails(name, settings.generic_tails)
                if base != name and m.kind in ("org", "product"):
                    bases[(m.kind, base)].add(root)
                if m.kind == "person" and len(name.split()) > 1:
                    shorts[(m.kind, name.split()[-1])].add(root)
            for name in m.roles.short:
                shorts[(m.kind, name)].add(root)
    for index, with_context in ((bases, False), (shorts, True)):
        for root, group in groups.items():
            kind = group[0].kind
            for name in sorted({m.roles.preferred for m in group}):
                here = clusters.find(root)
                found = {clusters.find(r) for r in index.get((kind, name), ())} - {here}
                if len(found) != 1:
                    continue
                other = found.pop()
                if with_context and not (_may_shorten(group, kind, name) and context.shared(here, other)):
                    continue
                clusters.join(here, other, "short form", soft=True)


def _may_shorten(group: list[Member], kind: str, name: str) -> bool:
    """A one-word person name, or an organisation or product no lexicon knows."""
    if kind == "person":
        return len(name.split()) == 1
    return kind in ("org", "product") and not any(m.known for m in group)


def join_fuzzy(members: list[Member], clusters: Clusters, context: Context, settings: ResolveSettings) -> None:
    fuzzy = settings.fuzzy
    by_kind: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for m in members:
        for name in m.roles.full:
            if name.replace(" ", "") not in m.roles.acronyms:
                by_kind[m.kind][name].add(m.index)
    for kind in sorted(by_kind):
        names = sorted(by_kind[kind])
        for score, i, j in close_pairs(names, min_score=fuzzy.context_score, max_block=fuzzy.max_block,
                                       min_length=fuzzy.min_length):
            a, b = names[i], names[j]
            if not words_align(a, b, fuzzy.token_score):
                continue
            left, right = sorted(by_kind[kind][a]), sorted(by_kind[kind][b])
            if clusters.find(left[0]) == clusters.find(right[0]):
                continue
            needs_context = kind == "person" or score < fuzzy.min_score
            if needs_context and not context.shared(left[0], right[0]):
                continue
            clusters.join(left[0], right[0], "fuzzy", soft=True)
