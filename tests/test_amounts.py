"""Money stated with a fine, lawsuit, sale or contract: found in the sentence, written as RDF SPARQL can sort and sum."""
from decimal import Decimal

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF

from graphkit.extract.amounts import find_amount, with_amount
from graphkit.graph.rdf import to_dataset, to_nquads
from graphkit.graph.validate import validate
from graphkit.graph.vocab import SCHEMA
from graphkit.model import Article, ArticleResult, Entity, Evidence, Relation
from graphkit.query.sparql import run_query
from graphkit.resolve import resolve

XSD_DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")


@pytest.mark.parametrize("sentence, value, currency", [
    ("The FTC fined Acme $16.5 million on Tuesday.", "16500000", "USD"),
    ("The Garante fined Clearview €20 million.", "20000000", "EUR"),
    ("The ICO fined it £12.7 million.", "12700000", "GBP"),
    ("Mercadona was fined 2.52 million euros.", "2520000", "EUR"),
    ("It signed a 12 million dollar contract.", "12000000", "USD"),
    ("The deal is worth US$1.2bn.", "1200000000", "USD"),
    ("They paid $5,000,000 in damages.", "5000000", "USD"),
    ("Regulators imposed a penalty of EUR 32m.", "32000000", "EUR"),
    ("Switzerland fined it 5m CHF.", "5000000", "CHF"),
    ("A fine of $750,000.50 was paid.", "750000.5", "USD"),
])
def test_amounts_in_the_forms_reporters_write_them(sentence, value, currency):
    amount = find_amount(sentence)
    assert (amount.value, amount.currency) == (value, currency)


@pytest.mark.parametrize("sentence", [
    "The FTC fined Acme in 2021 after 3 complaints.",
    "Acme's revenue grew 16.5 million percent.",
    "The city won 2 awards for 5 million residents.",
])
def test_no_amount_where_no_money_is_written(sentence):
    assert find_amount(sentence) is None


def _relation(predicate: str, text: str) -> Relation:
    return Relation("a", predicate, "b", Evidence(text, 0, len(text)), 0.9, "test.v1")


def test_only_fines_lawsuits_sales_and_contracts_take_an_amount():
    text = "Acme paid $3 million to Beta."
    assert with_amount(_relation("fines", text)).amount == "3000000"
    assert with_amount(_relation("partnersWith", text)).currency == "USD"
    assert with_amount(_relation("criticizes", text)).amount == ""
    assert with_amount(_relation("funds", text)).amount == ""


FINES = [("FTC", "Acme", "The FTC fined Acme $16.5 million.", "16500000", "USD"),
         ("CNIL", "Beta", "The CNIL fined Beta €32 million.", "32000000", "EUR"),
         ("ICO", "Gamma", "The ICO fined Gamma £12.7 million.", "12700000", "GBP"),
         ("FTC", "Delta", "The FTC fined Delta $5 million.", "5000000", "USD")]


def _results() -> list[ArticleResult]:
    results = []
    for number, (regulator, company, text, value, currency) in enumerate(FINES):
        entities = (Entity("r", "GovernmentAgency", regulator, (regulator,)), Entity("c", "Company", company, (company,)))
        relation = Relation("r", "fines", "c", Evidence(text, 0, len(text)), 0.9, "test.v1",
                            amount=value, currency=currency)
        results.append(ArticleResult(Article(f"a{number}", text, date="2024-01-0" + str(number + 1)), entities,
                                     (relation,)))
    return results


def test_amount_is_a_monetary_amount_named_after_its_statement():
    results = _results()
    dataset = to_dataset(results, resolve(results))
    amounts = list(dataset.subjects(RDF.type, SCHEMA.MonetaryAmount))
    assert len(amounts) == 4 and all(isinstance(a, URIRef) for a in amounts)      # no blank nodes
    for statement, money in dataset.subject_objects(SCHEMA.amount):
        assert str(money) == str(statement) + "/amount"
        assert dataset.value(money, SCHEMA.value).datatype == XSD_DECIMAL
    assert Literal("EUR") in set(dataset.objects(None, SCHEMA.currency))
    assert validate(dataset).conforms


def test_sparql_sorts_and_sums_amounts_per_currency():
    results = _results()
    dataset = to_dataset(results, resolve(results))
    found = run_query(dataset, """SELECT ?currency (SUM(?value) AS ?total) (MAX(?value) AS ?largest) WHERE {
        ?st rdf:predicate gk:fines ; schema:amount ?m . ?m schema:value ?value ; schema:currency ?currency }
        GROUP BY ?currency ORDER BY DESC(?total)""")
    assert [(str(c), t.toPython(), m.toPython()) for c, t, m in found.rows] == [
        ("EUR", Decimal(32000000), Decimal(32000000)), ("USD", Decimal(21500000), Decimal(16500000)),
        ("GBP", Decimal(12700000), Decimal(12700000))]


def test_amounts_keep_builds_deterministic():
    results = _results()
    first = to_nquads(results, resolve(results))
    again = to_nquads(list(reversed(_results())), resolve(_results()))
    assert first == again and "_:" not in first


def test_a_malformed_amount_breaks_the_contract():
    results = _results()
    dataset = to_dataset(results, resolve(results))
    money = next(dataset.subjects(RDF.type, SCHEMA.MonetaryAmount))
    graph = next(g for g in dataset.graphs() if (money, RDF.type, SCHEMA.MonetaryAmount) in g)
    graph.set((money, SCHEMA.currency, Literal("dollars")))
    assert not validate(dataset).conforms


def test_extraction_attaches_the_fine_to_the_statement(extractor):
    text = "The Irish Data Protection Commission fined Acme Analytics $16.5 million on Tuesday."
    [result] = list(extractor.extract([Article(id="fine", text=text)]))
    [fine] = [r for r in result.relations if r.predicate == "fines"]
    assert (fine.amount, fine.currency) == ("16500000", "USD")
