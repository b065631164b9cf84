"""Which language an article is written in: graphkit's pipeline reads English only.

An article in another language gives few or no relations, and without a word
that looks like a graph with nothing to say. ``language_notes`` gives one
sentence per article that reads clearly as another language, using py3langid
(a maintained fork of langid.py with a small bundled model, loaded once when
first needed). Short texts are not judged: a few names say nothing about the
language around them.
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from ..model import Article
from ..resources import read_yaml

MIN_WORDS = 25              # shorter texts are not judged
MIN_PROBABILITY = 0.95      # and a language other than English must be this clear
SAMPLE_CHARS = 4000         # the start of the article is enough


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@lru_cache(maxsize=1)
def language_names() -> dict[str, str]:
    return {str(k): str(v) for k, v in read_yaml(Path(__file__).with_name("languages.yaml")).items()}


def detect_language(text: str) -> tuple[str, float] | None:
    """(ISO 639-1 code, probability) of the text's language, or None when the text is too short to tell."""
    sample = text[:SAMPLE_CHARS]
    if len(sample.split()) < MIN_WORDS:
        return None
    code, probability = _identifier().classify(sample)
    return str(code), float(probability)


def not_english(text: str) -> str:
    """The code of the language the text clearly reads as, when that is not English; else ""."""
    found = detect_language(text)
    if found is None or found[0] == "en" or found[1] < MIN_PROBABILITY:
        return ""
    return found[0]


def language_notes(articles: Iterable[Article]) -> list[str]:
    notes = []
    for article in articles:
        code = not_english(article.text)
        if code:
            name = language_names().get(code, f"language {code!r}")
            notes.append(f"{article.source or article.id} reads as {name}, but graphkit reads English: "
                         "expect few or no entities and relations from it")
    return notes
