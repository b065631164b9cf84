"""The HTTP side: routes, Host and CORS checks, limits; queries go to the worker pool.

    GET  /                      the HTML query page
    GET  /static/page.css       its style sheet
    GET  /sparql                a query (query=…), or the service description without one
    POST /sparql                a query, form-encoded or as application/sparql-query
    OPTIONS *                   CORS preflight (CORS headers only for --cors origins)
    PUT, DELETE, PATCH, HEAD    405, with the methods that are allowed

A request whose Host is not this machine's is refused with 403 (see
:mod:`graphkit.serve.access`).
"""
from __future__ import annotations

import select
import socket
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from .. import __version__
from .access import Access
from .connections import IO_TIMEOUT, MAX_CONNECTIONS, REQUEST_DEADLINE, Server
from .description import PREFIXES as DESCRIPTION_PREFIXES
from .description import describe
from .formats import negotiate, write_triples
from .page import Page
from .pool import QueryPool
from .protocol import MAX_BODY, ProtocolError, read_request
from .worker import TEXT, Job, Reply, error

STATIC = {"page.css": "text/css; charset=utf-8"}
ALLOWED_METHODS = "GET, POST, OPTIONS"
PAGE_SECURITY = ("default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'; "
                 "frame-ancestors 'none'")


class App:
    """What every request needs: the pool, the limits, the page."""

    def __init__(self, pool: QueryPool, page: Page, *, max_rows: int, timeout: float, base_iri: str,
                 access: Access | None = None):
        self.pool, self.page = pool, page
        self.max_rows, self.timeout, self.base_iri = max_rows, timeout, base_iri
        self.access = access or Access.for_server("127.0.0.1")


class Handler(BaseHTTPRequestHandler):
    server_version = f"graphkit/{__version__}"
    protocol_version = "HTTP/1.1"
    timeout = IO_TIMEOUT                    # one socket read or write (see graphkit.serve.connections)
    app: App                                # set on the subclass made by make_server

    def handle_one_request(self) -> None:
        watch = self.server.watch
        watch.reading(self.connection)      # from here until the request is read, the deadline runs
        try:
            super().handle_one_request()
        finally:
            watch.done(self.connection)
        if watch.was_cut(self.connection):
            self.close_connection = True
            self.server.log(f"{self.client_address[0]}:{self.client_address[1]} sent no whole request "
                            "in time; closed")

    def begin(self) -> bool:
        """Whether to answer this request: it was read whole, in time, and addressed to this machine."""
        if self.server.watch.was_cut(self.connection):
            self.close_connection = True
            return False
        return not self.refused_host()

    def request_read(self) -> None:
        self.server.watch.done(self.connection)         # the query's own time is bounded by the pool

    def do_OPTIONS(self) -> None:
        if not self.begin():
            return
        headers = {"Allow": ALLOWED_METHODS}
        if self.app.access.cors_headers(self.headers.get("Origin")):
            headers.update({"Access-Control-Allow-Methods": ALLOWED_METHODS,
                            "Access-Control-Allow-Headers": "Content-Type, Accept",
                            "Access-Control-Max-Age": "86400"})
        self.send(Reply(204, TEXT, b"", headers))

    def not_allowed(self) -> None:
        self.discard_body()
        reply = error(405, f"{self.command} is not supported here; use {ALLOWED_METHODS}")
        reply.headers["Allow"] = ALLOWED_METHODS
        self.send(reply)

    do_PUT = do_DELETE = do_PATCH = do_HEAD = not_allowed

    def refused_host(self) -> bool:
        """Answer 403 to a request addressed to a name that is not this machine's (DNS rebinding)."""
        if self.app.access.host_allowed(self.headers.get("Host")):
            return False
        self.close_connection = True
        self.send(error(403, "this endpoint answers requests addressed to localhost or this machine's "
                             "address only; start it with --allow-host NAME to add a name"))
        return True

    def do_GET(self) -> None:
        if not self.begin():
            return
        self.request_read()
        url = urlsplit(self.path)
        if url.path == "/":
            params = parse_qs(url.query, keep_blank_values=True)
            body = self.app.page.render(params, lambda job: self.app.pool.run(job, self.client_gone))
            self.send(Reply(200, "text/html; charset=utf-8", body, {"Content-Security-Policy": PAGE_SECURITY}))
        elif url.path.startswith("/static/") and url.path[len("/static/"):] in STATIC:
            name = url.path[len("/static/"):]
            self.send(Reply(200, STATIC[name], (Path(__file__).parent / "static" / name).read_bytes()))
        elif url.path == "/sparql":
            self.sparql("GET", url.query, b"")
        else:
            self.send(error(404, f"nothing at {url.path}; the query page is / and the SPARQL endpoint /sparql"))

    def do_POST(self) -> None:
        if not self.begin():
            return
        url = urlsplit(self.path)
        if url.path != "/sparql":
            self.discard_body()
            self.send(error(404 if url.path != "/" else 405, "POST queries to /sparql"))
            return
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            self.close_connection = True
            self.send(error(411, "a POST needs a Content-Length"))
            return
        if int(length) > MAX_BODY:
            self.close_connection = True
            self.send(error(413, f"the request body is larger than {MAX_BODY} bytes"))
            return
        body = self.rfile.read(int(length))
        if len(body) < int(length) or self.server.watch.was_cut(self.connection):
            self.close_connection = True          # the client hung up (or was cut off) inside its body
            return
        self.request_read()
        self.sparql("POST", url.query, body)

    def sparql(self, method: str, url_query: str, body: bytes) -> None:
        try:
            request = read_request(method, url_query, self.headers.get("Content-Type", ""), body)
        except ProtocolError as exc:
            self.send(error(exc.status, str(exc)))
            return
        if request.query is None:
            self.send(self.description())
            return
        job = Job(request.query, accept=self.headers.get("Accept", ""), requested=request.requested,
                  default_graphs=request.default_graphs, named_graphs=request.named_graphs,
                  max_rows=self.app.max_rows, base=self.endpoint_url())
        self.send(self.app.pool.run(job, self.client_gone))

    def client_gone(self) -> bool:
        """Whether the client has closed its connection (asked while its query runs)."""
        try:
            readable, _, _ = select.select([self.connection], [], [], 0)
            return bool(readable) and self.connection.recv(1, socket.MSG_PEEK) == b""
        except (OSError, ValueError):
            return True

    def description(self) -> Reply:
        fmt = negotiate("graph", self.headers.get("Accept", ""))
        if fmt is None:
            return error(406, "the service description is available as Turtle, N-Triples, JSON-LD or RDF/XML")
        triples = describe(self.endpoint_url(), timeout=self.app.timeout, max_rows=self.app.max_rows)
        return Reply(200, fmt.media_type + "; charset=utf-8", write_triples(fmt, triples, self.app.base_iri, DESCRIPTION_PREFIXES))

    def endpoint_url(self) -> str:
        """This endpoint's URL as the client addressed it (its Host header), else the bound address."""
        bound = "http://%s:%s/sparql" % self.server.server_address[:2]
        host = self.headers.get("Host")
        if not host:
            return bound
        try:
            return ox.NamedNode(f"http://{host}/sparql").value
        except ValueError:                  # a Host header that makes no IRI
            return bound

    def setup(self) -> None:
        super().setup()
        # headers and body leave in two writes; without this, Nagle's algorithm holds the body back until
        # the client acknowledges the headers, which a client delays by up to 40 ms
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def discard_body(self) -> None:
        length = self.headers.get("Content-Length", "")
        if length.isdigit() and int(length) <= MAX_BODY:
            self.rfile.read(int(length))
        else:
            self.close_connection = True

    def send(self, reply: Reply) -> None:
        self.send_response(reply.status)
        vary = "Accept, Origin" if self.app.access.origins else "Accept"
        headers = {"Content-Type": reply.content_type, "Content-Length": str(len(reply.body)),
                   "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store", "Vary": vary,
                   **self.app.access.cors_headers(self.headers.get("Origin")), **reply.headers}
        if self.close_connection:
            headers["Connection"] = "close"     # so that the client does not send its next request here
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(reply.body)

    def log_message(self, format: str, *args) -> None:     # noqa: A002 (the base class's name)
        if not self.server.quiet:
            super().log_message(format, *args)


def make_server(app: App, host: str, port: int, *, quiet: bool = False, max_connections: int = MAX_CONNECTIONS,
                request_deadline: float = REQUEST_DEADLINE) -> Server:
    handler = type("GraphkitHandler", (Handler,), {"app": app})
    server = Server((host, port), handler, max_connections=max_connections, request_deadline=request_deadline)
    server.quiet = quiet
    return server
