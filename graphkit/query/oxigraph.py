"""SPARQL on an Oxigraph store (:class:`~graphkit.graph.store.GraphStore`): what ``query`` and ``serve`` run.

    run_sparql(graph, query)    -> QueryResult (pyoxigraph terms), rows as a list or streamed
    execute(graph, query)       the raw pyoxigraph answer, for the SPARQL 1.1 Protocol's own formats
    read_answer(answer)         its items, an error met while reading them a QueryError

The text run is the text checked: canonical, read-only (no Update, no
SERVICE), with bound values joined as a VALUES block. The store's default
graph is the union of its named graphs (see :mod:`graphkit.graph.store`).
"""
from __future__ import annotations

import re
from collections.abc import Iterator

import pyoxigraph as ox

from ..errors import QueryError, first_line
from ..graph.store import GraphStore, to_oxigraph
from ..graph.vocab import DEFAULT_BASE_IRI, PREFIXES
from .readonly import canonical, read_only
from .sparql import QueryResult, with_values

_SYNTAX_POSITION = re.compile(r"error at (\d+):(\d+):?\s*(.*)", re.S)


def run_sparql(graph: GraphStore, query: str, *, bindings: dict | None = None,
               base_iri: str = DEFAULT_BASE_IRI, default_graphs: list[str] | None = None,
               named_graphs: list[str] | None = None, stream: bool = False) -> QueryResult:
    """Run a read-only query; rows and triples come back as pyoxigraph terms.

    ``stream``: a SELECT's rows are an iterator read as they are consumed, not a list.
    """
    answer = execute(graph, query, bindings=bindings, base_iri=base_iri,
                     default_graphs=default_graphs, named_graphs=named_graphs)
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(answer))
    if isinstance(answer, ox.QueryTriples):
        return QueryResult("graph", graph=list(read_answer(answer)))
    variables = [v.value for v in answer.variables]
    rows = (tuple(solution) for solution in read_answer(answer))
    return QueryResult("select", variables, rows if stream else list(rows))


def read_answer(answer) -> Iterator:
    """The items of an Oxigraph answer; an error met while reading them becomes a QueryError."""
    try:
        yield from answer
    except (RuntimeError, OSError, ValueError, SyntaxError) as exc:
        raise QueryError(f"the query failed while its results were read: {first_line(exc)}") from None


def execute(graph: GraphStore, query: str, *, bindings: dict | None = None, base_iri: str = DEFAULT_BASE_IRI,
            default_graphs: list[str] | None = None, named_graphs: list[str] | None = None,
            query_base: str | None = None):
    """The raw pyoxigraph answer (QuerySolutions, QueryTriples or QueryBoolean), not yet read.

    ``default_graphs`` and ``named_graphs`` are the dataset of a SPARQL 1.1 Protocol request: given
    either, they replace the query's own FROM and FROM NAMED, the one left out being empty (Protocol
    §2.1.4). ``query_base`` resolves relative IRIs in the query (``serve`` gives its own URL).
    """
    # the text run is the very text checked: canonical, with the bound values in place
    text = read_only(with_values(canonical(query), {name: to_oxigraph(value) for name, value in (bindings or {}).items()}))
    options = {"prefixes": {**PREFIXES, "gkid": base_iri}}
    if query_base:
        options["base_iri"] = query_base
    if default_graphs or named_graphs:
        options["default_graph"] = [ox.NamedNode(iri) for iri in default_graphs or ()]
        options["named_graphs"] = [ox.NamedNode(iri) for iri in named_graphs or ()]
    else:
        options["use_default_graph_as_union"] = not graph.union_in_default
    try:
        return graph.store.query(text, **options)
    except SyntaxError as exc:
        raise QueryError(describe_syntax_error(exc, text)) from None
    except (ValueError, OSError) as exc:
        raise QueryError(f"the query failed while running: {first_line(exc)}") from None


def describe_syntax_error(exc: SyntaxError, query: str) -> str:
    """One sentence with the line and column of an Oxigraph syntax error in the user's text."""
    found = _SYNTAX_POSITION.search(str(exc))
    if not found:
        return f"SPARQL syntax error: {first_line(exc)}"
    line, column, detail = int(found.group(1)), int(found.group(2)), found.group(3)
    lines = query.splitlines()
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    near = text[max(0, column - 1):][:40].strip() or text.strip()[-40:]     # Oxigraph may point past the line's end
    if "Prefix not found" in detail:
        name = re.search(r"([A-Za-z][\w.-]*)?:[\w.-]*$", text[:max(0, column - 1)])
        detail = f"undeclared prefix {name.group(1) or ''}:" if name else "undeclared prefix"
        near = name.group(0) if name else near
    else:
        detail = detail.split("[", 1)[0].splitlines()[0].strip(" ,") if detail else ""
    where = f"SPARQL syntax error at line {line}, column {column}"
    return where + (f" near {near!r}" if near else "") + (f": {detail}" if detail else "")
