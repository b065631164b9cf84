"""Read relations from a parsed sentence: verb frames, nominal frames, roles, appositions.

Pure functions over a Doc and the article's entities; the cue words come
from ontologies/patterns/predicates.yaml. Every hit names the rule that made
it (``graphkit.<rule>.v1``) so that its evidence can be traced.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..model import ORGANISATION_TYPES
from ..resources import load_cues
from .claims import Claim, ClaimCues, claim_cues, claim_status, has_no_longer, is_negated
from .cues import EntityCues, entity_cues
from .entities import ArticleEntities

_RELATIVE_PRONOUNS = {"which", "that", "who", "whom", "whose"}
_OBJECT_CONTROL = {"order", "force", "ask", "require", "tell", "urge", "allow", "permit", "compel", "direct", "help",
                   "hire", "commission", "engage", "pay", "contract"}
_WRAPPERS = {"use", "sale", "deployment", "rollout", "purchase", "adoption", "version", "kind", "type", "form",
             "network", "system", "operation", "program", "programme", "contract", "thousands", "hundreds",
             "dozens", "millions", "scores", "number", "units", "unit", "thousand", "hundred", "dozen", "million",
             "stake", "share", "shares", "control", "majority", "city", "town", "county", "government",
             "municipality", "state", "council", "board", "legislature", "parliament", "assembly"}
_EXAMPLE_PREPS = {"like", "including", "as"}
_MEMBERS = {"researcher", "official", "engineer", "lawyer", "activist", "employee", "staff", "scientist", "analyst",
            "investigator", "agent", "officer", "expert", "auditor", "staffer", "worker", "leader", "executive"}
_COMPANY_ACTS = {"uses", "sells", "sellsTo", "stopsSelling", "fines", "develops", "acquires"}  # no person or place does these
_GENERIC_HEADS = {"company", "firm", "group", "organization", "organisation", "corporation", "agency", "entity"}
_FLEETS = {"network", "fleet", "array", "deployment", "arsenal", "rollout"}
_SELLS = {"sells", "sellsTo"}


@dataclass(frozen=True)
class Reading:
    predicate: str
    where: tuple[str, ...] = ("dobj",)   # dobj, a preposition, "compound" or "poss"
    reverse: bool = False


@dataclass(frozen=True)
class RelationRules:
    types: dict[str, tuple[frozenset[str], frozenset[str]]]
    verbs: dict[str, tuple[Reading, ...]]
    nouns: dict[str, tuple[Reading, ...]]
    role_preps: frozenset[str]
    light_verbs: frozenset[str]
    stop_verbs: frozenset[str]
    listing_verbs: frozenset[str]
    call_verbs: frozenset[str]
    presenting_verbs: frozenset[str]
    funding_nouns: frozenset[str]
    order_verbs: frozenset[str]
    settle_verbs: frozenset[str]
    case_nouns: frozenset[str]
    generic_subject: frozenset[str]     # predicates a collective actor may be the subject of
    generic_object: frozenset[str]
    verb_forms: dict[str, str]      # inflected form -> cue lemma

    def allows(self, predicate: str, subject_type: str, object_type: str) -> bool:
        subjects, objects = self.types[predicate]
        return subject_type in subjects and object_type in objects


def _expand(types) -> frozenset[str]:
    out = set()
    for t in types:
        out |= set(ORGANISATION_TYPES) if t == "org" else {t}
    return frozenset(out)


def _readings(items) -> tuple[Reading, ...]:
    result = []
    for item in items:
        where = item.get("obj", "dobj")
        where = tuple(where) if isinstance(where, list) else (where,)
        result.append(Reading(item["p"], where, str(item.get("reverse", "false")).lower() == "true"))
    return tuple(result)


@lru_cache(maxsize=None)
def relation_rules() -> RelationRules:
    data = load_cues("predicates")
    return RelationRules(
        types={p: (_expand(v["subject"]), _expand(v["object"])) for p, v in data["types"].items()},
        verbs={k: _readings(v) for k, v in data["verbs"].items()},
        nouns={k: _readings(v) for k, v in data["nouns"].items()},
        role_preps=frozenset(data["role_preps"]),
        light_verbs=frozenset(data["light_verbs"]),
        stop_verbs=frozenset(data["stop_verbs"]),
        listing_verbs=frozenset(data["listing_verbs"]),
        call_verbs=frozenset(data["call_verbs"]),
        presenting_verbs=frozenset(data["presenting_verbs"]),
        funding_nouns=frozenset(data["funding_nouns"]),
        order_verbs=frozenset(data["order_verbs"]),
        settle_verbs=frozenset(data["settle_verbs"]),
        case_nouns=frozenset(data["case_nouns"]),
        generic_subject=frozenset(data["generic"]["subject"]),
        generic_object=frozenset(data["generic"]["object"]),
        verb_forms=_verb_forms(data["verbs"], data.get("irregular_forms", {})),
    )


def _verb_forms(verbs, irregular) -> dict[str, str]:
    """Every regular inflection of the cue verbs, plus the listed irregular ones."""
    forms: dict[str, str] = {}
    for lemma in verbs:
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        ies = lemma[:-1] + "ies" if lemma.endswith("y") and lemma[-2:-1] not in "aeiou" else None
        candidates = {lemma, ies or (lemma + "es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else lemma + "s"),
                      stem + "ed" if not ies else lemma[:-1] + "ied", stem + "ing"}
        for form in candidates:
            forms.setdefault(form, lemma)
    for lemma, extra in irregular.items():
        for form in extra:
            forms[form] = lemma
    return forms


@dataclass(frozen=True)
class Hit:
    """A relation found in the Doc, before it becomes a model.Relation."""

    subject: str
    predicate: str
    object: str
    anchor: int             # token index of the word that carries the relation
    method: str
    confidence: float
    status: str = "asserted"
    speaker: str = ""


class SentenceReader:
    """Reads relations from one Doc, given the article's entities."""

    def __init__(self, doc: Doc, ents: ArticleEntities, rules: RelationRules | None = None,
                 cues: EntityCues | None = None, claims: ClaimCues | None = None):
        self.doc = doc
        self.ents = ents
        self.rules = rules or relation_rules()
        self.cues = cues or entity_cues()
        self.claims = claims or claim_cues()
        self._kinds: dict[int, str] | None = None

    # -- arguments ---------------------------------------------------------
    def keys(self, token: Token | None, depth: int = 0) -> list[str]:
        """The entities a token stands for, with its coordinated siblings."""
        if token is None or depth > 3:
            return []
        found: list[str] = []
        for tok in [token, *_conjuncts(token)]:
            for key in self._own_keys(tok, depth):
                if key not in found:
                    found.append(key)
        return found

    def _own_keys(self, token: Token, depth: int) -> list[str]:
        key = self.ents.key_at(token)
        if key and self.entity_type(key) == "Technology":     # "the Pegasus spyware" stands for Pegasus
            named = [self.ents.key_at(c) for c in token.lefts if c.dep_ == "compound" and self.ents.key_at(c)]
            if token.dep_ == "appos":                          # "FaceTrace, a facial recognition tool"
                named.append(self.ents.key_at(token.head))
            products = [k for k in named if k and k != key and self.entity_type(k) == "Product"]
            key = products[0] if products else key
        result = [key] if key else []
        if not result:
            if token.dep_ == "appos" and self.ents.key_at(token.head):
                result = [self.ents.key_at(token.head)]
            else:
                appos = [c for c in token.children if c.dep_ == "appos"]
                for child in appos:
                    result += [k for k in [self.ents.key_at(child)] if k]
            if not result and token.lemma_.lower() in _WRAPPERS:
                for prep in _preps(token, {"of", "in"}):
                    result += self.keys(_pobj(prep), depth + 1)
            if not result and token.pos_ == "NOUN" and (token.lower_ in self.cues.roles or token.lemma_.lower() in self.cues.roles
                                                       or token.lemma_.lower() in _MEMBERS):
                for prep in _preps(token, {"at", "from", "with", "for", "of"}):     # "researchers at the ACLU"
                    result += [k for k in self.keys(_pobj(prep), depth + 1) if self.entity_type(k) in ORGANISATION_TYPES]
            if not result and token.pos_ == "NOUN":     # "investors that include the venture firm X"
                for clause in token.children:
                    if clause.dep_ == "relcl" and clause.lemma_.lower() in self.rules.listing_verbs:
                        result += [k for c in clause.children if c.dep_ in ("dobj", "attr") for k in self.keys(c)]
            if not result and token.pos_ == "NOUN":     # "Orb scans", "HSI agents": the name in front
                result = [k for c in token.lefts if c.dep_ == "compound" and self.link_kind(c) == "name"
                          for k in [self.ents.key_at(c)] if k]
        for prep in _preps(token, _EXAMPLE_PREPS):       # "systems like Ring", "such as"
            result += [k for k in self.keys(_pobj(prep), depth + 1) if k not in result]
        return result

    def _findings(self, noun: Token) -> list[str]:
        """"The regulator's investigation found that Rite Aid never tested …": what it found about."""
        verb = noun.head
        if noun.dep_ != "nsubj" or verb.lemma_.lower() not in ("find", "show", "conclude", "reveal", "determine"):
            return []
        return [k for clause in verb.children if clause.dep_ == "ccomp"
                for c in clause.children if c.dep_ == "nsubj" for k in self.keys(c)]

    def _main_objects(self, noun: Token, anchor: Token) -> list[str]:
        """"After an investigation, the FTC filed a complaint accusing Ring": the act's target."""
        if anchor is noun or noun.head.lower_ not in ("after", "following"):
            return []
        return self._direct_objects(anchor) or self._accused(anchor)

    def _accused(self, verb: Token) -> list[str]:
        """"filed a complaint … accusing Ring of …": the accused is the complaint's target."""
        for child in verb.children:
            if child.dep_ in ("advcl", "xcomp", "conj") and child.lemma_.lower() in ("accuse", "charge", "allege"):
                return [k for c in child.children if c.dep_ == "dobj" for k in self.keys(c)]
        return []

    def _possessor(self, token: Token) -> list[str]:
        """"suspended the project's activities": the possessor stands for the object."""
        return [k for c in token.children if c.dep_ == "poss" for k in self.keys(c)]

    def entity_type(self, key: str) -> str:
        return self.ents.entity(key).type

    def link_kind(self, token: Token) -> str:
        if self._kinds is None:
            self._kinds = {i: link.kind for link in self.ents.links for i in range(link.start, link.end)}
        return self._kinds.get(token.i, "")

    # -- hits --------------------------------------------------------------
    def emit(self, predicate: str, subjects: list[str], objects: list[str], anchor: Token,
             method: str, confidence: float, claim: Claim | None = None) -> Iterator[Hit]:
        claim = claim or claim_status(anchor, self.claims)
        speaker = self.ents.key_at(claim.speaker) if claim.speaker is not None else None
        for s in subjects:
            for o in objects:
                if s == o or not self._fits(predicate, s, o):
                    continue
                yield Hit(s, predicate, o, anchor.i, method, confidence, claim.status, speaker or "")

    def _fits(self, predicate: str, subject: str, obj: str) -> bool:
        """Type constraints, collective actors' limits; an organisation typed only by default that
        stands where a product must be ("it also sells ResourceRouter") becomes a product."""
        s, o = self.ents.entity(subject), self.ents.entity(obj)
        if s.generic and predicate not in self.rules.generic_subject:
            return False
        if o.generic and predicate not in self.rules.generic_object:
            return False
        if self.rules.allows(predicate, s.type, o.type):
            return True
        subjects, objects = self.rules.types[predicate]
        if "Product" in objects and _default_org(o) and self.rules.allows(predicate, s.type, "Product"):
            o.type, o.reason = "Product", f"stands as a product ({predicate})"
            return True
        for entity, allowed in ((s, subjects), (o, objects)):    # "Rite Aid used …" read as a person by NER
            if predicate in _COMPANY_ACTS and entity.type in ("Person", "Location") and entity.reason.startswith("NER") \
                    and "Person" not in allowed and "Company" in allowed and len(entity.names) == 1:
                types = ("Company", o.type) if entity is s else (s.type, "Company")
                if self.rules.allows(predicate, *types):
                    entity.type, entity.reason = "Company", f"acts as a company ({predicate})"
                    return True
        return False

    def read(self) -> list[Hit]:
        hits: list[Hit] = []
        for token in self.doc:
            lemma = token.lemma_.lower()
            if token.pos_ in ("VERB", "AUX"):
                lemma = self.rules.verb_forms.get(token.lower_, lemma)
                if lemma in self.rules.verbs:
                    hits.extend(self._verb(token, lemma))
            elif token.pos_ in ("NOUN", "PROPN"):
                if lemma in self.rules.nouns:
                    hits.extend(self._noun(token, lemma))
                elif lemma in _GENERIC_HEADS:       # "its parent company, Q Cyber Technologies"
                    for mod in (c for c in token.lefts if c.dep_ in ("compound", "amod")):
                        if mod.lemma_.lower() in self.rules.nouns:
                            hits.extend(self._noun(token, mod.lemma_.lower()))
            if token.lower_ == "owned" and token.tag_ == "VBN":
                hits.extend(self._owned(token))
        hits.extend(self._instances())
        hits.extend(self._possessives())
        hits.extend(self._fleets())
        hits.extend(self._presented_as())
        hits.extend(self._settlements())
        hits.extend(self._orders())
        hits.extend(self._funding_rounds())
        hits.extend(self._owned_products())
        return hits

    # -- "which the company markets as a facial recognition tool" -------------
    def _presented_as(self) -> Iterator[Hit]:
        for verb in self.doc:
            if verb.pos_ != "VERB" or self.rules.verb_forms.get(verb.lower_, verb.lemma_.lower()) not in self.rules.presenting_verbs:
                continue
            shown = [k for p in _preps(verb, {"as"}) for k in self.keys(_pobj(p))]
            if not shown:
                continue
            things = self._direct_objects(verb) or self.keys(self._patient(verb))
            sellers = self._agents(verb, any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children))
            techs = [k for k in shown if self.entity_type(k) == "Technology"]
            products = [k for k in shown if self.entity_type(k) == "Product"]
            yield from self.emit("instanceOf", things, techs, verb, "graphkit.presented.v1", 0.7)
            yield from self.emit("sells", sellers, products, verb, "graphkit.presented.v1", 0.7)

    # -- "agreed to pay $100 million to settle the SEC's case" ---------------
    def _settlements(self) -> Iterator[Hit]:
        for verb in self.doc:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in self.rules.settle_verbs:
                continue
            for case in (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in self.rules.case_nouns):
                authorities = [k for c in case.children if c.dep_ in ("poss", "compound") for k in self.keys(c)]
                payers = self.keys(self.subject_token(verb))
                paid = verb.head.lemma_.lower() == "pay" or any(t.lemma_.lower() == "pay" for t in verb.head.subtree)
                if paid:
                    yield from self.emit("fines", authorities, payers, verb, "graphkit.settlement.v1", 0.7)
                if case.lemma_.lower() in ("case", "charge", "charges", "complaint", "lawsuit", "suit"):
                    yield from self.emit("sues", authorities, payers, verb, "graphkit.settlement.v1", 0.7)

    # -- "ordered Worldcoin to stop scanning" ---------------------------------
    def _orders(self) -> Iterator[Hit]:
        for verb in self.doc:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in self.rules.order_verbs:
                continue
            stopped = [c for c in verb.children if c.dep_ == "xcomp" and c.lemma_.lower() in self.rules.stop_verbs]
            if not stopped:
                continue
            ordered = [k for c in verb.children if c.dep_ == "dobj" for k in self.keys(c)]
            targets = ordered + [k for s in stopped for c in s.children if c.dep_ in ("xcomp", "dobj")
                                 for k in self.keys(c) + [x for g in c.children if g.dep_ == "dobj" for x in self.keys(g)]]
            yield from self.emit("bans", self.keys(self.subject_token(verb)), targets, verb, "graphkit.order.v1", 0.7)

    # -- "its most recent round was led by Blockchain Capital" ----------------
    def _funding_rounds(self) -> Iterator[Hit]:
        for noun in self.doc:
            if noun.lemma_.lower() not in self.rules.funding_nouns or noun.dep_ != "nsubjpass":
                continue
            verb = noun.head
            if verb.lemma_.lower() not in ("lead", "back", "join", "provide", "fund"):
                continue
            funders = [k for c in verb.children if c.dep_ == "agent" for k in self.keys(_pobj(c))]
            funded = [k for c in noun.children if c.dep_ == "poss" for k in self.keys(c)]
            yield from self.emit("funds", funders, funded, verb, "graphkit.round.v1", 0.7)

    # -- "its Alexa assistant", "its best-known plate reader, the Falcon" -----
    def _owned_products(self) -> Iterator[Hit]:
        for key, draft in self.ents.drafts.items():
            if draft.type != "Product":
                continue
            for start, end in draft.mentions:
                root = self.doc[start:end].root
                holders = [root]
                if root.dep_ == "appos":
                    holders.append(root.head)
                if root.dep_ == "attr":
                    holders += [c for c in root.head.children if c.dep_ == "nsubj"]
                owners = [k for h in holders for c in h.children if c.dep_ == "poss" for k in self.keys(c)]
                owners = [k for k in owners if self.entity_type(k) == "Company"]
                yield from self.emit("sells", owners, [key], root, "graphkit.owned.v1", 0.65)

    # -- "the city's network of Flock cameras" ------------------------------
    def _fleets(self) -> Iterator[Hit]:
        """An organisation's network, fleet or system of products uses them."""
        for token in self.doc:
            if token.lemma_.lower() not in _FLEETS:
                continue
            owners = [k for c in token.children if c.dep_ == "poss" for k in self.keys(c)]
            things = [k for p in _preps(token, {"of"}) for k in self.keys(_pobj(p))]
            if owners and things:
                yield from self.emit("uses", owners, things, token, "graphkit.fleet.v1", 0.7)

    # -- "X called for a moratorium on Y" ------------------------------------
    def _calls(self, word: Token, objects: list[str]) -> Iterator[Hit]:
        """A ban that someone calls for (or urges, recommends) is that caller's criticism of its object."""
        caller = self._caller(word)
        if caller is None:
            return
        callers = self.keys(self.subject_token(caller))
        yield from self.emit("criticizes", callers, objects, caller, "graphkit.call.v1", 0.7)
        if caller.dep_ == "pcomp" and caller.head.lower_ == "in" and caller.head.head.lemma_.lower() == "join":
            partners = [k for c in caller.head.head.children if c.dep_ == "dobj" for k in self.keys(c)]
            yield from self.emit("criticizes", partners, objects, caller, "graphkit.call.v1", 0.7, Claim("asserted"))

    def _caller(self, token: Token) -> Token | None:
        current = token
        for _ in range(6):
            if current.pos_ in ("VERB", "AUX") and current is not token and \
                    self.rules.verb_forms.get(current.lower_, current.lemma_.lower()) in self.rules.call_verbs:
                return current
            if current.head is current:
                return None
            current = current.head
        return None

    # -- verb frames -------------------------------------------------------
    def _verb(self, verb: Token, lemma: str) -> Iterator[Hit]:
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or \
            (verb.dep_ == "acl" and verb.tag_ == "VBN" and not _misread_main_verb(verb))
        agents = self._agents(verb, passive)
        claim = claim_status(verb, self.claims)
        stopping = verb.head.lemma_.lower() in self.rules.stop_verbs and verb.dep_ in ("xcomp", "pcomp", "dobj", "ccomp")
        for reading in self.rules.verbs[lemma]:
            predicate = reading.predicate
            objects = self._verb_objects(verb, reading, passive)
            if not objects:
                continue
            this_claim = claim
            if predicate in _SELLS and (stopping or (claim.status == "negated" and _commitment(verb))):
                if predicate == "sellsTo":
                    continue
                predicate, this_claim = "stopsSelling", Claim("asserted", cue="stop")
            elif stopping:
                this_claim = Claim("negated", cue="stop")
            subjects, objs = (objects, agents) if reading.reverse else (agents, objects)
            yield from self.emit(predicate, subjects, objs, verb, "graphkit.verb.v1", 0.8, this_claim)
            if predicate == "bans":
                yield from self._calls(verb, objects)

    def _agents(self, verb: Token, passive: bool) -> list[str]:
        if passive:
            for child in verb.children:
                if child.dep_ == "agent":
                    return self.keys(_pobj(child))
            return []
        return self.keys(self.subject_token(verb))

    def subject_token(self, verb: Token) -> Token | None:
        for child in verb.children:
            if child.dep_ == "nsubj":
                if child.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                    return verb.head
                return child
        for child in verb.lefts:           # parse slips: "which NSO licenses", "Fight for the Future has …"
            if child.dep_ in ("compound", "npadvmod", "csubj", "dep") and self.link_kind(child) == "name":
                return child
        head = verb.head
        if head is verb:
            return None
        if verb.dep_ == "relcl":
            return None
        if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
            if any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children):
                return None
            return self.subject_token(head)
        if verb.dep_ == "xcomp":
            if head.lemma_.lower() in _OBJECT_CONTROL:
                for child in head.children:
                    if child.dep_ == "dobj":
                        return child
            return self.subject_token(head) if head.pos_ in ("VERB", "AUX") else None
        if _misread_main_verb(verb):
            return head
        if verb.dep_ == "acl" and verb.tag_ == "VB":       # "Amazon's commitment to impose a moratorium"
            owner = next((c for c in head.children if c.dep_ == "poss"), None)
            if owner is not None:
                return owner
        if verb.dep_ == "advcl" and verb.tag_ == "VB" and head.pos_ in ("VERB", "AUX"):   # "paid … to settle"
            return self.subject_token(head)
        if verb.dep_ in ("acl", "advcl") and verb.tag_ == "VBG":
            if verb.dep_ == "acl":
                return head
            return self.subject_token(head) if head.pos_ in ("VERB", "AUX") else None
        if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
            governor = head.head
            controlled = next((c for c in governor.children if c.dep_ == "dobj"), None)
            if controlled is not None and (governor.lemma_.lower() == "accuse" or head.lower_ == "from"):
                return controlled           # "accused X of selling", "barred X from using"
            return self.subject_token(governor)
        return None

    def _verb_objects(self, verb: Token, reading: Reading, passive: bool) -> list[str]:
        found: list[str] = []
        for where in reading.where:
            if where == "dobj":
                found += self.keys(self._patient(verb)) if passive else self._direct_objects(verb)
            else:
                for holder in [verb] + [c for c in verb.children if c.dep_ == "dobj"]:
                    for prep in _preps(holder, {where}):
                        found += self.keys(_pobj(prep))
        if reading.where == ("dobj",):
            found += self._banned_use(verb)
        return list(dict.fromkeys(found))

    def _patient(self, verb: Token) -> Token | None:
        """Who or what a passive verb acts on."""
        patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if patient is None and verb.dep_ == "acl":
            patient = verb.head
        if patient is None and verb.dep_ == "conj":         # "which was part of X and had been financed by Y"
            patient = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if patient is not None and patient.lower_ in _RELATIVE_PRONOUNS and verb.head.dep_ == "relcl":
                patient = verb.head.head
        if patient is not None and patient.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            patient = verb.head
        return patient

    def _direct_objects(self, verb: Token) -> list[str]:
        found: list[str] = []
        for child in verb.children:
            if child.dep_ in ("dobj", "dative"):
                found += self.keys(child) or self._possessor(child)
        if verb.dep_ == "relcl" and any(c.dep_ == "dobj" and c.lower_ in _RELATIVE_PRONOUNS for c in verb.children):
            found += self.keys(verb.head)
        if not found:          # "develops and sells X": coordinated verbs share their object
            for conj in verb.children:
                if conj.dep_ == "conj" and conj.pos_ == "VERB" and not any(c.dep_ == "nsubj" for c in conj.children):
                    found += [k for c in conj.children if c.dep_ == "dobj" for k in self.keys(c)]
        if not found:          # "examined how the Chicago Police Department responds": the clause's subject
            for clause in verb.children:
                if clause.dep_ == "ccomp" and any(c.lower_ in ("how", "whether", "why") for c in clause.lefts):
                    found += [k for c in clause.children if c.dep_ == "nsubj" for k in self.keys(c)]
        return found

    def _banned_use(self, verb: Token) -> list[str]:
        """"banned city agencies from using it": the thing used is what is banned."""
        found: list[str] = []
        for prep in _preps(verb, {"from"}):
            for pcomp in prep.children:
                if pcomp.dep_ == "pcomp":
                    found += [k for c in pcomp.children if c.dep_ == "dobj" for k in self.keys(c)]
        return found

    # -- nominal frames ----------------------------------------------------
    def _noun(self, noun: Token, lemma: str) -> Iterator[Hit]:
        agents, anchor = self._noun_agents(noun)
        for reading in self.rules.nouns[lemma]:
            objects: list[str] = []
            for where in reading.where:
                if where == "compound":
                    objects += [k for c in noun.lefts if c.dep_ in ("compound", "amod", "nmod") for k in self.keys(c)]
                elif where == "poss":
                    objects += [k for c in noun.children if c.dep_ == "poss" for k in self.keys(c)]
                else:
                    for holder in [noun] + ([anchor] if anchor is not noun else []):
                        for prep in _preps(holder, {where}):
                            target = _pobj(prep)
                            objects += self.keys(target) or (self._possessor(target) if target is not None else [])
            if not objects and reading.predicate == "partnersWith" and anchor is not noun:
                objects = [k for c in anchor.children if c.dep_ == "dative" for k in self.keys(c)]   # "awarded X a contract"
            if not objects and reading.predicate in ("sues", "fines", "investigates"):
                objects = self._accused(anchor)
            if not objects and reading.predicate in ("investigates", "tests"):
                objects = self._findings(noun) or self._main_objects(noun, anchor)
            if not objects:
                continue
            predicate = reading.predicate
            if predicate == "sells" and noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.rules.stop_verbs:
                predicate, anchor = "stopsSelling", noun.head          # "would pause the sale of drones"
                agents = agents or self.keys(self.subject_token(noun.head))
            elif predicate == "sellsTo" and noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.rules.stop_verbs:
                continue
            noun_agents = [a for a in agents if a not in objects]
            subjects, objs = (objects, noun_agents) if reading.reverse else (noun_agents, objects)
            yield from self.emit(predicate, subjects, objs, anchor, "graphkit.noun.v1", 0.7)
            if reading.predicate == "bans":
                yield from self._calls(noun, objects)

    def _noun_agents(self, noun: Token) -> tuple[list[str], Token]:
        """Who does what the noun names, and the word whose clause decides the claim status."""
        agents: list[str] = []
        for child in noun.children:
            if child.dep_ == "poss" or (child.dep_ in ("compound", "nmod") and child.i < noun.i):
                agents += self.keys(child)
            if child.dep_ == "prep" and child.lower_ == "by":
                agents += self.keys(_pobj(child))
        for child in noun.children:
            if child.dep_ == "appos":
                agents += self.keys(child)
        if noun.dep_ == "appos":
            agents += self.keys(noun.head)
        anchor = noun
        head = noun.head
        listing = head.lemma_.lower() in self.rules.listing_verbs
        if noun.dep_ == "nsubj" and listing:
            listed = [c for c in head.children if c.dep_ in ("dobj", "attr")]
            listed = listed or [c for c in head.children if c is not noun and any(self.ents.key_at(t) for t in c.subtree)]
            agents += [k for c in listed for k in self.keys(c if self.ents.key_at(c) else _named_in(c, self.ents))]
        if noun.dep_ == "pobj" and head.lower_ in ("among", "including") and head.head.lemma_.lower() in self.rules.listing_verbs:
            agents += [k for c in head.head.children if c.dep_ in ("nsubj", "attr") for k in self.keys(c)]
        light = head.lemma_.lower() in self.rules.light_verbs
        if noun.dep_ in ("dobj", "attr", "nsubjpass") and head.pos_ in ("VERB", "AUX") and (light or noun.dep_ == "attr"):
            anchor = head
            if noun.dep_ == "nsubjpass" and light:
                agents += [k for c in head.children if c.dep_ == "agent" for k in self.keys(_pobj(c))]
            elif noun.dep_ == "attr" or head.lemma_.lower() in self.rules.light_verbs:
                agents += self.keys(self.subject_token(head))
        elif noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
            anchor = head.head
            if head.lower_ in ("in", "with", "after", "following") and not agents:
                agents += self.keys(self.subject_token(head.head))
        return list(dict.fromkeys(agents)), anchor

    # -- roles: "X, a spokeswoman for Y" -----------------------------------
    def _role(self, role: Token) -> Iterator[Hit]:
        people: list[str] = []
        if role.dep_ == "appos" or (role.dep_ == "conj" and role.head.dep_ == "appos"):
            people += self.keys(role.head if role.dep_ == "appos" else role.head.head)
        people += [k for c in role.children if c.dep_ == "appos" for k in self.keys(c)]
        if role.dep_ == "compound":
            people += self.keys(role.head)
        if role.dep_ == "nsubj" and role.head.lemma_ == "be":
            people += [k for c in role.head.children if c.dep_ == "attr" for k in self.keys(c)]
        if role.dep_ == "attr" and role.head.lemma_ == "be":
            people += self.keys(self.subject_token(role.head))
        people = [p for p in people if self.entity_type(p) == "Person"]
        if not people:
            return
        orgs: list[str] = []
        for prep in _preps(role, self.rules.role_preps):
            orgs += self.keys(_pobj(prep))
        for child in role.children:
            if child.dep_ == "poss" or (child.dep_ in ("compound", "nmod") and child.i < role.i):
                orgs += self.keys(child)
                if not self.keys(child) and child.lower_ in self.cues.anaphors.get("Company", ()):
                    near = self._nearest_of(child, list(ORGANISATION_TYPES))
                    orgs += [near] if near else []
        yield from self.emit("worksFor", people, list(dict.fromkeys(orgs)), role, "graphkit.role.v1", 0.85,
                             Claim("asserted"))

    def _nearest_of(self, token: Token, types: list[str]) -> str | None:
        best = None
        for link in self.ents.before(token):
            if self.entity_type(link.key) in types:
                best = link.key
        return best

    # -- "the Amazon-owned maker" ------------------------------------------
    def _owned(self, owned: Token) -> Iterator[Hit]:
        owners = [k for c in owned.children for k in self.keys(c)]
        if not owners and owned.i >= 2 and owned.nbor(-1).text == "-":
            owners = self.keys(owned.nbor(-2))
        owned_things = self.keys(owned.head)
        yield from self.emit("partOf", owned_things, owners, owned, "graphkit.owned.v1", 0.8)

    # -- "Rekognition, a facial recognition tool"; "the Pegasus spyware" ---
    def _instances(self) -> Iterator[Hit]:
        for key, draft in self.ents.drafts.items():
            if draft.type != "Product":
                continue
            for start, end in draft.mentions:
                root = self.doc[start:end].root
                descriptions = [c for c in root.children if c.dep_ == "appos"]
                if root.dep_ == "appos":
                    descriptions.append(root.head)
                if root.dep_ in ("compound", "nmod"):
                    descriptions.append(root.head)
                if root.dep_ in ("nsubj", "attr") and root.head.lemma_ == "be":
                    descriptions += [c for c in root.head.children if c.dep_ in ("attr", "nsubj") and c is not root]
                techs = [k for d in descriptions for t in [d, *_conjuncts(d)]
                         for k in [self.ents.key_at(t)] if k and self.entity_type(k) == "Technology"]
                yield from self.emit("instanceOf", [key], techs, root, "graphkit.instance.v1", 0.8)

    # -- "Amnesty International's Security Lab", "Amazon's Rekognition" ---
    def _possessives(self) -> Iterator[Hit]:
        for link in self.ents.links:
            if link.kind != "name":
                continue
            root = self.doc[link.start:link.end].root
            owners = [k for c in root.children if c.dep_ == "poss" for k in self.keys(c) if self.link_kind(c) == "name"]
            if not owners:
                continue
            own_type = self.entity_type(link.key)
            if own_type in ("Product", "Technology") and root.dep_ == "pobj" and root.head.head.lemma_.lower() in _FLEETS:
                continue
            if own_type in ORGANISATION_TYPES:
                yield from self.emit("partOf", [link.key], owners, root, "graphkit.possessive.v1", 0.6)
            elif own_type == "Product":
                yield from self.emit("sells", owners, [link.key], root, "graphkit.possessive.v1", 0.6)


def _misread_main_verb(verb: Token) -> bool:
    """"Greenfield Ventures invested in X" parsed as a noun phrase: the verb hangs off the root noun."""
    return verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD") and verb.head.dep_ == "ROOT" \
        and verb.head.pos_ in ("PROPN", "NOUN") and verb.head.text[:1].isupper() \
        and not any(c.dep_ == "agent" for c in verb.children)


def _default_org(entity) -> bool:
    return entity.type in ORGANISATION_TYPES and entity.reason.startswith(("organisation by default", "NER"))


def _named_in(token: Token, ents: ArticleEntities) -> Token | None:
    return next((t for t in token.subtree if ents.key_at(t)), None)


def _conjuncts(token: Token) -> list[Token]:
    return [t for t in token.conjuncts if t.i > token.i] if token.dep_ != "conj" else []


def _preps(token: Token, words: set[str] | frozenset[str]) -> list[Token]:
    found = []
    for child in token.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ in words:
            found.append(child)
        elif child.dep_ == "prep" and child.lower_ == "such" and "as" in words:
            found.append(child)
    return found


def _pobj(prep: Token) -> Token | None:
    for child in prep.children:
        if child.dep_ == "pobj":
            return child
        if child.dep_ == "prep" and child.lower_ == "as":       # "such as"
            return _pobj(child)
    return None


def _commitment(verb: Token) -> bool:
    """"will no longer sell", "would not sell … until": a decision to stop, not a plain negation."""
    if has_no_longer(verb):
        return True
    return any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "wo") for c in verb.children)
