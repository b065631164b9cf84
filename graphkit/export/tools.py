"""Exports for graph tools: GraphML and GEXF (Gephi, Cytoscape, yEd) and Cytoscape.js JSON.

All three start from the networkx projection (graphkit.graph.project): one node per
entity, one edge per asserted relation. Nodes carry label, type, aliases,
Wikidata id and the number of articles that mention them; edges carry the
predicate, the number of statements that support them and every piece of
evidence. GraphML and GEXF attributes must be scalars, so the evidence lists
are written one item per line, in the same order in every column (the first
line of ``evidence`` comes from the first line of ``articles``, ``urls`` and
``dates``); a line break inside a sentence becomes a space. Cytoscape.js JSON
keeps real lists, with the text as it is.
"""
from __future__ import annotations

import io
import json
import re
from pathlib import Path

import networkx as nx

from ..graph.files import write_atomic
from ..graph.project import to_networkx

LINE = "\n"
LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")


def write_graphml(dataset, path: Path) -> None:
    buffer = io.BytesIO()
    nx.write_graphml(flat_graph(dataset), buffer, encoding="utf-8")
    write_atomic(path, buffer.getvalue())


def write_gexf(dataset, path: Path) -> None:
    buffer = io.BytesIO()
    nx.write_gexf(flat_graph(dataset), buffer, encoding="utf-8")
    write_atomic(path, buffer.getvalue())


def write_cytoscape(dataset, path: Path) -> None:
    text = json.dumps(cytoscape_json(dataset), ensure_ascii=False, indent=1, sort_keys=True)
    write_atomic(path, (text + "\n").encode("utf-8"))


def edge_id(source: str, predicate: str, target: str) -> str:
    return f"{source} {predicate} {target}"


def evidence_columns(evidence: list[dict]) -> dict[str, list[str]]:
    """The evidence of one edge as parallel lists: sentences, article IRIs, urls, dates, outlets and the
    money each sentence states (an empty line where it states none)."""
    return {
        "evidence": [e["text"] for e in evidence],
        "articles": [e["article"] for e in evidence],
        "urls": [e["url"] for e in evidence],
        "dates": [e["date"] for e in evidence],
        "outlets": [e["outlet"] for e in evidence],
        "amounts": [e["amount"] for e in evidence],
        "currencies": [e["currency"] for e in evidence],
    }


def one_per_line(values: list[str]) -> str:
    return LINE.join(LINE_BREAKS.sub(" ", value) for value in values)


def flat_graph(dataset) -> nx.MultiDiGraph:
    """The projection with only scalar attributes, as GraphML and GEXF require.

    Edge ids are ``e0``, ``e1``… in a stable order: GraphML and GEXF need them
    unique, and Gephi merges edges that share one.
    """
    source = to_networkx(dataset)
    flat = nx.MultiDiGraph()
    for node, data in sorted(source.nodes(data=True)):
        flat.add_node(node, label=data["label"], type=data["type"], aliases=one_per_line(data["names"]),
                      wikidata=data["wikidata"], article_count=len(data["articles"]))
    edges = sorted(source.edges(keys=True, data=True), key=lambda e: e[:3])
    for number, (s, o, key, data) in enumerate(edges):
        columns = {name: one_per_line(values) for name, values in evidence_columns(data["evidence"]).items()}
        flat.add_edge(s, o, key=f"e{number}", label=key, predicate=key,
                      support=data["support"], article_count=data["article_count"], **columns)
    return flat


def cytoscape_json(dataset) -> dict:
    """Cytoscape.js elements; ``name`` and ``interaction`` are the columns Cytoscape desktop shows."""
    source = to_networkx(dataset)
    nodes = [{"data": {"id": node, "name": data["label"], "label": data["label"], "type": data["type"],
                       "aliases": data["names"], "wikidata": data["wikidata"],
                       "articles": [a["iri"] for a in data["articles"]]}}
             for node, data in sorted(source.nodes(data=True))]
    edges = [{"data": {"id": edge_id(s, key, o), "source": s, "target": o, "interaction": key, "predicate": key,
                       "support": data["support"], "article_count": data["article_count"],
                       **evidence_columns(data["evidence"])}}
             for s, o, key, data in sorted(source.edges(keys=True, data=True), key=lambda e: e[:3])]
    return {"format_version": "1.0", "generated_by": "graphkit", "target_cytoscapejs_version": "~3",
            "data": {"name": "graphkit"}, "elements": {"nodes": nodes, "edges": edges}}
