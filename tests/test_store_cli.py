"""The commands on store folders: query --name, user queries, viz/export/stats/serve, and builds into a store."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from test_incremental_build import write
from test_store_roundtrip import sample_dataset

from graphkit.cli import main
from graphkit.graph.files import read_graph, write_graph
from graphkit.graph.store import MARKER, open_graph
from graphkit.graph.vocab import DEFAULT_BASE_IRI
from graphkit.query.oxigraph import run_sparql
from graphkit.query.sparql import run_query, saved_query

USER_QUERY = """# Agencies fined by nobody, that a vendor sells to
SELECT DISTINCT ?agency WHERE { ?v gk:sellsTo ?a . ?a rdfs:label ?agency .
  FILTER NOT EXISTS { ?a gk:fines ?x } FILTER(?agency = ?only) }
"""


@pytest.fixture(scope="module")
def graphs(tmp_path_factory):
    """The same sample graph as a TriG file and as a store folder."""
    folder = tmp_path_factory.mktemp("cli")
    dataset = sample_dataset()
    write_graph(dataset, folder / "g.trig")
    write_graph(dataset, folder / "g.oxigraph")
    return folder / "g.trig", folder / "g.oxigraph"


def run(capsys, *args) -> tuple[int, str, str]:
    status = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return status, out, err


def test_a_saved_query_by_name_answers_alike_from_file_and_store(graphs, capsys):
    answers = []
    for graph in graphs:
        status, out, err = run(capsys, "query", graph, "--name", "who-sells-what-to-whom", "--format", "csv")
        assert status == 0, err
        answers.append(out)
    assert answers[0] == answers[1]
    lines = answers[0].splitlines()
    by_rdflib = run_query(sample_dataset(), saved_query("who-sells-what-to-whom").text)
    assert lines[0] == "vendor,thing,customer"
    assert lines[1:] == [",".join(map(str, row)) for row in by_rdflib.rows] and len(lines) > 20
    status, out, _ = run(capsys, "query", graphs[1], "-n", "who-sells-what-to-whom", "--bind", "vendorName=V3", "--format", "csv")
    assert status == 0 and {line.split(",")[0] for line in out.splitlines()[1:]} == {"Vendor 3"}


def test_a_users_folder_of_queries(graphs, tmp_path, capsys):
    mine = tmp_path / "my-queries"
    mine.mkdir()
    (mine / "unfined-customers.rq").write_text(USER_QUERY, encoding="utf-8")
    (mine / "critics-of.rq").write_text("# My own critics\nSELECT ?c WHERE { ?c gk:criticizes ?t }\n", encoding="utf-8")
    status, out, _ = run(capsys, "queries", "--queries", mine)
    assert status == 0
    listed = {line.split()[0]: line for line in out.splitlines()}
    assert "Agencies fined by nobody" in listed["unfined-customers"] and "who-sells-what-to-whom" in listed
    assert "My own critics" in listed["critics-of"]            # a user's query overrides a bundled one of that name

    # agency k % 15 fines someone when k % 5 == 0 (k < 20): agencies 0, 5 and 10 are left out
    expected = {f"Agency {n} Police" for n in range(15)} - {"Agency 0 Police", "Agency 5 Police", "Agency 10 Police"}
    for name in ("Agency 3 Police", "Agency 0 Police"):
        status, out, err = run(capsys, "query", graphs[1], "--name", "unfined-customers", "--queries", mine,
                               "--bind", f"only={name}", "--format", "tsv")
        assert status == 0, err
        assert out.splitlines()[1:] == ([name] if name in expected else [])
    status, out, _ = run(capsys, "query", graphs[1], "-n", "critics-of", "--queries", mine, "--format", "csv")
    assert out.splitlines()[1:] == [f"{DEFAULT_BASE_IRI}org/rights-group"] * 8      # no DISTINCT: one row per vendor


def test_unknown_saved_query_and_missing_folder_are_one_sentence(graphs, tmp_path, capsys):
    status, _, err = run(capsys, "query", graphs[1], "--name", "no-such-query")
    assert status == 2 and err.count("\n") == 1
    assert "no saved query named 'no-such-query'" in err and "who-sells-what-to-whom" in err
    status, _, err = run(capsys, "query", graphs[1], "--name", "critics-of", "--queries", tmp_path / "missing")
    assert status == 2 and "no such folder of saved queries" in err


def test_viz_export_and_stats_read_a_store_as_they_read_a_file(graphs, tmp_path, capsys):
    outputs = {}
    for graph in graphs:
        kind = graph.suffix
        for args in (("export", graph, "--format", "nquads", "-o", tmp_path / f"x{kind}.nq"),
                     ("export", graph, "--format", "graphml", "-o", tmp_path / f"x{kind}.graphml"),
                     ("viz", graph, "-o", tmp_path / f"x{kind}.html")):
            status, _, err = run(capsys, *args)
            assert status == 0, err
        status, outputs[kind], err = run(capsys, "stats", graph)
        assert status == 0, err
    assert outputs[".trig"] == outputs[".oxigraph"] and "Company" in outputs[".trig"]
    for ext in ("nq", "graphml"):
        assert (tmp_path / f"x.trig.{ext}").read_bytes() == (tmp_path / f"x.oxigraph.{ext}").read_bytes()
    pages = [(tmp_path / f"x{k}.html").read_text(encoding="utf-8").replace(str(g), "GRAPH") for k, g in
             ((".trig", graphs[0]), (".oxigraph", graphs[1]))]
    assert pages[0] == pages[1] and "Vendor 3" in pages[0]


@pytest.mark.parametrize("which, where", [(0, []), (0, ["--on-disk"]), (1, []), (1, ["--in-memory"])],
                         ids=["file-in-memory", "file-on-disk", "store-on-disk", "store-in-memory"])
def test_serve_answers_from_a_file_or_a_store_in_memory_or_on_disk_and_stops_cleanly(graphs, tmp_path, which, where):
    in_named_graphs = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    expected = str(run_query(read_graph(graphs[0]), in_named_graphs).rows[0][0])      # rdflib's count of the file
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    server = subprocess.Popen([sys.executable, "-m", "graphkit", "serve", graphs[which], "--port", "0", "--quiet", *where],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        banner = server.stdout.readline()
        assert "at http://127.0.0.1:" in banner, banner + server.stderr.read()
        url = banner.split(" at ", 1)[1].split()[0]
        for query, count in (("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a gk:Article }", "20"),
                             (in_named_graphs, expected)):
            reply = httpx.get(url + "sparql", params={"query": query}, headers={"Accept": "text/csv"}, timeout=60)
            assert reply.text.splitlines() == ["n", count]
        temporary = [p.name for p in tmp_path.iterdir() if p.name.startswith("graphkit-serve-")]
        assert bool(temporary) == (where == ["--on-disk"])     # only a file served on disk needs a temporary store
    finally:
        server.send_signal(signal.SIGTERM)
        _, err = server.communicate(timeout=60)
    assert server.returncode == 0 and "stopped" in err
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("graphkit-serve-")]


def test_serve_refuses_what_is_not_a_graph(tmp_path, capsys):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "a.txt").write_text("x")
    status, _, err = run(capsys, "serve", tmp_path / "notes", "--port", "0")
    assert status == 2 and "not an Oxigraph store" in err
    status, _, err = run(capsys, "serve", tmp_path / "missing.trig", "--port", "0")
    assert status == 2 and "no such graph file" in err
    (tmp_path / "broken.trig").write_text("<urn:a> <urn:b> .\n", encoding="utf-8")     # a triple without object
    for where in ([], ["--on-disk"]):                  # read by the workers, or copied into a store first
        status, _, err = run(capsys, "serve", tmp_path / "broken.trig", "--port", "0", *where)
        assert status == 2 and "broken.trig: cannot be read as" in err and len(err.strip().splitlines()) == 1, err


# -- builds into a store folder (the real pipeline) ----------------------------------
FIRST = {
    "acme-sells.txt": "Acme Vision sells facial recognition software to the Springfield Police Department.\n\n"
                      "The American Civil Liberties Union criticized Acme Vision for the deal.\n",
}
SECOND = {
    "council-ban.txt": "The Springfield City Council banned facial recognition on Tuesday.\n\n"
                       "The Electronic Frontier Foundation praised the ban.\n",
}




def quads(path: Path) -> set:
    return {(s, p, o, getattr(g, "identifier", g)) for s, p, o, g in read_graph(path).quads((None, None, None, None))}


@pytest.mark.slow
def test_build_and_add_write_a_store_folder_equal_to_a_file(tmp_path, nlp):
    from graphkit.build import BuildOptions, add_articles, build

    first, second = write(tmp_path / "first", FIRST), write(tmp_path / "second", SECOND)
    options = BuildOptions(nlp=nlp)
    store, file = tmp_path / "g.oxigraph", tmp_path / "g.nq"
    assert build([first], store, options).articles == 1
    graph = open_graph(store)
    sold = run_sparql(graph, "SELECT ?to WHERE { ?v gk:sellsTo ?c . ?c rdfs:label ?to }")
    assert [r[0].value for r in sold.rows] == ["Springfield Police Department"]
    del graph

    report = add_articles(store, [second], options)
    assert report.articles == 2 and report.unchanged == 0
    build([first, second], file, options)
    assert quads(store) == quads(file) and len(quads(file)) > 50
    assert sorted(p.name for p in tmp_path.iterdir()) == ["first", "g.nq", "g.nq.graphkit", "g.oxigraph",
                                                          "g.oxigraph.graphkit", "second"]


@pytest.mark.slow
def test_a_store_changed_behind_graphkits_back_is_not_updated(tmp_path, nlp):
    from graphkit.build import BuildOptions, add_articles, build
    from graphkit.errors import GraphError

    first, second = write(tmp_path / "first", FIRST), write(tmp_path / "second", SECOND)
    store = tmp_path / "g.oxigraph"
    build([first], store, BuildOptions(nlp=nlp))
    marker = store / MARKER
    marker.write_text(marker.read_text().replace('"source_sha256": "', '"source_sha256": "0'), encoding="utf-8")
    before = quads(store)
    with pytest.raises(GraphError, match="differs from the graph graphkit last wrote"):
        add_articles(store, [second], BuildOptions(nlp=nlp))
    assert quads(store) == before
