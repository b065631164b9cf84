"""graphkit query GRAPH QUERY | -f FILE.rq | --name SAVED  [--format table|csv|tsv|json] [--timeout S]

GRAPH is an RDF file (parsed into an in-memory Oxigraph store) or a store
folder (opened read-only, instantly); the query runs on Oxigraph, in a child
process stopped after --timeout seconds, and csv, tsv and json rows are
written as they are found.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

from ..errors import GraphkitError
from .common import EXIT_OK, add_base_iri, add_endpoint, endpoint_arguments

DEFAULT_TIMEOUT = 60.0      # seconds; the graph's loading is not counted


def register(sub) -> None:
    p = sub.add_parser("query", help="run a SPARQL query on a graph")
    p.add_argument("graph", nargs="?", metavar="GRAPH")
    p.add_argument("query", nargs="?", metavar="QUERY", help="SPARQL text; the project prefixes are predeclared")
    p.add_argument("-f", "--file", metavar="FILE.rq", help="read the query from a file")
    p.add_argument("-n", "--name", metavar="NAME", help="run a saved query by name (see `graphkit queries`)")
    p.add_argument("--queries", action="append", metavar="DIR", help="extra folder of saved .rq queries")
    p.add_argument("--bind", action="append", metavar="VAR=VALUE",
                   help="pre-bind a variable: a name, <IRI> or prefixed name such as gk:sells")
    p.add_argument("--format", default="table", choices=["table", "csv", "tsv", "json"])
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                   help=f"stop the query after this long (default {DEFAULT_TIMEOUT:g}; loading GRAPH is not counted)")
    add_base_iri(p)
    add_endpoint(p)
    p.set_defaults(func=run)

    p = sub.add_parser("queries", help="list the saved queries")
    p.add_argument("--queries", action="append", metavar="DIR", help="extra folder of saved .rq queries")
    p.set_defaults(func=run_list)


def query_text(args) -> str:
    from ..query.sparql import saved_query

    if args.name:
        return saved_query(args.name, tuple(args.queries or ())).text
    if args.file:
        try:
            return Path(args.file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise GraphkitError(f"{args.file}: cannot read the query file ({exc})") from None
    if args.query:
        return args.query
    raise GraphkitError("give a query, -f FILE.rq or --name SAVED-QUERY")


def run(args) -> int:
    from ..query.checks import check_bindings, ontology_warnings
    from ..query.sparql import parse_binding, write_result

    endpoint_arguments(args)
    if not args.timeout > 0:
        raise GraphkitError("--timeout must be a positive number of seconds")
    text = query_text(args)
    bindings = dict(parse_binding(b, args.base_iri) for b in args.bind or ())
    check_bindings(text, bindings)          # before the graph is read
    for warning in ontology_warnings(text):
        print(f"graphkit: warning: {warning}", file=sys.stderr)
    width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None

    def write(result) -> None:
        write_result(result, args.format, sys.stdout, width=width, base_iri=args.base_iri)

    if args.endpoint:
        from ..remote import query_endpoint

        write(query_endpoint(args.endpoint, text, bindings=bindings, base_iri=args.base_iri))
        return EXIT_OK
    from ..graph.store import open_graph
    from ..query.deadline import run_with_deadline
    from ..query.oxigraph import run_sparql

    def answer(graph) -> None:
        write(run_sparql(graph, text, bindings=bindings, base_iri=args.base_iri, stream=True))

    run_with_deadline(lambda: open_graph(args.graph), answer, timeout=args.timeout)
    return EXIT_OK


def run_list(args) -> int:
    from ..query.sparql import saved_queries

    for name, saved in sorted(saved_queries(tuple(args.queries or ())).items()):
        print(f"{name:36} {saved.title}")
    return EXIT_OK
