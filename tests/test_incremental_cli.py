"""graphkit add / remove / build --update on the command line: exit codes and messages."""
from __future__ import annotations

import pytest
from test_cli import graphkit
from test_incremental_build import FIRST, SECOND, quads, write

pytestmark = pytest.mark.slow


def test_add_remove_and_update_from_the_command_line(tmp_path):
    first, second = write(tmp_path / "first", FIRST), write(tmp_path / "second", SECOND)
    graph, full = tmp_path / "g.nq", tmp_path / "full.nq"
    assert graphkit("build", first, "-o", graph).returncode == 0
    run = graphkit("add", graph, second)
    assert run.returncode == 0, run.stderr
    assert run.stderr.strip().splitlines()[-1].startswith(f"{graph}: 3 articles,")
    assert graphkit("build", first, second, "-o", full).returncode == 0
    assert quads(graph) == quads(full)

    run = graphkit("add", graph, second)
    assert run.returncode == 0 and "1 unchanged" in run.stderr
    run = graphkit("remove", graph, second / "aclu-sues.txt")
    assert run.returncode == 0 and "1 removed" in run.stderr
    run = graphkit("build", first, second, "-o", graph, "--update")
    assert run.returncode == 0 and "2 reused" in run.stderr
    assert quads(graph) == quads(full)


def test_refusals_are_one_sentence_and_leave_the_graph_alone(tmp_path):
    second = write(tmp_path / "second", SECOND)
    foreign = tmp_path / "foreign.ttl"
    foreign.write_text("@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\n")
    for args in (("add", foreign, second), ("remove", foreign, "x"), ("build", second, "-o", foreign, "--update")):
        run = graphkit(*args)
        assert run.returncode == 2, args
        assert run.stderr.count("\n") == 1 and "has no graphkit build state" in run.stderr
        assert "Traceback" not in run.stderr
    assert foreign.read_text() == "@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\n"

    graph = tmp_path / "g.trig"
    assert graphkit("build", second, "-o", graph).returncode == 0
    before = graph.read_bytes()
    run = graphkit("remove", graph, "no-such-article")
    assert run.returncode == 2 and "holds no article with id, source or IRI 'no-such-article'" in run.stderr
    run = graphkit("remove", graph, "aclu-sues")
    assert run.returncode == 2 and "would leave no article" in run.stderr
    assert graph.read_bytes() == before
    (second / "resolver.yaml").write_text("same: Acme\n")
    run = graphkit("add", graph, second)
    assert run.returncode == 2 and "resolver.yaml" in run.stderr and "Traceback" not in run.stderr
    assert graph.read_bytes() == before


def test_resolver_notes_are_printed(tmp_path):
    first = write(tmp_path / "first", FIRST)
    (first / "resolver.yaml").write_text("same:\n  - [Hooli, Acme Vision]\n")
    run = graphkit("build", first, "-o", tmp_path / "g.nq")
    assert run.returncode == 0
    assert "graphkit: note: resolver: no entity is named Hooli" in run.stderr
