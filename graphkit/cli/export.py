"""graphkit export GRAPH --format FORMAT -o OUT"""
from __future__ import annotations

import sys

from ..errors import GraphkitError
from .common import EXIT_OK


def register(sub) -> None:
    p = sub.add_parser("export", help="write a graph in another format")
    p.add_argument("graph", nargs="?", metavar="GRAPH")
    p.add_argument("--format", metavar="FORMAT")
    p.add_argument("-o", "--output", metavar="OUT")
    p.add_argument("--list-formats", action="store_true", help="list the export formats")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..export import WRITERS, export
    from ..rdfio import read_graph

    if args.list_formats:
        for name, writer in sorted(WRITERS.items()):
            print(f"{name:10} {writer.kind:6} {writer.description}")
        return EXIT_OK
    if not (args.graph and args.format and args.output):
        raise GraphkitError("export needs GRAPH, --format FORMAT and -o OUT (or --list-formats)")
    export(read_graph(args.graph), args.format, args.output)
    print(f"{args.output}: written as {args.format}", file=sys.stderr)
    return EXIT_OK
