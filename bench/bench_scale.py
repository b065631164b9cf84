"""Scaling: spaCy alone, the build on 1 and 2 local workers and on a 2-worker Dask LocalCluster, in one run.

    python bench/bench_scale.py [--generated 400] [--words 400] [--repeat 1]
    python bench/bench_scale.py --memory 10000 [--workers 2] [--words 300]

The corpus is the bundled examples, the development set when it is there,
and generated articles (bench/scale_corpus.py). Each build is the real
command (`graphkit build ... -o OUT.nq`) in its own process, timed from
start to exit, pipeline loading included; `nlp.pipe` alone runs in this
process on the same texts, on one core. The builds' outputs are compared
byte for byte. The machine's load is printed before and after: other work
on the same cores lowers every ratio.

--memory N builds N generated articles and prints the peak memory of the
whole build: the resident memory of the command and all its worker
processes, summed at each sample (every 0.2 s).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale_corpus import write_jsonl  # noqa: E402  (a sibling script)

BUILDS = [("build, 1 worker", ["--workers", "1"]), ("build, 2 local workers", ["--workers", "2"]),
          ("build, Dask LocalCluster 2", ["--dask", "local:2"])]


def corpus_inputs(folder: Path, generated: int, words: int) -> list[str]:
    inputs = [ROOT / "examples" / "articles", ROOT.parent / "shared" / "eval" / "dev"]
    generated_file = folder / "generated.jsonl"
    write_jsonl(generated_file, generated, words=words)
    return [str(p) for p in inputs if p.exists()] + [str(generated_file)]


def texts_of(inputs: list[str]) -> list[str]:
    from graphkit.ingest import collect_files, read_articles
    from graphkit.model import Article

    return [a.text for a in read_articles(collect_files(inputs).files) if isinstance(a, Article)]


def time_pipe(texts: list[str]) -> float:
    from graphkit.nlp import load_pipeline

    nlp = load_pipeline()
    list(nlp.pipe(["Warm up the pipeline before timing it."] * 8))
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return time.perf_counter() - started


def run_build(inputs: list[str], output: Path, extra: list[str]) -> tuple[float, int]:
    """Seconds from start to exit, and the peak summed RSS of the process tree in bytes."""
    command = [sys.executable, "-m", "graphkit", "build", *inputs, "-o", str(output), *extra]
    started = time.perf_counter()
    process = psutil.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_rss(process))
        time.sleep(0.2)
    seconds = time.perf_counter() - started
    if process.returncode not in (0, 1):
        raise SystemExit(f"build failed ({' '.join(extra)}): {process.stderr.read().decode()[-400:]}")
    return seconds, peak


def tree_rss(process: psutil.Process) -> int:
    total = 0
    try:
        members = [process, *process.children(recursive=True)]
    except psutil.Error:
        return 0
    for member in members:
        try:
            total += member.memory_info().rss
        except psutil.Error:
            pass
    return total


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} cores"


def speed(args) -> int:
    with tempfile.TemporaryDirectory(prefix="graphkit-bench-scale-") as name:
        return speed_in(Path(name), args)


def speed_in(folder: Path, args) -> int:
    inputs = corpus_inputs(folder, args.generated, args.words)
    texts = texts_of(inputs)
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} articles, {words:,} words; {load()}")
    pipe = time_pipe(texts)
    best: dict[str, float] = {}
    outputs: dict[str, bytes] = {}
    for _ in range(args.repeat):
        for name, extra in BUILDS:
            out = folder / f"{extra[-1].replace(':', '-')}.nq"
            seconds, _ = run_build(inputs, out, extra)
            best[name] = min(seconds, best.get(name, seconds))
            outputs[name] = out.read_bytes()
    one, two, dask = (best[name] for name, _ in BUILDS)
    print(f"{'':<30}{'seconds':>9}{'words/s':>10}{'vs pipe':>9}{'vs 1 worker':>13}")
    print(f"{'nlp.pipe alone (1 core)':<30}{pipe:>9.1f}{words / pipe:>10,.0f}{1:>9.2f}{'':>13}")
    for name, _ in BUILDS:
        print(f"{name:<30}{best[name]:>9.1f}{words / best[name]:>10,.0f}{pipe / best[name]:>9.2f}"
              f"{one / best[name]:>13.2f}")
    print(f"2 workers / 1 worker: {one / two:.2f}x (goal >= 1.7); Dask / 2 local workers: {two / dask:.2f}x (goal >= 0.9)")
    same = len(set(outputs.values())) == 1
    print(f"outputs byte-identical: {'yes' if same else 'NO'}; {load()}")
    return 0 if same else 1


def memory(args) -> int:
    with tempfile.TemporaryDirectory(prefix="graphkit-bench-memory-") as name:
        return memory_in(Path(name), args)


def memory_in(folder: Path, args) -> int:
    source = folder / "generated.jsonl"
    words = write_jsonl(source, args.memory, words=args.words)
    print(f"{args.memory:,} generated articles, {words:,} words; {load()}")
    extra = ["--workers", str(args.workers)]
    graph = Path(args.keep) if args.keep else folder / "graph.nq"
    seconds, peak = run_build([str(source)], graph, extra)
    size = graph.stat().st_size
    print(f"build --workers {args.workers}: {seconds:.0f} s, {words / seconds:,.0f} words/s, "
          f"output {size / 2**20:.0f} MiB; peak memory of the build (all processes) {peak / 2**30:.2f} GiB "
          f"(goal < 2 GiB); {load()}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--generated", type=int, default=400, help="generated articles added to the corpus")
    ap.add_argument("--words", type=int, default=400, help="words per generated article")
    ap.add_argument("--repeat", type=int, default=1, help="runs of each build; the fastest counts")
    ap.add_argument("--memory", type=int, metavar="N", help="instead: peak memory of a build of N generated articles")
    ap.add_argument("--workers", type=int, default=2, help="workers of the --memory build")
    ap.add_argument("--keep", metavar="GRAPH.nq", help="where the --memory build writes its graph (kept)")
    args = ap.parse_args()
    return memory(args) if args.memory else speed(args)


if __name__ == "__main__":
    sys.exit(main())
