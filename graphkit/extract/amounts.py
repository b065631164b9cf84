"""Money amounts stated with a relation: "$16.5 million", "€32 million", "20 million euros".

``find_amount(sentence)`` gives the first amount of a sentence as a decimal
string and an ISO 4217 code; ``with_amount(relation)`` attaches it to a
relation whose predicate takes one (fines, lawsuits, sales, contracts). The
symbols, codes, currency words and scale words are data, in
``ontologies/patterns/amounts.yaml``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from ..model import Relation
from ..resources import load_cues

_NUMBER = r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"


@dataclass(frozen=True)
class Amount:
    value: str          # a decimal without exponent, e.g. "16500000"
    currency: str       # ISO 4217 code, e.g. "USD"


@dataclass(frozen=True)
class _Patterns:
    predicates: frozenset[str]
    before: re.Pattern      # currency, then number: "$16.5 million", "EUR 32m"
    after: re.Pattern       # number, then currency: "20 million euros", "5m CHF"
    currencies: dict[str, str]      # symbol, code or word (lower case) -> ISO code
    scales: dict[str, int]


def _alternatives(items) -> str:
    return "|".join(re.escape(item) for item in sorted(items, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    data = load_cues("amounts")
    symbols, codes, words = data["symbols"], data["codes"], data["words"]
    scales = {str(k).lower(): int(v) for k, v in data["scales"].items()}
    scale = rf"(?:[ -]?(?P<scale>{_alternatives(scales)})\b)?"
    before = re.compile(rf"(?<![A-Za-z])(?P<currency>{_alternatives([*symbols, *codes])}) ?{_NUMBER}{scale}", re.I)
    after = re.compile(rf"(?<![\w.,]){_NUMBER}{scale}[ -](?P<currency>{_alternatives([*words, *codes])})\b", re.I)
    currencies = {**{s.lower(): c for s, c in symbols.items()}, **{c.lower(): c for c in codes},
                  **{w.lower(): c for w, c in words.items()}}
    return _Patterns(frozenset(data["predicates"]), before, after, currencies, scales)


def find_amount(sentence: str) -> Amount | None:
    """The first money amount written in the sentence, or None."""
    patterns = _patterns()
    matches = [m for m in (patterns.before.search(sentence), patterns.after.search(sentence)) if m]
    for match in sorted(matches, key=lambda m: m.start()):
        amount = _amount(match, patterns)
        if amount is not None:
            return amount
    return None


def _amount(match: re.Match, patterns: _Patterns) -> Amount | None:
    currency = patterns.currencies.get(match.group("currency").lower())
    try:
        value = Decimal(match.group("number").replace(",", ""))
    except InvalidOperation:
        return None
    if match.group("scale"):
        value *= patterns.scales[match.group("scale").lower()]
    if currency is None or value <= 0:
        return None
    return Amount(format(value.normalize(), "f"), currency)


def takes_amount(predicate: str) -> bool:
    return predicate in _patterns().predicates


def with_amount(relation: Relation) -> Relation:
    """The relation with the amount its evidence states, when its predicate takes one."""
    if not takes_amount(relation.predicate):
        return relation
    amount = find_amount(relation.evidence.text)
    if amount is None:
        return relation
    return replace(relation, amount=amount.value, currency=amount.currency)
