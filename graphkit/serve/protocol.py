"""Read a SPARQL 1.1 Protocol request: where the query is, which graphs, which format.

* ``GET /sparql?query=…``
* ``POST /sparql`` with ``application/x-www-form-urlencoded`` (``query=…``)
* ``POST /sparql`` with ``application/sparql-query`` (the body is the query)

``default-graph-uri`` and ``named-graph-uri`` may be repeated; ``format``
(or ``output``, ``results``) names a result format as an alternative to the
Accept header. Updates (``update=…`` or ``application/sparql-update``) are
refused: the endpoint is read-only.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qs

MAX_BODY = 1 << 20          # bytes: a query is text; anything larger is refused
READ_ONLY = "this endpoint is read-only: SPARQL Update is refused"


class ProtocolError(Exception):
    def __init__(self, status: int, message: str):
        self.status = status
        super().__init__(message)


@dataclass
class SparqlRequest:
    query: str | None                   # None: no query, answer with the service description
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)
    requested: str = ""


def read_request(method: str, url_query: str, content_type: str, body: bytes) -> SparqlRequest:
    params = _params(url_query)
    media = content_type.split(";", 1)[0].strip().lower()
    if method == "POST":
        if media == "application/x-www-form-urlencoded":
            for name, values in _params(_text(body)).items():
                params.setdefault(name, []).extend(values)
        elif media == "application/sparql-query":
            if "query" in params:
                raise ProtocolError(400, "send the query either in the body or as a query parameter, not both")
            params["query"] = [_text(body)]
        elif media == "application/sparql-update":
            raise ProtocolError(403, READ_ONLY)
        else:
            raise ProtocolError(415, "POST a query as application/x-www-form-urlencoded or application/sparql-query")
    if "update" in params:
        raise ProtocolError(403, READ_ONLY)
    queries = params.get("query", [])
    if len(queries) > 1:
        raise ProtocolError(400, "give exactly one query parameter")
    if method == "POST" and not queries:
        raise ProtocolError(400, "the request has no query")
    query = queries[0] if queries else None
    if query is not None and not query.strip():
        raise ProtocolError(400, "the query is empty")
    requested = next((params[name][0] for name in ("format", "output", "results") if params.get(name)), "")
    return SparqlRequest(query, params.get("default-graph-uri", []), params.get("named-graph-uri", []), requested)


def _params(text: str) -> dict[str, list[str]]:
    try:
        return parse_qs(text, keep_blank_values=True, strict_parsing=False, errors="strict")
    except (UnicodeDecodeError, ValueError):
        raise ProtocolError(400, "the request parameters are not valid UTF-8") from None


def _text(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise ProtocolError(400, "the request body is not valid UTF-8") from None
