"""Run SPARQL over a graph and format the answers.

Queries see the union of all named graphs as their default graph. The
project's prefixes (gk:, gkid:, rdfs:, skos:, schema:, prov: …) are declared
for the query unless it declares them itself. Saved queries are ``.rq``
files run by name; values are passed as bindings, never pasted into text.

Two engines answer the same queries: :func:`run_query` runs rdflib's engine
on an rdflib Dataset, and :func:`graphkit.query.oxigraph.run_sparql` runs Oxigraph on
a store (what ``graphkit query`` and ``graphkit serve`` use). Results hold
terms of either library; the formatting below reads both
(:func:`graphkit.graph.terms.term_parts`).
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.term import Identifier

from ..errors import QueryError
from ..graph.terms import plain, short, term_parts
from ..graph.vocab import DEFAULT_BASE_IRI, PREFIXES
from ..resources import queries_dir
from .checks import TOKENS, check_bindings
from .readonly import UpdateRefused, read_only  # noqa: F401 (UpdateRefused: part of this module's API)
from .syntax import describe_syntax_error

OUTPUT_FORMATS = ("table", "csv", "tsv", "json")
_DECLARED = re.compile(r"^\s*PREFIX\s+([A-Za-z][\w.-]*)?\s*:", re.I | re.M)


@dataclass
class QueryResult:
    """A SELECT table, an ASK answer, or a CONSTRUCT/DESCRIBE graph.

    ``rows`` hold rdflib or pyoxigraph terms (None where unbound); a graph
    answer is an rdflib Graph or a list of pyoxigraph Triples.
    """

    kind: str                           # select, ask or graph
    variables: list[str] = field(default_factory=list)
    rows: list[tuple] = field(default_factory=list)
    boolean: bool | None = None
    graph: object | None = None


def with_prefixes(query: str, base_iri: str = DEFAULT_BASE_IRI) -> tuple[str, int]:
    """The query with the project's missing PREFIX lines in front, and how many lines were added."""
    declared = {m.group(1) or "" for m in _DECLARED.finditer(re.sub(r"(?m)#[^\n<>]*$", "", query))}
    known = {**PREFIXES, "gkid": base_iri}
    lines = [f"PREFIX {p}: <{iri}>" for p, iri in known.items() if p not in declared]
    return "\n".join(lines) + ("\n" if lines else "") + query, len(lines)


_TOKENS = TOKENS


def with_values(query: str, bindings: dict) -> str:
    """The query with ``VALUES (?a ?b) { (x y) }`` opening its WHERE clause.

    This is how graphkit pre-binds variables on Oxigraph: joined first inside
    the WHERE pattern, the values restrict it before any grouping, as
    rdflib's initBindings do, and let the engine start from them (pyoxigraph's
    own ``substitutions`` only accept projected variables). Terms are written
    by Oxigraph's N-Triples serialiser, so a value cannot change the query.
    """
    if not bindings:
        return query
    check_bindings(query, bindings)
    names = " ".join(f"?{name}" for name in bindings)
    values = " ".join(str(term) for term in bindings.values())
    block = f" VALUES ({names}) {{ ({values}) }}"
    position = _where_brace(query)
    if position is None:
        raise QueryError("cannot bind variables in this query: it has no WHERE clause")
    return query[:position + 1] + block + query[position + 1:]


def _where_brace(query: str) -> int | None:
    """Offset of the '{' that opens the WHERE clause (after a CONSTRUCT template if any)."""
    seen_where = seen_construct = False
    for match in _TOKENS.finditer(query):
        kind = match.lastgroup
        if kind == "where":
            seen_where = True
        elif kind == "construct":
            seen_construct = True
        elif kind == "open" and (seen_where or not seen_construct):
            return match.start()
    return None


def run_query(dataset, query: str, *, bindings: dict[str, Identifier] | None = None,
              base_iri: str = DEFAULT_BASE_IRI) -> QueryResult:
    """Run a read-only query on an rdflib Dataset (default graph = union of all graphs)."""
    import rdflib.plugins.sparql
    from rdflib.plugins.sparql import prepareQuery

    rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False     # FROM <url> must never fetch the URL
    check_bindings(query, bindings)
    text, added = with_prefixes(read_only(query), base_iri)
    try:
        prepared = prepareQuery(text)
    except Exception as exc:
        raise QueryError(describe_syntax_error(exc, added)) from None
    try:
        result = dataset.query(prepared, initBindings=bindings or {})
    except MemoryError:                 # the machine's limit, not the query's fault: let it through
        raise
    except Exception as exc:
        raise QueryError(f"the query failed while running: {exc}") from None
    if result.type == "ASK":
        return QueryResult("ask", boolean=bool(result.askAnswer))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        graph = Graph()
        for prefix, iri in {**PREFIXES, "gkid": base_iri}.items():
            graph.bind(prefix, iri, override=True)
        for triple in result.graph:
            graph.add(triple)
        return QueryResult("graph", graph=graph)
    variables = [str(v) for v in result.vars]
    return QueryResult("select", variables, [tuple(row) for row in result])


# -- saved queries ---------------------------------------------------------
@dataclass(frozen=True)
class SavedQuery:
    name: str
    path: Path
    title: str
    text: str


def saved_queries(extra_dirs: tuple[str | Path, ...] = ()) -> dict[str, SavedQuery]:
    """Saved queries by name: the bundled ones, then users' folders (which may override)."""
    found: dict[str, SavedQuery] = {}
    for folder in (queries_dir(), *map(Path, extra_dirs)):
        if not folder.is_dir():
            raise QueryError(f"{folder}: no such folder of saved queries")
        for path in sorted(folder.glob("*.rq")):
            text = path.read_text(encoding="utf-8")
            title = next((line.lstrip("# ").strip() for line in text.splitlines() if line.startswith("#")), path.stem)
            found[path.stem] = SavedQuery(path.stem, path, title, text)
    return found


def saved_query(name: str, extra_dirs: tuple[str | Path, ...] = ()) -> SavedQuery:
    queries = saved_queries(extra_dirs)
    if name not in queries:
        raise QueryError(f"no saved query named {name!r}; known: {', '.join(sorted(queries))}")
    return queries[name]


def parse_binding(text: str, base_iri: str = DEFAULT_BASE_IRI) -> tuple[str, Identifier]:
    """``name=value``: ``<iri>`` or a prefixed name (``gk:sells``) becomes an IRI, anything else a plain literal."""
    if "=" not in text:
        raise QueryError(f"binding {text!r} must look like NAME=VALUE")
    name, value = text.split("=", 1)
    name = name.strip().lstrip("?$")
    if not re.fullmatch(r"\w+", name):
        raise QueryError(f"binding {text!r}: {name!r} is not a variable name")
    value = value.strip()
    if value.startswith("<") and value.endswith(">"):
        try:
            ox.NamedNode(value[1:-1])
        except ValueError:
            raise QueryError(f"binding {text!r}: {value} is not a valid IRI") from None
        return name, URIRef(value[1:-1])
    prefixed = re.fullmatch(r"([A-Za-z][\w.-]*):([\w./-]*)", value)
    known = {**PREFIXES, "gkid": base_iri}
    if prefixed and prefixed.group(1) in known:
        return name, URIRef(known[prefixed.group(1)] + prefixed.group(2))
    return name, Literal(value)


# -- output ----------------------------------------------------------------
def format_result(result: QueryResult, fmt: str = "table", *, width: int | None = None,
                  base_iri: str = DEFAULT_BASE_IRI) -> str:
    if fmt not in OUTPUT_FORMATS:
        raise QueryError(f"unknown output format {fmt!r}; use one of {', '.join(OUTPUT_FORMATS)}")
    if result.kind == "ask":
        return json.dumps({"head": {}, "boolean": result.boolean}) + "\n" if fmt == "json" else f"{str(result.boolean).lower()}\n"
    if result.kind == "graph":
        return graph_text(result, "json-ld" if fmt == "json" else "turtle", base_iri)
    if fmt == "json":
        return json.dumps(sparql_json(result), ensure_ascii=False, indent=1) + "\n"
    if fmt in ("csv", "tsv"):
        out = io.StringIO()
        writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(result.variables)
        for row in result.rows:
            writer.writerow([plain(v) for v in row])
        return out.getvalue()
    return table(result, width=width, base_iri=base_iri)


def write_result(result: QueryResult, fmt: str, out, *, width: int | None = None,
                 base_iri: str = DEFAULT_BASE_IRI) -> None:
    """Write the answer to ``out``; SELECT rows in csv, tsv and json are written as they come, never held.

    ``result.rows`` may then be any iterable (see ``run_sparql(..., stream=True)``). A table has to see
    every row to size its columns, so it is built in memory (``graphkit query --timeout`` bounds it).
    """
    if result.kind != "select" or fmt not in ("csv", "tsv", "json"):
        out.write(format_result(result, fmt, width=width, base_iri=base_iri))
        return
    if fmt == "json":
        out.write(json.dumps({"head": {"vars": result.variables}}, ensure_ascii=False)[:-1]
                  + ', "results": {"bindings": [')
        separator = "\n"
        for row in result.rows:
            binding = {var: json_term(v) for var, v in zip(result.variables, row, strict=True) if v is not None}
            out.write(separator + json.dumps(binding, ensure_ascii=False))
            separator = ",\n"
        out.write("\n]}}\n")
        return
    writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow([plain(v) for v in row])


def graph_text(result: QueryResult, fmt: str, base_iri: str = DEFAULT_BASE_IRI) -> str:
    """A CONSTRUCT/DESCRIBE answer as Turtle or JSON-LD text, from either engine."""
    if isinstance(result.graph, Graph):
        return result.graph.serialize(format=fmt)
    rdf_format = ox.RdfFormat.JSON_LD if fmt == "json-ld" else ox.RdfFormat.TURTLE
    return ox.serialize(result.graph, format=rdf_format, prefixes={**PREFIXES, "gkid": base_iri}).decode("utf-8")


def table(result: QueryResult, *, width: int | None = None, base_iri: str = DEFAULT_BASE_IRI) -> str:
    cells = [[short(v, base_iri).replace("\n", " ") for v in row] for row in result.rows]
    limit = max(12, (width or 10_000) // max(1, len(result.variables)) - 3)
    cells = [[c if len(c) <= limit else c[: limit - 1] + "…" for c in row] for row in cells]
    widths = [max([len(v)] + [len(row[i]) for row in cells]) for i, v in enumerate(result.variables)]
    lines = ["  ".join(v.ljust(w) for v, w in zip(result.variables, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    lines.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(lines) + "\n"


def json_term(term) -> dict:
    """One RDF term as the SPARQL 1.1 JSON results format writes it."""
    kind, value, language, datatype = term_parts(term)
    out = {"type": kind, "value": value}
    if language:
        out["xml:lang"] = language
    elif datatype:
        out["datatype"] = datatype
    return out


def sparql_json(result: QueryResult) -> dict:
    bindings = [{var: json_term(v) for var, v in zip(result.variables, row, strict=True) if v is not None} for row in result.rows]
    return {"head": {"vars": result.variables}, "results": {"bindings": bindings}}
