"""Push a graph into a SPARQL server with the Graph Store HTTP Protocol.

Every named graph of GRAPH (one per article, plus the entities graph) goes
in its own ``PUT endpoint?graph=IRI`` request: the server replaces that
graph whole, atomically. So a second push of the same graph changes
nothing, a push of a rebuilt graph replaces each article's facts, and a
push cut short (dropped connection, server restart) leaves every graph
either old or new, never half-written: pushing again repairs it.

The body is canonical N-Triples sent as ``text/turtle`` (N-Triples is a
subset of Turtle, the one format every Graph Store accepts).

Each PUT has one overall deadline (``timeout``, 120 s by default) covering
connecting, sending and the whole answer: a server that accepts the
connection and then says nothing, or trickles its answer a byte at a time,
stops the push with one sentence rather than holding it forever.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import httpx
import pyoxigraph as ox

from ..errors import GraphError
from .http import EndpointError, check_url, describe_failure, describe_refusal, http_client

BODY_TYPE = "text/turtle; charset=utf-8"
DEFAULT_TIMEOUT = 120.0     # seconds for one PUT, from connecting to the end of the answer
# where Graph Store endpoints live on common servers, for a base URL that names none
STORE_PATHS = ("/store", "/data", "/sparql-graph-crud", "/sparql-graph-crud-auth", "/rdf-graphs/service")
Progress = Callable[[Iterable, int], Iterable]


@dataclass
class PushReport:
    graphs: int = 0
    triples: int = 0
    seconds: float = 0.0


def push(graph: str | Path, endpoint: str, *, auth: httpx.Auth | None = None,
         progress: Progress | None = None, timeout: float = DEFAULT_TIMEOUT) -> PushReport:
    """PUT each named graph of ``graph`` (an RDF file or an Oxigraph store folder) to ``endpoint``.

    ``timeout``: seconds one PUT may take from start to end of the server's answer.
    """
    started = time.perf_counter()
    check_url(endpoint)
    if not timeout > 0:
        raise EndpointError("--timeout must be a positive number of seconds")
    store = open_source(graph)
    names = sorted((g for g in store.named_graphs() if isinstance(g, ox.NamedNode)), key=lambda g: g.value)
    if not names:
        raise GraphError(f"{graph}: holds no named graph to push (a .ttl or .nt file flattens them; "
                         "push a .trig, .nq or .jsonld graph, or a store folder)")
    report = PushReport()
    steps = progress(names, len(names)) if progress is not None else names
    with http_client(auth) as client:
        for name in steps:
            triples = [quad.triple for quad in store.quads_for_pattern(None, None, None, name)]
            body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
            put_graph(client, endpoint, name.value, body, written=report.graphs, total=len(names), timeout=timeout)
            report.graphs += 1
            report.triples += len(triples)
    report.seconds = time.perf_counter() - started
    return report


def put_graph(client: httpx.Client, endpoint: str, iri: str, body: bytes, *, written: int = 0,
              total: int = 1, timeout: float = DEFAULT_TIMEOUT) -> None:
    """Replace one graph on the server within ``timeout`` seconds; EndpointError says how far the push got."""
    def send() -> httpx.Response:
        return client.put(endpoint, params={"graph": iri}, content=body, headers={"Content-Type": BODY_TYPE})

    try:
        response = within(timeout, send)
    except TimeoutError:
        client.close()              # best effort: drop the connection the request is stuck on
        raise EndpointError(f"the server at {endpoint} did not finish answering within {timeout:g} s (--timeout) "
                            f"while writing graph <{iri}>; {_progress_note(written, total)}") from None
    except httpx.HTTPError as exc:
        raise EndpointError(f"{describe_failure(exc, endpoint)} while writing graph <{iri}>; "
                            f"{_progress_note(written, total)}") from None
    if response.status_code not in (200, 201, 204):
        raise EndpointError(f"the server at {endpoint} refused to write graph <{iri}> ({describe_refusal(response)}); "
                            f"{_progress_note(written, total)}{store_hint(endpoint)}")


def within(seconds: float, call: Callable[[], httpx.Response]) -> httpx.Response:
    """``call()``'s result, or TimeoutError once ``seconds`` have passed (the call is left to fail on its own).

    httpx bounds each read and write, not a whole request, so a server that trickles bytes would never
    time out; the request runs in a daemon thread that the caller stops waiting for.
    """
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["value"] = call()
        except BaseException as exc:        # noqa: BLE001 (handed to the waiting thread)
            outcome["error"] = exc

    worker = threading.Thread(target=run, name="graphkit-push-request", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise TimeoutError
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def store_hint(endpoint: str) -> str:
    """A hint when the URL is a server's base address rather than its Graph Store endpoint."""
    url = httpx.URL(endpoint)
    path = url.path.rstrip("/")
    if path.endswith(STORE_PATHS):
        return ""
    base = str(url.copy_with(query=None, fragment=None)).rstrip("/")
    if not path:
        return (f". {endpoint} is a server's base address: the Graph Store endpoint is {base}/store on Oxigraph, "
                f"{base}/DATASET/data on Fuseki, {base}/sparql-graph-crud on Virtuoso")
    return (f". If {endpoint} is a Fuseki dataset, its Graph Store endpoint is {base}/data "
            f"(Oxigraph's is /store, Virtuoso's /sparql-graph-crud)")


def _progress_note(written: int, total: int) -> str:
    if written == 0:
        return "nothing was written"
    return (f"{written} of {total} graphs were replaced before it; each graph is replaced whole, "
            "so pushing again repairs the rest")


def open_source(graph: str | Path) -> ox.Store:
    """A pyoxigraph Store over an RDF file (parsed into memory) or an Oxigraph store folder (read-only)."""
    path = Path(graph)
    if path.is_dir():
        if not (path / "CURRENT").is_file():
            raise GraphError(f"{path}: this folder is not an Oxigraph store")
        try:
            return ox.Store.read_only(str(path))
        except OSError as exc:
            raise GraphError(f"{path}: the store cannot be opened ({exc})") from None
    if not path.is_file():
        raise GraphError(f"{path}: no such graph file or store folder")
    try:
        fmt = ox.RdfFormat.from_extension(path.suffix.lstrip(".").lower())
    except (ValueError, AttributeError):
        fmt = None
    if fmt is None:
        raise GraphError(f"{path}: unknown graph extension {path.suffix or '(none)'!r}; use .trig, .nq or .jsonld")
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=fmt)
    except (SyntaxError, ValueError, OSError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise GraphError(f"{path}: cannot be read as {fmt.name} ({first[:200]})") from None
    return store
