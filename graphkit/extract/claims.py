"""Claim status: is a relation asserted, or only negated, denied, alleged or hypothetical?

``claim_status(token, cues)`` looks at the word that carries a relation (its
verb, or the verb governing its noun) and the clauses above it: a negation,
a modal ("could sell"), a condition ("if"), a question, a denial ("denied
selling") or an allegation ("allegedly sold").
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from .cues import load_word_lists

_CLIMB = {"xcomp", "ccomp", "conj", "advcl", "pcomp", "pobj", "prep", "dobj", "acl", "relcl", "csubj", "auxpass", "aux"}


# The lists of claims.yaml, in the order of ClaimCues' fields.
CLAIM_LISTS = ("denial_verbs", "allegation_verbs", "allegation_adverbs", "hypothetical_modals", "conditional_marks",
               "hypothetical_governors", "reporting_verbs", "negation_words", "factual_marks", "reason_participles",
               "failing_verbs", "counterfactual_modals")


@dataclass(frozen=True)
class ClaimCues:
    denial: frozenset[str]
    allegation: frozenset[str]
    allegation_adverbs: frozenset[str]
    modals: frozenset[str]
    conditionals: frozenset[str]
    governors: frozenset[str]
    reporting: frozenset[str]
    negations: frozenset[str]
    factual_marks: frozenset[str]
    reason_participles: frozenset[str]
    failing: frozenset[str]             # "failed to provide": what they govern did not happen
    counterfactual: frozenset[str]      # "would have acquired": it did not happen


@lru_cache(maxsize=None)
def claim_cues() -> ClaimCues:
    data = load_word_lists("claims", CLAIM_LISTS)
    return ClaimCues(*(frozenset(str(w).lower() for w in data[name]) for name in CLAIM_LISTS))


@dataclass(frozen=True)
class Claim:
    status: str                 # asserted, negated, denied, alleged or hypothetical
    speaker: Token | None = None    # who denies or alleges
    cue: str = ""               # the word that decided


def is_negated(token: Token, cues: ClaimCues) -> bool:
    return has_no_longer(token) or any(c.dep_ == "neg" or c.lower_ in cues.negations and c.dep_ in ("advmod", "det")
                                       for c in token.children)


def has_no_longer(token: Token) -> bool:
    return any(c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children) for c in token.children) \
        or any(c.lower_ in ("no",) and c.nbor(1).lower_ == "longer" for c in token.children if c.i + 1 < len(c.doc))


def claim_status(token: Token, cues: ClaimCues | None = None) -> Claim:
    cues = cues or claim_cues()
    sentence = token.sent
    if sentence.text.rstrip().rstrip('"”’').endswith("?"):
        return Claim("hypothetical", cue="question")
    current = token
    first = True
    came_by = ""                # the dependency of the clause we climbed from: a verb's "and …" is no content of it
    while True:
        lemma = current.lemma_.lower()
        if not first and lemma in cues.denial:
            return Claim("denied", _subject(current), lemma)
        if not first and lemma in cues.allegation and came_by != "conj":
            return Claim("alleged", _subject(current), lemma)
        if not first and lemma in cues.failing and came_by in ("xcomp", "pcomp"):
            return Claim("negated", cue=lemma)              # "by failing to provide WhatsApp with the code"
        if not first and lemma in cues.governors:
            return Claim("hypothetical", cue=lemma)
        for child in current.children:
            low = child.lower_
            if child.dep_ == "aux" and low in cues.modals:
                return Claim("hypothetical", cue=low)
            if child.dep_ == "aux" and low in cues.counterfactual and current.tag_ == "VBN" \
                    and any(c.dep_ == "aux" and c.lower_ == "have" for c in current.children):
                return Claim("hypothetical", cue=low)       # "Adobe would have acquired Figma": it did not
            if child.dep_ == "mark" and low in cues.conditionals:
                return Claim("hypothetical", cue=low)
            if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in cues.conditionals for m in child.children):
                return Claim("hypothetical", cue="if")        # "If the council agrees, the police will use it"
            if child.dep_ == "advmod" and low in cues.allegation_adverbs:
                return Claim("alleged", cue=low)
        if first and current.pos_ in ("VERB", "AUX") and is_negated(current, cues):
            return Claim("negated", cue="not")
        if current.dep_ not in _CLIMB or current.head == current:
            break
        if current.pos_ in ("VERB", "AUX") and current.dep_ in ("relcl", "acl") and not first:
            break
        if lemma in cues.reporting and not first:
            break
        if _is_factual_clause(current, cues):
            break                                   # "When Google acquired DeepMind, it promised ..."
        came_by = current.dep_
        current = current.head
        first = False
    return Claim("asserted")


def _is_factual_clause(token: Token, cues: ClaimCues) -> bool:
    """A past-tense adverbial clause of time or cause, or a participle giving a reason, states its own fact,
    whatever its head hopes."""
    if token.dep_ != "advcl":
        return False
    if token.tag_ == "VBG" and token.lemma_.lower() in cues.reason_participles and token.i > token.head.i:
        return True             # "urged doctors to stay away, citing concerns over Palantir": the reason is a fact
    if token.tag_ not in ("VBD", "VBN"):
        return False
    return any(c.dep_ in ("mark", "advmod") and c.lower_ in cues.factual_marks for c in token.children)


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    return None
