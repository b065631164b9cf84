"""Choose a merged entity's type and preferred name from its members' evidence.

Each article votes for the type it gave the entity, weighted by the reason
(lexicon > head word > description > NER default, see ``resolution.yaml``); a
lexicon entity's own type wins outright. The explanation names the winner,
its votes and the runners-up, so ``graphkit stats --explain`` can say why.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from ..model import ENTITY_TYPES
from .known import Known
from .members import Member
from .names import looks_like_acronym, normalize_name
from .settings import ResolveSettings

_WIKIDATA = re.compile(r"Q[0-9]+")


def tally(members: list[Member], settings: ResolveSettings) -> dict[str, tuple[float, Counter]]:
    """type -> (summed weight, Counter of reasons), one vote per member."""
    weights: dict[str, float] = defaultdict(float)
    reasons: dict[str, Counter] = defaultdict(Counter)
    for m in members:
        weights[m.type] += settings.weight(m.reason)
        reasons[m.type][m.reason or "unstated"] += 1
    return {etype: (weights[etype], reasons[etype]) for etype in weights}


def choose_type(members: list[Member], known: Known | None, settings: ResolveSettings) -> tuple[str, str, dict[str, float]]:
    """(type, explanation, votes by type)."""
    votes = tally(members, settings)
    weights = {t: round(w, 3) for t, (w, _) in votes.items()}
    if known is not None:
        return known.type, f"{known.type}: lexicon entry {known.name!r}" + _others(votes, known.type), weights
    order = {t: i for i, t in enumerate(ENTITY_TYPES)}
    winner = min(votes, key=lambda t: (-votes[t][0], -sum(votes[t][1].values()), order.get(t, 99)))
    return winner, f"{winner}: {_describe(votes[winner])}" + _others(votes, winner), weights


def _describe(vote: tuple[float, Counter]) -> str:
    weight, reasons = vote
    parts = ", ".join(f"{r} x{n}" for r, n in sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0])))
    return f"weight {weight:g} ({parts})"


def _others(votes: dict[str, tuple[float, Counter]], winner: str) -> str:
    rest = sorted((t for t in votes if t != winner), key=lambda t: (-votes[t][0], t))
    return "".join(f"; over {t}: {_describe(votes[t])}" for t in rest)


def choose_label(members: list[Member], known: Known | None) -> str:
    """The lexicon name, else the preferred name most articles use (then the longest, then A-Z).

    Acronyms and names that some article uses as a short form ("Greer" for "Evan
    Greer") are not chosen while a fuller name exists.
    """
    if known is not None:
        return known.name
    shorts = {s for m in members for s in m.roles.short}
    counts = Counter(m.name for m in members)
    fuller = Counter({n: c for n, c in counts.items() if normalize_name(n) not in shorts and not looks_like_acronym(n)})
    counts = fuller or counts
    return min(counts, key=lambda n: (-counts[n], -len(n.split()), -len(n), n))


def collect_names(members: list[Member], label: str) -> list[str]:
    """Every name the members use, except names of a parent organisation; label first."""
    names = {label}
    for m in members:
        keep = m.roles.full | m.roles.short
        names.update(n for n in m.names if normalize_name(n) in keep)
    return [label] + sorted(names - {label})


def choose_wikidata(members: list[Member], known: Known | None) -> str:
    """The Wikidata item (Q followed by digits) of the lexicon entity, else the one all members agree on."""
    if known is not None and _WIKIDATA.fullmatch(known.wikidata):
        return known.wikidata
    found = sorted({m.wikidata for m in members if _WIKIDATA.fullmatch(m.wikidata)})
    return found[0] if len(found) == 1 else ""
