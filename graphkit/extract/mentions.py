"""Find the names of entities in a parsed Doc: lexicon matches, NER spans and patterns.

``MentionFinder(nlp, lexicon).find(doc)`` returns non-overlapping
:class:`Found` spans with a first guess at their type; typing.py refines the
organisation types and entities.py groups the spans into entities.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..model import ORGANISATION_TYPES
from ..nlp.factories import dateline_end
from ..resources import Lexicon, LexiconEntry
from .cues import EntityCues, entity_cues
from .places import is_people, is_place

NER_TYPES = {
    "PERSON": "Person", "ORG": "ORG", "GPE": "Location", "LOC": "Location",
    "FAC": "Location", "PRODUCT": "Product", "LAW": "Legislation",
}
CASE_SENSITIVE_TYPES = {"Company", "GovernmentAgency", "AdvocacyGroup", "Product", "Legislation", "Person", "Location"}
NATIONAL_AUTHORITY = "a country's authority"
OFFICE = "a place's office"
NATIONAL_BODY = "a country's or leader's government"   # the reason given to "the Turkish government"
_PRIORITY = {"chapter": 4, "acronym": 3, "lexicon": 3, "ner": 2, "pattern": 1, "repeat": 1}


@dataclass
class Found:
    """A candidate entity name: tokens [start, end) of the doc."""

    start: int
    end: int
    type: str               # an entity type, or "ORG" until typing decides
    source: str             # lexicon, ner or pattern
    entry: LexiconEntry | None = None
    reason: str = ""
    parent: tuple[int, int] | None = None     # tokens of the organisation a chapter belongs to
    core_end: int | None = None               # "FaceTrace software": the name proper ends before the head noun

    def span(self, doc: Doc) -> Span:
        return doc[self.start:self.end]


class MentionFinder:
    """Holds the phrase matchers built from a lexicon for one spaCy vocabulary."""

    def __init__(self, nlp, lexicon: Lexicon, cues: EntityCues | None = None):
        self.cues = cues or entity_cues()
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.entries: dict[str, LexiconEntry] = {}
        exact_patterns: dict[str, list] = {}
        folded_patterns: dict[str, list] = {}
        for number, entry in enumerate(lexicon.entries):
            key = f"gk{number}"
            self.entries[key] = entry
            names = {entry.name, *entry.aliases}
            if entry.type in CASE_SENSITIVE_TYPES and not entry.generic:
                exact_patterns[key] = [nlp.make_doc(n) for n in names]
            else:
                variants = names | {_plural(n) for n in names}
                folded_patterns[key] = [nlp.make_doc(n) for n in variants]
        for key, docs in exact_patterns.items():
            self.exact.add(key, docs)
        for key, docs in folded_patterns.items():
            self.folded.add(key, docs)

    def find(self, doc: Doc) -> list[Found]:
        candidates = self._lexicon(doc) + self._ner(doc) + self._patterns(doc)
        datelines = _datelines(doc)
        candidates = [c for c in candidates if not self._not_a_name(doc, c) and _plausible(doc[c.start:c.end])
                      and not (c.type == "Location" and c.start in datelines)]
        candidates += _made_in(doc, candidates)
        chosen = _select(_uncut_lexicon_names(candidates))
        chosen = _select(chosen + self._chapters(doc, chosen) + _acronym_uses(doc, chosen) + _local_forces(doc, chosen)
                         + self._offices(doc, chosen))
        return _select(chosen + self._repeated_names(doc, chosen))

    def _not_a_name(self, doc: Doc, found: Found) -> bool:
        if found.source != "ner":
            return False
        span = doc[found.start:found.end]
        if len(span) == 1 and found.end < len(doc) and doc[found.end].lower_ in self.cues.roles \
                and any(span[0].lower_ in words for words in self.cues.head_words.values()):
            return True             # "Council member Carroll Fife": a title, not the council's name
        words = [t.lower_ for t in span if t.is_alpha and t.lower_ not in ("and", "or", "&")]
        return span.text.lower() in self.cues.not_names or (bool(words) and all(w in self.cues.not_names for w in words))

    def _chapters(self, doc: Doc, chosen: list[Found]) -> list[Found]:
        """"ACLU of Northern California": an organisation "of" a place is its own organisation."""
        by_start = {f.start: f for f in chosen}
        extra = []
        for f in chosen:
            if f.type not in ("Company", "GovernmentAgency", "AdvocacyGroup", "ORG") or (f.entry and f.entry.generic):
                continue
            if f.end + 1 < len(doc) and doc[f.end].lower_ == "of" and f.end + 1 in by_start:
                place = by_start[f.end + 1]
                if place.type == "Location" and f.type != "ORG":
                    extra.append(Found(f.start, place.end, f.type, "chapter", None, f"chapter of {doc[f.start:f.end]}",
                                       parent=(f.start, f.end)))
            elif f.type == "AdvocacyGroup" and (place_end := _place_after(doc, f.end)):   # "… Without Borders Germany"
                extra.append(Found(f.start, place_end, f.type, "chapter",
                                   None, f"national section of {doc[f.start:f.end]}", parent=(f.start, f.end)))
        return extra

    def _offices(self, doc: Doc, chosen: list[Found]) -> list[Found]:
        """"Texas Attorney General", "California's attorney general": a place's office is an agency."""
        found = []
        for place in chosen:
            if place.type != "Location":
                continue
            start = place.end + (1 if place.end < len(doc) and doc[place.end].lower_ in ("'s", "\u2019s") else 0)
            for title in self.cues.office_titles:
                end = start + len(title)
                if end <= len(doc) and tuple(t.lower_ for t in doc[start:end]) == title:
                    found.append(Found(place.start, end, "GovernmentAgency", "pattern", None, OFFICE))
                    break
        return found

    def _repeated_names(self, doc: Doc, chosen: list[Found]) -> list[Found]:
        """"Cobalt was founded …" at the start of a sentence, where the tagger saw no name: a name, or the
        first word of a name, that the article uses elsewhere."""
        known: dict[str, Found] = {}
        for f in chosen:
            if f.type in (*ORGANISATION_TYPES, "ORG") and not (f.entry and f.entry.generic):
                first = doc[f.start]
                if first.is_title and not first.is_stop and first.lower_ not in self.cues.not_names:
                    known.setdefault(first.text, f)
        taken = {i for f in chosen for i in range(f.start, f.end)}
        return [Found(token.i, token.i + 1, known[token.text].type, "repeat", None, "name used elsewhere")
                for token in doc
                if token.text in known and token.i not in taken and token.pos_ == "PROPN"
                and (token.dep_ in _ARGUMENTS or token.dep_ == "poss")]

    # -- sources -----------------------------------------------------------
    def _lexicon(self, doc: Doc) -> list[Found]:
        found = []
        for matcher in (self.exact, self.folded):
            for match_id, start, end in matcher(doc):
                entry = self.entries[doc.vocab.strings[match_id]]
                core = end
                if entry.type in ("Technology", "Product"):
                    end = self._extend_head(doc, end)
                elif entry.type in ORGANISATION_TYPES and end < len(doc) and doc[end].lower_ in self.cues.company_suffixes:
                    end += 1                          # "FinFisher GmbH": the known name with its legal form
                found.append(Found(start, end, entry.type, "lexicon", entry, "lexicon",
                                   core_end=core if core < end else None))
        return found

    def _ner(self, doc: Doc) -> list[Found]:
        found = []
        for ent in doc.ents:
            etype = NER_TYPES.get(ent.label_)
            reason = f"NER {ent.label_}"
            if ent.label_ in ("GPE", "NORP") and _unknown_place_name(ent):
                etype, reason = "ORG", f"NER {ent.label_}, but no place or people of that name"
            ent_end = ent.end
            name_end = _name_before_amount(ent) if etype is None else None
            if name_end:                                  # "fined Brightlane €2 billion" read as one event
                etype, reason, ent_end = "ORG", f"NER {ent.label_}, a name before an amount", name_end
            if etype is None:
                continue
            start, end = _trim(doc, ent.start, ent_end, self.cues)
            if etype == "ORG":      # "the Atlanta company Flock Safety": the name follows the description
                described = [t.i for t in doc[start:end - 1] if t.is_lower and t.pos_ == "NOUN"]
                start = described[-1] + 1 if described else start
            if etype == "ORG" and end - start > 2 and doc[start].lower_ in self.cues.roles \
                    and doc[start + 1].lower_ in ("of", "at", "for"):     # "Commissioner of the FTC": the FTC
                start += 2
                while start < end and doc[start].lower_ in self.cues.leading_determiners:
                    start += 1
            if etype == "ORG":
                end = _with_office(doc, end, self.cues)   # "Collier County Sheriff's Office" cut at the possessive
                end = _with_seat(doc, end, self.cues)     # "the District Court" of Amsterdam
            if etype == "ORG" and end - start > 1 and doc[start].lower_.rstrip(".") in self.cues.person_titles \
                    and all(t.ent_type_ in ("PERSON", "ORG") and t.is_title for t in doc[start + 1:end]):
                etype = "Person"                      # "Plaintiff Arshon Harper" read as an organisation
            if etype == "ORG" and 2 <= end - start <= 3 and start > 0 and doc[start - 1].is_lower \
                    and doc[start - 1].lower_ in self.cues.roles and all(t.is_title for t in doc[start:end]):
                etype, reason = "Person", f"{reason}, but named after the role {doc[start - 1].lower_!r}"
                # "Sum of Us organizer Emma Pullman"
            why_not = _not_a_person(doc[start], self.cues) if etype == "Person" and end - start == 1 else ""
            if why_not:
                etype, reason = "ORG", f"{reason}, but {why_not}"
            if etype == "Person":
                roles = [t.i for t in doc[start + 1:end - 1] if t.is_lower and t.lower_ in self.cues.roles]
                start = roles[-1] + 1 if roles else start       # "Meta spokesperson Andy Stone" read as one name
                if self._after_titles(doc, start, end) > start:
                    end = max(end, _name_after_title(doc, start))      # "Sgt. Ana" cut before "Ruiz"
                start = self._after_titles(doc, start, end)
            if start >= end or not any(t.is_alpha for t in doc[start:end]):
                continue
            core = end
            if etype == "Product":
                end = self._extend_head(doc, end)
            if any(t.lower_ in self.cues.versus_words for t in doc[start + 1:end - 1]):
                continue                              # "Doe v. Harbor Systems": a case, named by its parties
            if etype == "ORG" and _coordinated_names(doc, start, end):     # "Allstate and Arity" as one name
                found += [Found(a, b, etype, "ner", None, f"{reason}, one of two names")
                          for a, b in _coordinated_names(doc, start, end)]
                continue
            found.append(Found(start, end, etype, "ner", None, reason, core_end=core if core < end else None))
        return found

    def _after_titles(self, doc: Doc, start: int, end: int) -> int:
        """"Councilmember Rosa Alvarez", "Dr. Ana Ruiz": the name starts after the titles."""
        while end - start > 1 and (doc[start].lower_.rstrip(".") in self.cues.person_titles
                                   or doc[start].lower_ in self.cues.role_organisations):
            start += 1
        return start

    def _patterns(self, doc: Doc) -> list[Found]:
        """Unseen technologies ("gunshot detection system") and products ("Flock cameras")."""
        found = []
        cues = self.cues
        for token in doc:
            low = token.lower_
            if low in cues.technology_nouns and token.pos_ == "NOUN":
                mods = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "NOUN" and c.is_lower
                        and c.is_alpha and not c.is_stop and len(c) > 2]
                if mods:
                    start = min(m.i for m in mods)
                    if all(t.is_lower or t.is_punct for t in doc[start:token.i + 1]):
                        end = self._extend_head(doc, token.i + 1)
                        found.append(Found(start, end, "Technology", "pattern", None, "technology compound"))
            if low in cues.technology_kinds and token.pos_ == "NOUN" and token.dep_ != "compound" \
                    and (start := _technique_start(token, cues)) is not None:    # "monitoring software", "spy tools"
                found.append(Found(start, token.i + 1, "Technology", "pattern", None, TECHNIQUE))
            if token.pos_ == "PROPN" and token.dep_ != "compound" and _organisation_head(token, cues):
                start = _compound_start(token)
                if start < token.i:          # "Security Lab", "Tech Workers Coalition"
                    found.append(Found(start, _with_office(doc, token.i + 1, cues), "ORG", "pattern", None,
                                       "name with an organisation's head word"))
            if low in cues.company_suffixes and token.i and doc[token.i - 1].is_title and not doc[token.i - 1].is_stop:
                start = token.i - 1                 # "Elaman GmbH": a capitalised name with a legal form
                while start > 0 and token.i - start < 4 and doc[start - 1].is_title and not doc[start - 1].is_stop \
                        and doc[start - 1].pos_ == "PROPN" and not doc[start - 1].is_sent_start:
                    start -= 1
                found.append(Found(start, token.i + 1, "Company", "pattern", None, "name with a legal form"))
            if token.text.endswith(".") and low.rstrip(".") in cues.person_titles and token.i + 1 < len(doc) \
                    and doc[token.i + 1].lower_.rstrip(".") not in cues.person_titles \
                    and _name_after_title(doc, token.i) > token.i + 2:
                found.append(Found(token.i + 1, _name_after_title(doc, token.i), "Person", "pattern", None,
                                   "a name after a title"))         # "Capt. Luis Moreno"
            if token.dep_ == "appos" and token.pos_ == "PROPN" and token.is_title and not token.ent_type_ \
                    and token.head.lemma_.lower() in cues.roles and _compound_start(token) < token.i:
                found.append(Found(_compound_start(token), token.i + 1, "Person", "pattern", None,
                                   "a name in apposition to a role"))       # "its head of policy, Ana Ruiz,"
            if _hashtag(token) and token.is_alpha and sum(c.isupper() for c in token.text) >= 2:
                found.append(Found(token.i, token.i + 1, "AdvocacyGroup", "pattern", None, "a hashtag campaign"))
            if token.text == "(" and (start := _spelled_name_start(doc, token.i)) is not None:   # "… Union (ADCU)"
                found.append(Found(start, token.i, "ORG", "pattern", None, "a name its acronym spells"))
            if token.lower_ in cues.versus_words and 0 < token.i < len(doc) - 1:   # "Mobley v. Workday"
                found += _case_parties(doc, token)
            if _unlabelled_name(token) and token.lower_ not in cues.roles:     # "Acme Aerial sells …": a name
                # NER did not see; not a capitalised role ("Dana Whitlock, Chair of the FTC")
                start, end = _whole_name(token, cues)
                found.append(Found(start, end, "ORG", "pattern", None, "capitalised name"))
            if token.lower_ in cues.agency_words and token.pos_ == "NOUN" and _national_agency_start(token) is not None:
                found.append(Found(_national_agency_start(token), token.i + 1, "GovernmentAgency", "pattern",
                                   None, NATIONAL_AUTHORITY))
            if low in cues.court_words and token.is_lower and _court_span(token) is not None:
                found.append(Found(*_court_span(token), "GovernmentAgency", "pattern", None, "a court named by its place"))
            if low in cues.national_bodies and token.is_lower and _owner_after(token) is not None:
                found.append(Found(token.i, _owner_after(token), "GovernmentAgency", "pattern", None,
                                   NATIONAL_BODY))          # "the administration of Gov. Ron DeSantis"
            if low in cues.national_bodies and token.is_lower and token.dep_ not in ("amod", "compound") \
                    and _national_body_start(token) is not None:
                found.append(Found(_national_body_start(token), token.i + 1, "GovernmentAgency", "pattern", None,
                                   NATIONAL_BODY))
            if (token.pos_ == "PROPN" or token.pos_ == "NOUN" and token.is_title and not token.is_stop) \
                    and token.dep_ != "compound" and _described_as_organisation(token, cues):
                start = _compound_start(token)
                found.append(Found(start, token.i + 1, "ORG", "pattern", None, "name with a description"))
            elif low in cues.technology_heads and token.pos_ == "NOUN" and token.dep_ != "compound":
                names = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"
                         or c.dep_ in ("compound", "amod", "nmod", "nummod") and _camel_case(c)]   # "its ImmigrationOS platform"
                if names and names[-1].i == token.i - 1:
                    start = min(n.i for n in names)
                    found.append(Found(start, token.i + 1, "Product", "pattern", None, f"name + {low}",
                                       core_end=token.i))
        return found

    def _extend_head(self, doc: Doc, end: int) -> int:
        """Take in a following head noun: "facial recognition" + "software"."""
        steps = 0
        while end < len(doc) and steps < 2 and doc[end].lower_ in self.cues.technology_heads:
            end += 1
            steps += 1
        return end


TECHNIQUE = "a kind of technology named by what it does"

_ARGUMENTS = {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj", "dative"}


_OFFICE_NOUNS = {"office", "department", "bureau"}


def _technique_start(kind: Token, cues: EntityCues) -> int | None:
    """The start of "phone-hacking tools", "predictive algorithms": the lower-case modifiers of the kind
    from the first that says what it does (with a word hyphenated to it); None when none does."""
    modifiers = [c for c in kind.lefts if c.dep_ in ("compound", "amod", "nmod", "npadvmod")]
    if not modifiers:
        return None
    doc = kind.doc
    span = doc[min(m.left_edge.i for m in modifiers):kind.i]
    if not all(t.is_lower and t.is_alpha or t.text == "-" for t in span):
        return None
    for t in span:
        if t.lower_ in cues.technique_words:
            joined = t.i >= 2 and doc[t.i - 1].text == "-" and doc[t.i - 2].is_alpha and doc[t.i - 2].i >= span.start
            return t.i - 2 if joined else t.i
    return None


def _hashtag(word: Token) -> bool:
    """"#NoTechForApartheid": a word right after "#"."""
    return word.i > 0 and word.doc[word.i - 1].text == "#"


def _not_a_person(word: Token, cues: EntityCues) -> str:
    """Why a one-word name the tagger took for a person is an organisation's, or "": a hashtag or a
    run-together name ("#NoTechForApartheid"), or the owner of an organisation's role ("Fanpage's editor")."""
    doc = word.doc
    if _hashtag(word) or sum(c.isupper() for c in word.text) >= 3 and not word.is_upper:
        return "a hashtag or run-together name"
    after = doc[word.i + 1:word.i + 3]
    if len(after) == 2 and after[0].lower_ in ("'s", "\u2019s") and after[1].lower_ in cues.organisation_roles:
        return f"has a {after[1].lower_}"
    return ""


def _name_after_title(doc: Doc, title: int) -> int:
    """The end of the capitalised words (at most three) after the title at ``title``."""
    end = title + 1
    while end < len(doc) and end - title <= 3 and doc[end].is_title and doc[end].pos_ == "PROPN" \
            and not doc[end].is_sent_start:
        end += 1
    return end


def _with_office(doc: Doc, end: int, cues: EntityCues) -> int:
    """The end of a name, taking in "'s Office" after an office holder ("Collier County Sheriff's Office")."""
    if end + 1 < len(doc) and doc[end].lower_ in ("'s", "\u2019s") and doc[end + 1].is_title \
            and doc[end + 1].lower_ in _OFFICE_NOUNS and _holds_office(doc[end - 1].lower_, cues):
        return end + 2
    return end


def _with_seat(doc: Doc, end: int, cues: EntityCues) -> int:
    """The end of a court's name, taking in the place it sits in: "the District Court of Amsterdam"."""
    if end + 1 < len(doc) and doc[end - 1].lower_ in cues.court_words and doc[end].lower_ == "of" \
            and _place_word(doc[end + 1]):
        end = _place_end(doc, end + 2)
    return end


def _holds_office(word: str, cues: EntityCues) -> bool:
    """"sheriff", "general", "commissioner": a word for the holder of an office whose staff is its Office."""
    return word in cues.roles or word in cues.role_organisations or word in ("sheriff", "general", "prosecutor")


def _datelines(doc: Doc) -> set[int]:
    """Tokens of a dateline that names a place ("SAN FRANCISCO (CN) —"): where the story was filed is no actor."""
    found: set[int] = set()
    for token in doc:
        if token.ent_type_ in ("GPE", "LOC"):
            dash = dateline_end(doc, token)
            if dash is not None:
                found.update(range(token.i, dash))
    return found


def _coordinated_names(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """"Mobilewalla and Gravy Analytics" taken by NER as one name: its two names, when each is
    capitalised and the article uses each of them on its own elsewhere. "Johnson & Johnson" and
    names whose parts do not both stand alone ("Customs and Border Protection") stay whole."""
    joints = [t.i for t in doc[start + 1:end - 1] if t.lower_ in ("and", "&")]
    if len(joints) != 1:
        return []
    joint = joints[0]
    left, right = doc[start:joint], doc[joint + 1:end]
    if not (left[0].is_title or left[0].is_upper) or not (right[0].is_title or right[0].is_upper) \
            or left.text.lower() == right.text.lower():
        return []
    whole = doc[start:end].text
    text = doc.text
    if all(text.count(part.text) > text.count(whole) for part in (left, right)):
        return [(start, joint), (joint + 1, end)]
    return []


def _place_after(doc: Doc, start: int) -> int | None:
    """The end of a capitalised place name that starts at token ``start`` ("Germany", "New Zealand")."""
    for end in range(min(start + 3, len(doc)), start, -1):
        words = doc[start:end]
        if all(t.is_title or t.is_upper for t in words) and is_place(words.text):
            return end
    return None


def _case_parties(doc: Doc, versus) -> list[Found]:
    """The capitalised names on either side of a case name's "v." ("Mobley v. Workday"), each a party."""
    found = []
    after = versus.i + 1
    end = after
    while end < len(doc) and end - after < 4 and (doc[end].is_title or doc[end].is_upper) and doc[end].is_alpha:
        end += 1
    start = versus.i
    while start > 0 and versus.i - start < 4 and (doc[start - 1].is_title or doc[start - 1].is_upper) \
            and doc[start - 1].is_alpha and not doc[start - 1].is_sent_start:
        start -= 1
    if end > after and start < versus.i:
        found += [Found(start, versus.i, "ORG", "pattern", None, "a party named in a case"),
                  Found(after, end, "ORG", "pattern", None, "a party named in a case")]
    return found


def _name_before_amount(ent: Span) -> int | None:
    """Where a capitalised name ends inside a span that goes on with an amount ("Brightlane €2 billion")."""
    cut = next((t.i for t in ent if t.is_currency or t.like_num), None)
    if cut is None or cut == ent.start:
        return None
    name = ent.doc[ent.start:cut]
    return cut if all(t.is_alpha and (t.is_title or t.is_upper) for t in name) and not is_place(name.text) else None


def _unknown_place_name(ent: Span) -> bool:
    """A place or people by NER that is a capitalised name in an argument's position and that no
    gazetteer knows: a firm the small model mistook ("Criteo", "Sandvine"), not "Ohio" or "Palestinians"."""
    root = ent.root
    if root.pos_ not in ("PROPN", "NOUN") or root.dep_ not in _ARGUMENTS | {"poss", "nmod", "compound"} \
            or root.tag_ in ("NNPS", "NNS"):
        return False
    if not all(t.is_alpha and (t.is_title or t.is_upper or _camel_case(t)) for t in ent):
        return False
    return not (is_place(ent.text) if ent.label_ == "GPE" else is_people(ent.text))


def _unlabelled_name(token) -> bool:
    """A capitalised name in an argument position that spaCy's NER left unlabelled."""
    if token.pos_ != "PROPN" or token.dep_ not in _ARGUMENTS | {"poss"} or token.ent_type_ \
            or not (token.is_title or _camel_case(token)):
        return False
    chunk = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [token]
    return all(t.is_alpha and not t.ent_type_ for t in chunk) and (len(chunk) > 1 or token.i != token.sent.start)


def _camel_case(token) -> bool:
    """"ImmigrationOS", "iPhone", "FaceTrace": capitals inside a word mark a name whatever its tag."""
    text = token.text
    return text.isalpha() and any(ch.isupper() for ch in text[1:]) and any(ch.islower() for ch in text)


def _compound_start(token) -> int:
    """Where the capitalised compounds before a name's head begin ("Open Streets Privacy Alliance")."""
    start = token.i
    for child in token.lefts:
        if child.dep_ == "compound" and child.pos_ == "PROPN":
            start = min(start, _compound_start(child))
    return start


def _whole_name(token, cues: EntityCues) -> tuple[int, int]:
    """The name around an unlabelled head: its capitalised modifiers ("Jewish Voice") and a capitalised
    phrase after a connector ("Voice for Peace", "Citizens against Surveillance")."""
    doc = token.doc
    start = token.i
    while start > token.sent.start and doc[start - 1].is_title and doc[start - 1].head.i == token.i \
            and doc[start - 1].dep_ in ("compound", "amod"):
        start -= 1
    end = token.i + 1
    prep = doc[end] if end < len(doc) else None
    if prep is not None and prep.head.i == token.i and prep.lower_ in cues.name_connectors:
        tail = end + 1
        if tail < len(doc) and doc[tail].lower_ == "the":
            tail += 1
        while tail < len(doc) and doc[tail].is_title and doc[tail].pos_ == "PROPN":
            tail += 1
        if tail > end + 1 and doc[tail - 1].is_title:
            end = tail
    return start, end


def _organisation_head(token, cues: EntityCues) -> bool:
    return any(token.lower_ in words for words in cues.head_words.values()) and token.is_title


def _national_agency_start(token) -> int | None:
    """"Portugal's data protection authority": a country's (or city's) named office, in lower case."""
    mods = [c for c in token.lefts if c.dep_ in ("compound", "amod")]
    owner = next((c for c in token.lefts if c.dep_ == "poss" and c.ent_type_ in ("GPE", "NORP")), None)
    if owner is None or not mods or any(not m.is_lower for m in mods):
        return None
    return owner.i


def _court_span(token) -> tuple[int, int] | None:
    """"a court in Bologna", "the court of Milan", "the Amsterdam district court": the court and its place."""
    doc = token.doc
    after = token.i + 1
    if after + 1 < len(doc) and doc[after].lower_ in ("in", "of") and doc[after + 1].ent_type_ == "GPE":
        end = _place_end(doc, after + 2)                # the place's other words: "a court in San Francisco"
        return token.i, end
    start = token.i
    while start > 0 and token.i - start < 3 and (doc[start - 1].is_lower and doc[start - 1].dep_ in ("amod", "compound")
                                                 or _place_word(doc[start - 1])):
        start -= 1
    if start < token.i and _place_word(doc[start]):
        return start, token.i + 1
    return None


def _place_end(doc: Doc, end: int) -> int:
    """The end of a place's name whose first word ends before ``end``: "San" + "Francisco"."""
    while end < len(doc) and doc[end].ent_type_ == "GPE" and doc[end].ent_iob_ == "I":
        end += 1
    return end


def _place_word(token) -> bool:
    """A place's name, also where the tagger took it for a person's ("a Bologna court")."""
    return token.ent_type_ == "GPE" or token.is_title and token.pos_ == "PROPN" and is_place(token.text)


_OWNER_ENTITIES = ("NORP", "GPE", "PERSON")
_NOT_ONE_BODY = {"a", "an", "another", "any", "each", "every", "other", "first", "second", "third", "many", "several"}


def _national_body_start(token) -> int | None:
    """"the Turkish government", "Israel's military", "Ukraine's defence ministry", "the Biden
    administration": where the owner's name begins, or None when no country, people or leader owns it."""
    if any(c.lower_ in _NOT_ONE_BODY for c in token.lefts):
        return None                                     # "a second European regulator" is not one body
    doc, i = token.doc, token.i - 1
    while i >= 0 and token.i - i <= 2 and doc[i].is_lower and doc[i].dep_ in ("amod", "compound") \
            and doc[i].is_alpha:
        i -= 1                                          # "defence", "intelligence"
    if i >= 0 and doc[i].tag_ == "POS":
        i -= 1
    end = i
    while i >= 0 and doc[i].ent_type_ in _OWNER_ENTITIES and not doc[i].is_lower:
        i -= 1
    if i == end:
        return None
    if doc[end].ent_type_ == "PERSON" and token.lower_ != "administration":
        return None                                     # "Paxton's government" is no office
    return i + 1


_MAKING = {"made", "built", "manufactured", "produced"}


def _made_in(doc: Doc, candidates: list[Found]) -> list[Found]:
    """"Chinese-made drones", "cameras built in China": a known kind of technology named by its origin is a
    kind of its own."""
    found = []
    for cand in candidates:
        if cand.type != "Technology" or cand.source != "lexicon":
            continue
        start, end = cand.start, cand.end
        if start >= 3 and doc[start - 1].lower_ in _MAKING and doc[start - 2].text == "-" \
                and doc[start - 3].ent_type_ in ("NORP", "GPE"):
            start -= 3
        if end + 2 < len(doc) and doc[end].lower_ in _MAKING and doc[end + 1].lower_ == "in" \
                and doc[end + 2].ent_type_ == "GPE":
            end = _place_end(doc, end + 3)
        if (start, end) != (cand.start, cand.end):
            found.append(Found(start, end, "Technology", "pattern", None, "a kind of technology by its origin"))
    return found


def _owner_after(token) -> int | None:
    """"the government of Ethiopia", "the administration of Gov. Ron DeSantis": the end of the owner's
    name after "of", or None when no country or leader (for an administration) follows."""
    doc, i = token.doc, token.i + 1
    if token.tag_ != "NN" or i + 1 >= len(doc) or doc[i].lower_ != "of" or any(c.lower_ in _NOT_ONE_BODY for c in token.lefts):
        return None
    owners = ("GPE", "PERSON") if token.lower_ == "administration" else ("GPE",)
    end = i + 1
    while end < len(doc) and (doc[end].ent_type_ in owners or end == i + 1 and doc[end].text.endswith(".")
                              and doc[end].is_title):
        end += 1
    return end if end > i + 1 and doc[end - 1].ent_type_ in owners else None


def _described_as_organisation(token, cues: EntityCues) -> bool:
    """A capitalised name followed by ", a start-up that …" or ", the London research lab"."""
    for child in token.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            words = {child.lower_, child.lemma_.lower(), child.doc[max(0, child.i - 2):child.i + 1].text.lower()}
            if any(cues.descriptor_type(w, ("Company", "GovernmentAgency", "AdvocacyGroup")) for w in words) \
                    or "start-up" in words:
                return True
    return False


_MARKUP = set("|{}<>=[]\\@#*_~^")
_MAX_NAME_TOKENS = 10


def _plausible(span: Span) -> bool:
    """Names from tables, link lists and markup leftovers ("| Acme Corp", "https://…") are not names."""
    if len(span) > _MAX_NAME_TOKENS or not any(t.is_alpha for t in span):
        return False
    return not any(t.like_url or t.like_email or set(t.text) & _MARKUP for t in span)


def _local_forces(doc: Doc, chosen: list[Found]) -> list[Found]:
    """"Norfolk police", "the Chicago police department": a place's own police force, not police in general."""
    extra = []
    for f in chosen:
        if f.entry is None or not f.entry.generic or f.entry.name != "police" or f.end - f.start > 2 or f.start == 0 \
                or doc[f.end - 1].lower_ not in ("police", "department", "force"):   # not "police leaders"
            continue
        place = doc[f.start - 1]
        if place.pos_ == "PROPN" and place.is_title:
            start = place.i
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title:
                start -= 1
            extra.append(Found(start, f.end, "GovernmentAgency", "chapter", None, "a place's police force"))
    return extra


_NAME_JOINTS = {"and", "&", "of", "for", "the", "on", "'s", "\u2019s", "-"}


def _spelled_name_start(doc: Doc, opening: int) -> int | None:
    """"The App Drivers and Courier's Union (ADCU)": where the name before a bracketed acronym starts,
    when its capitalised words' initials spell the acronym exactly (the tagger may have cut it in two)."""
    if opening + 2 >= len(doc) or doc[opening + 2].text != ")":
        return None
    acronym = doc[opening + 1].text
    if not (acronym.isupper() and acronym.isalpha() and 3 <= len(acronym) <= 8):
        return None
    best = None
    initials = ""
    for start in range(opening - 1, max(-1, opening - 12), -1):
        word = doc[start]
        if word.is_title or word.is_upper and word.is_alpha:
            initials = word.text[0] + initials
        elif word.lower_ not in _NAME_JOINTS:
            break
        if initials == acronym and (word.is_title or word.is_upper):
            best = start
        if len(initials) > len(acronym):
            break
    return best if best is not None and any(doc[i].lower_ in _NAME_JOINTS for i in range(best, opening)) else None


def _acronym_uses(doc: Doc, chosen: list[Found]) -> list[Found]:
    """Every later use of an acronym defined as "Long Name (ACR)" is a mention too."""
    defined: dict[str, Found] = {}
    for f in chosen:
        i = f.end
        if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")" and doc[i + 1].text.isupper() \
                and 2 <= len(doc[i + 1].text) <= 8:
            defined.setdefault(doc[i + 1].text, f)
    taken = {i for f in chosen for i in range(f.start, f.end)}
    extra = []
    for token in doc:
        f = defined.get(token.text)
        if f is not None and token.i not in taken:
            extra.append(Found(token.i, token.i + 1, f.type, "acronym", f.entry, f.reason))
    return extra


def _plural(name: str) -> str:
    return name if name.endswith("s") else name + "s"


def _trim(doc: Doc, start: int, end: int, cues: EntityCues) -> tuple[int, int]:
    """Drop leading determiners, trailing possessives, punctuation and numbers, and any "(ACRONYM" tail."""
    opening = next((i for i in range(start + 1, end) if doc[i].text == "("), None)
    end = opening if opening is not None else end
    while start < end and (doc[start].lower_ in cues.leading_determiners or doc[start].is_punct
                           or doc[start].pos_ == "AUX"):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].like_num
                           or doc[end - 1].lower_ in ("'s", "’s") or (end - start > 1 and doc[end - 1].is_lower)):
        end -= 1
    return start, end


def _uncut_lexicon_names(candidates: list[Found]) -> list[Found]:
    """A pattern's guess that cuts through a known name ("Executive Director of Reporters" over "Reporters
    Without Borders") is dropped: the known name stands; so is a tagger's name that holds two known
    names ("Alphabet, Meta"), and a kind of technology that takes in a known one ("mass-surveillance
    system" beside "surveillance system")."""
    known = [(c.start, c.end) for c in candidates if c.source == "lexicon"]
    proper = sorted((c.start, c.end) for c in candidates if c.source == "lexicon" and c.entry is not None
                    and not c.entry.generic)
    return [c for c in candidates if not (c.source == "pattern" and any(
        c.start < end and start < c.end and (c.reason == TECHNIQUE or not (c.start <= start and end <= c.end))
        for start, end in known))
        and not (c.source == "ner" and _holds_two_names(c, proper))]


def _holds_two_names(found: Found, proper: list[tuple[int, int]]) -> bool:
    """Two known proper names, apart, inside one span ("Alphabet, Meta"; not "Millport Police Department")."""
    inside = [(start, end) for start, end in proper if found.start <= start and end <= found.end]
    return any(a_end <= b_start for (_, a_end), (b_start, _) in zip(inside, inside[1:], strict=False))


def _select(candidates: list[Found]) -> list[Found]:
    """Keep the longest span where candidates overlap; a lexicon match wins a tie."""
    ordered = sorted(candidates, key=lambda f: (-(f.end - f.start), -_PRIORITY[f.source], f.start))
    chosen: list[Found] = []
    occupied: set[int] = set()
    for cand in ordered:
        tokens = set(range(cand.start, cand.end))
        if tokens & occupied:
            continue
        occupied |= tokens
        chosen.append(cand)
    return sorted(chosen, key=lambda f: f.start)
