"""The sentences a page shows about itself: what was selected, what was left out, and how to see it."""
from __future__ import annotations

from .prune import LeftOut
from .view import View


def _plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count:,} {word if count == 1 else (words or word + 's')}"


def left_out_notice(left: LeftOut) -> str:
    if left.dropped_nodes:
        shown = (f"This page shows the {left.kept_nodes:,} best-connected of {left.nodes:,} entities "
                 f"and {left.kept_edges:,} of {left.edges:,} relations.")
        gone = (f" Left out: {_plural(left.dropped_nodes, 'entity', 'entities')} with at most "
                f"{_plural(left.max_connections, 'connection')} each (such as {', '.join(left.examples)}), "
                f"and {_plural(left.dropped_edges, 'relation')}.")
    else:
        shown = (f"This page shows all {left.nodes:,} entities and the {left.kept_edges:,} best-supported "
                 f"of {left.edges:,} relations.")
        gone = f" Left out: {_plural(left.dropped_edges, 'relation')} with the least evidence."
    how = (" To see them, narrow the drawing with --focus NAME --depth N, --types, --predicates or --min-support,"
           f" or raise the limits with --max-nodes {left.nodes} --max-edges {left.edges}.")
    return shown + gone + how


def notices(view: View, *, physics: bool, physics_limit: int) -> list[dict]:
    """``{"level": "warning" | "info", "text": ...}`` for the banner above the drawing, most important first."""
    found = []
    if view.left_out is not None:
        found.append({"level": "warning", "text": left_out_notice(view.left_out)})
    if view.query is not None and view.query.unused:
        found.append({"level": "info", "text": f"{_plural(view.query.unused, 'triple')} of the query's result "
                                               "name no entity and are not drawn."})
    if view.query is not None and view.query.derived:
        found.append({"level": "info", "text": f"{_plural(view.query.derived, 'relation')} (dashed) come from "
                                               "the query itself: no article sentence states them."})
    if not physics and view.graph.number_of_nodes() > physics_limit:
        found.append({"level": "info", "text": f"With more than {physics_limit:,} entities, positions are computed "
                                               "ahead of time and physics is off."})
    return found
