"""Graph-tool exports (GraphML) from the networkx projection."""
from __future__ import annotations

import io
from pathlib import Path

import networkx as nx

from ..project import to_networkx
from ..rdfio import write_atomic


def flat_graph(dataset) -> nx.MultiDiGraph:
    """The projection with only scalar attributes, as GraphML and GEXF require."""
    source = to_networkx(dataset)
    flat = nx.MultiDiGraph()
    for node, data in source.nodes(data=True):
        flat.add_node(node, label=data["label"], type=data["type"], aliases="; ".join(data["names"]),
                      wikidata=data["wikidata"], articles=len(data["articles"]))
    for s, o, key, data in source.edges(keys=True, data=True):
        evidence = data["evidence"]
        flat.add_edge(s, o, key=key, predicate=key, support=data["support"],
                      evidence=" | ".join(e["text"] for e in evidence),
                      sources=" | ".join(e["url"] or e["article"] for e in evidence))
    return flat


def write_graphml(dataset, path: Path) -> None:
    buffer = io.BytesIO()
    nx.write_graphml(flat_graph(dataset), buffer, encoding="utf-8")
    write_atomic(path, buffer.getvalue())
