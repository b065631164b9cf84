"""A person's corrections in resolver.yaml: found by one rule on build, add and remove; rejected and asserted
relations recorded as a person's decision."""
from __future__ import annotations

import pytest
from test_incremental_build import FIRST, SECOND, quads, write

from graphkit.build import BuildOptions, add_articles, build, remove_articles
from graphkit.rdfio import read_graph

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
