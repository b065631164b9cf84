"""Constructions that are not a verb or a noun with its arguments.

Each function reads one construction over a whole Doc through a
:class:`~graphkit.extract.relations.SentenceReader` and yields hits:
"Rekognition, a facial recognition tool", "the Amazon-owned maker",
"Amnesty International's Security Lab", "which the company markets as …",
"agreed to pay … to settle the SEC's case", "ordered Worldcoin to stop",
"its round was led by …", "its Alexa assistant", "the city's network of
Flock cameras". ``CONSTRUCTIONS`` lists them; adding one is one function.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..model import ORGANISATION_TYPES
from .claims import Claim, claim_status
from .rules import Hit
from .stance import stance_cues, word_sign
from .syntax import conjuncts, pobj, preps


# -- "which the company markets as a facial recognition tool" -------------
def presented_as(reader) -> Iterator[Hit]:
    for verb in reader.doc:
        if verb.pos_ != "VERB" or reader.rules.verb_forms.get(verb.lower_, verb.lemma_.lower()) not in reader.rules.presenting_verbs:
            continue
        shown = [k for p in preps(verb, {"as"}) for k in reader.keys(pobj(p))]
        if not shown:
            continue
        things = reader.direct_objects(verb) or reader.keys(reader.patient(verb))
        sellers = reader.agents(verb, any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children))
        techs = [k for k in shown if reader.entity_type(k) == "Technology"]
        products = [k for k in shown if reader.entity_type(k) == "Product"]
        yield from reader.emit("instanceOf", things, techs, verb, "graphkit.presented.v1", 0.7)
        yield from reader.emit("sells", sellers, products, verb, "graphkit.presented.v1", 0.7)



# -- "agreed to pay $100 million to settle the SEC's case" ---------------
def settlements(reader) -> Iterator[Hit]:
    for verb in reader.doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in reader.rules.settle_verbs:
            continue
        for case in (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in reader.rules.case_nouns):
            authorities = [k for c in case.children if c.dep_ in ("poss", "compound") for k in reader.keys(c)]
            payers = reader.keys(reader.subject_token(verb))
            paid = verb.head.lemma_.lower() == "pay" or any(t.lemma_.lower() == "pay" for t in verb.head.subtree)
            if paid:
                yield from reader.emit("fines", authorities, payers, verb, "graphkit.settlement.v1", 0.7)
            if case.lemma_.lower() in reader.rules.lawsuit_nouns:
                yield from reader.emit("sues", authorities, payers, verb, "graphkit.settlement.v1", 0.7)



# -- "ordered Worldcoin to stop scanning" ---------------------------------
def orders(reader) -> Iterator[Hit]:
    for verb in reader.doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in reader.rules.order_verbs:
            continue
        stopped = [c for c in verb.children if c.dep_ == "xcomp" and c.lemma_.lower() in reader.rules.stop_verbs]
        if not stopped:
            continue
        ordered = [k for c in verb.children if c.dep_ == "dobj" for k in reader.keys(c)]
        targets = ordered + [k for s in stopped for c in s.children if c.dep_ in ("xcomp", "dobj")
                             for k in reader.keys(c) + [x for g in c.children if g.dep_ == "dobj" for x in reader.keys(g)]]
        yield from reader.emit("bans", reader.keys(reader.subject_token(verb)), targets, verb, "graphkit.order.v1", 0.7)



# -- "its most recent round was led by Blockchain Capital" ----------------
def funding_rounds(reader) -> Iterator[Hit]:
    for noun in reader.doc:
        if noun.lemma_.lower() not in reader.rules.funding_nouns or noun.dep_ != "nsubjpass":
            continue
        verb = noun.head
        if verb.lemma_.lower() not in reader.rules.funding_verbs:
            continue
        funders = [k for c in verb.children if c.dep_ == "agent" for k in reader.keys(pobj(c))]
        funded = [k for c in noun.children if c.dep_ == "poss" for k in reader.keys(c)]
        yield from reader.emit("funds", funders, funded, verb, "graphkit.round.v1", 0.7)



# -- "its Alexa assistant", "its best-known plate reader, the Falcon" -----
def owned_products(reader) -> Iterator[Hit]:
    for key, root in _product_mentions(reader):
        holders = [root]
        if root.dep_ == "appos":
            holders.append(root.head)
        if root.dep_ == "attr":
            holders += [c for c in root.head.children if c.dep_ == "nsubj"]
        owners = [k for h in holders for c in h.children if c.dep_ == "poss" for k in reader.keys(c)]
        sellers = [k for k in owners if reader.entity_type(k) == "Company"]
        # "may expand its use of Palantir's ImmigrationOS platform": still Palantir's
        yield from reader.emit("sells", sellers, [key], root, "graphkit.owned.v1", 0.65, Claim("asserted"))
        users = [k for k in owners if reader.entity_type(k) in ("GovernmentAgency", "Location")]
        yield from reader.emit("uses", users, [key], root, "graphkit.owned.v1", 0.65, Claim("asserted"))
        if root.dep_ == "nsubj" and root.head.lemma_.lower() in reader.rules.verbs \
                and any(r.predicate == "uses" for r in reader.rules.verbs[root.head.lemma_.lower()]):
            used = reader.direct_objects(root.head)     # "Uber's Real-Time ID Check system uses Face API": Uber does
            yield from reader.emit("uses", [k for k in owners if reader.entity_type(k) in ORGANISATION_TYPES], used,
                                   root.head, "graphkit.owned.v1", 0.65)


def offered_services(reader) -> Iterator[Hit]:
    """A kind of technology written as a company's offering sells it: "Microsoft's cloud services",
    "cloud services from Google" (not "Meta's behavioral advertising", which Meta uses)."""
    for key, draft in reader.ents.drafts.items():
        if draft.type != "Technology":
            continue
        for start, end in draft.mentions:
            root = reader.doc[start:end].root
            if root.lemma_.lower() not in reader.rules.offering_heads and root.lower_ not in reader.rules.offering_heads:
                continue
            sellers = [k for c in root.children if c.dep_ == "poss" for k in reader.keys(c)]
            sellers += [k for p in preps(root, {"from"}) for k in reader.keys(pobj(p))]
            yield from reader.emit("sells", [k for k in sellers if reader.entity_type(k) == "Company"], [key], root,
                                   "graphkit.offered.v1", 0.65, Claim("asserted"))


def bought_products(reader) -> Iterator[Hit]:
    """"The police bought Axon's Fusus platform", "purchased licenses for Clearview AI's software": the
    company whose product is bought sells to the buyer, and the buyer uses the product."""
    for verb in reader.doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in reader.words.acquiring_verbs:
            continue
        bought = [c for c in verb.children if c.dep_ == "dobj"]
        bought += [pobj(p) for c in bought for p in preps(c, {"for", "to", "of"}) if pobj(p) is not None]
        holders = [t for c in bought for t in [c, *conjuncts(c)]
                   if any(reader.entity_type(k) in ("Product", "Technology") for k in reader.keys(t))
                   or t.lemma_.lower() in reader.words.product_words | reader.rules.offering_heads]
        sellers = [k for t in holders for c in t.children if c.dep_ == "poss" for k in reader.keys(c)]
        sellers = [k for k in sellers if reader.entity_type(k) == "Company"]
        things = [k for t in holders for k in reader.keys(t) if reader.entity_type(k) in ("Product", "Technology")]
        if not sellers:
            continue
        buyers = reader.keys(reader.subject_token(verb))
        yield from reader.emit("sellsTo", sellers, buyers, verb, "graphkit.bought.v1", 0.65)
        yield from reader.emit("uses", buyers, things, verb, "graphkit.bought.v1", 0.65)


def _product_mentions(reader) -> Iterator[tuple[str, Token]]:
    """Each named product with the head token of each of its names in the sentence."""
    for key, draft in reader.ents.drafts.items():
        if draft.type == "Product":
            for start, end in draft.mentions:
                yield key, reader.doc[start:end].root



# -- "the city's network of Flock cameras" ------------------------------
def fleets(reader) -> Iterator[Hit]:
    """An organisation's network, fleet or system of products uses them."""
    for token in reader.doc:
        if token.lemma_.lower() not in reader.words.fleet_nouns:
            continue
        owners = [k for c in token.children if c.dep_ == "poss" for k in reader.keys(c)]
        things = [k for p in preps(token, {"of"}) for k in reader.keys(pobj(p))]
        if owners and things:
            yield from reader.emit("uses", owners, things, token, "graphkit.fleet.v1", 0.7)



# -- "the Amazon-owned maker" ------------------------------------------
def owned_by(reader) -> Iterator[Hit]:
    for owned in reader.doc:
        if owned.lower_ == "owned" and owned.tag_ == "VBN":
            yield from _owned(reader, owned)


def _owned(reader, owned: Token) -> Iterator[Hit]:
    owners = [k for c in owned.children for k in reader.keys(c)]
    if not owners and owned.i >= 2 and owned.nbor(-1).text == "-":
        owners = reader.keys(owned.nbor(-2))
    owned_things = reader.keys(owned.head)
    yield from reader.emit("partOf", owned_things, owners, owned, "graphkit.owned.v1", 0.8)



# -- "Rekognition, a facial recognition tool"; "the Pegasus spyware" ---
def instances(reader) -> Iterator[Hit]:
    for key, root in _product_mentions(reader):
        descriptions = [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ in ("appos", "compound", "nmod"):
            descriptions.append(root.head)
        if root.dep_ in ("nsubj", "attr") and root.head.lemma_ == "be":
            descriptions += [c for c in root.head.children if c.dep_ in ("attr", "nsubj") and c != root]
        techs = [k for d in descriptions for t in [d, *conjuncts(d)]
                 for k in [reader.ents.key_at(t)] if k and reader.entity_type(k) == "Technology"]
        yield from reader.emit("instanceOf", [key], techs, root, "graphkit.instance.v1", 0.8)



# -- "Amnesty International's Security Lab", "Amazon's Rekognition" ---
def possessives(reader) -> Iterator[Hit]:
    for link in reader.ents.links:
        if link.kind != "name":
            continue
        root = reader.doc[link.start:link.end].root
        owners = [k for c in root.children if c.dep_ == "poss" for k in reader.keys(c) if reader.link_kind(c) == "name"]
        if not owners:
            continue
        own_type = reader.entity_type(link.key)
        if own_type in ("Product", "Technology") and root.dep_ == "pobj" and root.head.head.lemma_.lower() in reader.words.fleet_nouns:
            continue
        known = Claim("asserted")           # a possessive says whose it is whatever the clause says
        if own_type in ORGANISATION_TYPES:
            yield from reader.emit("partOf", [link.key], owners, root, "graphkit.possessive.v1", 0.6, known)
        elif own_type == "Product":         # "Amazon's Rekognition" is sold; "Detroit's ShotSpotter" is used
            users = [k for k in owners if reader.entity_type(k) in ("GovernmentAgency", "Location")]
            sellers = [k for k in owners if k not in users]
            yield from reader.emit("sells", sellers, [link.key], root, "graphkit.possessive.v1", 0.6, known)
            yield from reader.emit("uses", users, [link.key], root, "graphkit.possessive.v1", 0.6, known)


def agencies_own_technology(reader) -> Iterator[Hit]:
    """"The police department expanded its facial recognition program", "the sheriff's office pulled its
    Chinese-made drones": a technology an authority calls its own is one it uses."""
    for link in reader.ents.links:
        if link.kind != "name" or reader.entity_type(link.key) != "Technology":
            continue
        noun = reader.doc[link.start:link.end].root
        while noun.dep_ in ("compound", "amod") and noun.head.pos_ == "NOUN" and noun.head.i > noun.i:
            noun = noun.head                # "its facial recognition program": the program is its
        owners = [k for c in noun.children if c.dep_ == "poss" and c.lower_ != "their" for k in reader.keys(c)
                  if reader.entity_type(k) in ("GovernmentAgency", "Location")]     # "their" is often people's
        yield from reader.emit("uses", owners, [link.key], noun, "graphkit.owned.v1", 0.6, Claim("asserted"))


_HYPHEN_OWNERSHIP = {"owned": "partOf", "controlled": "partOf", "backed": "funds", "funded": "funds"}


def hyphen_owners(reader) -> Iterator[Hit]:
    """"Amazon-owned Ring" is part of Amazon; "Altman-backed Worldcoin" is funded by Altman: the name
    before the hyphen and the organisation named within a few words after."""
    doc = reader.doc
    for word in doc:
        predicate = _HYPHEN_OWNERSHIP.get(word.lower_)
        if predicate is None or word.i < 2 or doc[word.i - 1].text != "-":
            continue
        owner = reader.ents.key_at(doc[word.i - 2])
        after = next((link for link in reader.ents.between(word.i + 1, min(word.i + 5, len(doc)))
                      if link.kind == "name" and link.start > word.i), None)
        if owner is None or after is None or reader.entity_type(after.key) not in ORGANISATION_TYPES + ("Product",):
            continue
        if predicate == "partOf":
            yield from reader.emit("partOf", [after.key], [owner], word, "graphkit.hyphen.v1", 0.7, Claim("asserted"))
        else:
            yield from reader.emit("funds", [owner], [after.key], word, "graphkit.hyphen.v1", 0.7, Claim("asserted"))


# -- "added X to the sanctions list", "placed X on a trade blacklist" -------
def put_on_lists(reader) -> Iterator[Hit]:
    """An authority that puts names on a sanctions list fines them; on a blacklist, criticises them."""
    for verb in reader.doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in reader.rules.listing_on_verbs:
            continue
        for prep in preps(verb, {"to", "on", "onto"}):
            predicate = _list_predicate(reader, pobj(prep))
            if predicate:
                passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
                listed = reader.keys(reader.patient(verb)) if passive else reader.direct_objects(verb)
                authorities = reader.agents(verb, passive)
                yield from reader.emit(predicate, authorities, listed, verb, "graphkit.list.v1", 0.7)


def _list_predicate(reader, noun: Token | None) -> str:
    """"the sanctions list" -> fines, "a trade blacklist" -> criticizes, "the Entity List" -> criticizes."""
    if noun is None or not any(t.lower_ in ("list", "blacklist", "watchlist", "lists") for t in noun.subtree):
        return ""
    for token in noun.subtree:
        predicate = reader.rules.list_words.get(token.lower_)
        if predicate:
            return predicate
    return ""


# -- "called the fine unjustified", "branded the FTC suit baseless" ----------
def judged_as(reader) -> Iterator[Hit]:
    """Calling something by a judging word criticises (or supports) it, or the authority whose act it is."""
    cues = stance_cues()
    for verb in reader.doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in reader.rules.judging_verbs:
            continue
        judgements = [c for c in verb.children if c.dep_ in ("oprd", "ccomp", "xcomp", "acomp")
                      and c.pos_ in ("ADJ", "NOUN")] + [p for p in preps(verb, {"as"})]
        misread = [j for j in judgements[:-1] if j.pos_ == "NOUN" and j.dep_ == "oprd"
                   and not any(word_sign(t, cues) for t in j.subtree)]     # "called Axon's cameras dangerous"
        judgements = [j for j in judgements if j not in misread]
        sign = sum(word_sign(t, cues) for j in judgements for t in j.subtree)
        if not sign:
            continue
        things = [c for c in verb.children if c.dep_ == "dobj"] + misread + \
                 [c for j in judgements for c in j.children if c.dep_ in ("npadvmod", "nsubj")]
        judged = [k for t in things for k in _judged(reader, t)]
        predicate = "criticizes" if sign < 0 else "supports"
        yield from reader.emit(predicate, reader.keys(reader.subject_token(verb)), judged, verb,
                               "graphkit.judged.v1", 0.65, Claim("asserted"))


def _judged(reader, thing: Token) -> list[str]:
    """The thing judged, or whose act it is ("the Commission's decision", "the FTC suit")."""
    if thing.lemma_.lower() in reader.rules.ruling_nouns | reader.rules.lawsuit_nouns:
        owners = [k for c in thing.children if c.dep_ in ("poss", "compound") for k in reader.keys(c)]
        owners += [k for p in preps(thing, {"of", "by"}) for k in reader.keys(pobj(p))]
        if owners:
            return owners
    return reader.keys(thing) or reader.possessor(thing)         # "Axon's cameras": Axon's


# -- "Google will appeal the Commission's decision" ------------------------
def appeals(reader) -> Iterator[Hit]:
    """Appealing, rejecting or disputing someone's decision, claims or suit disputes them: "will appeal
    the Commission's decision", "dismissed the FTC's lawsuit", "denied the allegations by the union"
    criticise their authors. A court that dismisses a suit only rules on it."""
    for verb in reader.doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in reader.rules.appeal_verbs:
            continue
        disputed = [c for c in verb.children if c.dep_ == "dobj"
                    and c.lemma_.lower() in reader.rules.ruling_nouns | reader.rules.case_nouns]
        owners = [k for thing in disputed for k in _judged(reader, thing) if k not in reader.keys(thing)]
        disputers = [k for k in reader.keys(reader.subject_token(verb)) if not reader.is_venue(k) and not _judge(reader, k)]
        if claim_status(verb, reader.claims).status == "negated":
            continue                            # "refused to dismiss the claims"
        yield from reader.emit("criticizes", disputers, owners, verb, "graphkit.appeal.v1", 0.65, Claim("asserted"))


def _judge(reader, key: str) -> bool:
    """A person named with a judge's title somewhere in the article ("Judge Ana Ruiz … Ruiz dismissed …")."""
    return reader.entity_type(key) == "Person" and any(
        link.key == key and link.start > 0 and reader.doc[link.start - 1].lower_ in reader.rules.judge_titles
        for link in reader.ents.links)


# -- "Amazon tracks its staff with CCTV", "spied on reporters via FinSpy" ------
def instruments(reader) -> Iterator[Hit]:
    """The technology or product an organisation acts with, it uses (verbs that are cues of their own,
    such as "provides … through the platform", are read by their own frames)."""
    for verb in reader.doc:
        if verb.pos_ != "VERB" or reader.rules.verb_forms.get(verb.lower_, verb.lemma_.lower()) in reader.rules.verbs:
            continue
        tools = [k for p in preps(verb, reader.rules.instrument_preps) for k in reader.keys(pobj(p))
                 if reader.entity_type(k) in ("Technology", "Product")]
        if tools:
            actors = [k for k in reader.keys(reader.subject_token(verb))
                      if reader.entity_type(k) in (*ORGANISATION_TYPES, "Location")]
            yield from reader.emit("uses", actors, tools, verb, "graphkit.instrument.v1", 0.65)


# -- "ACLU v. Clearview AI", "took Clearview AI to court" ----------------------
def case_names(reader) -> Iterator[Hit]:
    """A case named "X v. Y" is X's suit against Y."""
    doc = reader.doc
    for token in doc:
        if token.lower_ not in reader.cues.versus_words or token.i == 0 or token.i + 1 >= len(doc):
            continue
        plaintiffs, defendants = reader.keys_of_name(doc[token.i - 1]), reader.keys_of_name(doc[token.i + 1])
        yield from reader.emit("sues", plaintiffs, defendants, token, "graphkit.case_name.v1", 0.7, Claim("asserted"))


def taken_to_court(reader) -> Iterator[Hit]:
    """"took X to court", "hauled X before a tribunal": suing X."""
    for verb in reader.doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in reader.rules.court_taking_verbs:
            continue
        venues = [pobj(p) for p in preps(verb, {"to", "before", "into"})]
        if not any(v is not None and v.lemma_.lower() in reader.rules.venue_words for v in venues):
            continue
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        defendants = reader.keys(reader.patient(verb)) if passive else reader.direct_objects(verb)
        yield from reader.emit("sues", reader.agents(verb, passive), defendants, verb, "graphkit.court.v1", 0.7)


def complaints_to(reader) -> Iterator[Hit]:
    """"complained to the CNIL about Criteo": a complaint brought to an authority or a court sues the
    one it is about; a complaint made to no one ("complained about the cameras") criticises it."""
    for verb in reader.doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in reader.words.complaining_verbs:
            continue
        forums = [pobj(p) for p in preps(verb, {"to", "with"}) if pobj(p) is not None]
        about = [k for h in [verb, *forums] for p in preps(h, {"about", "over", "against"}) if pobj(p) is not None
                 for k in reader.keys(pobj(p)) or reader.possessor(pobj(p))]      # often hung on the forum
        predicate = "sues" if any(reader.is_forum(f) for f in forums) else "criticizes"
        yield from reader.emit(predicate, reader.keys(reader.subject_token(verb)), about, verb,
                               "graphkit.complaint.v1", 0.65)


CONSTRUCTIONS = (case_names, taken_to_court, complaints_to, offered_services, instances, possessives, fleets, presented_as,
                 settlements, orders, funding_rounds, owned_products, owned_by, put_on_lists, judged_as, appeals,
                 instruments, bought_products, agencies_own_technology, hyphen_owners)
