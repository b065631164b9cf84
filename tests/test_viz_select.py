"""Choosing what to draw: filters, focus, caps and the precomputed layout (no browser, no model)."""
import math

import networkx as nx
import pytest

from graphkit.viz import ViewOptions, VizError, find_entities, make_view, prune
from graphkit.viz.layout import static_layout
from graphkit.viz.select import neighbourhood, parse_choices, restrict
from graphkit.viz.synthetic import random_graph

BASE = "https://w3id.org/graphkit/id/"


def add_entity(graph, path, label, etype, names=()):
    graph.add_node(BASE + path, label=label, type=etype, names=list(names), wikidata="", articles=[])


def relate(graph, s, predicate, o, support=1):
    evidence = [{"text": f"{s} {predicate} {o} ({i})", "article": f"{BASE}article/a{i}", "title": f"A{i}",
                 "url": "", "date": "", "start": 0, "confidence": 0.8, "method": "test"} for i in range(support)]
    graph.add_edge(BASE + s, BASE + o, key=predicate, predicate=predicate, evidence=evidence,
                   support=support, article_count=support)


@pytest.fixture
def graph():
    """acme -sells-> facefind; acme -sellsTo-> police (2); police -uses-> facefind (3);
    rights -criticizes-> acme; jane -worksFor-> rights; lonely town has no relation."""
    g = nx.MultiDiGraph()
    add_entity(g, "org/acme", "Acme Vision", "Company", ["Acme", "Acme Vision Inc."])
    add_entity(g, "product/facefind", "FaceFind", "Product")
    add_entity(g, "org/police", "Springfield Police", "GovernmentAgency")
    add_entity(g, "org/rights", "Digital Rights Watch", "AdvocacyGroup", ["DRW"])
    add_entity(g, "person/jane", "Jane Roe", "Person")
    add_entity(g, "place/lonely", "Lonely Town", "Location")
    relate(g, "org/acme", "sells", "product/facefind")
    relate(g, "org/acme", "sellsTo", "org/police", support=2)
    relate(g, "org/police", "uses", "product/facefind", support=3)
    relate(g, "org/rights", "criticizes", "org/acme")
    relate(g, "person/jane", "worksFor", "org/rights")
    return g


def test_find_entities_by_label_other_name_or_iri_path_ignoring_case(graph):
    assert find_entities(graph, "acme vision") == [BASE + "org/acme"]
    assert find_entities(graph, "DRW") == [BASE + "org/rights"]
    assert find_entities(graph, "person/jane") == [BASE + "person/jane"]
    assert find_entities(graph, BASE + "org/police") == [BASE + "org/police"]


def test_unknown_name_is_one_sentence_with_close_names(graph):
    with pytest.raises(VizError, match=r"no entity named 'Acme Visoin'.*did you mean Acme Vision"):
        find_entities(graph, "Acme Visoin")


def test_parse_choices_accepts_commas_and_any_case_and_names_the_valid_ones():
    assert parse_choices(["company,Person", "COMPANY"], ["Company", "Person", "Product"], "type") == ("Company", "Person")
    with pytest.raises(VizError, match="unknown type 'Firm'; use one of Company, Person"):
        parse_choices(["Firm"], ["Company", "Person"], "type")


def test_restrict_by_type_keeps_only_relations_between_kept_entities(graph):
    kept = restrict(graph, types=("Company", "GovernmentAgency", "Location"))
    assert set(kept) == {BASE + "org/acme", BASE + "org/police", BASE + "place/lonely"}
    assert list(kept.edges(keys=True)) == [(BASE + "org/acme", BASE + "org/police", "sellsTo")]


def test_relation_filters_drop_entities_left_without_relations(graph):
    kept = restrict(graph, predicates=("sells", "sellsTo"))
    assert set(kept) == {BASE + "org/acme", BASE + "product/facefind", BASE + "org/police"}
    strong = restrict(graph, min_support=2)
    assert sorted(k for *_, k in strong.edges(keys=True)) == ["sellsTo", "uses"]
    assert BASE + "place/lonely" not in strong and BASE + "person/jane" not in strong


def test_neighbourhood_follows_relations_in_both_directions(graph):
    assert set(neighbourhood(graph, [BASE + "org/rights"], 0)) == {BASE + "org/rights"}
    one = neighbourhood(graph, [BASE + "org/rights"], 1)
    assert set(one) == {BASE + "org/rights", BASE + "org/acme", BASE + "person/jane"}
    two = neighbourhood(graph, [BASE + "org/rights"], 2)
    assert set(two) == {BASE + p for p in ("org/rights", "org/acme", "person/jane", "product/facefind", "org/police")}
    assert two.number_of_edges() == 5


def test_view_filters_first_then_focuses_and_describes_the_selection(graph):
    view = make_view(graph, ViewOptions(focus=("Jane Roe",), depth=2, predicates=("worksFor", "criticizes")))
    assert set(view.graph) == {BASE + "person/jane", BASE + "org/rights", BASE + "org/acme"}
    assert view.scope == ["relations works for, criticizes", "entities within 2 steps of Jane Roe"]
    assert (view.total_nodes, view.total_edges) == (6, 5)


def test_focus_on_an_entity_the_filters_remove_is_an_error(graph):
    with pytest.raises(VizError, match="'Jane Roe' is in the graph but the query or filters leave it out"):
        make_view(graph, ViewOptions(focus=("Jane Roe",), types=("Company",)))


def test_an_empty_selection_is_an_error(graph):
    with pytest.raises(VizError, match="nothing left to draw"):
        make_view(graph, ViewOptions(min_support=10))


def test_prune_keeps_the_best_connected_entities_and_reports_the_rest(graph):
    kept, left = prune(graph, max_nodes=3)
    assert set(kept) == {BASE + "org/acme", BASE + "org/police", BASE + "product/facefind"}
    assert kept.number_of_edges() == 3
    assert (left.nodes, left.kept_nodes, left.dropped_nodes, left.dropped_edges) == (6, 3, 3, 2)
    assert left.max_connections == 2 and left.examples == ["Digital Rights Watch", "Jane Roe", "Lonely Town"]


def test_prune_edge_cap_keeps_the_best_supported_relations(graph):
    kept, left = prune(graph, max_edges=2)
    assert sorted(k for *_, k in kept.edges(keys=True)) == ["sellsTo", "uses"]
    assert left.dropped_nodes == 0 and left.dropped_edges == 3


def test_prune_leaves_a_small_graph_alone(graph):
    kept, left = prune(graph)
    assert kept is graph and left is None


def test_synthetic_graphs_carry_the_projection_attributes():
    g = random_graph(300, seed=3)
    node_keys = {"label", "type", "names", "wikidata", "articles"}
    edge_keys = {"predicate", "evidence", "support", "article_count"}
    assert all(set(d) == node_keys for _, d in g.nodes(data=True))
    assert all(set(d) == edge_keys and d["support"] == len(d["evidence"]) for *_, d in g.edges(data=True))
    assert g.number_of_nodes() == 300 and sum(1 for n in g if g.degree(n) == 0) == 30


def test_static_layout_places_every_node_apart_and_linked_nodes_close():
    g = random_graph(1500, seed=5)      # larger than the layout's core: exercises core and periphery
    pos = static_layout(g)
    assert set(pos) == set(g)
    assert len(set(pos.values())) == len(pos)
    assert static_layout(g) == pos

    def distance(a, b):
        return math.dist(pos[a], pos[b])

    linked = [distance(s, o) for s, o in g.edges() if s != o]
    nodes = sorted(g)
    unrelated = [distance(nodes[i], nodes[(i * 7919 + 13) % len(nodes)]) for i in range(len(nodes))]
    assert sum(linked) / len(linked) < 0.5 * sum(unrelated) / len(unrelated)
