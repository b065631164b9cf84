"""`graphkit push` against servers that misbehave, on 127.0.0.1: one deadline per request, and a hint for a base URL."""
from __future__ import annotations

import socket
import subprocess
import sys
import threading

import pytest

from graphkit.remote import EndpointError, push
from graphkit.remote.push import store_hint


class FakeServer:
    """Accepts connections on loopback and answers each as ``answer(connection)`` decides."""

    def __init__(self, answer):
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.answer = answer
        self.stop = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        self.sock.settimeout(0.2)
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            threading.Thread(target=self._one, args=(conn,), daemon=True).start()

    def _one(self, conn):
        try:
            conn.recv(1 << 20)
            self.answer(conn, self.stop)
        except OSError:
            pass
        finally:
            conn.close()

    def close(self):
        self.stop.set()
        self.sock.close()


def trickle(conn, stop):
    """A status line, then one header byte every 0.3 s, for as long as the test runs."""
    conn.sendall(b"HTTP/1.1 200 OK\r\nX-Slow: ")
    while not stop.wait(0.3):
        conn.sendall(b"a")


def silent(conn, stop):
    stop.wait(600)


def not_found(conn, stop):
    conn.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\nConnection: close\r\n\r\nNot found")


@pytest.mark.parametrize("behaviour", [trickle, silent], ids=["trickles-bytes", "says-nothing"])
def test_a_server_that_never_finishes_stops_the_push_at_its_deadline(graph_file, behaviour):
    server = FakeServer(behaviour)
    try:
        with pytest.raises(EndpointError, match=r"did not finish answering within 1 s \(--timeout\).*nothing was written"):
            push(graph_file, server.url + "/store", timeout=1)
    finally:
        server.close()


def test_the_command_line_says_so_in_one_sentence(graph_file):
    server = FakeServer(trickle)
    try:
        run = subprocess.run([sys.executable, "-m", "graphkit", "push", str(graph_file), "--endpoint",
                              server.url + "/store", "--timeout", "1"], capture_output=True, text=True, timeout=300)
    finally:
        server.close()
    lines = run.stderr.strip().splitlines()
    assert run.returncode == 2 and len(lines) == 1 and "within 1 s" in lines[0] and "Traceback" not in run.stderr


def test_a_base_url_gets_the_graph_store_url_to_use(graph_file):
    server = FakeServer(not_found)
    try:
        with pytest.raises(EndpointError, match=rf"Graph Store endpoint is {server.url}/store on Oxigraph"):
            push(graph_file, server.url + "/", timeout=30)
        with pytest.raises(EndpointError, match=rf"its Graph Store endpoint is {server.url}/ds/data"):
            push(graph_file, server.url + "/ds", timeout=30)
    finally:
        server.close()


def test_graph_store_urls_get_no_hint():
    for url in ("http://h:7878/store", "http://h:3030/ds/data", "http://h:8890/sparql-graph-crud-auth",
                "http://h:7200/repositories/r/rdf-graphs/service"):
        assert store_hint(url) == ""
