"""Relation support across articles, and how resolution shows in the RDF."""
from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import OWL, RDF
from test_resolve_rules import NO_LEXICON, article, ent, rel

from graphkit.graph.rdf import RELATIONS_GRAPH, to_dataset
from graphkit.graph.validate import validate
from graphkit.graph.vocab import DEFAULT_BASE_IRI as BASE
from graphkit.graph.vocab import GK, WD
from graphkit.resolve import resolve
from graphkit.resources import Lexicon, LexiconEntry

ACLU_LONG = ent("e1", "AdvocacyGroup", "American Civil Liberties Union", "American Civil Liberties Union", "ACLU")
RESULTS = [
    article("a1", [ACLU_LONG, ent("e2", "Company", "Amazon")],
            [rel("e1", "criticizes", "e2", 0), rel("e1", "criticizes", "e2", 40)], date="2020-06-10"),
    article("a2", [ent("e1", "AdvocacyGroup", "ACLU"), ent("e2", "Company", "Amazon.com")],
            [rel("e1", "criticizes", "e2", 5), rel("e2", "sues", "e1", 60, status="negated")], date="2019-01-31"),
    article("a3", [ent("e1", "AdvocacyGroup", "ACLU"), ent("e2", "Company", "Amazon")],
            [rel("e1", "criticizes", "e2", 7)]),
]
XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")
LEXICON = Lexicon([LexiconEntry("Amazon", "Company", ("Amazon.com",), "Q3884")])


def summary(ds, s, p, o):
    nodes = [n for n in ds.subjects(RDF.subject, URIRef(BASE + s))
             if (n, RDF.type, GK.Relation) in ds and (n, RDF.predicate, GK[p]) in ds and (n, RDF.object, URIRef(BASE + o)) in ds]
    assert len(nodes) <= 1
    return nodes[0] if nodes else None


def test_support_counts_sentences_and_articles_across_names():
    ds = to_dataset(RESULTS, resolve(RESULTS, lexicon=LEXICON))
    node = summary(ds, "org/american-civil-liberties-union", "criticizes", "org/amazon")
    assert node is not None
    assert ds.value(node, GK.support) == Literal(4)
    assert ds.value(node, GK.articleCount) == Literal(3)
    assert ds.value(node, GK.firstSeen) == Literal("2019-01-31", datatype=XSD_DATE)
    assert ds.value(node, GK.lastSeen) == Literal("2020-06-10", datatype=XSD_DATE)
    summaries = ds.graph(URIRef(BASE + RELATIONS_GRAPH))
    assert (node, GK.support, Literal(4)) in summaries


def test_claims_that_are_not_asserted_get_no_summary():
    ds = to_dataset(RESULTS, resolve(RESULTS, lexicon=LEXICON))
    assert summary(ds, "org/amazon", "sues", "org/american-civil-liberties-union") is None
    assert len(list(ds.subjects(RDF.type, GK.Relation))) == 1


def test_entities_carry_their_wikidata_link_and_type_reason():
    ds = to_dataset(RESULTS, resolve(RESULTS, lexicon=LEXICON))
    amazon = URIRef(BASE + "org/amazon")
    assert (amazon, OWL.sameAs, WD.Q3884) in ds
    assert str(ds.value(amazon, GK.typeReason)).startswith("Company: lexicon entry 'Amazon'")


def test_two_local_entities_merged_into_one_make_one_statement_per_sentence():
    results = [article("a1", [ent("e1", "Company", "Acme Labs"), ent("e2", "Company", "Acme Lab"),
                              ent("e3", "Technology", "facial recognition", reason="lexicon")],
                       [rel("e1", "sells", "e3", 0), rel("e2", "sells", "e3", 0)])]
    res = resolve(results, lexicon=NO_LEXICON)
    # the two names are one company only if resolution merged them; either way the graph is valid
    ds = to_dataset(results, res)
    assert validate(ds).conforms
    statements = set(ds.subjects(RDF.type, GK.Statement))
    subjects = {res.path_of("a1", "e1"), res.path_of("a1", "e2")}
    assert len(statements) == len(subjects)


def test_a_sentence_read_both_ways_keeps_both_statements_and_the_graph_stays_valid():
    results = [article("a1", [ent("e1", "GovernmentAgency", "Santa Cruz Police Department"),
                              ent("e2", "Product", "PredPol", reason="lexicon")],
                       [rel("e1", "uses", "e2", 0), rel("e1", "uses", "e2", 0, status="negated")])]
    ds = to_dataset(results, resolve(results, lexicon=NO_LEXICON))
    statuses = sorted(str(o).rsplit("#", 1)[-1] for o in ds.objects(None, GK.status))
    assert statuses == ["asserted", "negated"]
    assert validate(ds).conforms


def test_the_same_results_give_the_same_quads():
    def quads(results):
        ds = to_dataset(results, resolve(results, lexicon=LEXICON))
        return sorted(ds.serialize(format="nquads").splitlines())

    assert quads(RESULTS) == quads(RESULTS[::-1])
