"""Group the names found in one article into entities, and link references to them.

Names that denote the same thing inside an article are merged: the same
normalised name, an acronym defined in parentheses, a lexicon alias, a
surname after the full name, a short form of an organisation's name ("Flock"
after "Flock Safety"). Descriptions ("the company", "the regulator") and
pronouns are linked to the nearest fitting entity before them; they are
references, never names.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..ids import normalize_name
from ..model import ORGANISATION_TYPES
from .cues import EntityCues
from .mentions import NATIONAL_AUTHORITY, NATIONAL_BODY, Found
from .places import is_place
from .typing import type_by_cause, type_by_context, type_by_name

_SEARCH_SENTENCES = 40      # how far back "the company" or a name count may look


@dataclass
class Draft:
    """An entity of the article while it is being assembled."""

    key: str
    type: str
    reason: str
    names: list[str] = field(default_factory=list)
    wikidata: str = ""
    lexicon_name: str = ""
    generic: bool = False           # a collective actor such as "police"
    parent_name: str = ""           # for a chapter ("ACLU of Northern California"): its organisation's name
    votes: dict = field(default_factory=dict)     # type -> how many weakly typed names voted for it
    mentions: list[tuple[int, int]] = field(default_factory=list)   # token spans of its names

    @property
    def name(self) -> str:
        if self.lexicon_name:
            return self.lexicon_name
        return max(self.names, key=lambda n: (len(n.split()), len(n), -self.names.index(n)))

    def add_name(self, text: str) -> None:
        if text and text not in self.names:
            self.names.append(text)


@dataclass
class Link:
    """A span of the doc that refers to an entity."""

    start: int
    end: int
    key: str
    kind: str           # name, description or pronoun


class ArticleEntities:
    """The entities of one Doc and, for every token, the entity it refers to."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.drafts: dict[str, Draft] = {}
        self.links: list[Link] = []
        self.token_key: dict[int, str] = {}
        self._by_name: dict[str, str] = {}
        self._by_lexicon: dict[str, str] = {}
        self._starts: list[int] | None = None    # link starts, for bisecting; reset when a link is added
        self.groups: dict[int, list[str]] = {}   # "both companies": token -> the entities it stands for
        self._story_subject: str | None = None

    # -- building ------------------------------------------------------------
    def new(self, etype: str, reason: str) -> Draft:
        key = f"e{len(self.drafts) + 1}"
        draft = Draft(key, etype, reason)
        self.drafts[key] = draft
        return draft

    def link(self, start: int, end: int, key: str, kind: str) -> None:
        bisect.insort(self.links, Link(start, end, key, kind), key=lambda link: link.start)
        self._starts = None
        for i in range(start, end):
            self.token_key[i] = key
        if kind == "name":
            self.drafts[key].mentions.append((start, end))

    def key_at(self, token: Token) -> str | None:
        return self.token_key.get(token.i)

    def before(self, token: Token, sentences: int = _SEARCH_SENTENCES) -> list[Link]:
        """The links that start before the token, in its sentence and the `sentences` sentences before.

        Every backward search goes through this window, so long articles stay linear."""
        first = sentence_start(self.doc, sentence_index(self.doc, token) - sentences)
        return self.between(first, token.i)

    def between(self, first: int, end: int) -> list[Link]:
        """The links that start at token `first` or later and before token `end`."""
        if self._starts is None:
            self._starts = [link.start for link in self.links]
        return self.links[bisect.bisect_left(self._starts, first):bisect.bisect_left(self._starts, end)]

    def entity(self, key: str) -> Draft:
        return self.drafts[key]

    def story_subject(self) -> str | None:
        """The organisation the article is about: named more often than any other, and at least three times.
        Read once the names are all found (the first time relations ask for it)."""
        if self._story_subject is None:
            counts = sorted(((len(d.mentions), d.key) for d in self.drafts.values()
                             if d.type in ("Company", "GovernmentAgency") and not d.generic), reverse=True)
            clear = counts and counts[0][0] >= 3 and (len(counts) == 1 or counts[0][0] > counts[1][0])
            self._story_subject = counts[0][1] if clear else ""
        return self._story_subject or None


def parent_of(ents: ArticleEntities, draft: Draft, lexicon_names: dict) -> str | None:
    """The entity a chapter belongs to: found by name in the article, else created from its name."""
    from ..ids import normalize_name

    norm = normalize_name(draft.parent_name)
    key = ents._by_name.get(norm)
    entry = lexicon_names.get(norm)
    if key is None and entry is not None:
        key = ents._by_lexicon.get(entry.name)
    if key is None:
        parent = ents.new(draft.type, "organisation of a chapter" if entry is None else "lexicon")
        parent.add_name(draft.parent_name)
        if entry is not None:
            parent.lexicon_name, parent.wikidata = entry.name, entry.wikidata
            parent.type = entry.type
        ents._by_name[norm] = parent.key
        key = parent.key
    return key if key != draft.key else None


def _owns_product(span, cues: EntityCues) -> bool:
    """A one-word name whose possessive owns a product or system ("Deliveroo's ranking algorithm",
    "Fanpage's app") names a company, whatever NER said."""
    doc, end = span.doc, span.end
    if end + 1 >= len(doc) or doc[end].tag_ != "POS":
        return False
    owned = doc[end + 1:min(len(doc), end + 4)]
    return any(t.pos_ == "NOUN" and (t.lower_ in cues.technology_heads or t.lemma_.lower() in cues.descriptors.get("Product", ()))
               for t in owned)


def collect_names(doc: Doc, found: list[Found], cues: EntityCues) -> ArticleEntities:
    """The article's entities from its names: merged by name, alias, acronym, surname and short form."""
    ents = ArticleEntities(doc)
    acronyms = _acronym_definitions(doc, found)
    for item in found:
        _add_name(ents, doc, item, cues, acronyms)
    _settle_weak_types(ents)
    _merge_surnames(ents)
    _merge_places_into_governments(ents, cues)
    _name_national_authorities(ents, doc, cues)
    _products_by_place(ents, doc)
    return ents


def merge_aliases(ents: ArticleEntities, doc: Doc, cues: EntityCues) -> None:
    """Names given as other names of an entity: "known as the AP", "Italy's authority, the Garante"."""
    _merge_known_as(ents, doc, cues)
    _merge_appositive_names(ents, doc)


def _merge_appositive_names(ents: ArticleEntities, doc: Doc) -> None:
    """"Italy's data protection authority, the Garante": two names of one organisation side by side."""
    for link in list(ents.links):
        if link.kind != "name" or link.key not in ents.drafts:
            continue
        root = doc[link.start:link.end].root
        for child in root.children:
            other = ents.key_at(child)
            if child.dep_ != "appos" or other is None or other == link.key or other not in ents.drafts:
                continue
            a, b = ents.drafts[link.key], ents.drafts[other]
            renamed = doc[child.left_edge.i].lower_ == "the"          # "…, the Garante", not a list of names
            known_apart = a.lexicon_name and b.lexicon_name and a.lexicon_name != b.lexicon_name
            if renamed and not known_apart and a.type in ORGANISATION_TYPES and b.type in ORGANISATION_TYPES \
                    and not (a.generic or b.generic) and not (a.parent_name or b.parent_name):
                keep, drop = (link.key, other) if a.reason == "lexicon" or b.reason != "lexicon" else (other, link.key)
                _merge_into(ents, drop, keep)


def _merge_known_as(ents: ArticleEntities, doc: Doc, cues: EntityCues) -> None:
    """"The regulator, known … simply as the AP": AP is another name of the regulator."""
    for token in doc:
        if token.lower_ not in cues.alias_participles or token.tag_ != "VBN":
            continue
        owner = ents.key_at(token.head) if token.dep_ in ("acl", "relcl") else None
        if owner is None and token.dep_ in ("acl", "relcl"):
            owner = next((ents.key_at(c) for c in token.head.children if c.dep_ == "appos" and ents.key_at(c)), None)
        if owner is None:
            continue
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "as":
                for obj in prep.children:
                    alias = ents.key_at(obj)
                    if alias and alias != owner and alias in ents.drafts and owner in ents.drafts \
                            and _compatible(ents.drafts[alias].type, ents.drafts[owner].type):
                        _merge_into(ents, alias, owner)


def _clean_text(doc: Doc, start: int, end: int) -> str:
    text = doc[start:end].text
    text = re.sub(r"[’']s$", "", text).strip()
    return re.sub(r"\s+", " ", text)


def _add_name(ents: ArticleEntities, doc: Doc, item: Found, cues: EntityCues, acronyms: dict[int, int]) -> None:
    span = item.span(doc)
    text = _clean_text(doc, item.start, item.end)
    norm = normalize_name(text)
    if not norm:
        return
    etype, reason = item.type, item.reason
    if etype == "Location":
        named, why = type_by_name(span, cues)
        if named == "GovernmentAgency" and why.startswith("name begins"):
            etype, reason = named, why
    if etype in ("Person", "Location") and item.source == "ner":      # "Veridian Labs" read as a person
        named, why = type_by_name(span, cues)
        if named and (etype == "Person" or not why.startswith("name begins")):
            etype, reason = named, why
    if etype == "Person" and item.source == "ner" and len(span) == 1:     # "DeepMind, the London AI lab"
        described, why = type_by_context(span, cues)
        if described and described != "Person":
            etype, reason = described, why
        elif _owns_product(span, cues):                                   # "Deliveroo's ranking algorithm"
            etype, reason = "Company", "owns a product"
    if etype == "ORG":
        described, why = type_by_context(span, cues)
        etype, reason = type_by_name(span, cues)
        if not etype or described == "AdvocacyGroup" or why.startswith("named"):   # "a committee …, a group that campaigns"
            etype, reason = (described, why) if described else (etype, reason)
        if not etype:
            etype, reason = type_by_cause(span, cues)
        if not etype:
            etype, reason = "Company", "organisation by default"
    key = None
    if item.entry is not None:
        key = ents._by_lexicon.get(item.entry.name)
    if key is None:
        key = ents._by_name.get(norm)
        if key and not _compatible(ents.entity(key).type, etype) \
                and not (_weak(reason) or _weak(ents.entity(key).reason)):     # NER labels disagree: one name
            key = None
    if key is None and item.start in acronyms:     # an acronym defined right after its long form
        key = ents.token_key.get(acronyms[item.start])
    if key is None:
        key = _short_form_of(ents, norm, etype, cues, loose=_weak(reason))
    if key is None:
        draft = ents.new(etype, reason)
        key = draft.key
    draft = ents.entity(key)
    if item.entry is not None:
        ents._by_lexicon[item.entry.name] = key
        draft.lexicon_name = draft.lexicon_name or item.entry.name
        draft.wikidata = draft.wikidata or item.entry.wikidata
        draft.generic = draft.generic or item.entry.generic
        if draft.reason != "lexicon" and item.entry.type == etype:
            draft.type, draft.reason = etype, "lexicon"
    elif draft.type != etype and _stronger(reason, draft.reason):
        draft.type, draft.reason = etype, reason
    if _weak(reason):
        draft.votes[etype] = draft.votes.get(etype, 0) + 1
    core = _clean_text(doc, item.start, item.core_end) if item.core_end is not None else ""
    if core and not _names_an_organisation(ents, core):      # "FaceTrace software" is also "FaceTrace",
        draft.add_name(core)                                  # but "Flock cameras" is not "Flock"
        if item.type == "Product" and not draft.lexicon_name and item.entry is None:
            draft.lexicon_name = core
    draft.add_name(text)
    if item.parent is not None and not draft.parent_name:
        draft.parent_name = _clean_text(doc, *item.parent)
    ents._by_name.setdefault(norm, key)
    ents.link(item.start, item.end, key, "name")


def _names_an_organisation(ents: ArticleEntities, name: str) -> bool:
    words = normalize_name(name).split()
    return any(d.type in ORGANISATION_TYPES and any(normalize_name(n).split()[:len(words)] == words for n in d.names)
               for d in ents.drafts.values())


def _compatible(a: str, b: str) -> bool:
    return a == b or (a in ORGANISATION_TYPES and b in ORGANISATION_TYPES)


def _weak(reason: str) -> bool:
    """Typed only by spaCy's NER label or by default."""
    return reason.startswith(("NER", "organisation by default"))


def _settle_weak_types(ents: ArticleEntities) -> None:
    """A name that NER labels differently in different sentences takes its most frequent label."""
    for draft in ents.drafts.values():
        if _weak(draft.reason) and draft.votes:
            draft.type = max(sorted(draft.votes), key=lambda t: draft.votes[t])


def _stronger(new_reason: str, old_reason: str) -> bool:
    rank = {"lexicon": 4, "head word": 3, "name begins": 3, "described as": 2, "name of a cause": 1, "NER": 1, "organisation by default": 0}
    def score(reason: str) -> int:
        return next((v for k, v in rank.items() if reason.startswith(k)), 1)
    return score(new_reason) > score(old_reason)


def _acronym_definitions(doc: Doc, found: list[Found]) -> dict[int, int]:
    """Token index of "FTC" in "Federal Trade Commission (FTC)" -> first token of the long form."""
    defs = {}
    for item in found:
        i = item.end
        if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")":
            acronym = doc[i + 1].text
            if acronym.isupper() and 2 <= len(acronym) <= 8 and _initials_fit(acronym, doc[item.start:item.end].text):
                defs[i + 1] = item.start
        if i < len(doc) and doc[i].is_lower and doc[i].pos_ == "NOUN":
            i += 1                                  # "the Investigative Case Management system, or ICM"
        if i + 2 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ == "or" and doc[i + 2].is_upper \
                and (i + 3 == len(doc) or doc[i + 3].is_punct) \
                and _initials_spell(doc[i + 2].text, doc[item.start:item.end].text):
            defs[i + 2] = item.start
    return defs


def _initials_spell(acronym: str, name: str) -> bool:
    """"ICM" for "Investigative Case Management": the capitalised words' initials, in order, exactly;
    or those of the words after a place that owns the body ("DPA" for "the Netherlands' Data Protection
    Agency")."""
    words = [w for w in re.findall(r"[A-Za-z][\w-]*", name) if w[0].isupper()]
    initials = "".join(w[0] for w in words)
    if len(acronym) < 2:
        return False
    if acronym == initials:
        return True
    owner = len(words) - len(acronym)
    return owner > 0 and initials[owner:] == acronym and is_place(" ".join(words[:owner]))


def _initials_fit(acronym: str, name: str) -> bool:
    letters = [w[0].upper() for w in re.findall(r"[A-Za-z][\w-]*", name)]
    return acronym[0] == (letters[0] if letters else "") or acronym[0] in letters


def _short_form_of(ents: ArticleEntities, norm: str, etype: str, cues: EntityCues, loose: bool = False) -> str | None:
    """"Flock" after "Flock Safety", "Palantir" after "Palantir Technologies"; a name whose type
    only NER guessed ("Halvorsen" read as a person) may shorten any organisation's name."""
    if etype not in ORGANISATION_TYPES and etype != "Product" and not loose:
        return None
    words = norm.split()
    candidates = []
    for key, draft in ents.drafts.items():
        if not _compatible(draft.type, etype) and not (loose and draft.type in ORGANISATION_TYPES):
            continue
        for name in draft.names:
            longer = normalize_name(name).split()
            if len(longer) > len(words) and longer[:len(words)] == words \
                    and not cues.short_form_blockers & set(longer[len(words):]):
                candidates.append(key)
                break
    if len(set(candidates)) == 1 or (loose and candidates):
        return candidates[0]          # several longer names: the one introduced first
    return None


def _merge_surnames(ents: ArticleEntities) -> None:
    """One-word names that are the surname of a person named in full become that person."""
    people = {}
    for key, draft in ents.drafts.items():
        if draft.type == "Person":
            for name in draft.names:
                parts = name.split()
                if len(parts) >= 2:
                    people.setdefault(parts[-1].lower(), set()).add(key)
    for key, draft in list(ents.drafts.items()):
        if len(draft.names) != 1 or len(draft.names[0].split()) != 1 or draft.reason == "lexicon":
            continue
        targets = people.get(draft.names[0].lower(), set()) - {key}
        if len(targets) == 1 and draft.type in ("Person", "Company", "Location", "GovernmentAgency", "AdvocacyGroup"):
            _merge_into(ents, key, targets.pop())


def _products_by_place(ents: ArticleEntities, doc: Doc) -> None:
    """A name that qualifies or renames a technology is a product: "its ShadowNet spyware",
    "its best-known plate reader, the Falcon"."""
    technologies = {k for k, d in ents.drafts.items() if d.type == "Technology"}
    for draft in ents.drafts.values():
        if draft.type not in ORGANISATION_TYPES or not draft.reason.startswith(("organisation by default", "NER")):
            continue
        for start, end in draft.mentions:
            root = doc[start:end].root
            near = [root.head] if root.dep_ in ("compound", "appos") else []
            near += [c for c in root.children if c.dep_ == "appos"]
            if any(ents.token_key.get(t.i) in technologies for t in near):
                draft.type, draft.reason = "Product", "names a technology"
                break


def _merge_places_into_governments(ents: ArticleEntities, cues: EntityCues) -> None:
    """"Norfolk" and "the City of Norfolk" are one entity: the city's government."""
    governments = {}
    for key, draft in ents.drafts.items():
        if draft.type == "GovernmentAgency":
            for name in draft.names:
                words = name.split()
                if len(words) >= 3 and words[0].lower() in cues.local_government_nouns and words[1] == "of":
                    governments[" ".join(words[2:]).lower()] = key
    for key, draft in list(ents.drafts.items()):
        weak = draft.type == "Location" or draft.reason.startswith(("organisation by default", "NER"))
        if weak and draft.name.lower() in governments and key != governments[draft.name.lower()]:
            _merge_into(ents, key, governments[draft.name.lower()])


_NATIONAL_REACH = 2        # sentences around "Portugal's data protection authority" where its name may be


def _name_national_authorities(ents: ArticleEntities, doc: Doc, cues: EntityCues) -> None:
    """"Portugal's data protection authority … the CNPD said": a country's authority described in lower
    case is the agency named nearest to it, within a sentence before or two after."""
    for key, draft in list(ents.drafts.items()):
        described = draft.reason == NATIONAL_AUTHORITY or draft.reason == NATIONAL_BODY \
            and draft.name.split()[-1].lower() in cues.agency_words       # "the Dutch data protection watchdog"
        if not described or not draft.mentions or key not in ents.drafts:
            continue
        start = draft.mentions[0][0]
        here = sentence_index(doc, doc[start])
        nearest = None
        for other_key, other in ents.drafts.items():
            if other.type != "GovernmentAgency" or other.generic or other.reason in (NATIONAL_AUTHORITY, NATIONAL_BODY) \
                    or other.name.split()[0].lower() in cues.supranational_words:
                continue
            for mention, _ in other.mentions:
                if here - 1 <= sentence_index(doc, doc[mention]) <= here + _NATIONAL_REACH:
                    distance = (abs(mention - start), mention < start)          # nearest, and after on a tie
                    if nearest is None or distance < nearest[0]:
                        nearest = (distance, other_key)
        if nearest is not None:
            draft.names.clear()         # a description, not one of the agency's names
            _merge_into(ents, key, nearest[1])


def _merge_into(ents: ArticleEntities, source: str, target: str) -> None:
    src, dst = ents.drafts.pop(source), ents.drafts[target]
    for name in src.names:
        dst.add_name(name)
    dst.mentions.extend(src.mentions)
    for link in ents.links:
        if link.key == source:
            link.key = target
    for i, key in list(ents.token_key.items()):
        if key == source:
            ents.token_key[i] = target
    for table in (ents._by_name, ents._by_lexicon):
        for k, v in list(table.items()):
            if v == source:
                table[k] = target


def sentence_index(doc: Doc, token: Token) -> int:
    index = doc.user_data.get("gk_sent_index")
    if index is None:
        index = doc.user_data["gk_sent_index"] = _sent_index(doc)
    return index[token.i]


def sentence_start(doc: Doc, number: int) -> int:
    """First token of sentence `number` (0 when it is before the first sentence)."""
    starts = doc.user_data.get("gk_sent_starts")
    if starts is None:
        starts = doc.user_data["gk_sent_starts"] = [sent.start for sent in doc.sents]
    return starts[number] if number > 0 else 0


def _sent_index(doc: Doc) -> list[int]:
    index = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            index[i] = n
    return index


