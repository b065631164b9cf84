"""References inside an article: "the company", "the regulator", "it", "its", "he".

They point at an entity already named; they are linked to it and never become
names. ``build_entities`` puts the stages together: names first
(entities.py), then descriptions, aliases, and pronouns last.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import ORGANISATION_TYPES
from .cues import EntityCues
from .entities import ArticleEntities, collect_names, merge_aliases, sentence_index
from .mentions import Found


def build_entities(doc: Doc, found: list[Found], cues: EntityCues) -> ArticleEntities:
    ents = collect_names(doc, found, cues)
    _link_descriptions(ents, doc, cues)
    merge_aliases(ents, doc)
    _link_pronouns(ents, doc)
    return ents


_PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}


_THING_PRONOUNS = {"it", "its"}
_REPORTER_PRONOUNS = {"he", "she", "it", "they", "we"}




_ANAPHOR_WINDOW = 6         # sentences back that "the company" may reach


_PRONOUN_WINDOW = 2


_THING_VERBS = {"use", "deploy", "sell", "buy", "ban", "test", "develop", "build", "license", "market", "operate",
                "install", "adopt", "suspend", "prohibit", "bar", "offer", "supply", "scrap", "drop", "pilot", "run"}


_CENTRAL_REACH = 3          # sentences back in which the article's main entity must have been named


_PLACE_WORDS = {"city", "town", "county"}
_ACQUIRING = {"acquire", "buy", "purchase"}


_REPORTING = {"say", "tell", "state", "announce", "add", "note", "argue", "claim", "insist", "explain", "confirm",
              "acknowledge", "declare", "warn", "contend", "maintain", "write", "deny", "promise", "pledge"}


def _link_descriptions(ents: ArticleEntities, doc: Doc, cues: EntityCues) -> None:
    """"the company", "the regulator": the nearest entity of that type before them."""
    for token in doc:
        if token.i in ents.token_key or token.pos_ != "NOUN":
            continue
        wanted = [t for t, words in cues.anaphors.items() if token.lower_ in words]
        things = bool(set(wanted) & {"Technology", "Product"}) and not set(wanted) & set(ORGANISATION_TYPES)
        if not wanted or not _definite(token, things) or token.i + 1 in ents.token_key:
            continue
        if token.lower_ in _PLACE_WORDS:
            key = _city(ents, doc, token)
            if key:
                ents.link(token.i, token.i + 1, key, "description")
            continue
        if "Technology" in wanted or "Product" in wanted:
            wanted = sorted(set(wanted) | {"Technology", "Product"})
        key = _named_like(ents, doc, token, wanted) or _same_sentence(ents, doc, token, wanted) \
            or _central(ents, doc, token, wanted) \
            or _recent_subject(ents, doc, token, wanted) or _nearest(ents, doc, token, wanted, _ANAPHOR_WINDOW)
        if key:
            ents.link(token.i, token.i + 1, key, "description")


def _definite(token: Token, things: bool = False) -> bool:
    """"the company" or "the company's", not "a company" or "the company behind Pegasus";
    for products and technologies also "its search tool"."""
    dets = [c for c in token.lefts if c.dep_ in ("det", "poss")]
    if not dets or not (dets[0].lower_ == "the" or things and dets[0].lower_ in ("its", "their")):
        return False
    if any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.lefts):
        return False
    return not any(c.dep_ in ("relcl", "acl", "appos") or (c.dep_ == "prep" and c.lower_ in ("behind", "of")
                                                              and not _of_doing(c))
                   for c in token.rights)


def _of_doing(prep: Token) -> bool:
    """"accused the chain of deploying …": the "of" names an act, not which chain."""
    return prep.lower_ == "of" and any(c.dep_ == "pcomp" for c in prep.children)


def _nearest(ents: ArticleEntities, doc: Doc, token: Token, types: list[str], window: int) -> str | None:
    first_sent = sentence_index(doc, token) - window
    best = None
    for link in ents.before(token, window):
        if sentence_index(doc, doc[link.start]) < first_sent:
            continue
        if doc[link.start:link.end].root.dep_ == "compound":     # "Facebook users" is about users
            continue
        if link.key == _clause_subject(ents, token):             # "Francisco Partners bought the company"
            continue
        if link.key in ents.drafts and ents.drafts[link.key].type in types and not ents.drafts[link.key].generic:
            best = link.key
    return best


def _link_pronouns(ents: ArticleEntities, doc: Doc) -> None:
    """Each pronoun to the first antecedent that a rule finds, in order of reliability."""
    for token in doc:
        if token.i in ents.token_key or token.pos_ != "PRON":
            continue
        key = _antecedent(ents, doc, token, token.lower_)
        if key:
            ents.link(token.i, token.i + 1, key, "pronoun")


def _antecedent(ents: ArticleEntities, doc: Doc, token: Token, low: str) -> str | None:
    key = _reporter(ents, token)                          # "IBM said it will …"
    if key is None and low in _PERSON_PRONOUNS:
        key = _nearest(ents, doc, token, ["Person"], _PRONOUN_WINDOW)
    if key is None and low in ("its", "their"):           # "Rite Aid … treating its customers"
        key = _clause_subject_before(ents, token)
    if key is None and low == "it" and token.dep_ == "dobj" and token.head.lemma_.lower() in _ACQUIRING:
        key = _acquired_company(ents, doc, token)         # "Motorola, which bought it in 2019"
    if key is None and low in ("it", "them") and token.dep_ == "dobj" and token.head.lemma_.lower() in _THING_VERBS:
        key = _nearest(ents, doc, token, ["Technology", "Product"], _PRONOUN_WINDOW)      # "banned … using it"
    if key is None and low == "its":                      # "Karp is its chief executive"
        key = _same_sentence_any(ents, doc, token)
    if key is None and low in _THING_PRONOUNS:
        key = _salient_thing(ents, doc, token)
    return key


def _city(ents: ArticleEntities, doc: Doc, token: Token) -> str | None:
    """"the city": the city government or place named most often in the article so far."""
    counts: dict[str, int] = {}
    for link in ents.before(token):
        draft = ents.drafts.get(link.key)
        if draft is None or draft.generic:
            continue
        named_city = any(w.lower() in _PLACE_WORDS for name in draft.names for w in name.split()[:1])
        if draft.type == "Location" or (draft.type == "GovernmentAgency" and named_city):
            counts[link.key] = counts.get(link.key, 0) + (2 if named_city else 1)
    return max(counts, key=lambda k: counts[k]) if counts else None


def _named_like(ents: ArticleEntities, doc: Doc, token: Token, types: list[str]) -> str | None:
    """"the authority" after "the Dutch Data Protection Authority": an earlier name with that word."""
    best = None
    for link in ents.before(token):
        draft = ents.drafts.get(link.key)
        if draft is None or draft.type not in types or draft.generic or link.kind != "name":
            continue
        if any(token.lower_ in (w.lower() for w in name.split()) for name in draft.names):
            best = link.key
    return None if best == _clause_subject(ents, token) else best


def _same_sentence(ents: ArticleEntities, doc: Doc, token: Token, types: list[str]) -> str | None:
    """The latest fitting organisation named earlier in the same sentence, if it is not the clause's subject."""
    if not set(types) & set(ORGANISATION_TYPES):
        return None
    best = None
    for link in ents.before(token, 0):
        if link.start < token.sent.start or link.kind != "name" or link.key not in ents.drafts:
            continue
        draft = ents.drafts[link.key]
        if draft.type in types and not draft.generic and doc[link.start:link.end].root.dep_ != "compound":
            best = link.key
    described = {ents.token_key.get(a.i) for a in token.ancestors}     # "Google Cloud, the company's division"
    return None if best is None or best == _clause_subject(ents, token) or best in described else best


def _same_sentence_any(ents: ArticleEntities, doc: Doc, token: Token) -> str | None:
    """For "its": the latest organisation named (or described) earlier in the same sentence."""
    best = None
    for link in ents.before(token, 0):
        if link.start < token.sent.start or link.key not in ents.drafts or link.kind == "pronoun":
            continue
        draft = ents.drafts[link.key]
        if draft.type in ORGANISATION_TYPES and not draft.generic and doc[link.start:link.end].root.dep_ != "compound":
            best = link.key
    return best


def _central(ents: ArticleEntities, doc: Doc, token: Token, types: list[str]) -> str | None:
    """"The company" in an article about one company: the entity of that type named most often,
    if it was named in the last few sentences and clearly more often than any other."""
    here = sentence_index(doc, token)
    counts: dict[str, int] = {}
    recent: set[str] = set()
    for link in ents.before(token):
        draft = ents.drafts.get(link.key)
        if draft is None or draft.type not in types or draft.generic or link.kind != "name":
            continue
        counts[link.key] = counts.get(link.key, 0) + 1
        if sentence_index(doc, doc[link.start]) >= here - _CENTRAL_REACH:
            recent.add(link.key)
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][0] not in recent or ranked[0][0] == _clause_subject(ents, token):
        return None
    if ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
        return ranked[0][0]
    return None


def _acquired_company(ents: ArticleEntities, doc: Doc, token: Token) -> str | None:
    """The latest company named earlier in the sentence that is not the buyer."""
    buyer = None
    for child in token.head.children:
        if child.dep_ == "nsubj":
            subject = child.head.head if child.lower_ in ("which", "that", "who") and token.head.dep_ == "relcl" else child
            buyer = ents.token_key.get(subject.i)
    best = None
    for link in ents.before(token, 0):
        draft = ents.drafts.get(link.key)
        if link.start >= token.sent.start and link.kind == "name" and draft is not None \
                and draft.type == "Company" and not draft.generic and link.key != buyer:
            best = link.key
    return best


def _clause_subject(ents: ArticleEntities, token: Token) -> str | None:
    for child in token.head.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.i != token.i:
            return ents.token_key.get(child.i)
    return None


def _recent_subject(ents: ArticleEntities, doc: Doc, token: Token, types: list[str]) -> str | None:
    """The latest entity of the wanted types that was a clause subject in this or the previous sentence."""
    here = sentence_index(doc, token)
    best = None
    for link in ents.before(token, 1):
        if sentence_index(doc, doc[link.start]) < here - 1 or link.key not in ents.drafts:
            continue
        draft = ents.drafts[link.key]
        root = doc[link.start:link.end].root
        if draft.type in types and not draft.generic and root.dep_ in ("nsubj", "nsubjpass") \
                and root.head != token.head:        # not the subject of the clause the description is in
            best = link.key
    return best


def _reporter(ents: ArticleEntities, token: Token) -> str | None:
    """"IBM said it will no longer sell …", "Unilever, which has said it uses …": the speaker."""
    if token.dep_ not in ("nsubj", "nsubjpass") or token.lower_ not in _REPORTER_PRONOUNS:
        return None
    clause = token.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in _REPORTING:
        return None
    verb = clause.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    if subject.lower_ in ("which", "who", "that") and verb.dep_ == "relcl":
        subject = verb.head
    key = ents.token_key.get(subject.i)
    if key is None or key not in ents.drafts:
        return None
    is_person = ents.drafts[key].type == "Person"
    return key if is_person == (token.lower_ in _PERSON_PRONOUNS) else None


def _clause_subject_before(ents: ArticleEntities, token: Token) -> str | None:
    """"Rite Aid spent years treating its own customers …": a possessive refers to its clause's subject;
    "sued the city of Millport over its use of drones": after an object, to that object."""
    current = token.head
    for _ in range(6):
        for child in current.children:
            if child.dep_ == "dobj" and child.i < token.i:
                named = ents.token_key.get(child.i) or next(
                    (ents.token_key.get(t.i) for t in child.subtree
                     if ents.token_key.get(t.i) and t.dep_ not in ("compound", "amod")), None)   # not "a US lab"
                if named and named in ents.drafts and ents.drafts[named].type in ORGANISATION_TYPES + ("Location",):
                    return named
        if current.head is current:
            break
        current = current.head
    current = token.head
    for _ in range(6):
        for child in current.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i < token.i:
                key = ents.token_key.get(child.i)
                if key and key in ents.drafts and ents.drafts[key].type in ORGANISATION_TYPES:
                    return key
                return None
        if current.head is current:
            return None
        current = current.head
    return None


def _salient_thing(ents: ArticleEntities, doc: Doc, token: Token) -> str | None:
    """For "it"/"its": an organisation that was a subject in this or the previous sentence, else a thing."""
    organisations = _salient_of(ents, doc, token, list(ORGANISATION_TYPES))
    return organisations or _salient_of(ents, doc, token, list(ORGANISATION_TYPES) + ["Product", "Technology"])


def _salient_of(ents: ArticleEntities, doc: Doc, token: Token, allowed: list[str]) -> str | None:
    here = sentence_index(doc, token)
    own_subject = _clause_subject(ents, token) if token.dep_ in ("dobj", "dative", "pobj") else None
    subjects = []
    for link in ents.before(token, 1):
        n = sentence_index(doc, doc[link.start])
        if n < here - 1 or link.key not in ents.drafts or ents.drafts[link.key].type not in allowed \
                or ents.drafts[link.key].generic or link.key == own_subject:      # "the Garante … ordered it"
            continue
        root = doc[link.start:link.end].root
        if root.dep_ in ("nsubj", "nsubjpass") or (root.dep_ == "poss" and root.head.dep_ in ("nsubj", "nsubjpass")):
            subjects.append((n, link.key))
    if subjects:
        return subjects[-1][1]
    return None
