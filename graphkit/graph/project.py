"""Project a graphkit RDF dataset onto a networkx graph of entities and relations.

Nodes are typed entities (label, type, names, Wikidata id, articles that
mention them); edges are asserted relations keyed by predicate, each with
every evidence sentence and its source (with the statement IRI and offsets,
and the money the sentence states, if any). ``graph.graph["articles"]`` lists
every article (IRI, title, url, date, outlet, source file), mentioned or not. The HTML page and the graph-tool exports are
drawn from this projection.
"""
from __future__ import annotations

from collections import defaultdict
from decimal import Decimal, InvalidOperation

import networkx as nx
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS

from ..model import ENTITY_TYPES, PREDICATES
from .vocab import GK, ONTOLOGY_IRI, SCHEMA

_TYPES = {GK[t]: t for t in ENTITY_TYPES}
_PREDICATES = {GK[p]: p for p in PREDICATES}


def local(iri) -> str:
    text = str(iri)
    return text[len(ONTOLOGY_IRI):] if text.startswith(ONTOLOGY_IRI) else text


def to_networkx(dataset) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    articles = _articles(dataset)
    graph.graph["articles"] = [articles[a] for a in sorted(articles)]
    for node, rdf_type in dataset.subject_objects(RDF.type):
        etype = _TYPES.get(rdf_type)
        if etype is None or not isinstance(node, URIRef):
            continue
        label = dataset.value(node, RDFS.label) or dataset.value(node, SKOS.prefLabel) or Literal(str(node).rsplit("/", 1)[-1])
        names = sorted({str(n) for n in dataset.objects(node, SKOS.altLabel)} - {str(label)})
        same = [str(x) for x in dataset.objects(node, OWL.sameAs) if "wikidata.org" in str(x)]
        graph.add_node(str(node), label=str(label), type=etype, names=names,
                       wikidata=same[0].rsplit("/", 1)[-1] if same else "", articles=[])
    mentioned = defaultdict(set)
    for article, entity in dataset.subject_objects(SCHEMA.mentions):
        mentioned[str(entity)].add(str(article))
    for node, data in graph.nodes(data=True):
        data["articles"] = [articles[a] for a in sorted(mentioned.get(node, ())) if a in articles]
    evidence = _evidence(dataset, articles)
    for predicate_iri, predicate in _PREDICATES.items():
        for s, o in dataset.subject_objects(predicate_iri):
            s, o = str(s), str(o)
            if s not in graph or o not in graph or graph.has_edge(s, o, key=predicate):
                continue
            items = sorted(evidence.get((s, predicate, o), []), key=lambda e: (e["date"], e["article"], e["start"]))
            graph.add_edge(s, o, key=predicate, predicate=predicate, evidence=items,
                           support=max(1, len(items)), article_count=len({e["article"] for e in items}))
    return graph


def plain_decimal(value) -> str:
    """ "16500000.0"^^xsd:decimal -> "16500000", "750000.50" -> "750000.5" (as spreadsheets and tools want it)."""
    try:
        return format(Decimal(str(value)).normalize(), "f")
    except InvalidOperation:
        return str(value)


def _articles(dataset) -> dict[str, dict]:
    found = {}
    for article in dataset.subjects(RDF.type, GK.Article):
        found[str(article)] = {
            "iri": str(article),
            "title": str(dataset.value(article, DCTERMS.title) or ""),
            "url": str(dataset.value(article, SCHEMA.url) or ""),
            "date": str(dataset.value(article, DCTERMS.date) or ""),
            "outlet": str(dataset.value(article, DCTERMS.publisher) or ""),
            "source": str(dataset.value(article, GK.sourceFile) or ""),
        }
    return found


def _evidence(dataset, articles: dict[str, dict]) -> dict[tuple[str, str, str], list[dict]]:
    found = defaultdict(list)
    for stmt in dataset.subjects(GK.status, GK.asserted):
        s, p, o = (dataset.value(stmt, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        predicate = _PREDICATES.get(p)
        if predicate is None:
            continue
        article = str(dataset.value(stmt, PROV.wasDerivedFrom) or "")
        meta = articles.get(article, {})
        money = dataset.value(stmt, SCHEMA.amount)
        value = dataset.value(money, SCHEMA.value) if money is not None else None
        found[(str(s), predicate, str(o))].append({
            "text": str(dataset.value(stmt, GK.evidence) or ""),
            "article": article,
            "title": meta.get("title", ""),
            "url": meta.get("url", ""),
            "date": meta.get("date", ""),
            "outlet": meta.get("outlet", ""),
            "amount": plain_decimal(value) if value is not None else "",
            "currency": str(dataset.value(money, SCHEMA.currency) or "") if money is not None else "",
            "start": int(dataset.value(stmt, GK.startChar) or 0),
            "end": int(dataset.value(stmt, GK.endChar) or 0),
            "statement": str(stmt),
            "confidence": float(dataset.value(stmt, GK.confidence) or 0),
            "method": str(dataset.value(stmt, GK.method) or ""),
        })
    return found
