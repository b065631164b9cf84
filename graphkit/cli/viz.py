"""graphkit viz GRAPH -o OUT.html"""
from __future__ import annotations

import sys

from .common import EXIT_OK


def register(sub) -> None:
    p = sub.add_parser("viz", help="draw a graph as an interactive HTML page")
    p.add_argument("graph", metavar="GRAPH")
    p.add_argument("-o", "--output", required=True, metavar="OUT.html")
    p.add_argument("--title", help="page title")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..project import to_networkx
    from ..rdfio import read_graph
    from ..viz import write_page

    graph = to_networkx(read_graph(args.graph))
    write_page(graph, args.output, title=args.title or f"graphkit: {args.graph}")
    print(f"{args.output}: {graph.number_of_nodes()} entities, {graph.number_of_edges()} relations", file=sys.stderr)
    return EXIT_OK
