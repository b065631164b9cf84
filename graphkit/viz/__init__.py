"""The interactive HTML page: a self-contained, offline vis-network drawing of the graph.

``make_view`` chooses what to draw (query, types, predicates, support,
focus, size caps); ``render_page``/``write_page`` draw it.
"""
from __future__ import annotations

from .page import DEFAULT_PHYSICS_LIMIT, LAYOUTS, render_page, uses_physics, write_page
from .prune import DEFAULT_MAX_EDGES, DEFAULT_MAX_NODES, LeftOut, prune
from .select import VizError, find_entities
from .view import View, ViewOptions, make_view

__all__ = [
    "DEFAULT_MAX_EDGES", "DEFAULT_MAX_NODES", "DEFAULT_PHYSICS_LIMIT", "LAYOUTS", "LeftOut", "View",
    "ViewOptions", "VizError", "find_entities", "make_view", "prune", "render_page", "uses_physics", "write_page",
]
