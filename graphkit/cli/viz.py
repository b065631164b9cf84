"""graphkit viz GRAPH -o OUT.html [--focus NAME --depth N] [--types ...] [--predicates ...] [--query ...]"""
from __future__ import annotations

import sys
from pathlib import Path

from ..errors import GraphError, GraphkitError, OutputError
from .common import EXIT_OK, add_base_iri, add_endpoint, open_dataset


def register(sub) -> None:
    from ..viz import DEFAULT_MAX_EDGES, DEFAULT_MAX_NODES, DEFAULT_PHYSICS_LIMIT, LAYOUTS

    p = sub.add_parser("viz", help="draw a graph as an interactive HTML page",
                       description="Write one self-contained HTML page that draws the graph (or a part of it).")
    p.add_argument("graph", nargs="?", metavar="GRAPH", help="a graph written by graphkit build (.ttl .trig .nq .nt .jsonld)")
    p.add_argument("-o", "--output", required=True, metavar="OUT.html",
                   help="the page to write (replaced only once complete)")
    p.add_argument("--title", help="page title (default: graphkit: GRAPH)")
    pick = p.add_argument_group("what to draw")
    pick.add_argument("--focus", action="append", metavar="NAME",
                      help="draw the neighbourhood of this entity (name, other name or IRI); repeatable")
    pick.add_argument("--depth", type=int, default=1, metavar="N",
                      help="relations away from --focus to include (default 1)")
    pick.add_argument("--types", action="append", metavar="T1,T2",
                      help="entity types to keep, e.g. Company,GovernmentAgency")
    pick.add_argument("--predicates", action="append", metavar="P1,P2", help="relations to keep, e.g. sells,sellsTo")
    pick.add_argument("--min-support", type=int, default=0, metavar="N", help="keep relations stated at least N times")
    pick.add_argument("--query", metavar="SPARQL", help="draw the result of a CONSTRUCT, or of a SELECT of ?s ?p ?o")
    pick.add_argument("--query-file", metavar="FILE.rq", help="read that query from a file")
    add_base_iri(pick)
    add_endpoint(pick)
    look = p.add_argument_group("size and layout")
    look.add_argument("--size-by", choices=["connections", "support"], default="connections",
                      help="what node size shows")
    look.add_argument("--max-nodes", type=int, default=DEFAULT_MAX_NODES, metavar="N",
                      help=f"draw at most N entities, the best-connected (default {DEFAULT_MAX_NODES})")
    look.add_argument("--max-edges", type=int, default=DEFAULT_MAX_EDGES, metavar="N",
                      help=f"draw at most N relations, the best-supported (default {DEFAULT_MAX_EDGES})")
    look.add_argument("--layout", choices=LAYOUTS, default="auto",
                      help="physics in the browser, or positions computed ahead (static); auto picks by size")
    look.add_argument("--physics-limit", type=int, default=DEFAULT_PHYSICS_LIMIT, metavar="N",
                      help=f"with --layout auto, the largest graph laid out by physics "
                           f"(default {DEFAULT_PHYSICS_LIMIT})")
    p.set_defaults(func=run)


def query_text(args) -> str | None:
    if args.query and args.query_file:
        raise GraphkitError("give --query or --query-file, not both")
    if args.query_file:
        try:
            return Path(args.query_file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise GraphkitError(f"{args.query_file}: cannot read the query file ({exc})") from None
    return args.query


def run(args) -> int:
    from ..graph.files import read_graph
    from ..graph.project import to_networkx
    from ..query.sparql import run_query
    from ..viz import ViewOptions, make_view, write_page

    folder = Path(args.output).parent
    if not folder.is_dir():
        raise OutputError(f"{args.output}: the folder {folder} does not exist")
    text = query_text(args)
    dataset = open_dataset(args, read_graph)
    result = run_query(dataset, text, base_iri=args.base_iri) if text else None
    options = ViewOptions(focus=tuple(args.focus or ()), depth=args.depth, types=tuple(args.types or ()),
                          predicates=tuple(args.predicates or ()), min_support=args.min_support,
                          max_nodes=args.max_nodes, max_edges=args.max_edges)
    graph = to_networkx(dataset)
    if graph.number_of_nodes() == 0:
        raise GraphError(f"{args.graph}: no entity to draw (is it a graph written by graphkit build?)")
    view = make_view(graph, options, query_result=result, base_iri=args.base_iri)
    write_page(view, args.output, title=args.title or f"graphkit: {args.graph}", size_by=args.size_by,
               layout=args.layout, physics_limit=args.physics_limit)
    drawn = f"{view.graph.number_of_nodes():,} entities, {view.graph.number_of_edges():,} relations"
    whole = f" (of {view.total_nodes:,} and {view.total_edges:,})" if view.selected else ""
    print(f"{args.output}: {drawn}{whole}", file=sys.stderr)
    if view.left_out is not None:
        print("graphkit: note: the drawing is capped; raise --max-nodes/--max-edges or narrow it to see the rest",
              file=sys.stderr)
    return EXIT_OK
