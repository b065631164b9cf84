"""Who works for whom, read from the words around a person's name.

News writing attaches a person's role in a few fixed shapes, which a
window of tokens reads more reliably than a parse of a long apposition:

* ``Evan Greer, deputy director of … Fight for the Future,``  (role, then organisation)
* ``Caleb Morris, a Ring spokesman`` / ``Sundar Pichai, Google's chief executive``
* ``Leah Sorensen, a company spokeswoman``  ("the company": the nearest company before)
* ``the company's spokeswoman, Hannah Keller`` / ``ACLU senior policy analyst Jay Stanley``
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from ..model import ORGANISATION_TYPES
from .cues import EntityCues
from .entities import ArticleEntities
from .relations import Hit

_STOPS = {",", ";", "(", ")", '"', "\u201c", "\u201d", "\u2014", "\u2013", ":"}
_WINDOW = 16
_ORG_OR_PLACE = set(ORGANISATION_TYPES)
_METHOD = "graphkit.role.v2"


class RoleReader:
    def __init__(self, doc: Doc, ents: ArticleEntities, cues: EntityCues):
        self.doc = doc
        self.ents = ents
        self.cues = cues

    def read(self) -> Iterator[Hit]:
        for link in self.ents.links:
            if link.kind != "name" or self.ents.entity(link.key).type != "Person":
                continue
            org, anchor = self._after(link.end)
            if org is None:
                org, anchor = self._before(link.start)
            if org is not None and org != link.key:
                yield Hit(link.key, "worksFor", org, anchor, _METHOD, 0.85)

    # -- "X, a spokeswoman for Y" -----------------------------------------
    def _after(self, end: int) -> tuple[str | None, int]:
        doc = self.doc
        if end >= len(doc) or doc[end].text != ",":
            return None, end
        window = self._segment(end + 1, doc[end].sent.end)
        role = next((t for t in window if self._is_role(t)), None)
        if role is None:
            return None, end
        after = [t for t in window if t.i > role.i]
        org = self._first_org(after)
        if org is None:
            org = self._first_org([t for t in window if t.i < role.i])
        if org is None:
            org = self._company_word([t for t in window if t.i < role.i], end)
        return org, role.i

    # -- "the company's spokeswoman, X" / "ACLU analyst X" -------------------
    def _before(self, start: int) -> tuple[str | None, int]:
        doc = self.doc
        sent_start = doc[start].sent.start
        i = start - 1
        if i >= sent_start and doc[i].text == ",":
            i -= 1
        words = []
        while i >= sent_start and i >= start - 8 and doc[i].text not in _STOPS and doc[i].pos_ != "VERB":
            words.insert(0, doc[i])
            i -= 1
        roles = [t for t in words if self._is_role(t)]
        if not roles:
            return None, start
        org = self._first_org([t for t in words if t.i < roles[-1].i])
        if org is None:
            org = self._company_word([t for t in words if t.i < roles[-1].i], start)
        return org, roles[-1].i

    # -- helpers -------------------------------------------------------------
    def _segment(self, start: int, limit: int) -> list[Token]:
        tokens = []
        for i in range(start, min(limit, start + _WINDOW)):
            token = self.doc[i]
            if token.text in _STOPS or (token.pos_ == "VERB" and token.dep_ in ("ROOT", "ccomp") and not token.tag_ == "VBN"):
                break
            tokens.append(token)
        return tokens

    def _is_role(self, token: Token) -> bool:
        if token.i in self.ents.token_key:
            return False
        if token.pos_ == "VERB":
            return token.lemma_.lower() in self.cues.role_verbs
        return token.lower_ in self.cues.roles and token.pos_ in ("NOUN", "PROPN", "ADJ")

    def _first_org(self, tokens: list[Token]) -> str | None:
        """The first organisation named; a possessor gives way to what it possesses ("the FTC's Bureau")."""
        found = []
        for token in tokens:
            key = self.ents.key_at(token)
            if key is None or (found and found[-1][0] == key):
                continue
            entity = self.ents.entity(key)
            if entity.type in _ORG_OR_PLACE and not entity.generic:
                found.append((key, token))
        for n, (key, token) in enumerate(found):
            last = max(t.i for t in tokens if self.ents.key_at(t) == key)
            possessive = last + 1 < len(self.doc) and self.doc[last + 1].tag_ == "POS"
            if not possessive or n + 1 == len(found):
                return key
        return None

    def _company_word(self, tokens: list[Token], before: int) -> str | None:
        """"a company spokeswoman": the nearest organisation of that kind named earlier."""
        for token in tokens:
            for etype in ORGANISATION_TYPES:
                if token.lower_ in self.cues.anaphors.get(etype, ()):
                    best = None
                    for link in self.ents.links:
                        if link.start >= before:
                            break
                        entity = self.ents.entity(link.key)
                        if entity.type == etype and not entity.generic:
                            best = link.key
                    return best
        return None
