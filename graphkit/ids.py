"""Deterministic identifiers: the same names always give the same IRIs.

>>> normalize_name("The ACLU's")
'aclu'
>>> slug("Clearview AI, Inc.")
'clearview-ai'
>>> entity_path("Company", "Amazon.com")
'org/amazon-com'
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

_CORPORATE_SUFFIXES = re.compile(
    r"\b(inc|incorporated|corp|corporation|co|ltd|limited|llc|plc|gmbh|sa|ag|bv|nv)\b"
)
_KIND_BY_TYPE = {
    "Company": "org", "GovernmentAgency": "org", "AdvocacyGroup": "org",
    "Person": "person", "Technology": "technology", "Product": "product",
    "Location": "place", "Legislation": "law",
}


def normalize_name(name: str) -> str:
    """Fold a surface name to the key used to compare names.

    Case, accents, a possessive 's, punctuation, corporate suffixes and a
    leading "the" are removed and white space is collapsed.
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("\u2019", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^\w\s]", " ", text)
    text = _CORPORATE_SUFFIXES.sub(" ", text)
    text = re.sub(r"^\s*the\s+", "", text)
    return re.sub(r"\s+", " ", text).strip()


def digest(*parts: object, length: int = 16) -> str:
    """A short, stable hex digest of the parts."""
    joined = "\x1f".join(str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:length]


def slug(name: str) -> str:
    """A readable IRI segment for a name; names that do not fold to ASCII get a digest."""
    key = normalize_name(name)
    if key and re.fullmatch(r"[a-z0-9_ ]+", key):
        return key.replace(" ", "-")[:80] + ("" if len(key) <= 80 else "-" + digest(key, length=8))
    return "x-" + digest(key or name, length=12)


def entity_kind(entity_type: str) -> str:
    """The IRI folder for a type: the three organisation types share one."""
    return _KIND_BY_TYPE[entity_type]


def entity_path(entity_type: str, name: str) -> str:
    return f"{entity_kind(entity_type)}/{slug(name)}"


def article_path(article_id: str) -> str:
    return f"article/{slug(article_id)}"


def statement_path(article_id: str, subject: str, predicate: str, obj: str, start: int, end: int) -> str:
    return f"statement/{digest(article_id, subject, predicate, obj, start, end)}"


def relation_path(subject: str, predicate: str, obj: str) -> str:
    return f"relation/{digest(subject, predicate, obj)}"
