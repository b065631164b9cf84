"""The project's own annotated real articles (eval/fresh) are well formed: every manifest entry has
its gold file and a known split, every entity has a type of the ontology and a name, every triple
joins declared entities with a predicate of the ontology (the guidelines' usual subject and object
types are no hard limits, so they are not checked), and no text of a publisher is stored beside
the gold."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from graphkit.model import ENTITY_TYPES, PREDICATES

FRESH = Path(__file__).resolve().parent.parent / "eval" / "fresh"
MANIFEST = json.loads((FRESH / "manifest.json").read_text(encoding="utf-8"))


def test_every_manifest_entry_has_gold_and_a_split():
    assert {e["split"] for e in MANIFEST} <= {"tune", "check"}
    assert all((FRESH / f"{e['name']}.gold.json").exists() for e in MANIFEST)
    assert {p.name[:-len(".gold.json")] for p in FRESH.glob("*.gold.json")} == {e["name"] for e in MANIFEST}
    assert all(len(e["sha256"]) == 64 and e["url"].startswith("http") and e["query"] for e in MANIFEST)


def test_no_article_text_is_stored():
    assert not [p.name for p in FRESH.iterdir() if p.suffix in (".txt", ".html")]


@pytest.mark.parametrize("entry", MANIFEST, ids=[e["name"] for e in MANIFEST])
def test_gold_triples_join_declared_entities(entry):
    gold = json.loads((FRESH / f"{entry['name']}.gold.json").read_text(encoding="utf-8"))
    types = {e["id"]: e["type"] for e in gold["entities"]}
    assert set(types.values()) <= set(ENTITY_TYPES)
    assert all(e["names"] for e in gold["entities"])
    for triple in gold["triples"]:
        assert triple["p"] in PREDICATES, triple
        assert triple["s"] in types and triple["o"] in types and triple["s"] != triple["o"], triple
