"""Union-find over article-local entities, with the constraints a merge must respect.

Hard constraints hold for every automatic merge: clusters tied to two different
lexicon entities or Wikidata items, or to the two sides of a "different"
decision or a ``partOf`` relation, are never joined. The soft constraints hold
for the weaker rules (acronym, short form, fuzzy): two clusters that some
article relates to each other ("Acme acquires Acme Labs") stay apart, and so do
two clusters whose types both have strong evidence and differ.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class _State:
    anchors: dict[str, str]                           # "known" -> lexicon id, "wikidata" -> Q id
    apart: dict[int, int] = field(default_factory=dict)   # constraint id -> side (0 or 1)
    votes: dict[str, float] = field(default_factory=dict)     # type -> summed vote weight
    strong: set[str] = field(default_factory=set)     # types with at least one strong vote
    items: list[int] = field(default_factory=list)    # the members of the cluster
    partners: set[int] = field(default_factory=set)   # members that some relation links to a member


class Clusters:
    def __init__(self, size: int):
        self.parent = list(range(size))
        self.state: list[_State | None] = [None] * size
        self.merges: list[tuple[int, int, str]] = []  # (a, b, rule) of every join, in order

    def init(self, i: int, *, anchors: dict[str, str], etype: str, weight: float, strong: bool) -> None:
        self.state[i] = _State({k: v for k, v in anchors.items() if v}, votes={etype: weight},
                               strong={etype} if strong else set(), items=[i])

    def find(self, i: int) -> int:
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:
            self.parent[i], i = root, self.parent[i]
        return root

    def info(self, i: int) -> _State:
        return self.state[self.find(i)]

    def relate(self, a: int, b: int) -> None:
        """Record that an article states a relation between members a and b."""
        self.info(a).partners.add(b)
        self.info(b).partners.add(a)

    def set_apart(self, i: int, constraint: int, side: int) -> None:
        self.info(i).apart[constraint] = side

    def conflict(self, a: int, b: int, *, soft: bool) -> str:
        """Why clusters a and b may not be joined, or "" when they may."""
        sa, sb = self.info(a), self.info(b)
        for key in ("known", "wikidata"):
            if key in sa.anchors and key in sb.anchors and sa.anchors[key] != sb.anchors[key]:
                return f"different {key} entries"
        small, large = (sa.apart, sb.apart) if len(sa.apart) <= len(sb.apart) else (sb.apart, sa.apart)
        if any(c in large and large[c] != side for c, side in small.items()):
            return "kept apart"
        if soft:
            (fewer, other) = (sa, self.find(b)) if len(sa.partners) <= len(sb.partners) else (sb, self.find(a))
            if any(self.find(p) == other for p in fewer.partners):
                return "related to each other"
            if sa.strong and sb.strong and sa.strong.isdisjoint(sb.strong):
                return "strongly typed differently"
        return ""

    def join(self, a: int, b: int, rule: str, *, soft: bool = False, forced: bool = False) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if not forced and self.conflict(ra, rb, soft=soft):
            return False
        if (len(self.state[ra].items), -ra) < (len(self.state[rb].items), -rb):
            ra, rb = rb, ra
        keep, gone = self.state[ra], self.state[rb]
        for key, value in gone.anchors.items():
            keep.anchors.setdefault(key, value)
        for constraint, side in gone.apart.items():
            keep.apart.setdefault(constraint, side)
        for etype, weight in gone.votes.items():
            keep.votes[etype] = keep.votes.get(etype, 0.0) + weight
        keep.strong |= gone.strong
        keep.items.extend(gone.items)
        keep.partners |= gone.partners
        self.parent[rb] = ra
        self.state[rb] = None
        self.merges.append((a, b, rule))
        return True

    def leading_type(self, i: int) -> str:
        votes = self.info(i).votes
        return max(sorted(votes), key=votes.get)

    def items(self, i: int) -> list[int]:
        """The members of i's cluster."""
        return self.info(i).items

    def groups(self) -> dict[int, list[int]]:
        """Root -> sorted members, for every cluster."""
        return {i: sorted(s.items) for i, s in enumerate(self.state) if s is not None}
