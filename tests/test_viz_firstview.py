"""The first view of the page and of the query page, in Chromium at desktop and phone sizes.

Screenshots of both sizes go to the artifacts folder (GRAPHKIT_VIZ_ARTIFACTS, kept by CI) to be checked by eye.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_viz_browser import click_node, counts, open_page

from graphkit.graph.project import to_networkx
from graphkit.viz import write_page

pytestmark = [pytest.mark.slow, pytest.mark.browser]
SIZES = {"desktop": {"width": 1440, "height": 900}, "phone": {"width": 390, "height": 844}}
READABLE_PX = 11.5


@pytest.fixture(scope="module")
def artifacts(tmp_path_factory):
    folder = Path(os.environ.get("GRAPHKIT_VIZ_ARTIFACTS") or tmp_path_factory.getbasetemp() / "viz-artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def example(example_graph, tmp_path_factory):
    graph = to_networkx(example_graph)
    path = tmp_path_factory.mktemp("first-view") / "graph.html"
    write_page(graph, path, title="Example articles")
    return graph, path


def labels_on_screen(page) -> list[tuple[str, float, bool]]:
    """(node id, label size in px on screen, inside the drawing) for every node drawn."""
    return page.evaluate("""() => {
        const scale = network.getScale(), box = document.querySelector('#network').getBoundingClientRect();
        return network.body.data.nodes.getIds().map(id => {
            const node = network.body.nodes[id], at = network.canvasToDOM(network.getPosition(id));
            const inside = at.x >= 0 && at.y >= 0 && at.x <= box.width && at.y <= box.height;
            return [id, node.options.font.size * scale, inside];
        });
    }""")


@pytest.mark.parametrize("size", SIZES)
def test_first_view_is_readable_without_zooming(browser, example, artifacts, size):
    graph, path = example
    context, page, problems = open_page(browser, path)
    try:
        page.set_viewport_size(SIZES[size])
        page.locator("#fit").click()
        page.wait_for_selector("#network[data-fitted=true]", state="attached")     # fitted, labels sized
        drawn = labels_on_screen(page)
        assert all(inside for *_, inside in drawn)                  # everything shown is in view
        readable = [node for node, px, _ in drawn if px >= READABLE_PX]
        top = sorted((n for n in graph if graph.degree(n)), key=lambda n: -graph.degree(n))[:5]
        assert set(top) <= set(readable), "the best-connected entities must be labelled readably"
        assert len(readable) >= 8
        assert page.evaluate("() => document.documentElement.scrollWidth") <= SIZES[size]["width"]
        page.screenshot(path=str(artifacts / f"first-view-{size}.png"))
        assert problems == []
    finally:
        context.close()


def test_a_filter_refits_the_view_to_what_is_left(browser, example):
    graph, path = example
    context, page, problems = open_page(browser, path)
    try:
        before = page.evaluate("() => network.getScale()")
        keep = "Company"
        for box in page.locator("input[name=type]").all():
            if box.get_attribute("value") != keep:
                box.uncheck()
        page.wait_for_selector("#network[data-fitted=true]", state="attached")
        companies = {n for n, d in graph.nodes(data=True) if d["type"] == keep}
        linked = {end for s, o in graph.edges() if s in companies and o in companies for end in (s, o)}
        assert counts(page)[0] == len(linked)       # unrelated ones stay set aside
        drawn = labels_on_screen(page)
        assert drawn and all(inside for *_, inside in drawn)
        assert page.evaluate("() => network.getScale()") != before      # zoomed to the companies left
        assert problems == []
    finally:
        context.close()


def test_phone_shows_the_drawing_and_the_details_of_a_tap_without_sideways_scrolling(browser, example, artifacts):
    graph, path = example
    context = browser.new_context(offline=True, viewport=SIZES["phone"], is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(path.as_uri())
        page.wait_for_selector("body[data-ready=true]", state="attached", timeout=30_000)
        drawing = page.locator("#network").bounding_box()
        assert drawing["width"] >= 380 and drawing["height"] >= 0.45 * SIZES["phone"]["height"]
        node = max(sorted(graph), key=graph.degree)
        click_node(page, node)
        details = page.locator("#details").bounding_box()
        assert details["y"] < SIZES["phone"]["height"] - 60         # the panel starts on screen, below the drawing
        assert page.evaluate("() => document.documentElement.scrollWidth") <= SIZES["phone"]["width"]
        page.screenshot(path=str(artifacts / "first-view-phone-details.png"))
    finally:
        context.close()


@pytest.mark.parametrize("size", SIZES)
def test_query_page_fits_the_screen(browser, tmp_path, artifacts, size):
    from test_export_sample import write_sample

    from graphkit.serve import ServeOptions, Service

    with Service(write_sample(tmp_path / "g.trig"), ServeOptions(port=0, timeout=10, quiet=True)) as running:
        running.start()
        context = browser.new_context(viewport=SIZES[size])
        page = context.new_page()
        try:
            page.goto(running.url + "?name=evidence-for-relation")
            assert page.locator("#result tbody tr").count() > 0
            assert page.evaluate("() => document.documentElement.scrollWidth") <= SIZES[size]["width"]
            assert page.locator("#query").bounding_box()["y"] < SIZES[size]["height"]    # the query box is on screen
            page.screenshot(path=str(artifacts / f"query-page-{size}.png"), full_page=True)
        finally:
            context.close()
