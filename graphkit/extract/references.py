"""References inside an article: "the company", "the regulator", "it", "its", "he".

They point at an entity already named; they are linked to it and never become
names. ``build_entities`` puts the stages together: names first
(entities.py), then descriptions, aliases, and pronouns last.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import ORGANISATION_TYPES
from .cues import EntityCues, SyntaxWords, syntax_words
from .entities import ArticleEntities, collect_names, merge_aliases, sentence_index
from .mentions import Found
from .rules import relation_rules


def build_entities(doc: Doc, found: list[Found], cues: EntityCues) -> ArticleEntities:
    words = syntax_words()
    ents = collect_names(doc, found, cues)
    _link_descriptions(ents, doc, cues, words)
    _link_groups(ents, doc, cues)
    merge_aliases(ents, doc, cues)
    _link_pronouns(ents, doc, words)
    return ents


_ANAPHOR_WINDOW = 6         # sentences back that "the company" may reach
_PRONOUN_WINDOW = 2
_CENTRAL_REACH = 3          # sentences back in which the article's main entity must have been named


def _link_descriptions(ents: ArticleEntities, doc: Doc, cues: EntityCues, words: SyntaxWords) -> None:
    """"the company", "the regulator": the nearest entity of that type before them."""
    for token in doc:
        if token.i in ents.token_key or token.pos_ != "NOUN":
            continue
        wanted = [t for t, nouns in cues.anaphors.items() if token.lower_ in nouns]
        things = bool(set(wanted) & {"Technology", "Product"}) and not set(wanted) & set(ORGANISATION_TYPES)
        if not wanted or not _definite(token, cues, things) or token.i + 1 in ents.token_key:
            continue
        if token.lower_ in words.place_nouns:
            key = _city(ents, doc, token, words.place_nouns)
            if key:
                ents.link(token.i, token.i + 1, key, "description")
            continue
        if "Technology" in wanted or "Product" in wanted:
            wanted = sorted(set(wanted) | {"Technology", "Product"})
        key = _named_like(ents, doc, token, wanted) or _same_sentence(ents, doc, token, wanted) \
            or _central(ents, doc, token, wanted) \
            or _recent_subject(ents, doc, token, wanted) or _nearest(ents, doc, token, wanted, _ANAPHOR_WINDOW)
        if key and (wanted != ["GovernmentAgency"] or _fits_modifiers(token, ents.drafts[key])):
            ents.link(token.i, token.i + 1, key, "description")


_GROUP_SIZES = {"both": 2, "two": 2, "three": 3, "four": 4}


def _link_groups(ents: ArticleEntities, doc: Doc, cues: EntityCues) -> None:
    """"both companies", "the two agencies": entities of that type named together before them
    ("NSO and Candiru"), else the last ones named."""
    for token in doc:
        if token.tag_ != "NNS" or token.i in ents.token_key:
            continue
        wanted = [t for t in ORGANISATION_TYPES if token.lemma_.lower() in cues.anaphors.get(t, ())]
        size = _group_size(token)
        if not wanted or not size:
            continue
        named = _group_members(ents, doc, token, wanted, size)
        if len(named) == size:
            ents.groups[token.i] = named


def _group_members(ents: ArticleEntities, doc: Doc, token: Token, wanted: list[str], size: int) -> list[str]:
    subject = _clause_subject(ents, token)              # "Apple accused both companies": not Apple
    last: list[str] = []
    for link in reversed(ents.before(token, _PRONOUN_WINDOW)):
        draft = ents.drafts.get(link.key)
        if link.kind != "name" or not draft or draft.type not in wanted or draft.generic or link.key == subject:
            continue
        together = _named_together(ents, doc[link.start:link.end].root, wanted)
        if len(together) == size:
            return together
        if link.key not in last and not draft.reason.startswith("organisation by default"):
            last.append(link.key)
    return last[:size][::-1]


def _named_together(ents: ArticleEntities, token: Token, wanted: list[str]) -> list[str]:
    """The entities of a coordination ("NSO and Candiru") that the token belongs to, in order."""
    first = token
    while first.dep_ == "conj":
        first = first.head
    keys: list[str] = []
    for member in [first, *first.conjuncts]:
        key = ents.key_at(member)
        if key and ents.drafts[key].type in wanted and key not in keys:
            keys.append(key)
    return keys


def _group_size(token: Token) -> int:
    words = [c.lower_ for c in token.lefts if c.dep_ in ("det", "predet", "nummod")]
    if "both" in words:
        return 2
    if "the" in words:
        return max((_GROUP_SIZES.get(w, 0) for w in words), default=0)
    return 0


def _fits_modifiers(token: Token, draft) -> bool:
    """"the state education department" is not the Lockport school district: the nouns in front of an
    agency's description must be words of its names ("the police department": Chicago Police Department)."""
    modifiers = {c.lower_ for c in token.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"}
    words = {w.lower() for name in draft.names for w in name.split()}
    return modifiers <= words


def _definite(token: Token, cues: EntityCues, things: bool = False) -> bool:
    """"the company" or "the company's", not "a company" or "the company behind Pegasus";
    for products and technologies also "its search tool"."""
    dets = [c for c in token.lefts if c.dep_ in ("det", "poss")]
    if dets and dets[0].dep_ == "poss" and dets[0].pos_ == "NOUN" and not any(
            dets[0].lemma_.lower() in nouns for nouns in cues.anaphors.values()):
        dets = [c for c in dets[0].lefts if c.dep_ == "det"]      # "the sheriff's office", not "the company's board"
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


def _link_pronouns(ents: ArticleEntities, doc: Doc, words: SyntaxWords) -> None:
    """Each pronoun to the first antecedent that a rule finds, in order of reliability."""
    for token in doc:
        if token.i in ents.token_key or token.pos_ != "PRON":
            continue
        speakers = _reporting_group(ents, token, words)
        if len(speakers) > 1:                   # "Microsoft and Amazon said they will not …"
            ents.groups[token.i] = speakers
            continue
        key = _antecedent(ents, doc, token, token.lower_, words)
        if key:
            ents.link(token.i, token.i + 1, key, "pronoun")


def _antecedent(ents: ArticleEntities, doc: Doc, token: Token, low: str, words: SyntaxWords) -> str | None:
    key = _reporter(ents, token, words)                   # "IBM said it will …"
    if key is None and low in words.person_pronouns:
        key = _nearest(ents, doc, token, ["Person"], _PRONOUN_WINDOW)
    if key is None and low in ("its", "their"):           # "Rite Aid … treating its customers"
        key = _clause_subject_before(ents, token)
        if key == "":
            return None
    if key is None and low == "it" and token.dep_ == "dobj" and token.head.lemma_.lower() in words.acquiring_verbs:
        key = _acquired_company(ents, doc, token)         # "Motorola, which bought it in 2019"
    if key is None and low in ("it", "them") and token.dep_ == "dobj" and _verb_lemma(token.head) in words.targeting_verbs:
        key = _recent_target(ents, doc, token)                  # "ordered Google to … and fined it €2.9 billion"
    if key is None and low in ("it", "them") and token.dep_ == "dobj" and token.head.lemma_.lower() in words.thing_verbs:
        key = _nearest(ents, doc, token, ["Technology", "Product"], _PRONOUN_WINDOW)      # "banned … using it"
    if key is None and low == "its":                      # "Karp is its chief executive"
        key = _same_sentence_any(ents, doc, token)
    if key is None and low in words.thing_pronouns:
        key = _salient_thing(ents, doc, token)
    return key


def _recent_target(ents: ArticleEntities, doc: Doc, token: Token) -> str | None:
    """The organisation most recently named as an object ("ordered Google to …"), within two sentences."""
    best = None
    for link in ents.before(token, _PRONOUN_WINDOW):
        draft = ents.drafts.get(link.key)
        root = doc[link.start:link.end].root
        if draft and draft.type in ORGANISATION_TYPES and not draft.generic and link.kind == "name" \
                and root.dep_ in ("dobj", "pobj", "dative", "nsubjpass"):
            best = link.key
    return best


def _verb_lemma(verb: Token) -> str:
    """The verb's lemma, mended where the lemmatizer slips ("fined" read as "fin")."""
    return relation_rules().verb_forms.get(verb.lower_, verb.lemma_.lower())


def _city(ents: ArticleEntities, doc: Doc, token: Token, place_nouns: frozenset[str]) -> str | None:
    """"the city": the city government or place named most often in the article so far."""
    counts: dict[str, int] = {}
    for link in ents.before(token):
        draft = ents.drafts.get(link.key)
        if draft is None or draft.generic:
            continue
        named_city = any(w.lower() in place_nouns for name in draft.names for w in name.split()[:1])
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
    """The subject of the token's clause; for an infinitive, of the clause that controls it
    ("the CNPD was right to stop it", "Apple wants to sue them")."""
    verb = token.head
    for _ in range(3):
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i != token.i:
                return ents.token_key.get(child.i)
        if verb.dep_ != "xcomp":
            return None
        verb = verb.head.head if verb.head.dep_ == "acomp" else verb.head
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


def _reporting_subject(token: Token, words: SyntaxWords) -> Token | None:
    """The subject of the reporting verb whose clause the pronoun is the subject of ("IBM said it …")."""
    if token.dep_ not in ("nsubj", "nsubjpass") or token.lower_ not in words.reporter_pronouns:
        return None
    clause = token.head
    for _ in range(3):          # "Microsoft said it is confident it will …": the second "it" is Microsoft too
        if clause.dep_ != "ccomp" or clause.head.lemma_.lower() in words.reporting_verbs:
            break
        above = clause.head
        while above.dep_ in ("acomp", "attr", "xcomp") and above.head != above:
            above = above.head
        subject = next((c for c in above.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.lower_ != token.lower_:
            break
        clause = above
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in words.reporting_verbs:
        return None
    verb = clause.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in ("which", "who", "that") and verb.dep_ == "relcl":
        subject = verb.head
    return subject


def _reporting_group(ents: ArticleEntities, token: Token, words: SyntaxWords) -> list[str]:
    """"Microsoft and Amazon have said they will …": every coordinated speaker, for a plural pronoun."""
    subject = _reporting_subject(token, words) if token.lower_ in ("they", "we") else None
    if subject is None:
        return []
    keys = [ents.token_key.get(t.i) for t in [subject, *subject.conjuncts]]
    return list(dict.fromkeys(k for k in keys if k in ents.drafts))


def _reporter(ents: ArticleEntities, token: Token, words: SyntaxWords) -> str | None:
    """"IBM said it will no longer sell …", "Unilever, which has said it uses …": the speaker."""
    subject = _reporting_subject(token, words)
    if subject is None:
        return None
    key = ents.token_key.get(subject.i)
    if key is None or key not in ents.drafts:
        return None
    is_person = ents.drafts[key].type == "Person"
    return key if is_person == (token.lower_ in words.person_pronouns) else None


def _clause_subject_before(ents: ArticleEntities, token: Token) -> str | None:
    """"Rite Aid spent years treating its own customers …": a possessive refers to its clause's subject;
    "sued the city of Millport over its use of drones": after an object, to that object; "the Pentagon's
    decision to award its contract": to the possessor of a noun above it. "" when "its" follows a
    coordinated subject, which it cannot refer to."""
    current = token.head
    for _ in range(6):
        for child in current.children:
            if child.dep_ == "dobj" and child.i < token.i or child.dep_ == "poss" and child.i != token.i \
                    and current.pos_ == "NOUN":     # "the Pentagon's decision to award its contract": the Pentagon's
                named = _named_in(ents, child)
                if named and named in ents.drafts and ents.drafts[named].type in ORGANISATION_TYPES + ("Location",):
                    return named
        if current.head == current:
            break
        current = current.head
    current = token.head
    for _ in range(6):
        for child in current.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.right_edge.i < token.i and token.lower_ == "its" \
                    and any(c.dep_ == "conj" for c in child.children):
                return ""                   # "the UK and the EU voiced concerns over its effect": none of theirs
            if child.dep_ in ("nsubj", "nsubjpass") and child.i < token.i:
                key = _named_in(ents, child)            # "the city of Millport was sued … over its use"
                if key and key in ents.drafts and ents.drafts[key].type in ORGANISATION_TYPES + ("Location",):
                    return key
                return None
        if current.head == current:
            return None
        current = current.head
    return None


def _named_in(ents: ArticleEntities, phrase: Token) -> str | None:
    """The entity a noun phrase names: its head's, else the first one inside it that is not a modifier
    ("the city of Millport", but not "a US lab")."""
    return ents.token_key.get(phrase.i) or next(
        (ents.token_key.get(t.i) for t in phrase.subtree if ents.token_key.get(t.i) and t.dep_ not in ("compound", "amod")),
        None)


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
