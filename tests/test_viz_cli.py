"""`graphkit viz` on a small graph built without the spaCy model: options, --query, errors, the page's data."""
import json
import re

import pytest

from graphkit.cli import main
from graphkit.graph.files import read_graph, write_graph
from graphkit.graph.project import to_networkx
from graphkit.graph.rdf import to_dataset
from graphkit.model import Article, ArticleResult, Entity, Evidence, Relation
from graphkit.query.sparql import run_query
from graphkit.resolve import resolve
from graphkit.viz import VizError
from graphkit.viz.from_query import graph_from_query

BASE = "https://w3id.org/graphkit/id/"
ACME, FACEFIND, POLICE = BASE + "org/acme-vision", BASE + "product/facefind", BASE + "org/springfield-police"
RIGHTS, JANE, TOWN = BASE + "org/digital-rights-watch", BASE + "person/jane-roe", BASE + "place/lonely-town"


def article(aid, text, entities, relations, url="", date=""):
    rels = []
    for s, p, o, sentence in relations:
        start = text.index(sentence)
        rels.append(Relation(s, p, o, Evidence(sentence, start, start + len(sentence)), 0.8, "test.v1"))
    return ArticleResult(Article(aid, text, title=f"Title of {aid}", url=url, date=date, source=f"{aid}.txt"),
                         tuple(entities), tuple(rels))


@pytest.fixture(scope="module")
def graph_path(tmp_path_factory):
    acme = Entity("acme", "Company", "Acme Vision", ("Acme Vision", "Acme"), wikidata="Q4242", type_reason="lexicon")
    facefind = Entity("ff", "Product", "FaceFind", ("FaceFind",))
    police = Entity("pd", "GovernmentAgency", "Springfield Police", ("Springfield Police",))
    rights = Entity("drw", "AdvocacyGroup", "Digital Rights Watch", ("Digital Rights Watch",))
    jane = Entity("jr", "Person", "Jane Roe", ("Jane Roe",))
    town = Entity("lt", "Location", "Lonely Town", ("Lonely Town",))
    one = "Acme sells FaceFind. Acme sold FaceFind to the Springfield Police. The police use FaceFind daily."
    two = ("Digital Rights Watch criticized Acme. Jane Roe works for Digital Rights Watch. "
           "Acme still sells FaceFind in Lonely Town.")
    results = [
        article("one", one, [acme, facefind, police], [
            ("acme", "sells", "ff", "Acme sells FaceFind."),
            ("acme", "sellsTo", "pd", "Acme sold FaceFind to the Springfield Police."),
            ("pd", "uses", "ff", "The police use FaceFind daily."),
        ], url="https://news.example/one", date="2021-03-04"),
        article("two", two, [acme, facefind, rights, jane, town], [
            ("drw", "criticizes", "acme", "Digital Rights Watch criticized Acme."),
            ("jr", "worksFor", "drw", "Jane Roe works for Digital Rights Watch."),
            ("acme", "sells", "ff", "Acme still sells FaceFind in Lonely Town."),
        ], date="2022-01-02"),
    ]
    path = tmp_path_factory.mktemp("viz-cli") / "graph.trig"
    write_graph(to_dataset(results, resolve(results)), path)
    return path


def page_data(path):
    html = path.read_text(encoding="utf-8")
    block = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', html, re.S).group(1)
    return json.loads(block)


def drawn(path):
    data = page_data(path)
    edges = {(e["from"], data["details"]["edges"][e["id"]]["predicate"], e["to"]) for e in data["edges"]}
    return {n["id"] for n in data["nodes"]}, edges


def test_whole_graph_with_evidence_and_sources(graph_path, tmp_path, capsys):
    out = tmp_path / "page.html"
    assert main(["viz", str(graph_path), "-o", str(out)]) == 0
    assert "6 entities, 5 relations" in capsys.readouterr().err
    nodes, edges = drawn(out)
    assert nodes == {ACME, FACEFIND, POLICE, RIGHTS, JANE, TOWN}
    assert (ACME, "sells", FACEFIND) in edges and len(edges) == 5
    details = page_data(out)["details"]
    sells = next(d for d in details["edges"].values() if d["predicate"] == "sells")
    assert sells["support"] == 2
    sources = [(ev["text"], details["articles"][ev["article"]]["url"], details["articles"][ev["article"]]["date"])
               for ev in sells["evidence"]]
    assert sources == [("Acme sells FaceFind.", "https://news.example/one", "2021-03-04"),
                       ("Acme still sells FaceFind in Lonely Town.", "", "2022-01-02")]
    acme = details["nodes"][ACME]
    assert (acme["type"], acme["names"], acme["wikidata"]) == ("Company", ["Acme"], "Q4242")
    assert sorted(details["articles"][i]["title"] for i in acme["articles"]) == ["Title of one", "Title of two"]


def test_focus_depth_types_predicates_and_min_support(graph_path, tmp_path):
    out = tmp_path / "page.html"
    assert main(["viz", str(graph_path), "-o", str(out), "--focus", "jane roe", "--depth", "1"]) == 0
    assert drawn(out)[0] == {JANE, RIGHTS}
    assert main(["viz", str(graph_path), "-o", str(out), "--focus", "Jane Roe", "--depth", "2"]) == 0
    assert drawn(out)[0] == {JANE, RIGHTS, ACME}
    assert main(["viz", str(graph_path), "-o", str(out), "--types", "Company,Product"]) == 0
    assert drawn(out) == ({ACME, FACEFIND}, {(ACME, "sells", FACEFIND)})
    assert main(["viz", str(graph_path), "-o", str(out), "--predicates", "worksFor", "--predicates", "criticizes"]) == 0
    assert drawn(out)[0] == {JANE, RIGHTS, ACME}
    assert main(["viz", str(graph_path), "-o", str(out), "--min-support", "2"]) == 0
    assert drawn(out) == ({ACME, FACEFIND}, {(ACME, "sells", FACEFIND)})
    assert "Selection:</strong> relations stated at least 2 times." in out.read_text(encoding="utf-8")


def test_max_nodes_prunes_and_the_page_says_how_to_see_the_rest(graph_path, tmp_path, capsys):
    out = tmp_path / "page.html"
    assert main(["viz", str(graph_path), "-o", str(out), "--max-nodes", "3"]) == 0
    # Acme has 3 relations; FaceFind, Springfield Police and Digital Rights Watch 2 each, but FaceFind's are
    # stated 3 times and the other two's twice, so the tie goes to the IRI: org/digital-rights-watch comes first
    assert drawn(out) == ({ACME, FACEFIND, RIGHTS}, {(ACME, "sells", FACEFIND), (RIGHTS, "criticizes", ACME)})
    html = out.read_text(encoding="utf-8")
    banner = re.search(r'<p class="notice warning">(.*?)</p>', html).group(1)
    text = re.sub(r"</?code>", "", banner)
    assert "This page shows the 3 best-connected of 6 entities and 2 of 5 relations." in text
    assert ("Left out: 3 entities with at most 2 connections each "
            "(such as Springfield Police, Jane Roe, Lonely Town)") in text
    assert "<code>--max-nodes 6</code> <code>--max-edges 5</code>" in banner and "<code>--focus NAME</code>" in banner
    assert "capped" in capsys.readouterr().err


CONSTRUCT_SALES = "CONSTRUCT { ?s gk:sells ?o . ?s gk:sellsTo ?b } WHERE { ?s gk:sells ?o . OPTIONAL { ?s gk:sellsTo ?b } }"


def test_query_construct_draws_its_relations_with_their_evidence(graph_path, tmp_path):
    out = tmp_path / "page.html"
    assert main(["viz", str(graph_path), "-o", str(out), "--query", CONSTRUCT_SALES]) == 0
    assert drawn(out) == ({ACME, FACEFIND, POLICE}, {(ACME, "sells", FACEFIND), (ACME, "sellsTo", POLICE)})
    sells = next(d for d in page_data(out)["details"]["edges"].values() if d["predicate"] == "sells")
    assert len(sells["evidence"]) == 2


def test_query_select_of_s_p_o_from_a_file(graph_path, tmp_path):
    query = tmp_path / "critics.rq"
    query.write_text("SELECT ?s ?p ?o WHERE { ?s ?p ?o . FILTER(?p IN (gk:criticizes, gk:worksFor)) }", encoding="utf-8")
    out = tmp_path / "page.html"
    assert main(["viz", str(graph_path), "-o", str(out), "--query-file", str(query)]) == 0
    assert drawn(out) == ({RIGHTS, ACME, JANE}, {(RIGHTS, "criticizes", ACME), (JANE, "worksFor", RIGHTS)})


def test_query_can_derive_relations_that_no_sentence_states(graph_path):
    dataset = read_graph(graph_path)
    query = ("CONSTRUCT { ?a <https://example.org/sameArticle> ?b } WHERE { ?art schema:mentions ?a, ?b . "
             "?a a gk:Company . ?b a gk:AdvocacyGroup }")
    graph, report = graph_from_query(to_networkx(dataset), run_query(dataset, query))
    assert set(graph) == {ACME, RIGHTS}
    [(s, o, key, data)] = graph.edges(keys=True, data=True)
    assert (s, o, key) == (ACME, RIGHTS, "<https://example.org/sameArticle>")
    assert data["from_query"] and data["evidence"] == [] and data["support"] == 0
    assert (report.triples, report.derived, report.unused) == (1, 1, 0)


def test_query_result_naming_no_entity_is_an_error(graph_path):
    dataset = read_graph(graph_path)
    result = run_query(dataset, "CONSTRUCT { ?a dcterms:title ?t } WHERE { ?a dcterms:title ?t }")
    with pytest.raises(VizError, match=r"names no entity of the graph"):
        graph_from_query(to_networkx(dataset), result)


@pytest.mark.parametrize("args, message", [
    (["--types", "Firm"], "unknown entity type 'Firm'; use one of AdvocacyGroup, Company"),
    (["--predicates", "owns"], "unknown predicate 'owns'"),
    (["--focus", "Acme Visio"], "no entity named 'Acme Visio' in the graph; did you mean Acme Vision"),
    (["--query", "ASK { ?s ?p ?o }"], "not an ASK query"),
    (["--query", "SELECT ?a WHERE { ?a a gk:Company }"], "must return ?s ?p ?o, not ?a"),
    (["--query", "SELECT ?s WHERE {"], "SPARQL syntax error"),
    (["--depth", "-1", "--focus", "Acme"], "--depth must be at least 0"),
    (["--layout", "static", "--size-by", "support", "--max-nodes", "0"], "--max-nodes must be at least 1"),
])
def test_bad_options_give_one_sentence_and_exit_2(graph_path, tmp_path, capsys, args, message):
    out = tmp_path / "page.html"
    assert main(["viz", str(graph_path), "-o", str(out), *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("graphkit: error: ") and message in err and err.count("\n") == 1
    assert not out.exists()


def test_missing_output_folder_fails_before_reading_and_an_old_page_survives_errors(graph_path, tmp_path, capsys):
    assert main(["viz", str(graph_path), "-o", str(tmp_path / "nowhere" / "page.html")]) == 2
    assert "does not exist" in capsys.readouterr().err
    out = tmp_path / "page.html"
    out.write_text("old page", encoding="utf-8")
    assert main(["viz", str(graph_path), "-o", str(out), "--types", "Nope"]) == 2
    assert out.read_text(encoding="utf-8") == "old page"


def test_generated_graphs_have_the_shape_of_a_projected_graph(graph_path):
    """The benchmark's and large-graph tests' graphs must carry what graphkit.graph.project gives the page."""
    from graphkit.viz.synthetic import random_graph

    real, fake = to_networkx(read_graph(graph_path)), random_graph(50)

    def keys(items):
        return set().union(*(set(d) for d in items))

    assert keys(d for _, d in fake.nodes(data=True)) == keys(d for _, d in real.nodes(data=True))
    assert keys(d for *_, d in fake.edges(data=True)) == keys(d for *_, d in real.edges(data=True))
    real_evidence = keys(ev for *_, d in real.edges(data=True) for ev in d["evidence"])
    assert real_evidence <= keys(ev for *_, d in fake.edges(data=True) for ev in d["evidence"])
    assert keys(a for _, d in real.nodes(data=True) for a in d["articles"]) == \
        keys(a for _, d in fake.nodes(data=True) for a in d["articles"])
