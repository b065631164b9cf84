"""Turn extraction results into an RDF dataset that follows graphkit's contract.

* Entities (type, rdfs:label, skos:altLabel, owl:sameAs Wikidata, and
  gk:typeReason saying why resolution chose the type) live in the graph
  ``<base>graph/entities``.
* Relation summaries (``gk:Relation``: subject, predicate, object, how many
  sentences and articles state it, first and last seen) live in the graph
  ``<base>graph/relations``.
* Each article has a named graph whose IRI is the article's IRI. It holds the
  article's metadata, ``schema:mentions`` links, the asserted relations as
  direct triples, and one ``gk:Statement`` node per occurrence (reified
  triple with evidence, offsets, method, confidence, claim status, speaker).
  Negated, denied, alleged and hypothetical claims appear only as statements.
* All IRIs are derived from names and offsets: no blank nodes, no clock.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from . import ids
from .model import ArticleResult, Relation
from .resolve import Resolution
from .resolve.support import Support, relation_support
from .vocab import DEFAULT_BASE_IRI, GK, PREFIXES, SCHEMA, WD

ENTITIES_GRAPH = "graph/entities"
RELATIONS_GRAPH = "graph/relations"


def new_dataset() -> Dataset:
    ds = Dataset(default_union=True)
    for prefix, iri in PREFIXES.items():
        ds.bind(prefix, iri, override=True)
    return ds


def to_dataset(results: Iterable[ArticleResult], resolution: Resolution, *,
               base_iri: str = DEFAULT_BASE_IRI, pipeline: str = "") -> Dataset:
    results = sorted(results, key=lambda r: r.article.id)
    ds = new_dataset()
    ds.bind("gkid", base_iri, override=True)
    add_entities(ds, resolution, base_iri)
    for result in results:
        add_article(ds, result, resolution, base_iri=base_iri, pipeline=pipeline)
    add_relations(ds, relation_support(results, resolution), base_iri)
    return ds


def add_entities(ds: Dataset, resolution: Resolution, base_iri: str) -> None:
    graph = ds.graph(URIRef(base_iri + ENTITIES_GRAPH))
    for entity in resolution.entities.values():
        node = URIRef(base_iri + entity.path)
        graph.add((node, RDF.type, GK[entity.type]))
        graph.add((node, RDFS.label, Literal(entity.label)))
        for name in entity.names:
            if name != entity.label:
                graph.add((node, SKOS.altLabel, Literal(name)))
        if entity.wikidata:
            graph.add((node, OWL.sameAs, WD[entity.wikidata]))
        if entity.type_reason:
            graph.add((node, GK.typeReason, Literal(entity.type_reason)))


def add_relations(ds: Dataset, support: Iterable[Support], base_iri: str) -> None:
    """One gk:Relation node per asserted triple, with its support, in ``<base>graph/relations``."""
    graph = ds.graph(URIRef(base_iri + RELATIONS_GRAPH))
    for item in support:
        s, p, o = URIRef(base_iri + item.subject), GK[item.predicate], URIRef(base_iri + item.object)
        node = URIRef(base_iri + ids.relation_path(str(s), item.predicate, str(o)))
        graph.add((node, RDF.type, GK.Relation))
        graph.add((node, RDF.subject, s))
        graph.add((node, RDF.predicate, p))
        graph.add((node, RDF.object, o))
        graph.add((node, GK.support, Literal(item.sentences)))
        graph.add((node, GK.articleCount, Literal(item.articles)))
        if item.first_seen:
            graph.add((node, GK.firstSeen, Literal(item.first_seen, datatype=XSD.date)))
            graph.add((node, GK.lastSeen, Literal(item.last_seen, datatype=XSD.date)))


def article_iri(base_iri: str, article_id: str) -> URIRef:
    return URIRef(base_iri + ids.article_path(article_id))


def add_article(ds: Dataset, result: ArticleResult, resolution: Resolution, *,
                base_iri: str = DEFAULT_BASE_IRI, pipeline: str = "") -> None:
    article = result.article
    node = article_iri(base_iri, article.id)
    graph = ds.graph(node)
    graph.add((node, RDF.type, GK.Article))
    if article.title:
        graph.add((node, DCTERMS.title, Literal(article.title)))
    if article.url:
        graph.add((node, SCHEMA.url, Literal(article.url, datatype=XSD.anyURI)))
    if article.date:
        graph.add((node, DCTERMS.date, date_literal(article.date)))
    if article.source:
        graph.add((node, GK.sourceFile, Literal(article.source)))
    graph.add((node, GK.contentHash, Literal(ids.digest(article.text, length=64))))
    if pipeline:
        graph.add((node, GK.pipelineVersion, Literal(pipeline)))

    def entity(key: str) -> URIRef:
        return URIRef(base_iri + resolution.path_of(article.id, key))

    for item in result.entities:
        graph.add((node, SCHEMA.mentions, entity(item.key)))
    for stmt, rel in _statements(result, entity, base_iri):
        s, o, p = entity(rel.subject), entity(rel.object), GK[rel.predicate]
        if rel.status == "asserted":
            graph.add((s, p, o))
        graph.add((stmt, RDF.type, GK.Statement))
        graph.add((stmt, RDF.subject, s))
        graph.add((stmt, RDF.predicate, p))
        graph.add((stmt, RDF.object, o))
        graph.add((stmt, GK.status, GK[rel.status]))
        graph.add((stmt, GK.evidence, Literal(rel.evidence.text)))
        graph.add((stmt, GK.startChar, Literal(rel.evidence.start)))
        graph.add((stmt, GK.endChar, Literal(rel.evidence.end)))
        graph.add((stmt, GK.method, Literal(rel.method)))
        graph.add((stmt, GK.confidence, Literal(Decimal(str(rel.confidence)), datatype=XSD.decimal)))
        graph.add((stmt, PROV.wasDerivedFrom, node))
        if rel.speaker:
            graph.add((stmt, GK.speaker, entity(rel.speaker)))


def _statements(result: ArticleResult, entity, base_iri: str) -> list[tuple[URIRef, Relation]]:
    """One relation per statement IRI.

    A statement is identified by its article, resolved triple, sentence and, when
    it is not asserted, its claim status (so that a sentence read as both asserted
    and negated keeps both readings). Two article-local entities that resolution
    merged can make two relations one statement: the most confident one stays.
    """
    best: dict[URIRef, Relation] = {}
    for rel in result.relations:
        predicate = rel.predicate if rel.status == "asserted" else f"{rel.predicate}/{rel.status}"
        stmt = URIRef(base_iri + ids.statement_path(result.article.id, str(entity(rel.subject)), predicate,
                                                    str(entity(rel.object)), rel.evidence.start, rel.evidence.end))
        kept = best.get(stmt)
        if kept is None or (-rel.confidence, rel.method, rel.speaker) < (-kept.confidence, kept.method, kept.speaker):
            best[stmt] = rel
    return sorted(best.items())


def date_literal(value: str) -> Literal:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return Literal(value, datatype=XSD.date)
    return Literal(value)
