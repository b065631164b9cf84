"""Turn extraction results into an RDF dataset that follows graphkit's contract.

* Entities (type, rdfs:label, skos:altLabel, owl:sameAs Wikidata) live in the
  graph ``<base>graph/entities``.
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
from .model import ArticleResult
from .resolve import Resolution
from .vocab import DEFAULT_BASE_IRI, GK, PREFIXES, SCHEMA, WD

ENTITIES_GRAPH = "graph/entities"


def new_dataset() -> Dataset:
    ds = Dataset(default_union=True)
    for prefix, iri in PREFIXES.items():
        ds.bind(prefix, iri, override=True)
    return ds


def to_dataset(results: Iterable[ArticleResult], resolution: Resolution, *,
               base_iri: str = DEFAULT_BASE_IRI, pipeline: str = "") -> Dataset:
    ds = new_dataset()
    ds.bind("gkid", base_iri, override=True)
    add_entities(ds, resolution, base_iri)
    for result in results:
        add_article(ds, result, resolution, base_iri=base_iri, pipeline=pipeline)
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
    for rel in result.relations:
        s, o, p = entity(rel.subject), entity(rel.object), GK[rel.predicate]
        if rel.status == "asserted":
            graph.add((s, p, o))
        stmt = URIRef(base_iri + ids.statement_path(article.id, str(s), rel.predicate, str(o),
                                                    rel.evidence.start, rel.evidence.end))
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


def date_literal(value: str) -> Literal:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return Literal(value, datatype=XSD.date)
    return Literal(value)
