"""The stance of what someone said toward the entities it names.

A quote or reported statement whose words lean negative ("dangerous",
"racist", "must be stopped") criticises the organisations, people, products
and technologies it names; one that leans positive ("the right call",
"deserves credit") supports them. The speaker's organisation takes the same
stance (GUIDELINES rule 2). Cue words live in ontologies/patterns/stance.yaml.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..resources import load_cues
from .entities import ArticleEntities
from .quotes import Speech
from .relations import Hit

TARGET_TYPES = {"Company", "GovernmentAgency", "AdvocacyGroup", "Person", "Product", "Technology"}
_NEGATION_REACH = 3


@dataclass(frozen=True)
class StanceCues:
    negative: frozenset[str]
    positive: frozenset[str]
    negations: frozenset[str]
    reporting: frozenset[str]
    call_verbs: frozenset[str]
    restriction_nouns: frozenset[str]


@lru_cache(maxsize=None)
def stance_cues() -> StanceCues:
    data = load_cues("stance")
    words = lambda k: frozenset(str(w).lower() for w in data.get(k, ()))   # noqa: E731
    return StanceCues(words("negative"), words("positive"), words("negations"), words("reporting_verbs"),
                      words("call_verbs"), words("restriction_nouns"))


def polarity(doc: Doc, tokens: list[int], cues: StanceCues) -> int:
    """Positive words minus negative ones; a negation just before a word turns it around."""
    score = 0
    chosen = set(tokens)
    for i in tokens:
        token = doc[i]
        word = token.lemma_.lower()
        low = token.lower_
        sign = 1 if (word in cues.positive or low in cues.positive) else -1 if (word in cues.negative or low in cues.negative) else 0
        if sign and _negated(doc, token, chosen, cues):
            sign = -sign
        score += sign
    return score


def _negated(doc: Doc, token: Token, chosen: set[int], cues: StanceCues) -> bool:
    for j in range(max(0, token.i - _NEGATION_REACH), token.i):
        if j in chosen and doc[j].lower_ in cues.negations:
            return True
    head = token.head
    return any(c.dep_ == "neg" for c in head.children) and head.i != token.i and head.i < token.i


def stance_hits(doc: Doc, ents: ArticleEntities, speeches: list[Speech], employers: dict[str, str],
                cues: StanceCues | None = None) -> list[Hit]:
    cues = cues or stance_cues()
    hits = []
    for speech in speeches:
        speaker = ents.entity(speech.speaker)
        if speaker.generic or speaker.type not in ("Person", "Company", "GovernmentAgency", "AdvocacyGroup"):
            continue
        score = polarity(doc, speech.tokens, cues)
        if score == 0:
            continue
        predicate = "supports" if score > 0 else "criticizes"
        speakers = [speech.speaker] + ([employers[speech.speaker]] if speech.speaker in employers else [])
        targets = _targets(ents, speech.tokens, set(speakers))
        confidence = 0.6 if speech.quoted else 0.55
        for who in speakers:
            for target in targets:
                hits.append(Hit(who, predicate, target, speech.anchor, "graphkit.stance.v1", confidence,
                                "asserted", speech.speaker))
    return hits


def _targets(ents: ArticleEntities, tokens: list[int], exclude: set[str]) -> list[str]:
    found = []
    for i in tokens:
        key = ents.token_key.get(i)
        if key is None or key in exclude or key in found:
            continue
        entity = ents.entity(key)
        if entity.type in TARGET_TYPES and not entity.generic:
            found.append(key)
    return found
