"""graphkit serve GRAPH [--host 127.0.0.1] [--port 7337] [--timeout S] [--max-rows N] [--workers N]
[--in-memory|--on-disk] [--cors ORIGIN]... [--allow-host NAME]..."""
from __future__ import annotations

import signal
import sys

from .common import EXIT_OK, add_base_iri


def register(sub) -> None:
    from ..serve import DEFAULT_PORT, ServeOptions

    defaults = ServeOptions()
    p = sub.add_parser("serve", help="serve a graph over the SPARQL 1.1 Protocol, with a query page")
    p.add_argument("graph", metavar="GRAPH", help="an RDF file or an Oxigraph store folder")
    p.add_argument("--host", default=defaults.host,
                   help="address to listen on (default 127.0.0.1: this machine only; 0.0.0.0 opens it to the network)")
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT}; 0 picks a free one)")
    p.add_argument("--timeout", type=float, default=defaults.timeout, metavar="SECONDS",
                   help=f"stop a query after this long (default {defaults.timeout:g})")
    p.add_argument("--max-rows", type=int, default=defaults.max_rows, metavar="N",
                   help=f"cut answers at N rows or triples (default {defaults.max_rows})")
    p.add_argument("--workers", type=int, default=defaults.workers, metavar="N",
                   help=f"queries answered at once (default {defaults.workers})")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--in-memory", dest="in_memory", action="store_const", const=True,
                       help="each worker holds the graph in memory: fastest, one copy per worker "
                            "(the default for an RDF file)")
    where.add_argument("--on-disk", dest="in_memory", action="store_const", const=False,
                       help="the workers share an on-disk store: less memory, slower queries "
                            "(the default for a store folder; a file is first copied into a temporary store)")
    p.add_argument("--queries", action="append", metavar="DIR", help="extra folder of saved .rq queries for the page")
    p.add_argument("--cors", action="append", metavar="ORIGIN",
                   help="let pages from ORIGIN (e.g. https://yasgui.org) read answers; repeatable; * for any site "
                        "(default: no site may)")
    p.add_argument("--allow-host", action="append", metavar="NAME",
                   help="also answer requests addressed to NAME (besides localhost, IP addresses and --host)")
    p.add_argument("--max-connections", type=int, default=defaults.max_connections, metavar="N",
                   help=f"clients served at once; more wait their turn (default {defaults.max_connections})")
    p.add_argument("--max-memory", type=int, default=defaults.max_memory_mb, metavar="MB",
                   help="memory a query may take in its worker beyond the open graph; a query that needs more "
                        f"is stopped (default {defaults.max_memory_mb})")
    p.add_argument("--quiet", action="store_true", help="do not log each request")
    add_base_iri(p)
    p.set_defaults(func=run)


def stop_on_term(*_) -> None:
    raise KeyboardInterrupt        # SIGTERM stops the server as Ctrl-C does, removing its temporary store


def run(args) -> int:
    from ..serve import ServeOptions, Service

    signal.signal(signal.SIGTERM, stop_on_term)

    options = ServeOptions(host=args.host, port=args.port, timeout=args.timeout, max_rows=args.max_rows,
                           workers=args.workers, query_dirs=tuple(args.queries or ()), base_iri=args.base_iri,
                           quiet=args.quiet, in_memory=args.in_memory, cors=tuple(args.cors or ()),
                           allow_hosts=tuple(args.allow_host or ()), max_connections=args.max_connections,
                           max_memory_mb=args.max_memory)
    with Service(args.graph, options) as service:
        print(f"graphkit: serving {args.graph} at {service.url} (SPARQL endpoint {service.url}sparql); "
              "Ctrl-C stops", flush=True)
        if args.host not in ("127.0.0.1", "localhost", "::1"):
            print("graphkit: note: other machines can reach this endpoint", file=sys.stderr, flush=True)
        try:
            service.serve_forever()
        except KeyboardInterrupt:
            print("graphkit: stopped", file=sys.stderr)
    return EXIT_OK
