"""Entity resolution across articles, on hand-made extraction results (no spaCy)."""
from __future__ import annotations

import doctest

import pytest

import graphkit.resolve.names
from graphkit.model import Article, ArticleResult, Entity, Evidence, Relation
from graphkit.resolve import resolve
from graphkit.resources import Lexicon, LexiconEntry, load_lexicon

NO_LEXICON = Lexicon([])


def ent(key, etype, name, *names, reason="NER ORG", wikidata=""):
    return Entity(key=key, type=etype, name=name, names=tuple(names) or (name,), wikidata=wikidata, type_reason=reason)


def rel(s, p, o, start=0, status="asserted"):
    return Relation(subject=s, predicate=p, object=o, evidence=Evidence("A sentence.", start, start + 11),
                    confidence=0.8, method="test.v1", status=status)


def article(aid, entities, relations=(), date=""):
    return ArticleResult(Article(id=aid, text=f"text of {aid}", date=date), tuple(entities), tuple(relations))


def node_of(resolution, aid, key):
    return resolution.entities[resolution.path_of(aid, key)]


def nodes(resolution):
    return {e.label: e for e in resolution.entities.values()}


def test_name_helpers_doctests():
    assert doctest.testmod(graphkit.resolve.names).failed == 0


def test_case_possessive_and_the_fold_to_one_node_and_chapters_stay_apart():
    results = [
        article("a1", [ent("e1", "AdvocacyGroup", "American Civil Liberties Union", "American Civil Liberties Union", "ACLU")]),
        article("a2", [ent("e1", "AdvocacyGroup", "the ACLU's"),
                       ent("e2", "AdvocacyGroup", "ACLU of Northern California", "ACLU of Northern California", "ACLU")],
                [rel("e2", "partOf", "e1")]),
        article("a3", [ent("e1", "AdvocacyGroup", "The American Civil Liberties Union")]),
    ]
    res = resolve(results, lexicon=NO_LEXICON)
    aclu = node_of(res, "a1", "e1")
    assert node_of(res, "a2", "e1") is aclu and node_of(res, "a3", "e1") is aclu
    chapter = node_of(res, "a2", "e2")
    assert chapter is not aclu
    assert "ACLU" not in chapter.names      # the parent's name is not the chapter's
    assert aclu.articles == ["a1", "a2", "a3"]


def test_a_part_of_relation_keeps_close_names_apart():
    results = [
        article("a1", [ent("e1", "Company", "Acme Vision Labs"), ent("e2", "Company", "Acme Visions Lab")],
                [rel("e1", "partOf", "e2")]),
        article("a2", [ent("e1", "Company", "Acme Visions Lab")]),
    ]
    res = resolve(results, lexicon=NO_LEXICON)
    assert node_of(res, "a1", "e1") is not node_of(res, "a1", "e2")


def test_company_and_river_of_one_name_never_merge():
    lexicon = Lexicon([LexiconEntry("Amazon", "Company", ("Amazon.com",), "Q3884")])
    results = [
        article("a1", [ent("e1", "Company", "Amazon.com", reason="lexicon")]),
        article("a2", [ent("e1", "Location", "Amazon", reason="NER LOC")]),
        article("a3", [ent("e1", "Company", "Amazon", reason="NER ORG")]),
    ]
    res = resolve(results, lexicon=lexicon)
    company, river = node_of(res, "a1", "e1"), node_of(res, "a2", "e1")
    assert company is node_of(res, "a3", "e1")
    assert company is not river
    assert (company.path, company.type, company.wikidata) == ("org/amazon", "Company", "Q3884")
    assert (river.path, river.type, river.wikidata) == ("place/amazon", "Location", "")


def test_acronym_and_long_form_in_different_articles_merge():
    results = [
        article("a1", [ent("e1", "GovernmentAgency", "FTC")]),
        article("a2", [ent("e1", "GovernmentAgency", "Federal Trade Commission")]),
        article("a3", [ent("e1", "GovernmentAgency", "U.S. Immigration and Customs Enforcement")]),
        article("a4", [ent("e1", "GovernmentAgency", "ICE")]),
    ]
    res = resolve(results, lexicon=NO_LEXICON)
    assert node_of(res, "a1", "e1") is node_of(res, "a2", "e1")
    assert node_of(res, "a3", "e1") is node_of(res, "a4", "e1")
    assert node_of(res, "a1", "e1").label == "Federal Trade Commission"
    assert "acronym" in node_of(res, "a1", "e1").rules


def test_ambiguous_acronym_merges_with_neither():
    results = [
        article("a1", [ent("e1", "AdvocacyGroup", "Privacy Action Network")]),
        article("a2", [ent("e1", "AdvocacyGroup", "Public Access Now")]),
        article("a3", [ent("e1", "AdvocacyGroup", "PAN")]),
    ]
    res = resolve(results, lexicon=NO_LEXICON)
    assert len({node_of(res, a, "e1").path for a in ("a1", "a2", "a3")}) == 3


def test_names_that_an_article_relates_to_each_other_stay_apart():
    results = [
        article("a1", [ent("e1", "Company", "Acme"), ent("e2", "Company", "Acme Labs")], [rel("e1", "acquires", "e2")]),
        article("a2", [ent("e1", "Company", "Acme Labs")]),
        article("a3", [ent("e1", "Company", "Acme")]),
    ]
    res = resolve(results, lexicon=NO_LEXICON)
    assert node_of(res, "a1", "e1") is not node_of(res, "a1", "e2")
    assert node_of(res, "a2", "e1") is node_of(res, "a1", "e2")
    assert node_of(res, "a3", "e1") is node_of(res, "a1", "e1")


def test_an_article_naming_both_forms_apart_does_not_split_them():
    results = [
        article("a1", [ent("e1", "AdvocacyGroup", "EFF"), ent("e2", "AdvocacyGroup", "Electronic Frontier Foundation")]),
        article("a2", [ent("e1", "AdvocacyGroup", "EFF")]),
    ]
    res = resolve(results, lexicon=NO_LEXICON)
    assert node_of(res, "a1", "e1") is node_of(res, "a1", "e2") is node_of(res, "a2", "e1")


def test_generic_tail_short_forms_merge_but_divisions_do_not():
    results = [
        article("a1", [ent("e1", "Company", "Clearview AI"), ent("e2", "Company", "Google Cloud")]),
        article("a2", [ent("e1", "Company", "Clearview"), ent("e2", "Company", "Google")]),
        article("a3", [ent("e1", "Company", "Palantir Technologies", "Palantir Technologies", "Palantir")]),
        article("a4", [ent("e1", "Company", "Palantir Inc.")]),
    ]
    res = resolve(results, lexicon=NO_LEXICON)
    assert node_of(res, "a1", "e1") is node_of(res, "a2", "e1")
    assert node_of(res, "a1", "e2") is not node_of(res, "a2", "e2")
    assert node_of(res, "a3", "e1") is node_of(res, "a4", "e1")


@pytest.mark.parametrize("a, b, same", [
    ("Andreessen Horowitz", "Andreesen Horowitz", True),
    ("Halvorsen Vision Systems", "Halvorsen Visions Systems", True),
    ("Santa Cruz Police Department", "Santa Ana Police Department", False),
    ("ACLU of Northern California", "ACLU of North Carolina", False),
    ("District 12 Police", "District 13 Police", False),
    ("Vendor1 Systems", "Vendor2 Systems", False),
    ("Springfield3 Police Department", "Springfield4 Police Department", False),
    ("Springfield3 Police Department", "Springfield30 Police Department", False),
    ("Acme Fund II", "Acme Fund III", False),
    ("Vendor1 Systems", "Vendor1 Sytems", True),
])
def test_fuzzy_names_merge_only_when_every_word_matches(a, b, same):
    results = [article("a1", [ent("e1", "Company", a)]), article("a2", [ent("e1", "Company", b)])]
    res = resolve(results, lexicon=NO_LEXICON)
    assert (node_of(res, "a1", "e1") is node_of(res, "a2", "e1")) is same


def test_thirty_numbered_names_stay_thirty_nodes():
    results = [article(f"a{n}", [ent("e1", "GovernmentAgency", f"Springfield{n} Police Department")])
               for n in range(1, 31)]
    res = resolve(results, lexicon=NO_LEXICON)
    assert len({id(node_of(res, f"a{n}", "e1")) for n in range(1, 31)}) == 30


def test_fuzzy_matching_is_guarded_by_type_family():
    results = [article("a1", [ent("e1", "Product", "Halvorsen Vision Systems", reason="lexicon")]),
               article("a2", [ent("e1", "Company", "Halvorsen Visions Systems")])]
    res = resolve(results, lexicon=NO_LEXICON)
    assert node_of(res, "a1", "e1") is not node_of(res, "a2", "e1")


def test_a_surname_joins_the_one_person_it_shares_a_partner_with():
    fftf = ent("e2", "AdvocacyGroup", "Fight for the Future")
    results = [
        article("a1", [ent("e1", "Person", "Evan Greer", "Evan Greer", "Greer", reason="NER PERSON"), fftf],
                [rel("e1", "worksFor", "e2")]),
        article("a2", [ent("e1", "Person", "Greer", reason="NER PERSON"), fftf], [rel("e1", "worksFor", "e2")]),
        article("a3", [ent("e1", "Person", "Greer", reason="NER PERSON")]),
    ]
    res = resolve(results, lexicon=NO_LEXICON)
    assert node_of(res, "a2", "e1") is node_of(res, "a1", "e1")
    assert node_of(res, "a2", "e1").label == "Evan Greer"
    # "Greer" alone with no shared partner: the exact name joins a3 to a2's "Greer" first,
    # and that whole cluster shares Fight for the Future with Evan Greer
    assert node_of(res, "a3", "e1") is node_of(res, "a1", "e1")


def test_a_surname_shared_by_two_people_joins_neither():
    org = ent("e3", "AdvocacyGroup", "Fight for the Future")
    results = [
        article("a1", [ent("e1", "Person", "Evan Greer", reason="NER PERSON"),
                       ent("e2", "Person", "Jane Greer", reason="NER PERSON"), org],
                [rel("e1", "worksFor", "e3"), rel("e2", "worksFor", "e3")]),
        article("a2", [ent("e1", "Person", "Greer", reason="NER PERSON"), org], [rel("e1", "worksFor", "e3")]),
    ]
    res = resolve(results, lexicon=NO_LEXICON)
    assert node_of(res, "a2", "e1").label == "Greer"


def test_type_disagreement_is_decided_by_weighted_evidence_and_explained():
    results = [
        article("a1", [ent("e1", "Company", "Open Rights Foundation", reason="organisation by default")]),
        article("a2", [ent("e1", "AdvocacyGroup", "Open Rights Foundation", reason="head word 'foundation'")]),
        article("a3", [ent("e1", "Company", "Open Rights Foundation", reason="NER ORG")]),
    ]
    res = resolve(results, lexicon=NO_LEXICON)
    node = node_of(res, "a1", "e1")
    assert node.type == "AdvocacyGroup"
    assert node.type_reason.startswith("AdvocacyGroup: weight 4 (head word 'foundation' x1)")
    assert "over Company: weight 1.5" in node.type_reason
    assert node.type_votes == {"AdvocacyGroup": 4.0, "Company": 1.5}


def test_the_lexicon_type_wins_and_user_lexicon_lines_add_aliases():
    bundled = load_lexicon()
    user = Lexicon(bundled.entries + [LexiconEntry("Amazon", "Company", ("AMZN",))])
    results = [
        article("a1", [ent("e1", "AdvocacyGroup", "AMZN", reason="described as 'group'")]),
        article("a2", [ent("e1", "Company", "Amazon", reason="lexicon", wikidata="Q3884")]),
    ]
    res = resolve(results, lexicon=user)
    node = node_of(res, "a1", "e1")
    assert node is node_of(res, "a2", "e1")
    assert (node.type, node.label, node.wikidata) == ("Company", "Amazon", "Q3884")
    assert "lexicon entry 'Amazon'" in node.type_reason and "over AdvocacyGroup" in node.type_reason


def test_different_wikidata_items_are_never_merged_and_get_distinct_iris():
    results = [article("a1", [ent("e1", "Company", "Mercury", wikidata="Q1")]),
               article("a2", [ent("e1", "Company", "Mercury", wikidata="Q2")])]
    res = resolve(results, lexicon=NO_LEXICON)
    paths = sorted(res.entities)
    assert paths == ["org/mercury", "org/mercury-2"]


def test_resolution_does_not_depend_on_input_order():
    results = [
        article("a1", [ent("e1", "Company", "Halvorsen Vision"), ent("e2", "Person", "Ada Lund", reason="NER PERSON")],
                [rel("e2", "worksFor", "e1")]),
        article("a2", [ent("e1", "Company", "Halvorsen Vision Systems"), ent("e2", "Person", "Lund", reason="NER PERSON")],
                [rel("e2", "worksFor", "e1")]),
        article("a3", [ent("e1", "GovernmentAgency", "MPD"), ent("e2", "GovernmentAgency", "Millbrook Police Department")]),
    ]
    one, two = resolve(results, lexicon=NO_LEXICON), resolve(results[::-1], lexicon=NO_LEXICON)
    assert one.entities == two.entities and one.local == two.local
    assert node_of(one, "a1", "e1") is node_of(one, "a2", "e1")
    assert node_of(one, "a2", "e2").label == "Ada Lund"


def test_a_lexicon_name_folded_into_another_known_entity_stays_with_its_own():
    lexicon = Lexicon([LexiconEntry("Amazon", "Company", (), "Q3884"), LexiconEntry("Microsoft", "Company", (), "Q2283")])
    results = [
        article("a1", [ent("e1", "Company", "Amazon", "Amazon", "Microsoft", reason="lexicon", wikidata="Q3884")]),
        article("a2", [ent("e1", "Company", "Microsoft", reason="lexicon", wikidata="Q2283")]),
    ]
    res = resolve(results, lexicon=lexicon)
    amazon, microsoft = node_of(res, "a1", "e1"), node_of(res, "a2", "e1")
    assert amazon is not microsoft
    assert amazon.names == ["Amazon"] and microsoft.names == ["Microsoft"]


def test_a_malformed_wikidata_id_is_not_linked():
    lexicon = Lexicon([LexiconEntry("Acme", "Company", (), "Q12 34")])
    res = resolve([article("a1", [ent("e1", "Company", "Acme", wikidata="not-an-id")])], lexicon=lexicon)
    assert node_of(res, "a1", "e1").wikidata == ""
