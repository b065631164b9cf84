"""How fast graphkit's page draws large graphs, against pyvis's stock page, in headless Chromium.

For generated graphs of 200, 1,000 and 5,000 entities (graphkit.viz.synthetic,
shaped like a built graph), the script writes graphkit's page and pyvis's
stock page (``Network.write_html``, vis-network in-line) of the same graph,
opens each offline in Debian's Chromium and measures:

* render: seconds to write the page in Python (layout included);
* size: the page in MB;
* drawn: ms from navigation start to a drawn, settled network (graphkit: the
  page's own ready mark; pyvis: the end of its physics stabilisation, when
  its loading bar goes);
* click: ms from a mouse click on the best-connected entity to its details
  shown (graphkit's panel) or its selection drawn (pyvis);
* total: drawn + click, the figure that must stay under 3 s at 5,000 entities.

graphkit's page is opened --runs times (default 3), pyvis's --baseline-runs
times (default 1: it takes tens of seconds); medians are printed. The ratio
column is pyvis's "drawn" over graphkit's; ">" marks a page that did not
settle within --timeout (default 120 s).

    python bench/bench_viz.py [--sizes 200 1000 5000] [--runs 3] [--baseline-runs 1] [--timeout 120]
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1400, "height": 850}


def write_pages(graph, folder: Path, n: int) -> dict[str, tuple[Path, float, int]]:
    from pyvis.network import Network

    from graphkit.viz import write_page

    ours = folder / f"graphkit-{n}.html"
    started = time.perf_counter()
    write_page(graph, ours, title=f"{n} entities")
    ours_seconds = time.perf_counter() - started
    stock = folder / f"pyvis-{n}.html"
    started = time.perf_counter()
    net = Network(directed=True, cdn_resources="in_line")
    for node, data in graph.nodes(data=True):
        net.add_node(node, label=data["label"], title=data["label"])
    for s, o, key, data in graph.edges(keys=True, data=True):
        net.add_edge(s, o, label=key, title=key, value=data["support"])
    net.write_html(str(stock))
    stock_seconds = time.perf_counter() - started
    return {"graphkit": (ours, ours_seconds, ours.stat().st_size), "pyvis": (stock, stock_seconds, stock.stat().st_size)}


def best_connected(graph) -> str:
    return max(sorted(graph), key=graph.degree)


def click_node(page, node: str) -> None:
    box = page.locator("#network canvas, #mynetwork canvas").first.bounding_box()
    spot = page.evaluate("id => window.network.canvasToDOM(window.network.getPosition(id))", node)
    page.mouse.click(box["x"] + spot["x"], box["y"] + spot["y"])


def measure_graphkit(browser, path: Path, node: str, label: str, timeout: float) -> tuple[float, float]:
    context = browser.new_context(offline=True, viewport=VIEWPORT)
    page = context.new_page()
    try:
        page.goto(path.as_uri())
        page.wait_for_selector("body[data-ready=true]", state="attached", timeout=timeout * 1000)
        drawn = page.evaluate("() => window.graphkitReadyAt")
        started = time.perf_counter()
        click_node(page, node)
        page.wait_for_function("label => document.querySelector('#details h2') && "
                               "document.querySelector('#details h2').textContent === label", arg=label,
                               timeout=timeout * 1000, polling="raf")
        return drawn, (time.perf_counter() - started) * 1000
    finally:
        context.close()


def measure_pyvis(browser, path: Path, node: str, timeout: float) -> tuple[float, float]:
    context = browser.new_context(offline=True, viewport=VIEWPORT)
    page = context.new_page()
    try:
        page.goto(path.as_uri(), wait_until="load")
        page.wait_for_function("() => { const bar = document.getElementById('loadingBar');"
                               " return bar !== null && bar.style.opacity === '0'; }", timeout=timeout * 1000, polling=20)
        drawn = page.evaluate("() => performance.now()")
        started = time.perf_counter()
        click_node(page, node)
        page.wait_for_function("id => window.network.getSelectedNodes()[0] === id", arg=node, timeout=timeout * 1000,
                               polling="raf")
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => r()))")
        return drawn, (time.perf_counter() - started) * 1000
    finally:
        context.close()


def median_runs(measure, runs: int, name: str) -> tuple[float, float] | None:
    from playwright.sync_api import TimeoutError

    results = []
    for _ in range(runs):
        try:
            results.append(measure())
        except TimeoutError:
            print(f"bench_viz: {name}: not drawn and clicked within the timeout", file=sys.stderr)
            return None
    return statistics.median(r[0] for r in results), statistics.median(r[1] for r in results)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 1000, 5000])
    parser.add_argument("--runs", type=int, default=3, help="page loads of graphkit's page per size (median)")
    parser.add_argument("--baseline-runs", type=int, default=1,
                        help="page loads of pyvis's stock page per size (0: skip it)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds before a page counts as not settling")
    args = parser.parse_args(argv)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("bench_viz: Debian's chromium is needed (apt-get install chromium)", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    from graphkit.viz.synthetic import random_graph

    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        for n in args.sizes:
            graph = random_graph(n)
            node = best_connected(graph)
            pages = write_pages(graph, Path(tmp), n)
            ours = median_runs(lambda: measure_graphkit(browser, pages["graphkit"][0], node, graph.nodes[node]["label"],
                                                        args.timeout), args.runs, f"graphkit {n}")
            stock = median_runs(lambda: measure_pyvis(browser, pages["pyvis"][0], node, args.timeout),
                                args.baseline_runs, f"pyvis {n}") if args.baseline_runs else "skipped"
            rows.append((n, graph.number_of_edges(), pages, ours, stock))
        browser.close()
    print_table(rows, args.timeout)
    return 0


def print_table(rows, timeout: float) -> None:
    def ms(value):
        return f"{value:,.0f}" if value is not None else f">{timeout * 1000:,.0f}"

    print("| entities | relations | page | render s | size MB | drawn ms | click ms | total ms | pyvis drawn / graphkit |")
    print("|---:|---:|---|---:|---:|---:|---:|---:|---:|")
    for n, edges, pages, ours, stock in rows:
        for name, key, result in (("graphkit", "graphkit", ours), ("pyvis stock", "pyvis", stock)):
            if result == "skipped":
                continue
            _, seconds, size = pages[key]
            drawn, click = result or (None, None)
            total = drawn + click if result else None
            ratio = ""
            if key == "pyvis" and ours:
                ratio = f"{stock[0] / ours[0]:.1f}" if stock else f">{timeout * 1000 / ours[0]:.1f}"
            print(f"| {n:,} | {edges:,} | {name} | {seconds:.2f} | {size / 1e6:.2f} | "
                  f"{ms(drawn)} | {ms(click)} | {ms(total)} | {ratio} |")


if __name__ == "__main__":
    sys.exit(main())
