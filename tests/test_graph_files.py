"""The example graph read back by independent parsers and checked against the shapes."""
import pyoxigraph
import pytest
from rdflib import Dataset
from rdflib.namespace import RDF

from graphkit.graph.vocab import GK

pytestmark = pytest.mark.slow


def test_rdflib_and_oxigraph_read_the_same_quads(example_graph_path):
    ds = Dataset()
    ds.parse(example_graph_path, format="trig")
    rdflib_count = len(list(ds.quads((None, None, None, None))))
    with open(example_graph_path, "rb") as f:
        ox = list(pyoxigraph.parse(f, format=pyoxigraph.RdfFormat.TRIG))
    assert rdflib_count == len(ox) > 500


def test_every_article_has_its_own_named_graph(example_graph):
    from conftest import EXAMPLES

    from graphkit.ingest import collect_files, read_articles

    expected = len(list(read_articles(collect_files([EXAMPLES]).files)))
    articles = set(example_graph.subjects(RDF.type, GK.Article))
    graphs = {g.identifier for g in example_graph.graphs()}
    assert expected == 10 and len(articles) == expected and articles <= graphs


def test_no_blank_nodes(example_graph):
    from rdflib import BNode

    assert not any(isinstance(t, BNode) for q in example_graph.quads((None, None, None, None)) for t in q[:3])


def test_example_graph_conforms(example_graph):
    from graphkit.graph.validate import validate

    report = validate(example_graph)
    assert report.conforms, report.summary()
