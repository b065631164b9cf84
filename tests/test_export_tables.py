"""The spreadsheet export read back as CSV: one row per entity, one row per piece of evidence."""
from __future__ import annotations

import csv

from decimal import Decimal

import pytest
from test_export_sample import SELL_1, SELL_2, sample_dataset, truth

from graphkit.export import export


def read_rows(path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def check_against_source(folder, source):
    nodes, edges = read_rows(folder / "nodes.csv"), read_rows(folder / "edges.csv")
    assert {n["id"]: (n["label"], n["type"]) for n in nodes} == {
        iri: (e["label"], e["type"]) for iri, e in source.entities.items()}
    assert len(edges) == source.evidence_count
    assert {(e["source"], e["predicate"], e["target"]) for e in edges} == set(source.facts)
    for fact, evidence in source.facts.items():
        rows = [e for e in edges if (e["source"], e["predicate"], e["target"]) == fact]
        expected = sorted((e["text"], e["article"]) for e in evidence) or [("", "")]     # no evidence: one bare row
        assert sorted((r["evidence"], r["article"]) for r in rows) == expected
        money = sorted((e["text"], e["amount"], e["currency"]) for e in evidence if e["amount"] is not None)
        assert sorted((r["evidence"], Decimal(r["amount"]), r["currency"]) for r in rows if r["amount"]) == money
    return nodes, edges


def test_sample_tables_keep_every_sentence_and_its_source(tmp_path):
    export(sample_dataset(), "csv", tmp_path / "tables")
    nodes, edges = check_against_source(tmp_path / "tables", truth(sample_dataset()))
    acme = next(n for n in nodes if n["label"] == "Acme Corp")
    assert (acme["aliases"], acme["wikidata"], acme["article_count"]) == ("Acme", "Q4674", "2")
    sold = {r["evidence"]: r for r in edges if r["predicate"] == "sellsTo"}
    assert set(sold) == {SELL_1, SELL_2}                      # quotes, semicolon, pipe and ü survive
    assert (sold[SELL_1]["url"], sold[SELL_1]["date"], sold[SELL_1]["support"]) == ("https://news.example/acme",
                                                                                  "2021-03-04", "2")
    assert (sold[SELL_2]["title"], sold[SELL_2]["date"]) == ("Acme: a follow-up", "June 2020")
    assert (sold[SELL_1]["amount"], sold[SELL_1]["currency"], sold[SELL_1]["outlet"]) == ("2000000", "USD",
                                                                                       "Example News")
    assert (sold[SELL_2]["amount"], sold[SELL_2]["currency"]) == ("", "")


def test_a_fact_without_evidence_still_has_its_row(tmp_path):
    export(sample_dataset(bare_fact=True), "csv", tmp_path / "tables")
    _, edges = check_against_source(tmp_path / "tables", truth(sample_dataset(bare_fact=True)))
    [row] = [e for e in edges if e["target_label"] == "City of Springfield" and e["predicate"] == "worksFor"]
    assert (row["source_label"], row["support"], row["evidence"]) == ("Jane Roe", "1", "")


@pytest.mark.slow
def test_example_tables_keep_known_facts(example_graph, tmp_path):
    export(example_graph, "csv", tmp_path / "tables")
    source = truth(example_graph)
    _, edges = check_against_source(tmp_path / "tables", source)
    for fact in source.known_facts():
        assert any((e["source"], e["predicate"], e["target"]) == fact and e["evidence"] for e in edges)
