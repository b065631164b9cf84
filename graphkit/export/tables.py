"""Spreadsheet exports: a folder with nodes.csv and edges.csv.

``nodes.csv`` has one row per entity. ``edges.csv`` has one row per piece of
evidence: a relation stated in three articles takes three rows, each with its
sentence and source, and ``support`` (repeated on each row) says how many
there are. A relation without recorded evidence still gets one row. ``amount``
and ``currency`` hold the money a sentence states (a fine, a settlement, a
contract's value), as a plain decimal and an ISO 4217 code.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

from ..graph.project import to_networkx
from .folders import write_folder_atomic

NODE_COLUMNS = ["id", "label", "type", "aliases", "wikidata", "article_count", "articles"]
EVIDENCE_FIELDS = {"evidence": "text", "article": "article", "title": "title", "url": "url", "date": "date",
                   "outlet": "outlet", "amount": "amount", "currency": "currency", "confidence": "confidence",
                   "start": "start", "end": "end", "method": "method"}
EDGE_COLUMNS = ["source", "source_label", "predicate", "target", "target_label", "support", *EVIDENCE_FIELDS]


def write_csv(dataset, path: Path) -> None:
    write_folder_atomic(path, csv_files(dataset))


def csv_files(dataset) -> dict[str, bytes]:
    graph = to_networkx(dataset)
    return {"nodes.csv": table(NODE_COLUMNS, node_rows(graph)), "edges.csv": table(EDGE_COLUMNS, edge_rows(graph))}


def node_rows(graph):
    for node, data in sorted(graph.nodes(data=True)):
        yield [node, data["label"], data["type"], "; ".join(data["names"]), data["wikidata"],
               len(data["articles"]), " ".join(a["iri"] for a in data["articles"])]


def edge_rows(graph):
    for s, o, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3]):
        head = [s, graph.nodes[s]["label"], key, o, graph.nodes[o]["label"], data["support"]]
        for item in data["evidence"] or [{}]:
            yield head + [item.get(field, "") for field in EVIDENCE_FIELDS.values()]


def table(columns: list[str], rows) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")
