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
from .mentions import OFFICE
from .entities import ArticleEntities
from .rules import Hit

_STOPS = {",", ";", "(", ")", '"', "\u201c", "\u201d", "\u2014", "\u2013", ":"}
_WINDOW = 16
_ROLE_PREPS = {"for", "at", "of", "with"}     # "a spokesperson for Y, X,"
_DASH_TOKENS = {"\u2014", "\u2013", "-", "--", "\u2015"}
ORGANISATIONS = set(ORGANISATION_TYPES)
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
            if org is None:
                org, anchor = self._of_organisation(link.end)
            if org is None:
                org, anchor = self._copula(link)
            if org is None:
                org, anchor = self._title(link)
            if org is None:
                org, anchor = self._signature(link)
            if org is None:
                org, anchor = self._company_title(link)
            if org is None:                  # "Access Now's Jane Ortiz"
                owners = [c for c in self.doc[link.start:link.end].root.children if c.dep_ == "poss"]
                org = next((k for c in owners for k in [self.ents.key_at(c)] if k and
                            self.ents.entity(k).type in ORGANISATIONS and not self.ents.entity(k).generic), None)
                anchor = link.start
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
        while i >= sent_start and i >= start - 8 and doc[i].text not in _STOPS \
                and not (doc[i].pos_ == "VERB" and doc[i].dep_ not in ("amod", "compound")):   # "acting chief"
            words.insert(0, doc[i])
            i -= 1
        roles = [t for t in words if self._is_role(t)]
        if not roles:
            return self._office_before(start), start
        org = self._first_org([t for t in words if t.i < roles[-1].i])
        if org is None:
            org = self._company_word([t for t in words if t.i < roles[-1].i], start)
        if org is None and start > 0 and doc[start - 1].text == ",":     # "a spokesperson for Y, X,"
            org = self._first_org([t for t in words if t.i > roles[-1].i and any(
                p.lower_ in _ROLE_PREPS and p.i > roles[-1].i for p in words)])
        return org, roles[-1].i

    def _company_title(self, link) -> tuple[str | None, int]:
        """"CEO Mark Zuckerberg", "chief executive Hoan Ton-That" with no organisation beside the title."""
        doc = self.doc
        words = [doc[i] for i in range(max(doc[link.start].sent.start, link.start - 3), link.start)]
        titles = [t for t in words if self._company_role(t)]
        if not titles:
            return None, link.start
        return self._salient_company(doc[link.start]), titles[-1].i

    def _company_role(self, role: Token) -> bool:
        """"CEO", "founder", and "executive" after "chief"."""
        word = role.lower_.rstrip(".")
        return word in self.cues.company_roles or word == "executive" and role.i > 0 and self.doc[role.i - 1].lower_ == "chief"

    def _salient_company(self, token: Token) -> str | None:
        """The one company the sentence names, or else the company named most often before it."""
        sentence = token.sent
        companies = [link for link in self.ents.before(token) + self.ents.between(token.i, sentence.end)
                     if link.kind == "name" and self.ents.entity(link.key).type == "Company"
                     and not self.ents.entity(link.key).generic]
        here = {link.key for link in companies if sentence.start <= link.start < sentence.end}
        if len(here) == 1:
            return next(iter(here))
        if here:
            return None
        counts: dict[str, int] = {}
        for link in companies:
            counts[link.key] = counts.get(link.key, 0) + 1
        ranked = sorted(counts.items(), key=lambda item: -item[1])
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            return ranked[0][0]
        return None

    def _of_organisation(self, end: int) -> tuple[str | None, int]:
        """"Sgt. Megan Kitchenoff of the Collier County Sheriff's Office", "Ana Ruiz at the ACLU", "Matt Cagle
        from the ACLU"."""
        doc = self.doc
        if end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in ("of", "at"):
            end += 1                                    # "Capt. Luis Moreno, of the Millport Fire Department,"
        if end + 1 >= len(doc) or doc[end].lower_ not in ("of", "at", "from"):
            return None, end
        first = end + 2 if doc[end + 1].lower_ == "the" else end + 1
        name = next((link for link in self.ents.between(first, first + 1) if link.kind == "name"), None)
        if name is None:
            return None, end
        key, entity = name.key, self.ents.entity(name.key)
        return (key if entity.type in ORGANISATIONS and not entity.generic else None), end

    def _office_before(self, start: int) -> str | None:
        """"Texas Attorney General Ken Paxton": the office named right before the person is theirs."""
        key = self.ents.key_at(self.doc[start - 1]) if start > 0 else None
        return key if key and self.ents.entity(key).reason == OFFICE else None

    # -- "—Nicole Ozer, ACLU of North Carolina" under a quote ------------------
    def _signature(self, link) -> tuple[str | None, int]:
        doc = self.doc
        start = doc[link.start]
        first = start.i
        while first > 0 and not doc[first - 1].is_space and doc[first - 1].text in _DASH_TOKENS:
            first -= 1
        at_line_start = first == 0 or "\n" in doc[first - 1].text_with_ws
        if first == start.i or not at_line_start or link.end >= len(doc) or doc[link.end].text != ",":
            return None, link.start
        line = [t for t in doc[link.end + 1:doc[link.start].sent.end] if "\n" not in t.text]
        return self._first_org(line), link.start

    # -- "Karp is its chief executive", "Andy Mills became police chief" --------
    def _copula(self, link) -> tuple[str | None, int]:
        root = self.doc[link.start:link.end].root
        if root.dep_ != "nsubj" or root.head.lemma_.lower() not in self.cues.role_copulas:
            return None, link.start
        for attr in root.head.children:
            if attr.dep_ == "attr" and self._is_role(attr):
                words = [t for t in attr.subtree if t.i != attr.i]
                org = self._first_org(words) or self._company_word(words, link.start) or self._kind_of(attr, link)
                return org, attr.i
        return None, link.start

    # -- "Mayor Brandon Johnson", "Officer Daniel Ruiz", "the two commissioners, X and Y"
    def _title(self, link) -> tuple[str | None, int]:
        doc = self.doc
        words = [doc[i] for i in range(max(doc[link.start].sent.start, link.start - 4), link.start)]
        titles = [t for t in words if t.lower_ in self.cues.role_organisations
                  and not (t.i + 1 < len(doc) and doc[t.i + 1].lower_ in self.cues.roles)]   # "chief executive"
        if not titles and self.doc[link.start:link.end].root.dep_ in ("appos", "conj"):
            head = self.doc[link.start:link.end].root.head
            while head.dep_ in ("appos", "conj") and head.head != head and head.lower_ not in self.cues.role_organisations:
                head = head.head
            titles = [head] if head.lower_ in self.cues.role_organisations else []
        if not titles:
            return None, link.start
        return self._kind_of(titles[-1], link), titles[-1].i

    def _kind_of(self, role: Token, link) -> str | None:
        """The organisation a role implies: one in the article whose name has the word, or of the type."""
        kinds = self.cues.role_organisations.get(role.lower_, ())
        for word in role.lefts:                   # "police chief"
            kinds = kinds + ((word.lower_,) if word.dep_ == "compound" else ())
        sentence = role.sent
        best, best_score = None, 0
        nearby = self.ents.before(sentence[-1]) + self.ents.between(sentence[-1].i, sentence.end)
        for other in nearby:
            entity = self.ents.entity(other.key)
            if other.key == link.key or entity.generic or entity.type not in ORGANISATIONS | {"Location"}:
                continue
            names = " ".join(entity.names).lower()
            fits = any(k in names.split() or k == entity.type for k in kinds) or (
                "city" in kinds and entity.type == "Location" and sentence.start <= other.start < sentence.end)
            if not fits:
                continue
            score = (3 if sentence.start <= other.start < sentence.end else 1) + len(entity.mentions) / 10
            if score > best_score:
                best, best_score = other.key, score
        return best

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
        if token.pos_ == "VERB":       # "X, who works for Y", "X, hired by Y"; not "Palantir, …, X, has worked for Y"
            if token.tag_ == "VBN" and any(c.dep_ == "agent" for c in token.children):
                return False            # "X, represented by the ACLU": the ACLU acts for X
            subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
            return token.lemma_.lower() in self.cues.role_verbs and all(c.lower_ in ("who", "that") for c in subjects)
        return token.lower_.rstrip(".") in self.cues.roles and token.pos_ in ("NOUN", "PROPN", "ADJ")

    def _first_org(self, tokens: list[Token]) -> str | None:
        """The first organisation named; a possessor gives way to what it possesses ("the FTC's Bureau")."""
        found = []
        for token in tokens:
            key = self.ents.key_at(token)
            if key is None or (found and found[-1] == key):
                continue
            entity = self.ents.entity(key)
            if entity.type in ORGANISATIONS and not entity.generic:
                found.append(key)
        for n, key in enumerate(found):
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
                    # "a council member" serves a council: an agency word must be in the agency's name
                    named = etype == "GovernmentAgency" and token.lower_ in self.cues.head_words.get(etype, ())
                    best = None
                    for link in self.ents.before(self.doc[before]):
                        entity = self.ents.entity(link.key)
                        if entity.type == etype and not entity.generic and (
                                not named or any(token.lower_ in n.lower().split() for n in entity.names)):
                            best = link.key
                    return best
        return None
