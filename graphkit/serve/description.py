"""The SPARQL 1.1 Service Description, answered to a GET on the endpoint without a query."""
from __future__ import annotations

import pyoxigraph as ox

from .formats import formats_for

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"
PREFIXES = {"sd": SD, "formats": FORMATS}
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_COMMENT = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#comment")
DCT_TITLE = ox.NamedNode("http://purl.org/dc/terms/title")
# the W3C's names for each result format graphkit writes
FORMAT_IRIS = {"json": "SPARQL_Results_JSON", "xml": "SPARQL_Results_XML", "csv": "SPARQL_Results_CSV",
               "tsv": "SPARQL_Results_TSV", "turtle": "Turtle", "ntriples": "N-Triples", "jsonld": "JSON-LD",
               "rdfxml": "RDF_XML"}


def describe(endpoint: str, *, timeout: float, max_rows: int) -> list[ox.Triple]:
    service = ox.NamedNode(endpoint)
    dataset = ox.NamedNode(endpoint + "#dataset")
    default_graph = ox.NamedNode(endpoint + "#default-graph")

    def sd(name: str) -> ox.NamedNode:
        return ox.NamedNode(SD + name)

    triples = [
        (service, RDF_TYPE, sd("Service")),
        (service, sd("endpoint"), service),
        (service, sd("supportedLanguage"), sd("SPARQL11Query")),
        (service, sd("feature"), sd("UnionDefaultGraph")),
        (service, sd("defaultDataset"), dataset),
        (dataset, RDF_TYPE, sd("Dataset")),
        (dataset, sd("defaultGraph"), default_graph),
        (default_graph, RDF_TYPE, sd("Graph")),
        (service, DCT_TITLE, ox.Literal("graphkit SPARQL endpoint")),
        (service, RDFS_COMMENT, ox.Literal(
            f"Read-only: SPARQL Update is refused. The default graph is the union of all named graphs "
            f"(one per article). Queries are stopped after {timeout:g} seconds and answers are cut at "
            f"{max_rows} rows or triples (the X-SPARQL-MaxRows header says when).")),
    ]
    for kind in ("solutions", "graph"):
        for fmt in formats_for(kind):
            triples.append((service, sd("resultFormat"), ox.NamedNode(FORMATS + FORMAT_IRIS[fmt.name])))
    return [ox.Triple(*t) for t in triples]
