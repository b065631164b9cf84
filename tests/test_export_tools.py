"""GraphML and GEXF read back by networkx and igraph, Cytoscape.js JSON by networkx: nodes, edges, evidence."""
from __future__ import annotations

import json
import re
from xml.etree import ElementTree

import igraph
import networkx as nx
import pytest
from test_export_sample import SELL_1, SELL_2, sample_dataset, truth

from graphkit.export import export


def read_graphml_networkx(path):
    return nx.read_graphml(path, force_multigraph=True)


def read_gexf_networkx(path):
    return nx.MultiDiGraph(nx.read_gexf(path))


def read_cytoscape(path):
    """Cytoscape.js elements JSON, read by the rules Cytoscape.js applies: ids unique, edges between nodes."""
    elements = json.loads(path.read_text(encoding="utf-8"))["elements"]
    ids = [e["data"]["id"] for group in ("nodes", "edges") for e in elements[group]]
    assert len(ids) == len(set(ids))
    graph = nx.MultiDiGraph()
    for node in elements["nodes"]:
        graph.add_node(node["data"]["id"], **node["data"])
    for edge in elements["edges"]:
        data = edge["data"]
        assert data["source"] in graph and data["target"] in graph
        graph.add_edge(data["source"], data["target"], **data)
    return graph


def read_graphml_igraph(path):
    """igraph's graph as a networkx one, so the same checks apply."""
    found = igraph.Graph.Read_GraphML(str(path))
    graph = nx.MultiDiGraph()
    for vertex in found.vs:
        graph.add_node(vertex["id"], **{k: v for k, v in vertex.attributes().items() if k != "id"})
    for edge in found.es:
        graph.add_edge(found.vs[edge.source]["id"], found.vs[edge.target]["id"], **edge.attributes())
    return graph


READERS = {
    ("graphml", "networkx"): read_graphml_networkx,
    ("graphml", "igraph"): read_graphml_igraph,
    ("gexf", "networkx"): read_gexf_networkx,
    ("cytoscape", "json"): read_cytoscape,
}


def lines(value) -> list[str]:
    """Evidence columns: a list in Cytoscape.js JSON, one item a line in GraphML and GEXF."""
    return list(value) if isinstance(value, list) else (value.split("\n") if value else [])


def as_written(texts, fmt) -> list[str]:
    """GraphML and GEXF put one item on a line, so line breaks inside an item become spaces."""
    return sorted(texts if fmt == "cytoscape" else (re.sub(r"\s*\n\s*", " ", t) for t in texts))


def edges_by_fact(graph) -> dict[tuple[str, str, str], dict]:
    return {(s, data["predicate"], o): data for s, o, data in graph.edges(data=True)}


def check_against_source(graph, source, fmt):
    assert graph.number_of_nodes() == len(source.entities)
    assert graph.number_of_edges() == len(source.facts)
    assert set(edges_by_fact(graph)) == set(source.facts)
    for node, expected in source.entities.items():
        data = graph.nodes[node]
        assert (data["label"], data["type"], data["wikidata"] or "") == (expected["label"], expected["type"],
                                                                      expected["wikidata"])
        assert set(lines(data["aliases"])) == set(as_written(expected["names"] - {expected["label"]}, fmt))
    for fact, data in edges_by_fact(graph).items():
        expected = source.facts[fact]
        assert sorted(lines(data["evidence"])) == as_written((e["text"] for e in expected), fmt)
        assert sorted(lines(data["articles"])) == sorted(e["article"] for e in expected)
        assert int(data["support"]) == max(1, len(expected))


@pytest.mark.parametrize("bare_fact", [False, True])
@pytest.mark.parametrize("fmt, reader", list(READERS))
def test_sample_reads_back_with_every_node_edge_and_sentence(tmp_path, fmt, reader, bare_fact):
    export(sample_dataset(bare_fact=bare_fact), fmt, tmp_path / f"g.{fmt}")
    graph = READERS[(fmt, reader)](tmp_path / f"g.{fmt}")
    check_against_source(graph, truth(sample_dataset(bare_fact=bare_fact)), fmt)


@pytest.mark.parametrize("fmt, reader", list(READERS))
def test_evidence_columns_stay_aligned(tmp_path, fmt, reader):
    export(sample_dataset(), fmt, tmp_path / f"g.{fmt}")
    graph = READERS[(fmt, reader)](tmp_path / f"g.{fmt}")
    sold = next(d for _, _, d in graph.edges(data=True) if d["predicate"] == "sellsTo")
    rows = list(zip(lines(sold["evidence"]), lines(sold["urls"]), lines(sold["dates"]), strict=True))
    assert (SELL_1, "https://news.example/acme", "2021-03-04") in rows
    assert (SELL_2, "", "June 2020") in rows
    money = list(zip(lines(sold["evidence"]), lines(sold["amounts"]) or [""] * 2, lines(sold["currencies"]) or [""] * 2,
                     lines(sold["outlets"]) or [""] * 2, strict=True))
    assert (SELL_1, "2000000", "USD", "Example News") in money and (SELL_2, "", "", "") in money


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_edge_ids_are_unique_in_the_document(tmp_path, fmt):
    """Both formats require it, and Gephi merges edges that share an id."""
    export(sample_dataset(), fmt, tmp_path / f"g.{fmt}")
    edges = [e for e in ElementTree.parse(tmp_path / f"g.{fmt}").iter() if e.tag.endswith("}edge")]
    ids = [e.get("id") for e in edges]
    assert len(ids) == len(set(ids)) == len(truth(sample_dataset()).facts)


@pytest.mark.slow
@pytest.mark.parametrize("fmt, reader", list(READERS))
def test_example_graph_reads_back_with_known_facts(example_graph, tmp_path, fmt, reader):
    export(example_graph, fmt, tmp_path / f"g.{fmt}")
    graph = READERS[(fmt, reader)](tmp_path / f"g.{fmt}")
    source = truth(example_graph)
    check_against_source(graph, source, fmt)
    edges = edges_by_fact(graph)
    for fact in source.known_facts():
        assert lines(edges[fact]["evidence"]), fact
        assert graph.nodes[fact[0]]["label"] == source.entities[fact[0]]["label"]
