"""Apply a resolver file's decisions to the clusters (see :mod:`.decisions`)."""
from __future__ import annotations

from ..errors import ResourceError
from .clusters import Clusters
from .decisions import Decisions, Ref
from .members import Member


def _names(m: Member) -> frozenset[str]:
    return m.roles.full | {m.roles.preferred}


def _matches(ref: Ref, m: Member) -> bool:
    return ref.norm in _names(m) and (not ref.type or ref.type == m.type)


def apply_different(decisions: Decisions, members: list[Member], clusters: Clusters, first_id: int) -> list[str]:
    """Mark the two sides of each "different" pair so that no rule can merge them."""
    notes = []
    for number, (a, b) in enumerate(decisions.different):
        left = {m.index for m in members if _matches(a, m)}
        right = {m.index for m in members if _matches(b, m)}
        for m in sorted(left & right):
            notes.append(f"resolver: {members[m].article} uses {a} and {b} for one entity, which cannot be split")
        for side, found in ((0, left - right), (1, right - left)):
            for index in sorted(found):
                clusters.set_apart(index, first_id + number, side)
    return notes


def _roots(ref: Ref, members: list[Member], clusters: Clusters, where: str) -> set[int]:
    roots = {clusters.find(m.index) for m in members if _matches(ref, m)}
    types = {clusters.leading_type(r) for r in roots}
    if len(types) > 1:
        choices = ", ".join(f"'{ref.name} ({t})'" for t in sorted(types))
        raise ResourceError(f"resolver file: {ref} in {where} names entities of several types; write {choices}")
    return roots


def apply_same(decisions: Decisions, members: list[Member], clusters: Clusters) -> list[str]:
    notes = []
    for group in decisions.same:
        roots: list[int] = []
        for ref in group:
            found = _roots(ref, members, clusters, "same")
            if not found:
                notes.append(f"resolver: no entity is named {ref} (same: {', '.join(map(str, group))})")
            roots.extend(sorted(found))
        for root in roots[1:]:
            clusters.join(roots[0], root, "resolver: same", forced=True)
    return notes


def apply_types(decisions: Decisions, members: list[Member], clusters: Clusters) -> tuple[dict[int, str], list[str]]:
    """root -> type set by the resolver file."""
    overrides: dict[int, str] = {}
    notes = []
    for ref, etype in decisions.types:
        found = _roots(ref, members, clusters, "type")
        if not found:
            notes.append(f"resolver: no entity is named {ref} (type: {etype})")
        for root in found:
            overrides[root] = etype
    return overrides, notes
