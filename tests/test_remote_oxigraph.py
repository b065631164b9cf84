"""graphkit push and reading graphs back, against a real Oxigraph server started on loopback.

The server is the `oxigraph` package's binary (a test dependency); each test
starts its own on a free port and stops it. Reading back goes through an
independent client (SPARQLWrapper) as well as graphkit's own reader.
"""
from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from rdflib import Dataset, URIRef
from SPARQLWrapper import JSON, SPARQLWrapper

from graphkit.cli import main
from graphkit.graph.files import read_graph

pytestmark = pytest.mark.slow        # the example graph is built with the spaCy pipeline


# -- servers and helpers ----------------------------------------------------------
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_http(url: str, process: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with status {process.returncode}")
        try:
            httpx.get(url, timeout=2)
            return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise RuntimeError(f"no answer from {url} after {seconds} s")


def oxigraph_binary() -> str:
    found = Path(sys.executable).with_name("oxigraph")
    return str(found) if found.exists() else shutil.which("oxigraph") or pytest.fail(
        "the oxigraph server (PyPI package `oxigraph`, in graphkit's test extra) is not installed")


@contextlib.contextmanager
def oxigraph_server(folder: Path, *, read_only: bool = False):
    """An Oxigraph server over a store folder; yields its base URL."""
    port = free_port()
    mode = ["serve-read-only"] if read_only else ["serve", "--union-default-graph"]
    log = (folder.parent / f"{folder.name}.log").open("wb")
    process = subprocess.Popen([oxigraph_binary(), *mode, "--location", str(folder), "--bind", f"127.0.0.1:{port}"],
                               stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(f"{base}/query?query=ASK%7B%7D", process)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


@pytest.fixture
def oxigraph(tmp_path):
    with oxigraph_server(tmp_path / "store") as base:
        yield base


class DroppingProxy:
    """Forwards TCP to a server, then cuts every connection once `limit` bytes went upstream."""

    def __init__(self, upstream_port: int, limit: int):
        self.upstream_port, self.limit, self.sent = upstream_port, limit, 0
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.sockets: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        with contextlib.suppress(OSError):
            while True:
                client, _ = self.listener.accept()
                server = socket.create_connection(("127.0.0.1", self.upstream_port))
                self.sockets += [client, server]
                threading.Thread(target=self._pump, args=(client, server, True), daemon=True).start()
                threading.Thread(target=self._pump, args=(server, client, False), daemon=True).start()

    def _pump(self, source: socket.socket, target: socket.socket, upstream: bool) -> None:
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                if upstream:
                    allowed = max(0, self.limit - self.sent)
                    self.sent += len(data)
                    if len(data) > allowed:
                        target.sendall(data[:allowed])
                        self.close()
                        return
                target.sendall(data)

    def close(self) -> None:
        for sock in [self.listener, *self.sockets]:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()


def server_graphs(query_url: str) -> dict[str, int]:
    """Triples per named graph, read with SPARQLWrapper (an independent SPARQL client)."""
    client = SPARQLWrapper(query_url)
    client.setQuery("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    client.setReturnFormat(JSON)
    rows = client.queryAndConvert()["results"]["bindings"]
    return {row["g"]["value"]: int(row["n"]["value"]) for row in rows}


def local_graphs(dataset: Dataset) -> dict[str, int]:
    return {str(g.identifier): len(g) for g in dataset.graphs() if len(g) and isinstance(g.identifier, URIRef)
            and not str(g.identifier).startswith("urn:x-rdflib:")}


def sorted_nquads(dataset: Dataset) -> list[str]:
    return sorted(line for line in dataset.serialize(format="nquads").splitlines() if line.strip())


def push_cli(graph, endpoint, capsys) -> tuple[int, str]:
    code = main(["push", str(graph), "--endpoint", endpoint])
    return code, capsys.readouterr().err


# -- tests ----------------------------------------------------------------------
def test_push_writes_one_graph_per_article_and_reads_back_whole(oxigraph, example_graph_path, example_graph, capsys):
    code, err = push_cli(example_graph_path, f"{oxigraph}/store", capsys)
    assert code == 0, err
    expected = local_graphs(example_graph)
    assert server_graphs(f"{oxigraph}/query") == expected
    articles = [g for g in expected if "/article/" in g]
    assert len(articles) >= 8 and any(g.endswith("graph/entities") for g in expected)
    assert f"{len(expected)} graphs" in err

    from graphkit.remote import read_endpoint

    assert sorted_nquads(read_endpoint(f"{oxigraph}/query")) == sorted_nquads(example_graph)


def test_pushing_again_replaces_each_graph(oxigraph, example_graph_path, example_graph, tmp_path, capsys):
    assert push_cli(example_graph_path, f"{oxigraph}/store", capsys)[0] == 0
    assert push_cli(example_graph_path, f"{oxigraph}/store", capsys)[0] == 0
    assert server_graphs(f"{oxigraph}/query") == local_graphs(example_graph)

    # a rebuilt graph in which one article lost half of its facts: the server's copy loses them too
    changed = read_graph(example_graph_path)
    article = next(g for g in changed.graphs() if "/article/" in str(g.identifier))
    dropped = sorted(article, key=str)[: len(article) // 2]
    for triple in dropped:
        article.remove(triple)
    smaller = tmp_path / "smaller.trig"
    smaller.write_bytes(changed.serialize(format="trig", encoding="utf-8"))
    assert push_cli(smaller, f"{oxigraph}/store", capsys)[0] == 0
    counts = server_graphs(f"{oxigraph}/query")
    assert counts[str(article.identifier)] == len(article) == local_graphs(example_graph)[str(article.identifier)] - len(dropped)
    assert counts == local_graphs(changed)


def test_reading_in_small_pages_gives_the_same_graph(oxigraph, example_graph_path, example_graph, monkeypatch, capsys):
    import graphkit.remote.read as reader

    assert push_cli(example_graph_path, f"{oxigraph}/store", capsys)[0] == 0
    entities = max(local_graphs(example_graph).values())
    monkeypatch.setattr(reader, "ROWS_PER_ANSWER", entities // 3)     # the biggest graph is paged by subject
    monkeypatch.setattr(reader, "KEYS_PER_PAGE", 3)
    monkeypatch.setattr(reader, "VALUES_PER_QUERY", 4)
    assert sorted_nquads(reader.read_endpoint(f"{oxigraph}/query")) == sorted_nquads(example_graph)


def test_a_server_that_refuses_writes_gets_one_clear_error(tmp_path, example_graph_path, capsys):
    import pyoxigraph

    folder = tmp_path / "readonly"
    store = pyoxigraph.Store(str(folder))
    store.flush()
    del store
    with oxigraph_server(folder, read_only=True) as base:
        code, err = push_cli(example_graph_path, f"{base}/store", capsys)
        assert code == 2
        assert err.startswith("graphkit: error: the server at") and "refused to write" in err
        assert "nothing was written" in err and "Traceback" not in err and err.count("\n") == 1
        assert server_graphs(f"{base}/query") == {}


def test_a_connection_dropped_mid_push_leaves_no_half_graph_and_a_retry_repairs(
        oxigraph, example_graph_path, example_graph, capsys):
    size = example_graph_path.stat().st_size
    proxy = DroppingProxy(int(oxigraph.rsplit(":", 1)[1]), limit=size // 2)
    try:
        code, err = push_cli(example_graph_path, f"http://127.0.0.1:{proxy.port}/store", capsys)
    finally:
        proxy.close()
    assert code == 2 and "dropped" in err and "pushing again repairs" in err and "Traceback" not in err
    expected = local_graphs(example_graph)
    written = server_graphs(f"{oxigraph}/query")
    assert 0 < len(written) < len(expected)
    assert all(expected[g] == n for g, n in written.items())       # each graph whole, or not there
    assert push_cli(example_graph_path, f"{oxigraph}/store", capsys)[0] == 0
    assert server_graphs(f"{oxigraph}/query") == expected


def test_an_unreachable_endpoint_is_one_clear_error(example_graph_path, capsys):
    code, err = push_cli(example_graph_path, f"http://127.0.0.1:{free_port()}/store", capsys)
    assert code == 2
    assert "cannot reach the server" in err and "nothing was written" in err and err.count("\n") == 1


def test_a_flattened_graph_has_no_article_graphs_to_push(tmp_path, example_graph, oxigraph, capsys):
    flat = tmp_path / "flat.nt"
    flat.write_bytes(example_graph.serialize(format="nt", encoding="utf-8"))
    code, err = push_cli(flat, f"{oxigraph}/store", capsys)
    assert code == 2 and "holds no named graph to push" in err
    assert server_graphs(f"{oxigraph}/query") == {}


# -- the commands that read a graph, pointed at the server -------------------------------------
@pytest.fixture
def pushed(oxigraph, example_graph_path, capsys):
    assert push_cli(example_graph_path, f"{oxigraph}/store", capsys)[0] == 0
    return f"{oxigraph}/query"


def run_cli(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_query_runs_on_the_endpoint_as_on_the_file(pushed, example_graph_path, capsys):
    for extra in (["--name", "who-sells-what-to-whom"], ["--name", "critics-of", "--bind", "targetName=Amazon"],
                  ["ASK { ?s gk:sells ?o }"]):
        local = run_cli(capsys, "query", str(example_graph_path), *extra, "--format", "csv")
        remote = run_cli(capsys, "query", "--endpoint", pushed, *extra, "--format", "csv")
        assert local[0] == remote[0] == 0, remote[2]
        assert sorted(remote[1].splitlines()) == sorted(local[1].splitlines())
    assert len(local[1].splitlines()) >= 1 and "true" in remote[1]


def test_query_construct_on_the_endpoint_gives_a_graph(pushed, capsys):
    code, out, _ = run_cli(capsys, "query", "--endpoint", pushed, "CONSTRUCT { ?s gk:sells ?o } WHERE { ?s gk:sells ?o }")
    from rdflib import Graph

    assert code == 0 and len(Graph().parse(data=out, format="turtle")) >= 3


def test_export_stats_and_viz_read_the_endpoint(pushed, example_graph_path, tmp_path, capsys):
    for fmt in ("nquads", "graphml"):
        assert run_cli(capsys, "export", str(example_graph_path), "--format", fmt, "-o", str(tmp_path / f"a.{fmt}"))[0] == 0
        assert run_cli(capsys, "export", "--endpoint", pushed, "--format", fmt, "-o", str(tmp_path / f"b.{fmt}"))[0] == 0
    a, b = ((tmp_path / f"{x}.nquads").read_text(encoding="utf-8").splitlines() for x in "ab")
    assert sorted(filter(None, a)) == sorted(filter(None, b))
    assert (tmp_path / "a.graphml").read_bytes() == (tmp_path / "b.graphml").read_bytes()
    assert run_cli(capsys, "stats", str(example_graph_path))[1] == run_cli(capsys, "stats", "--endpoint", pushed)[1]
    code, _, err = run_cli(capsys, "viz", "--endpoint", pushed, "-o", str(tmp_path / "page.html"))
    local_err = run_cli(capsys, "viz", str(example_graph_path), "-o", str(tmp_path / "local.html"))[2]
    assert code == 0 and err.split(": ", 1)[1] == local_err.split(": ", 1)[1]     # same entities and relations drawn


def test_endpoint_mistakes_are_one_clear_error(pushed, example_graph_path, capsys):
    code, _, err = run_cli(capsys, "query", "--endpoint", pushed, "SELECT ?s WHERE { ?s ?p }")
    assert code == 2 and "rejected the query" in err and err.count("\n") == 1
    code, _, err = run_cli(capsys, "query", "--endpoint", f"http://127.0.0.1:{free_port()}/query", "ASK {}")
    assert code == 2 and "cannot reach the server" in err
    code, _, err = run_cli(capsys, "stats", str(example_graph_path), "--endpoint", pushed)
    assert code == 2 and "not both" in err
    code, _, err = run_cli(capsys, "query", "--endpoint", pushed, "INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    assert code == 2 and "read-only" in err
