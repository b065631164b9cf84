"""`graphkit serve` under many clients, slow clients and clients that hang up: nothing fails or hangs.

All on 127.0.0.1, bounded in count. The figures (latency percentiles) are
measured by bench/bench_load.py; these tests only check that every request
is answered and that bad clients cannot hold the server.
"""
from __future__ import annotations

import socket
import struct
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx

from graphkit.serve import ServeOptions, Service

CLIENTS, REQUESTS = 20, 50
QUERY = "SELECT ?name WHERE { ?e a gk:Company ; rdfs:label ?name } ORDER BY ?name"



def connection_threads() -> int:
    return sum("process_request_thread" in t.name for t in threading.enumerate())


def test_twenty_clients_of_fifty_requests_all_answered(graph_file):
    with Service(graph_file, ServeOptions(port=0, quiet=True)) as service:
        service.start()
        endpoint = service.url + "sparql"
        expected = httpx.get(endpoint, params={"query": QUERY}, timeout=60).json()

        def client(_):
            answers = []
            with httpx.Client(timeout=60) as http:
                for _ in range(REQUESTS):
                    try:
                        reply = http.get(endpoint, params={"query": QUERY})
                        answers.append(reply.status_code == 200 and reply.json() == expected)
                    except httpx.HTTPError:
                        answers.append(False)
            return answers

        with ThreadPoolExecutor(CLIENTS) as pool:
            answers = [ok for batch in pool.map(client, range(CLIENTS)) for ok in batch]
    assert len(answers) == CLIENTS * REQUESTS and all(answers), answers.count(False)


def test_half_sent_requests_are_closed_and_do_not_lock_others_out(graph_file):
    options = ServeOptions(port=0, quiet=True, workers=1, max_connections=4, request_deadline=1.0)
    with Service(graph_file, options) as service:
        service.start()
        host, port = service.server.server_address[:2]
        stalled = []
        for _ in range(40):
            sock = socket.create_connection((host, port))
            sock.sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")    # never finished
            stalled.append(sock)
        most = 0
        with ThreadPoolExecutor(1) as pool:
            answer = pool.submit(httpx.get, service.url + "sparql", params={"query": "ASK {}"}, timeout=120)
            while not answer.done():
                most = max(most, connection_threads())
                time.sleep(0.05)
            assert answer.result().status_code == 200
        assert most <= options.max_connections
        for sock in stalled:
            sock.settimeout(60)
            assert sock.recv(100) == b""        # the server closed it, answering nothing
            sock.close()


def test_a_client_that_hangs_up_is_one_log_line(graph_file, capfd):
    with Service(graph_file, ServeOptions(port=0, workers=1)) as service:
        service.start()
        host, port = service.server.server_address[:2]
        sock = socket.create_connection((host, port))
        sock.sendall(b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
                     b"Content-Length: 500\r\n\r\nSELECT")
        time.sleep(0.2)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))   # close with a reset
        sock.close()
        err, deadline = "", time.monotonic() + 30
        while "hung up" not in err and time.monotonic() < deadline:
            time.sleep(0.1)
            err += capfd.readouterr().err
        # still answering
        assert httpx.get(service.url + "sparql", params={"query": "ASK {}"}, timeout=60).status_code == 200
    err += capfd.readouterr().err
    assert "Traceback" not in err and "Exception occurred" not in err
    assert len([line for line in err.splitlines() if "hung up" in line]) == 1, err
