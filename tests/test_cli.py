"""The command line end to end: real builds, real files, exit codes and messages."""
from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import EXAMPLES

pytestmark = pytest.mark.slow


def graphkit(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "graphkit", *map(str, args)], capture_output=True, text=True, cwd=cwd)


def test_build_writes_graph_and_one_line_summary(tmp_path):
    out = tmp_path / "g.ttl"
    run = graphkit("build", EXAMPLES / "wire-briefs.jsonl", "-o", out)
    assert run.returncode == 0, run.stderr
    summary = run.stderr.strip().splitlines()[-1]
    assert summary.startswith(f"{out}: 3 articles,") and "entities" in summary and "relations" in summary
    assert out.read_text(encoding="utf-8").startswith("@prefix")


def test_bad_inputs_are_named_others_still_built_exit_1(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03")
    (tmp_path / "latin.txt").write_bytes("Acme vend des cam\xe9ras.".encode("latin-1"))
    (tmp_path / "good.txt").write_text("Acme Corp sells facial recognition software to the Springfield Police Department.\n")
    out = tmp_path / "g.nq"
    run = graphkit("build", tmp_path, "-o", out)
    assert run.returncode == 1
    lines = run.stderr.splitlines()
    for name, problem in (("empty.txt", "is empty"), ("binary.txt", "binary"), ("latin.txt", "not UTF-8")):
        assert any(name in line and problem in line for line in lines), run.stderr
    assert "1 articles" in lines[-1]
    assert "sells" in out.read_text(encoding="utf-8")


def test_unknown_extension_and_missing_folder(tmp_path):
    doc = tmp_path / "a.docx"
    doc.write_bytes(b"PK\x03\x04")
    run = graphkit("build", doc, "-o", tmp_path / "g.ttl")
    assert run.returncode == 2 and "unknown extension '.docx'" in run.stderr
    run = graphkit("build", EXAMPLES / "wire-briefs.jsonl", "-o", tmp_path / "missing" / "g.ttl")
    assert run.returncode == 2 and "does not exist" in run.stderr
    assert "Traceback" not in run.stderr


def test_missing_model_is_one_clear_sentence(tmp_path):
    run = graphkit("build", EXAMPLES / "wire-briefs.jsonl", "-o", tmp_path / "g.ttl", "--model", "xx_no_such_model")
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and "xx_no_such_model" in run.stderr and "cannot be loaded" in run.stderr


def test_failed_build_leaves_existing_output_untouched(tmp_path):
    out = tmp_path / "g.ttl"
    out.write_text("previous graph\n")
    (tmp_path / "empty.txt").write_text("")
    run = graphkit("build", tmp_path / "empty.txt", "-o", out)
    assert run.returncode == 2
    assert out.read_text() == "previous graph\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.txt", "g.ttl"]


def test_same_input_same_bytes(tmp_path):
    outs = []
    for n in (1, 2):
        out = tmp_path / f"g{n}.nq"
        assert graphkit("build", EXAMPLES, "-o", out).returncode == 0
        outs.append(sorted(out.read_text(encoding="utf-8").splitlines()))
    assert outs[0] == outs[1]


def test_query_syntax_error_names_the_position(example_graph_path):
    run = graphkit("query", example_graph_path, "SELECT ?s WHERE {\n  ?s ?p\n}")
    assert run.returncode == 2
    assert "SPARQL syntax error at line" in run.stderr and "Traceback" not in run.stderr


def test_query_formats(example_graph_path):
    q = "SELECT ?name WHERE { ?e a gk:Company ; rdfs:label ?name } ORDER BY ?name"
    table = graphkit("query", example_graph_path, q)
    csv = graphkit("query", example_graph_path, q, "--format", "csv")
    tsv = graphkit("query", example_graph_path, q, "--format", "tsv")
    js = graphkit("query", example_graph_path, q, "--format", "json")
    assert table.returncode == csv.returncode == tsv.returncode == js.returncode == 0
    names = csv.stdout.splitlines()[1:]
    assert "Microsoft" in names and names == sorted(names)
    assert tsv.stdout.splitlines()[1:] == names
    import json
    assert [b["name"]["value"] for b in json.loads(js.stdout)["results"]["bindings"]] == names
    assert table.stdout.splitlines()[0].strip() == "name" and table.stdout.rstrip().endswith(f"({len(names)} rows)")


def test_validate_the_example_graph(example_graph_path):
    run = graphkit("validate", example_graph_path)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "conforms" in run.stdout


def test_validate_reports_a_broken_graph(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("""@prefix gk: <https://w3id.org/graphkit/ontology#> .
<https://x.org/a> a gk:Company ; gk:sells <https://x.org/b> .
""")
    run = graphkit("validate", bad)
    assert run.returncode == 1
    assert "rdfs:label" in run.stderr and "does not conform" in run.stdout


def test_min_confidence_filters_relations(tmp_path):
    from rdflib import Dataset

    from graphkit.graph.vocab import GK

    out = tmp_path / "g.trig"
    assert graphkit("build", EXAMPLES / "wire-briefs.jsonl", "-o", out, "--min-confidence", "0.75").returncode == 0
    ds = Dataset(default_union=True)
    ds.parse(out, format="trig")
    confidences = [float(c) for c in ds.objects(None, GK.confidence)]
    assert confidences and min(confidences) >= 0.75


def test_an_unusual_object_type_is_a_warning_not_a_violation(tmp_path):
    odd = tmp_path / "odd.ttl"
    odd.write_text("""@prefix gk: <https://w3id.org/graphkit/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://x.org/a> a gk:Company ; rdfs:label "A" ; gk:acquires <https://x.org/b> .
<https://x.org/b> a gk:GovernmentAgency ; rdfs:label "B" .
""")
    run = graphkit("validate", odd)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 violation(s), 1 warning(s)" in run.stdout and "warning: " in run.stdout
