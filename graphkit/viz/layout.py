"""Positions computed ahead of time for graphs too large for physics in the browser.

networkx's spring layout costs O(n^2) per iteration, too slow for thousands
of nodes (about 50 s for 5,000), so each connected component is laid out on
its own: a small component directly, a large one by its best-connected
"core" (spring layout over the core, linking core nodes that share a
neighbour), then every other node beside its placed neighbours, in
breadth-first order, on a sunflower spiral around its parent. Components are
packed in rows, largest first; entities with no relation share a grid at the
end. The result depends only on the graph: the same graph, the same
positions.
"""
from __future__ import annotations

import math
from collections import Counter, deque
from itertools import combinations

import networkx as nx

SPACING = 110.0                 # wanted length of an edge, in vis-network pixels
CORE_SIZE = 400                 # largest spring layout run (kept under networkx's 500-node scipy threshold)
_GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
Box = dict[str, tuple[float, float]]


def static_layout(graph: nx.MultiDiGraph, *, seed: int = 7) -> dict[str, tuple[int, int]]:
    """Integer x, y for every node of the graph."""
    def order(node):        # by type, then name: the grid of unrelated entities reads by type
        return graph.nodes[node].get("type", ""), graph.nodes[node].get("label", ""), node

    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph, key=order))
    simple.add_edges_from((s, o) for s, o in graph.edges() if s != o)
    components = sorted(nx.connected_components(simple), key=lambda c: (-len(c), min(c)))
    boxes = [_component(_induced(simple, c), seed) for c in components if len(c) > 1]
    singles = [n for n in simple if simple.degree(n) == 0]
    if singles:
        boxes.append(_grid(singles))
    return {n: (round(x), round(y)) for n, (x, y) in _pack(boxes).items()}


def _induced(graph: nx.Graph, nodes) -> nx.Graph:
    """The subgraph on ``nodes`` in ``graph``'s order (a networkx subgraph view may follow set order,
    which changes from run to run and with it the layout)."""
    nodes = set(nodes)
    sub = nx.Graph()
    sub.add_nodes_from(n for n in graph if n in nodes)
    sub.add_edges_from((u, v) for u, v in graph.edges(sub) if v in nodes)
    return sub


def _component(sub: nx.Graph, seed: int) -> Box:
    if len(sub) <= CORE_SIZE:
        return _spring(sub, seed, len(sub))
    return _core_and_periphery(sub, seed)


def _spring(sub: nx.Graph, seed: int, room: int) -> Box:
    """Spring layout scaled so that ``room`` nodes fit at about SPACING apart."""
    pos = nx.spring_layout(sub, seed=seed, iterations=60 if len(sub) > 100 else 100)
    scale = SPACING * math.sqrt(room) / 2
    return {n: (float(x) * scale, float(y) * scale) for n, (x, y) in pos.items()}


def _core_and_periphery(sub: nx.Graph, seed: int) -> Box:
    ranking = sorted(sub, key=lambda n: (-sub.degree(n), n))
    core = set(ranking[:CORE_SIZE])
    skeleton = _induced(sub, core)
    for node in ranking[CORE_SIZE:]:
        linked = sorted(m for m in sub[node] if m in core)[:6]
        skeleton.add_edges_from(combinations(linked, 2))
    placed = _spring(skeleton, seed, len(sub))
    children: Counter = Counter()
    queue = deque(n for n in ranking if n in core)
    while queue:
        parent = queue.popleft()
        for node in sorted(sub[parent]):
            if node in placed:
                continue
            anchors = [placed[m] for m in sorted(sub[node]) if m in placed]
            ax = sum(x for x, _ in anchors) / len(anchors)
            ay = sum(y for _, y in anchors) / len(anchors)
            k = children[parent] = children[parent] + 1
            radius = SPACING * 0.45 * math.sqrt(k + 1)
            placed[node] = (ax + radius * math.cos(k * _GOLDEN_ANGLE), ay + radius * math.sin(k * _GOLDEN_ANGLE))
            queue.append(node)
    return placed


def _grid(nodes: list[str]) -> Box:
    """A roughly square block of rows, wide enough apart for labels."""
    across, down = SPACING * 1.9, SPACING * 0.55
    columns = max(1, round(math.sqrt(len(nodes) * down / across)))
    return {n: ((i % columns) * across, (i // columns) * down) for i, n in enumerate(nodes)}


def _pack(boxes: list[Box]) -> Box:
    """Boxes side by side in rows (shelf packing), then centred on the origin."""
    bounds = [_bounds(b) for b in boxes]
    area = sum((x1 - x0 + SPACING) * (y1 - y0 + SPACING) for x0, y0, x1, y1 in bounds)
    row_width = max([math.sqrt(area) * 1.2] + [x1 - x0 for x0, _, x1, _ in bounds])
    out: Box = {}
    x = y = row_height = 0.0
    for box, (x0, y0, x1, y1) in zip(boxes, bounds):
        if x > 0 and x + (x1 - x0) > row_width:
            x, y, row_height = 0.0, y + row_height + SPACING, 0.0
        out.update({n: (px - x0 + x, py - y0 + y) for n, (px, py) in box.items()})
        x += x1 - x0 + SPACING
        row_height = max(row_height, y1 - y0)
    if not out:
        return out
    cx0, cy0, cx1, cy1 = _bounds(out)
    return {n: (px - (cx0 + cx1) / 2, py - (cy0 + cy1) / 2) for n, (px, py) in out.items()}


def _bounds(box: Box) -> tuple[float, float, float, float]:
    xs = [x for x, _ in box.values()]
    ys = [y for _, y in box.values()]
    return min(xs), min(ys), max(xs), max(ys)
