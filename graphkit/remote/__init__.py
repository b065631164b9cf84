"""graphkit and SPARQL servers: push a graph, read one back, send queries.

* :func:`push` writes a graph into a server through the SPARQL 1.1 Graph
  Store HTTP Protocol, one PUT per named graph (each article's graph and the
  entities graph), so pushing again replaces those graphs rather than
  duplicating them, and a push cut short is repaired by pushing again.
* :func:`read_endpoint` reads graphkit's graphs from a SPARQL 1.1 Protocol
  endpoint into an rdflib Dataset, in pages a server's result cap allows,
  checking that every page came back whole.
* :func:`query_endpoint` sends a read-only query to the endpoint itself.

Any failure (unreachable server, refused write, dropped connection, a
server error) raises :class:`EndpointError` with one sentence.
"""
from __future__ import annotations

from .http import EndpointError, ServerAuth, auth_from_environment
from .push import PushReport, push
from .read import query_endpoint, read_endpoint

__all__ = ["EndpointError", "PushReport", "ServerAuth", "auth_from_environment", "push", "query_endpoint",
           "read_endpoint"]
