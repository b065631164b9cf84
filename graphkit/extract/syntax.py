"""Small readings of spaCy's dependency parse shared by the relation readers."""
from __future__ import annotations

from spacy.tokens import Token

from ..model import ORGANISATION_TYPES
from .claims import has_no_longer

def misread_main_verb(verb: Token) -> bool:
    """"Greenfield Ventures invested in X" parsed as a noun phrase: the verb hangs off the root noun."""
    return verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD") and verb.head.dep_ == "ROOT" \
        and verb.head.pos_ in ("PROPN", "NOUN") and verb.head.text[:1].isupper() \
        and not any(c.dep_ == "agent" for c in verb.children)


def default_org(entity) -> bool:
    return entity.type in ORGANISATION_TYPES and entity.reason.startswith(("organisation by default", "NER"))


def named_in(token: Token, ents) -> Token | None:
    return next((t for t in token.subtree if ents.key_at(t)), None)


def conjuncts(token: Token) -> list[Token]:
    return [t for t in token.conjuncts if t.i > token.i] if token.dep_ != "conj" else []


def preps(token: Token, words: set[str] | frozenset[str]) -> list[Token]:
    found = []
    for child in token.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ in words:
            found.append(child)
        elif child.dep_ == "prep" and child.lower_ == "such" and "as" in words:
            found.append(child)
    return found


def pobj(prep: Token) -> Token | None:
    for child in prep.children:
        if child.dep_ == "pobj":
            return child
        if child.dep_ == "prep" and child.lower_ == "as":       # "such as"
            return pobj(child)
    return None


def commitment(verb: Token) -> bool:
    """"will no longer sell", "would not sell … until": a decision to stop, not a plain negation."""
    if has_no_longer(verb):
        return True
    return any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "wo") for c in verb.children)
