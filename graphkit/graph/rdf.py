"""Turn extraction results into RDF that follows graphkit's contract.

* Entities (type, rdfs:label, skos:altLabel, owl:sameAs Wikidata, and
  gk:typeReason saying why resolution chose the type) live in the graph
  ``<base>graph/entities``.
* Relation summaries (``gk:Relation``: subject, predicate, object, how many
  sentences and articles state it, first and last seen) live in the graph
  ``<base>graph/relations``.
* Each article has a named graph whose IRI is the article's IRI. It holds the
  article's metadata, ``schema:mentions`` links, the asserted relations as
  direct triples, and one ``gk:Statement`` node per occurrence (reified
  triple with evidence, offsets, method, confidence, claim status, speaker,
  and the money it states as a ``schema:MonetaryAmount`` at ``<statement>/amount``).
  Negated, denied, alleged and hypothetical claims appear only as statements,
  and so do relations a person rejected in a resolver file (``gk:rejected``,
  with ``gk:decidedBy``).
* Relations a person asserted in a resolver file live in the graph
  ``<base>graph/corrections``: the direct triple and a statement with
  ``gk:decidedBy``, ``gk:decisionNote`` and ``gk:checkedSource``.
* All IRIs are derived from names and offsets: no blank nodes, no clock.

``to_nquads`` gives the whole dataset as N-Quads text (what a build writes,
see :mod:`graphkit.graph.nquads`); ``to_dataset`` the same as an rdflib Dataset.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal

from rdflib import Dataset
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS

from .. import ids
from ..model import ArticleResult, Relation
from ..resolve import Resolution
from ..resolve.corrections import PersonStatement, with_person_support
from ..resolve.support import Support, relation_support
from .nquads import XSD, iri, literal
from .vocab import DEFAULT_BASE_IRI, GK, PREFIXES, SCHEMA, WD

ENTITIES_GRAPH = "graph/entities"
RELATIONS_GRAPH = "graph/relations"
CORRECTIONS_GRAPH = "graph/corrections"
PERSON_METHOD = "graphkit.person.v1"

_T = {name: iri(str(term)) for name, term in {
    "type": RDF.type, "subject": RDF.subject, "predicate": RDF.predicate, "object": RDF.object,
    "label": RDFS.label, "altLabel": SKOS.altLabel, "sameAs": OWL.sameAs, "title": DCTERMS.title,
    "date": DCTERMS.date, "publisher": DCTERMS.publisher, "url": SCHEMA.url, "amount": SCHEMA.amount,
    "MonetaryAmount": SCHEMA.MonetaryAmount, "value": SCHEMA.value, "currency": SCHEMA.currency,
    "mentions": SCHEMA.mentions, "derived": PROV.wasDerivedFrom,
}.items()}
_GK = {name: iri(str(GK[name])) for name in GK.__annotations__}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def new_dataset() -> Dataset:
    ds = Dataset(default_union=True)
    for prefix, namespace in PREFIXES.items():
        ds.bind(prefix, namespace, override=True)
    return ds


def to_nquads(results: Iterable[ArticleResult], resolution: Resolution, *, base_iri: str = DEFAULT_BASE_IRI,
              pipeline: str = "", support: list[Support] | None = None,
              article_text: Callable[[ArticleResult], str] | None = None,
              corrections: Iterable[PersonStatement] = ()) -> str:
    """The whole dataset as N-Quads: the entities graph, each article's graph in id order, the summaries.

    Each block's lines are sorted, so the text depends on nothing but its input.
    ``support`` is :func:`~graphkit.resolve.support.relation_support` of the same
    results and ``article_text`` gives :func:`article_nquads` of a result, when the
    caller has them already (a build keeps unchanged articles' text).
    """
    results = sorted(results, key=lambda r: r.article.id)
    if article_text is None:
        def article_text(result: ArticleResult) -> str:
            return article_nquads(result, resolution, base_iri=base_iri, pipeline=pipeline)
    corrections = list(corrections)
    if support is None:
        support = with_person_support(relation_support(results, resolution), corrections)
    parts = [_block(entity_quads(resolution, base_iri))]
    parts.extend(article_text(result) for result in results)
    if corrections:
        parts.append(_block(correction_quads(corrections, base_iri)))
    parts.append(_block(relation_quads(support, base_iri)))
    return "".join(parts)


def article_nquads(result: ArticleResult, resolution: Resolution, *, base_iri: str = DEFAULT_BASE_IRI,
                   pipeline: str = "") -> str:
    """One article's named graph as sorted N-Quads lines."""
    return _block(article_quads(result, resolution, base_iri=base_iri, pipeline=pipeline))


def _block(lines: Iterable[str]) -> str:
    return "".join(sorted(set(lines)))


def to_dataset(results: Iterable[ArticleResult], resolution: Resolution, *,
               base_iri: str = DEFAULT_BASE_IRI, pipeline: str = "",
               corrections: Iterable[PersonStatement] = ()) -> Dataset:
    ds = new_dataset()
    ds.bind("gkid", base_iri, override=True)
    ds.parse(data=to_nquads(results, resolution, base_iri=base_iri, pipeline=pipeline, corrections=corrections),
             format="nquads")
    return ds


def entity_quads(resolution: Resolution, base_iri: str) -> Iterator[str]:
    graph = iri(base_iri + ENTITIES_GRAPH)
    for entity in resolution.entities.values():
        node = iri(base_iri + entity.path)
        yield f"{node} {_T['type']} {_GK[entity.type]} {graph} .\n"
        yield f"{node} {_T['label']} {literal(entity.label)} {graph} .\n"
        for name in entity.names:
            if name != entity.label:
                yield f"{node} {_T['altLabel']} {literal(name)} {graph} .\n"
        if entity.wikidata:
            yield f"{node} {_T['sameAs']} {iri(str(WD[entity.wikidata]))} {graph} .\n"
        if entity.type_reason:
            yield f"{node} {_GK['typeReason']} {literal(entity.type_reason)} {graph} .\n"
        if entity.collective:
            yield f"{node} {_GK['collectiveActor']} {literal('true', XSD + 'boolean')} {graph} .\n"


def _reified(node: str, kind: str, s: str, p: str, o: str, graph: str) -> Iterator[str]:
    """A node of this kind that names one triple (rdf:subject, rdf:predicate, rdf:object)."""
    yield f"{node} {_T['type']} {kind} {graph} .\n"
    yield f"{node} {_T['subject']} {s} {graph} .\n"
    yield f"{node} {_T['predicate']} {p} {graph} .\n"
    yield f"{node} {_T['object']} {o} {graph} .\n"


def relation_quads(support: Iterable[Support], base_iri: str) -> Iterator[str]:
    """One gk:Relation node per asserted triple, with its support, in ``<base>graph/relations``."""
    graph = iri(base_iri + RELATIONS_GRAPH)
    for item in support:
        s, o = base_iri + item.subject, base_iri + item.object
        node = iri(base_iri + ids.relation_path(s, item.predicate, o))
        yield from _reified(node, _GK["Relation"], iri(s), _GK[item.predicate], iri(o), graph)
        yield f"{node} {_GK['support']} {literal(str(item.sentences), XSD + 'integer')} {graph} .\n"
        yield f"{node} {_GK['articleCount']} {literal(str(item.articles), XSD + 'integer')} {graph} .\n"
        if item.first_seen:
            yield f"{node} {_GK['firstSeen']} {literal(item.first_seen, XSD + 'date')} {graph} .\n"
            yield f"{node} {_GK['lastSeen']} {literal(item.last_seen, XSD + 'date')} {graph} .\n"


def correction_quads(corrections: Iterable[PersonStatement], base_iri: str) -> Iterator[str]:
    """Relations a person asserted in a resolver file: the direct triple and a statement saying who checked what."""
    graph = iri(base_iri + CORRECTIONS_GRAPH)
    for item in corrections:
        s, p, o = iri(base_iri + item.subject), _GK[item.predicate], iri(base_iri + item.object)
        stmt = iri(base_iri + "statement/person-" + ids.digest(item.subject, item.predicate, item.object, item.by,
                                                              item.note, item.source, item.article))
        yield f"{s} {p} {o} {graph} .\n"
        yield from _reified(stmt, _GK["Statement"], s, p, o, graph)
        yield f"{stmt} {_GK['status']} {_GK['asserted']} {graph} .\n"
        yield f"{stmt} {_GK['method']} {literal(PERSON_METHOD)} {graph} .\n"
        yield f"{stmt} {_GK['confidence']} {literal('1', XSD + 'decimal')} {graph} .\n"
        yield f"{stmt} {_GK['decidedBy']} {literal(item.by)} {graph} .\n"
        yield f"{stmt} {_GK['evidence']} {literal(item.note or f'Checked and asserted by {item.by}.')} {graph} .\n"
        if item.note:
            yield f"{stmt} {_GK['decisionNote']} {literal(item.note)} {graph} .\n"
        if item.source:
            yield f"{stmt} {_GK['checkedSource']} {literal(item.source)} {graph} .\n"
        if item.article:
            yield f"{stmt} {_T['derived']} {iri(article_path_iri(base_iri, item.article))} {graph} .\n"


def article_path_iri(base_iri: str, article_id: str) -> str:
    return base_iri + ids.article_path(article_id)


def article_quads(result: ArticleResult, resolution: Resolution, *,
                  base_iri: str = DEFAULT_BASE_IRI, pipeline: str = "") -> Iterator[str]:
    article = result.article
    node = iri(article_path_iri(base_iri, article.id))
    g = node

    def meta(predicate: str, value: str) -> str:
        return f"{node} {predicate} {value} {g} .\n"

    yield meta(_T["type"], _GK["Article"])
    if article.title:
        yield meta(_T["title"], literal(article.title))
    if article.url:
        yield meta(_T["url"], literal(article.url, XSD + "anyURI"))
    if article.date:
        yield meta(_T["date"], literal(article.date, XSD + "date") if _ISO_DATE.fullmatch(article.date)
                   else literal(article.date))
    if article.outlet:
        yield meta(_T["publisher"], literal(article.outlet))
    if article.source:
        yield meta(_GK["sourceFile"], literal(article.source))
    yield meta(_GK["contentHash"], literal(ids.digest(article.text, length=64)))
    if pipeline:
        yield meta(_GK["pipelineVersion"], literal(pipeline))

    def entity(key: str) -> str:
        return base_iri + resolution.path_of(article.id, key)

    for item in result.entities:
        yield meta(_T["mentions"], iri(entity(item.key)))
    for stmt, rel in _statements(result, entity, base_iri):
        s, p, o = iri(entity(rel.subject)), _GK[rel.predicate], iri(entity(rel.object))
        if rel.status == "asserted":
            yield f"{s} {p} {o} {g} .\n"
        stmt = iri(stmt)
        yield from _reified(stmt, _GK["Statement"], s, p, o, g)
        yield f"{stmt} {_GK['status']} {_GK[rel.status]} {g} .\n"
        yield f"{stmt} {_GK['evidence']} {literal(rel.evidence.text)} {g} .\n"
        yield f"{stmt} {_GK['startChar']} {literal(str(rel.evidence.start), XSD + 'integer')} {g} .\n"
        yield f"{stmt} {_GK['endChar']} {literal(str(rel.evidence.end), XSD + 'integer')} {g} .\n"
        yield f"{stmt} {_GK['method']} {literal(rel.method)} {g} .\n"
        yield f"{stmt} {_GK['confidence']} {literal(str(Decimal(str(rel.confidence))), XSD + 'decimal')} {g} .\n"
        yield f"{stmt} {_T['derived']} {node} {g} .\n"
        if rel.speaker:
            yield f"{stmt} {_GK['speaker']} {iri(entity(rel.speaker))} {g} .\n"
        if rel.amount:
            yield from _amount_quads(stmt, rel, g)
        if rel.decided_by:
            yield f"{stmt} {_GK['decidedBy']} {literal(rel.decided_by)} {g} .\n"
            if rel.decision_note:
                yield f"{stmt} {_GK['decisionNote']} {literal(rel.decision_note)} {g} .\n"


def _amount_quads(stmt: str, rel: Relation, g: str) -> Iterator[str]:
    """The money a statement states, as a schema:MonetaryAmount named after the statement."""
    node = stmt[:-1] + '/amount>'
    yield f"{stmt} {_T['amount']} {node} {g} .\n"
    yield f"{node} {_T['type']} {_T['MonetaryAmount']} {g} .\n"
    yield f"{node} {_T['value']} {literal(canonical_decimal(rel.amount), XSD + 'decimal')} {g} .\n"
    yield f"{node} {_T['currency']} {literal(rel.currency)} {g} .\n"


def canonical_decimal(value: str) -> str:
    """The canonical form of an xsd:decimal ("16500000", "750000.5"), which Oxigraph stores and answers with,
    so that a file and a store folder of one graph hold the same literal."""
    number = Decimal(value).normalize()
    return format(number, "f")


def _statements(result: ArticleResult, entity, base_iri: str) -> list[tuple[str, Relation]]:
    """One relation per statement IRI.

    A statement is identified by its article, resolved triple, sentence and, when
    it is not asserted, its claim status (so that a sentence read as both asserted
    and negated keeps both readings). Two article-local entities that resolution
    merged can make two relations one statement: the most confident one stays.
    """
    best: dict[str, Relation] = {}
    for rel in result.relations:
        predicate = rel.predicate if rel.status == "asserted" else f"{rel.predicate}/{rel.status}"
        stmt = base_iri + ids.statement_path(result.article.id, entity(rel.subject), predicate,
                                             entity(rel.object), rel.evidence.start, rel.evidence.end)
        kept = best.get(stmt)
        if kept is None or (-rel.confidence, rel.method, rel.speaker) < (-kept.confidence, kept.method, kept.speaker):
            best[stmt] = rel
    return sorted(best.items())
