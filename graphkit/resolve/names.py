"""Forms of a name used to compare entities across articles.

All functions take and return normalised names (see :func:`graphkit.ids.normalize_name`)
except :func:`looks_like_acronym`, which needs the surface form's capitals.

>>> from graphkit.resolve.settings import load_settings
>>> s = load_settings()
>>> sorted(acronym_keys("department of homeland security", s))
['dhs', 'dohs']
>>> strip_tails("clearview ai", s.generic_tails)
'clearview'
>>> is_qualified_form("aclu", "aclu of northern california", s.qualifier_words)
True
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..ids import normalize_name as _normalize_name
from .settings import ResolveSettings

_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,7}")


@lru_cache(maxsize=200_000)
def normalize_name(name: str) -> str:
    """:func:`graphkit.ids.normalize_name`, remembered: a corpus repeats its names."""
    return _normalize_name(name)


@dataclass(frozen=True)
class NameRoles:
    """The normalised names of one article-local entity, sorted by what they can prove.

    ``full`` names identify the entity on their own (its preferred name, other full
    names, acronyms); ``short`` names are shortened forms ("Palantir" for "Palantir
    Technologies", a surname); names of a parent organisation ("ACLU" for "ACLU of
    Northern California") are dropped.
    """

    preferred: str
    full: frozenset[str]
    short: frozenset[str]
    acronyms: frozenset[str]        # lower-cased surface acronyms ("aclu")


def looks_like_acronym(surface: str) -> bool:
    """ "ACLU", "F.B.I.", "NYPD": 2-8 capitals, possibly with dots."""
    return bool(_ACRONYM.fullmatch(surface.replace(".", "").strip()))


def is_qualified_form(short: str, long: str, qualifiers: frozenset[str]) -> bool:
    """Whether ``long`` is ``short`` followed by a qualifier: "aclu" / "aclu of northern california"."""
    if not long.startswith(short + " "):
        return False
    rest = long[len(short) + 1:].split()
    return bool(rest) and rest[0] in qualifiers


def is_prefix_form(short: str, long: str) -> bool:
    """ "palantir" / "palantir technologies": the short name is the first words of the long one."""
    return long.startswith(short + " ")


@lru_cache(maxsize=100_000)
def name_roles(preferred: str, names: tuple[str, ...], etype: str, settings: ResolveSettings) -> NameRoles:
    pref = normalize_name(preferred)
    full, short, acronyms = {pref} - {""}, set(), set()
    for surface in names:
        norm = normalize_name(surface)
        if not norm or norm == pref:
            continue
        if is_qualified_form(norm, pref, settings.qualifier_words):
            continue
        if looks_like_acronym(surface):
            acronyms.add(norm.replace(" ", ""))
            full.add(norm)
        elif is_prefix_form(norm, pref) or (etype == "Person" and len(norm.split()) == 1):
            short.add(norm)
        else:
            full.add(norm)
    if looks_like_acronym(preferred):
        acronyms.add(pref.replace(" ", ""))
    return NameRoles(pref, frozenset(full), frozenset(short - full), frozenset(acronyms))


@lru_cache(maxsize=100_000)
def acronym_keys(norm: str, settings: ResolveSettings) -> frozenset[str]:
    """The acronyms a long name may be written as: initials with and without small words."""
    keys = set()
    forms = [norm] + [norm[len(p) + 1:] for p in settings.acronym_prefixes if norm.startswith(p + " ")]
    for form in forms:
        words = form.split()
        if len(words) < 2:
            continue
        keys.add("".join(w[0] for w in words))
        kept = [w for w in words if w not in settings.acronym_skip]
        if len(kept) >= 2:
            keys.add("".join(w[0] for w in kept))
    return frozenset(keys)


def strip_tails(norm: str, tails: frozenset[str]) -> str:
    """The name without trailing generic words ("palantir technologies" -> "palantir"); never empty."""
    words = norm.split()
    while len(words) > 1 and words[-1] in tails:
        words.pop()
    return " ".join(words)


_NUMBER = re.compile(r"\d+")
_ROMAN = re.compile(r"(?=[ivxlc])c{0,3}(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})")


def distinct_marks(a: str, b: str) -> bool:
    """Whether the names carry different numbers or numerals: never the same thing, however close.

    "vendor1 systems" / "vendor2 systems", "springfield3 police department" / "springfield30 …",
    "fund ii" / "fund iii": a number (anywhere, even inside a word) or a Roman numeral word that one
    name has and the other has not, or in another order.
    """
    if _NUMBER.findall(a) != _NUMBER.findall(b):
        return True
    return [w for w in a.split() if _ROMAN.fullmatch(w)] != [w for w in b.split() if _ROMAN.fullmatch(w)]


def words_align(a: str, b: str, min_score: float) -> bool:
    """Whether every word of either name is close to some word of the other, numbers equal.

    Guards fuzzy matches: "santa cruz police department" and "santa ana police
    department" are close as strings but differ in a word that matters, as do
    "vendor1 systems" and "vendor2 systems" (see :func:`distinct_marks`).
    """
    from rapidfuzz import fuzz

    if distinct_marks(a, b):
        return False
    wa, wb = a.split(), b.split()

    def covered(xs: list[str], ys: list[str]) -> bool:
        return all(x in ys or max(fuzz.ratio(x, y) for y in ys) >= min_score for x in xs)

    return covered(wa, wb) and covered(wb, wa)
