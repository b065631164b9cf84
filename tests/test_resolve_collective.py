"""Generic collective actors ("police", "governments") stay one node per article; named ones still merge."""
from __future__ import annotations

import pytest

from graphkit.build import BuildOptions, build
from graphkit.graph.files import read_graph
from graphkit.graph.stats import graph_stats
from graphkit.graph.vocab import GK

pytestmark = pytest.mark.slow

ARTICLES = {
    "one.txt": "Acme Vision sells facial recognition software to police in Ohio.\n\n"
               "The Springfield Police Department also uses Acme Vision.\n",
    "two.txt": "Clearview AI sold its face search tool to police in Texas.\n\n"
               "The Springfield Police Department also uses Clearview AI.\n",
}
NODES = """SELECT ?node ?collective (COUNT(DISTINCT ?a) AS ?articles) WHERE {
  ?node rdfs:label ?label . ?a schema:mentions ?node . OPTIONAL { ?node gk:collectiveActor ?collective } }
  GROUP BY ?node ?collective"""


def test_police_is_one_node_per_article_and_marked_collective(tmp_path, nlp):
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    graph = tmp_path / "g.trig"
    build([tmp_path], graph, BuildOptions(nlp=nlp))
    dataset = read_graph(graph)
    rows = {str(n).rsplit("/", 1)[-1]: (c is not None and c.toPython(), int(a)) for n, c, a in dataset.query(
        "PREFIX schema: <https://schema.org/> PREFIX gk: <https://w3id.org/graphkit/ontology#> " + NODES)}
    assert rows["police-in-one"] == (True, 1) and rows["police-in-two"] == (True, 1)
    assert rows["springfield-police-department"] == (False, 2)      # a named force still merges
    stats = graph_stats(dataset)
    assert stats.duplicates == []           # collective actors are not proposed as duplicates
    assert all(str(flag) == "true" for flag in dataset.objects(None, GK.collectiveActor))
