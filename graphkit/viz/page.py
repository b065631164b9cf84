"""Render a networkx projection of the graph as one self-contained HTML page.

pyvis assembles the nodes and edges; graphkit's own Jinja template (with
autoescaping) inlines vis-network, so the page fetches nothing and runs
offline. Article text reaches the page only as JSON data inside a
non-executable script block and is shown with ``textContent``: nothing from
an article is ever parsed as HTML.
"""
from __future__ import annotations

import base64
import hashlib
import json
from importlib.resources import files
from pathlib import Path

import networkx as nx
from jinja2 import Environment, PackageLoader, select_autoescape

from ..rdfio import write_atomic

TYPE_STYLES = {
    "Company": {"color": "#e4572e", "shape": "dot"},
    "GovernmentAgency": {"color": "#2e86ab", "shape": "square"},
    "AdvocacyGroup": {"color": "#3bb273", "shape": "triangle"},
    "Person": {"color": "#f3a712", "shape": "diamond"},
    "Technology": {"color": "#8e5ea2", "shape": "hexagon"},
    "Product": {"color": "#c73e98", "shape": "star"},
    "Location": {"color": "#7a7a7a", "shape": "triangleDown"},
    "Legislation": {"color": "#5b6ee1", "shape": "box"},
}


def _vis_assets() -> tuple[str, str]:
    lib = Path(str(files("pyvis"))) / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), (lib / "vis-network.css").read_text(encoding="utf-8")


def _own_asset(name: str) -> str:
    return (Path(__file__).parent / "static" / name).read_text(encoding="utf-8")


def network_data(graph: nx.MultiDiGraph) -> dict:
    """Nodes and edges as vis-network wants them, assembled with pyvis."""
    from pyvis.network import Network

    net = Network(directed=True)
    degree = dict(graph.degree())
    for node, data in sorted(graph.nodes(data=True)):
        style = TYPE_STYLES.get(data.get("type", ""), {"color": "#999999", "shape": "dot"})
        net.add_node(node, label=data.get("label", node), color=style["color"], shape=style["shape"],
                     size=10 + 4 * min(degree.get(node, 0), 10), group=data.get("type", ""),
                     title=_node_title(data))
    for s, o, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        net.add_edge(s, o, label=key, title=_edge_title(data), width=1 + min(data.get("support", 1), 8) * 0.5,
                     arrows="to", id=f"{s}|{key}|{o}")
    details = {
        "nodes": {n: {"label": d.get("label", n), "type": d.get("type", ""), "names": d.get("names", []),
                      "wikidata": d.get("wikidata", ""), "articles": d.get("articles", [])}
                  for n, d in graph.nodes(data=True)},
        "edges": {f"{s}|{k}|{o}": {"from": s, "to": o, "predicate": k, "support": d.get("support", 1),
                                   "evidence": d.get("evidence", [])}
                  for s, o, k, d in graph.edges(keys=True, data=True)},
    }
    return {"nodes": net.nodes, "edges": net.edges, "details": details}


def _node_title(data: dict) -> str:
    names = ", ".join(data.get("names", []))
    return f"{data.get('label', '')} ({data.get('type', '')})" + (f"\nalso: {names}" if names else "")


def _edge_title(data: dict) -> str:
    lines = [data.get("predicate", "")]
    for item in data.get("evidence", [])[:3]:
        source = item.get("url") or item.get("title") or item.get("article", "")
        lines.append(f"“{item.get('text', '')}” — {source}")
    extra = len(data.get("evidence", [])) - 3
    if extra > 0:
        lines.append(f"… and {extra} more")
    return "\n".join(lines)


def _json_for_script(value) -> str:
    """JSON that cannot close its <script> block or open a comment."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def render_page(graph: nx.MultiDiGraph, *, title: str = "graphkit graph") -> str:
    env = Environment(loader=PackageLoader("graphkit.viz", "templates"), autoescape=select_autoescape(["html"]))
    vis_js, vis_css = _vis_assets()
    app_js = _own_asset("graphkit.js")
    scripts = [vis_js, app_js]
    return env.get_template("page.html").render(
        title=title,
        data_json=_json_for_script(network_data(graph)),
        vis_js=vis_js, vis_css=vis_css, app_js=app_js, app_css=_own_asset("graphkit.css"),
        script_hashes=" ".join(f"'{_sha256(s)}'" for s in scripts),
        legend=TYPE_STYLES,
        counts={"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()},
    )


def write_page(graph: nx.MultiDiGraph, path: str | Path, *, title: str = "graphkit graph") -> None:
    write_atomic(path, render_page(graph, title=title).encode("utf-8"))
