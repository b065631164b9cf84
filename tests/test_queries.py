"""Every saved query, run on the graph of the bundled examples, answers its question.

The facts checked are stated plainly in examples/articles; names are compared
by prefix where several articles name one organisation differently.
"""
from __future__ import annotations

import pytest
from rdflib import RDFS, Literal, URIRef

from graphkit.graph.vocab import GK
from graphkit.query.sparql import run_query, saved_queries

pytestmark = pytest.mark.slow


def rows(graph, query_name, **bind):
    query = saved_queries()[query_name].text
    bindings = {k: (v if isinstance(v, URIRef) else Literal(v)) for k, v in bind.items()}
    result = run_query(graph, query, bindings=bindings)
    return [{var: (str(v) if v is not None else "") for var, v in zip(result.variables, row, strict=True)} for row in result.rows]


def has_row(found, **expected):
    return any(all(row[k] == v if not v.endswith("…") else row[k].startswith(v[:-1]) for k, v in expected.items())
               for row in found)


def test_every_saved_query_is_tested():
    tested = {name[len("test_"):].replace("_", "-") for name in globals() if name.startswith("test_")}
    assert set(saved_queries()) <= tested


def test_who_sells_what_to_whom(example_graph):
    found = rows(example_graph, "who-sells-what-to-whom")
    assert has_row(found, vendor="Halvorsen…", thing="IdentiScan", customer="Harlow County Sheriff's Office")
    assert has_row(found, vendor="NEC", customer="Metropolitan Police")
    only = rows(example_graph, "who-sells-what-to-whom", vendorName="NEC")
    assert only and all(r["vendor"] == "NEC" for r in only)


def test_face_recognition_vendors_to_police(example_graph):
    found = rows(example_graph, "face-recognition-vendors-to-police")
    assert has_row(found, vendor="Halvorsen…", offer="IdentiScan", agency="Harlow County Sheriff's Office")


def test_critics_of(example_graph):
    found = rows(example_graph, "critics-of", targetName="Halvorsen")
    critics = {r["critic"] for r in found}
    assert {"Open Streets Privacy Alliance", "Center for Technology and Civil Rights"} <= critics
    assert all(r["target"].startswith("Halvorsen") and r["evidence"] and r["article"] for r in found)


def test_agencies_using_face_recognition(example_graph):
    found = rows(example_graph, "agencies-using-face-recognition")
    agencies = {r["agency"] for r in found}
    assert {"South Wales Police", "Harlow County Sheriff's Office"} <= agencies


def test_evidence_for_relation(example_graph):
    found = rows(example_graph, "evidence-for-relation", subjectName="AEPD", predicate=GK.fines, objectName="Mercadona")
    assert found and all(r["relation"] == "fines" for r in found)
    assert any("fined Mercadona" in r["evidence"] for r in found)
    assert all(int(r["end"]) > int(r["start"]) >= 0 and 0 < float(r["confidence"]) <= 1 for r in found)


def test_most_criticised(example_graph):
    found = rows(example_graph, "most-criticised")
    counts = [int(r["critics"]) for r in found]
    assert counts == sorted(counts, reverse=True)
    assert found[0]["target"].startswith("Halvorsen") and counts[0] >= 2


def test_fines_and_lawsuits(example_graph):
    found = rows(example_graph, "fines-and-lawsuits")
    assert has_row(found, actor="Federal Trade Commission", action="fines", target="Halvorsen…")
    assert has_row(found, actor="AEPD", action="fines", target="Mercadona")
    assert has_row(found, actor="Open Streets Privacy Alliance", action="sues", target="Halvorsen…")


def test_bans_and_moratoriums(example_graph):
    found = rows(example_graph, "bans-and-moratoriums")
    assert has_row(found, actor="Millbrook City Council", action="bans", target="facial recognition")
    assert has_row(found, actor="Microsoft", action="stopsSelling", target="facial recognition")


def test_disputed_claims(example_graph):
    found = rows(example_graph, "disputed-claims")
    assert has_row(found, subject="Halvorsen…", relation="sellsTo", object="Veldt Data", status="denied")
    assert has_row(found, subject="San Francisco Police Department", relation="uses", status="negated")
    # a disputed claim is never a plain fact
    ask = run_query(example_graph, "ASK { ?s gk:sellsTo ?o . ?o rdfs:label 'Veldt Data' }")
    assert ask.boolean is False


def test_people_and_organisations(example_graph):
    found = rows(example_graph, "people-and-organisations")
    assert has_row(found, person="Renata Olsen", organisation="ACLU of Northern California", type="AdvocacyGroup")
    assert has_row(found, person="Priya Raman", organisation="Bureau of Consumer Protection", type="GovernmentAgency")


def test_relations_of(example_graph):
    found = rows(example_graph, "relations-of", name="Mercadona")
    assert has_row(found, subject="AEPD", relation="fines", object="Mercadona")
    assert all("Mercadona" in (r["subject"], r["object"]) for r in found)


def test_about_entity(example_graph):
    mercadona = run_query(example_graph, "SELECT ?e WHERE { ?e a gk:Company ; rdfs:label 'Mercadona' }").rows[0][0]
    found = rows(example_graph, "about-entity", entity=mercadona)
    me = str(mercadona)
    assert has_row(found, subject=me, predicate=str(RDFS.label), object="Mercadona")
    assert any(r["predicate"] == str(GK.fines) and r["object"] == me for r in found)
    assert all(me in (r["subject"], r["object"]) for r in found)


def test_largest_penalties(example_graph):
    found = rows(example_graph, "largest-penalties")
    assert has_row(found, actor="Federal Trade Commission", action="fines", target="Halvorsen…", amount="7800000",
                   currency="USD")
    assert has_row(found, actor="AEPD", action="fines", target="Mercadona", amount="2520000", currency="EUR")
    amounts = [float(row["amount"]) for row in found]
    assert amounts == sorted(amounts, reverse=True)
    assert rows(example_graph, "largest-penalties", currency="EUR") == [r for r in found if r["currency"] == "EUR"]


def test_largest_contracts(example_graph):
    found = rows(example_graph, "largest-contracts")
    assert has_row(found, party="Halvorsen…", action="sellsTo", otherParty="Harlow County Sheriff's Office",
                   amount="900000", currency="USD")
    assert has_row(found, amount="1400000", currency="USD")       # Millbrook's $1.4 million contract
    amounts = [float(row["amount"]) for row in found]
    assert amounts == sorted(amounts, reverse=True)
