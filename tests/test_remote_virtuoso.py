"""graphkit push, reading back and queries against a real Virtuoso (Debian's virtuoso-opensource).

Each Virtuoso is a throwaway instance in a temporary folder, configured by
tests/data/virtuoso.ini and started on free loopback ports. Without
virtuoso-t these tests skip, unless GRAPHKIT_REQUIRE_SERVERS is set (CI).
"""
from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import httpx
import pytest
from rdflib import URIRef
from SPARQLWrapper import JSON, SPARQLWrapper

from graphkit.cli import main

pytestmark = pytest.mark.slow        # the example graph is built with the spaCy pipeline
INI = Path(__file__).parent / "data" / "virtuoso.ini"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def require_virtuoso() -> str:
    found = shutil.which("virtuoso-t")
    if found is None:
        if os.environ.get("GRAPHKIT_REQUIRE_SERVERS"):
            pytest.fail("Virtuoso (virtuoso-t) is required for the server tests but is not installed")
        pytest.skip("Virtuoso is not installed (apt-get install virtuoso-opensource)")
    return found


@contextlib.contextmanager
def virtuoso_server(folder: Path, *, max_rows: int = 10_000):
    """A Virtuoso whose anonymous SPARQL user may write; yields its HTTP base URL."""
    binary = require_virtuoso()
    folder.mkdir(parents=True)
    isql, http = free_port(), free_port()
    (folder / "virtuoso.ini").write_text(INI.read_text().format(isql_port=isql, http_port=http, max_rows=max_rows))
    log = (folder / "server.out").open("wb")
    process = subprocess.Popen([binary, "+configfile", "virtuoso.ini", "+foreground"], cwd=folder,
                               stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{http}"
    try:
        _wait(f"{base}/sparql?query=ASK%7B%7D", process)
        subprocess.run([shutil.which("isql-vt") or "isql-vt", f"127.0.0.1:{isql}", "dba", "dba",
                        "exec=GRANT SPARQL_UPDATE TO \"SPARQL\";"], check=True, capture_output=True, timeout=60)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=60)
        log.close()


def _wait(url: str, process: subprocess.Popen, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"virtuoso-t exited with status {process.returncode}")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"Virtuoso did not answer at {url} within {seconds} s")


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    with virtuoso_server(tmp_path_factory.mktemp("virtuoso") / "db") as base:
        yield base


def graphkit_graphs(query_url: str) -> dict[str, int]:
    """Triples per graphkit graph on the server, read with SPARQLWrapper."""
    client = SPARQLWrapper(query_url)
    client.setQuery("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                    "FILTER(STRSTARTS(STR(?g), 'https://w3id.org/graphkit/id/')) } GROUP BY ?g")
    client.setReturnFormat(JSON)
    return {r["g"]["value"]: int(r["n"]["value"]) for r in client.queryAndConvert()["results"]["bindings"]}


def local_graphs(dataset) -> dict[str, int]:
    return {str(g.identifier): len(g) for g in dataset.graphs()
            if len(g) and isinstance(g.identifier, URIRef) and "/graphkit/id/" in str(g.identifier)}


def sorted_nquads(dataset) -> list[str]:
    return sorted(line for line in dataset.serialize(format="nquads").splitlines() if line.strip())


def test_push_twice_then_read_back_the_same_graph(virtuoso, example_graph_path, example_graph, capsys):
    for _ in range(2):      # the second push replaces each graph: nothing doubles
        assert main(["push", str(example_graph_path), "--endpoint", f"{virtuoso}/sparql-graph-crud"]) == 0
    assert graphkit_graphs(f"{virtuoso}/sparql") == local_graphs(example_graph)

    from graphkit.remote import read_endpoint

    assert sorted_nquads(read_endpoint(f"{virtuoso}/sparql")) == sorted_nquads(example_graph)


def test_digest_credentials_from_the_environment(virtuoso, example_graph_path, example_graph, monkeypatch, capsys):
    url = f"{virtuoso}/sparql-graph-crud-auth"
    monkeypatch.setenv("GRAPHKIT_ENDPOINT_USER", "dba")
    monkeypatch.setenv("GRAPHKIT_ENDPOINT_PASSWORD", "not-the-password")
    assert main(["push", str(example_graph_path), "--endpoint", url]) == 2
    err = capsys.readouterr().err
    assert "refused to write" in err and "401" in err and "nothing was written" in err
    monkeypatch.setenv("GRAPHKIT_ENDPOINT_PASSWORD", "dba")
    assert main(["push", str(example_graph_path), "--endpoint", url]) == 0
    assert graphkit_graphs(f"{virtuoso}/sparql") == local_graphs(example_graph)


def test_a_result_cap_is_paged_under_and_a_truncation_is_caught(tmp_path, example_graph_path, example_graph,
                                                                monkeypatch):
    import graphkit.remote.read as reader
    from graphkit.remote import EndpointError

    with virtuoso_server(tmp_path / "capped", max_rows=50) as base:
        assert main(["push", str(example_graph_path), "--endpoint", f"{base}/sparql-graph-crud"]) == 0
        with pytest.raises(EndpointError, match="gave 50 triples where it counted"):
            reader.read_endpoint(f"{base}/sparql")
        monkeypatch.setattr(reader, "ROWS_PER_ANSWER", 40)
        assert sorted_nquads(reader.read_endpoint(f"{base}/sparql")) == sorted_nquads(example_graph)


def test_saved_queries_run_on_virtuoso_as_on_the_file(virtuoso, example_graph_path, capsys):
    assert main(["push", str(example_graph_path), "--endpoint", f"{virtuoso}/sparql-graph-crud"]) == 0
    # Virtuoso 7.2 repeats some rows of SELECT DISTINCT queries that combine OPTIONAL and BIND
    # (critics-of, fines-and-lawsuits): a server quirk, documented in docs/scaling.md
    for name in ("who-sells-what-to-whom", "agencies-using-face-recognition", "bans-and-moratoriums"):
        capsys.readouterr()
        assert main(["query", str(example_graph_path), "--name", name, "--format", "csv"]) == 0
        local = capsys.readouterr().out
        assert main(["query", "--endpoint", f"{virtuoso}/sparql", "--name", name, "--format", "csv"]) == 0
        remote = capsys.readouterr().out
        assert sorted(remote.splitlines()) == sorted(local.splitlines()) and len(local.splitlines()) > 2
