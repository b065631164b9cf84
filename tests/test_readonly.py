"""No query run by graphkit reaches another server: every way of writing SERVICE is refused.

A listener on 127.0.0.1 stands in for the outside world. Each variant is first
shown to be live (Oxigraph or rdflib, run directly, does connect to the listener), then
run through every graphkit entry point: the Oxigraph and rdflib engines, the
endpoint (GET, form POST, direct POST), the query page and the command line.
The listener must receive nothing from any of them.
"""
from __future__ import annotations

import socket
import subprocess
import sys
import threading

import httpx
import pyoxigraph as ox
import pytest
from rdflib import Dataset
from test_store_roundtrip import sample_dataset

from graphkit.errors import QueryError
from graphkit.graph.store import open_graph
from graphkit.query.oxigraph import run_sparql
from graphkit.query.readonly import UpdateRefused, canonical, read_only
from graphkit.query.sparql import run_query
from graphkit.serve import ServeOptions, Service

# {url} is the listener's address; every variant holds a SERVICE clause that Oxigraph runs
VARIANTS = {
    "plain": "SELECT * WHERE { SERVICE <{url}> { ?a ?b ?c } }",
    "lower-case": "select * where { service <{url}> { ?a ?b ?c } }",
    "comment ended by CR": "SELECT * WHERE { # a note\rSERVICE <{url}> { ?a ?b ?c }\n}",
    "CRLF lines": "SELECT * WHERE {\r\n# a note\r\nSERVICE <{url}> { ?a ?b ?c }\r\n}",
    "CR lines": "SELECT *\rWHERE {\r# a note\rSERVICE <{url}> { ?a ?b ?c }\r}",
    "escaped # in a name": "PREFIX x: <http://ex.org/>\n"
                           "SELECT * WHERE { SERVICE <{url}> { ?a ?b ?c } OPTIONAL { ?a x:a\\#b ?c } }",
    "escaped # before it": "PREFIX x: <http://ex.org/>\n"
                           "SELECT * WHERE { OPTIONAL { ?s x:a\\#b ?o } SERVICE <{url}> { ?a ?b ?c } }",
    "codepoint escape": "SELECT * WHERE { \\u0053ERVICE <{url}> { ?a ?b ?c } }",
    "nested subquery": "SELECT * WHERE { { SELECT * WHERE { { SELECT * WHERE { SERVICE <{url}> { ?a ?b ?c } } } } } }",
    "inside EXISTS": "ASK { FILTER EXISTS { SERVICE <{url}> { ?a ?b ?c } } }",
    "SILENT in OPTIONAL": "SELECT * WHERE { OPTIONAL { SERVICE SILENT <{url}> { ?a ?b ?c } } }",
    "in a CONSTRUCT": "CONSTRUCT { ?a ?b ?c } WHERE { SERVICE <{url}> { ?a ?b ?c } }",
    "after a string with a #": "SELECT * WHERE { BIND(\"# }\" AS ?x) SERVICE <{url}> { ?a ?b ?c } }",
}


class Listener:
    """A TCP server on loopback that counts connections and closes each at once."""

    def __init__(self):
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/sparql"
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self):
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self):
        self._stop.set()
        self._thread.join()
        self.sock.close()


def query(name: str, url: str) -> str:
    return VARIANTS[name].replace("{url}", url)


@pytest.fixture(scope="module")
def listener():
    running = Listener()
    yield running
    running.close()



@pytest.fixture(scope="module")
def service(graph_file):
    with Service(graph_file, ServeOptions(port=0, timeout=5, quiet=True, workers=1)) as running:
        running.start()
        yield running


def reached(listener, action) -> int:
    """How many connections the listener received while ``action`` ran (its errors are ignored)."""
    before = listener.connections
    try:
        action()
    except Exception:
        pass
    return listener.connections - before


@pytest.mark.parametrize("name", VARIANTS)
def test_each_variant_is_live_when_oxigraph_runs_it_unchecked(listener, name):
    # proves the variant really calls out in one engine at least: otherwise the tests below would pass for nothing
    def on_oxigraph():
        answer = ox.Store().query(query(name, listener.url))
        if not isinstance(answer, ox.QueryBoolean):
            list(answer)

    def on_rdflib():
        list(Dataset().query(query(name, listener.url)))

    assert reached(listener, on_oxigraph) + reached(listener, on_rdflib) >= 1


@pytest.mark.parametrize("name", VARIANTS)
def test_the_engines_refuse_every_variant(listener, graph_file, name):
    text = query(name, listener.url)
    store, dataset = open_graph(graph_file), sample_dataset()
    for run in (lambda: run_sparql(store, text), lambda: run_query(dataset, text),
                lambda: run_sparql(store, text, bindings={"x": ox.Literal("v")})):
        with pytest.raises(QueryError):
            run()
    assert reached(listener, lambda: run_sparql(store, text)) == 0
    assert reached(listener, lambda: run_query(dataset, text)) == 0


@pytest.mark.parametrize("name", VARIANTS)
def test_the_endpoint_and_the_page_refuse_every_variant(listener, service, name):
    text = query(name, listener.url)
    endpoint = service.url + "sparql"
    before = listener.connections
    with httpx.Client(timeout=30) as client:
        replies = [client.get(endpoint, params={"query": text}),
                   client.post(endpoint, data={"query": text}),
                   client.post(endpoint, content=text.encode(), headers={"Content-Type": "application/sparql-query"})]
        assert all(reply.status_code == 400 for reply in replies), [r.text for r in replies]
        page = client.get(service.url, params={"query": text})
        assert page.status_code == 200 and ("refused" in page.text or "syntax error" in page.text)
    assert listener.connections == before


def test_the_command_line_refuses_and_calls_nobody(listener, graph_file):
    for name in ("comment ended by CR", "escaped # before it", "codepoint escape"):
        before = listener.connections
        run = subprocess.run([sys.executable, "-m", "graphkit", "query", str(graph_file), query(name, listener.url)],
                             capture_output=True, text=True, timeout=120)
        assert run.returncode != 0 and "Traceback" not in run.stderr and len(run.stderr.strip().splitlines()) == 1
        assert listener.connections == before, name


def test_from_never_fetches_a_graph(listener):
    # rdflib's engine would load the graph named by FROM from the web; graphkit's never does
    text = f"SELECT * FROM <{listener.url}> WHERE {{ ?s ?p ?o }}"
    assert reached(listener, lambda: run_query(sample_dataset(), text)) == 0


def test_ordinary_queries_still_run(graph_file):
    store = open_graph(graph_file)
    assert run_sparql(store, 'SELECT * WHERE { ?s ?p "customer service" }').rows == []
    assert run_sparql(store, "SELECT ?s WHERE { ?s ?p ?o } # comment\r\nLIMIT 1").rows
    assert run_sparql(store, 'SELECT * WHERE { ?s rdfs:label "SERVICE" }').rows == []
    assert run_sparql(store, 'ASK { ?s rdfs:label "\\u00e9" }').boolean is False


def test_the_text_checked_is_the_text_run():
    assert canonical("SELECT\r\n*\rWHERE { \\u003Fs ?p ?o }") == "SELECT\n*\nWHERE { ?s ?p ?o }"
    assert read_only("ASK {}\r\n") == "ASK {}\n"
    with pytest.raises(QueryError, match="escape"):
        canonical("ASK { ?s ?p '\\u005Cu0053' }")
    with pytest.raises(UpdateRefused):
        read_only("LOAD <http://127.0.0.1:1/x>")
