"""Draw the result of a SPARQL query: a CONSTRUCT graph, or a SELECT of ?s ?p ?o.

Every entity of the graph that the result names is drawn. A triple linking
two entities is drawn as an edge: with its evidence when the graph states
that relation, otherwise as a relation "from the query" with no evidence
(say, a CONSTRUCT that derives who is linked to whom). Triples that name no
entity are counted and left out.
"""
from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
from rdflib import URIRef

from ..graph.terms import short
from ..graph.vocab import DEFAULT_BASE_IRI, ONTOLOGY_IRI
from ..model import PREDICATES
from ..query.sparql import QueryResult
from .select import VizError


@dataclass(frozen=True)
class QueryReport:
    triples: int            # triples in the result
    unused: int             # triples that name no entity of the graph
    derived: int            # edges the query states but the graph has no evidence for


def result_triples(result: QueryResult) -> list[tuple]:
    if result.kind == "graph":
        return sorted(result.graph)
    if result.kind == "select":
        names = result.variables
        columns = [names.index(v) for v in ("s", "p", "o")] if {"s", "p", "o"} <= set(names) else None
        if columns is None and len(names) == 3:
            columns = [0, 1, 2]
        if columns is None:
            raise VizError(f"a SELECT query to draw must return ?s ?p ?o, not {' '.join('?' + n for n in names)}")
        return [tuple(row[i] for i in columns) for row in result.rows if all(row[i] is not None for i in columns)]
    raise VizError("only a CONSTRUCT query or a SELECT of ?s ?p ?o can be drawn, not an ASK query")


def edge_key(predicate, base_iri: str = DEFAULT_BASE_IRI) -> str:
    text = str(predicate)
    local = text[len(ONTOLOGY_IRI):] if text.startswith(ONTOLOGY_IRI) else ""
    return local if local in PREDICATES else short(predicate, base_iri)


def graph_from_query(graph: nx.MultiDiGraph, result: QueryResult,
                     base_iri: str = DEFAULT_BASE_IRI) -> tuple[nx.MultiDiGraph, QueryReport]:
    """The entities and relations a query result names, with the graph's attributes."""
    triples = result_triples(result)
    drawn = nx.MultiDiGraph()
    unused = derived = 0
    for s, p, o in triples:
        ends = [str(t) for t in (s, o) if isinstance(t, URIRef) and str(t) in graph]
        drawn.add_nodes_from((n, graph.nodes[n]) for n in ends)
        if not ends:
            unused += 1
        if len(ends) < 2:
            continue
        key = edge_key(p, base_iri)
        if graph.has_edge(str(s), str(o), key=key):
            drawn.add_edge(str(s), str(o), key=key, **graph.edges[str(s), str(o), key])
        elif not drawn.has_edge(str(s), str(o), key=key):
            derived += 1
            drawn.add_edge(str(s), str(o), key=key, predicate=key, evidence=[], support=0,
                           article_count=0, from_query=True)
    if drawn.number_of_nodes() == 0:
        raise VizError(f"the query's result ({len(triples)} triples) names no entity of the graph; nothing to draw")
    return drawn, QueryReport(len(triples), unused, derived)
