"""Result formats of the SPARQL 1.1 Protocol, chosen by Accept header or ``format=`` parameter.

SELECT and ASK answers: SPARQL JSON, XML, CSV and TSV. CONSTRUCT and DESCRIBE
answers: Turtle, N-Triples, JSON-LD and RDF/XML. Writers take at most
``max_rows`` solutions (or triples) and say whether more were left out.
"""
from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from ..graph.terms import term_parts
from ..graph.vocab import PREFIXES
from ..query.sparql import QueryResult, sparql_json


@dataclass(frozen=True)
class Format:
    name: str
    media_type: str
    kind: str                   # "solutions" (SELECT, ASK) or "graph" (CONSTRUCT, DESCRIBE)
    also: tuple[str, ...] = ()  # other media types and format= names that mean this one


FORMATS = (
    Format("json", "application/sparql-results+json", "solutions", ("application/json", "text/javascript", "json")),
    Format("xml", "application/sparql-results+xml", "solutions", ("application/xml", "text/xml", "xml")),
    Format("csv", "text/csv", "solutions", ("csv",)),
    Format("tsv", "text/tab-separated-values", "solutions", ("tsv",)),
    Format("turtle", "text/turtle", "graph", ("application/turtle", "application/x-turtle", "turtle", "ttl", "n3",
                                              "text/n3", "text/rdf+n3")),
    Format("ntriples", "application/n-triples", "graph", ("text/plain", "nt", "ntriples", "n-triples")),
    Format("jsonld", "application/ld+json", "graph", ("application/x-json+ld", "application/json", "json-ld",
                                                      "jsonld", "json")),
    Format("rdfxml", "application/rdf+xml", "graph", ("application/xml", "text/xml", "rdf+xml", "rdf", "xml")),
)
_RDF_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
                "jsonld": ox.RdfFormat.JSON_LD, "rdfxml": ox.RdfFormat.RDF_XML}


def formats_for(kind: str) -> list[Format]:
    return [f for f in FORMATS if f.kind == kind]


def negotiate(kind: str, accept: str = "", requested: str = "") -> Format | None:
    """The format to answer with: a known ``format=`` value first, then the Accept header.

    No Accept header means the first format (SPARQL JSON, or Turtle); None means
    nothing the client accepts can carry this kind of answer.
    """
    candidates = formats_for(kind)
    if requested:
        for fmt in candidates:
            if requested.lower() in (fmt.name, fmt.media_type, *fmt.also):
                return fmt
    best, best_q = None, 0.0
    for media, q in parse_accept(accept or "*/*"):
        for fmt in candidates:
            if q > best_q and _matches(media, fmt):
                best, best_q = fmt, q
    return best


def parse_accept(header: str) -> list[tuple[str, float]]:
    """Media ranges with their quality, in the order given."""
    ranges = []
    for part in header.split(","):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for param in fields[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        ranges.append((fields[0].lower(), q))
    return ranges


def _matches(media: str, fmt: Format) -> bool:
    if media == "*/*":
        return True
    if media.endswith("/*"):
        return fmt.media_type.startswith(media[:-1])
    return media == fmt.media_type or media in fmt.also


# -- writers ---------------------------------------------------------------
def take(items: Iterable, limit: int) -> tuple[list, bool]:
    """At most ``limit`` items, and whether there were more."""
    found = []
    for item in items:
        if len(found) == limit:
            return found, True
        found.append(item)
    return found, False


def write_solutions(fmt: Format, variables: list[str], rows: list[tuple], boolean: bool | None = None) -> bytes:
    if fmt.name == "json":
        return _json(variables, rows, boolean)
    if fmt.name == "xml":
        return _xml(variables, rows, boolean)
    return _table(variables, rows, boolean, tsv=fmt.name == "tsv")


def write_triples(fmt: Format, triples: list, base_iri: str, prefixes: dict[str, str] | None = None) -> bytes:
    known = {**PREFIXES, "gkid": base_iri, **(prefixes or {})}
    return ox.serialize(triples, format=_RDF_FORMATS[fmt.name], prefixes=known)


def _json(variables, rows, boolean) -> bytes:
    if boolean is not None:
        document = {"head": {}, "boolean": boolean}
    else:
        document = sparql_json(QueryResult("select", variables, rows))
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def _xml(variables, rows, boolean) -> bytes:
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n']
    if boolean is not None:
        out.append(f"<head/>\n<boolean>{str(boolean).lower()}</boolean>\n</sparql>\n")
        return "".join(out).encode("utf-8")
    out.append("<head>" + "".join(f"<variable name={quoteattr(v)}/>" for v in variables) + "</head>\n<results>\n")
    for row in rows:
        cells = "".join(f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                        for v, t in zip(variables, row, strict=True) if t is not None)
        out.append(f"<result>{cells}</result>\n")
    out.append("</results>\n</sparql>\n")
    return "".join(out).encode("utf-8")


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_term(term) -> str:
    kind, value, language, datatype = term_parts(term)
    text = escape(_NOT_XML.sub("\ufffd", value))
    if kind == "uri":
        return f"<uri>{text}</uri>"
    if kind == "bnode":
        return f"<bnode>{text}</bnode>"
    if language:
        return f"<literal xml:lang={quoteattr(language)}>{text}</literal>"
    if datatype:
        return f"<literal datatype={quoteattr(datatype)}>{text}</literal>"
    return f"<literal>{text}</literal>"


def _table(variables, rows, boolean, *, tsv: bool) -> bytes:
    out = io.StringIO()
    if tsv:
        if boolean is not None:
            return f"?_askResult\n{str(boolean).lower()}\n".encode("utf-8")
        out.write("\t".join(f"?{v}" for v in variables) + "\n")
        for row in rows:
            out.write("\t".join("" if t is None else _tsv_term(t) for t in row) + "\n")
        return out.getvalue().encode("utf-8")
    writer = csv.writer(out, lineterminator="\r\n")
    if boolean is not None:
        writer.writerows([["_askResult"], [str(boolean).lower()]])
    else:
        writer.writerow(variables)
        writer.writerows([["" if t is None else _csv_value(t) for t in row] for row in rows])
    return out.getvalue().encode("utf-8")


def _csv_value(term) -> str:
    kind, value, _, _ = term_parts(term)
    return f"_:{value}" if kind == "bnode" else value


def _tsv_term(term) -> str:
    """A term in N-Triples syntax, with tabs and line breaks escaped as TSV requires."""
    kind, value, language, datatype = term_parts(term)
    if kind == "uri":
        return f"<{value}>"
    if kind == "bnode":
        return f"_:{value}"
    text = value.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    if language:
        return f'"{text}"@{language}'
    return f'"{text}"' + (f"^^<{datatype}>" if datatype else "")


