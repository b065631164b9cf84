"""SPARQL over a graph: two engines, the checks every query passes, saved queries, answers.

    sparql.py     prefixes, bindings, rdflib's engine (run_query), saved .rq queries, output formats
    oxigraph.py   Oxigraph's engine on a store or a loaded file (run_sparql): what query and serve run
    readonly.py   the text run is canonical and read-only: no SPARQL Update, no SERVICE
    checks.py     bindings the query does not use, gk: terms the ontology does not define
    syntax.py     rdflib's syntax errors as one sentence with line and column
    deadline.py   run a query in a child process that is killed at its time limit (query --timeout)

Queries see the union of all named graphs as their default graph. The names
below are the API for other code; graphkit's own modules import from the
module that defines a name.
"""
from __future__ import annotations

from .oxigraph import run_sparql
from .readonly import UpdateRefused
from .sparql import QueryResult, SavedQuery, format_result, parse_binding, run_query, saved_queries, saved_query, write_result

__all__ = ["QueryResult", "SavedQuery", "UpdateRefused", "format_result", "parse_binding", "run_query", "run_sparql",
           "saved_queries", "saved_query", "write_result"]
