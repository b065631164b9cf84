"""RDF terms of either library (rdflib or pyoxigraph) as people and the SPARQL results formats see them.

Query answers hold rdflib terms or pyoxigraph terms depending on the engine;
:func:`term_parts` reads both, :func:`short` writes a prefixed name for
people (query tables, validation findings, the query page) and :func:`plain`
the bare value.
"""
from __future__ import annotations

import re

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from .vocab import DEFAULT_BASE_IRI, PREFIXES

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def term_parts(term) -> tuple[str, str, str, str]:
    """(kind, value, language, datatype) of an rdflib or pyoxigraph term.

    kind is uri, bnode, literal or triple; datatype is empty for plain strings
    and language-tagged literals, as in the SPARQL results formats.
    """
    if isinstance(term, URIRef):
        return "uri", str(term), "", ""
    if isinstance(term, BNode):
        return "bnode", str(term), "", ""
    if isinstance(term, Literal):
        language, datatype, value = term.language or "", str(term.datatype or ""), str(term)
    elif isinstance(term, ox.NamedNode):
        return "uri", term.value, "", ""
    elif isinstance(term, ox.BlankNode):
        return "bnode", term.value, "", ""
    elif isinstance(term, ox.Literal):
        language, datatype, value = term.language or "", term.datatype.value, term.value
    elif isinstance(term, ox.Triple):
        return "triple", str(term), "", ""
    else:
        raise TypeError(f"not an RDF term: {term!r}")
    if language or datatype in (XSD_STRING, RDF_LANG_STRING):
        datatype = ""
    return "literal", value, language, datatype


def short(term, base_iri: str = DEFAULT_BASE_IRI) -> str:
    """A compact form for people: a prefixed name, <iri>, _:id or the literal's text."""
    if term is None:
        return ""
    kind, value, _, _ = term_parts(term)
    if kind == "uri":
        for prefix, ns in sorted({**PREFIXES, "gkid": base_iri}.items(), key=lambda kv: -len(kv[1])):
            if value.startswith(ns) and re.fullmatch(r"[\w./-]*", value[len(ns):]):
                return f"{prefix}:{value[len(ns):]}"
        return f"<{value}>"
    if kind == "bnode":
        return f"_:{value}"
    return value


def plain(term) -> str:
    return "" if term is None else term_parts(term)[1]
