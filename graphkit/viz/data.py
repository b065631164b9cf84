"""The page's data: vis-network nodes and edges (assembled with pyvis) and the details behind them.

Nodes and edges hold what vis-network draws; ``details`` holds what the
side panel shows (names, Wikidata id, articles, evidence), with each article
stored once and referred to by its index. Everything here is plain data:
the page shows it with ``textContent``, never as HTML.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict

import networkx as nx

from .prune import node_support
from .styles import type_label, type_order, type_style, words

SIZE_BY = ("connections", "support")


def network_data(graph: nx.MultiDiGraph, *, size_by: str = "connections",
                 positions: dict[str, tuple[int, int]] | None = None) -> dict:
    """``{"nodes": [...], "edges": [...], "details": {...}}`` for the page's data block.

    Edge labels and tooltips are left to the page, which adds them from ``details``.
    """
    from pyvis.network import Network

    net = Network(directed=True)
    articles = _ArticleIndex()
    _add_nodes(net, graph, size_by, positions)
    details_edges = _add_edges(net, graph, articles)
    details_nodes = {node: _node_details(graph.nodes[node], articles) for node in sorted(graph)}
    return {"nodes": net.nodes, "edges": net.edges,
            "details": {"nodes": details_nodes, "edges": details_edges, "articles": articles.items}}


def _add_nodes(net, graph: nx.MultiDiGraph, size_by: str, positions) -> None:
    weights = {n: graph.degree(n) if size_by == "connections" else node_support(graph, n) for n in graph}
    heaviest = max(weights.values(), default=0) or 1
    for node in sorted(graph):
        data = graph.nodes[node]
        share = math.sqrt(weights[node] / heaviest)
        where = {"x": positions[node][0], "y": positions[node][1]} if positions else {}
        net.add_node(node, label=data.get("label") or node, group=data.get("type", ""), shape=_shape(data),
                     size=round(8 + 22 * share, 1), **where)


def _add_edges(net, graph: nx.MultiDiGraph, articles: "_ArticleIndex") -> dict[str, dict]:
    edge_list = sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2]))
    curves = _parallel_curves(edge_list)
    details = {}
    for index, (s, o, key, data) in enumerate(edge_list):
        edge_id = f"e{index}"
        support = data.get("support", 0)
        extra = {"smooth": curves[index]} if index in curves else {}
        if data.get("from_query"):
            extra["dashes"] = True
        net.add_edge(s, o, id=edge_id, width=round(1 + 1.6 * math.log2(max(1, support)), 1), **extra)
        net.edges[-1].pop("arrows")     # pyvis marks each edge; the page sets arrows for all (late on large graphs)
        details[edge_id] = {
            "predicate": key, "label": words(key), "support": support, "articles": data.get("article_count", 0),
            "evidence": [_evidence(item, articles) for item in data.get("evidence", [])],
        }
        if data.get("from_query"):
            details[edge_id]["fromQuery"] = True
    return details


def _shape(data: dict) -> str:
    return type_style(data.get("type", ""))["shape"]


def _parallel_curves(edge_list) -> dict[int, dict]:
    """Curves for edges that share their two ends, so that they do not hide one another."""
    pairs = defaultdict(list)
    for index, (s, o, *_rest) in enumerate(edge_list):
        pairs[tuple(sorted((s, o)))].append(index)
    curves = {}
    for indexes in pairs.values():
        if len(indexes) > 1:
            for k, index in enumerate(indexes):
                curves[index] = {"enabled": True, "type": "curvedCW", "roundness": round(0.12 + 0.14 * k, 2)}
    return curves


def _node_details(data: dict, articles: "_ArticleIndex") -> dict:
    wikidata = data.get("wikidata", "")
    return {
        "label": data.get("label", ""), "type": data.get("type", ""),
        "typeLabel": type_label(data.get("type", "entity")),
        "names": list(data.get("names", [])),
        "wikidata": wikidata if re.fullmatch(r"Q\d+", wikidata or "") else "",
        "articles": [articles.add(a) for a in data.get("articles", [])],
    }


def _evidence(item: dict, articles: "_ArticleIndex") -> dict:
    article = articles.add({"iri": item.get("article", ""), "title": item.get("title", ""),
                            "url": item.get("url", ""), "date": item.get("date", ""), "outlet": item.get("outlet", "")})
    found = {"text": item.get("text", ""), "article": article, "confidence": item.get("confidence")}
    if item.get("amount"):
        found["amount"], found["currency"] = item["amount"], item.get("currency", "")
    return found


class _ArticleIndex:
    """Each article once; evidence and nodes refer to it by position."""

    def __init__(self):
        self.items: list[dict] = []
        self._index: dict[str, int] = {}

    def add(self, article: dict) -> int:
        iri = article.get("iri", "")
        if iri not in self._index:
            self._index[iri] = len(self.items)
            self.items.append({k: article.get(k, "") for k in ("iri", "title", "url", "date", "outlet", "source")})
        elif not self.items[self._index[iri]]["source"] and article.get("source"):
            self.items[self._index[iri]]["source"] = article["source"]
        return self._index[iri]


def legend(graph: nx.MultiDiGraph) -> dict:
    """Counts per entity type and per predicate, in display order, for the filters."""
    types = defaultdict(int)
    for _, data in graph.nodes(data=True):
        types[data.get("type", "")] += 1
    predicates = defaultdict(int)
    for *_, key in graph.edges(keys=True):
        predicates[key] += 1
    return {
        "types": [{"name": t, "label": type_label(t or "unknown"), "count": types[t]} for t in type_order(types)],
        "predicates": [{"name": p, "label": words(p), "count": c}
                       for p, c in sorted(predicates.items(), key=lambda kv: (-kv[1], kv[0]))],
        "max_support": max((d.get("support", 0) for *_, d in graph.edges(data=True)), default=0),
        "min_support": min((d.get("support", 0) for *_, d in graph.edges(data=True)), default=0),
    }
