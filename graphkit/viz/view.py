"""What a page draws: the selected part of a graph, and the words that describe the selection.

The steps run in this order: the query (if any) picks entities and relations;
types, predicates and minimum support filter them; ``focus`` keeps the
neighbourhood of named entities in what is left; the caps of
:mod:`graphkit.viz.prune` keep a large result drawable.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from ..graph.vocab import DEFAULT_BASE_IRI
from ..model import ENTITY_TYPES, PREDICATES
from ..query.sparql import QueryResult
from .from_query import QueryReport, graph_from_query
from .prune import DEFAULT_MAX_EDGES, DEFAULT_MAX_NODES, LeftOut, prune
from .select import VizError, find_entities, neighbourhood, parse_choices, restrict
from .styles import type_label, words


@dataclass(frozen=True)
class ViewOptions:
    focus: tuple[str, ...] = ()         # entity names, IRIs or IRI paths
    depth: int = 1
    types: tuple[str, ...] = ()         # entity type names; empty = all
    predicates: tuple[str, ...] = ()    # predicate names; empty = all
    min_support: int = 0
    max_nodes: int = DEFAULT_MAX_NODES
    max_edges: int = DEFAULT_MAX_EDGES


@dataclass
class View:
    graph: nx.MultiDiGraph              # what the page draws
    total_nodes: int                    # size of the whole graph
    total_edges: int
    scope: list[str] = field(default_factory=list)     # one phrase per selection step
    left_out: LeftOut | None = None
    query: QueryReport | None = None

    @property
    def selected(self) -> bool:
        return bool(self.scope) or self.left_out is not None


def whole(graph: nx.MultiDiGraph) -> View:
    return View(graph, graph.number_of_nodes(), graph.number_of_edges())


def make_view(graph: nx.MultiDiGraph, options: ViewOptions = ViewOptions(), *,
              query_result: QueryResult | None = None, base_iri: str = DEFAULT_BASE_IRI) -> View:
    """Apply the query, filters, focus and caps of ``options`` to a projected graph."""
    _check(options)
    if graph.number_of_nodes() == 0:
        raise VizError("the graph has no entity to draw")
    view = View(graph, graph.number_of_nodes(), graph.number_of_edges())
    chosen = graph
    if query_result is not None:
        chosen, view.query = graph_from_query(graph, query_result, base_iri)
        view.scope.append(f"the result of a query ({view.query.triples} triples)")
    types = parse_choices(options.types, ENTITY_TYPES, "entity type")
    known = set(PREDICATES) | {k for *_, k in chosen.edges(keys=True)}    # a query may add its own
    predicates = parse_choices(options.predicates, known, "predicate")
    if types or predicates or options.min_support:
        chosen = restrict(chosen, types=types, predicates=predicates, min_support=options.min_support)
        view.scope += _filter_phrases(types, predicates, options.min_support)
    if options.focus:
        centres = _centres(graph, chosen, options.focus)
        chosen = neighbourhood(chosen, centres, options.depth)
        names = ", ".join(graph.nodes[n].get("label", n) for n in centres)
        view.scope.append(f"entities within {options.depth} step{'s' if options.depth != 1 else ''} of {names}")
    view.graph, view.left_out = prune(chosen, max_nodes=options.max_nodes, max_edges=options.max_edges)
    if view.graph.number_of_nodes() == 0:
        raise VizError(f"nothing left to draw after selecting {'; '.join(view.scope)}")
    return view


def _check(options: ViewOptions) -> None:
    if options.min_support < 0:
        raise VizError(f"--min-support must be at least 0, not {options.min_support}")
    if options.depth < 0:
        raise VizError(f"--depth must be at least 0, not {options.depth}")
    if options.max_nodes < 1 or options.max_edges < 0:
        raise VizError("--max-nodes must be at least 1 and --max-edges at least 0")


def _filter_phrases(types, predicates, min_support) -> list[str]:
    phrases = []
    if types:
        phrases.append("types " + ", ".join(type_label(t) for t in types))
    if predicates:
        phrases.append("relations " + ", ".join(words(p) for p in predicates))
    if min_support:
        phrases.append(f"relations stated at least {min_support} time{'s' if min_support != 1 else ''}")
    return phrases


def _centres(graph, chosen, names) -> list[str]:
    """The entities named, as found in the whole graph, that the earlier steps kept."""
    centres = []
    for name in names:
        present = [n for n in find_entities(graph, name) if n in chosen]
        if not present:
            raise VizError(f"{name!r} is in the graph but the query or filters leave it out")
        centres += [n for n in present if n not in centres]
    return centres
