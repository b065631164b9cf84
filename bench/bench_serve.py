"""graphkit serve on a big graph: start-up, worker memory and latency over HTTP, in memory and on disk.

Generates the same graph as bench/bench_query.py (about a million triples),
writes it as an N-Quads file and as a store folder, then starts
``graphkit serve`` four ways: the file and the store each with their default
(a file in memory, a store on disk) and turned round (``--on-disk``,
``--in-memory``). For each it prints the time until the endpoint answers,
the resident memory of its worker processes, and the latency of three saved
queries sent over HTTP as a client would (POST, SPARQL JSON, read to the
end): median of --repeat requests after one warm-up.

    python bench/bench_serve.py [--triples 1000000] [--repeat 5] [--work DIR] [--workers 2]
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
MODES = (("file", []), ("file", ["--on-disk"]), ("store", []), ("store", ["--in-memory"]))


def questions(company) -> dict[str, str]:
    """Three saved queries as sent by a client: the two-hop question, another question, the biggest listing."""
    import pyoxigraph as ox

    from graphkit.query.sparql import saved_queries, with_values

    saved = saved_queries()
    name = ox.Literal(company.label)
    return {
        "who-sells-what-to-whom (one company)": with_values(saved["who-sells-what-to-whom"].text, {"vendorName": name}),
        "critics-of (one company)": with_values(saved["critics-of"].text, {"targetName": name}),
        "people-and-organisations": saved["people-and-organisations"].text,
    }


def children_rss_mb(pid: int) -> list[float]:
    """Resident memory of the worker processes (children of the server that are graphkit's own workers)."""
    sizes = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
            cmdline = (status.parent / "cmdline").read_bytes()
        except OSError:
            continue
        if int(fields["PPid"]) == pid and b"spawn_main" in cmdline and "VmRSS" in fields:
            sizes.append(int(fields["VmRSS"].split()[0]) / 1024)
    return sizes


def measure(graph: Path, flags: list[str], cases: dict[str, str], repeat: int, workers: int) -> dict:
    started = time.perf_counter()
    server = subprocess.Popen([sys.executable, "-m", "graphkit", "serve", str(graph), "--port", "0", "--quiet",
                               "--workers", str(workers), *flags],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        banner = server.stdout.readline()
        if " at " not in banner:
            raise SystemExit(f"serve did not start: {banner}{server.stderr.read()}")
        ready = time.perf_counter() - started
        endpoint = banner.split(" at ", 1)[1].split()[0] + "sparql"
        latency = {}
        with httpx.Client(timeout=120) as client:
            for label, query in cases.items():
                times, rows = [], 0
                for attempt in range(repeat + 1):
                    t = time.perf_counter()
                    reply = client.post(endpoint, data={"query": query},
                                        headers={"Accept": "application/sparql-results+json"})
                    if reply.status_code != 200:
                        raise SystemExit(f"{label}: {reply.status_code} {reply.text}")
                    rows = len(reply.json()["results"]["bindings"])
                    if attempt:                             # the first request warms up
                        times.append(time.perf_counter() - t)
                latency[label] = (rows, statistics.median(times) * 1000)
        return {"ready_s": ready, "rss_mb": children_rss_mb(server.pid), "latency": latency}
    finally:
        server.terminate()
        server.communicate(timeout=60)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--work", type=Path, help="folder for the generated graph and store (default: a temporary one)")
    args = ap.parse_args()
    from synthetic_graph import write_bench_graph

    from graphkit.graph.store import copy_to_store

    generated = write_bench_graph(args.work, args.triples, args.seed)
    graph, store = generated.path, generated.path.parent / "serve-bench.oxigraph"
    copy_to_store(graph, store)
    cases = questions(generated.company)

    print(f"graph: {generated.quads:,} quads; {args.workers} workers; latency: median of {args.repeat} HTTP requests")
    header = f"{'served':30} {'ready':>7} {'workers RSS':>12} " + " ".join(f"{label[:30]:>31}" for label in cases)
    print(header)
    for kind, flags in MODES:
        result = measure(graph if kind == "file" else store, flags, cases, args.repeat, args.workers)
        where = "in memory" if (kind == "file") != bool(flags) else "on disk"
        label = f"{kind} {where}" + ("" if not flags else f" ({flags[0]})")
        rss = f"{sum(result['rss_mb']):,.0f} MB"
        cells = " ".join(f"{ms:>20.1f} ms ({rows:>5})" for rows, ms in result["latency"].values())
        print(f"{label:30} {result['ready_s']:>5.1f} s {rss:>12} {cells}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
