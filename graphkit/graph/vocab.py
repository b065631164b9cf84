"""Namespaces and prefixes used in graphkit's RDF.

``GK`` lists the ontology's terms; using a term that is not declared here is
an error, and ``tests/test_ontology.py`` checks that this list and
``ontologies/graphkit.ttl`` define the same terms.
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

ONTOLOGY_IRI = "https://w3id.org/graphkit/ontology#"
DEFAULT_BASE_IRI = "https://w3id.org/graphkit/id/"


class GK(DefinedNamespace):
    _NS = Namespace(ONTOLOGY_IRI)
    _fail = True

    # classes
    Organization: URIRef
    Company: URIRef
    GovernmentAgency: URIRef
    AdvocacyGroup: URIRef
    Person: URIRef
    Technology: URIRef
    Product: URIRef
    Location: URIRef
    Legislation: URIRef
    Article: URIRef
    Statement: URIRef
    Relation: URIRef
    ClaimStatus: URIRef
    # claim statuses
    asserted: URIRef
    negated: URIRef
    denied: URIRef
    alleged: URIRef
    hypothetical: URIRef
    rejected: URIRef
    # the 18 relations
    sells: URIRef
    sellsTo: URIRef
    develops: URIRef
    instanceOf: URIRef
    uses: URIRef
    partnersWith: URIRef
    bans: URIRef
    stopsSelling: URIRef
    criticizes: URIRef
    supports: URIRef
    investigates: URIRef
    sues: URIRef
    fines: URIRef
    tests: URIRef
    worksFor: URIRef
    partOf: URIRef
    acquires: URIRef
    funds: URIRef
    # provenance and bookkeeping
    inverseMatch: URIRef
    status: URIRef
    evidence: URIRef
    startChar: URIRef
    endChar: URIRef
    method: URIRef
    confidence: URIRef
    speaker: URIRef
    support: URIRef
    articleCount: URIRef
    firstSeen: URIRef
    lastSeen: URIRef
    contentHash: URIRef
    pipelineVersion: URIRef
    sourceFile: URIRef
    typeReason: URIRef
    collectiveActor: URIRef
    decidedBy: URIRef
    decisionNote: URIRef
    checkedSource: URIRef


SCHEMA = Namespace("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")

PREFIXES: dict[str, str] = {
    "gk": ONTOLOGY_IRI,
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "schema": str(SCHEMA),
    "wd": str(WD),
}


def sparql_prologue(base_iri: str = DEFAULT_BASE_IRI) -> str:
    """PREFIX lines for every project prefix, plus ``gkid:`` for entity IRIs."""
    lines = [f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items()]
    lines.append(f"PREFIX gkid: <{base_iri}>")
    return "\n".join(lines) + "\n"
