"""The relation rules as data: what each predicate's arguments may be, which verbs and nouns express it.

Loaded once from ontologies/patterns/predicates.yaml into lookup-ready sets.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..model import ORGANISATION_TYPES
from .cues import load_word_lists


@dataclass(frozen=True)
class Reading:
    predicate: str
    where: tuple[str, ...] = ("dobj",)   # dobj, a preposition, "compound" or "poss"
    reverse: bool = False


# The lists of predicates.yaml; "irregular_forms" may be left out.
PREDICATE_LISTS = ("types", "generic", "verbs", "nouns", "role_preps", "light_verbs", "stop_verbs", "listing_verbs",
                   "call_verbs", "dropping_verbs", "dropped_acts", "presenting_verbs", "funding_nouns", "funding_verbs",
                   "order_verbs", "settle_verbs", "case_nouns", "lawsuit_nouns", "list_words", "listing_on_verbs",
                   "venue_words", "judge_titles", "supply_nouns", "giving_verbs",
                   "judging_verbs", "appeal_verbs", "ruling_nouns", "instrument_preps", "court_taking_verbs",
                   "offering_heads", "phrasal_verbs")


@dataclass(frozen=True)
class RelationRules:
    types: dict[str, tuple[frozenset[str], frozenset[str]]]
    verbs: dict[str, tuple[Reading, ...]]
    nouns: dict[str, tuple[Reading, ...]]
    role_preps: frozenset[str]
    light_verbs: frozenset[str]
    stop_verbs: frozenset[str]
    listing_verbs: frozenset[str]
    call_verbs: frozenset[str]
    dropping_verbs: frozenset[str]      # "urged cities to drop the technology"
    dropped_acts: frozenset[str]        # "called on X to suspend the sale of Y"
    presenting_verbs: frozenset[str]
    funding_nouns: frozenset[str]
    funding_verbs: frozenset[str]       # "its round was led by X"
    order_verbs: frozenset[str]
    settle_verbs: frozenset[str]
    case_nouns: frozenset[str]
    lawsuit_nouns: frozenset[str]       # cases whose settlement means the authority sued
    list_words: dict[str, str]          # "the sanctions list" -> fines, "a trade blacklist" -> criticizes
    listing_on_verbs: frozenset[str]    # "added X to the sanctions list"
    venue_words: frozenset[str]         # "the Supreme Court case": the court hears the case
    judge_titles: frozenset[str]        # "Judge Ana Ruiz": she rules on cases, she is no party to them
    supply_nouns: frozenset[str]        # "Microsoft's contract with ICE": Microsoft sells to ICE
    giving_verbs: frozenset[str]        # "gave ICE access to …": ICE has the access
    judging_verbs: frozenset[str]       # "called the fine unjustified"
    appeal_verbs: frozenset[str]        # "will appeal the Commission's decision"
    court_taking_verbs: frozenset[str]  # "took Clearview AI to court"
    offering_heads: frozenset[str]      # "Microsoft's cloud services": a company's offering
    phrasal_verbs: dict[str, str]       # "roll out" -> "deploy": a verb and its particle read as another verb
    ruling_nouns: frozenset[str]        # what an authority decides
    instrument_preps: frozenset[str]    # "tracks its staff with CCTV"
    generic_subject: frozenset[str]     # predicates a collective actor may be the subject of
    generic_object: frozenset[str]
    verb_forms: dict[str, str]      # inflected form -> cue lemma

    def allows(self, predicate: str, subject_type: str, object_type: str) -> bool:
        subjects, objects = self.types[predicate]
        return subject_type in subjects and object_type in objects


def _expand(types) -> frozenset[str]:
    out = set()
    for t in types:
        out |= set(ORGANISATION_TYPES) if t == "org" else {t}
    return frozenset(out)


def _readings(items) -> tuple[Reading, ...]:
    result = []
    for item in items:
        where = item.get("obj", "dobj")
        where = tuple(where) if isinstance(where, list) else (where,)
        result.append(Reading(item["p"], where, str(item.get("reverse", "false")).lower() == "true"))
    return tuple(result)


@lru_cache(maxsize=None)
def relation_rules() -> RelationRules:
    data = load_word_lists("predicates", PREDICATE_LISTS, optional=("irregular_forms",))
    return RelationRules(
        types={p: (_expand(v["subject"]), _expand(v["object"])) for p, v in data["types"].items()},
        verbs={k: _readings(v) for k, v in data["verbs"].items()},
        nouns={k: _readings(v) for k, v in data["nouns"].items()},
        role_preps=frozenset(data["role_preps"]),
        light_verbs=frozenset(data["light_verbs"]),
        stop_verbs=frozenset(data["stop_verbs"]),
        listing_verbs=frozenset(data["listing_verbs"]),
        call_verbs=frozenset(data["call_verbs"]),
        dropping_verbs=frozenset(data["dropping_verbs"]),
        dropped_acts=frozenset(data["dropped_acts"]),
        presenting_verbs=frozenset(data["presenting_verbs"]),
        funding_nouns=frozenset(data["funding_nouns"]),
        funding_verbs=frozenset(data["funding_verbs"]),
        order_verbs=frozenset(data["order_verbs"]),
        settle_verbs=frozenset(data["settle_verbs"]),
        case_nouns=frozenset(data["case_nouns"]),
        lawsuit_nouns=frozenset(data["lawsuit_nouns"]),
        list_words={str(k).lower(): str(v) for k, v in data["list_words"].items()},
        listing_on_verbs=frozenset(data["listing_on_verbs"]),
        venue_words=frozenset(data["venue_words"]),
        judge_titles=frozenset(data["judge_titles"]),
        supply_nouns=frozenset(data["supply_nouns"]),
        giving_verbs=frozenset(data["giving_verbs"]),
        judging_verbs=frozenset(data["judging_verbs"]),
        appeal_verbs=frozenset(data["appeal_verbs"]),
        court_taking_verbs=frozenset(data["court_taking_verbs"]),
        offering_heads=frozenset(data["offering_heads"]),
        phrasal_verbs={str(k).lower(): str(v).lower() for k, v in data["phrasal_verbs"].items()},
        ruling_nouns=frozenset(data["ruling_nouns"]),
        instrument_preps=frozenset(data["instrument_preps"]),
        generic_subject=frozenset(data["generic"]["subject"]),
        generic_object=frozenset(data["generic"]["object"]),
        verb_forms=_verb_forms(data["verbs"], data.get("irregular_forms", {})),
    )


def _verb_forms(verbs, irregular) -> dict[str, str]:
    """Every regular inflection of the cue verbs, plus the listed irregular ones."""
    forms: dict[str, str] = {}
    for lemma in verbs:
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        ies = lemma[:-1] + "ies" if lemma.endswith("y") and lemma[-2:-1] not in "aeiou" else None
        candidates = {lemma, ies or (lemma + "es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else lemma + "s"),
                      stem + "ed" if not ies else lemma[:-1] + "ied", stem + "ing"}
        for form in candidates:
            forms.setdefault(form, lemma)
    for lemma, extra in irregular.items():
        for form in extra:
            forms[form] = lemma
    return forms


@dataclass(frozen=True)
class Hit:
    """A relation found in the Doc, before it becomes a model.Relation."""

    subject: str
    predicate: str
    object: str
    anchor: int             # token index of the word that carries the relation
    method: str
    confidence: float
    status: str = "asserted"
    speaker: str = ""
