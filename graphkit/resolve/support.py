"""How well each resolved relation is supported: sentences, articles, first and last seen.

Computed after resolution, so that "the ACLU criticises Amazon" in one article
and "the American Civil Liberties Union criticised Amazon.com" in another count
as one relation stated twice.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import ArticleResult
from .merge import Resolution

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Support:
    subject: str            # entity IRI path
    predicate: str
    object: str
    sentences: int          # distinct statements (article, sentence offsets)
    articles: int
    first_seen: str = ""    # ISO dates of the articles, when they have one
    last_seen: str = ""


def relation_support(results: Iterable[ArticleResult], resolution: Resolution) -> list[Support]:
    """One record per asserted (subject, predicate, object), in a stable order."""
    sentences: dict[tuple[str, str, str], set] = {}
    articles: dict[tuple[str, str, str], set[str]] = {}
    dates: dict[tuple[str, str, str], list[str]] = {}
    for result in results:
        article = result.article
        for rel in result.relations:
            if rel.status != "asserted":
                continue
            key = (resolution.path_of(article.id, rel.subject), rel.predicate,
                   resolution.path_of(article.id, rel.object))
            sentences.setdefault(key, set()).add((article.id, rel.evidence.start, rel.evidence.end))
            articles.setdefault(key, set()).add(article.id)
            if _ISO_DATE.fullmatch(article.date):
                dates.setdefault(key, []).append(article.date)
    found = []
    for key in sorted(sentences):
        seen = dates.get(key, [])
        found.append(Support(*key, sentences=len(sentences[key]), articles=len(articles[key]),
                             first_seen=min(seen, default=""), last_seen=max(seen, default="")))
    return found
