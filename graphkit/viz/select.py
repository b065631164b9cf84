"""Choose the part of a graph to draw: by entity type, predicate, support, and around named entities.

Every function takes the networkx projection of :mod:`graphkit.graph.project` and
returns a new graph (node and edge attributes are shared, not copied).
"""
from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from ..errors import GraphkitError


class VizError(GraphkitError):
    """The requested view cannot be drawn (an unknown name, type or predicate, an empty selection)."""


def parse_choices(values: Iterable[str], allowed: Iterable[str], what: str) -> tuple[str, ...]:
    """Comma-separated names matched case-insensitively against the allowed ones."""
    known = {name.lower(): name for name in allowed}
    chosen = []
    for value in values:
        for part in filter(None, (p.strip() for p in value.split(","))):
            if part.lower() not in known:
                raise VizError(f"unknown {what} {part!r}; use one of {', '.join(sorted(known.values()))}")
            if known[part.lower()] not in chosen:
                chosen.append(known[part.lower()])
    return tuple(chosen)


def find_entities(graph: nx.MultiDiGraph, name: str) -> list[str]:
    """Entities whose IRI, IRI path, label or other name is ``name`` (case-insensitive)."""
    wanted = name.strip().casefold()
    found = []
    for node, data in graph.nodes(data=True):
        names = [data.get("label", ""), *data.get("names", ())]
        iri = node.casefold()
        if iri == wanted or iri.endswith("/" + wanted) or any(n.casefold() == wanted for n in names):
            found.append(node)
    if not found:
        raise VizError(f"no entity named {name!r} in the graph" + _suggestions(graph, name))
    return sorted(found)


def _suggestions(graph: nx.MultiDiGraph, name: str) -> str:
    from rapidfuzz import fuzz, process

    labels = sorted({d.get("label", n) for n, d in graph.nodes(data=True)})
    close = [label for label, score, _ in process.extract(name, labels, scorer=fuzz.WRatio, limit=4) if score >= 60]
    return f"; did you mean {', '.join(close)}?" if close else ""


def restrict(graph: nx.MultiDiGraph, *, types: tuple[str, ...] = (), predicates: tuple[str, ...] = (),
             min_support: int = 0) -> nx.MultiDiGraph:
    """Keep the given entity types, predicates and relations stated at least ``min_support`` times.

    When predicates or a minimum support are given, entities left without any
    relation are dropped too: the user asked to see relations.
    """
    kept = nx.MultiDiGraph()
    kept.add_nodes_from((n, d) for n, d in graph.nodes(data=True) if not types or d.get("type") in types)
    for s, o, key, data in graph.edges(keys=True, data=True):
        if s in kept and o in kept and (not predicates or key in predicates) and data.get("support", 0) >= min_support:
            kept.add_edge(s, o, key=key, **data)
    if predicates or min_support:
        kept.remove_nodes_from([n for n in list(kept) if kept.degree(n) == 0])
    return kept


def neighbourhood(graph: nx.MultiDiGraph, centres: Iterable[str], depth: int) -> nx.MultiDiGraph:
    """The centres and every entity at most ``depth`` relations away, in either direction."""
    if depth < 0:
        raise VizError(f"--depth must be 0 or more, not {depth}")
    either_way = graph.to_undirected(as_view=True)
    nodes: set[str] = set()
    for centre in centres:
        nodes |= set(nx.single_source_shortest_path_length(either_way, centre, cutoff=depth))
    return graph.subgraph(nodes).copy()
