"""Extraction speed: the whole build against spaCy's parse alone, on the same texts, in one run.

    python bench/bench_extraction.py [--copies N]

The corpus is the development set and the bundled examples, repeated N times
(each copy a distinct article). Prints words per second for `nlp.pipe` alone
and for the whole build (parse, extraction, resolution, RDF, serialisation),
and their ratio; spaCy's parse is the ceiling.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from graphkit.build import BuildOptions, extract_all
from graphkit.ingest import collect_files, read_articles
from graphkit.model import Article
from graphkit.nlp import load_pipeline
from graphkit.rdf import to_dataset
from graphkit.rdfio import write_graph
from graphkit.resolve import resolve

ROOT = Path(__file__).resolve().parent.parent


def corpus(copies: int) -> list[Article]:
    inputs = [ROOT.parent / "shared" / "eval" / "dev", ROOT / "examples" / "articles"]
    base = [a for a in read_articles(collect_files([p for p in inputs if p.exists()]).files) if isinstance(a, Article)]
    return [replace(a, id=f"{a.id}-{n}") for n in range(copies) for a in base]


def words(articles: list[Article]) -> int:
    return sum(len(a.text.split()) for a in articles)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=8)
    ap.add_argument("--batch-size", type=int, default=16)
    args = ap.parse_args()
    nlp = load_pipeline()
    articles = corpus(args.copies)
    total = words(articles)
    list(nlp.pipe(["warm up the pipeline"] * 4))

    started = time.perf_counter()
    for _ in nlp.pipe((a.text for a in articles), batch_size=args.batch_size):
        pass
    parse = time.perf_counter() - started

    out = Path(tempfile.mkdtemp()) / "bench.trig"
    started = time.perf_counter()
    results, pipeline = extract_all(articles, BuildOptions(nlp=nlp, batch_size=args.batch_size))
    write_graph(to_dataset(results, resolve(results), pipeline=pipeline), out)
    whole = time.perf_counter() - started

    print(f"{len(articles)} articles, {total} words, batch size {args.batch_size}, one process")
    print(f"{'stage':<28}{'seconds':>9}{'words/s':>10}{'ratio':>7}")
    print(f"{'nlp.pipe alone':<28}{parse:>9.2f}{total / parse:>10.0f}{1:>7.2f}")
    print(f"{'graphkit build (whole)':<28}{whole:>9.2f}{total / whole:>10.0f}{parse / whole:>7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
