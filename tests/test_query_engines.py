"""Every saved query gives the same answers on rdflib and on Oxigraph, bound or not."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef
from test_store_roundtrip import sample_dataset

from graphkit.errors import QueryError
from graphkit.graph.files import write_graph
from graphkit.graph.store import open_graph
from graphkit.graph.terms import short, term_parts
from graphkit.graph.vocab import DEFAULT_BASE_IRI
from graphkit.query.oxigraph import run_sparql
from graphkit.query.readonly import UpdateRefused
from graphkit.query.sparql import QueryResult, parse_binding, run_query, saved_queries, sparql_json, with_values

SAVED = sorted(saved_queries())
# one binding per query that takes a name: (bindings, a value every answer row must contain)
FOCUS = {
    "critics-of": (["targetName=V3"], "Vendor 3"),
    "relations-of": (["name=Vendor 2"], "Vendor 2"),
    "evidence-for-relation": (["subjectName=Vendor 1", "predicate=gk:sells"], "Vendor 1"),
    "who-sells-what-to-whom": (["vendorName=V0"], "Vendor 0"),
    "about-entity": ([f"entity=<{DEFAULT_BASE_IRI}org/vendor-4>"], f"{DEFAULT_BASE_IRI}org/vendor-4"),
    "largest-penalties": (["currency=EUR"], "EUR"),
    "largest-contracts": (["currency=USD"], "USD"),
}


@pytest.fixture(scope="module")
def engines(tmp_path_factory):
    """The same sample graph as an rdflib Dataset and as an Oxigraph store folder."""
    dataset = sample_dataset()
    store = tmp_path_factory.mktemp("engines") / "sample.oxigraph"
    write_graph(dataset, store)
    return dataset, open_graph(store)


def rows(result) -> list[tuple[str, ...]]:
    return [tuple("" if t is None else term_parts(t)[1] for t in row) for row in result.rows]


@pytest.mark.parametrize("name", SAVED)
def test_saved_query_lists_the_same_on_both_engines(engines, name):
    dataset, store = engines
    text = saved_queries()[name].text
    on_rdflib, on_oxigraph = rows(run_query(dataset, text)), rows(run_sparql(store, text))
    assert sorted(on_rdflib) == sorted(on_oxigraph)
    assert on_oxigraph, f"{name} finds nothing in the sample graph"


@pytest.mark.parametrize("name", sorted(FOCUS))
def test_a_bound_name_narrows_the_answer_alike(engines, name):
    dataset, store = engines
    text = saved_queries()[name].text
    binds, expected = FOCUS[name]
    bindings = dict(parse_binding(b) for b in binds)
    on_rdflib, on_oxigraph = rows(run_query(dataset, text, bindings=bindings)), rows(run_sparql(store, text, bindings=bindings))
    everything = rows(run_sparql(store, text))
    assert sorted(on_rdflib) == sorted(on_oxigraph)
    assert on_oxigraph and len(on_oxigraph) < len(everything)
    assert all(expected in row for row in on_oxigraph), on_oxigraph[:3]


def test_ordered_answers_keep_their_order(engines):
    dataset, store = engines
    text = "SELECT ?name WHERE { ?e a gk:Company ; rdfs:label ?name } ORDER BY DESC(?name)"
    names = [r[0] for r in rows(run_sparql(store, text))]
    assert names == sorted(names, reverse=True) == [r[0] for r in rows(run_query(dataset, text))]


@pytest.mark.slow
@pytest.mark.parametrize("name", SAVED)
def test_saved_query_on_the_example_graph(example_graph, example_graph_path, name):
    text = saved_queries()[name].text
    assert sorted(rows(run_query(example_graph, text))) == sorted(rows(run_sparql(open_graph(example_graph_path), text)))


# -- the query text ----------------------------------------------------------
def test_values_open_the_where_clause_after_a_construct_template():
    bindings = {"name": ox.Literal('Acme "}" # not a comment'), "e": ox.NamedNode("https://x.org/e")}
    text = "PREFIX a: <https://x.org/{>\n# WHERE {\nCONSTRUCT { ?e a:p ?name } WHERE { ?e a:p \"{\" }"
    bound = with_values(text, bindings)
    assert bound.endswith('WHERE { VALUES (?name ?e) { ("Acme \\"}\\" # not a comment" <https://x.org/e>) } ?e a:p "{" }')
    assert with_values("SELECT * { ?s ?p ?o }", {"s": ox.NamedNode("https://x.org/s")}) == \
        "SELECT * { VALUES (?s) { (<https://x.org/s>) } ?s ?p ?o }"
    assert with_values("ASK { ?s ?p ?o }", {}) == "ASK { ?s ?p ?o }"


def test_a_bound_value_cannot_change_the_query(engines):
    _, store = engines
    hostile = Literal('x" } } INSERT DATA { <a:b> <a:c> <a:d> } #')
    result = run_sparql(store, "SELECT ?e WHERE { ?e rdfs:label ?name }", bindings={"name": hostile})
    assert result.rows == []


def test_updates_and_service_calls_are_refused(engines):
    dataset, store = engines
    for run in (lambda q: run_query(dataset, q), lambda q: run_sparql(store, q)):
        with pytest.raises(UpdateRefused):
            run("PREFIX a: <https://x.org/> INSERT DATA { a:b a:c a:d }")
        with pytest.raises(QueryError, match="SERVICE clauses are refused"):
            run("SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }")
    assert run_sparql(store, 'SELECT * WHERE { ?s rdfs:label "SERVICE" }').rows == []


def test_syntax_errors_point_into_the_users_text(engines):
    _, store = engines
    # the object is missing: Oxigraph notices at the closing brace, on the user's line 4 (no prefix lines counted)
    with pytest.raises(QueryError, match=r"line 4, column \d+ near '}'"):
        run_sparql(store, "SELECT ?s WHERE {\n  ?s ?p ?o .\n  ?s ?p\n}")
    with pytest.raises(QueryError, match=r"line 2, .*near 'nope:thing'.*undeclared prefix nope:"):
        run_sparql(store, "SELECT ?s WHERE {\n  ?s nope:thing ?o }")


def test_bindings_read_iris_prefixed_names_and_text():
    assert parse_binding("p=gk:sells") == ("p", URIRef("https://w3id.org/graphkit/ontology#sells"))
    assert parse_binding("?e=<https://x.org/a>") == ("e", URIRef("https://x.org/a"))
    assert parse_binding("name=Amazon: the company") == ("name", Literal("Amazon: the company"))
    assert parse_binding("name=zz:unknown") == ("name", Literal("zz:unknown"))
    with pytest.raises(QueryError, match="must look like NAME=VALUE"):
        parse_binding("Amazon")


def test_terms_of_both_libraries_format_alike():
    pairs = [(URIRef(DEFAULT_BASE_IRI + "org/a"), ox.NamedNode(DEFAULT_BASE_IRI + "org/a")),
             (Literal("x", lang="fr"), ox.Literal("x", language="fr")),
             (Literal("7", datatype=URIRef("http://www.w3.org/2001/XMLSchema#integer")),
              ox.Literal("7", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))),
             (Literal("plain"), ox.Literal("plain"))]
    for rdflib_term, oxigraph_term in pairs:
        assert term_parts(rdflib_term) == term_parts(oxigraph_term)
        assert short(rdflib_term) == short(oxigraph_term)
    assert short(ox.NamedNode(DEFAULT_BASE_IRI + "org/a")) == "gkid:org/a"
    both = [QueryResult("select", ["v"], [(r,)]) for r in (Literal("plain"), ox.Literal("plain"))]
    assert sparql_json(both[0]) == sparql_json(both[1]) == {
        "head": {"vars": ["v"]}, "results": {"bindings": [{"v": {"type": "literal", "value": "plain"}}]}}
