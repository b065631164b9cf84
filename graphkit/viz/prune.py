"""Keep a large graph drawable: cap the entities and relations, and say what was left out.

Entities are ranked by connections (distinct relations), then by support
(evidence sentences over those relations); relations by support. The caps
keep the best-ranked ones. The defaults are the sizes measured to stay
responsive in a browser (see bench/bench_viz.py).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

DEFAULT_MAX_NODES = 5000
DEFAULT_MAX_EDGES = 15000


@dataclass(frozen=True)
class LeftOut:
    """What a capped drawing leaves out of the selected graph."""

    nodes: int              # entities in the selection
    edges: int              # relations in the selection
    kept_nodes: int
    kept_edges: int
    max_connections: int    # most connections of any entity left out
    examples: list[str] = field(default_factory=list)   # labels of the best-ranked entities left out

    @property
    def dropped_nodes(self) -> int:
        return self.nodes - self.kept_nodes

    @property
    def dropped_edges(self) -> int:
        return self.edges - self.kept_edges


def node_support(graph: nx.MultiDiGraph, node: str) -> int:
    """Evidence sentences over all of a node's relations."""
    return sum(d.get("support", 0) for *_, d in graph.in_edges(node, data=True)) + \
        sum(d.get("support", 0) for *_, d in graph.out_edges(node, data=True))


def ranked_nodes(graph: nx.MultiDiGraph) -> list[str]:
    """Nodes from most to least connected; ties go to support, then to the IRI."""
    return sorted(graph, key=lambda n: (-graph.degree(n), -node_support(graph, n), n))


def ranked_edges(graph: nx.MultiDiGraph) -> list[tuple[str, str, str]]:
    edges = graph.edges(keys=True, data=True)
    order = sorted(edges, key=lambda e: (-e[3].get("support", 0), -e[3].get("article_count", 0), e[0], e[2], e[1]))
    return [(s, o, k) for s, o, k, _ in order]


def prune(graph: nx.MultiDiGraph, *, max_nodes: int = DEFAULT_MAX_NODES,
          max_edges: int = DEFAULT_MAX_EDGES) -> tuple[nx.MultiDiGraph, LeftOut | None]:
    """The graph itself when within the caps, else its best-ranked part and what was left out."""
    if graph.number_of_nodes() <= max_nodes and graph.number_of_edges() <= max_edges:
        return graph, None
    ranking = ranked_nodes(graph)
    kept_nodes, dropped = ranking[:max_nodes], ranking[max_nodes:]
    inner = graph.subgraph(kept_nodes)
    kept = nx.MultiDiGraph()
    kept.add_nodes_from((n, graph.nodes[n]) for n in sorted(kept_nodes))
    for s, o, k in ranked_edges(inner)[:max_edges]:
        kept.add_edge(s, o, key=k, **graph.edges[s, o, k])
    report = LeftOut(
        nodes=graph.number_of_nodes(), edges=graph.number_of_edges(),
        kept_nodes=kept.number_of_nodes(), kept_edges=kept.number_of_edges(),
        max_connections=graph.degree(dropped[0]) if dropped else 0,
        examples=[graph.nodes[n].get("label", n) for n in dropped[:5]],
    )
    return kept, report
