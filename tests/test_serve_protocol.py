"""SPARQL 1.1 Protocol cases where `serve` used to deviate: the request's dataset, relative IRIs, methods.

Modelled on the query cases of the W3C protocol manifest (query_content_type_construct,
query_multiple_dataset and the dataset cases, bad_query_method), written for graphkit's sample graph.
"""
from __future__ import annotations

import httpx
import pytest
from rdflib import Graph, URIRef
from test_store_roundtrip import sample_dataset

from graphkit.graph.files import write_graph
from graphkit.graph.vocab import DEFAULT_BASE_IRI
from graphkit.serve import ServeOptions, Service

A = f"{DEFAULT_BASE_IRI}article/a-0"
B = f"{DEFAULT_BASE_IRI}article/a-1"


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    path = tmp_path_factory.mktemp("protocol") / "sample.trig"
    write_graph(sample_dataset(), path)
    with Service(path, ServeOptions(port=0, quiet=True, workers=1)) as service:
        service.start()
        yield service.url + "sparql"


@pytest.fixture
def client():
    with httpx.Client(timeout=60) as http:
        yield http


def ask(client, endpoint, query, **dataset) -> bool:
    reply = client.post(endpoint, data={"query": query, **dataset})
    assert reply.status_code == 200, reply.text
    return reply.json()["boolean"]


def test_relative_iris_resolve_against_the_endpoint(endpoint, client):
    reply = client.post(endpoint, content=b"CONSTRUCT { <s> <p> 1 } WHERE {}",
                        headers={"Content-Type": "application/sparql-query", "Accept": "text/turtle"})
    assert reply.status_code == 200, reply.text
    graph = Graph().parse(data=reply.text, format="turtle")
    base = endpoint.rsplit("/", 1)[0] + "/"
    assert {(str(s), str(p)) for s, p, _ in graph} == {(base + "s", base + "p")}


def test_the_requests_named_graphs_replace_the_querys_from(endpoint, client):
    # FROM <A> in the query, named-graph-uri=B in the request: the protocol's dataset wins, with an empty
    # default graph since no default-graph-uri was given
    query = f"ASK FROM <{A}> {{ ?s ?p ?o }}"
    assert ask(client, endpoint, query) is True
    assert ask(client, endpoint, query, **{"named-graph-uri": B}) is False
    graphs = client.post(endpoint, data={"query": f"SELECT DISTINCT ?g FROM NAMED <{A}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
                                         "named-graph-uri": B}).json()["results"]["bindings"]
    assert [row["g"]["value"] for row in graphs] == [B]


def test_the_requests_default_graph_comes_with_no_named_graphs(endpoint, client):
    assert ask(client, endpoint, "ASK { GRAPH ?g { ?s ?p ?o } }") is True
    assert ask(client, endpoint, "ASK { GRAPH ?g { ?s ?p ?o } }", **{"default-graph-uri": A}) is False
    assert ask(client, endpoint, "ASK { ?s ?p ?o }", **{"default-graph-uri": A}) is True


def test_both_dataset_parameters_together(endpoint, client):
    query = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    reply = client.get(endpoint, params=[("query", query), ("default-graph-uri", A),
                                         ("named-graph-uri", A), ("named-graph-uri", B)])
    assert reply.json()["results"]["bindings"][0]["n"]["value"] == "2"


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH", "HEAD"])
def test_other_methods_are_405_with_allow(endpoint, client, method):
    reply = client.request(method, endpoint, params={"query": "ASK {}"})
    assert reply.status_code == 405 and "GET" in reply.headers["allow"] and "POST" in reply.headers["allow"]


def test_the_description_names_the_endpoint_as_addressed(endpoint, client):
    port = endpoint.split(":")[2].split("/")[0]
    reply = client.get(endpoint, headers={"Accept": "text/turtle", "Host": f"localhost:{port}"})
    graph = Graph().parse(data=reply.text, format="turtle")
    assert URIRef(f"http://localhost:{port}/sparql") in set(graph.subjects())


@pytest.mark.parametrize("name, request_args, status", [
    ("bad_multiple_queries", {"method": "GET", "params": [("query", "ASK {}"), ("query", "SELECT * {}")]}, 400),
    ("bad_query_wrong_media_type", {"method": "POST", "content": b"ASK {}", "headers": {"Content-Type": "text/plain"}},
     415),
    ("bad_query_missing_form_type", {"method": "POST", "content": b"query=ASK%20%7B%7D"}, 415),
    ("bad_query_missing_direct_type", {"method": "POST", "content": b"ASK {}"}, 415),
    ("bad_query_non_utf8", {"method": "POST", "content": "ASK {}".encode("utf-16"),
                            "headers": {"Content-Type": "application/sparql-query"}}, 400),
    ("bad_query_syntax", {"method": "GET", "params": {"query": "ASK {"}}, 400),
])
def test_bad_requests_are_4xx_with_one_sentence(endpoint, client, name, request_args, status):
    reply = client.request(url=endpoint, **request_args)
    assert reply.status_code == status, (name, reply.text)
    assert reply.headers["content-type"].startswith("text/plain") and len(reply.text.strip().splitlines()) == 1


@pytest.mark.parametrize("query, media", [
    ("SELECT ?s WHERE { ?s ?p ?o } LIMIT 1", "application/sparql-results+json"),
    ("ASK { ?s ?p ?o }", "application/sparql-results+json"),
    (f"DESCRIBE <{A}>", "text/turtle"),
    ("CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1", "text/turtle"),
])
def test_each_query_form_answers_in_its_kind_of_format(endpoint, client, query, media):
    for reply in (client.get(endpoint, params={"query": query}),
                  client.post(endpoint, data={"query": query}),
                  client.post(endpoint, content=query.encode(), headers={"Content-Type": "application/sparql-query"})):
        assert reply.status_code == 200 and reply.headers["content-type"].startswith(media), reply.text
