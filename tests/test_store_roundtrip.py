"""Oxigraph store folders: written atomically, read back unchanged, queried like the files they came from."""
from __future__ import annotations

import os
from decimal import Decimal

import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib import namespace as ns  # ns.XSD, not XSD: pytest's collection trips XSD's warnings
from rdflib.compare import isomorphic

from graphkit.errors import GraphError, OutputError, UnknownFormat
from graphkit.graph.files import read_graph, write_graph
from graphkit.graph.formats import format_for
from graphkit.graph.store import MARKER, copy_to_store, open_graph
from graphkit.graph.vocab import DEFAULT_BASE_IRI, GK, PREFIXES, SCHEMA
from graphkit.query.oxigraph import run_sparql

XSS_LABEL = '<img src=x onerror="document.title=\'pwned\'">'
XSS_ALT = "<script>document.title='pwned'</script>"


def iri(path: str) -> URIRef:
    return URIRef(DEFAULT_BASE_IRI + path)


def sample_dataset(vendors: int = 8, agencies: int = 15, articles: int = 20) -> Dataset:
    """A graphkit-shaped dataset with known answers: vendor k % vendors sells scanner k % 5 to agency k % agencies."""
    ds = Dataset(default_union=True)
    for prefix, namespace in {**PREFIXES, "gkid": DEFAULT_BASE_IRI}.items():
        ds.bind(prefix, namespace, override=True)
    entities = ds.graph(iri("graph/entities"))

    def entity(path, cls, label, *alt):
        node = iri(path)
        entities.add((node, ns.RDF.type, GK[cls]))
        entities.add((node, ns.RDFS.label, Literal(label)))
        for name in alt:
            entities.add((node, ns.SKOS.altLabel, Literal(name)))
        return node

    face = entity("technology/facial-recognition", "Technology", "facial recognition", "face recognition")
    scanners = [entity(f"product/scanner-{n}", "Product", f"Scanner {n}") for n in range(5)]
    for scanner in scanners:
        entities.add((scanner, GK.instanceOf, face))
    vendor = [entity(f"org/vendor-{n}", "Company", f"Vendor {n}", f"V{n}") for n in range(vendors)]
    agency = [entity(f"org/agency-{n}", "GovernmentAgency", f"Agency {n} Police") for n in range(agencies)]
    critic = entity("org/rights-group", "AdvocacyGroup", "Rights Group", "RG")
    people = [entity(f"person/spokesperson-{n}", "Person", f"Spokesperson {n}") for n in range(3)]
    entity("org/xss", "Company", XSS_LABEL, XSS_ALT)
    for k in range(articles):
        article = iri(f"article/a-{k}")
        graph = ds.graph(article)
        graph.add((article, ns.RDF.type, GK.Article))
        graph.add((article, ns.DCTERMS.title, Literal(f"Article {k}")))
        graph.add((article, ns.DCTERMS.date, Literal(f"2024-01-{k % 28 + 1:02d}", datatype=ns.XSD.date)))
        facts = [(vendor[k % vendors], "sells", scanners[k % 5]), (vendor[k % vendors], "sellsTo", agency[k % agencies]),
                 (critic, "criticizes", vendor[k % vendors]), (people[k % 3], "worksFor", critic)]
        if k % 4 == 0:
            facts.append((agency[k % agencies], "uses", scanners[k % 5]))
        if k % 5 == 0:
            facts.append((agency[k % agencies], "fines", vendor[k % vendors]))
        if k % 7 == 3:
            facts.append((agency[k % agencies], "bans", face))
        for position, (s, p, o) in enumerate(facts):
            add_statement(graph, article, k, position, s, p, o, "asserted")
        add_statement(graph, article, k, 9, vendor[k % vendors], "sellsTo", agency[(k + 1) % agencies], "denied")
    return ds


def add_statement(graph, article, k, position, s, p, o, status) -> None:
    if status == "asserted":
        graph.add((s, GK[p], o))
    st = iri(f"statement/{k}-{position}")
    for prop, value in ((ns.RDF.type, GK.Statement), (ns.RDF.subject, s), (ns.RDF.predicate, GK[p]), (ns.RDF.object, o),
                        (GK.status, GK[status]), (GK.evidence, Literal(f"Sentence {position} of article {k}.")),
                        (GK.startChar, Literal(100 * position)), (GK.endChar, Literal(100 * position + 40)),
                        (GK.method, Literal("graphkit.verb.v1")),
                        (GK.confidence, Literal(Decimal("0.8"), datatype=ns.XSD.decimal)),
                        (ns.PROV.wasDerivedFrom, article)):
        graph.add((st, prop, value))
    if p in ("sellsTo", "fines") and status == "asserted":      # a contract's value, a fine's amount
        money = URIRef(f"{st}/amount")
        graph.add((st, SCHEMA.amount, money))
        graph.add((money, ns.RDF.type, SCHEMA.MonetaryAmount))
        value = Literal(Decimal(f"{250000 * (k + 1) + position}.5"), datatype=ns.XSD.decimal)   # Turtle-stable form
        graph.add((money, SCHEMA.value, value))
        graph.add((money, SCHEMA.currency, Literal("EUR" if k % 2 else "USD")))


def quads(ds) -> set:
    return {(s, p, o, getattr(g, "identifier", g)) for s, p, o, g in ds.quads((None, None, None, None))}


@pytest.fixture(scope="module")
def dataset():
    return sample_dataset()


def test_store_round_trip_keeps_every_quad(dataset, tmp_path):
    store = tmp_path / "graph.oxigraph"
    write_graph(dataset, store)
    back = read_graph(store)
    assert quads(back) == quads(dataset) and len(quads(back)) > 900
    for name in (iri("graph/entities"), iri("article/a-3")):
        assert isomorphic(back.graph(name), dataset.graph(name))
    assert dict(back.namespaces())["gk"] == URIRef(PREFIXES["gk"])
    assert (store / MARKER).is_file() and (store / "CURRENT").is_file()


def count(graph, pattern: str) -> int:
    return int(run_sparql(graph, f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}").rows[0][0].value)


def test_default_graph_is_the_union_as_a_set(dataset, tmp_path):
    store = tmp_path / "graph.oxigraph"
    write_graph(dataset, store)
    graph = open_graph(store)
    # 20 articles, 8 vendors: the rights group criticises each vendor in two or three articles
    assert count(graph, "gkid:org\\/rights-group gk:criticizes ?v") == 8
    assert count(graph, "GRAPH ?g { gkid:org\\/rights-group gk:criticizes ?v }") == 20
    assert count(graph, "?s ?p ?o") == len(set((s, p, o) for s, p, o, _ in quads(dataset)))


def test_a_fact_from_many_articles_counts_once(tmp_path):
    ds = sample_dataset(vendors=2, agencies=3, articles=6)      # vendor 0 criticised in articles 0, 2, 4
    store = tmp_path / "g.oxigraph"
    write_graph(ds, store)
    graph = open_graph(store)
    assert count(graph, "?c gk:criticizes gkid:org\\/vendor-0") == 1
    assert count(graph, "GRAPH ?g { ?c gk:criticizes gkid:org\\/vendor-0 }") == 3


def test_file_and_store_answer_alike(dataset, tmp_path):
    trig, store = tmp_path / "g.trig", tmp_path / "g.oxigraph"
    write_graph(dataset, trig)
    copy_to_store(trig, store)
    query = "SELECT ?v ?a WHERE { ?v gk:sellsTo ?a } ORDER BY ?v ?a"
    from_file = run_sparql(open_graph(trig), query).rows
    from_store = run_sparql(open_graph(store), query).rows
    assert [tuple(map(str, r)) for r in from_file] == [tuple(map(str, r)) for r in from_store]
    assert len(from_file) == 20


def test_rewriting_a_store_swaps_it_whole(tmp_path):
    store = tmp_path / "g.oxigraph"
    write_graph(sample_dataset(vendors=3, articles=3), store)
    write_graph(sample_dataset(vendors=5, articles=7), store)
    titles = run_sparql(open_graph(store), "SELECT (COUNT(*) AS ?n) WHERE { ?a a gk:Article }")
    assert int(titles.rows[0][0].value) == 7
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.oxigraph"]


def test_failed_write_leaves_the_old_store(tmp_path):
    store = tmp_path / "g.oxigraph"
    write_graph(sample_dataset(vendors=3, articles=3), store)
    before = sorted(os.listdir(store))

    class Broken(Dataset):
        def quads(self, quad=None):
            yield from list(super().quads(quad))[:10]
            raise RuntimeError("disk full, say")

    broken = Broken(default_union=True)
    for q in sample_dataset(vendors=2, articles=2).quads((None, None, None, None)):
        broken.add(q)
    with pytest.raises(RuntimeError):
        write_graph(broken, store)
    assert sorted(os.listdir(store)) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.oxigraph"]
    assert int(run_sparql(open_graph(store), "SELECT (COUNT(*) AS ?n) WHERE { ?a a gk:Article }").rows[0][0].value) == 3


def test_refuses_to_replace_a_folder_that_is_not_a_store(tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "keep.txt").write_text("mine")
    with pytest.raises(UnknownFormat, match="not an Oxigraph store"):
        write_graph(sample_dataset(vendors=1, articles=1), folder)
    with pytest.raises(OutputError, match="a file of that name exists"):
        (tmp_path / "x.oxigraph").write_text("not a folder")
        write_graph(sample_dataset(vendors=1, articles=1), tmp_path / "x.oxigraph")
    assert (folder / "keep.txt").read_text() == "mine"


def test_how_a_store_path_is_recognised(tmp_path):
    (tmp_path / "empty").mkdir()
    assert format_for(tmp_path / "new.oxigraph") == "oxigraph"
    assert format_for(tmp_path / "New.OXIGRAPH") == "oxigraph"
    assert format_for(tmp_path / "empty") == "oxigraph"
    assert format_for(tmp_path / "g.trig") == "trig"
    with pytest.raises(UnknownFormat, match=r"\.oxigraph \(a store folder\)"):
        format_for(tmp_path / "graph")


def test_reading_what_is_not_there_is_one_sentence(tmp_path):
    with pytest.raises(GraphError, match="no such store folder"):
        open_graph(tmp_path / "missing.oxigraph")
    (tmp_path / "empty.oxigraph").mkdir()
    with pytest.raises(GraphError, match="not an Oxigraph store"):
        read_graph(tmp_path / "empty.oxigraph")
    (tmp_path / "bad.ttl").write_text("<http://a> <http://b> .\n")
    with pytest.raises(GraphError, match=r"bad\.ttl: cannot be read as Turtle .*line 1"):
        open_graph(tmp_path / "bad.ttl")


def test_a_store_written_by_other_tools_is_queried_as_a_union(tmp_path):
    import pyoxigraph as ox

    folder = tmp_path / "plain.oxigraph"
    raw = ox.Store(str(folder))
    g1, g2 = ox.NamedNode(DEFAULT_BASE_IRI + "article/x"), ox.NamedNode(DEFAULT_BASE_IRI + "article/y")
    s, p, o = (ox.NamedNode(DEFAULT_BASE_IRI + n) for n in ("org/a", "org/b", "org/c"))
    raw.add(ox.Quad(s, ox.NamedNode(str(GK.sells)), o, g1))
    raw.add(ox.Quad(s, ox.NamedNode(str(GK.funds)), p, g2))
    raw.flush()
    del raw
    graph = open_graph(folder)
    assert not graph.union_in_default
    assert len(run_sparql(graph, "SELECT * WHERE { ?s ?p ?o }").rows) == 2
    assert len(quads(read_graph(folder))) == 2


@pytest.mark.slow
def test_example_graph_survives_a_store(example_graph, tmp_path):
    store = tmp_path / "examples.oxigraph"
    write_graph(example_graph, store)
    assert quads(read_graph(store)) == quads(example_graph)
