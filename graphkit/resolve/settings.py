"""The tunable part of resolution, read from ``ontologies/resolution.yaml``."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..errors import ResourceError
from ..resources import ontology_dir, read_yaml


@dataclass(frozen=True)
class FuzzySettings:
    min_score: float = 92
    context_score: float = 88
    token_score: float = 80
    min_length: int = 5
    max_block: int = 300


@dataclass(frozen=True)
class ResolveSettings:
    type_weights: tuple[tuple[str, float], ...]
    strong_weight: float
    generic_tails: frozenset[str]
    qualifier_words: frozenset[str]
    acronym_skip: frozenset[str]
    acronym_prefixes: tuple[str, ...]
    fuzzy: FuzzySettings

    def weight(self, reason: str) -> float:
        """The vote weight of a typing reason ("head word 'union'" weighs as "head word")."""
        for prefix, weight in self.type_weights:
            if prefix != "other" and reason.startswith(prefix):
                return weight
        return dict(self.type_weights).get("other", 1.0)


@lru_cache(maxsize=1)
def load_settings() -> ResolveSettings:
    path = ontology_dir() / "resolution.yaml"
    data = read_yaml(path)
    try:
        weights = tuple((str(k), float(v)) for k, v in data["type_weights"].items())
        fuzzy = FuzzySettings(**{k: float(v) if k.endswith("score") else int(v) for k, v in data.get("fuzzy", {}).items()})
        return ResolveSettings(
            type_weights=weights,
            strong_weight=float(data["strong_weight"]),
            generic_tails=frozenset(map(str, data["generic_tails"])),
            qualifier_words=frozenset(map(str, data["qualifier_words"])),
            acronym_skip=frozenset(map(str, data["acronym_skip"])),
            acronym_prefixes=tuple(map(str, data["acronym_prefixes"])),
            fuzzy=fuzzy,
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ResourceError(f"{path}: malformed resolution settings ({type(exc).__name__}: {exc})") from None
