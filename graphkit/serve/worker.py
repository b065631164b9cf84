"""The query worker: a process that holds the graph open and answers one job at a time.

Oxigraph cannot stop a running query from Python, so queries run in worker
processes that the server can kill when a query passes its time limit (see
:mod:`graphkit.serve.pool`). A worker answers with the response body already
written in the negotiated format, so a huge answer never reaches the server
as Python objects.
"""
from __future__ import annotations

import os
import signal
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from ..errors import GraphkitError, QueryError, first_line
from ..query.readonly import UpdateRefused
from .formats import formats_for, negotiate, take, write_solutions, write_triples

TEXT = "text/plain; charset=utf-8"
MEMORY_EXIT = 75            # a worker's exit status when a query ran out of its memory allowance


@dataclass
class Job:
    query: str
    accept: str = ""
    requested: str = ""                 # a format= (or output=, results=) parameter
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)
    bindings: dict = field(default_factory=dict)
    max_rows: int = 10_000
    base: str = ""                      # resolves relative IRIs in the query: the endpoint's own URL


@dataclass
class Reply:
    status: int
    content_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


def error(status: int, message: str) -> Reply:
    return Reply(status, TEXT, (message.rstrip(".") + ".\n").encode("utf-8"))


def answer(graph, job: Job, base_iri: str) -> Reply:
    """Run one job on an open GraphStore; every failure becomes an HTTP status with one sentence."""
    from ..query.oxigraph import execute

    try:
        raw = execute(graph, job.query, bindings=job.bindings, base_iri=base_iri,
                      default_graphs=job.default_graphs, named_graphs=job.named_graphs, query_base=job.base or None)
        return write(raw, job, base_iri)
    except UpdateRefused as exc:
        return error(403, str(exc))
    except QueryError as exc:
        return error(400, str(exc))
    except MemoryError:                 # over the worker's allowance: worker_main ends it and says why
        raise
    except Exception as exc:            # an evaluation error must never end the worker
        return error(500, f"the query failed while running: {first_line(exc)}")


def write(raw, job: Job, base_iri: str) -> Reply:
    kind = "graph" if isinstance(raw, ox.QueryTriples) else "solutions"
    fmt = negotiate(kind, job.accept, job.requested)
    if fmt is None:
        what = "CONSTRUCT and DESCRIBE" if kind == "graph" else "SELECT and ASK"
        offered = ", ".join(f.media_type for f in formats_for(kind))
        return error(406, f"{what} answers are available as {offered}, none of which the request accepts")
    more = False
    if isinstance(raw, ox.QueryBoolean):
        body = write_solutions(fmt, [], [], bool(raw))
    elif kind == "graph":
        triples, more = take(raw, job.max_rows)
        body = write_triples(fmt, triples, base_iri)
    else:
        rows, more = take((tuple(solution) for solution in raw), job.max_rows)
        body = write_solutions(fmt, [v.value for v in raw.variables], rows)
    headers = {"X-SPARQL-MaxRows": str(job.max_rows)} if more else {}
    return Reply(200, fmt.media_type + "; charset=utf-8", body, headers)


def limit_memory(allowance: int) -> None:
    """Let this process grow by at most ``allowance`` bytes of address space from now on (Linux)."""
    try:
        import resource

        with open("/proc/self/statm") as statm:
            in_use = int(statm.read().split()[0]) * resource.getpagesize()
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = in_use + allowance
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, OSError, ValueError):
        pass                    # not Linux: no cap, as before


def worker_main(conn, graph_path: str, base_iri: str, in_memory: bool = False, max_memory: int = 0) -> None:
    """Entry point of a worker process: open the graph, say ready, answer jobs until the pipe closes.

    ``in_memory``: the worker holds its own in-memory copy of the graph (an RDF file is parsed, a store
    folder copied), which answers faster than the on-disk store; otherwise it opens the
    store folder read-only, as every other worker does.
    """
    from ..graph.store import load_into_memory, open_store

    signal.signal(signal.SIGINT, signal.SIG_IGN)     # Ctrl-C stops the server, which stops the workers
    try:
        graph = load_into_memory(Path(graph_path)) if in_memory else open_store(Path(graph_path))
    except GraphkitError as exc:
        conn.send(("error", str(exc)))
        return
    if max_memory:
        limit_memory(max_memory)
    conn.send(("ready", None))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply = answer(graph, job, base_iri)
        except MemoryError:             # Python's side of the query ran out of the allowance
            os._exit(MEMORY_EXIT)
        conn.send(reply)
