"""Random graphs shaped like graphkit's projection, for benchmarks and large-graph tests.

Nodes and edges carry the attributes :func:`graphkit.graph.project.to_networkx`
gives them (label, type, names, wikidata, articles; predicate, evidence,
support, article_count; ``graph.graph["articles"]``), so the page cannot
tell them from a built graph.
The degree distribution is heavy-tailed, as in news graphs: a few
companies and agencies in most stories, a long tail mentioned once.
"""
from __future__ import annotations

import random

import networkx as nx

from ..model import ENTITY_TYPES, PREDICATES

_BASE = "https://w3id.org/graphkit/id/"


def random_graph(nodes: int, *, edges_per_node: int = 2, isolated: float = 0.1, seed: int = 1) -> nx.MultiDiGraph:
    """A graph of ``nodes`` entities; about ``edges_per_node`` relations each, ``isolated`` share with none."""
    rng = random.Random(seed)
    articles = [_article(i) for i in range(max(1, nodes // 4))]
    connected = max(edges_per_node + 1, round(nodes * (1 - isolated)))
    skeleton = nx.barabasi_albert_graph(connected, edges_per_node, seed=seed)
    graph = nx.MultiDiGraph(articles=articles)
    for i in range(nodes):
        entity_type = rng.choice(ENTITY_TYPES)
        graph.add_node(f"{_BASE}entity/{i}", label=f"{entity_type} {i}", type=entity_type,
                       names=[f"E{i}"] if i % 7 == 0 else [], wikidata=f"Q{100000 + i}" if i % 5 == 0 else "",
                       articles=rng.sample(articles, k=min(len(articles), 1 + i % 3)))
    for a, b in skeleton.edges():
        s, o = (a, b) if rng.random() < 0.5 else (b, a)
        predicate = rng.choice(PREDICATES)
        support = min(6, 1 + int(rng.expovariate(1.2)))
        evidence = [_evidence(rng, articles, s, predicate, o, j) for j in range(support)]
        graph.add_edge(f"{_BASE}entity/{s}", f"{_BASE}entity/{o}", key=predicate, predicate=predicate,
                       evidence=evidence, support=support, article_count=len({e["article"] for e in evidence}))
    return graph


def _article(i: int) -> dict:
    return {"iri": f"{_BASE}article/{i}", "title": f"Article {i} about technology and accountability",
            "url": f"https://news.example/{2020 + i % 5}/story-{i}", "date": f"{2020 + i % 5}-0{1 + i % 9}-1{i % 10}",
            "outlet": f"Outlet {i % 4}", "source": f"articles/story-{i}.txt"}


def _evidence(rng: random.Random, articles: list[dict], s: int, predicate: str, o: int, j: int) -> dict:
    article = rng.choice(articles)
    text = f"Entity {s} {predicate} entity {o}, according to the report (mention {j + 1})."
    money = predicate in ("fines", "sellsTo") and j == 0
    return {"text": text, "article": article["iri"], "title": article["title"], "url": article["url"],
            "date": article["date"], "outlet": article["outlet"], "amount": f"{(s + 1) * 250000}" if money else "",
            "currency": "EUR" if money else "", "start": 100 * j, "end": 100 * j + len(text),
            "statement": f"{_BASE}statement/{s}-{predicate}-{o}-{j}", "confidence": 0.8, "method": "graphkit.verb.v1"}
