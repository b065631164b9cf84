"""Decide whether an organisation name is a Company, GovernmentAgency or AdvocacyGroup.

Evidence, strongest first: the lexicon; the name's head word ("Commission",
"Foundation", "Technologies"); a description beside the name ("X, a
California company", "the digital rights group X"); otherwise Company, the
commonest kind in this reporting. Each decision carries its reason.
"""
from __future__ import annotations

from spacy.tokens import Span

from .cues import EntityCues

ORGS = ("GovernmentAgency", "AdvocacyGroup", "Company")


def type_by_name(span: Span, cues: EntityCues) -> tuple[str, str]:
    """The type a name's own words give it, or ("", "") when they say nothing."""
    words = [t.lower_ for t in span if not t.is_punct and t.tag_ != "POS"]
    if not words:
        return "", ""
    if words[0] in cues.agency_prefixes and any(w in ("of", "for") for w in words[1:3]):
        return "GovernmentAgency", f"name begins with {words[0]!r}"
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is not None and after.is_title and after.lower_ in cues.cabinet_titles:
        return "GovernmentAgency", f"named before {after.text!r}"      # "Defense Secretary Lloyd Austin"
    if len(span) > 1 and span[-1].is_title and words[-1] in cues.legislation_heads \
            and words[-2:-1] != ["of"]:         # "… College of Law" is a school, not a law
        return "Legislation", f"a law's name ends in {span[-1].text!r}"
    head = words[-1]
    for i, word in enumerate(words[1:], start=1):
        if word in cues.name_connectors:
            head = words[i - 1]
            break
    for etype in (*ORGS, "Product"):
        if head in cues.head_words.get(etype, ()):
            return etype, f"head word {head!r}"
    return "", ""


def type_by_cause(span: Span, cues: EntityCues) -> tuple[str, str]:
    """"Jewish Voice for Peace", "Citizens against Surveillance": a name that states a cause is a group's."""
    words = [t.lower_ for t in span]
    if any(w in cues.cause_connectors for w in words[1:-1]):
        return "AdvocacyGroup", "name of a cause"
    return "", ""


def type_by_context(span: Span, cues: EntityCues) -> tuple[str, str]:
    """The type a description next to the name gives it ("X, a California company")."""
    for word in _descriptions(span, cues):
        etype = cues.descriptor_type(word.lower_)
        if not etype and word.lower_ in cues.roles and word.i > span.end:     # "said X, a software engineer at Y"
            return "Person", f"described as {word.lower_!r}"
        if not etype:
            continue
        phrase = " ".join(t.lower_ for t in (word.doc[word.i - 1], word) if t.i >= 0)
        etype = cues.descriptor_type(phrase) or etype           # "think tank", "social network"
        named = _named_as(span, cues)
        how = "named" if named is not None and named.i == word.i else "described"
        return etype, f"{how} as {word.lower_!r}"
    return "", ""


def _descriptions(span: Span, cues: EntityCues):
    """Nouns that describe the span: its apposition, or the noun it is in apposition to."""
    root = span.root
    named = _named_as(span, cues)
    if named is not None:
        yield named
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            yield child
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        yield root.head
    if root.dep_ == "compound" and root.head.pos_ == "NOUN" and root.head.is_lower \
            and cues.descriptor_type(root.head.lower_) == "AdvocacyGroup":
        yield root.head                     # "the #NoTechForApartheid movement", "the Stop Spying campaign"
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in cues.local_government_nouns:
        yield root.head.head                # "the city of Millport": the city's name
    yield from _following_description(span)
    # "the Atlanta company Flock Safety": description as compound or left neighbour
    left = span.start - 1
    if left >= 0:
        token = span.doc[left]
        if token.pos_ == "NOUN" and token.is_lower and token.dep_ not in ("pobj", "dobj", "nsubj", "nsubjpass"):
            yield token                     # not "during his term in office Trump …": a phrase of its own
    for child in root.lefts:
        if child.dep_ in ("compound", "nmod") and child.pos_ == "NOUN" and child.i < span.start:
            yield child


def _following_description(span: Span):
    """"X (XYZ), a group that …" read from the words when the parse hangs the apposition elsewhere."""
    doc, i = span.doc, span.end
    if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")":
        i += 3
    if i + 1 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in ("a", "an", "the"):
        return
    for token in doc[i + 2:min(i + 6, span.sent.end)]:
        if token.pos_ == "NOUN" and token.is_lower and token.dep_ != "compound":    # "a software engineer": engineer
            yield token
            return
        if token.is_punct:
            return


def _named_as(span: Span, cues: EntityCues):
    """"a program called the Neighbors Public Safety Service": the noun that is given the name."""
    verb = span.root.head
    if verb.lemma_.lower() in cues.naming_verbs and verb.dep_ == "acl" and verb.head.pos_ == "NOUN" \
            and verb.i < span.start:
        return verb.head
    return None

