"""Cue lists loaded once from ontologies/patterns/*.yaml, as lookup-ready sets."""
from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache

from ..errors import ResourceError
from ..resources import load_cues


def _words(values) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values or ())


def load_word_lists(name: str, lists, optional=()) -> dict:
    """The cue file ontologies/patterns/NAME.yaml, refused in one sentence when a list the code reads
    is missing or when it holds a list that no code reads (a misspelt name would be silently ignored)."""
    data = load_cues(name)
    missing = sorted(set(lists) - set(data))
    unknown = sorted(set(data) - set(lists) - set(optional))
    problems = ([f"missing word list(s) {', '.join(missing)}"] if missing else []) \
        + ([f"unknown word list(s) {', '.join(unknown)}, which no code reads"] if unknown else [])
    if problems:
        raise ResourceError(f"ontologies/patterns/{name}.yaml: {'; '.join(problems)}")
    return data


@dataclass(frozen=True)
class EntityCues:
    head_words: dict[str, frozenset[str]]
    agency_prefixes: frozenset[str]
    cabinet_titles: frozenset[str]          # "Defense Secretary Lloyd Austin": Defense is a department
    descriptors: dict[str, frozenset[str]]
    anaphors: dict[str, frozenset[str]]
    technology_heads: frozenset[str]
    technology_nouns: frozenset[str]
    technology_kinds: frozenset[str]        # "monitoring software": a kind named by what it does
    technique_words: frozenset[str]
    roles: frozenset[str]
    role_verbs: frozenset[str]
    not_names: frozenset[str]
    person_titles: frozenset[str]           # with the title_abbreviations ("Sgt.") that the tokenizer keeps whole
    role_organisations: dict[str, tuple[str, ...]]
    name_connectors: frozenset[str]         # "Department of Justice": the head word is before "of"
    cause_connectors: frozenset[str]        # "Jewish Voice for Peace": a group with a cause
    naming_verbs: frozenset[str]            # "a program called Neighbors"
    agency_words: frozenset[str]            # "Portugal's data protection authority"
    office_titles: tuple[tuple[str, ...], ...]  # "Texas Attorney General": a place's office
    national_bodies: frozenset[str]         # "the Turkish government", "the Biden administration"
    legislation_heads: frozenset[str]       # "… Security Act", "Data Broker Law"
    company_suffixes: frozenset[str]        # "Elaman GmbH"
    court_words: frozenset[str]             # "a court in Bologna"
    leading_determiners: frozenset[str]     # dropped from a name's front: "the ACLU"
    short_form_blockers: frozenset[str]     # "ACLU" is not short for "ACLU of Texas"
    alias_participles: frozenset[str]       # "the regulator, known as the AP"
    local_government_nouns: frozenset[str]  # "the City of Norfolk" is Norfolk's government
    role_copulas: frozenset[str]            # "Karp is its chief executive"
    company_roles: frozenset[str]           # "CEO Mark Zuckerberg": only a company has one
    supranational_words: frozenset[str]     # "European Data Protection Board": no country's authority
    organisation_roles: frozenset[str]      # "Fanpage's editor-in-chief": Fanpage is no person
    versus_words: frozenset[str]            # "Mobley v. Workday": the parties of a case

    def descriptor_type(self, word: str, types=("Product", "Company", "GovernmentAgency", "AdvocacyGroup")) -> str:
        word = word.lower()
        for etype in types:
            if word in self.descriptors.get(etype, ()):
                return etype
        return ""


@lru_cache(maxsize=None)
def entity_cues() -> EntityCues:
    data = load_word_lists("entity_cues", [f.name for f in fields(EntityCues)] + ["title_abbreviations"])
    return EntityCues(
        head_words={k: _words(v) for k, v in data["head_words"].items()},
        agency_prefixes=_words(data["agency_prefixes"]),
        cabinet_titles=_words(data["cabinet_titles"]),
        descriptors={k: _words(v) for k, v in data["descriptors"].items()},
        anaphors={k: _words(v) for k, v in data["anaphors"].items()},
        technology_heads=_words(data["technology_heads"]),
        technology_nouns=_words(data["technology_nouns"]),
        technology_kinds=_words(data["technology_kinds"]),
        technique_words=_words(data["technique_words"]),
        roles=_words(data["roles"]),
        role_verbs=_words(data["role_verbs"]),
        not_names=_words(data["not_names"]),
        person_titles=_words(data["person_titles"]) | _words(data["title_abbreviations"]),
        role_organisations={k.lower(): tuple(v) for k, v in data["role_organisations"].items()},
        name_connectors=_words(data["name_connectors"]),
        cause_connectors=_words(data["cause_connectors"]),
        naming_verbs=_words(data["naming_verbs"]),
        agency_words=_words(data["agency_words"]),
        office_titles=tuple(tuple(str(t).lower().split()) for t in data["office_titles"]),
        national_bodies=_words(data["national_bodies"]),
        legislation_heads=_words(data["legislation_heads"]),
        company_suffixes=_words(data["company_suffixes"]),
        court_words=_words(data["court_words"]),
        leading_determiners=_words(data["leading_determiners"]),
        short_form_blockers=_words(data["short_form_blockers"]),
        alias_participles=_words(data["alias_participles"]),
        local_government_nouns=_words(data["local_government_nouns"]),
        role_copulas=_words(data["role_copulas"]),
        company_roles=_words(data["company_roles"]),
        supranational_words=_words(data["supranational_words"]),
        organisation_roles=_words(data["organisation_roles"]),
        versus_words=_words(data["versus_words"]),
    )


@dataclass(frozen=True)
class SyntaxWords:
    """The word lists of ontologies/patterns/syntax_words.yaml, one field per list of the same name."""

    # relations.py: finding a relation's arguments
    relative_pronouns: frozenset[str]       # "Clearview, which sells …"
    object_control_verbs: frozenset[str]    # "ordered Worldcoin to stop"
    wrappers: frozenset[str]                # "the use of Rekognition"
    ownership_nouns: frozenset[str]         # "sold its stake in X": a sale of shares, not of a product
    partitive_words: frozenset[str]         # "one of the first investors in Y"
    example_preps: frozenset[str]           # "systems like Ring"
    product_words: frozenset[str]           # "software that uses face recognition"
    runs_on_verbs: frozenset[str]           # "… that uses", "powered by"
    member_nouns: frozenset[str]            # "researchers at the ACLU"
    generic_heads: frozenset[str]           # "its parent company, Q Cyber"
    unit_nouns: frozenset[str]              # "the Naples bureau of Fanpage"
    populace_nouns: frozenset[str]          # "Chicago residents" are not the city
    undergo_verbs: frozenset[str]           # "X faces a lawsuit from Y"
    party_nouns: frozenset[str]             # "X is a party to the lawsuit"
    payment_nouns: frozenset[str]           # "will pay Figma a termination fee": no sale
    awarding_verbs: frozenset[str]          # "awarded the contract to Microsoft"
    legal_fight_nouns: frozenset[str]       # "a legal challenge to X": a lawsuit
    legal_words: frozenset[str]             # "legal", "court"
    forum_preps: frozenset[str]             # "a complaint with the CNIL against X"
    complaining_verbs: frozenset[str]       # "complained to the CNIL about Criteo"
    examining_verbs: frozenset[str]         # "a study applied the algorithm"
    finding_verbs: frozenset[str]           # "the investigation found that Rite Aid …"
    accusing_verbs: frozenset[str]          # "filed a complaint accusing Ring of …"
    claiming_verbs: frozenset[str]          # "filed suit, alleging that Ring …"
    paying_verbs: frozenset[str]            # "X must pay a fine": the payer is fined
    ruling_verbs: frozenset[str]            # "…, the Garante ruled": who imposes it
    targeting_verbs: frozenset[str]         # "… and fined it": "it" is an organisation
    document_nouns: frozenset[str]          # "released a report accusing Amazon": the author accuses
    blocking_verbs: frozenset[str]          # "sued to block Nvidia's acquisition of Arm"
    # constructions.py and quotes.py
    fleet_nouns: frozenset[str]             # "the city's network of Flock cameras"
    writing_nouns: frozenset[str]           # "writing in a dissent that …"
    # references.py: pronouns and descriptions that point back
    person_pronouns: frozenset[str]         # "he", "her"
    thing_pronouns: frozenset[str]          # "it", "its"
    reporter_pronouns: frozenset[str]       # "IBM said it will …": "it"
    reporting_verbs: frozenset[str]         # "IBM said it will …": "said"
    thing_verbs: frozenset[str]             # "banned police from using it"
    acquiring_verbs: frozenset[str]         # "Motorola, which bought it"
    place_nouns: frozenset[str]             # "the city"


@lru_cache(maxsize=None)
def syntax_words() -> SyntaxWords:
    names = [f.name for f in fields(SyntaxWords)]
    data = load_word_lists("syntax_words", names)
    return SyntaxWords(**{name: _words(data[name]) for name in names})
