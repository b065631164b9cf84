"""The query page of graphkit serve in headless Chromium: saved queries, entity links, nothing from the graph runs."""
from __future__ import annotations

import pytest
from test_store_roundtrip import XSS_ALT, XSS_LABEL, sample_dataset

from graphkit.graph.files import write_graph
from graphkit.serve import ServeOptions, Service

pytestmark = [pytest.mark.slow, pytest.mark.browser]


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    store = tmp_path_factory.mktemp("page") / "sample.oxigraph"
    write_graph(sample_dataset(), store)
    with Service(store, ServeOptions(port=0, timeout=5, quiet=True)) as running:
        running.start()
        yield running


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.dialogs = dialogs
    yield page
    context.close()


def cell_texts(page) -> list[list[str]]:
    return page.eval_on_selector_all("#result tbody tr", "rows => rows.map(r => [...r.cells].map(c => c.textContent))")


def test_a_saved_query_is_one_click_away_and_its_iris_lead_to_the_entity(service, page):
    page.goto(service.url)
    assert "PREFIX gk: <https://w3id.org/graphkit/ontology#>" in page.input_value("#query")
    page.click("#saved a[href='/?name=who-sells-what-to-whom']")
    page.wait_for_selector("#result table")
    rows = cell_texts(page)
    assert rows and {r[0] for r in rows} == {f"Vendor {n}" for n in range(8)}
    assert "SELECT DISTINCT ?vendor ?thing ?customer" in page.input_value("#query")

    page.goto(service.url + "?query=" + "SELECT ?e WHERE { ?e rdfs:label 'Vendor 4' }")
    page.click("#result tbody a")
    page.wait_for_selector("#result table")
    rows = cell_texts(page)
    assert ["gkid:org/vendor-4", "rdfs:label", "Vendor 4"] in rows
    assert all("gkid:org/vendor-4" in (r[0], r[2]) for r in rows)


def test_markup_in_the_graph_and_in_the_query_is_shown_as_text(service, page):
    page.goto(service.url)
    page.fill("#query", "SELECT ?name WHERE { ?e rdfs:label|skos:altLabel ?name } ORDER BY ?name")
    page.click("button[type=submit]")
    page.wait_for_selector("#result table")
    names = [r[0] for r in cell_texts(page)]
    assert XSS_LABEL in names and XSS_ALT in names
    assert page.title() != "pwned" and page.dialogs == []
    assert page.eval_on_selector_all("#result img, #result script", "found => found.length") == 0

    page.fill("#query", "SELECT * WHERE { ?s ?p </textarea><script>document.title='pwned'</script> }")
    page.click("button[type=submit]")
    page.wait_for_selector("#result .error")
    assert "SPARQL syntax error" in page.text_content("#result .error")
    assert page.title() != "pwned" and page.eval_on_selector_all("script", "found => found.length") == 0
    assert "</textarea><script>" in page.input_value("#query")
