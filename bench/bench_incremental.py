"""Incremental build benchmark: add 10 articles to a graph of 1,000 vs build the 1,010 from scratch.

Generates 1,010 synthetic articles (bench/synthetic_articles.py), builds the
first 1,000 with ``graphkit build``, then measures in the same run, each as a
fresh ``graphkit`` process (model loading included on both sides):

* ``graphkit add GRAPH new/``: the 10 new articles parsed, all 1,010
  resolved and written;
* ``graphkit build base/ new/ -o OTHER``: the 1,010 from scratch.

It prints wall-clock and CPU seconds (CPU time is robust to other work on the
machine) and their ratios, and checks that both graph files are byte-identical.
The target is a ratio of at most 5%.

    python bench/bench_incremental.py [--base 1000] [--new 10] [--format trig] [--keep DIR]
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_articles import articles, write_jsonl  # noqa: E402


def timed(*args: str) -> tuple[float, float]:
    """Run graphkit; return (wall seconds, CPU seconds of the child)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "graphkit", *args], capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if run.returncode != 0:
        sys.exit(f"graphkit {' '.join(args)} failed:\n{run.stderr}")
    print(f"  {run.stderr.strip().splitlines()[-1]}", file=sys.stderr)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", type=int, default=1000)
    ap.add_argument("--new", type=int, default=10)
    ap.add_argument("--format", default="trig", choices=["trig", "nq", "ttl", "jsonld"])
    ap.add_argument("--keep", type=Path, help="keep the articles and graphs in this folder")
    args = ap.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="graphkit-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    items = articles(args.base + args.new)
    for folder, chosen in (("base", items[: args.base]), ("new", items[args.base:])):
        (work / folder).mkdir(exist_ok=True)
        for item in chosen:      # one file per article, as a scraper or a person would save them
            write_jsonl(work / folder / f"{item['id']}.jsonl", [item])
    words = sum(len(i["text"].split()) for i in items) / len(items)
    print(f"{len(items)} synthetic articles, {words:.0f} words each on average, in {work}", file=sys.stderr)

    grown, full = work / f"grown.{args.format}", work / f"full.{args.format}"
    print(f"building the first {args.base} (setup, not compared):", file=sys.stderr)
    setup = timed("build", str(work / "base"), "-o", str(grown))
    print(f"adding {args.new}:", file=sys.stderr)
    add = timed("add", str(grown), str(work / "new"))
    print(f"building all {len(items)} from scratch:", file=sys.stderr)
    scratch = timed("build", str(work / "base"), str(work / "new"), "-o", str(full))
    same = grown.read_bytes() == full.read_bytes()

    print(f"| step ({args.format}) | wall s | CPU s | wall vs scratch | CPU vs scratch |")
    print("|---|---|---|---|---|")
    for name, (wall, cpu) in ((f"build {args.base} (setup)", setup), (f"add {args.new} to {args.base}", add),
                              (f"build {len(items)} from scratch", scratch)):
        print(f"| {name} | {wall:.1f} | {cpu:.1f} | {wall / scratch[0]:.1%} | {cpu / scratch[1]:.1%} |")
    print(f"\nthe updated graph is byte-identical to the full build: {'yes' if same else 'NO'}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if same and add[0] / scratch[0] <= 0.05 else 1


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
