"""`graphkit query` is bounded: a time limit, rows written as they come, one sentence for each user error."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from graphkit.errors import QueryError
from graphkit.query.oxigraph import read_answer
from graphkit.query.sparql import parse_binding

# a quadruple cross product of the graph: hours of work, and billions of rows
ENDLESS_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
ENDLESS_ROWS = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"



def graphkit(*args):
    return subprocess.run([sys.executable, "-m", "graphkit", *map(str, args)], capture_output=True, text=True,
                          timeout=300)


def one_sentence(run) -> str:
    lines = run.stderr.strip().splitlines()
    assert run.returncode == 2 and len(lines) == 1 and "Traceback" not in run.stderr, run.stderr
    return lines[0]


def test_a_query_past_its_time_is_stopped_with_one_sentence(graph_file):
    message = one_sentence(graphkit("query", graph_file, ENDLESS_COUNT, "--timeout", "1"))
    assert "1-second limit" in message and "--timeout" in message


def test_rows_are_written_before_the_query_ends(graph_file):
    # the answer has billions of rows: what reached stdout before the limit was written as found, not buffered
    for fmt in ("csv", "tsv", "json"):
        run = graphkit("query", graph_file, ENDLESS_ROWS, "--format", fmt, "--timeout", "2")
        assert "limit" in one_sentence(run)
        assert len(run.stdout.splitlines()) > 100, fmt


def test_streamed_json_is_sparql_json(graph_file):
    run = graphkit("query", graph_file, "SELECT ?s ?label WHERE { ?s rdfs:label ?label } ORDER BY ?label",
                   "--format", "json")
    assert run.returncode == 0, run.stderr
    answer = json.loads(run.stdout)
    assert answer["head"]["vars"] == ["s", "label"] and len(answer["results"]["bindings"]) > 3
    empty = json.loads(graphkit("query", graph_file, "SELECT ?s WHERE { ?s a <urn:none> }", "--format", "json").stdout)
    assert empty == {"head": {"vars": ["s"]}, "results": {"bindings": []}}


@pytest.mark.parametrize("args, expected", [
    (["--bind", "v=<not an iri>"], "is not a valid IRI"),
    (["--bind", "v"], "must look like NAME=VALUE"),
    (["--timeout", "0"], "--timeout must be"),
])
def test_user_errors_are_one_sentence(graph_file, args, expected):
    assert expected in one_sentence(graphkit("query", graph_file, "SELECT ?v WHERE { ?v ?p ?o }", *args))


def test_a_bad_iri_in_a_binding_is_a_query_error():
    with pytest.raises(QueryError, match="not a valid IRI"):
        parse_binding("e=<https://example.org/a b>")


def test_an_error_while_reading_results_is_a_query_error():
    def failing():
        yield 1
        raise RuntimeError("stream broke\nsecond line")
    with pytest.raises(QueryError, match="while its results were read: stream broke$"):
        list(read_answer(failing()))
