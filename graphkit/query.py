"""Run SPARQL over a graph and format the answers.

Queries see the union of all named graphs as their default graph. The
project's prefixes (gk:, gkid:, rdfs:, skos:, schema:, prov: …) are declared
for the query unless it declares them itself. Saved queries are ``.rq``
files run by name; values are passed as bindings, never pasted into text.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Identifier

from .errors import QueryError
from .resources import queries_dir
from .vocab import DEFAULT_BASE_IRI, PREFIXES

OUTPUT_FORMATS = ("table", "csv", "tsv", "json")
_DECLARED = re.compile(r"^\s*PREFIX\s+([A-Za-z][\w.-]*)?\s*:", re.I | re.M)
_UPDATE = re.compile(r"^\s*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.I | re.M)


@dataclass
class QueryResult:
    """A SELECT table, an ASK answer, or a CONSTRUCT/DESCRIBE graph."""

    kind: str                           # select, ask or graph
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Identifier | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None


def with_prefixes(query: str, base_iri: str = DEFAULT_BASE_IRI) -> tuple[str, int]:
    """The query with the project's missing PREFIX lines in front, and how many lines were added."""
    declared = {m.group(1) or "" for m in _DECLARED.finditer(_strip_comments(query))}
    known = {**PREFIXES, "gkid": base_iri}
    lines = [f"PREFIX {p}: <{iri}>" for p, iri in known.items() if p not in declared]
    return "\n".join(lines) + ("\n" if lines else "") + query, len(lines)


def _strip_comments(query: str) -> str:
    return re.sub(r"(?m)#[^\n<>]*$", "", query)


def check_read_only(query: str) -> None:
    if _UPDATE.search(_strip_comments(re.sub(r"(?s)'[^']*'|\"[^\"]*\"", "''", query))):
        raise QueryError("graphkit runs read-only queries; SPARQL Update (INSERT, DELETE, LOAD, CLEAR, DROP …) is refused")


def run_query(dataset, query: str, *, bindings: dict[str, Identifier] | None = None,
              base_iri: str = DEFAULT_BASE_IRI) -> QueryResult:
    """Run a read-only query on an rdflib Dataset (default graph = union of all graphs)."""
    from rdflib.plugins.sparql import prepareQuery

    check_read_only(query)
    text, added = with_prefixes(query, base_iri)
    try:
        prepared = prepareQuery(text)
    except Exception as exc:
        raise QueryError(describe_syntax_error(exc, added)) from None
    try:
        result = dataset.query(prepared, initBindings=bindings or {})
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


def describe_syntax_error(exc: Exception, added_lines: int) -> str:
    """One sentence with the line and column of a SPARQL syntax error in the user's text."""
    line = getattr(exc, "lineno", None)
    col = getattr(exc, "col", None)
    near = (getattr(exc, "line", "") or "").strip()
    if line is not None:
        where = f"line {max(1, line - added_lines)}, column {col}"
        return f"SPARQL syntax error at {where}" + (f", near {near[:60]!r}" if near else "")
    message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return f"SPARQL syntax error: {message[:200]}"


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


def parse_binding(text: str) -> tuple[str, Identifier]:
    """``name=value``: ``<iri>`` becomes an IRI, anything else a plain literal."""
    if "=" not in text:
        raise QueryError(f"binding {text!r} must look like NAME=VALUE")
    name, value = text.split("=", 1)
    name = name.strip().lstrip("?$")
    if not re.fullmatch(r"\w+", name):
        raise QueryError(f"binding {text!r}: {name!r} is not a variable name")
    value = value.strip()
    if value.startswith("<") and value.endswith(">"):
        return name, URIRef(value[1:-1])
    return name, Literal(value)


# -- output ----------------------------------------------------------------
def short(term: Identifier | None, base_iri: str = DEFAULT_BASE_IRI) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        iri = str(term)
        for prefix, ns in sorted({**PREFIXES, "gkid": base_iri}.items(), key=lambda kv: -len(kv[1])):
            if iri.startswith(ns) and re.fullmatch(r"[\w./-]*", iri[len(ns):]):
                return f"{prefix}:{iri[len(ns):]}"
        return f"<{iri}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def plain(term: Identifier | None) -> str:
    return "" if term is None else str(term)


def format_result(result: QueryResult, fmt: str = "table", *, width: int | None = None,
                  base_iri: str = DEFAULT_BASE_IRI) -> str:
    if fmt not in OUTPUT_FORMATS:
        raise QueryError(f"unknown output format {fmt!r}; use one of {', '.join(OUTPUT_FORMATS)}")
    if result.kind == "ask":
        return json.dumps({"head": {}, "boolean": result.boolean}) + "\n" if fmt == "json" else f"{str(result.boolean).lower()}\n"
    if result.kind == "graph":
        return result.graph.serialize(format="json-ld" if fmt == "json" else "turtle")
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


def table(result: QueryResult, *, width: int | None = None, base_iri: str = DEFAULT_BASE_IRI) -> str:
    cells = [[short(v, base_iri).replace("\n", " ") for v in row] for row in result.rows]
    limit = max(12, (width or 10_000) // max(1, len(result.variables)) - 3)
    cells = [[c if len(c) <= limit else c[: limit - 1] + "…" for c in row] for row in cells]
    widths = [max([len(v)] + [len(row[i]) for row in cells]) for i, v in enumerate(result.variables)]
    lines = ["  ".join(v.ljust(w) for v, w in zip(result.variables, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    lines.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(lines) + "\n"


def sparql_json(result: QueryResult) -> dict:
    def term(value):
        if isinstance(value, URIRef):
            return {"type": "uri", "value": str(value)}
        if isinstance(value, BNode):
            return {"type": "bnode", "value": str(value)}
        out = {"type": "literal", "value": str(value)}
        if value.language:
            out["xml:lang"] = value.language
        elif value.datatype:
            out["datatype"] = str(value.datatype)
        return out

    bindings = [{var: term(v) for var, v in zip(result.variables, row) if v is not None} for row in result.rows]
    return {"head": {"vars": result.variables}, "results": {"bindings": bindings}}
