"""Query latency on a graphkit-shaped graph: Oxigraph (memory and store) against rdflib.

Generates a graph of about a million triples with graphkit's vocabulary
(bench/synthetic_graph.py), then, each engine in its own process so that peak
memory is its own, measures the load time, the peak memory and the latency of
every saved query in examples/queries/. A saved query is measured as it is
meant to be asked: a *listing* (a query without parameters) as it is, a
*question* (a query that takes a name, such as critics-of) about the graph's
most talked-about company. The questions are also run without their
parameter, which makes them tables of the whole graph (every criticism, every
evidence sentence: tens of thousands of rows, the job of ``graphkit export``);
those *whole-graph* runs are printed apart and not counted in the targets
(about-entity not at all: unbound it lists every triple twice). Latency is
the median of --repeat runs after one warm-up, up to the last row read into
Python. Row counts must agree between engines.

    python bench/bench_query.py [--triples 1000000] [--repeat 5] [--work DIR] [--no-rdflib]
"""
from __future__ import annotations

import argparse
import json
import platform
import resource
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
ENGINES = ("rdflib", "oxigraph-memory", "oxigraph-store")
TWO_HOP = "who-sells-what-to-whom"
# about-entity is a question about one entity (the query page's IRI links run it bound); unbound it
# lists every triple of the graph twice, a dump rather than a question, so it is measured bound only
ONLY_BOUND = {"about-entity"}
BUDGET = {"seconds": 300, "memory_gb": 12.0}     # per rdflib case; see --rdflib-seconds, --rdflib-memory-gb


# -- the cases -----------------------------------------------------------------
def cases(company) -> list[dict]:
    """Every saved query: listings as they are, questions about ``company`` and about the whole graph."""
    from graphkit.graph.vocab import ONTOLOGY_IRI
    from graphkit.query.sparql import saved_queries

    about = {
        "critics-of": {"targetName": company.label},
        "relations-of": {"name": company.label},
        "evidence-for-relation": {"subjectName": company.label, "predicate": f"<{ONTOLOGY_IRI}sells>"},
        "who-sells-what-to-whom": {"vendorName": company.label},
        "about-entity": {"entity": f"<{company.iri}>"},
    }
    found = []
    for name in sorted(saved_queries()):
        if name not in about:
            found.append({"name": name, "bindings": {}, "kind": "listing"})
            continue
        found.append({"name": name, "bindings": about[name], "kind": "question"})
        if name not in ONLY_BOUND:
            found.append({"name": name, "bindings": {}, "kind": "whole graph"})
    return found


def case_label(case: dict) -> str:
    return case["name"] + {"question": " (one company)", "whole graph": " (whole graph)"}.get(case["kind"], "")


def counted(case: dict) -> bool:
    """Whether a case counts towards the targets: listings and questions, not whole-graph tables."""
    return case["kind"] != "whole graph"


# -- one engine, in a child process -------------------------------------------------
def open_engine(engine: str, graph: Path, work: Path):
    """Load the graph; returns (run(case) -> rows, load seconds, extra figures)."""
    from graphkit.graph.store import copy_to_store, open_graph
    from graphkit.query.oxigraph import run_sparql
    from graphkit.query.sparql import parse_binding, run_query, saved_queries

    texts = {name: saved.text for name, saved in saved_queries().items()}
    started = time.perf_counter()
    extra = {}
    if engine == "rdflib":
        from graphkit.graph.files import read_graph

        dataset = read_graph(graph)

        def run(case):
            bindings = dict(parse_binding(f"{k}={v}") for k, v in case["bindings"].items())
            return len(run_query(dataset, texts[case["name"]], bindings=bindings).rows)
    else:
        if engine == "oxigraph-store":
            folder = work / "bench.oxigraph"
            copy_to_store(graph, folder)
            extra["build_s"] = time.perf_counter() - started
            started = time.perf_counter()
            source = folder
        else:
            source = graph
        store = open_graph(source)

        def run(case):
            bindings = dict(parse_binding(f"{k}={v}") for k, v in case["bindings"].items())
            return len(run_sparql(store, texts[case["name"]], bindings=bindings).rows)
    return run, time.perf_counter() - started, extra


class OverBudget(BaseException):        # not an Exception: graphkit must not wrap it as a query error
    """A case passed the time or memory allowed to one engine (rdflib, at a million triples)."""

    def __init__(self, why: str, ran_ms: float):
        super().__init__(why)
        self.ran_ms = ran_ms        # how long the failed run had been going: a lower bound of its latency


def child(engine: str, graph: Path, work: Path, case_list: list[dict], repeat: int, budget: dict) -> dict:
    if engine == "rdflib":                                 # Oxigraph's allocator reserves address space freely
        limit_memory(budget["memory_gb"])
    run, load_s, extra = open_engine(engine, graph, work)
    timings = []
    for case in case_list:
        try:
            timings.append(time_case(run, case, repeat, budget["seconds"]))
        except OverBudget as exc:
            timings.append({"rows": None, "ms": None, "over": str(exc), "ran_ms": exc.ran_ms})
        print(f"bench: {engine} {case_label(case)}: {timings[-1]}", file=sys.stderr, flush=True)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"engine": engine, "load_s": load_s, "peak_mb": peak_kb / 1024, "timings": timings, **extra}


def limit_memory(gigabytes: float) -> None:
    """Cap this process's address space, so an engine that blows up fails alone instead of swapping the machine."""
    cap = int(gigabytes * 2**30)
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def time_case(run, case: dict, repeat: int, seconds: int) -> dict:
    """Median latency of ``repeat`` runs after a warm-up; OverBudget past ``seconds`` or out of memory."""
    started = time.perf_counter()
    warm: list[float] = []              # the warm-up's duration, once it is done

    def too_long(*_):
        # one whole run took at least the warm-up's time, or all of the budget if the warm-up never ended
        raise OverBudget(f"over {seconds} s", warm[0] * 1000 if warm else seconds * 1000)

    signal.signal(signal.SIGALRM, too_long)
    signal.alarm(seconds)
    try:
        rows = run(case)                                   # warm-up, and the row count
        warm.append(time.perf_counter() - started)
        started = first = time.perf_counter()
        run(case)
        timed = [time.perf_counter() - first]
        runs = repeat if timed[0] < 5 else 1               # rdflib's slowest listings: one timed run
        for _ in range(runs - 1):
            t = time.perf_counter()
            run(case)
            timed.append(time.perf_counter() - t)
    except MemoryError:
        raise OverBudget("out of memory", (time.perf_counter() - started) * 1000) from None
    finally:
        signal.alarm(0)
    return {"rows": rows, "ms": statistics.median(timed) * 1000}


def run_child(engine: str, graph: Path, work: Path, case_list: list[dict], repeat: int, budget: dict) -> dict:
    command = [sys.executable, __file__, "--child", engine, "--graph", str(graph), "--work", str(work),
               "--repeat", str(repeat), "--cases", json.dumps(case_list), "--budget", json.dumps(budget)]
    done = subprocess.run(command, stdout=subprocess.PIPE, text=True)      # progress lines go to stderr
    if done.returncode != 0:
        raise SystemExit(f"{engine} failed")
    return json.loads(done.stdout)


# -- the report ----------------------------------------------------------------
OXIGRAPH = ("oxigraph-memory", "oxigraph-store")


def report(quads: int, articles: int, results: dict[str, dict], case_list: list[dict]) -> list[str]:
    import pyoxigraph
    import rdflib

    lines = [f"graph: {quads:,} quads, {articles:,} articles (bench/synthetic_graph.py); "
             f"pyoxigraph {pyoxigraph.__version__}, rdflib {rdflib.__version__}, Python {platform.python_version()}",
             "", f"{'engine':18} {'load':>9} {'peak memory':>12}"]
    for engine, result in results.items():
        load = f"{result['load_s']:.2f} s"
        if "build_s" in result:
            load = f"{result['build_s']:.1f} s build, then {load} open"
        lines.append(f"{engine:18} {load:>9} {result['peak_mb']:>9,.0f} MB")
    names = list(results)
    against = [e for e in OXIGRAPH if e in results] if "rdflib" in results else []
    header = f"{'query':48} {'rows':>7} " + " ".join(f"{n:>16}" for n in names)
    header += "".join(f"  {'rdflib / ' + e.split('-')[1]:>17}" for e in against)
    ratios: dict[str, list[tuple[float, bool]]] = {e: [] for e in against}
    for kind, title in (("listing", "listings (no parameter)"), ("question", "questions about one company"),
                        ("whole graph", "the questions without their parameter: whole-graph tables, not counted")):
        lines += ["", f"-- {title}", header]
        for index, case in enumerate(case_list):
            if case["kind"] != kind:
                continue
            timing = [results[n]["timings"][index] for n in names]
            rows = {t["rows"] for t in timing if t["rows"] is not None}
            cells = " ".join(f"{t['ms']:>13.1f} ms" if t["ms"] is not None else f"{t['over']:>16}" for t in timing)
            line = f"{case_label(case):48} {next(iter(rows), 0):>7} {cells}"
            for engine in against:
                ratio, at_least = speed_up(results["rdflib"]["timings"][index], results[engine]["timings"][index])
                if counted(case):
                    ratios[engine].append((ratio, at_least))
                line += f"  {'>=' if at_least else '  '}{ratio:14.1f}x"
            lines.append(line + ("" if len(rows) == 1 else f"   ROW COUNTS DIFFER: {sorted(rows)}"))
    lines += [""] + verdict(results, case_list, ratios)
    return lines


def speed_up(rdflib: dict, oxigraph: dict) -> tuple[float, bool]:
    """rdflib's time over Oxigraph's; when rdflib ran out of its budget, a lower bound from the time allowed."""
    if rdflib["ms"] is not None:
        return rdflib["ms"] / oxigraph["ms"], False
    return rdflib["ran_ms"] / oxigraph["ms"], True


def verdict(results: dict, case_list: list[dict], ratios: dict[str, list[tuple[float, bool]]]) -> list[str]:
    """Per Oxigraph engine, over the counted cases: the slowest, the two-hop question, the median speed-up."""
    lines = []
    for engine in OXIGRAPH:
        if engine not in results:
            continue
        timed = [(case, t["ms"]) for case, t in zip(case_list, results[engine]["timings"], strict=True) if counted(case)]
        slowest_case, slowest = max(timed, key=lambda pair: pair[1])
        two_hop = next(ms for case, ms in timed if case["name"] == TWO_HOP and case["kind"] == "question")
        line = (f"{engine}: slowest listing or question {slowest:.0f} ms ({case_label(slowest_case)}); "
                f"{TWO_HOP} (one company) {two_hop:.0f} ms")
        if ratios.get(engine):
            values = sorted(r for r, _ in ratios[engine])
            median = statistics.median(values)
            bounds = sum(1 for _, at_least in ratios[engine] if at_least)
            line += (f"; median speed-up over rdflib {median:.1f}x (range {values[0]:.1f}x to {values[-1]:.1f}x; "
                     f"{bounds} of {len(values)} are lower bounds, rdflib over its budget)")
        lines.append(line)
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--work", type=Path, help="folder for the generated graph and store (default: a temporary one)")
    ap.add_argument("--no-rdflib", action="store_true", help="skip rdflib (it takes minutes at a million triples)")
    ap.add_argument("--child", choices=ENGINES, help=argparse.SUPPRESS)
    ap.add_argument("--graph", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--cases", help=argparse.SUPPRESS)
    ap.add_argument("--budget", help=argparse.SUPPRESS)
    ap.add_argument("--rdflib-seconds", type=int, default=BUDGET["seconds"], help="stop an rdflib case after this long")
    ap.add_argument("--rdflib-memory-gb", type=float, default=BUDGET["memory_gb"],
                    help="address-space cap of the rdflib process (it needs over 20 GB on some listings)")
    args = ap.parse_args()
    if args.child:
        budget = json.loads(args.budget)
        print(json.dumps(child(args.child, args.graph, args.work, json.loads(args.cases), args.repeat, budget)))
        return 0
    from synthetic_graph import write_bench_graph

    BUDGET.update(seconds=args.rdflib_seconds, memory_gb=args.rdflib_memory_gb)

    graph = write_bench_graph(args.work, args.triples, args.seed)
    case_list = cases(graph.company)
    engines = [e for e in ENGINES if not (args.no_rdflib and e == "rdflib")]
    results = {}
    for engine in engines:
        print(f"bench: {engine} …", file=sys.stderr, flush=True)
        results[engine] = run_child(engine, graph.path, graph.path.parent, case_list, args.repeat, BUDGET)
    print("\n".join(report(graph.quads, graph.articles, results, case_list)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
