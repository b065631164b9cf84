"""RDF exports read back by rdflib and pyoxigraph, JSON-LD expanded by pyld: nothing lost, nothing added."""
from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from pyld import jsonld
from rdflib import Dataset, Graph, URIRef
from test_export_sample import SELL_1, sample_dataset, truth, write_sample

from graphkit.export import export
from graphkit.graph.vocab import GK, ONTOLOGY_IRI
from graphkit.model import ENTITY_TYPES, PREDICATES
from graphkit.resources import ontology_dir, ontology_path

QUAD_FORMATS = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}
TRIPLE_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "rdfxml": ox.RdfFormat.RDF_XML}
RDFLIB_NAMES = {"trig": "trig", "nquads": "nquads", "turtle": "turtle", "ntriples": "nt", "rdfxml": "xml"}


def source_quads(graph_file) -> set:
    return set(ox.parse(path=str(graph_file), format=ox.RdfFormat.TRIG))


def triples_of(quads) -> set:
    return {ox.Triple(q.subject, q.predicate, q.object) for q in quads}


def check_rdf_round_trip(graph_file, dataset, fmt, out):
    export(dataset, fmt, out)
    expected = source_quads(graph_file)
    if fmt in QUAD_FORMATS:
        assert set(ox.parse(path=str(out), format=QUAD_FORMATS[fmt])) == expected
        again = Dataset()
        again.parse(str(out), format=RDFLIB_NAMES[fmt])
        assert len(list(again.quads((None, None, None, None)))) == len(expected)
        assert {str(g.identifier) for g in again.graphs() if len(g)} == {q.graph_name.value for q in expected}
    else:
        assert triples_of(ox.parse(path=str(out), format=TRIPLE_FORMATS[fmt])) == triples_of(expected)
        assert len(Graph().parse(str(out), format=RDFLIB_NAMES[fmt])) == len(triples_of(expected))


@pytest.mark.parametrize("fmt", [*QUAD_FORMATS, *TRIPLE_FORMATS])
def test_sample_round_trips_through_rdflib_and_pyoxigraph(tmp_path, fmt):
    graph_file = write_sample(tmp_path / "sample.trig")
    check_rdf_round_trip(graph_file, sample_dataset(), fmt, tmp_path / f"out.{fmt}")


def test_line_formats_are_sorted_so_exports_diff_cleanly(tmp_path):
    export(sample_dataset(), "nquads", tmp_path / "a.nq")
    lines = (tmp_path / "a.nq").read_text(encoding="utf-8").splitlines()
    assert lines == sorted(lines) and len(lines) == len(source_quads(write_sample(tmp_path / "s.trig")))


def expanded_quads(document: dict) -> set:
    return set(ox.parse(jsonld.to_rdf(document, {"format": "application/n-quads"}).encode("utf-8"),
                        format=ox.RdfFormat.N_QUADS))


def test_jsonld_expands_with_pyld_to_exactly_the_source_quads(tmp_path):
    graph_file = write_sample(tmp_path / "sample.trig")
    export(sample_dataset(), "jsonld", tmp_path / "g.jsonld")
    document = json.loads((tmp_path / "g.jsonld").read_text(encoding="utf-8"))
    assert expanded_quads(document) == source_quads(graph_file)


def nodes_of(document: dict) -> list[dict]:
    return [node for graph in document["@graph"] for node in graph.get("@graph", [graph])]


def test_jsonld_reads_naturally_with_the_shipped_context(tmp_path):
    export(sample_dataset(), "jsonld", tmp_path / "g.jsonld")
    document = json.loads((tmp_path / "g.jsonld").read_text(encoding="utf-8"))
    shipped = json.loads((ontology_dir() / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    assert document["@context"] == shipped
    nodes = nodes_of(document)
    company = next(n for n in nodes if n.get("type") == "Company" and n["label"] == "Acme Corp")
    assert company["aliases"] == ["Acme"] and company["sameAs"] == "wd:Q4674"
    seller = next(n for n in nodes if "sellsTo" in n)
    assert seller["id"] == company["id"]
    statement = next(n for n in nodes if n.get("type") == "Statement" and n.get("evidence") == SELL_1
                     and n.get("predicate") == "sellsTo")
    assert statement["status"] == "asserted" and statement["derivedFrom"].endswith("article/acme-contract")
    article = next(n for n in nodes if n.get("type") == "Article" and n.get("url"))
    assert article["date"] == "2021-03-04" and article["title"] == "Acme wins police contract"


def test_context_defines_every_type_and_predicate_declared_in_the_ontology():
    context = json.loads((ontology_dir() / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    ontology = Graph().parse(ontology_path(), format="turtle")
    for name in (*ENTITY_TYPES, "Article", "Statement"):
        assert context[name] == f"gk:{name}" and (GK[name], None, None) in ontology
    for name in PREDICATES:
        assert context[name] == {"@id": f"gk:{name}", "@type": "@id"}
        assert (URIRef(ONTOLOGY_IRI + name), None, None) in ontology
    expanded = jsonld.expand({"@context": context, "@id": "https://example.org/x", "worksFor": "https://example.org/y"})
    assert expanded[0][ONTOLOGY_IRI + "worksFor"] == [{"@id": "https://example.org/y"}]


@pytest.mark.slow
@pytest.mark.parametrize("fmt", [*QUAD_FORMATS, *TRIPLE_FORMATS])
def test_example_graph_round_trips(example_graph_path, example_graph, tmp_path, fmt):
    check_rdf_round_trip(example_graph_path, example_graph, fmt, tmp_path / f"out.{fmt}")


@pytest.mark.slow
def test_example_jsonld_keeps_known_facts_and_their_evidence(example_graph_path, example_graph, tmp_path):
    export(example_graph, "jsonld", tmp_path / "g.jsonld")
    document = json.loads((tmp_path / "g.jsonld").read_text(encoding="utf-8"))
    assert expanded_quads(document) == source_quads(example_graph_path)
    expanded = jsonld.expand(document)
    nodes = [node for graph in expanded for node in graph.get("@graph", [graph])]
    facts = truth(example_graph)
    for s, predicate, o in facts.known_facts():
        assert any(n["@id"] == s and {"@id": o} in n.get(ONTOLOGY_IRI + predicate, []) for n in nodes)
        statements = [n for n in nodes if _statement_of(n) == (s, predicate, o)]
        sentences = {value["@value"] for n in statements for value in n.get(str(GK.evidence), [])}
        assert sentences and sentences >= {e["text"] for e in facts.facts[(s, predicate, o)]}


def _statement_of(node: dict) -> tuple[str, str, str]:
    rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    ends = [node.get(rdf + part, [{}])[0].get("@id", "") for part in ("subject", "predicate", "object")]
    return ends[0], ends[1][len(ONTOLOGY_IRI):], ends[2]
