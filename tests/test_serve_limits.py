"""A query's memory is capped in its worker, and a client that leaves takes its query with it."""
from __future__ import annotations

import socket
import time
from urllib.parse import quote

import httpx

from graphkit.serve import ServeOptions, Service

# sorting a triple cross product of the sample graph needs far more than 100 MB
HUNGRY = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?b ?c ?d ?e ?f ?g ?h ?i"
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"



def test_a_query_over_the_memory_cap_is_stopped_and_said_so(graph_file):
    with Service(graph_file, ServeOptions(port=0, quiet=True, workers=1, timeout=120, max_memory_mb=100)) as service:
        service.start()
        endpoint = service.url + "sparql"
        reply = httpx.get(endpoint, params={"query": HUNGRY}, timeout=300)
        assert reply.status_code == 503 and "more memory than a worker may use (100 MB" in reply.text
        # the worker was replaced: ordinary queries still run under the cap
        assert httpx.get(endpoint, params={"query": "ASK { ?s ?p ?o }"}, timeout=300).json()["boolean"] is True


def test_a_client_that_leaves_frees_its_worker(graph_file, capfd):
    # one worker and a ten-minute limit: had the abandoned query kept running, the next client would wait it out
    with Service(graph_file, ServeOptions(port=0, workers=1, timeout=600)) as service:
        service.start()
        host, port = service.server.server_address[:2]
        for _ in range(2):          # the second leaves while waiting for the worker the first one took
            sock = socket.create_connection((host, port))
            sock.sendall(f"GET /sparql?query={quote(ENDLESS)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
            time.sleep(0.5)
            sock.close()
        reply = httpx.get(service.url + "sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=120)
        assert reply.status_code == 200 and reply.json()["boolean"] is True
    assert "its query was stopped" in capfd.readouterr().err
