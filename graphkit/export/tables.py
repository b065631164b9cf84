"""Spreadsheet exports: a folder with nodes.csv and edges.csv."""
from __future__ import annotations

import csv
import io
from pathlib import Path

from ..errors import OutputError
from ..project import to_networkx
from .folders import write_folder_atomic


def csv_files(dataset) -> dict[str, bytes]:
    graph = to_networkx(dataset)
    nodes = io.StringIO()
    writer = csv.writer(nodes)
    writer.writerow(["id", "label", "type", "aliases", "wikidata", "articles"])
    for node, data in sorted(graph.nodes(data=True)):
        writer.writerow([node, data["label"], data["type"], "; ".join(data["names"]), data["wikidata"], len(data["articles"])])
    edges = io.StringIO()
    writer = csv.writer(edges)
    writer.writerow(["source", "source_label", "predicate", "target", "target_label", "support",
                     "evidence", "article", "url", "date", "confidence"])
    for s, o, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3]):
        for item in data["evidence"] or [{}]:
            writer.writerow([s, graph.nodes[s]["label"], key, o, graph.nodes[o]["label"], data["support"],
                             item.get("text", ""), item.get("article", ""), item.get("url", ""),
                             item.get("date", ""), item.get("confidence", "")])
    return {"nodes.csv": nodes.getvalue().encode("utf-8"), "edges.csv": edges.getvalue().encode("utf-8")}


def write_csv(dataset, path: Path) -> None:
    if path.exists() and not path.is_dir():
        raise OutputError(f"{path}: the csv export writes a folder, but a file of that name exists")
    write_folder_atomic(path, csv_files(dataset))
