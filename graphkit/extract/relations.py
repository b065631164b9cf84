"""Read relations from a parsed Doc: verb frames and nominal frames, then the constructions.

``SentenceReader(doc, entities).read()`` finds, for every cue verb or noun of
ontologies/patterns/predicates.yaml, its actor and its object among the
article's entities (through passives, coordination, relative clauses and
appositions), checks their types, and records the claim status. Every hit
names the rule that made it (``graphkit.<rule>.v1``).
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from ..model import ORGANISATION_TYPES
from .claims import Claim, ClaimCues, claim_cues, claim_status
from .cues import EntityCues, SyntaxWords, entity_cues, syntax_words
from .entities import ArticleEntities
from .rules import Hit, Reading, RelationRules, relation_rules
from .constructions import CONSTRUCTIONS
from .syntax import commitment, conjuncts, default_org, misread_main_verb, misread_perfect, named_in, pobj, preps

_COMPANY_ACTS = {"uses", "sells", "sellsTo", "stopsSelling", "fines", "develops", "acquires"}  # no person or place does these
_SELLS = {"sells", "sellsTo"}


def _is_amount(token: Token) -> bool:
    """"m", "million", "bn" with a number before them: the head of a money phrase."""
    return token.ent_type_ == "MONEY" or token.like_num \
        or any(c.dep_ == "nummod" or c.ent_type_ == "MONEY" for c in token.children)


_JUDGING_PREDICATES = {"criticizes", "supports", "fines", "sues", "investigates", "bans"}
_UNTOLD_TARGETS = {"investigates", "sues", "fines"}      # an act whose target a story may leave to its subject


def _paid_in(noun: Token) -> Token | None:
    """"pay €2 million in fines", "pay €584,000 in penalty payments": the verb that pays the noun."""
    if noun.dep_ == "compound":
        noun = noun.head
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "in":
        return None
    above = prep.head
    if above.dep_ == "dobj" and _is_amount(above):
        above = above.head
    return above if above.pos_ == "VERB" else None


class SentenceReader:
    """Reads relations from one Doc, given the article's entities."""

    def __init__(self, doc: Doc, ents: ArticleEntities, rules: RelationRules | None = None,
                 cues: EntityCues | None = None, claims: ClaimCues | None = None,
                 words: SyntaxWords | None = None):
        self.doc = doc
        self.ents = ents
        self.rules = rules or relation_rules()
        self.cues = cues or entity_cues()
        self.claims = claims or claim_cues()
        self.words = words or syntax_words()
        self._kinds: dict[int, str] | None = None
        self._filers: list[tuple[int, list[str]]] = []     # (sentence start, who filed) of each case named so far

    # -- arguments ---------------------------------------------------------
    def keys(self, token: Token | None, depth: int = 0) -> list[str]:
        """The entities a token stands for, with its coordinated siblings."""
        if token is None or depth > 3:
            return []
        found: list[str] = []
        for tok in [token, *conjuncts(token)]:
            for key in self._own_keys(tok, depth):
                if key not in found:
                    found.append(key)
        return found

    def keys_of_name(self, token: Token) -> list[str]:
        """The entity whose name the token is part of (no reference, no coordination)."""
        key = self.ents.key_at(token)
        return [key] if key and self.link_kind(token) == "name" else []

    def _own_keys(self, token: Token, depth: int) -> list[str]:
        if token.lower_ == "whose":                            # "Axon, whose clients include …": Axon
            clause = next((t for t in token.ancestors if t.dep_ == "relcl"), None)
            return self.keys(clause.head, depth + 1) if clause is not None else []
        if token.i in self.ents.groups:                        # "both companies"
            return list(self.ents.groups[token.i])
        key = self.ents.key_at(token)
        if key and self.entity_type(key) == "Technology":     # "the Pegasus spyware" stands for Pegasus
            named = [self.ents.key_at(c) for c in token.lefts if c.dep_ == "compound" and self.ents.key_at(c)]
            if token.dep_ == "appos":                          # "FaceTrace, a facial recognition tool"
                named.append(self.ents.key_at(token.head))
            products = [k for k in named if k and k != key and self.entity_type(k) == "Product"]
            key = products[0] if products else key
        if key and self.ents.entity(key).generic:         # "the governments of Ethiopia and Sudan"
            named = [k for prep in preps(token, {"of"}) for k in self.keys(pobj(prep), depth + 1)
                     if self.entity_type(k) in ("Location", "GovernmentAgency")]
            key = named[0] if named else key
            if len(named) > 1:
                return named
        result = [key] if key else []
        if not result:
            lemma = token.lemma_.lower()
            if token.dep_ == "appos" and self.ents.key_at(token.head):
                result = [self.ents.key_at(token.head)]
                if self.entity_type(result[0]) == "Person" and self._names_organisations(token):
                    # "Pike, a campaigner at Fight for the Future, a group that …": the group is the last name
                    result = [k for k in self._surface_apposition(token) if self.entity_type(k) in ORGANISATION_TYPES]
            else:
                appos = [c for c in token.children if c.dep_ == "appos"]
                for child in appos:     # "the companies X, Y and Z": every name of the list
                    result += [k for t in [child, *conjuncts(child)] for k in [self.ents.key_at(t)] if k]
            if not result and token.tag_ == "NNS":
                result = self._listed_after_colon(token)
            if not result and lemma in self.words.wrappers:
                for prep in preps(token, {"of", "in", "behind"}):
                    result += self.keys(pobj(prep), depth + 1)
            if not result and lemma in self.words.product_words:
                result += self._technique(token, depth)
            if not result and token.pos_ == "NOUN" and (token.lower_ in self.cues.roles or lemma in self.cues.roles
                                                       or lemma in self.words.member_nouns):
                for prep in preps(token, {"at", "from", "with", "for", "of"}):     # "researchers at the ACLU"
                    result += [k for k in self.keys(pobj(prep), depth + 1) if self.entity_type(k) in ORGANISATION_TYPES]
            if not result and token.pos_ == "NOUN":     # "investors that include the venture firm X"
                for clause in token.children:
                    if clause.dep_ == "relcl" and clause.lemma_.lower() in self.rules.listing_verbs:
                        result += [k for c in clause.children if c.dep_ in ("dobj", "attr") for k in self.keys(c)]
            if not result and token.pos_ == "NOUN" and token.dep_ != "appos" \
                    and any(c.dep_ == "relcl" for c in token.children):   # "X (XYZ), a group that …" misparsed
                result = self._surface_apposition(token)
            owned = any(c.dep_ == "poss" and self.ents.key_at(c) for c in token.children)
            if not result and token.pos_ == "NOUN" and not owned and lemma not in self.words.populace_nouns:
                # "Orb scans", "HSI agents": the name in front; "Chicago residents" are not Chicago
                result = [k for c in token.lefts if c.dep_ == "compound" and self.link_kind(c) == "name"
                          for k in [self.ents.key_at(c)] if k]
                owners = [k for prep in preps(token, {"of"}) for k in self.keys(pobj(prep), depth + 1)
                          if self.entity_type(k) in ORGANISATION_TYPES] if lemma in self.words.unit_nouns else []
                result = owners or result       # "the Naples bureau of Fanpage": Fanpage's, in Naples
        for prep in preps(token, self.words.example_preps):     # "systems like Ring", "such as"
            result += [k for k in self.keys(pobj(prep), depth + 1) if k not in result]
        return result

    def _names_organisations(self, noun: Token) -> bool:
        return any(noun.lemma_.lower() in self.cues.anaphors.get(etype, ()) for etype in ORGANISATION_TYPES)

    def _listed_after_colon(self, noun: Token) -> list[str]:
        """"seven companies that make chatbots: Alphabet, Meta and xAI": the names the colon lists."""
        doc = self.doc
        colon = noun.right_edge.i + 1
        if colon >= len(doc) or doc[colon].text != ":" or doc[colon].sent != noun.sent:
            return []
        found: list[str] = []
        i = colon + 1
        while i < noun.sent.end:
            key = self.ents.key_at(doc[i])
            if key and self.link_kind(doc[i]) == "name":
                if key not in found:
                    found.append(key)
            elif not (doc[i].is_punct and doc[i].text != ":" or doc[i].lower_ in ("and", "or")):
                break
            i += 1
        return found if len(found) >= 2 else []

    def _surface_apposition(self, noun: Token) -> list[str]:
        doc = self.doc
        det = next((c for c in noun.lefts if c.dep_ == "det"), None)
        if det is None or det.lower_ not in ("a", "an") or noun.i - det.i > 3 or det.i < 2 or doc[det.i - 1].text != ",":
            return []
        before = det.i - 2
        if doc[before].text == ")" and before >= 3 and doc[before - 2].text == "(":
            before -= 3
        key = self.ents.key_at(doc[before])
        return [key] if key and self.link_kind(doc[before]) == "name" else []

    def _technique(self, product: Token, depth: int) -> list[str]:
        """"software that uses artificial intelligence", "a tool powered by face recognition": what it runs on."""
        found: list[str] = []
        for clause in product.children:
            if clause.dep_ not in ("relcl", "acl") or clause.lemma_.lower() not in self.words.runs_on_verbs:
                continue
            for child in clause.children:
                if child.dep_ == "dobj":
                    found += self.keys(child, depth + 1)
                elif child.dep_ in ("prep", "agent") and child.lower_ in ("on", "by"):
                    found += self.keys(pobj(child), depth + 1)
        return [k for k in found if self.entity_type(k) in ("Technology", "Product")]

    def _undergoer(self, noun: Token) -> list[str]:
        """"X faces a lawsuit from Y", "X is under investigation by Y": the subject undergoes it."""
        head = noun.head
        if noun.dep_ == "dobj" and head.lemma_.lower() in self.words.undergo_verbs:
            return self.keys(self.subject_token(head))
        if noun.dep_ == "pobj" and head.lower_ == "under" and head.head.lemma_ in ("be", "come", "fall"):
            return self.keys(self.subject_token(head.head))         # "is under investigation", "came under fire"
        if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.dep_ == "attr" \
                and head.head.lemma_.lower() in ("subject", "target", "focus") and head.head.head.lemma_ == "be":
            return self.keys(self.subject_token(head.head.head))    # "X is the subject of an FTC investigation"
        return []

    def _findings(self, noun: Token) -> list[str]:
        """"The regulator's investigation found that Rite Aid never tested …": what it found about."""
        verb = noun.head
        found = [c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in self.words.finding_verbs]
        if found:                                   # "released a report finding that Amazon's injury rates …"
            verb = found[0]
        elif noun.dep_ != "nsubj":
            return []
        elif verb.lemma_.lower() in self.words.examining_verbs:   # "a 2016 study … applied the algorithm behind PredPol"
            return self.direct_objects(verb)
        if verb.lemma_.lower() not in self.words.finding_verbs:
            return []
        return [k for clause in verb.children if clause.dep_ == "ccomp"
                for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") for k in self.keys(c) or self.possessor(c)]

    def _main_objects(self, noun: Token, anchor: Token) -> list[str]:
        """"After an investigation, the FTC filed a complaint accusing Ring": the act's target."""
        if anchor == noun or noun.head.lower_ not in ("after", "following"):
            return []
        return self.direct_objects(anchor) or self._accused(anchor)

    def _accused(self, verb: Token) -> list[str]:
        """"filed a complaint … accusing Ring of …", "filed suit, alleging that Ring …": the accused is
        the complaint's target."""
        for child in verb.children:
            if child.dep_ in ("advcl", "xcomp", "conj") and child.lemma_.lower() in self.words.accusing_verbs:
                found = [k for c in child.children if c.dep_ == "dobj" for k in self.keys(c)]
                if found:
                    return found
            if child.dep_ in ("advcl", "xcomp") and child.lemma_.lower() in self.words.claiming_verbs:
                found = self._claimed_about(child)
                if found:
                    return found
        return []

    def _claimed_about(self, verb: Token) -> list[str]:
        """The subject of the clause a claiming verb introduces ("alleging that Ring violated …", "questioned
        whether Axon's cameras comply")."""
        return [k for clause in verb.children if clause.dep_ == "ccomp"
                for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") for k in self.keys(c) or self.possessor(c)]

    def _accused_by(self, noun: Token) -> list[str]:
        """"A lawsuit filed by X accuses Y of …", "the ACLU's lawsuit claims Harbor violated …": the one the
        case accuses is its target."""
        return self._held_against(noun.head) if noun.dep_ == "nsubj" else []

    def _said_in(self, noun: Token, verb: Token) -> list[str]:
        """"In its lawsuit, the FTC says Amazon …", "in the complaint, Texas accuses Allstate of …": what the
        case holds against whom, said in it."""
        if noun.dep_ != "pobj" or noun.head.lower_ != "in" or noun.head.head != verb:
            return []
        return self._held_against(verb)

    def _held_against(self, verb: Token) -> list[str]:
        """Whom an accusing verb names ("accuses Y of"), or whom a claiming verb's clause is about."""
        if verb.lemma_.lower() in self.words.accusing_verbs:
            return self.direct_objects(verb) or self._claimed_about(verb)
        if verb.lemma_.lower() in self.words.claiming_verbs:
            return self._claimed_about(verb)
        return []

    def _payer(self, noun: Token, agents: list[str]) -> tuple[list[str], list[str], Claim | None]:
        """"X must pay a €5m fine, the Garante ruled", "the Garante ordered X to pay a fine": the payer
        is fined, by whoever orders or rules it; a fine someone must pay is imposed, not hypothetical."""
        verb = noun.head if noun.dep_ == "dobj" else _paid_in(noun)
        if verb is None or verb.lemma_.lower() not in self.words.paying_verbs:
            return [], agents, None
        payers = self.keys(self.subject_token(verb))
        agents = [a for a in agents if a not in payers]        # the payer does not fine itself
        if not agents:
            ruler = verb.head if verb.dep_ in ("xcomp", "ccomp") else None
            if ruler is not None and ruler.lemma_.lower() in self.words.ruling_verbs | self.rules.order_verbs:
                agents = self.keys(self.subject_token(ruler))
        must = any(c.dep_ == "aux" and c.lower_ in ("must", "shall") for c in verb.children)
        return payers, agents, Claim("asserted", cue="must") if must else None

    def _struck_with(self, noun: Token) -> list[str]:
        """"slapped it with a fine", "X was hit with sanctions": the one struck is the penalty's target."""
        prep, verb = noun.head, noun.head.head
        if noun.dep_ != "pobj" or prep.lower_ != "with" or verb.pos_ not in ("VERB", "AUX") \
                or verb.lemma_.lower() not in self.rules.light_verbs:
            return []
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
            return self.keys(self.patient(verb))
        if any(c.dep_ == "agent" for c in verb.children):      # a headline's passive: "X hit with a fine by Y"
            return self.keys(self.subject_token(verb))
        return self.direct_objects(verb)

    def _misplaced_name(self, token: Token) -> list[str]:
        """"fined Clearview AI 20 million euros" parsed with the name inside the amount."""
        return [k for c in token.lefts if c.dep_ in ("nmod", "compound") and self.link_kind(c) == "name"
                for k in [self.ents.key_at(c)] if k]

    def _makers(self, thing: Token) -> list[str]:
        """The companies whose product or technology a noun names: "chatbots from Meta and OpenAI",
        "chatbots made by Meta", "Clearview AI's software"."""
        things = [thing, *conjuncts(thing)]
        found = [k for t in things for c in t.children if c.dep_ == "poss" for k in self.keys(c)]
        found += [k for t in things for p in preps(t, {"from", "by"}) for k in self.keys(pobj(p))]
        found += [k for t in things for c in t.children if c.dep_ == "acl"
                  for a in c.children if a.dep_ == "agent" for k in self.keys(pobj(a))]
        return [k for k in found if self.entity_type(k) == "Company"]

    def _owner(self, token: Token) -> list[str]:
        """"the police department's use of X", "the ShotSpotter contract": whose the thing is."""
        owners = self.possessor(token)
        if not owners and token.lemma_.lower() in self.words.wrappers:
            owners = [k for c in token.lefts if c.dep_ == "compound" for k in self.keys_of_name(c)]
        return owners

    def possessor(self, token: Token) -> list[str]:
        """"suspended the project's activities": the possessor stands for the object."""
        return [k for c in token.children if c.dep_ == "poss" for k in self.keys(c)]

    def is_venue(self, key: str) -> bool:
        entity = self.ents.entity(key)
        return entity.type == "GovernmentAgency" and any(
            w.lower() in self.rules.venue_words for name in entity.names for w in name.split())

    def is_forum(self, token: Token) -> bool:
        """A court or an authority, where a case can be brought."""
        return token.lemma_.lower() in self.rules.venue_words or any(
            self.entity_type(k) == "GovernmentAgency" for k in self.keys(token))

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
        if "Product" in objects and default_org(o) and self.rules.allows(predicate, s.type, "Product"):
            o.type, o.reason = "Product", f"stands as a product ({predicate})"
            return True
        for entity, allowed in ((s, subjects), (o, objects)):    # "Rite Aid used …" read as a person by NER
            if predicate in _COMPANY_ACTS and entity.type in ("Person", "Location") and entity.reason.startswith("NER") \
                    and entity.type not in allowed and "Company" in allowed and len(entity.names) == 1:
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
                particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
                lemma = self.rules.phrasal_verbs.get(f"{token.lemma_.lower()} {particle}", lemma) if particle else lemma
                if lemma in self.rules.verbs:
                    hits.extend(self._verb(token, lemma))
                if lemma in self.rules.dropping_verbs:
                    hits.extend(self._called_drop(token))
            elif token.pos_ in ("ADJ", "ADV") and token.lower_ in self.rules.nouns and token.i > 0 \
                    and _is_amount(self.doc[token.i - 1]):
                stand_in = token if token.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass", "attr") else self.doc[token.i - 1]
                hits.extend(self._noun(stand_in, token.lower_))   # "a €60m fine" misread: "m" (or the word) stands for it
            if token.pos_ in ("NOUN", "PROPN"):
                if lemma in self.rules.nouns:
                    hits.extend(self._noun(token, lemma))
                elif lemma in self.words.legal_fight_nouns and any(
                        c.dep_ == "amod" and c.lower_ in self.words.legal_words for c in token.children):
                    hits.extend(self._noun(token, "lawsuit"))   # "Amazon's legal challenge to the Pentagon's decision"
                if lemma in self.words.generic_heads:       # "its parent company, Q Cyber Technologies"
                    for mod in (c for c in token.lefts if c.dep_ in ("compound", "amod")):
                        if mod.lemma_.lower() in self.rules.nouns:
                            hits.extend(self._noun(token, mod.lemma_.lower()))
        for construction in CONSTRUCTIONS:
            hits.extend(construction(self))
        return hits

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

    def _called_drop(self, verb: Token) -> Iterator[Hit]:
        """"urged other cities to drop the technology", "called on police to stop using FaceTrace"."""
        objects = self.direct_objects(verb)
        for clause in verb.children:
            if clause.dep_ in ("xcomp", "pcomp") and clause.lemma_.lower() in self.words.thing_verbs:
                objects += self.direct_objects(clause)
        for thing in (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in self.rules.dropped_acts):
            objects += [k for p in preps(thing, {"of"}) for k in self.keys(pobj(p))]   # "suspend the sale of X"
        if objects:
            yield from self._calls(verb, list(dict.fromkeys(objects)))

    def _caller(self, token: Token) -> Token | None:
        current = token
        for _ in range(6):
            if current.pos_ in ("VERB", "AUX") and current != token and \
                    self.rules.verb_forms.get(current.lower_, current.lemma_.lower()) in self.rules.call_verbs:
                return current
            if current.head == current:
                return None
            current = current.head
        return None

    # -- verb frames -------------------------------------------------------
    def _verb(self, verb: Token, lemma: str) -> Iterator[Hit]:
        headline = self._headline_passive(verb)
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or \
            (verb.dep_ == "acl" and verb.tag_ == "VBN" and not misread_main_verb(verb)) or headline is not None
        agents = self.keys(pobj(headline)) if headline is not None else self.agents(verb, passive)
        if agents and any(r.predicate == "sues" for r in self.rules.verbs[lemma]):
            self._filers.append((verb.sent.start, agents))      # "X sued Y. The lawsuit says …"
        claim = claim_status(verb, self.claims)
        if claim.status == "asserted" and self._charged_act(verb):
            claim = Claim("alleged", cue="charge")       # "a lawsuit against X for selling …": the charge
        stopping = verb.head.lemma_.lower() in self.rules.stop_verbs and verb.dep_ in ("xcomp", "pcomp", "dobj", "ccomp")
        divesting = any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in self.words.ownership_nouns
                        for c in verb.children)          # "would sell its stake in AnyVision"
        divesting = divesting or any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in self.words.payment_nouns
                                     for c in verb.children)     # "will pay Figma a termination fee": no purchase
        for reading in self.rules.verbs[lemma]:
            predicate = reading.predicate
            if divesting and predicate in _SELLS:
                continue
            if predicate == "sellsTo" and reading.where == ("dobj",) and preps(verb, {"to"}):
                continue                                # "sells Graphite to governments": Graphite is no customer
            objects = self._verb_objects(verb, reading, passive)
            if not objects:
                continue
            this_claim = claim
            if predicate in _SELLS and (stopping or (claim.status == "negated" and commitment(verb))):
                if predicate == "sellsTo":
                    continue
                stop_claim = claim_status(verb.head, self.claims) if stopping else Claim("asserted")
                predicate = "stopsSelling"          # "urged Microsoft to stop selling it": only asked for
                this_claim = Claim("asserted", cue="stop") if stop_claim.status == "asserted" else stop_claim
            elif stopping:
                this_claim = Claim("negated", cue="stop")
            subjects, objs = (objects, agents) if reading.reverse else (agents, objects)
            yield from self.emit(predicate, subjects, objs, verb, "graphkit.verb.v1", 0.8, this_claim)
            if predicate == "bans":
                yield from self._calls(verb, objects)
                yield from self._cut_off(verb, agents, this_claim)

    def _headline_passive(self, verb: Token) -> Token | None:
        """"Meta fined €1.2bn by Irish regulator": a headline's passive without its "was", read by the
        parser as an active verb with a "by" phrase. The "by" that names the organisation acting, when
        the verb has no auxiliary and no named object."""
        if verb.tag_ not in ("VBD", "VBN") or any(c.dep_ in ("aux", "auxpass") for c in verb.children) \
                or not any(c.dep_ == "nsubj" for c in verb.children):
            return None
        by = next((c for c in verb.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"), None)
        if by is None or any(c.dep_ == "dobj" and self.keys(c) for c in verb.children) \
                or not any(self.entity_type(k) in ORGANISATION_TYPES for k in self.keys(pobj(by))):
            return None         # the cheap tests first: this runs for every cue verb
        return by

    def agents(self, verb: Token, passive: bool) -> list[str]:
        if passive:
            for child in verb.children:
                if child.dep_ == "agent":
                    return self.keys(pobj(child))
            return []
        return self.keys(self.subject_token(verb))

    def subject_token(self, verb: Token) -> Token | None:
        for child in verb.children:
            if child.dep_ == "nsubj":
                if child.lower_ in self.words.relative_pronouns and verb.dep_ == "relcl":
                    return verb.head
                return child
        auxiliary = misread_perfect(verb)
        if auxiliary is not None:
            return next(c for c in auxiliary.children if c.dep_ == "nsubj")
        for child in verb.lefts:           # parse slips: "which NSO licenses", "Fight for the Future has …"
            if child.dep_ in ("compound", "npadvmod", "csubj", "dep") and self.link_kind(child) == "name":
                return child
        head = verb.head
        if head == verb:
            return None
        if verb.dep_ == "relcl":
            return None
        if verb.dep_ == "conj" and (head.pos_ in ("VERB", "AUX") or head.dep_ == "ROOT" and any(
                c.dep_ == "nsubj" for c in head.children)):         # "X collects and sells …", "collects" read as a noun
            if any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children):
                return None
            finite = verb.tag_ in ("VBD", "VBZ", "VBP") or verb.tag_ == "VBN" and not any(
                c.dep_ in ("aux", "auxpass") for c in verb.children)       # a past tense misread as a participle
            if finite and head.dep_ == "xcomp" and head.tag_ == "VB" \
                    and head.head.pos_ in ("VERB", "AUX"):     # "ordered X to change … and fined it": the finite verb
                return self.subject_token(head.head)           # joins "ordered", not the infinitive
            return self.subject_token(head)
        if verb.dep_ == "xcomp":
            if head.lemma_.lower() in self.words.object_control_verbs:
                for child in head.children:
                    if child.dep_ == "dobj":
                        return child
            return self.subject_token(head) if head.pos_ in ("VERB", "AUX") else None
        if misread_main_verb(verb):
            return head
        if verb.dep_ == "acl" and verb.tag_ == "VB":       # "Amazon's commitment to impose a moratorium"
            owner = next((c for c in head.children if c.dep_ == "poss"), None)
            if owner is not None:
                return owner
        if verb.dep_ == "advcl" and verb.tag_ == "VB" and head.pos_ in ("VERB", "AUX"):   # "paid … to settle"
            return self.subject_token(head)
        if verb.dep_ in ("acl", "advcl") and verb.tag_ == "VBG":
            if verb.dep_ == "acl":
                return self._author(head) or head
            if head.dep_ == "xcomp" and head.head.pos_ in ("VERB", "AUX") and verb.i > 0 and verb.nbor(-1).text == ",":
                return self.subject_token(head.head)   # "urging the FTC to act, arguing …": the urger argues
            return self.subject_token(head) if head.pos_ in ("VERB", "AUX") else None
        if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in ("for", "over"):
            accused = self._accused_of(head.head)       # "filed a complaint against X for selling …"
            if accused is not None:
                return accused
        if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
            governor = head.head
            controlled = next((c for c in governor.children if c.dep_ == "dobj"), None)
            if controlled is not None and (governor.lemma_.lower() == "accuse" or head.lower_ == "from"
                                           or head.lower_ in ("for", "over") and self._judges(governor)):
                return controlled           # "accused X of selling", "barred X from using", "blasted X for using"
            return self.subject_token(governor)
        return None

    def _judges(self, verb: Token) -> bool:
        """A verb that judges, punishes or takes to court the one it names ("fined X for …")."""
        lemma = self.rules.verb_forms.get(verb.lower_, verb.lemma_.lower())
        return any(r.predicate in _JUDGING_PREDICATES for r in self.rules.verbs.get(lemma, ()))

    def _charged_act(self, verb: Token) -> bool:
        head = verb.head
        return verb.dep_ == "pcomp" and head.lower_ in ("for", "over") and self._accused_of(head.head) is not None

    def _accused_of(self, holder: Token) -> Token | None:
        """The one a case is against, from the case noun or the verb that files it."""
        cases = [holder] if holder.lemma_.lower() in self.rules.case_nouns else \
            [c for c in holder.children if c.dep_ == "dobj" and c.lemma_.lower() in self.rules.case_nouns]
        if not cases:
            return None
        targets = [pobj(p) for h in [holder, *cases] for p in preps(h, {"against"})]
        return next((t for t in targets if t is not None), None)

    def _author(self, noun: Token) -> Token | None:
        """"released a report accusing Amazon", "the group's letter criticising X": who the document speaks for."""
        if noun.lemma_.lower() not in self.words.document_nouns or self.ents.key_at(noun):
            return None
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is not None:
            return owner
        if noun.dep_ == "dobj" and noun.head.pos_ in ("VERB", "AUX"):
            return self.subject_token(noun.head)
        return None

    def _blocked(self, verb: Token) -> list[str]:
        """"sued to block Nvidia's acquisition of Arm": the one whose act is blocked is the one sued."""
        found: list[str] = []
        for clause in verb.children:
            if clause.dep_ in ("xcomp", "advcl", "acl") and clause.lemma_.lower() in self.words.blocking_verbs:
                for thing in (c for c in clause.children if c.dep_ == "dobj"):
                    parties = [k for c in thing.children if c.dep_ == "poss" for k in self.keys(c)]
                    parties += [k for p in preps(thing, {"of", "between"}) for k in self.keys(pobj(p))
                                if self.entity_type(k) in ORGANISATION_TYPES]    # the deal's other party
                    found += parties or self.keys(thing)
        return found

    def _verb_objects(self, verb: Token, reading: Reading, passive: bool) -> list[str]:
        found: list[str] = []
        for where in reading.where:
            if where == "dobj":
                found += self.keys(self.patient(verb)) if passive else self.direct_objects(verb)
            else:
                for holder in [verb] + [c for c in verb.children if c.dep_ == "dobj"]:
                    for prep in preps(holder, {where}):
                        if self.ents.key_at(prep):          # "runs Tools for Humanity": part of a name
                            continue
                        target = pobj(prep)
                        if target is None and reading.predicate == "criticizes":    # "voted against renewing X"
                            target = next((o for c in prep.children if c.dep_ == "pcomp"
                                           for o in c.children if o.dep_ == "dobj"), None)
                        found += self.keys(target) or (self._owner(target) if target is not None else [])
        if reading.where == ("dobj",):
            found += self._banned_use(verb)
        if reading.predicate == "sellsTo" and reading.where == ("dobj",) and not passive:
            found += self._recipient_in_front(verb)
        if reading.predicate == "sues" and not found:
            found += self._blocked(verb)
        if reading.predicate == "criticizes" and reading.where == ("dobj",) and not found:
            found += self._claimed_about(verb)      # "questioned whether Axon's cameras comply with the law"
        if reading.predicate == "criticizes" and not passive:      # "opposed Amazon's use of cameras": Amazon too
            held = [c for c in verb.children if c.dep_ == "dobj"] + [pobj(p) for p in preps(verb, set(reading.where))]
            found += [k for c in held if c is not None and c.lemma_.lower() in self.words.wrappers
                      and not self.ents.key_at(c) for p in c.children if p.dep_ == "poss" for k in self.keys(p)]
        if reading.predicate == "worksFor" and reading.where == ("dobj",) and not found:
            holders = [verb] + [c for c in verb.children if c.dep_ == "dobj"]        # "heads policy at Deliveroo"
            found += [k for h in holders for p in preps(h, {"at", "of", "for"} if h != verb else {"at"})
                      for k in self.keys(pobj(p)) if self.entity_type(k) in ORGANISATION_TYPES]
        return list(dict.fromkeys(found))

    def _recipient_in_front(self, verb: Token) -> list[str]:
        """"provides ICE cloud services", parsed with the customer as a modifier of what it gets."""
        found = []
        for thing in (c for c in verb.children if c.dep_ == "dobj"):
            named = [c for c in thing.subtree if c.dep_ == "compound" and c.i < thing.i]
            if not named or not any(self.entity_type(k) in ("Technology", "Product") for k in self.keys(thing)):
                continue
            first = self.ents.key_at(named[0])
            if first and self.entity_type(first) == "GovernmentAgency" and named[0].i == thing.left_edge.i:
                found.append(first)
        return found

    def patient(self, verb: Token) -> Token | None:
        """Who or what a passive verb acts on."""
        patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if patient is None and self._headline_passive(verb) is not None:
            patient = next(c for c in verb.children if c.dep_ == "nsubj")     # "Meta fined … by Irish regulator"
        if patient is None and verb.dep_ == "acl":
            patient = verb.head
        if patient is None and verb.dep_ == "conj":         # "which was part of X and had been financed by Y"
            patient = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if patient is not None and patient.lower_ in self.words.relative_pronouns and verb.head.dep_ == "relcl":
                patient = verb.head.head
        if patient is not None and patient.lower_ in self.words.relative_pronouns and verb.dep_ == "relcl":
            patient = verb.head
        return patient

    def direct_objects(self, verb: Token) -> list[str]:
        found: list[str] = []
        for child in verb.children:
            if child.dep_ in ("dobj", "dative"):
                found += self.keys(child) or self.possessor(child) or self._misplaced_name(child)
        if verb.dep_ == "relcl" and any(c.dep_ == "dobj" and c.lower_ in self.words.relative_pronouns
                                        for c in verb.children):
            found += self.keys(verb.head)
        if misread_perfect(verb) is not None:          # "has long opposed gunshot detection"
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

    def _cut_off(self, verb: Token, agents: list[str], claim: Claim) -> Iterator[Hit]:
        """"Microsoft blocked the ministry from accessing its Azure services": a company that cuts a
        customer off from its own product stops selling it to them, and had sold it to them."""
        companies = [k for k in agents if self.entity_type(k) == "Company"]
        customers = [k for c in verb.children if c.dep_ == "dobj" for k in self.keys(c)
                     if self.entity_type(k) in ORGANISATION_TYPES]
        own = [k for prep in preps(verb, {"from"}) for pcomp in prep.children if pcomp.dep_ == "pcomp"
               for thing in pcomp.children if thing.dep_ == "dobj"
               and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in thing.subtree)
               for k in self.keys(thing)]
        if companies and customers and own:
            yield from self.emit("stopsSelling", companies, own, verb, "graphkit.cut_off.v1", 0.7, claim)
            yield from self.emit("sellsTo", companies, customers, verb, "graphkit.cut_off.v1", 0.65, claim)

    def _banned_use(self, verb: Token) -> list[str]:
        """"banned city agencies from using it": the thing used is what is banned."""
        found: list[str] = []
        for prep in preps(verb, {"from"}):
            for pcomp in prep.children:
                if pcomp.dep_ == "pcomp":
                    found += [k for c in pcomp.children if c.dep_ == "dobj" for k in self.keys(c)]
        return found

    # -- nominal frames ----------------------------------------------------
    def _noun(self, noun: Token, lemma: str) -> Iterator[Hit]:
        agents, anchor = self._noun_agents(noun)
        if lemma in self.rules.lawsuit_nouns:
            agents = self._case_filers(noun, agents)
        for reading in self.rules.nouns[lemma]:
            objects: list[str] = []
            owned = reading.predicate == "partOf" and any(c.dep_ == "poss" and self.keys(c) for c in noun.children)
            for where in reading.where:
                if where == "compound" and not owned:   # "Harbor's Tidewater Labs division": the compound is the part
                    objects += [k for c in noun.lefts if c.dep_ in ("compound", "amod", "nmod") for k in self.keys(c)]
                elif where == "poss":
                    objects += [k for c in noun.children if c.dep_ == "poss" for k in self.keys(c)]
                elif where == "between":            # "a contract between ICE and Thomson Reuters": both sides
                    sides = [k for prep in preps(noun, {"between"}) for k in self.keys(pobj(prep))]
                    if len(sides) == 2:
                        agents, objects = agents + sides[:1], objects + sides[1:]
                else:
                    holders = [noun] + ([anchor] if anchor != noun else [])
                    if where == "against":      # "filed a complaint with the CNIL against X": hung on the CNIL
                        holders += [pobj(p) for h in holders for p in preps(h, self.words.forum_preps)
                                    if pobj(p) is not None and self.is_forum(pobj(p))]
                    if reading.predicate == "partnersWith":     # "the contract to build the platform for NHS England",
                        holders += [c for c in noun.children    # "the contract the company has with Israel's military"
                                    if c.dep_ in ("acl", "relcl") and c.pos_ in ("VERB", "AUX")]
                    for holder in holders:
                        for prep in preps(holder, {where}):
                            if self.ents.key_at(prep):      # "a contract with Tools for Humanity": part of a name
                                continue
                            target = pobj(prep)
                            objects += self.keys(target) or (self.possessor(target) if target is not None else [])
                            if reading.predicate == "investigates" and target is not None:
                                objects += self._makers(target)     # "an inquiry into chatbots from Meta and OpenAI"
            if reading.predicate == "partnersWith":     # "its cloud-computing contract": no party
                objects = [k for k in objects if self.entity_type(k) not in ("Technology", "Product")]
            if not objects and reading.predicate == "partnersWith" and anchor != noun:
                objects = [k for c in anchor.children if c.dep_ == "dative" for k in self.keys(c)]   # "awarded X a contract"
                if anchor.lemma_.lower() in self.words.awarding_verbs:      # "awarded the contract to X"
                    objects = objects or [k for p in preps(anchor, {"to"}) for k in self.keys(pobj(p))]
            if not objects and reading.predicate in ("sues", "fines", "investigates"):
                objects = self._accused(anchor) or self._struck_with(noun) or self._accused_by(noun)
            if not objects and reading.predicate == "sues":     # "in its lawsuit, the FTC says Amazon …"
                objects = self._said_in(noun, anchor)
            if not objects and reading.predicate == "sues":     # "filed a lawsuit to block Nvidia's acquisition of Arm"
                objects = self._blocked(noun) or (self._blocked(anchor) if anchor != noun else [])
            imposed = None
            if not objects and reading.predicate == "fines":
                objects, agents, imposed = self._payer(noun, agents)
            if not objects and reading.predicate in ("investigates", "tests"):
                objects = self._findings(noun) or self._main_objects(noun, anchor)
            if not objects:
                objects = self._undergoer(noun)
            if not objects and reading.predicate in _UNTOLD_TARGETS and noun.dep_ in ("dobj", "nsubjpass") \
                    and self.ents.story_subject():
                objects = [self.ents.story_subject()]       # "the CNIL opened an investigation": into the story's subject
            if not objects:
                continue
            predicate = reading.predicate
            if predicate == "sells" and noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.rules.stop_verbs:
                predicate, anchor = "stopsSelling", noun.head          # "would pause the sale of drones"
                agents = agents or self.keys(self.subject_token(noun.head))
            elif predicate == "sellsTo" and noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.rules.stop_verbs:
                continue
            if predicate == "partnersWith":     # "a Google cloud contract with X": Google is a party, not X's partner twice
                objects = [o for o in objects if o not in agents] or objects
            noun_agents = [a for a in agents if a not in objects]
            if predicate == "sues":          # "the Supreme Court case against X": the court hears it
                noun_agents = [a for a in noun_agents if not self.is_venue(a)]
            subjects, objs = (objects, noun_agents) if reading.reverse else (noun_agents, objects)
            claim = imposed or self._held(noun, predicate)
            yield from self.emit(predicate, subjects, objs, anchor, "graphkit.noun.v1", 0.7, claim)
            if predicate == "partnersWith" and lemma in self.rules.supply_nouns:
                yield from self._supplies(subjects + objs, anchor, claim)
            if reading.predicate == "bans":
                yield from self._calls(noun, objects)

    def _case_filers(self, noun: Token, agents: list[str]) -> list[str]:
        """"… a lawsuit filed by WhatsApp in 2019. The lawsuit accused NSO of …": a case named again with "the"
        and no filer of its own was brought by the filer of the case named in the two sentences before."""
        sentence = noun.sent.start
        if agents:
            self._filers.append((sentence, agents))
            return agents
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)
        if not definite or not self._filers:
            return agents
        earlier, filers = self._filers[-1]
        recent = earlier != sentence and self.doc[earlier].sent.start >= _sentence_back(self.doc, sentence, 2)
        return list(filers) if recent else agents

    def _held(self, noun: Token, predicate: str) -> Claim | None:
        """"end Microsoft's contract with ICE", "documents on a contract between ICE and X": a partnership
        named with its parties exists, whatever is asked of it; an act someone blocks has not happened; other
        nominal readings take their clause's status."""
        if predicate == "partnersWith" and any(c.dep_ == "poss" or c.lower_ == "between" for c in noun.children):
            return Claim("asserted")
        if noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.words.blocking_verbs:
            return Claim("hypothetical", cue=noun.head.lower_)      # "to block Nvidia's acquisition of Arm"
        if noun.dep_ == "dobj" and predicate != "bans" and any(
                r.predicate == "bans" for r in self.rules.verbs.get(noun.head.lemma_.lower(), ())):
            return Claim("hypothetical", cue=noun.head.lower_)      # "banned the use of face recognition by police"
        return None

    def _supplies(self, parties: list[str], anchor: Token, claim: Claim | None) -> Iterator[Hit]:
        """A contract between a company and a government supplies the government."""
        companies = [k for k in parties if self.entity_type(k) == "Company"]
        buyers = [k for k in parties if self.entity_type(k) in ("GovernmentAgency", "Location")]
        yield from self.emit("sellsTo", companies, buyers, anchor, "graphkit.contract.v1", 0.65, claim)

    def _partitive(self, noun: Token) -> Token:
        """The "one" of "one of the investors" (or "two", "some"), which takes the noun's place in the clause."""
        head = noun.head
        if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.dep_ in ("attr", "appos", "nsubj") and (
                head.head.pos_ == "NUM" or head.head.lower_ in self.words.partitive_words):
            return head.head
        return noun

    def _noun_agents(self, noun: Token) -> tuple[list[str], Token]:
        """Who does what the noun names, and the word whose clause decides the claim status."""
        agents: list[str] = []
        for child in noun.children:
            if child.dep_ == "poss" or (child.dep_ in ("compound", "nmod") and child.i < noun.i):
                agents += self.keys(child) or [k for c in child.lefts if c.dep_ == "compound"   # "a Google cloud contract"
                                               for k in self.keys_of_name(c)]
            if child.dep_ == "prep" and (child.lower_ == "by" or child.lower_ == "from" and (
                    noun.head.lemma_ in self.words.undergo_verbs or noun.head.lower_ == "under")):   # "under scrutiny from"
                agents += self.keys(pobj(child))
        for child in noun.children:
            if child.dep_ == "appos":
                agents += self.keys(child)
            if child.dep_ == "acl" and child.lemma_.lower() in self.rules.light_verbs:   # "a lawsuit filed by X"
                agents += [k for c in child.children if c.dep_ == "agent" for k in self.keys(pobj(c))]
            if child.dep_ == "prep" and child.lower_ == "against" and pobj(child) is not None:
                agents += [k for clause in pobj(child).children     # "the suit against X, filed by Y," misattached
                           if clause.dep_ == "acl" and clause.lemma_.lower() in self.rules.light_verbs
                           for c in clause.children if c.dep_ == "agent" for k in self.keys(pobj(c))]
        if noun.dep_ == "compound" and noun.is_lower and noun.i < noun.head.i:
            agents += self.keys(noun.head)              # "spyware maker NSO Group": the name the noun describes
        noun = self._partitive(noun)                    # "X, one of the first investors in Y": X stands for "one"
        if noun.dep_ == "appos":
            agents += self.keys(noun.head)
        anchor = noun
        head = noun.head
        if noun.dep_ == "pobj" and head.lower_ in ("to", "in") and head.head.lemma_.lower() in self.words.party_nouns \
                and head.head.dep_ == "attr":
            agents += self.keys(self.subject_token(head.head.head))     # "X is a party to the lawsuit"
        if noun.dep_ == "nsubj" and head.tag_ == "VBN" and head.lemma_.lower() in self.rules.light_verbs \
                and not any(c.dep_ in ("aux", "auxpass") for c in head.children):
            agents += [k for c in head.children if c.dep_ == "agent" for k in self.keys(pobj(c))]
            anchor = head                       # "allowed the lawsuit brought by X against Y to proceed", misparsed
        if noun.dep_ == "pobj" and head.lower_ == "among" and head.head.lemma_ == "be":
            agents += self.keys(self.subject_token(head.head))      # "X is among the critics of Y"
        if noun.dep_ == "pobj" and head.lower_ == "among":     # "counts X among its clients"
            member = head.head
            if member.lemma_ in self.rules.listing_verbs:
                agents += [k for c in member.children if c.dep_ == "dobj" for k in self.keys(c)]
            elif member.dep_ == "dobj" and member.head.lemma_ in self.rules.listing_verbs:
                agents += self.keys(member)
        listing = head.lemma_.lower() in self.rules.listing_verbs
        if noun.dep_ == "nsubj" and listing:
            listed = [c for c in head.children if c.dep_ in ("dobj", "attr")]
            listed = listed or [c for c in head.children if c != noun and any(self.ents.key_at(t) for t in c.subtree)]
            agents += [k for c in listed for k in self.keys(c if self.ents.key_at(c) else named_in(c, self.ents))]
        if noun.dep_ == "pobj" and head.lower_ in ("among", "including") and head.head.lemma_.lower() in self.rules.listing_verbs:
            agents += [k for c in head.head.children if c.dep_ in ("nsubj", "attr") for k in self.keys(c)]
        light = head.lemma_.lower() in self.rules.light_verbs
        giving = noun.dep_ == "dobj" and head.lemma_.lower() in self.rules.giving_verbs
        if giving:                              # "gave ICE access to the database": ICE has it, not the giver
            anchor = head
            agents += [k for c in head.children if c.dep_ == "dative" for k in self.keys(c)]
        elif noun.dep_ in ("dobj", "attr", "nsubjpass") and head.pos_ in ("VERB", "AUX") and (light or noun.dep_ == "attr"):
            anchor = head
            if noun.dep_ == "nsubjpass" and light:
                agents += [k for c in head.children if c.dep_ == "agent" for k in self.keys(pobj(c))]
            elif noun.dep_ == "attr" or head.lemma_.lower() in self.rules.light_verbs:
                agents += self.keys(self.subject_token(head))
        elif noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
            anchor = head.head
            if head.lower_ == "under" and not agents:         # "came under fire from the ACLU"
                agents += [k for prep in preps(head.head, {"from", "by"}) for k in self.keys(pobj(prep))]
            if head.lower_ in ("in", "with", "after", "following") and not agents:
                passive = any(c.dep_ in ("auxpass", "agent") for c in head.head.children)
                agents += self.agents(head.head, passive)       # "was hit with sanctions by the Treasury"
        elif noun.dep_ == "pobj" and head.lower_ == "in" and head.head.dep_ == "dobj" and not agents:
            anchor = head.head.head                     # "filed a brief in support of WhatsApp"
            agents += self.keys(self.subject_token(anchor))
        if not agents and anchor == noun:       # "a fine that the Garante imposed on OpenAI"
            for clause in noun.children:
                if clause.dep_ == "relcl" and any(c.dep_ == "dobj" and c.lower_ in self.words.relative_pronouns
                                                  for c in clause.children):
                    agents, anchor = self.keys(self.subject_token(clause)), clause
        return list(dict.fromkeys(agents)), anchor


def _sentence_back(doc: Doc, start: int, count: int) -> int:
    """The start of the sentence ``count`` sentences before the one starting at token ``start``."""
    for _ in range(count):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    return start
