"""The HTML page in a real headless Chromium, offline: drawing, clicks, search, filters, hostile articles.

Screenshots of the example graph are kept in ``viz-artifacts/`` under pytest's
temporary folder, or in the folder named by GRAPHKIT_VIZ_ARTIFACTS; the path is
printed (shown with ``-s``).
"""
import json
import os
from pathlib import Path

import pytest

from graphkit.graph.project import to_networkx
from graphkit.viz import ViewOptions, make_view, write_page
from graphkit.viz.styles import type_label
from graphkit.viz.synthetic import random_graph

pytestmark = [pytest.mark.slow, pytest.mark.browser]
VIEWPORT = {"width": 1400, "height": 850}


# -- helpers -----------------------------------------------------------------
def open_page(browser, path):
    """The page, loaded offline and drawn, and a list that collects every problem seen."""
    context = browser.new_context(offline=True, viewport=VIEWPORT)
    page = context.new_page()
    problems = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    local = ("file:", "data:", "about:")
    page.on("request", lambda r: problems.append(f"request: {r.url}") if not r.url.startswith(local) else None)
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-ready=true]", state="attached", timeout=30_000)
    return context, page, problems


def counts(page):
    return page.evaluate("() => [network.body.data.nodes.length, network.body.data.edges.length]")


def click_canvas(page, point):
    box = page.locator("#network canvas").bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])


def click_node(page, node):
    page.evaluate("id => network.moveTo({position: network.getPosition(id), scale: 1.2})", node)
    click_canvas(page, page.evaluate("id => network.canvasToDOM(network.getPosition(id))", node))
    page.wait_for_selector("#details[data-showing=node]")


def click_edge(page, edge):
    """Click a point of the drawn edge that no node covers."""
    point = page.evaluate("""id => {
        const edge = network.body.edges[id];
        network.moveTo({position: edge.edgeType.getPoint(0.5), scale: 1.2});
        for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75]) {
            const dom = network.canvasToDOM(edge.edgeType.getPoint(t));
            if (network.getNodeAt(dom) === undefined && network.getEdgeAt(dom) === id) return dom;
        }
        return null;
    }""", edge)
    assert point is not None, f"no free point on edge {edge}"
    click_canvas(page, point)
    page.wait_for_selector("#details[data-showing=edge]")


def panel(page):
    return page.evaluate("""() => ({
        title: document.querySelector('#details h2').textContent,
        text: document.querySelector('#details').textContent,
        quotes: [...document.querySelectorAll('#details blockquote')].map(q => q.textContent),
        links: [...document.querySelectorAll('#details a')].map(a => [a.textContent, a.getAttribute('href')]),
        articles: [...document.querySelectorAll('#details ul.articles li')].map(li => li.textContent),
    })""")


def edge_id(page, s, predicate, o):
    return page.evaluate("""([s, p, o]) => network.body.data.edges.get({filter: e =>
        e.from === s && e.to === o && graphkit.details.edges[e.id].predicate === p}).map(e => e.id)[0]""",
                         [s, predicate, o])


@pytest.fixture(scope="module")
def example(browser, example_graph, tmp_path_factory):
    graph = to_networkx(example_graph)
    path = tmp_path_factory.mktemp("viz-example") / "graph.html"
    write_page(graph, path, title="Example articles")
    return graph, path


@pytest.fixture(scope="module")
def artifacts(tmp_path_factory):
    folder = Path(os.environ.get("GRAPHKIT_VIZ_ARTIFACTS") or tmp_path_factory.getbasetemp() / "viz-artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    print(f"\nscreenshots of the example graph: {folder}")
    return folder


# -- the example graph ---------------------------------------------------------
def test_page_loads_offline_and_draws_every_entity(browser, example, artifacts):
    graph, path = example
    linked = {n for n in graph if graph.degree(n)}
    assert graph.number_of_nodes() - len(linked) >= 10         # enough unrelated entities to crowd the view
    context, page, problems = open_page(browser, path)
    try:
        assert page.locator("#hide-isolated").is_checked()      # so they are set aside at first, and said so
        assert counts(page) == [len(linked), graph.number_of_edges()]
        assert "without any relation are set aside" in page.locator(".notices").text_content()
        assert page.evaluate("() => network.physics.options.enabled") is False     # settled, then still
        assert page.locator("#visible-count").text_content() == (
            f"Showing {len(linked)} of {graph.number_of_nodes()} entities and {graph.number_of_edges()} of "
            f"{graph.number_of_edges()} relations")
        page.locator("#hide-isolated").uncheck()
        assert counts(page) == [graph.number_of_nodes(), graph.number_of_edges()]
        page.screenshot(path=str(artifacts / "example-overview.png"))
        assert problems == []
    finally:
        context.close()


def test_clicking_an_entity_shows_its_type_names_wikidata_and_articles(browser, example):
    graph, path = example
    candidates = [n for n, d in graph.nodes(data=True) if d["wikidata"]]
    assert candidates, "the example graph has no entity with a Wikidata id"
    node = max(sorted(candidates), key=lambda n: (len(graph.nodes[n]["articles"]), len(graph.nodes[n]["names"])))
    data = graph.nodes[node]
    context, page, problems = open_page(browser, path)
    try:
        click_node(page, node)
        shown = panel(page)
        assert shown["title"] == data["label"]
        assert page.evaluate("() => network.getSelectedNodes()") == [node]
        assert page.locator("#details .kicker").text_content() == type_label(data["type"])
        for name in data["names"]:
            assert name in shown["text"]
        assert [data["wikidata"], f"https://www.wikidata.org/wiki/{data['wikidata']}"] in shown["links"]
        assert len(shown["articles"]) == len(data["articles"])
        for article in data["articles"]:
            assert any(article["title"] in item for item in shown["articles"])
        assert problems == []
    finally:
        context.close()


def test_clicking_a_relation_shows_every_evidence_sentence_with_source_and_date(browser, example, artifacts):
    graph, path = example
    s, o, key, data = max(sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3]), key=lambda e: e[3]["support"])
    context, page, problems = open_page(browser, path)
    try:
        edge = edge_id(page, s, key, o)
        click_edge(page, edge)
        shown = panel(page)
        assert page.evaluate("() => network.getSelectedEdges()") == [edge]
        assert shown["quotes"] == [ev["text"] for ev in data["evidence"]]
        for ev in data["evidence"]:
            assert (ev["title"] or ev["article"]) in shown["text"]
            if ev["date"]:
                assert ev["date"] in shown["text"]
            if ev["url"]:
                assert [ev["title"] or ev["url"], ev["url"]] in shown["links"]
        page.screenshot(path=str(artifacts / "example-evidence.png"))
        assert problems == []
    finally:
        context.close()


def test_a_fine_shows_its_amount_and_each_source_its_outlet(browser, tmp_path):
    from test_export_sample import sample_dataset

    graph = to_networkx(sample_dataset())
    path = tmp_path / "sample.html"
    write_page(graph, path, title="Sample")
    s, o = next((s, o) for s, o, key in graph.edges(keys=True) if key == "sellsTo")
    context, page, problems = open_page(browser, path)
    try:
        click_edge(page, edge_id(page, s, "sellsTo", o))
        shown = panel(page)
        assert "Amount: $2,000,000" in shown["text"]
        assert "Example News" in shown["text"] and "2021-03-04" in shown["text"]
        assert ["Acme wins police contract", "https://news.example/acme"] in shown["links"]
        assert shown["text"].count("Amount:") == 1          # the second sentence states no amount
        assert problems == []
    finally:
        context.close()


def test_search_box_finds_an_entity_by_another_of_its_names(browser, example):
    graph, path = example
    labels = {d["label"].casefold() for _, d in graph.nodes(data=True)}
    everyone = [n.casefold() for _, d in graph.nodes(data=True) for n in d["names"]]
    found = next(((n, name) for n, d in sorted(graph.nodes(data=True)) for name in d["names"]
                  if name.casefold() not in labels and everyone.count(name.casefold()) == 1 and graph.degree(n)),
                 None)      # an entity drawn at first (unrelated ones are set aside in the example)
    assert found, "the example graph has no entity with a distinctive other name"
    node, alias = found
    context, page, problems = open_page(browser, path)
    try:
        page.locator("#search").fill(alias.lower())
        first = page.locator("#search-results li").first
        assert first.locator(".name").text_content() == graph.nodes[node]["label"]
        page.locator("#search").press("Enter")
        page.wait_for_selector("#details[data-showing=node]")
        assert page.evaluate("() => network.getSelectedNodes()") == [node]
        assert panel(page)["title"] == graph.nodes[node]["label"]
        assert page.locator("#search-results").is_hidden()
        assert problems == []
    finally:
        context.close()


def test_type_and_relation_toggles_support_slider_and_hiding_unlinked_entities(browser, example):
    graph, path = example
    persons = {n for n, d in graph.nodes(data=True) if d["type"] == "Person"}
    top_predicate = max(sorted({k for *_, k in graph.edges(keys=True)}),
                        key=lambda p: sum(1 for *_, k in graph.edges(keys=True) if k == p))
    context, page, problems = open_page(browser, path)
    try:
        page.locator("#hide-isolated").uncheck()        # checked at first: the example has many unrelated entities
        page.locator("input[name=type][value=Person]").uncheck()
        no_person_edges = [e for e in graph.edges(keys=True) if e[0] not in persons and e[1] not in persons]
        assert counts(page) == [graph.number_of_nodes() - len(persons), len(no_person_edges)]
        page.locator("button[data-bulk=types][data-value=all]").click()
        page.locator(f"input[name=predicate][value={top_predicate}]").uncheck()
        assert counts(page)[1] == sum(1 for *_, k in graph.edges(keys=True) if k != top_predicate)
        page.locator("button[data-bulk=predicates][data-value=all]").click()
        page.locator("#min-support").fill("2")
        strong = [(s, o) for s, o, d in graph.edges(data=True) if d["support"] >= 2]
        assert counts(page) == [graph.number_of_nodes(), len(strong)]
        page.locator("#hide-isolated").check()
        assert counts(page) == [len({n for pair in strong for n in pair}), len(strong)]
        assert page.locator("#visible-count").text_content().startswith(f"Showing {len({n for p in strong for n in p})} of")
        assert problems == []
    finally:
        context.close()


# -- a large generated graph ---------------------------------------------------
def test_large_graph_is_capped_laid_out_ahead_and_explains_what_is_left_out(browser, tmp_path):
    graph = random_graph(1500, seed=11)
    view = make_view(graph, ViewOptions(max_nodes=600))
    path = tmp_path / "large.html"
    write_page(view, path)
    context, page, problems = open_page(browser, path)
    try:
        assert counts(page) == [600, view.graph.number_of_edges()]
        banner = page.locator(".notice.warning").text_content()
        assert "shows the 600 best-connected of 1,500 entities" in banner and "--max-nodes 1500" in banner
        assert page.evaluate("() => network.physics.options.enabled") is False
        placed = page.evaluate("() => { const p = network.getPositions();"
                               " return graphkit.data.nodes.every(n => p[n.id].x === n.x && p[n.id].y === n.y); }")
        assert placed
        hub = max(sorted(view.graph), key=view.graph.degree)
        edge = page.evaluate("id => network.getConnectedEdges(id)[0]", hub)
        assert page.evaluate("id => network.body.data.edges.get(id).label", edge) is None     # labels wait for a zoom
        click_node(page, hub)
        assert panel(page)["title"] == graph.nodes[hub]["label"]
        page.evaluate("() => network.fit()")
        assert page.evaluate("() => network.getScale()") < 0.35
        box = page.locator("#network canvas").bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        for _ in range(60):
            if page.evaluate("() => network.getScale()") >= 0.5:
                break
            page.mouse.wheel(0, -300)
        expected = page.evaluate("id => graphkit.details.edges[id].label", edge)
        page.wait_for_function("([id, label]) => network.body.data.edges.get(id).label === label", arg=[edge, expected])
        assert page.evaluate("id => network.body.edges[id].options.arrows.to.enabled", edge) is True
        assert problems == []
    finally:
        context.close()


# -- hostile articles ----------------------------------------------------------
PAYLOAD = "<img src=x onerror=\"window.__pwned='img'\"><script>window.__pwned='script'</script>"


def assert_nothing_ran(page, problems):
    """No flag set, no dialog, no element made from article text, no javascript: link, no CSP report."""
    assert page.evaluate("() => window.__pwned") is None
    made = "#details img, #details script, #search-results img, #search-results script"
    assert page.evaluate("made => document.querySelectorAll(made).length", made) == 0
    assert page.evaluate("() => [...document.querySelectorAll('a[href]')].every(a => /^https:/.test(a.href))")
    assert problems == []


def test_hostile_strings_in_every_field_are_shown_as_text(browser, tmp_path):
    graph = random_graph(30, seed=3)
    node = max(sorted(graph), key=graph.degree)
    article = {"iri": "https://w3id.org/graphkit/id/article/evil", "title": "Title " + PAYLOAD,
               "url": "javascript:window.__pwned='url'", "date": "2024-01-01", "source": "evil.jsonl:1"}
    graph.nodes[node].update(label="Evil " + PAYLOAD, names=["alias " + PAYLOAD], wikidata="javascript:alert(1)",
                             articles=[article])
    s, o, key = next(iter(graph.out_edges(node, keys=True)))
    graph.edges[s, o, key]["evidence"][0].update(text="Sentence " + PAYLOAD, article=article["iri"],
                                                 title=article["title"], url=article["url"])
    path = tmp_path / "hostile.html"
    write_page(graph, path, title="Hostile " + PAYLOAD)
    context, page, problems = open_page(browser, path)
    try:
        assert page.title() == "Hostile " + PAYLOAD
        click_node(page, node)
        text = panel(page)["text"]
        assert "Evil " + PAYLOAD in text and "alias " + PAYLOAD in text and "Title " + PAYLOAD in text
        click_edge(page, edge_id(page, s, key, o))
        assert "Sentence " + PAYLOAD in panel(page)["quotes"]
        page.locator("#search").fill("evil <img")
        assert page.locator("#search-results li .name").first.text_content() == "Evil " + PAYLOAD
        page.mouse.move(10, 10)
        assert_nothing_ran(page, problems)
    finally:
        context.close()


def test_hostile_article_built_by_graphkit_runs_nothing(browser, tmp_path):
    from graphkit.build import build
    from graphkit.graph.files import read_graph

    text = ("Halvorsen Vision sells face recognition to the Millbrook Police Department "
            "<img src=x onerror=\"window.__pwned='evidence'\">.\n\n"
            "Amazon sells Rekognition <a href=\"javascript:window.__pwned='link'\">to police</a>.")
    record = {"id": "hostile", "url": "javascript:window.__pwned='url'", "date": "2024-03-01",
              "title": "<script>window.__pwned='title'</script> Vendor news", "text": text}
    source = tmp_path / "hostile.jsonl"
    source.write_text(json.dumps(record) + "\n", encoding="utf-8")
    report = build([source], tmp_path / "hostile.trig")
    assert report.articles == 1 and not report.failures
    graph = to_networkx(read_graph(tmp_path / "hostile.trig"))
    evidence = [ev for *_, d in graph.edges(data=True) for ev in d["evidence"]]
    assert any("onerror=" in ev["text"] for ev in evidence), "the payload did not reach the graph"
    assert all(ev["url"] == record["url"] and ev["title"] == record["title"] for ev in evidence)
    path = tmp_path / "hostile.html"
    write_page(graph, path)
    context, page, problems = open_page(browser, path)
    try:
        for edge in page.evaluate("() => network.body.data.edges.getIds()"):
            click_edge(page, edge)
            shown = panel(page)
            assert record["title"] in shown["text"] and record["url"] in shown["text"]
        node = page.evaluate("() => network.body.data.edges.get()[0].from")
        click_node(page, node)
        assert record["title"] in panel(page)["text"]
        assert any("onerror=" in q for q in page.evaluate(
            "() => Object.values(graphkit.details.edges).flatMap(e => e.evidence.map(v => v.text))"))
        assert_nothing_ran(page, problems)
    finally:
        context.close()
