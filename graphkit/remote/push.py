"""Push a graph into a SPARQL server with the Graph Store HTTP Protocol.

Every named graph of GRAPH (one per article, plus the entities graph) goes
in its own ``PUT endpoint?graph=IRI`` request: the server replaces that
graph whole, atomically. So a second push of the same graph changes
nothing, a push of a rebuilt graph replaces each article's facts, and a
push cut short (dropped connection, server restart) leaves every graph
either old or new, never half-written: pushing again repairs it.

The body is canonical N-Triples sent as ``text/turtle`` (N-Triples is a
subset of Turtle, the one format every Graph Store accepts).
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import httpx
import pyoxigraph as ox

from ..errors import GraphError
from .http import EndpointError, check_url, describe_failure, describe_refusal, http_client

BODY_TYPE = "text/turtle; charset=utf-8"
Progress = Callable[[Iterable, int], Iterable]


@dataclass
class PushReport:
    graphs: int = 0
    triples: int = 0
    seconds: float = 0.0


def push(graph: str | Path, endpoint: str, *, auth: httpx.Auth | None = None,
         progress: Progress | None = None) -> PushReport:
    """PUT each named graph of ``graph`` (an RDF file or an Oxigraph store folder) to ``endpoint``."""
    started = time.perf_counter()
    check_url(endpoint)
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
            put_graph(client, endpoint, name.value, body, written=report.graphs, total=len(names))
            report.graphs += 1
            report.triples += len(triples)
    report.seconds = time.perf_counter() - started
    return report


def put_graph(client: httpx.Client, endpoint: str, iri: str, body: bytes, *, written: int = 0,
              total: int = 1) -> None:
    """Replace one graph on the server; EndpointError says how far the push got."""
    try:
        response = client.put(endpoint, params={"graph": iri}, content=body, headers={"Content-Type": BODY_TYPE})
    except httpx.HTTPError as exc:
        raise EndpointError(f"{describe_failure(exc, endpoint)} while writing graph <{iri}>; "
                            f"{_progress_note(written, total)}") from None
    if response.status_code not in (200, 201, 204):
        raise EndpointError(f"the server at {endpoint} refused to write graph <{iri}> ({describe_refusal(response)}); "
                            f"{_progress_note(written, total)}")


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
