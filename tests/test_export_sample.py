"""A small hand-made graph for the export tests, and what the source graph says, read with SPARQL.

The sample is built by graphkit's own RDF writer from hand-written extraction
results (no spaCy): two articles, one fact stated in both, an alleged claim,
a technology and a product at the ends of relations, two relations between the
same pair, one predicate on two edges, an article whose date is not ISO, and evidence with quotes, commas, semicolons, a pipe and non-ASCII
letters. The other export test modules import ``sample_dataset``,
``write_sample`` and ``truth`` from here; ``truth`` reads the source graph
directly (not through graphkit's projection), so it is an independent oracle.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import Dataset, URIRef

from graphkit.graph.files import write_graph
from graphkit.graph.rdf import to_dataset
from graphkit.graph.vocab import DEFAULT_BASE_IRI, GK, ONTOLOGY_IRI, sparql_prologue
from graphkit.model import ENTITY_TYPES, PREDICATES, Article, ArticleResult, Entity, Evidence, Relation
from graphkit.resolve import resolve

SELL_1 = 'Acme Corp sold FaceFind to the Springfield Police Department; the deal, worth $2 million | "phase one", was signed in Zürich.'
SELL_2 = "Acme, which sells to the Springfield Police Department, declined to comment."
WORKS = "Jane Roe, a vice president at Acme Corp, defended the contract."
CRITICIZES = "Privacy Watch criticized Acme for selling face matching to police."
SUES = "Privacy Watch sued Acme in state court in May."
CRITICIZES_POLICE = "Privacy Watch also criticized the Springfield Police Department for buying it."
ACQUIRES = "Acme acquired Blink Labs in 2019."
FUNDS = "Redfern Capital led a $5 million round in Acme last year."
PART_OF = "The Springfield Police Department, a department of the City of Springfield, confirmed the purchase."
ALLEGED = "Critics alleged that Acme develops facial recognition for export."


def _entity(key, etype, name, *aliases, wikidata=""):
    return Entity(key, etype, name, (name, *aliases), wikidata, "lexicon")


def _relation(subject, predicate, obj, text, start=0, status="asserted", amount="", currency=""):
    return Relation(subject, predicate, obj, Evidence(text, start, start + len(text)), 0.8, "test.v1", status,
                    amount=amount, currency=currency)


def sample_results() -> list[ArticleResult]:
    first = Article("acme-contract", SELL_1, title="Acme wins police contract", url="https://news.example/acme",
                    date="2021-03-04", source="acme.txt", outlet="Example News")
    second = Article("acme-follow-up", SELL_2, title="Acme: a follow-up", date="June 2020", source="briefs.jsonl:2")
    return [
        ArticleResult(first, entities=(
            _entity("acme", "Company", "Acme Corp", "Acme", wikidata="Q4674"),
            _entity("spd", "GovernmentAgency", "Springfield Police Department"),
            _entity("jane", "Person", "Jane Roe"),
            _entity("facefind", "Product", "FaceFind"),
            _entity("city", "GovernmentAgency", "City of Springfield"),
            _entity("redfern", "Company", "Redfern Capital"),
        ), relations=(
            _relation("acme", "sellsTo", "spd", SELL_1, amount="2000000", currency="USD"),
            _relation("acme", "sells", "facefind", SELL_1),
            _relation("jane", "worksFor", "acme", WORKS, 200),
            _relation("spd", "partOf", "city", PART_OF, 300),
            _relation("redfern", "funds", "acme", FUNDS, 400),
        )),
        ArticleResult(second, entities=(
            _entity("acme", "Company", "Acme Corp"),
            _entity("spd", "GovernmentAgency", "Springfield Police Department"),
            _entity("watch", "AdvocacyGroup", "Privacy Watch"),
            _entity("blink", "Company", "Blink Labs"),
            _entity("fr", "Technology", "facial recognition"),
        ), relations=(
            _relation("acme", "sellsTo", "spd", SELL_2),
            _relation("watch", "criticizes", "acme", CRITICIZES, 100),
            _relation("watch", "sues", "acme", SUES, 160),
            _relation("watch", "criticizes", "spd", CRITICIZES_POLICE, 220),
            _relation("acme", "acquires", "blink", ACQUIRES, 200),
            _relation("acme", "develops", "fr", ALLEGED, 300, status="alleged"),
        )),
    ]


def sample_dataset(*, bare_fact: bool = False) -> Dataset:
    """The sample; with ``bare_fact``, plus a direct triple that no statement supports (a hand-edited graph)."""
    results = sample_results()
    dataset = to_dataset(results, resolve(results))
    if bare_fact:
        jane, city = (URIRef(DEFAULT_BASE_IRI + path) for path in ("person/jane-roe", "org/city-of-springfield"))
        dataset.graph(URIRef(DEFAULT_BASE_IRI + "graph/entities")).add((jane, GK.worksFor, city))
    return dataset


def write_sample(path):
    write_graph(sample_dataset(), path)
    return path


@dataclass
class Truth:
    """What the source graph states: entities, articles, asserted facts with their evidence, mentions."""

    entities: dict[str, dict] = field(default_factory=dict)       # IRI -> {label, type, wikidata}
    articles: dict[str, dict] = field(default_factory=dict)       # IRI -> {title, url, date}
    facts: dict[tuple[str, str, str], list[dict]] = field(default_factory=dict)  # (s, predicate, o) -> evidence
    mentions: set[tuple[str, str]] = field(default_factory=set)   # (article, entity)

    def labelled(self, subject, predicate: str, obj) -> tuple[str, str, str] | None:
        """The fact whose ends carry these names (a name, or a set of names), if the graph has it."""
        subjects, objects = _names(subject), _names(obj)
        for s, p, o in sorted(self.facts):
            if p == predicate and subjects & self.entities[s]["names"] and objects & self.entities[o]["names"]:
                return s, p, o
        return None

    def known_facts(self, minimum: int = 3) -> list[tuple[str, str, str]]:
        """The facts of KNOWN_FACTS that this graph holds; at least ``minimum`` of them must be there."""
        found = [fact for fact in (self.labelled(*known) for known in KNOWN_FACTS) if fact]
        assert len(found) >= minimum, f"only {len(found)} of the plainly stated example facts were extracted"
        return found

    @property
    def evidence_count(self) -> int:
        return sum(max(1, len(items)) for items in self.facts.values())


def _names(names) -> set[str]:
    return {names} if isinstance(names, str) else set(names)


HVS = {"Halvorsen Vision Systems", "HVS", "Halvorsen Vision", "Halvorsen"}
# Facts stated plainly in examples/articles; extraction is being improved, so each export test checks
# those the example graph holds (picked by name, never by count), and needs at least a few of them.
KNOWN_FACTS = [
    ("Brad Smith", "worksFor", "Microsoft"),
    ("Marisol Vance", "worksFor", {"American Civil Liberties Union", "ACLU"}),
    ("Priya Raman", "worksFor", {"Bureau of Consumer Protection", "Federal Trade Commission", "FTC"}),
    ({"Federal Trade Commission", "FTC"}, "fines", HVS),
    ({"AEPD", "Spanish Data Protection Agency"}, "fines", "Mercadona"),
    ({"Open Streets Privacy Alliance", "OSPA"}, "sues", HVS),
    (HVS, "sellsTo", {"Millbrook Police Department", "Millbrook police"}),
    ("Amazon", "sells", "Rekognition"),
    ("Microsoft", "stopsSelling", {"facial recognition", "face recognition"}),
]

ENTITIES = """SELECT ?e ?type ?label ?alias ?same WHERE {
  ?e a ?type ; rdfs:label ?label . OPTIONAL { ?e skos:altLabel ?alias } OPTIONAL { ?e owl:sameAs ?same } }"""
ARTICLES = """SELECT ?a ?title ?url ?date WHERE { ?a a gk:Article .
  OPTIONAL { ?a dcterms:title ?title } OPTIONAL { ?a schema:url ?url } OPTIONAL { ?a dcterms:date ?date } }"""
TRIPLES = "SELECT ?s ?p ?o WHERE { ?s ?p ?o . FILTER(isIRI(?o)) }"
EVIDENCE = """SELECT ?s ?p ?o ?text ?article ?amount ?currency WHERE { ?st a gk:Statement ; gk:status gk:asserted ;
  rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; gk:evidence ?text ; prov:wasDerivedFrom ?article
  OPTIONAL { ?st schema:amount ?money . ?money schema:value ?amount ; schema:currency ?currency } }"""
MENTIONS = "SELECT ?a ?e WHERE { ?a a gk:Article ; schema:mentions ?e }"


def truth(dataset) -> Truth:
    found = Truth()

    def rows(query):
        return dataset.query(sparql_prologue() + query)

    for e, rdf_type, label, alias, same in rows(ENTITIES):
        etype = str(rdf_type)[len(ONTOLOGY_IRI):]
        if etype in ENTITY_TYPES:
            item = found.entities.setdefault(str(e), {"label": str(label), "type": etype, "names": {str(label)},
                                                      "wikidata": ""})
            if alias is not None:
                item["names"].add(str(alias))
            if same is not None and "wikidata.org" in str(same):
                item["wikidata"] = str(same).rsplit("/", 1)[-1]
    for a, title, url, date in rows(ARTICLES):
        found.articles[str(a)] = {"title": str(title or ""), "url": str(url or ""), "date": str(date or "")}
    evidence = defaultdict(list)
    for s, p, o, text, article, amount, currency in rows(EVIDENCE):
        evidence[(str(s), str(p)[len(ONTOLOGY_IRI):], str(o))].append({
            "text": str(text), "article": str(article), "amount": amount.toPython() if amount is not None else None,
            "currency": str(currency or "")})
    for s, p, o in rows(TRIPLES):
        predicate = str(p)[len(ONTOLOGY_IRI):]
        if predicate in PREDICATES and str(s) in found.entities and str(o) in found.entities:
            found.facts[(str(s), predicate, str(o))] = evidence.get((str(s), predicate, str(o)), [])
    found.mentions = {(str(a), str(e)) for a, e in rows(MENTIONS) if str(e) in found.entities}
    return found


def test_sample_graph_has_what_the_export_tests_rely_on():
    t = truth(sample_dataset())
    assert len(t.articles) == 2
    assert {e["type"] for e in t.entities.values()} == {"Company", "GovernmentAgency", "Person", "Product",
                                                         "AdvocacyGroup", "Technology"}
    sells_to = t.labelled("Acme Corp", "sellsTo", "Springfield Police Department")
    assert sorted(e["text"] for e in t.facts[sells_to]) == sorted([SELL_1, SELL_2])
    assert sorted((e["amount"], e["currency"]) for e in t.facts[sells_to] if e["amount"]) == [(2000000, "USD")]
    assert t.labelled("Acme Corp", "develops", "facial recognition") is None     # alleged: a statement only
    assert len(t.facts) == 9 and t.evidence_count == 10
    assert t.labelled("Privacy Watch", "sues", "Acme") and t.labelled("Privacy Watch", "criticizes", "Acme")
    bare = truth(sample_dataset(bare_fact=True))
    assert bare.facts[bare.labelled("Jane Roe", "worksFor", "City of Springfield")] == []
