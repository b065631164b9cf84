"""graphkit stats: counts, most connected entities, likely duplicates, --explain."""
from __future__ import annotations

import pytest
from test_resolve_rules import NO_LEXICON, article, ent, rel

from graphkit.cli.stats import format_explanation, format_stats
from graphkit.graph.rdf import to_dataset
from graphkit.graph.stats import explain, graph_stats
from graphkit.resolve import load_decisions, resolve


@pytest.fixture
def dataset(tmp_path):
    results = [
        article("a1", [ent("e1", "Company", "Halvorsen Vision Systems"), ent("e2", "GovernmentAgency", "Millbrook Police"),
                       ent("e3", "Technology", "facial recognition", reason="lexicon")],
                [rel("e1", "sellsTo", "e2", 0), rel("e1", "sells", "e3", 20), rel("e2", "uses", "e3", 40)]),
        article("a2", [ent("e1", "Company", "Halvorsen Vision Sys"), ent("e2", "AdvocacyGroup", "Digital Rights Watch"),
                       ent("e3", "AdvocacyGroup", "DRW")],
                [rel("e2", "criticizes", "e1", 0)]),
        article("a3", [ent("e1", "Company", "Halvorsen Vision Systems"), ent("e3", "Technology", "facial recognition",
                                                                           reason="lexicon")],
                [rel("e1", "sells", "e3", 0)]),
        article("a4", [ent("e1", "AdvocacyGroup", "Data Rights Watch")]),
    ]
    resolver = tmp_path / "resolver.yaml"
    resolver.write_text("different:\n  - [Halvorsen Vision Sys, Halvorsen Vision Systems]\n")
    res = resolve(results, lexicon=NO_LEXICON, decisions=load_decisions([resolver]))
    return to_dataset(results, res)


def test_counts_by_type_and_predicate(dataset):
    stats = graph_stats(dataset)
    assert stats.articles == 4
    assert stats.entities == {"Company": 2, "GovernmentAgency": 1, "Technology": 1, "AdvocacyGroup": 3}
    assert stats.relations == {"sellsTo": 1, "sells": 1, "uses": 1, "criticizes": 1}
    assert stats.statements == {"asserted": 5}


def test_most_connected_first(dataset):
    connected = graph_stats(dataset, top=2).connected
    assert [(n.label, n.degree) for n in connected] == [("Halvorsen Vision Systems", 2), ("facial recognition", 2)]
    assert connected[0].articles == 2


def test_likely_duplicates_are_the_unmerged_close_names_and_acronyms(dataset):
    duplicates = graph_stats(dataset).duplicates
    pairs = {frozenset((d.a.label, d.b.label)): d for d in duplicates}
    assert frozenset(("Halvorsen Vision Sys", "Halvorsen Vision Systems")) in pairs
    assert frozenset(("DRW", "Digital Rights Watch")) in pairs       # DRW could be either: not merged
    assert frozenset(("DRW", "Data Rights Watch")) in pairs
    assert "may abbreviate" in pairs[frozenset(("DRW", "Digital Rights Watch"))].why
    assert all(d.a.type == d.b.type for d in duplicates)
    assert not any("facial recognition" in (d.a.label, d.b.label) for d in duplicates)


def test_format_lists_every_section(dataset):
    text = format_stats(graph_stats(dataset))
    assert text.splitlines()[0] == "4 articles, 7 entities, 4 relations, 5 statements"
    for heading in ("Entities by type", "Relations by predicate", "Most connected entities",
                    "Likely duplicates to check"):
        assert heading in text


def test_explain_says_why_and_lists_supported_relations(dataset):
    found = explain(dataset, "halvorsen vision systems")
    assert len(found) == 1
    text = format_explanation(found[0])
    assert "type: Company" in text and "why: Company: weight 2 (NER ORG x2)" in text
    assert "-> sells facial recognition  (2 sentence(s), 2 article(s))" in text
    assert "<- criticizes" not in text
    assert explain(dataset, "Nobody Inc") == []


@pytest.mark.slow
def test_stats_command_on_the_example_graph(example_graph_path):
    from test_cli import graphkit

    run = graphkit("stats", example_graph_path, "--top", "3")
    assert run.returncode == 0, run.stderr
    assert "Relations by predicate" in run.stdout and "Likely duplicates to check" in run.stdout
    run = graphkit("stats", example_graph_path, "--explain", "Halvorsen Vision")
    assert run.returncode == 0 and "why: " in run.stdout
    run = graphkit("stats", example_graph_path, "--explain", "Nobody At All")
    assert run.returncode == 2 and "no entity is named 'Nobody At All'" in run.stderr
