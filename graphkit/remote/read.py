"""Read graphkit's graphs from a SPARQL endpoint, and send it queries (SPARQL 1.1 Protocol).

Servers cap the rows of one answer (Virtuoso: 10,000 by default) and sort
slowly past an OFFSET, so :func:`read_endpoint` pages by key instead:

1. the size of each graph whose IRI starts with the base IRI, in pages
   ordered by graph IRI (``FILTER(STR(?g) > last)``, no OFFSET);
2. small graphs are fetched together, as many as fit in one answer
   (``VALUES ?g { … }``); a graph too big for one answer is paged the same
   way by subject;
3. every answer is checked against the counted size, so a server that
   silently truncates is caught rather than trusted.

IRIs and values go into the query text only as escaped RDF terms. Blank
nodes cannot be paged by key (graphkit writes none); a graph holding some
fails the size check with a clear message.
"""
from __future__ import annotations

import io
from collections.abc import Iterator

import httpx
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.plugins.sparql.results.jsonresults import parseJsonTerm
from rdflib.query import Result
from rdflib.term import Identifier

from ..errors import QueryError
from ..graph.vocab import DEFAULT_BASE_IRI, PREFIXES
from ..query.checks import check_bindings
from ..query.readonly import read_only
from ..query.sparql import QueryResult, with_prefixes
from .http import EndpointError, check_url, describe_failure, describe_refusal, http_client

ROWS_PER_ANSWER = 5_000         # below Virtuoso's default cap of 10,000
KEYS_PER_PAGE = 2_000
VALUES_PER_QUERY = 300
RESULTS_JSON = "application/sparql-results+json"
ANY_ANSWER = f"{RESULTS_JSON}, application/n-triples;q=0.9, text/turtle;q=0.8, application/rdf+xml;q=0.5"
_GRAPH_FORMATS = {"application/n-triples": "nt", "text/plain": "nt", "text/turtle": "turtle",
                  "application/rdf+xml": "xml", "application/ld+json": "json-ld", "application/n-quads": "nquads"}


def read_endpoint(url: str, *, base_iri: str = DEFAULT_BASE_IRI, auth: httpx.Auth | None = None) -> Dataset:
    """Every named graph under ``base_iri`` on the endpoint, as a Dataset whose default graph is their union."""
    check_url(url)
    dataset = Dataset(default_union=True)
    for prefix, iri in {**PREFIXES, "gkid": base_iri}.items():
        dataset.bind(prefix, iri, override=True)
    with http_client(auth) as client:
        sizes = list(_graph_sizes(client, url, base_iri))
        if not sizes:
            raise EndpointError(f"the endpoint {url} holds no graph whose IRI starts with {base_iri} "
                                "(was the graph pushed there, with this --base-iri?)")
        small = [(g, n) for g, n in sizes if n <= ROWS_PER_ANSWER]
        for group in _pack(small):
            _fetch(client, url, dataset, "g", group, graph=None)
        for graph, size in (item for item in sizes if item[1] > ROWS_PER_ANSWER):
            subjects = list(_subject_sizes(client, url, graph))
            _check_total(url, graph, size, sum(n for _, n in subjects))
            for group in _pack(subjects):
                _fetch(client, url, dataset, "s", group, graph=graph)
    return dataset


def _graph_sizes(client: httpx.Client, url: str, base_iri: str) -> Iterator[tuple[URIRef, int]]:
    yield from _keyed_counts(client, url, "?g", "GRAPH ?g { ?s ?p ?o } "
                             f"FILTER(STRSTARTS(STR(?g), {Literal(base_iri).n3()}))")


def _subject_sizes(client: httpx.Client, url: str, graph: URIRef) -> Iterator[tuple[URIRef, int]]:
    yield from _keyed_counts(client, url, "?s", f"GRAPH {graph.n3()} {{ ?s ?p ?o }}")


def _keyed_counts(client, url: str, key: str, pattern: str) -> Iterator[tuple[URIRef, int]]:
    """(key, number of triples) in pages ordered by the key's text, each page after the last key seen.

    Paging stops at the first empty page, not at a short one: a server that caps its answers below
    KEYS_PER_PAGE then only makes the pages shorter.
    """
    after = ""
    while True:
        query = (f"SELECT {key} (COUNT(*) AS ?n) WHERE {{ {pattern} FILTER(STR({key}) > {Literal(after).n3()}) }} "
                 f"GROUP BY {key} ORDER BY STR({key}) LIMIT {KEYS_PER_PAGE}")
        rows = select(client, url, query)
        if not rows:
            return
        for row in rows:
            yield row[key[1:]], int(row["n"])
        last = str(rows[-1][key[1:]])
        if last <= after:       # a server that orders strings differently would page forever
            raise EndpointError(f"the endpoint {url} does not page by key as SPARQL orders strings")
        after = last


def _pack(sizes: list[tuple[URIRef, int]]) -> Iterator[list[tuple[URIRef, int]]]:
    """Consecutive keys grouped so that each group's triples fit in one answer."""
    group: list[tuple[URIRef, int]] = []
    total = 0
    for key, size in sizes:
        if group and (total + size > ROWS_PER_ANSWER or len(group) >= VALUES_PER_QUERY):
            yield group
            group, total = [], 0
        group.append((key, size))
        total += size
    if group:
        yield group


def _fetch(client, url: str, dataset: Dataset, key: str, group: list[tuple[URIRef, int]],
           graph: URIRef | None) -> None:
    values = " ".join(term.n3() for term, _ in group)
    where = "GRAPH ?g { ?s ?p ?o }" if graph is None else f"GRAPH {graph.n3()} {{ ?s ?p ?o }}"
    rows = select(client, url, f"SELECT * WHERE {{ VALUES ?{key} {{ {values} }} {where} }}")
    _check_total(url, graph or group[0][0], sum(n for _, n in group), len(rows))
    dataset.addN((row["s"], row["p"], row["o"], dataset.graph(graph or row["g"])) for row in rows)


def _check_total(url: str, graph: URIRef, expected: int, got: int) -> None:
    if got != expected:
        raise EndpointError(f"the endpoint {url} gave {got} triples where it counted {expected} "
                            f"(near graph <{graph}>): a result cap, a change during the read, "
                            "or blank nodes, which cannot be read page by page")


def select(client: httpx.Client, url: str, query: str) -> list[dict[str, Identifier]]:
    """Rows of a SELECT as {variable: rdflib term}."""
    response = _post(client, url, query, RESULTS_JSON)
    try:
        bindings = response.json()["results"]["bindings"]
        return [{var: parseJsonTerm(term) for var, term in row.items()} for row in bindings]
    except (ValueError, KeyError, TypeError):
        raise EndpointError(f"the endpoint {url} did not answer with SPARQL JSON results") from None


def _post(client: httpx.Client, url: str, query: str, accept: str) -> httpx.Response:
    try:
        response = client.post(url, data={"query": query}, headers={"Accept": accept})
    except httpx.HTTPError as exc:
        raise EndpointError(describe_failure(exc, url)) from None
    if response.status_code == 400:
        raise QueryError(f"the endpoint {url} rejected the query ({describe_refusal(response)})")
    if response.status_code != 200:
        raise EndpointError(f"the endpoint {url} failed to answer ({describe_refusal(response)})")
    return response


def query_endpoint(url: str, query: str, *, bindings: dict[str, Identifier] | None = None,
                   base_iri: str = DEFAULT_BASE_IRI, auth: httpx.Auth | None = None) -> QueryResult:
    """Run a read-only query on the endpoint itself; the project prefixes are declared as for local graphs."""
    check_url(url)
    check_bindings(query, bindings)
    text, _ = with_prefixes(read_only(query), base_iri)
    text += values_clause(bindings or {})
    with http_client(auth) as client:
        response = _post(client, url, text, ANY_ANSWER)
    kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind in _GRAPH_FORMATS:
        graph = Graph()
        for prefix, iri in {**PREFIXES, "gkid": base_iri}.items():
            graph.bind(prefix, iri, override=True)
        graph.parse(data=response.content, format=_GRAPH_FORMATS[kind])
        return QueryResult("graph", graph=graph)
    try:
        result = Result.parse(io.BytesIO(response.content), format="json")
    except Exception:           # rdflib's result parsers raise many kinds
        raise EndpointError(f"the endpoint {url} answered with {kind or 'no content type'}, "
                            "not SPARQL results or RDF") from None
    if result.type == "ASK":
        return QueryResult("ask", boolean=bool(result.askAnswer))
    variables = [str(v) for v in result.vars]
    return QueryResult("select", variables, [tuple(row) for row in result])


def values_clause(bindings: dict[str, Identifier]) -> str:
    """A trailing VALUES clause that pre-binds variables, the terms escaped as RDF."""
    if not bindings:
        return ""
    names = " ".join(f"?{name}" for name in bindings)
    terms = " ".join(term.n3() for term in bindings.values())
    return f"\nVALUES ({names}) {{ ({terms}) }}\n"
