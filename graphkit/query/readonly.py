"""Decide on the parsed query that it only reads: no SPARQL Update, no SERVICE.

Both engines graphkit runs (Oxigraph and rdflib) would call any URL a
``SERVICE`` clause names, from the user's machine. Scanning the text for the
word is not enough: comments, escapes and line endings read differently from
one parser to the next. So the text is first put in one canonical form that
every SPARQL parser reads the same way (codepoint escapes such as
``\\u0053`` expanded once, every line break a plain ``\\n``), then parsed with
rdflib's SPARQL parser, and the parse tree is searched for a SERVICE pattern
at any depth (subqueries, EXISTS, OPTIONAL, UNION …). The canonical text is
what the caller must run: the text checked is the text executed.

A canonical text in which the word "service" appears nowhere, in any case,
cannot hold a SERVICE clause, and is left to the engine's own parser (which
words syntax errors best and skips rdflib's parse, about 25 ms). A text that
does mention it and that rdflib's parser cannot read is refused as a syntax
error, so a disagreement between parsers can only ever refuse a query, never
let one through unchecked.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..errors import QueryError
from .syntax import describe_syntax_error

_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_LINE_BREAK = re.compile(r"\r\n?")
_UPDATE = re.compile(r"^\s*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.I | re.M)
_PROLOGUE = re.compile(r"^(\s*(PREFIX\s+[\w.-]*:\s*<[^>]*>|BASE\s*<[^>]*>))*", re.I)
_FORBIDDEN = {"ServiceGraphPattern": "SERVICE clauses are refused: graphkit answers from its own graph "
                                     "and calls no other endpoint"}


class UpdateRefused(QueryError):
    """A SPARQL Update (INSERT, DELETE, LOAD …) was sent where only queries are run."""


def canonical(text: str) -> str:
    """The query with codepoint escapes expanded and line breaks as ``\\n``; refused if an escape remains."""
    try:
        expanded = _CODEPOINT.sub(_codepoint, text)
    except ValueError:
        raise QueryError("the query has a \\u or \\U escape that names no character") from None
    if _CODEPOINT.search(expanded):
        raise QueryError("the query has an escape that writes another escape (\\u005C…); write the character itself")
    return _LINE_BREAK.sub("\n", expanded)


def _codepoint(match: re.Match) -> str:
    return chr(int(match.group(1) or match.group(2), 16))


def read_only(text: str) -> str:
    """The canonical text of a read-only query, ready to run; raises UpdateRefused or QueryError otherwise."""
    query = canonical(text)
    _check(query)
    return query


def mentions_service(query: str) -> bool:
    """Whether the keyword could be in the text at all, whatever the case (ASCII or Unicode folding)."""
    return "service" in query.casefold() or "SERVICE" in query.upper()


@lru_cache(maxsize=512)
def _check(query: str) -> None:
    if is_update(query):
        raise UpdateRefused("graphkit runs read-only queries; SPARQL Update "
                            "(INSERT, DELETE, LOAD, CLEAR, DROP …) is refused")
    if not mentions_service(query):
        return          # no SERVICE keyword anywhere, so no SERVICE clause: the engine's own parser reports errors
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        tree = parseQuery(query)
    except ParseBaseException as exc:
        raise QueryError(describe_syntax_error(exc, 0)) from None
    except RecursionError:
        raise QueryError("the query is nested too deeply to be checked") from None
    for name in _names(tree):
        if name in _FORBIDDEN:
            raise QueryError(_FORBIDDEN[name])


def _names(node):
    """Names of every parse-tree node, depth first, without recursion (deep nesting cannot overflow)."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            yield item.name
            stack.extend(item.values())
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, ParseResults)):
            stack.extend(item)


def is_update(text: str) -> bool:
    """True when the text reads as a SPARQL Update rather than a query (only used to word a refusal)."""
    bare = re.sub(r"(?m)#[^\n<>]*$", "", re.sub(r"(?s)'[^']*'|\"[^\"]*\"", "''", text))
    return bool(_UPDATE.search(bare) or _UPDATE.match(_PROLOGUE.sub("", bare)))
