"""From the command line: article metadata reaches the graph and the exports, and no local path does."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from rdflib import Dataset, Literal
from rdflib.namespace import DCTERMS

from graphkit.graph.vocab import GK

pytestmark = pytest.mark.slow

FINE = "The Irish Data Protection Commission fined Acme Analytics $16.5 million on Tuesday over its face data.\n"


def graphkit(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "graphkit", *map(str, args)], capture_output=True, text=True, cwd=cwd)


def test_front_matter_and_meta_table_reach_the_graph_and_no_absolute_path_does(tmp_path):
    folder = tmp_path / "articles"
    (folder / "eu").mkdir(parents=True)
    (folder / "eu" / "fine.txt").write_text("---\ntitle: Acme fined\ndate: 2024-03-01\n---\n" + FINE, encoding="utf-8")
    (folder / "other.txt").write_text(FINE.replace("Acme Analytics", "Beta Labs"), encoding="utf-8")
    table = tmp_path / "index.csv"
    table.write_text("path,title,date,url,outlet\narticles/other.txt,Beta fined,2024-04-02,https://x.example/b,"
                     "X News\n", encoding="utf-8")
    out = tmp_path / "g.trig"
    run = graphkit("build", folder, "-o", out, "--meta", table)
    assert run.returncode == 0, run.stderr
    dataset = Dataset(default_union=True)
    dataset.parse(out, format="trig")
    assert Literal("Beta fined") in set(dataset.objects(None, DCTERMS.title))
    assert Literal("X News") in set(dataset.objects(None, DCTERMS.publisher))
    assert {str(s) for s in dataset.objects(None, GK.sourceFile)} == {"eu/fine.txt", "other.txt"}
    assert str(tmp_path) not in out.read_text(encoding="utf-8")
    ftm = tmp_path / "g.ftm.json"
    assert graphkit("export", out, "--format", "ftm", "-o", ftm).returncode == 0
    documents = [e for e in map(json.loads, ftm.read_text(encoding="utf-8").splitlines()) if e["schema"] == "Article"]
    assert sorted(d["properties"]["fileName"][0] for d in documents) == ["eu/fine.txt", "other.txt"]
    assert str(tmp_path) not in ftm.read_text(encoding="utf-8")
    penalties = graphkit("query", out, "--name", "largest-penalties", "--format", "csv")
    [row] = [r for r in penalties.stdout.splitlines() if ",Acme Analytics," in r]
    assert ",16500000,USD,2024-03-01,Acme fined," in row


def test_a_broken_meta_table_is_one_sentence_and_nothing_is_written(tmp_path):
    (tmp_path / "a.txt").write_text(FINE, encoding="utf-8")
    table = tmp_path / "index.csv"
    table.write_text("file,title\na.txt,T\n", encoding="utf-8")
    run = graphkit("build", tmp_path / "a.txt", "-o", tmp_path / "g.trig", "--meta", table)
    assert run.returncode == 2 and not (tmp_path / "g.trig").exists()
    assert run.stderr.strip().count("\n") == 0 and "no \"path\" column" in run.stderr
