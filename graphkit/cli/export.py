"""graphkit export GRAPH --format FORMAT -o OUT   |   graphkit export --list-formats"""
from __future__ import annotations

import sys

from ..errors import GraphkitError
from .common import EXIT_OK, add_endpoint, open_dataset


def register(sub) -> None:
    p = sub.add_parser("export", help="write a graph in another format (RDF, Gephi, Cytoscape, Neo4j, Aleph, CSV)",
                       description="Write GRAPH in another format; --list-formats shows them all.")
    p.add_argument("graph", nargs="?", metavar="GRAPH", help="a graph written by graphkit build")
    p.add_argument("--format", metavar="FORMAT", help="the export format, e.g. trig, graphml, neo4j, ftm")
    p.add_argument("-o", "--output", metavar="OUT", help="the file (or, for neo4j and csv, the folder) to write")
    p.add_argument("--list-formats", action="store_true", help="list the export formats and exit")
    add_endpoint(p)
    p.set_defaults(func=run)


def run(args) -> int:
    from ..export import FORMATS, export, format_named
    from ..graph.files import read_graph

    if args.list_formats:
        for fmt in FORMATS.values():
            print(f"{fmt.name:10} {fmt.kind:6} {fmt.description}")
        return EXIT_OK
    if not ((args.graph or args.endpoint) and args.format and args.output):
        raise GraphkitError("export needs GRAPH, --format FORMAT and -o OUT (or --list-formats)")
    chosen = format_named(args.format)          # a wrong name fails before the graph is read
    export(open_dataset(args, read_graph), chosen.name, args.output)
    print(f"{args.output}: written as {chosen.name} ({chosen.kind})", file=sys.stderr)
    return EXIT_OK
