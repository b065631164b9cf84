"""graphkit push GRAPH --endpoint URL [--timeout SECONDS]"""
from __future__ import annotations

import sys

from .common import EXIT_OK, progress_bar


def register(sub) -> None:
    p = sub.add_parser("push", help="write a graph into a SPARQL server (Graph Store Protocol), one graph per article",
                       description="PUT each named graph of GRAPH (one per article, plus the entities graph) to a "
                                   "SPARQL 1.1 Graph Store endpoint; pushing again replaces them. Credentials, "
                                   "if the server needs them, come from GRAPHKIT_ENDPOINT_USER and "
                                   "GRAPHKIT_ENDPOINT_PASSWORD.")
    p.add_argument("graph", metavar="GRAPH", help="a graph written by graphkit build (.trig .nq .jsonld) or a store folder")
    p.add_argument("--endpoint", required=True, metavar="URL",
                   help="the Graph Store endpoint, e.g. http://localhost:7878/store (Oxigraph), "
                        "http://localhost:8890/sparql-graph-crud (Virtuoso), http://localhost:3030/DATASET/data (Fuseki)")
    p.add_argument("--timeout", type=float, default=120.0, metavar="SECONDS",
                   help="give up when one graph's PUT has not been answered in full after this long (default 120)")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..remote import push

    report = push(args.graph, args.endpoint, progress=progress_bar(sys.stderr), timeout=args.timeout)
    print(f"{args.graph}: {report.graphs} graphs, {report.triples} triples written to {args.endpoint} "
          f"in {report.seconds:.1f} s", file=sys.stderr)
    return EXIT_OK
