"""Options and queries that would mislead are refused or warned about, in one sentence."""
from __future__ import annotations

import html
import re
import subprocess
import sys

import httpx
import pytest
from rdflib import Literal

from graphkit.cli import main
from graphkit.errors import QueryError
from graphkit.graph.rdf import new_dataset
from graphkit.query.checks import bindable, check_bindings, ontology_warnings, query_variables
from graphkit.query.sparql import run_query, saved_queries


@pytest.mark.parametrize("argv, sentence", [
    (["build", "in", "-o", "g.trig", "--min-confidence", "2"], "--min-confidence must be between 0 and 1, not 2"),
    (["build", "in", "-o", "g.trig", "--min-confidence", "-1"], "--min-confidence must be between 0 and 1, not -1"),
    (["build", "in", "-o", "g.trig", "--min-confidence", "nan"], "--min-confidence must be between 0 and 1"),
    (["build", "in", "-o", "g.trig", "--workers", "0"], "--workers must be at least 1, not 0"),
    (["serve", "g.trig", "--timeout", "0"], "--timeout must be more than 0, not 0"),
    (["serve", "g.trig", "--port", "70000"], "--port must be between 0 and 65535, not 70000"),
    (["serve", "g.trig", "--max-rows", "0"], "--max-rows must be at least 1, not 0"),
    (["stats", "g.trig", "--top", "-3"], "--top must be at least 1, not -3"),
    (["viz", "g.trig", "-o", "g.html", "--max-nodes", "0"], "--max-nodes must be at least 1, not 0"),
])
def test_numeric_options_out_of_range_are_refused_in_one_sentence(argv, sentence, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert sentence in err and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []       # nothing written, nothing replaced


def test_a_good_graph_is_not_replaced_by_an_out_of_range_build(tmp_path, capsys):
    graph = tmp_path / "g.trig"
    graph.write_text("kept", encoding="utf-8")
    assert main(["build", str(tmp_path), "-o", str(graph), "--min-confidence", "2"]) == 2
    assert graph.read_text(encoding="utf-8") == "kept"


def test_the_library_refuses_an_out_of_range_confidence_too(tmp_path):
    from graphkit.build import BuildOptions, build
    from graphkit.errors import GraphkitError

    with pytest.raises(GraphkitError, match="between 0 and 1"):
        build([tmp_path], tmp_path / "g.trig", BuildOptions(min_confidence=1.5))


QUERY = """# Bind ?targetName to ask about one target.
SELECT ?critic WHERE { ?t rdfs:label ?targetName . ?c gk:criticizes ?t ; rdfs:label "?notAVariable" . } # ?comment"""


def test_variables_are_read_outside_strings_and_comments():
    assert query_variables(QUERY) == ["critic", "t", "targetName", "c"]
    assert bindable(QUERY) == ["targetName"]


def test_a_binding_the_query_lacks_is_refused_naming_its_variables():
    with pytest.raises(QueryError) as refused:
        check_bindings(QUERY, {"target": Literal("Acme")})
    assert "no variable ?target" in str(refused.value) and "?critic, ?t, ?targetName, ?c" in str(refused.value)
    check_bindings(QUERY, {"targetName": Literal("Acme")})
    with pytest.raises(QueryError, match="no variable \\?target"):
        run_query(new_dataset(), QUERY, bindings={"target": Literal("Acme")})


def test_every_saved_query_names_only_defined_terms_and_its_hinted_variables_exist():
    for name, saved in saved_queries().items():
        assert ontology_warnings(saved.text) == [], name
        for variable in bindable(saved.text):
            assert variable in query_variables(saved.text), name
    assert bindable(saved_queries()["critics-of"].text) == ["targetName"]
    assert bindable(saved_queries()["who-sells-what-to-whom"].text) == ["vendorName"]


@pytest.mark.parametrize("query, nearest", [
    ("SELECT ?x WHERE { ?x a gk:Compny }", "gk:Company"),
    ("SELECT ?x WHERE { ?x gk:sellsto ?y }", "gk:sellsTo"),
    ("SELECT ?x WHERE { ?x <https://w3id.org/graphkit/ontology#critizes> ?y }", "gk:criticizes"),
])
def test_an_undefined_gk_term_gets_the_nearest_defined_one(query, nearest):
    [warning] = ontology_warnings(query)
    assert warning.endswith(f"did you mean {nearest}?")


def test_gk_terms_in_strings_comments_or_a_redefined_prefix_are_left_alone():
    assert ontology_warnings('SELECT ?x WHERE { ?x rdfs:label "gk:Compny" } # gk:Compny') == []
    assert ontology_warnings("PREFIX gk: <http://example.org/> SELECT ?x WHERE { ?x a gk:Compny }") == []


@pytest.mark.slow
def test_cli_refuses_unknown_binding_and_warns_on_unknown_term(example_graph_path):
    def graphkit(*args):
        return subprocess.run([sys.executable, "-m", "graphkit", *map(str, args)], capture_output=True, text=True)

    refused = graphkit("query", example_graph_path, "--name", "critics-of", "--bind", "company=Microsoft")
    assert refused.returncode == 2 and refused.stdout == ""
    assert "no variable ?company" in refused.stderr and "?targetName" in refused.stderr
    warned = graphkit("query", example_graph_path, "SELECT ?x WHERE { ?x a gk:Compny }")
    assert warned.returncode == 0 and "did you mean gk:Company?" in warned.stderr


@pytest.mark.slow
def test_query_page_refuses_unknown_binding_and_shows_each_queries_own_variable(tmp_path):
    from test_export_sample import write_sample

    from graphkit.serve import ServeOptions, Service

    with Service(write_sample(tmp_path / "g.trig"), ServeOptions(port=0, timeout=10, quiet=True)) as running:
        running.start()
        with httpx.Client(timeout=60) as http:
            def page(**params):
                reply = http.get(running.url, params=params)
                assert reply.status_code == 200
                return html.unescape(reply.text)

            critics = page(name="critics-of")
            assert 'placeholder="targetName=…"' in critics
            assert 'placeholder="vendorName=…"' in page(name="who-sells-what-to-whom")
            assert 'placeholder="VARIABLE=VALUE"' in page(name="most-criticised")
            refused = page(name="critics-of", bind="company=Acme")
            assert re.search(r'class="error"[^>]*>[^<]*no variable \?company[^<]*\?targetName', refused)
            assert "<tbody>" not in refused
            warned = page(query="SELECT ?x WHERE { ?x a gk:Compny }")
            assert re.search(r'class="warning"[^>]*>gk:Compny [^<]*did you mean gk:Company\?', warned)


@pytest.mark.slow
def test_query_page_links_the_names_and_titles_a_saved_query_answers_with(tmp_path):
    from urllib.parse import parse_qs, urlparse

    from test_export_sample import write_sample

    from graphkit.graph.vocab import DEFAULT_BASE_IRI
    from graphkit.serve import ServeOptions, Service

    with Service(write_sample(tmp_path / "g.trig"), ServeOptions(port=0, timeout=10, quiet=True)) as running:
        running.start()
        with httpx.Client(timeout=60) as http:
            text = http.get(running.url, params={"name": "critics-of"}).text
    links = {html.unescape(label): parse_qs(urlparse(html.unescape(href)).query)["bind"][0]
             for href, label in re.findall(r'<td[^>]*><a href="([^"]+)">([^<]+)</a></td>', text)}
    assert links["Privacy Watch"] == f"entity=<{DEFAULT_BASE_IRI}org/privacy-watch>"
    assert links["Acme Corp"] == f"entity=<{DEFAULT_BASE_IRI}org/acme>"
    assert links["Acme: a follow-up"] == f"entity=<{DEFAULT_BASE_IRI}article/acme-follow-up>"
    sentence = "Privacy Watch criticized Acme for selling face matching to police."
    assert f"<td>{sentence}</td>" in html.unescape(text)        # an evidence sentence names no one thing
