"""A person's corrections in resolver.yaml: found by one rule on build, add and remove; rejected and asserted
relations recorded as a person's decision."""
from __future__ import annotations

import re

import pytest
from test_incremental_build import FIRST, SECOND, quads, write

from graphkit.build import BuildOptions, add_articles, build, remove_articles
from graphkit.graph.files import read_graph

pytestmark = pytest.mark.slow


@pytest.fixture
def folders(tmp_path):
    return write(tmp_path / "first", FIRST), write(tmp_path / "second", SECOND)


def types_of(graph, label: str) -> list[str]:
    rows = read_graph(graph).query("SELECT ?t WHERE { ?e rdfs:label ?label ; a ?t }",
                                   initBindings={"label": __import__("rdflib").Literal(label)})
    return sorted(str(t).rsplit("#", 1)[-1] for (t,) in rows)


@pytest.mark.parametrize("later", ["add-nothing", "add-new", "remove"])
def test_a_resolver_file_placed_after_the_first_build_is_applied_by_every_later_update(tmp_path, nlp, folders, later):
    first, second = folders
    graph = tmp_path / "g.nq"
    build([first], graph, BuildOptions(nlp=nlp))
    assert types_of(graph, "Acme Vision") == ["Company"]
    (first / "resolver.yaml").write_text("type:\n  Acme Vision: AdvocacyGroup\n", encoding="utf-8")
    if later == "add-nothing":
        add_articles(graph, [], BuildOptions(nlp=nlp))
    elif later == "add-new":
        add_articles(graph, [second], BuildOptions(nlp=nlp))
    else:
        remove_articles(graph, ["council-ban"])
    assert types_of(graph, "Acme Vision") == ["AdvocacyGroup"]


def test_a_resolver_file_beside_added_articles_holds_for_the_whole_graph_from_then_on(tmp_path, nlp, folders):
    first, second = folders
    (second / "resolver.yaml").write_text("type:\n  Acme Vision: AdvocacyGroup\n", encoding="utf-8")
    graph, full = tmp_path / "g.nq", tmp_path / "full.nq"
    build([first], graph, BuildOptions(nlp=nlp))
    add_articles(graph, [second], BuildOptions(nlp=nlp))
    build([first, second], full, BuildOptions(nlp=nlp))
    assert quads(graph) == quads(full)
    remove_articles(graph, ["aclu-sues"])           # the folder is still one the graph was read from
    assert types_of(graph, "Acme Vision") == ["AdvocacyGroup"]


REJECT = """reject:
  - subject: Acme Vision
    predicate: sellsTo
    object: Springfield Police Department
    by: Jane Roe
    note: the city cancelled the tender before signature
"""
ASSERT = """assert:
  - subject: EFF
    predicate: criticizes
    object: Acme Vision
    by: Jane Roe
    source: https://eff.example/statements/acme
    note: EFF statement of 3 May, read by phone with its press office
"""
SELLS = """ASK { ?s rdfs:label 'Acme Vision' . ?o rdfs:label 'Springfield Police Department' . ?s gk:sellsTo ?o }"""
DECISIONS = """SELECT ?status ?by ?note ?g WHERE { GRAPH ?g { ?st rdf:predicate ?p ; gk:status ?status ;
  gk:decidedBy ?by . OPTIONAL { ?st gk:decisionNote ?note } } }"""


def ask(graph, query) -> bool:
    return bool(read_graph(graph).query(query).askAnswer)


def test_a_rejected_relation_stays_rejected_through_add_and_remove_with_who_decided(tmp_path, nlp, folders):
    from graphkit.graph.validate import validate

    first, second = folders
    graph = tmp_path / "g.trig"
    build([first], graph, BuildOptions(nlp=nlp))
    assert ask(graph, SELLS)
    (first / "resolver.yaml").write_text(REJECT, encoding="utf-8")
    for step in (lambda: add_articles(graph, [second], BuildOptions(nlp=nlp)),
                 lambda: remove_articles(graph, ["council-ban"]),
                 lambda: add_articles(graph, [], BuildOptions(nlp=nlp))):
        step()
        assert not ask(graph, SELLS)
        rows = [tuple(map(str, row)) for row in read_graph(graph).query(DECISIONS)]
        assert [r[:3] for r in rows] == [(str(__import__("graphkit.graph.vocab").graph.vocab.GK.rejected), "Jane Roe",
                                          "the city cancelled the tender before signature")]
        assert not ask(graph, """ASK { ?r a gk:Relation ; rdf:predicate gk:sellsTo }""")
    assert validate(read_graph(graph)).conforms


def test_a_rejection_for_one_article_leaves_the_others(tmp_path, nlp, folders):
    first, second = folders
    (first / "resolver.yaml").write_text(
        "reject:\n  - subject: ACLU\n    predicate: criticizes\n    object: Acme Vision\n    article: acme-sells\n"
        "    by: Jane Roe\n", encoding="utf-8")
    graph = tmp_path / "g.trig"
    build([first, second], graph, BuildOptions(nlp=nlp))
    rows = read_graph(graph).query("""SELECT ?a ?status WHERE { ?st rdf:predicate gk:criticizes ; gk:status ?status ;
        prov:wasDerivedFrom ?a ; rdf:object ?o . ?o rdfs:label 'Acme Vision' }""")
    found = {(str(a).rsplit("/", 1)[-1], str(s).rsplit("#", 1)[-1]) for a, s in rows}
    assert found == {("acme-sells", "rejected"), ("aclu-sues", "asserted")}
    assert ask(graph, "ASK { ?s rdfs:label 'American Civil Liberties Union' ; gk:criticizes ?o . ?o rdfs:label 'Acme Vision' }")


def test_an_asserted_relation_records_who_checked_what_and_reaches_the_exports(tmp_path, nlp, folders):
    import csv

    from graphkit.export import export
    from graphkit.graph.validate import validate

    first, _ = folders
    (first / "resolver.yaml").write_text(ASSERT, encoding="utf-8")
    graph = tmp_path / "g.trig"
    build([first], graph, BuildOptions(nlp=nlp))
    dataset = read_graph(graph)
    [(by, note, source, g)] = [tuple(map(str, r)) for r in dataset.query("""SELECT ?by ?note ?source ?g WHERE {
        GRAPH ?g { ?s gk:criticizes ?o . ?st rdf:subject ?s ; rdf:predicate gk:criticizes ; rdf:object ?o ;
        gk:decidedBy ?by ; gk:decisionNote ?note ; gk:checkedSource ?source } ?o rdfs:label 'Acme Vision' }""")]
    assert (by, source) == ("Jane Roe", "https://eff.example/statements/acme") and g.endswith("graph/corrections")
    assert validate(dataset).conforms
    export(dataset, "csv", tmp_path / "tables")
    with (tmp_path / "tables" / "edges.csv").open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["predicate"] == "criticizes" and r["target_label"] == "Acme Vision"
                and r["source_label"] == "Electronic Frontier Foundation"]
    assert [r["evidence"] for r in rows] == [note]


@pytest.mark.parametrize("text, message", [
    ("reject:\n  - subject: Acme Vision\n    predicate: sellsTo\n    object: Springfield Police Department\n",
     "needs \"by\": who checked it"),
    ("reject:\n  - subject: Acme Vision\n    predicate: sells to\n    object: X\n    by: J\n",
     "predicate 'sells to' is not one of graphkit's relations"),
    ("assert:\n  - subject: A\n    predicate: sues\n    object: B\n    by: J\n    when: today\n", "unknown key 'when'"),
])
def test_malformed_corrections_are_one_sentence(tmp_path, text, message):
    from graphkit.errors import ResourceError
    from graphkit.resolve import load_decisions

    path = tmp_path / "resolver.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ResourceError, match=re.escape(message)):
        load_decisions([path])


def test_corrections_that_find_nothing_are_noted(tmp_path, nlp, folders):
    first, _ = folders
    (first / "resolver.yaml").write_text(
        "reject:\n  - {subject: Hooli, predicate: sues, object: Acme Vision, by: J}\n"
        "  - {subject: ACLU, predicate: sues, object: Acme Vision, by: J}\n", encoding="utf-8")
    report = build([first], tmp_path / "g.nq", BuildOptions(nlp=nlp))
    assert "resolver: reject: Hooli sues Acme Vision: no entity is named Hooli" in report.notes
    assert "resolver: reject: ACLU sues Acme Vision: no article states it" in report.notes


def test_a_statement_with_neither_offsets_nor_a_person_breaks_the_contract(tmp_path, nlp, folders):
    from rdflib import URIRef

    from graphkit.graph.validate import validate
    from graphkit.graph.vocab import GK

    first, _ = folders
    graph = tmp_path / "g.trig"
    build([first], graph, BuildOptions(nlp=nlp))
    dataset = read_graph(graph)
    stmt = next(dataset.subjects(GK.status, GK.asserted))
    for g in dataset.graphs():
        g.remove((stmt, GK.startChar, None))
    assert not validate(dataset).conforms
    assert isinstance(stmt, URIRef)
