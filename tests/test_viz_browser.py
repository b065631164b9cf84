"""The HTML page in a real headless Chromium."""
import pytest

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def open_page(browser, path):
    context = browser.new_context(offline=True)
    page = context.new_page()
    problems = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("request", lambda r: problems.append(f"request: {r.url}") if not r.url.startswith(("file:", "data:", "about:")) else None)
    page.goto(path.as_uri())
    page.wait_for_function("window.network !== undefined")
    return context, page, problems


def test_page_loads_offline_and_draws_every_entity(browser, example_graph, tmp_path):
    from graphkit.project import to_networkx
    from graphkit.viz import write_page

    graph = to_networkx(example_graph)
    out = tmp_path / "graph.html"
    write_page(graph, out)
    context, page, problems = open_page(browser, out)
    try:
        assert page.evaluate("window.network.body.data.nodes.length") == graph.number_of_nodes()
        assert page.evaluate("window.network.body.data.edges.length") == graph.number_of_edges()
        assert problems == []
    finally:
        context.close()
