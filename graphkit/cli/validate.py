"""graphkit validate GRAPH"""
from __future__ import annotations

import sys

from .common import EXIT_OK, EXIT_PARTIAL


def register(sub) -> None:
    p = sub.add_parser("validate", help="check a graph against graphkit's SHACL shapes")
    p.add_argument("graph", metavar="GRAPH")
    p.add_argument("--limit", type=int, default=20, help="how many findings to print")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..graph.files import read_graph
    from ..graph.validate import validate

    report = validate(read_graph(args.graph))
    if report.findings:
        print(report.summary(limit=args.limit), file=sys.stderr if report.violations else sys.stdout)
    verdict = "conforms" if report.conforms else "does not conform"
    print(f"{args.graph} {verdict} to the graphkit shapes: "
          f"{len(report.violations)} violation(s), {len(report.warnings)} warning(s)")
    return EXIT_OK if report.conforms else EXIT_PARTIAL
