"""``graphkit serve``: a read-only SPARQL 1.1 Protocol endpoint and a query page over a GRAPH.

    with Service("graph.oxigraph", ServeOptions(port=0)) as service:
        service.start()                 # in a background thread
        print(service.url)              # http://127.0.0.1:PORT/

By default an RDF file is served from memory: each worker process parses it
into its own in-memory store, the fastest way to answer (typically 1.7 times
faster than on disk) at the price of one copy of the graph per worker. A store folder
is served from disk, read-only, shared by the workers. ``in_memory`` turns
either way round: a store copied into each worker's memory, or a file copied
into a temporary on-disk store (removed on close). Queries run in worker processes
(:mod:`graphkit.serve.pool`) so that a query past the time limit is really
stopped while the others carry on.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from ..errors import GraphkitError
from ..graph.formats import is_store_path
from ..graph.store import check_graph_file, copy_to_store, open_store
from ..graph.vocab import DEFAULT_BASE_IRI
from ..query.sparql import saved_queries
from .access import Access, check_origin
from .connections import MAX_CONNECTIONS, REQUEST_DEADLINE
from .page import Page
from .pool import MAX_MEMORY, QueryPool
from .server import App, make_server

__all__ = ["DEFAULT_PORT", "ServeOptions", "Service"]
DEFAULT_PORT = 7337


@dataclass
class ServeOptions:
    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT            # 0 picks a free port
    timeout: float = 10.0               # seconds a query may run
    max_rows: int = 10_000              # rows (or triples) in one answer
    workers: int = 2                    # query processes
    query_dirs: tuple[str, ...] = ()    # extra folders of saved .rq queries for the page
    base_iri: str = DEFAULT_BASE_IRI
    quiet: bool = False                 # no request log on stderr
    in_memory: bool | None = None       # None: a file in memory, a store folder on disk
    cors: tuple[str, ...] = ()          # origins whose pages may read answers ("*": any); none by default
    allow_hosts: tuple[str, ...] = ()   # Host names answered besides localhost, IP addresses and the bound name
    max_connections: int = MAX_CONNECTIONS      # connection threads at once; more clients wait in the backlog
    request_deadline: float = REQUEST_DEADLINE  # seconds a connection may take to send one whole request
    max_memory_mb: int = MAX_MEMORY >> 20       # memory a worker may add to the open graph for one query


class Service:
    """A running endpoint: the graph, the worker pool and the HTTP server."""

    def __init__(self, graph: str | Path, options: ServeOptions | None = None):
        self.options = options or ServeOptions()
        if min(self.options.timeout, self.options.max_rows, self.options.workers, self.options.max_connections,
               self.options.request_deadline, self.options.max_memory_mb) <= 0:
            raise GraphkitError("--timeout, --max-rows, --workers, --max-connections and --max-memory must be positive")
        for origin in self.options.cors:
            check_origin(origin)            # a clear error before any worker starts
        self._temp: Path | None = None
        self._thread: threading.Thread | None = None
        self.pool = self.server = None
        try:
            self.graph, self.in_memory = self._prepare(Path(graph))
            saved = saved_queries(self.options.query_dirs)
            self.pool = QueryPool(self.graph, workers=self.options.workers, timeout=self.options.timeout,
                                  base_iri=self.options.base_iri, in_memory=self.in_memory,
                                  max_memory=self.options.max_memory_mb << 20, log=self._log)
            page = Page(saved, base_iri=self.options.base_iri, timeout=self.options.timeout,
                        max_rows=self.options.max_rows)
            access = Access.for_server(self.options.host, extra_hosts=self.options.allow_hosts,
                                       cors=self.options.cors)
            app = App(self.pool, page, max_rows=self.options.max_rows, timeout=self.options.timeout,
                      base_iri=self.options.base_iri, access=access)
            self.server = self._listen(app)
        except BaseException:
            self.close()
            raise

    def _log(self, message: str) -> None:
        if not self.options.quiet:
            print(f"graphkit: {message}", file=sys.stderr, flush=True)

    def _prepare(self, graph: Path) -> tuple[Path, bool]:
        """What the workers open, and whether they hold it in memory."""
        is_store = is_store_path(graph)
        in_memory = not is_store if self.options.in_memory is None else self.options.in_memory
        if is_store:
            open_store(graph)               # a clear error now rather than in every worker
            return graph, in_memory
        if in_memory:
            check_graph_file(graph)
            return graph, True
        self._temp = Path(tempfile.mkdtemp(prefix="graphkit-serve-"))
        store = self._temp / "graph.oxigraph"
        copy_to_store(graph, store)
        return store, False

    def _listen(self, app: App):
        try:
            return make_server(app, self.options.host, self.options.port, quiet=self.options.quiet,
                               max_connections=self.options.max_connections,
                               request_deadline=self.options.request_deadline)
        except OSError as exc:
            where = f"{self.options.host}:{self.options.port}"
            raise GraphkitError(f"cannot listen on {where} ({exc.strerror or exc})") from None

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        host = f"[{host}]" if ":" in host else host
        return f"http://{host}:{port}/"

    def serve_forever(self) -> None:
        self.server.serve_forever()

    def start(self) -> None:
        """Serve from a background thread (for tests and notebooks)."""
        self._thread = threading.Thread(target=self.serve_forever, name="graphkit-serve", daemon=True)
        self._thread.start()

    def close(self) -> None:
        if self.server is not None:
            if self._thread is not None:
                self.server.shutdown()
            self.server.server_close()
        if self.pool is not None:
            self.pool.close()
        if self._temp is not None:
            shutil.rmtree(self._temp, ignore_errors=True)

    def __enter__(self) -> "Service":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
