"""Render a view of the graph as one self-contained HTML page.

pyvis assembles the nodes and edges; graphkit's own Jinja template (with
autoescaping) inlines vis-network 9.1.2 from the pyvis package, so the page
fetches nothing and runs offline. pyvis's stock templates are not used:
they load scripts and styles from CDNs and turn node titles into HTML.
Article text reaches the page only as JSON inside a non-executable script
block and is shown with ``textContent``. A Content Security Policy allows
only the page's own scripts and styles (by hash) and no network access.
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
from importlib.resources import files
from pathlib import Path

import networkx as nx
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from ..graph.files import write_atomic
from .data import SIZE_BY, legend, network_data
from .layout import static_layout
from .select import VizError
from .styles import load_styles, type_style, vis_groups
from .text import notices
from .view import View, whole

LAYOUTS = ("auto", "physics", "static")
DEFAULT_PHYSICS_LIMIT = 300     # largest graph laid out by physics in the browser
_SCRIPTS = ("graphkit.js", "details.js", "filters.js")
_OPTION = re.compile(r"--(?:focus|depth|types|predicates|min-support|max-nodes|max-edges)(?: (?:NAME|N|\d+))?")


def uses_physics(graph: nx.MultiDiGraph, layout: str = "auto", physics_limit: int = DEFAULT_PHYSICS_LIMIT) -> bool:
    if layout not in LAYOUTS:
        raise VizError(f"unknown layout {layout!r}; use one of {', '.join(LAYOUTS)}")
    return layout == "physics" or (layout == "auto" and graph.number_of_nodes() <= physics_limit)


def render_page(view: View | nx.MultiDiGraph, *, title: str = "graphkit graph", size_by: str = "connections",
                layout: str = "auto", physics_limit: int = DEFAULT_PHYSICS_LIMIT) -> str:
    """The HTML page drawing ``view`` (a View, or a whole projected graph)."""
    if not isinstance(view, View):
        view = whole(view)
    if size_by not in SIZE_BY:
        raise VizError(f"unknown size measure {size_by!r}; use one of {', '.join(SIZE_BY)}")
    graph = view.graph
    physics = uses_physics(graph, layout, physics_limit)
    data = network_data(graph, size_by=size_by, positions=static_layout(graph))
    counts = legend(graph)
    isolated = sum(1 for node in graph if graph.degree(node) == 0)
    hide_isolated = crowded(isolated, graph.number_of_nodes())
    data["settings"] = {"physics": physics, "large": graph.number_of_nodes() > physics_limit, "sizeBy": size_by,
                        "groups": vis_groups([t["name"] for t in counts["types"]]), "edge": load_styles()["edge"],
                        "hideIsolated": hide_isolated}
    scripts = [_vis_script()] + [_asset(name) for name in _SCRIPTS]
    styles = [_asset("graphkit.css")]
    env = Environment(loader=PackageLoader("graphkit.viz", "templates"), autoescape=select_autoescape(["html"]))
    env.filters["options_as_code"] = _options_as_code
    return env.get_template("page.html").render(
        title=title, data_json=_json_for_script(data), scripts=scripts, styles=styles,
        script_hashes=" ".join(f"'{_sha256(s)}'" for s in scripts),
        style_hashes=" ".join(f"'{_sha256(s)}'" for s in styles),
        types=[{**t, **type_style(t["name"])} for t in counts["types"]], predicates=counts["predicates"],
        support={"min": max(counts["min_support"], 0), "max": counts["max_support"]},
        nodes=graph.number_of_nodes(), edges=graph.number_of_edges(), view=view,
        notices=notices(view, physics=physics, physics_limit=physics_limit) + _isolated_notice(isolated, hide_isolated),
        isolated=isolated, hide_isolated=hide_isolated,
    )


ISOLATED_SHARE = 0.2    # entities without a relation are set aside at first when they are this share or more
ISOLATED_MIN = 10       # and at least this many


def crowded(isolated: int, total: int) -> bool:
    """Whether entities without any relation would crowd the first view (a grid of dots beside the drawing)."""
    return isolated >= ISOLATED_MIN and isolated >= ISOLATED_SHARE * total


def _isolated_notice(isolated: int, hidden: bool) -> list:
    if not hidden:
        return []
    return [{"level": "info", "text": f"{isolated:,} entities without any relation are set aside so that the "
                                      "drawing can be read; untick \u201cHide entities with no shown relation\u201d "
                                      "to show them."}]


def write_page(view: View | nx.MultiDiGraph, path: str | Path, **options) -> None:
    """Render and write the page atomically; options as for :func:`render_page`."""
    write_atomic(path, render_page(view, **options).encode("utf-8"))


def _options_as_code(text: str) -> Markup:
    """Escape the text, then set command-line options (``--max-nodes 6000``) in <code>."""
    return Markup(_OPTION.sub(lambda m: f"<code>{m.group(0)}</code>", str(escape(text))))


def _vis_script() -> str:
    return (Path(str(files("pyvis"))) / "lib" / "vis-9.1.2" / "vis-network.min.js").read_text(encoding="utf-8")


def _asset(name: str) -> str:
    return (Path(__file__).parent / "static" / name).read_text(encoding="utf-8")


def _json_for_script(value) -> str:
    """JSON that cannot close its <script> block or open a comment."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
