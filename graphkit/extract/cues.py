"""Cue lists loaded once from ontologies/patterns/*.yaml, as lookup-ready sets."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..resources import load_cues


def _words(values) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values or ())


@dataclass(frozen=True)
class EntityCues:
    head_words: dict[str, frozenset[str]]
    agency_prefixes: frozenset[str]
    descriptors: dict[str, frozenset[str]]
    anaphors: dict[str, frozenset[str]]
    technology_heads: frozenset[str]
    technology_nouns: frozenset[str]
    roles: frozenset[str]
    person_titles: frozenset[str]
    role_verbs: frozenset[str]
    not_names: frozenset[str]
    role_organisations: dict[str, tuple[str, ...]]

    def descriptor_type(self, word: str, types=("Product", "Company", "GovernmentAgency", "AdvocacyGroup")) -> str:
        word = word.lower()
        for etype in types:
            if word in self.descriptors.get(etype, ()):
                return etype
        return ""


@lru_cache(maxsize=None)
def entity_cues() -> EntityCues:
    data = load_cues("entity_cues")
    return EntityCues(
        head_words={k: _words(v) for k, v in data["head_words"].items()},
        agency_prefixes=_words(data["agency_prefixes"]),
        descriptors={k: _words(v) for k, v in data["descriptors"].items()},
        anaphors={k: _words(v) for k, v in data["anaphors"].items()},
        technology_heads=_words(data["technology_heads"]),
        technology_nouns=_words(data["technology_nouns"]),
        roles=_words(data["roles"]),
        person_titles=_words(data["person_titles"]),
        role_verbs=_words(data["role_verbs"]),
        not_names=_words(data["not_names"]),
        role_organisations={k.lower(): tuple(v) for k, v in data["role_organisations"].items()},
    )
