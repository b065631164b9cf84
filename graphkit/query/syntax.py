"""A syntax error of rdflib's SPARQL parser told as one sentence with its line and column.

Both :func:`graphkit.query.sparql.run_query` (rdflib's engine) and the
read-only check (:mod:`graphkit.query.readonly`) parse with rdflib; Oxigraph's
errors are worded by :mod:`graphkit.query.oxigraph`.
"""
from __future__ import annotations


def describe_syntax_error(exc: Exception, added_lines: int) -> str:
    """One sentence with the line and column of a SPARQL syntax error in the user's text."""
    line = getattr(exc, "lineno", None)
    col = getattr(exc, "col", None)
    near = (getattr(exc, "line", "") or "").strip()
    if line is not None:
        where = f"line {max(1, line - added_lines)}, column {col}"
        return f"SPARQL syntax error at {where}" + (f" near {near[:60]!r}" if near else "")
    message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return f"SPARQL syntax error: {message[:200]}"
