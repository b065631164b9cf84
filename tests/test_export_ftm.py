"""FtM JSON lines checked against followthemoney's model: valid, complete, linked, with the evidence."""
from __future__ import annotations

import json
from collections import Counter

import pytest
from followthemoney import model
from test_export_sample import SELL_1, SELL_2, WORKS, sample_dataset, truth

from graphkit.export import export
from graphkit.export.ftm import predicate_labels

FTM_TYPES = {"Company": "Company", "GovernmentAgency": "PublicBody", "AdvocacyGroup": "Organization",
             "Person": "Person"}
LINK_OR_NOTE = {"Employment", "Membership", "Ownership", "Payment", "UnknownLink", "Note"}


def read_entities(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def check_valid(entities: list[dict]) -> dict[str, dict]:
    """Each entity is valid under the model, already clean, complete, and points only at entities in the file."""
    by_id = {e["id"]: e for e in entities}
    assert len(by_id) == len(entities)
    for entity in entities:
        schema = model.get(entity["schema"])
        assert schema is not None and not schema.abstract
        assert schema.validate(entity) is None
        assert set(schema.required) <= set(entity["properties"]), entity
        proxy = model.get_proxy(entity, cleaned=False)
        assert proxy.to_dict()["properties"] == entity["properties"]      # cleaning changes nothing
        for name, values in entity["properties"].items():
            prop = schema.properties[name]
            if prop.type.name == "entity":
                for value in values:
                    assert model.get(by_id[value]["schema"]).is_a(prop.range), (entity["schema"], name)
    return by_id


def check_complete(entities: list[dict], source) -> None:
    schemata = Counter(e["schema"] for e in entities)
    expected = Counter(FTM_TYPES[e["type"]] for e in source.entities.values() if e["type"] in FTM_TYPES)
    assert {s: schemata[s] for s in expected} == dict(expected)
    assert schemata["Article"] == len(source.articles)
    assert schemata["Mention"] == len(source.mentions)
    assert sum(schemata[s] for s in LINK_OR_NOTE) == len(source.facts)


def named(by_id: dict, name: str) -> dict:
    return next(e for e in by_id.values() if name in e["properties"].get("name", []) and e["schema"] != "Mention")


@pytest.mark.parametrize("bare_fact", [False, True])
def test_sample_is_valid_and_complete(tmp_path, bare_fact):
    export(sample_dataset(bare_fact=bare_fact), "ftm", tmp_path / "g.ftm.json")
    entities = read_entities(tmp_path / "g.ftm.json")
    check_valid(entities)
    check_complete(entities, truth(sample_dataset(bare_fact=bare_fact)))


def test_relations_map_onto_link_schemata_with_evidence(tmp_path):
    export(sample_dataset(), "ftm", tmp_path / "g.ftm.json")
    by_id = check_valid(read_entities(tmp_path / "g.ftm.json"))
    acme, jane, police = (named(by_id, n)["id"] for n in ("Acme Corp", "Jane Roe", "Springfield Police Department"))
    links = [e for e in by_id.values() if e["schema"] in LINK_OR_NOTE]

    def link(schema, **ends):
        return next(e for e in links if e["schema"] == schema
                    and all(e["properties"].get(k) == [v] for k, v in ends.items()))

    job = link("Employment", employee=jane, employer=acme)
    assert job["properties"]["description"] == [WORKS] and job["properties"]["role"] == ["works for"]
    sale = link("Payment", payer=police, beneficiary=acme)      # its sentence states $2 million
    assert set(sale["properties"]["description"]) == {SELL_1, SELL_2}
    assert sale["properties"]["summary"] == ["Acme Corp sells to Springfield Police Department"]
    assert (sale["properties"]["amount"], sale["properties"]["currency"]) == (["2000000"], ["USD"])
    proofs = [by_id[i] for i in sale["properties"]["proof"]]
    assert {p["schema"] for p in proofs} == {"Article"} and len(proofs) == 2
    assert sale["properties"]["sourceUrl"] == ["https://news.example/acme"]
    assert sale["properties"]["date"] == ["2021-03-04"]
    assert link("Ownership", owner=acme, asset=named(by_id, "Blink Labs")["id"])
    assert link("Membership", member=police, organization=named(by_id, "City of Springfield")["id"])
    funding = link("Payment", payer=named(by_id, "Redfern Capital")["id"], beneficiary=acme)
    assert funding["properties"]["summary"] == ["Redfern Capital funds Acme Corp"]
    note = link("Note", entity=acme)
    assert note["properties"]["name"] == ["Acme Corp sells FaceFind"] and note["properties"]["description"] == [SELL_1]


def test_articles_and_mentions(tmp_path):
    export(sample_dataset(), "ftm", tmp_path / "g.ftm.json")
    by_id = check_valid(read_entities(tmp_path / "g.ftm.json"))
    article = named(by_id, "Acme wins police contract")
    assert article["schema"] == "Article" and article["properties"]["publishedAt"] == ["2021-03-04"]
    undated = named(by_id, "Acme: a follow-up")
    assert "publishedAt" not in undated["properties"] and undated["properties"]["notes"] == ["Published: June 2020"]
    mentions = [e for e in by_id.values() if e["schema"] == "Mention" and e["properties"]["document"] == [article["id"]]]
    resolved = {by_id[m["properties"]["resolved"][0]]["properties"]["name"][0] for m in mentions
                if "resolved" in m["properties"]}
    assert "Acme Corp" in resolved and "Jane Roe" in resolved
    assert any(m["properties"]["name"] == ["FaceFind"] and "resolved" not in m["properties"] for m in mentions)


@pytest.mark.slow
def test_example_graph_is_valid_complete_and_keeps_known_facts(example_graph, tmp_path):
    export(example_graph, "ftm", tmp_path / "g.ftm.json")
    entities = read_entities(tmp_path / "g.ftm.json")
    by_id = check_valid(entities)
    source = truth(example_graph)
    check_complete(entities, source)
    labels = predicate_labels()
    for s, predicate, o in source.known_facts():
        texts = {e["text"] for e in source.facts[(s, predicate, o)]}
        ends = [source.entities[s], source.entities[o]]
        ids = {by_ftm_name(by_id, end)["id"] for end in ends if end["type"] in FTM_TYPES}
        others = {end["label"] for end in ends if end["type"] not in FTM_TYPES}
        carriers = [e for e in by_id.values() if e["schema"] in LINK_OR_NOTE
                    and texts <= set(e["properties"]["description"])
                    and ids <= {v for values in e["properties"].values() for v in values}
                    and others <= set(e["properties"].get("namesMentioned", []))
                    and e["properties"].get("role", [labels[predicate]]) == [labels[predicate]]]   # not another fact
        assert len(carriers) == 1, (s, predicate, o)
        assert (carriers[0]["schema"] == "Note") == bool(others)


def by_ftm_name(by_id: dict, entity: dict) -> dict:
    """The FtM entity of the schema graphkit's type maps to, with this label and these aliases."""
    return next(e for e in by_id.values() if e["schema"] == FTM_TYPES[entity["type"]]
                and e["properties"]["name"] == [entity["label"]]
                and set(e["properties"].get("alias", [])) == entity["names"] - {entity["label"]})
