"""graphkit serve under concurrent clients on loopback: failures and latency percentiles.

Generates the graph of bench/bench_query.py (--triples quads, 100,000 by
default), starts ``graphkit serve`` on it (a file, so in memory; 127.0.0.1
and a free port), then runs --runs rounds in which --clients threads each
send --requests queries (the two-hop question about one company, as
bench/bench_serve.py asks it), first over one keep-alive httpx connection
per client, then over a new connection for each request. Each round
prints the requests sent, those that failed (a transport error or any
status but 200), and the 50th and 99th percentile latency. A benchmark,
not a test: nothing here asserts on time.

Last, --half-sent connections each send part of a request and stop: the
server's thread count meanwhile, whether a normal request is still
answered, and how long until the server has closed them all.

    python bench/bench_load.py [--clients 20] [--requests 50] [--runs 5] [--triples 100000] [--workers 2]
                               [--half-sent 800]
"""
from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from http.client import HTTPConnection, HTTPException
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import httpx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def start(graph: Path, workers: int) -> tuple[subprocess.Popen, str]:
    server = subprocess.Popen([sys.executable, "-m", "graphkit", "serve", str(graph), "--port", "0", "--quiet",
                               "--workers", str(workers)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    banner = server.stdout.readline()           # "graphkit: serving … at http://127.0.0.1:PORT/ (SPARQL endpoint …"
    if " at http://127.0.0.1:" not in banner:
        server.kill()
        raise SystemExit(f"the server did not start: {banner}{server.stderr.read()}")
    return server, banner.split(" at ", 1)[1].split()[0] + "sparql"


def client(endpoint: str, query: str, requests: int, keep_alive: bool = True) -> list[tuple[bool, float]]:
    """(answered, seconds) for each request of one client: over one connection, or a new one each time.

    Keep-alive requests go through httpx; a new connection per request through http.client, which
    costs the client almost nothing to open (a new httpx.Client builds an SSL context each time).
    """
    outcomes = []
    body = urlencode({"query": query})
    headers = {"Accept": "application/sparql-results+json", "Content-Type": "application/x-www-form-urlencoded"}
    url = urlsplit(endpoint)
    with httpx.Client(timeout=120) as http:
        for _ in range(requests):
            started = time.perf_counter()
            try:
                if keep_alive:
                    reply = http.post(endpoint, content=body, headers=headers)
                    ok = reply.status_code == 200 and reply.content.startswith(b"{")
                else:
                    connection = HTTPConnection(url.hostname, url.port, timeout=120)
                    try:
                        connection.request("POST", url.path, body, headers)
                        answer = connection.getresponse()
                        ok = answer.status == 200 and answer.read().startswith(b"{")
                    finally:
                        connection.close()
            except (httpx.HTTPError, OSError, HTTPException):
                ok = False
            outcomes.append((ok, time.perf_counter() - started))
    return outcomes


def threads_of(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("Threads:"):
            return int(line.split()[1])
    return 0


def half_sent(server: subprocess.Popen, endpoint: str, query: str, count: int) -> None:
    """Open ``count`` connections that never finish their request; report threads, a normal request, closing."""
    url = urlsplit(endpoint)
    before = threads_of(server.pid)
    sockets, refused = [], 0
    for _ in range(count):
        try:
            sock = socket.create_connection((url.hostname, url.port), timeout=10)
            sock.sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
            sockets.append(sock)
        except OSError:
            refused += 1
    peak = max(threads_of(server.pid) for _ in range(20) if time.sleep(0.1) is None)
    started = time.perf_counter()
    answered = client(endpoint, query, 1)[0]
    normal = time.perf_counter() - started
    closed_after = []
    started = time.perf_counter()
    for sock in sockets:
        sock.settimeout(120)
        try:
            sock.recv(100)
        except OSError:
            pass
        closed_after.append(time.perf_counter() - started)
        sock.close()
    print(f"{count} half-sent requests ({refused} could not connect): server threads {before} before, "
          f"at most {peak} while they were open; a normal request meanwhile: "
          f"{'answered' if answered[0] else 'FAILED'} in {normal:.1f} s; all {len(sockets)} closed by the server "
          f"within {max(closed_after, default=0):.1f} s")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=50, help="requests per client and round")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--triples", type=int, default=100_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--half-sent", type=int, default=800, help="connections that never finish a request (0: none)")
    ap.add_argument("--work", type=Path, help="folder for the generated graph (default: a temporary one)")
    args = ap.parse_args()

    from bench_serve import questions
    from synthetic_graph import write_bench_graph

    bench = write_bench_graph(args.work, args.triples, args.seed)
    query = questions(bench.company)["who-sells-what-to-whom (one company)"]
    server, endpoint = start(bench.path, args.workers)
    try:
        client(endpoint, query, 3)          # warm-up
        print(f"graph: {bench.path.name}; {args.clients} clients x {args.requests} requests, "
              f"{args.workers} workers, {args.runs} runs")
        print(f"{'connections':<16} {'run':>3} {'requests':>8} {'failed':>6} {'p50 ms':>7} {'p99 ms':>7} "
              f"{'p99/p50':>7} {'wall s':>6}")
        for mode, keep_alive in (("one per client", True), ("one per request", False)):
            for run in range(1, args.runs + 1):
                started = time.perf_counter()
                with ThreadPoolExecutor(args.clients) as pool:
                    batches = pool.map(lambda _, keep=keep_alive: client(endpoint, query, args.requests, keep),
                                       range(args.clients))
                    outcomes = [o for batch in batches for o in batch]
                wall = time.perf_counter() - started
                times = [seconds for _, seconds in outcomes]
                failed = sum(not ok for ok, _ in outcomes)
                p50, p99 = percentile(times, 0.50), percentile(times, 0.99)
                print(f"{mode:<16} {run:>3} {len(outcomes):>8} {failed:>6} {p50 * 1000:>7.1f} {p99 * 1000:>7.1f} "
                      f"{p99 / p50:>7.2f} {wall:>6.1f}")
        print(f"median single-request latency with no other client: "
              f"{statistics.median(s for _, s in client(endpoint, query, 20)) * 1000:.1f} ms")
        if args.half_sent:
            half_sent(server, endpoint, query, args.half_sent)
    finally:
        server.terminate()
        server.wait(timeout=60)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
