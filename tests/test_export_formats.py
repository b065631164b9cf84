"""The format registry, empty graphs, bad formats and unwritable paths, and the export command."""
from __future__ import annotations

import json
import subprocess
import sys

import networkx as nx
import pyoxigraph as ox
import pytest
from conftest import ROOT
from pyld import jsonld
from rdflib import Dataset
from test_export_neo4j import count, load_folder
from test_export_sample import sample_dataset, truth, write_sample

from graphkit.errors import OutputError, UnknownFormat
from graphkit.export import FORMATS, export, format_named

ISSUE_FORMATS = ["turtle", "trig", "nquads", "ntriples", "rdfxml", "jsonld", "graphml", "gexf", "cytoscape",
                 "neo4j", "ftm", "csv"]
OXIGRAPH = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS,
            "ntriples": ox.RdfFormat.N_TRIPLES, "rdfxml": ox.RdfFormat.RDF_XML}


def test_registry_holds_the_formats_and_each_loads_a_writer():
    assert list(FORMATS) == ISSUE_FORMATS
    for fmt in FORMATS.values():
        assert callable(fmt.load()) and fmt.description
    assert {f.name for f in FORMATS.values() if f.folder} == {"neo4j", "csv"}


def test_unknown_format_names_the_valid_ones():
    with pytest.raises(UnknownFormat, match="unknown export format 'xlsx'; use one of turtle, trig"):
        format_named("xlsx")
    with pytest.raises(UnknownFormat):
        export(Dataset(), "GraphML", "out.graphml")


def size_of_empty_export(fmt: str, out) -> int:
    """How many things an export of an empty graph holds, as an independent reader sees it."""
    if fmt in OXIGRAPH:
        return len(list(ox.parse(path=str(out), format=OXIGRAPH[fmt])))
    if fmt == "jsonld":
        return len(jsonld.to_rdf(json.loads(out.read_text(encoding="utf-8")), {"format": "application/n-quads"}))
    if fmt in ("graphml", "gexf"):
        graph = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
        return graph.number_of_nodes() + graph.number_of_edges()
    if fmt == "cytoscape":
        elements = json.loads(out.read_text(encoding="utf-8"))["elements"]
        return len(elements["nodes"]) + len(elements["edges"])
    if fmt == "ftm":
        return len(out.read_text(encoding="utf-8").splitlines())
    if fmt == "csv":
        return sum(len((out / name).read_text(encoding="utf-8").splitlines()) - 1 for name in ("nodes.csv", "edges.csv"))
    conn = load_folder(out, out.parent / "db")
    return count(conn, "MATCH (n) RETURN count(n)") + count(conn, "MATCH ()-[r]->() RETURN count(r)")


@pytest.mark.parametrize("fmt", ISSUE_FORMATS)
def test_an_empty_graph_exports_and_reads_back_empty(tmp_path, fmt):
    out = tmp_path / f"empty.{fmt}"
    export(Dataset(default_union=True), fmt, out)
    assert out.exists()
    assert size_of_empty_export(fmt, out) == 0


@pytest.mark.parametrize("fmt", ISSUE_FORMATS)
def test_a_missing_folder_is_one_clear_error(tmp_path, fmt):
    with pytest.raises(OutputError, match="does not exist"):
        export(sample_dataset(), fmt, tmp_path / "missing" / "out")


def test_folder_exports_never_replace_a_folder_of_other_files(tmp_path):
    target = tmp_path / "mine"
    target.mkdir()
    (target / "notes.txt").write_text("keep me")
    with pytest.raises(OutputError, match="holds other files"):
        export(sample_dataset(), "csv", target)
    assert [p.name for p in target.iterdir()] == ["notes.txt"]
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputError, match="a file of that name exists"):
        export(sample_dataset(), "neo4j", tmp_path / "file")


def test_folder_exports_replace_their_own_earlier_output(tmp_path):
    export(Dataset(default_union=True), "csv", tmp_path / "tables")
    export(sample_dataset(), "csv", tmp_path / "tables")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tables"]
    assert len((tmp_path / "tables" / "nodes.csv").read_text(encoding="utf-8").splitlines()) > 1


def test_a_failed_export_leaves_the_existing_file_untouched(tmp_path):
    out = tmp_path / "graph.graphml"
    out.write_text("previous")
    with pytest.raises(UnknownFormat):
        export(sample_dataset(), "graphm", out)
    (tmp_path / "graph.ttl").mkdir()
    with pytest.raises(OutputError, match="cannot be written"):
        export(sample_dataset(), "turtle", tmp_path / "graph.ttl")
    assert out.read_text() == "previous"


def test_every_format_is_documented():
    text = (ROOT / "docs" / "export.md").read_text(encoding="utf-8")
    assert all(f"`{name}`" in text for name in FORMATS)


def graphkit(*args):
    return subprocess.run([sys.executable, "-m", "graphkit", *map(str, args)], capture_output=True, text=True)


def test_cli_lists_formats_and_exports(tmp_path):
    listing = graphkit("export", "--list-formats")
    assert listing.returncode == 0
    assert [line.split()[0] for line in listing.stdout.splitlines()] == ISSUE_FORMATS
    graph = write_sample(tmp_path / "g.trig")
    run = graphkit("export", graph, "--format", "gexf", "-o", tmp_path / "g.gexf")
    assert run.returncode == 0, run.stderr
    assert run.stderr == f"{tmp_path / 'g.gexf'}: written as gexf (file)\n"
    assert nx.read_gexf(tmp_path / "g.gexf").number_of_nodes() == len(truth(sample_dataset()).entities)


@pytest.mark.parametrize("args, message", [
    (["--format", "xls", "-o", "{tmp}/out"], "unknown export format 'xls'"),
    (["--format", "trig", "-o", "{tmp}/no/such/folder/out.trig"], "does not exist"),
    (["--format", "csv", "-o", "{graph}"], "a file of that name exists"),
    (["--format", "trig"], "export needs GRAPH, --format FORMAT and -o OUT"),
])
def test_cli_errors_are_one_sentence_and_exit_2(tmp_path, args, message):
    graph = write_sample(tmp_path / "g.trig")
    run = graphkit("export", graph, *(a.format(tmp=tmp_path, graph=graph) for a in args))
    assert run.returncode == 2
    assert run.stderr.startswith("graphkit: error: ") and message in run.stderr
    assert run.stderr.count("\n") == 1 and "Traceback" not in run.stderr
