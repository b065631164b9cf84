"""Extraction rules on sentences written for these tests: (sentence, triples it must give).

Each case exercises one construction of general English (passive, apposition,
relative clause, coordination, nominal form, quote …), not a sentence of the
development set. Names are compared after graphkit's normalisation.
"""
from __future__ import annotations

import pytest

from graphkit.ids import normalize_name
from graphkit.model import Article

pytestmark = pytest.mark.slow

ASSERTED = [
    # sells / sellsTo / develops / instanceOf
    ("Veridian Labs sells its FaceTrace software to the Oakdale Police Department.",
     {("Veridian Labs", "sells", "FaceTrace"), ("Veridian Labs", "sellsTo", "Oakdale Police Department")}),
    ("The Oakdale Police Department uses FaceTrace, a facial recognition tool made by Veridian Labs.",
     {("Oakdale Police Department", "uses", "FaceTrace"), ("FaceTrace", "instanceOf", "facial recognition"),
      ("Veridian Labs", "develops", "FaceTrace")}),
    ("Northwind Analytics develops predictive policing software.", {("Northwind Analytics", "develops", "predictive policing")}),
    ("Brightlane, which makes video doorbells, partnered with hundreds of police departments.",
     {("Brightlane", "develops", "video doorbells"), ("Brightlane", "partnersWith", "police")}),
    ("Skyward Systems develops and sells gunshot detection sensors.",
     {("Skyward Systems", "develops", "gunshot detection"), ("Skyward Systems", "sells", "gunshot detection")}),
    # fines, sues, investigates, tests
    ("The Federal Trade Commission fined Brightlane Inc. $3 million on Monday.", {("Federal Trade Commission", "fines", "Brightlane")}),
    ("Brightlane was fined $3 million by the Federal Trade Commission.", {("Federal Trade Commission", "fines", "Brightlane")}),
    ("The regulator imposed a $2 million penalty on Harbor Systems.", set()),
    ("The Electronic Frontier Foundation sued the city of Millport over its use of drones.",
     {("Electronic Frontier Foundation", "sues", "Millport"), ("Millport", "uses", "drones")}),
    ("The Information Commissioner's Office opened an investigation into Brightlane.",
     {("Information Commissioner's Office", "investigates", "Brightlane")}),
    ("Researchers at the Algorithmic Justice League tested FaceTrace and found large error rates.",
     {("Algorithmic Justice League", "tests", "FaceTrace")}),
    ("Brightlane agreed to pay $4 million to settle the FTC's charges.",
     {("FTC", "fines", "Brightlane"), ("FTC", "sues", "Brightlane")}),
    # criticizes, supports, calls to ban
    ("Amnesty International criticized Harbor Systems for selling spyware to foreign governments.",
     {("Amnesty International", "criticizes", "Harbor Systems")}),
    ("The Brennan Center praised the Millport City Council for its decision.",
     {("Brennan Center for Justice", "supports", "Millport City Council")}),
    ("Privacy International has called for a global moratorium on the sale of spyware.",
     {("Privacy International", "criticizes", "spyware")}),
    # bans, stopsSelling
    ("The Millport City Council voted to ban facial recognition.", {("Millport City Council", "bans", "facial recognition")}),
    ("Veridian Labs said it would stop selling FaceTrace to police.", {("Veridian Labs", "stopsSelling", "FaceTrace")}),
    ("Harbor Systems said it will no longer offer its ShadowNet spyware.", {("Harbor Systems", "stopsSelling", "ShadowNet")}),
    # partOf, acquires, funds, partnersWith
    ("Harbor Systems acquired Tidewater Robotics in 2021.", {("Harbor Systems", "acquires", "Tidewater Robotics")}),
    ("Tidewater Robotics, a subsidiary of Harbor Systems, builds surveillance drones.",
     {("Tidewater Robotics", "partOf", "Harbor Systems"), ("Tidewater Robotics", "develops", "drones")}),
    ("The ACLU of Texas filed a brief in the case.", {("ACLU of Texas", "partOf", "American Civil Liberties Union")}),
    ("Greenfield Ventures invested in Northwind Analytics last year.", {("Greenfield Ventures", "funds", "Northwind Analytics")}),
    ("Northwind Analytics' latest round was led by Greenfield Ventures.", {("Greenfield Ventures", "funds", "Northwind Analytics")}),
    ("Veridian Labs signed a contract with the Oakdale Police Department.",
     {("Veridian Labs", "partnersWith", "Oakdale Police Department")}),
    ("Meridian Bank's customers include the Oakdale Police Department and the city of Millport.",
     set()),
    ("Skyward Systems' customers include the Oakdale Police Department.", {("Skyward Systems", "sellsTo", "Oakdale Police Department")}),
    # worksFor and quotes
    ("Dana Cole, a spokeswoman for Veridian Labs, defended the contract.",
     {("Dana Cole", "worksFor", "Veridian Labs")}),
    ("\"FaceTrace is dangerous and racist,\" said Maria Lopez, a policy director at the Surveillance Technology Oversight Project.",
     {("Maria Lopez", "worksFor", "Surveillance Technology Oversight Project"), ("Maria Lopez", "criticizes", "FaceTrace"),
      ("Surveillance Technology Oversight Project", "criticizes", "FaceTrace")}),
    ("Maria Lopez works for the Surveillance Technology Oversight Project. \"The council made the right call,\" Lopez said, "
     "referring to the Millport City Council.", {("Maria Lopez", "worksFor", "Surveillance Technology Oversight Project")}),
]

ASSERTED += [
    ("According to records obtained by reporters, the Riverside Sheriff's Office bought licenses for FaceTrace "
     "from Veridian Labs.", {("Veridian Labs", "sellsTo", "Riverside Sheriff's Office")}),
    ("Veridian Labs has sold its software to more than 600 law enforcement agencies.", {("Veridian Labs", "sellsTo", "police")}),
    ("The European Commission opened a formal investigation into Brightlane's data practices.",
     {("European Commission", "investigates", "Brightlane")}),
    ("Human Rights Watch urged governments to ban autonomous weapons.", {("Human Rights Watch", "criticizes", "autonomous weapons")}),
    ("Microsoft, which owns LinkedIn, said it supports the bill.", {("LinkedIn", "partOf", "Microsoft")}),
    ("Sequoia Capital led a $20 million funding round in Northwind Analytics.", {("Sequoia Capital", "funds", "Northwind Analytics")}),
    ("The Department of Homeland Security awarded Harbor Systems a $30 million contract.",
     {("Harbor Systems", "partnersWith", "Department of Homeland Security")}),
    ("Axon announced it would pause the sale of drones to police departments.", {("Axon", "stopsSelling", "drones")}),
    ("The Electronic Privacy Information Center filed a complaint with the FTC against Brightlane.",
     {("Electronic Privacy Information Center", "sues", "Brightlane")}),
    ("Britain's Information Commissioner's Office fined Clearview AI £7.5 million.",
     {("Information Commissioner's Office", "fines", "Clearview AI")}),
    ("NIST evaluated 189 face recognition algorithms from 99 developers.", {("NIST", "tests", "facial recognition")}),
    ("Palantir provides its Gotham platform to the Los Angeles Police Department.",
     {("Palantir Technologies", "sells", "Gotham"), ("Palantir Technologies", "sellsTo", "Los Angeles Police Department")}),
    ("ShotSpotter has been deployed by the Millport Police Department since 2019.",
     {("Millport Police Department", "uses", "ShotSpotter")}),
    ("Jane Ortiz, who heads the privacy program at Access Now, called the ruling a victory.", {("Jane Ortiz", "worksFor", "Access Now")}),
    ("Access Now's Jane Ortiz called the ruling a victory.", {("Jane Ortiz", "worksFor", "Access Now")}),
    ("Veridian Labs chief executive Raj Patel said the company would appeal.", {("Raj Patel", "worksFor", "Veridian Labs")}),
    ("Harbor Systems was acquired by Meridian Holdings last year.", {("Meridian Holdings", "acquires", "Harbor Systems")}),
    ("Meridian Holdings' acquisition of Harbor Systems closed in June.", {("Meridian Holdings", "acquires", "Harbor Systems")}),
    ("The ban on facial recognition by the Oakland City Council took effect in July.",
     {("Oakland City Council", "bans", "facial recognition")}),
    ("Fight for the Future has repeatedly criticized Amazon over Ring's partnerships with police.",
     {("Fight for the Future", "criticizes", "Amazon")}),
]

ASSERTED += [
    ('Tidewater Robotics is owned by Harbor Systems.',
     {('Tidewater Robotics', 'partOf', 'Harbor Systems')}),
    ('Harbor Systems announced a partnership with the Port of Eastport.',
     {('Harbor Systems', 'partnersWith', 'Port of Eastport')}),
    ('The Oakdale Police Department has been using FaceTrace since 2020.',
     {('Oakdale Police Department', 'uses', 'FaceTrace')}),
    ('FaceTrace is used by at least 40 police departments.',
     {('police', 'uses', 'FaceTrace')}),
    ('The lawsuit against Veridian Labs was filed by the Institute for Justice.',
     {('Institute for Justice', 'sues', 'Veridian Labs')}),
    ('Veridian Labs faces a lawsuit from the Institute for Justice.',
     {('Institute for Justice', 'sues', 'Veridian Labs')}),
    ('The Ada Lovelace Institute published an audit of FaceTrace.',
     {('Ada Lovelace Institute', 'tests', 'FaceTrace')}),
    ('An audit by the Ada Lovelace Institute found that FaceTrace misidentified women.',
     {('Ada Lovelace Institute', 'tests', 'FaceTrace')}),
    ('Veridian Labs was founded by Raj Patel, who remains its chief executive.',
     {('Raj Patel', 'worksFor', 'Veridian Labs')}),
    ('Northwind Analytics, backed by Greenfield Ventures, sells predictive policing tools to sheriffs.',
     {('Northwind Analytics', 'sells', 'predictive policing'), ('Greenfield Ventures', 'funds', 'Northwind Analytics')}),
    ('The Millport City Council approved a $2 million contract with Veridian Labs for FaceTrace.',
     {('Millport City Council', 'partnersWith', 'Veridian Labs')}),
    ('The Garante fined Clearview AI 20 million euros and ordered it to delete the data.',
     {('Garante', 'fines', 'Clearview AI')}),
    ('The Federal Communications Commission is investigating Harbor Systems.',
     {('Federal Communications Commission', 'investigates', 'Harbor Systems')}),
    ('Harbor Systems is under investigation by the Federal Communications Commission.',
     {('Federal Communications Commission', 'investigates', 'Harbor Systems')}),
    ('Amazon, the owner of Ring, said it would review the program.',
     {('Ring', 'partOf', 'Amazon')}),
    ('Ring, a subsidiary of Amazon, makes video doorbells.',
     {('Ring', 'develops', 'video doorbells'), ('Ring', 'partOf', 'Amazon')}),
    ("Lumora Labs' StrideID software identifies people by how they walk.",
     {('Lumora Labs', 'sells', 'StrideID')}),
    ('EFF senior staff attorney Adam Schwartz criticized the plan.',
     {('Adam Schwartz', 'worksFor', 'Electronic Frontier Foundation')}),
]

ASSERTED += [
    ("\"This surveillance technology must be stopped.\"\n\n\u2014Maria Lopez, Surveillance Technology Oversight Project",
     {("Maria Lopez", "worksFor", "Surveillance Technology Oversight Project"),
      ("Maria Lopez", "criticizes", "surveillance technology")}),
    ("\"We have enormous respect for Veridian Labs,\" said Dana Cole, a spokeswoman for the Oakdale Police Department.",
     {("Dana Cole", "supports", "Veridian Labs"), ("Oakdale Police Department", "supports", "Veridian Labs")}),
    ("\"Switching FaceTrace off would mean slower help for victims,\" said Dana Cole, a spokeswoman for Veridian Labs.",
     {("Dana Cole", "supports", "FaceTrace")}),
    # a past-tense clause of time states its own fact, whatever the main clause promises
    ("When Harbor Systems acquired Lumen Vision in 2019, it promised to keep the team together.",
     {("Harbor Systems", "acquires", "Lumen Vision")}),
    # the possessor of what a protest is against
    ("Privacy Watch, a group that has organized protests against Veridian Labs's police contracts, called the deal a mistake.",
     {("Privacy Watch", "criticizes", "Veridian Labs")}),
    # the technique inside a generic product
    ("Veridian Labs, which sells software that uses facial recognition to scan crowds, declined to comment.",
     {("Veridian Labs", "sells", "facial recognition")}),
    # "Name (ACR), a group that …" with the apposition hung elsewhere by the parser
    ("Lawmakers heard from the Coalition for Fair Policing (CFP), a group that campaigns against predictive policing.",
     {("Coalition for Fair Policing", "criticizes", "predictive policing")}),
    # "the drugstore chain of hiding …" is still a reference to the chain named before
    ("The Oakdale Privacy Board fined Marlow Drugstores Inc. last year. "
     "The board accused the drugstore chain of hiding the cameras from shoppers.",
     {("Oakdale Privacy Board", "criticizes", "Marlow Drugstores")}),
    # "it" bought by a company is the company named before, not the technology
    ("Lumen Vision, now a unit of Harbor Systems, which bought it in 2019, sells license plate readers to police.",
     {("Harbor Systems", "acquires", "Lumen Vision")}),
    # a judging phrase
    ('"Veridian Labs is building the machinery of mass surveillance," said Omar Haddad, a lawyer at Privacy Watch.',
     {("Omar Haddad", "criticizes", "Veridian Labs"), ("Privacy Watch", "criticizes", "Veridian Labs")}),
    # a neutral verb that criticises when negated
    ('"Veridian Labs has never shown that FaceTrace works on darker faces," said Omar Haddad of Privacy Watch.',
     {("Omar Haddad", "criticizes", "Veridian Labs")}),
    # a person misread as an organisation by the tagger is a person when a role describes them
    ('"FaceTrace was the wrong project from the first day," said Ana Ruiz, a software engineer at Veridian Labs.',
     {("Ana Ruiz", "worksFor", "Veridian Labs"), ("Ana Ruiz", "criticizes", "FaceTrace")}),
]

NOT_ASSERTED = [
    # (sentence, triple that must not be a direct triple, status it must be kept with, or "" for none)
    ("Veridian Labs denied selling FaceTrace to the Oakdale Police Department.",
     ("Veridian Labs", "sells", "FaceTrace"), "denied"),
    ("Harbor Systems does not sell spyware.", ("Harbor Systems", "sells", "spyware"), "negated"),
    ("Oakdale could buy FaceTrace from Veridian Labs next year.", ("Veridian Labs", "sellsTo", "Oakdale"), ""),
    ("If the council agrees, the Oakdale Police Department will use FaceTrace.",
     ("Oakdale Police Department", "uses", "FaceTrace"), "hypothetical"),
    ("Will Veridian Labs sell FaceTrace to the Oakdale Police Department?", ("Veridian Labs", "sells", "FaceTrace"), "hypothetical"),
    ("Harbor Systems allegedly sold spyware to foreign governments.", ("Harbor Systems", "sells", "spyware"), "alleged"),
    ("IBM said it will no longer sell facial recognition.", ("IBM", "sells", "facial recognition"), ""),
    # the company has worked for the police, not the investor listed before the comma
    ("Veridian Labs, which was founded by a group that included the investor Daniel Price, has worked for the "
     "Oakdale Police Department since 2015.", ("Daniel Price", "worksFor", "Oakdale Police Department"), ""),
    # an engineer speaks for herself, not for her company
    ('"FaceTrace was the wrong project from the first day," said Ana Ruiz, a software engineer at Veridian Labs.',
     ("Veridian Labs", "criticizes", "FaceTrace"), ""),
]


def extract(extractor, text):
    result = next(extractor.extract([Article(id="case", text=text)]))
    names = {e.key: {normalize_name(n) for n in (e.name, *e.names)} for e in result.entities}
    return result, names


def has(result, names, triple, status="asserted"):
    s, p, o = triple
    pairs = [(normalize_name(s), normalize_name(o))] + ([(normalize_name(o), normalize_name(s))] if p == "partnersWith" else [])
    return any(r.predicate == p and r.status == status and a in names[r.subject] and b in names[r.object]
               for r in result.relations for a, b in pairs)


@pytest.mark.parametrize("text, expected", ASSERTED, ids=[t[:40] for t, _ in ASSERTED])
def test_asserted_relations(extractor, text, expected):
    result, names = extract(extractor, text)
    missing = [t for t in expected if not has(result, names, t)]
    assert not missing, f"missing {missing}; got {[(r.subject, r.predicate, r.object, r.status) for r in result.relations]}"


@pytest.mark.parametrize("text, triple, status", NOT_ASSERTED, ids=[t[:40] for t, _, _ in NOT_ASSERTED])
def test_claims_that_are_not_facts(extractor, text, triple, status):
    result, names = extract(extractor, text)
    assert not has(result, names, triple), f"{triple} must not be asserted"
    if status:
        assert has(result, names, triple, status), f"{triple} should be kept as {status}"


def test_denial_records_the_speaker(extractor):
    result, names = extract(extractor, "Veridian Labs denied selling FaceTrace to the Oakdale Police Department.")
    denied = [r for r in result.relations if r.status == "denied"]
    assert denied and all("veridian labs" in names[r.speaker] for r in denied)


def test_every_relation_carries_evidence_and_confidence(extractor):
    text = "Harbor Systems acquired Tidewater Robotics in 2021. The Federal Trade Commission fined Harbor Systems."
    result, _ = extract(extractor, text)
    assert result.relations
    for r in result.relations:
        assert text[r.evidence.start:r.evidence.end] == r.evidence.text
        assert 0 < r.confidence <= 1 and r.method.startswith("graphkit.")


TYPED = [
    # the description next to a name outranks what its head word suggests
    ("More than a thousand scientists signed a letter from the Committee for Safe Robotics (CSR), "
     "a group that campaigns for a treaty.", "Committee for Safe Robotics", "AdvocacyGroup"),
    # a thing given a name is what it is called, whatever its last word
    ("Its police work now runs through a program called the Oakdale Public Safety Service.",
     "Oakdale Public Safety Service", "Product"),
    # a person the tagger read as an organisation, described by a role
    ('"It was a mistake," said Ana Ruiz, a software engineer at Veridian Labs.', "Ana Ruiz", "Person"),
]


@pytest.mark.parametrize("text, name, etype", TYPED, ids=[n for _, n, _ in TYPED])
def test_entity_types_from_context(extractor, text, name, etype):
    result, _ = extract(extractor, text)
    types = {e.name: e.type for e in result.entities}
    assert types.get(name) == etype, types
