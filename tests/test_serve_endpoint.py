"""graphkit serve as other tools see it: the SPARQL 1.1 Protocol over real HTTP, with httpx and SPARQLWrapper.

Answers are checked against rdflib's own engine run on the same sample graph,
and every response body is read back with an independent parser.
"""
from __future__ import annotations

import csv
import io
import json
import threading
import time
import urllib.error
import xml.etree.ElementTree as ET

import httpx
import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from SPARQLWrapper import CSV, JSON, JSONLD, RDFXML, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed
from test_store_roundtrip import XSS_ALT, XSS_LABEL, sample_dataset

from graphkit.cli import parser
from graphkit.graph.files import write_graph
from graphkit.graph.store import open_graph
from graphkit.graph.vocab import DEFAULT_BASE_IRI, GK
from graphkit.query.oxigraph import run_sparql
from graphkit.query.sparql import run_query
from graphkit.serve import ServeOptions, Service

TIMEOUT = 2.0           # the server's query time bound in these tests
MAX_ROWS = 50
COMPANIES = "SELECT ?vendor ?name WHERE { ?vendor a gk:Company ; rdfs:label ?name } ORDER BY ?name"
SALES = "CONSTRUCT { ?v gk:sellsTo ?a } WHERE { ?v gk:sellsTo ?a ; rdfs:label ?n . FILTER(STRSTARTS(?n, 'Vendor')) }"
# a triple cross product of the whole graph: far longer than TIMEOUT on any machine
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
SERD = "http://www.w3.org/ns/sparql-service-description#"


@pytest.fixture(scope="module")
def dataset():
    return sample_dataset()


@pytest.fixture(scope="module", params=[".oxigraph", ".trig"], ids=["store-on-disk", "file-in-memory"])
def served(dataset, tmp_path_factory, request):
    """The sample graph as the server's two defaults see it: a store folder (served from disk), a file (from memory)."""
    path = tmp_path_factory.mktemp("serve") / f"sample{request.param}"
    write_graph(dataset, path)
    return path


@pytest.fixture(scope="module")
def service(served):
    with Service(served, ServeOptions(port=0, timeout=TIMEOUT, max_rows=MAX_ROWS, quiet=True)) as running:
        assert running.in_memory is (served.suffix == ".trig")
        running.start()
        yield running


@pytest.fixture(scope="module")
def endpoint(service) -> str:
    return service.url + "sparql"


@pytest.fixture
def client():
    with httpx.Client(timeout=60) as http:
        yield http


def expected_companies(dataset) -> list[tuple[str, str]]:
    """The answer of rdflib's engine, sorted by name as the query asks."""
    return [(str(v), str(n)) for v, n in run_query(dataset, COMPANIES).rows]


def wrapper(endpoint: str, query: str, fmt: str) -> SPARQLWrapper:
    sparql = SPARQLWrapper(endpoint)
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    return sparql


def triple_count(endpoint: str, client: httpx.Client) -> int:
    reply = client.get(endpoint, params={"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"},
                       headers={"Accept": "application/sparql-results+json"})
    return int(reply.json()["results"]["bindings"][0]["n"]["value"])


# -- result formats ------------------------------------------------------------
def test_select_in_each_results_format_with_httpx(endpoint, client, dataset):
    expected = expected_companies(dataset)
    assert len(expected) == 9 and (f"{DEFAULT_BASE_IRI}org/xss", XSS_LABEL) in expected

    reply = client.get(endpoint, params={"query": COMPANIES}, headers={"Accept": "application/sparql-results+json"})
    assert reply.status_code == 200 and reply.headers["content-type"].startswith("application/sparql-results+json")
    bindings = reply.json()["results"]["bindings"]
    assert [(b["vendor"]["value"], b["name"]["value"]) for b in bindings] == expected
    assert {b["vendor"]["type"] for b in bindings} == {"uri"} and {b["name"]["type"] for b in bindings} == {"literal"}

    reply = client.get(endpoint, params={"query": COMPANIES}, headers={"Accept": "application/sparql-results+xml"})
    assert reply.headers["content-type"].startswith("application/sparql-results+xml")
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    results = ET.fromstring(reply.content).findall("r:results/r:result", ns)
    assert [(r.find("r:binding[@name='vendor']/r:uri", ns).text, r.find("r:binding[@name='name']/r:literal", ns).text)
            for r in results] == expected

    reply = client.get(endpoint, params={"query": COMPANIES}, headers={"Accept": "text/csv"})
    assert reply.headers["content-type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(reply.text)))
    assert table[0] == ["vendor", "name"] and [tuple(row) for row in table[1:]] == expected

    reply = client.get(endpoint, params={"query": COMPANIES}, headers={"Accept": "text/tab-separated-values"})
    assert reply.headers["content-type"].startswith("text/tab-separated-values")
    lines = reply.text.splitlines()
    assert lines[0] == "?vendor\t?name"
    quoted = [(f"<{v}>", '"' + n.replace('"', '\\"') + '"') for v, n in expected]
    assert [tuple(line.split("\t")) for line in lines[1:]] == quoted


def test_the_three_ways_of_sending_a_query_agree(endpoint, client, dataset):
    accept = {"Accept": "application/sparql-results+json"}
    by_get = client.get(endpoint, params={"query": COMPANIES}, headers=accept)
    by_form = client.post(endpoint, data={"query": COMPANIES}, headers=accept)
    by_body = client.post(endpoint, content=COMPANIES.encode(), headers={**accept, "Content-Type": "application/sparql-query"})
    assert by_get.status_code == by_form.status_code == by_body.status_code == 200
    assert by_get.json() == by_form.json() == by_body.json()
    assert len(by_get.json()["results"]["bindings"]) == len(expected_companies(dataset))


def test_a_format_parameter_overrides_the_accept_header(endpoint, client):
    reply = client.get(endpoint, params={"query": COMPANIES, "format": "csv"}, headers={"Accept": "application/json"})
    assert reply.headers["content-type"].startswith("text/csv") and reply.text.startswith("vendor,name")


def test_sparqlwrapper_reads_each_results_format(endpoint, dataset):
    expected = expected_companies(dataset)
    as_json = wrapper(endpoint, COMPANIES, JSON).queryAndConvert()
    assert [(b["vendor"]["value"], b["name"]["value"]) for b in as_json["results"]["bindings"]] == expected

    as_xml = wrapper(endpoint, COMPANIES, XML).queryAndConvert()      # an xml.dom.minidom Document
    names = [node.firstChild.data for node in as_xml.getElementsByTagName("literal")]
    assert names == [n for _, n in expected]

    as_csv = wrapper(endpoint, COMPANIES, CSV).queryAndConvert()
    assert [tuple(r) for r in csv.reader(io.StringIO(as_csv.decode()))][1:] == expected
    as_tsv = wrapper(endpoint, COMPANIES, TSV).queryAndConvert()
    assert [line.split("\t")[0] for line in as_tsv.decode().splitlines()[1:]] == [f"<{v}>" for v, _ in expected]

    ask = wrapper(endpoint, "ASK { ?v gk:sellsTo ?a }", JSON).queryAndConvert()
    assert ask["boolean"] is True
    ask = wrapper(endpoint, "ASK { ?a gk:sellsTo ?v . ?v a gk:Company }", XML).queryAndConvert()
    assert ask.getElementsByTagName("boolean")[0].firstChild.data == "false"


def test_construct_in_each_rdf_format(endpoint, client, dataset):
    expected = run_query(dataset, SALES).graph
    assert len(expected) == 20          # vendor k % 8 sells to agency k % 15 for k < 20; denied sales are not facts
    for media, rdflib_format in (("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/ld+json", "json-ld")):
        reply = client.post(endpoint, data={"query": SALES}, headers={"Accept": media})
        assert reply.status_code == 200 and reply.headers["content-type"].startswith(media)
        assert isomorphic(Graph().parse(data=reply.text, format=rdflib_format), expected), media

    for fmt, reader in ((TURTLE, lambda b: Graph().parse(data=b.decode(), format="turtle")),
                        (RDFXML, lambda g: g), (JSONLD, lambda g: g)):
        got = reader(wrapper(endpoint, SALES, fmt).queryAndConvert())
        assert isomorphic(got, expected), fmt


def test_describe_gives_the_entitys_triples(endpoint, client):
    query = f"DESCRIBE <{DEFAULT_BASE_IRI}org/vendor-1>"
    reply = client.get(endpoint, params={"query": query}, headers={"Accept": "text/turtle"})
    graph = Graph().parse(data=reply.text, format="turtle")
    vendor = URIRef(f"{DEFAULT_BASE_IRI}org/vendor-1")
    assert (vendor, URIRef(str(GK.sellsTo)), URIRef(f"{DEFAULT_BASE_IRI}org/agency-1")) in graph
    assert set(graph.subjects()) == {vendor}


def test_an_answer_nobody_accepts_is_406(endpoint, client):
    reply = client.get(endpoint, params={"query": COMPANIES}, headers={"Accept": "image/png"})
    assert reply.status_code == 406 and "application/sparql-results+json" in reply.text
    reply = client.get(endpoint, params={"query": SALES}, headers={"Accept": "text/csv"})
    assert reply.status_code == 406 and "text/turtle" in reply.text


# -- errors and refusals ---------------------------------------------------------
def test_a_syntax_error_is_a_clear_400(endpoint, client):
    broken = "SELECT ?s WHERE {\n  ?s gk:sells ?o\n  FILTER(?o = ) }"
    reply = client.get(endpoint, params={"query": broken})
    assert reply.status_code == 400
    message = reply.text.strip()
    assert message.startswith("SPARQL syntax error at line 3") and len(message.splitlines()) == 1
    with pytest.raises(QueryBadFormed, match="SPARQL syntax error at line 3"):
        wrapper(endpoint, broken, JSON).query()


def test_updates_are_refused_and_the_graph_is_unchanged(endpoint, client, served):
    before = triple_count(endpoint, client)
    insert = f"INSERT DATA {{ GRAPH <{DEFAULT_BASE_IRI}g> {{ <{DEFAULT_BASE_IRI}x> <{GK}sells> <{DEFAULT_BASE_IRI}y> }} }}"
    attempts = [
        client.post(endpoint, content=insert.encode(), headers={"Content-Type": "application/sparql-update"}),
        client.post(endpoint, data={"update": insert}),
        client.post(endpoint, data={"query": insert}),
        client.get(endpoint, params={"query": f"DROP GRAPH <{DEFAULT_BASE_IRI}article/a-1>"}),
    ]
    for reply in attempts:
        assert reply.status_code == 403, reply.text
        assert "read-only" in reply.text and "refused" in reply.text
    sparql = wrapper(endpoint, insert, JSON)
    sparql.setMethod("POST")
    with pytest.raises(urllib.error.HTTPError) as refused:
        sparql.query()
    assert refused.value.code == 403

    assert triple_count(endpoint, client) == before
    ask = client.get(endpoint, params={"query": f"ASK {{ <{DEFAULT_BASE_IRI}x> ?p ?o }}"}, headers={"Accept": "application/json"})
    assert ask.json()["boolean"] is False
    source = run_sparql(open_graph(served), "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert int(source.rows[0][0].value) == before


def test_a_query_past_the_time_bound_is_stopped_and_others_are_answered(service, endpoint, client):
    slow: dict = {}

    def run_slow():
        with httpx.Client(timeout=60) as other:
            slow["reply"] = other.post(endpoint, data={"query": ENDLESS})

    thread = threading.Thread(target=run_slow)
    thread.start()
    # while the endless query holds one worker, the other keeps answering
    fast = client.get(endpoint, params={"query": "ASK { ?v gk:sellsTo ?a }"}, headers={"Accept": "application/json"})
    assert fast.status_code == 200 and fast.json()["boolean"] is True
    assert thread.is_alive()
    thread.join(60)
    reply = slow["reply"]
    assert reply.status_code == 503
    assert f"longer than the {TIMEOUT:g}-second limit and was stopped" in reply.text
    # still answering, and the stopped worker is replaced
    after = client.get(endpoint, params={"query": COMPANIES}, headers={"Accept": "text/csv"})
    assert after.status_code == 200 and len(after.text.splitlines()) == 10
    deadline = time.monotonic() + 120
    while service.pool.size < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert service.pool.size == 2


def test_answers_are_cut_at_the_row_bound_and_say_so(endpoint, client):
    everything = client.get(endpoint, params={"query": "SELECT * WHERE { ?s ?p ?o }"}, headers={"Accept": "text/csv"})
    assert len(everything.text.splitlines()) == 1 + MAX_ROWS
    assert everything.headers["x-sparql-maxrows"] == str(MAX_ROWS)
    triples = client.get(endpoint, params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"}, headers={"Accept": "application/n-triples"})
    assert len(triples.text.splitlines()) == MAX_ROWS and triples.headers["x-sparql-maxrows"] == str(MAX_ROWS)
    small = client.get(endpoint, params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 7"}, headers={"Accept": "text/csv"})
    assert len(small.text.splitlines()) == 8 and "x-sparql-maxrows" not in small.headers


# -- what browser tools need ---------------------------------------------------------
def test_no_cors_header_unless_asked(endpoint, client):
    # --cors is off by default: any page the user opens could otherwise read the graph (test_serve_access.py)
    reply = client.post(endpoint, data={"query": COMPANIES}, headers={"Origin": "https://yasgui.example"})
    assert reply.status_code == 200 and "access-control-allow-origin" not in reply.headers


def test_the_service_description_says_what_the_endpoint_does(endpoint, client):
    reply = client.get(endpoint, headers={"Accept": "text/turtle"})
    assert reply.status_code == 200
    graph = Graph().parse(data=reply.text, format="turtle")
    service = URIRef(endpoint)
    assert (service, URIRef(SERD + "endpoint"), service) in graph
    assert (service, URIRef(SERD + "supportedLanguage"), URIRef(SERD + "SPARQL11Query")) in graph
    assert (service, URIRef(SERD + "feature"), URIRef(SERD + "UnionDefaultGraph")) in graph
    formats = {str(o) for o in graph.objects(service, URIRef(SERD + "resultFormat"))}
    assert {"http://www.w3.org/ns/formats/SPARQL_Results_JSON", "http://www.w3.org/ns/formats/Turtle"} <= formats
    assert "SPARQL11Update" not in reply.text


def test_binds_to_this_machine_only_unless_told(service):
    assert service.server.server_address[0] == "127.0.0.1"
    assert ServeOptions().host == "127.0.0.1"
    assert parser().parse_args(["serve", "graph.trig"]).host == "127.0.0.1"


def test_unknown_paths_and_methods(service, client):
    assert client.get(service.url + "nothing").status_code == 404
    assert client.post(service.url, data={"query": COMPANIES}).status_code == 405
    reply = client.post(service.url + "sparql", content=b"query=x", headers={"Content-Type": "text/plain"})
    assert reply.status_code == 415


def test_page_escapes_what_the_graph_says(service, client):
    query = "SELECT ?name WHERE { ?e rdfs:label|skos:altLabel ?name } ORDER BY ?name"
    page = client.get(service.url, params={"query": query})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert XSS_LABEL not in page.text and XSS_ALT not in page.text
    assert "&lt;script&gt;" in page.text and "&lt;img src=x onerror=" in page.text
    assert "script-src" not in page.headers["content-security-policy"]        # default-src 'none': no script runs
    # the user's own text is escaped too, in the box and in the error
    hostile = "SELECT * WHERE { ?s ?p </textarea><script>alert(1)</script> }"
    page = client.get(service.url, params={"query": hostile})
    assert "</textarea><script>" not in page.text and "&lt;/textarea&gt;&lt;script&gt;" in page.text
    assert 'role="alert"' in page.text


def test_page_offers_the_saved_queries_and_the_prefixes(service, client):
    page = client.get(service.url)
    assert "PREFIX gk: &lt;https://w3id.org/graphkit/ontology#&gt;" in page.text
    assert 'href="/?name=who-sells-what-to-whom"' in page.text
    result = client.get(service.url, params={"name": "who-sells-what-to-whom", "bind": "vendorName=V2"})
    assert "Vendor 2" in result.text and "Vendor 3" not in result.text and "Scanner 2" in result.text
    assert client.get(service.url, params={"name": "no-such-query"}).text.count("no saved query named") == 1


def test_json_answers_round_trip_through_json(endpoint, client):
    """Labels with quotes, markup and non-ASCII text survive the JSON writer."""
    reply = client.get(endpoint, params={"query": 'SELECT ?x WHERE { BIND("Żółw \\"q\\" <b>\\n" AS ?x) }'})
    assert json.loads(reply.content)["results"]["bindings"][0]["x"]["value"] == 'Żółw "q" <b>\n'
