"""Exit codes and small helpers shared by the commands."""
from __future__ import annotations

import math
from dataclasses import dataclass

from ..errors import GraphkitError

EXIT_OK, EXIT_PARTIAL, EXIT_ERROR = 0, 1, 2


@dataclass(frozen=True)
class Range:
    """The values a numeric option accepts: low (inclusive unless ``above``) to high (inclusive)."""

    low: float | None = None
    high: float | None = None
    above: bool = False         # low itself is refused

    def accepts(self, value) -> bool:
        if isinstance(value, float) and not math.isfinite(value):
            return False
        if self.low is not None and (value <= self.low if self.above else value < self.low):
            return False
        return self.high is None or value <= self.high

    def describe(self) -> str:
        if self.low is not None and self.high is not None:
            return f"between {self.low:g} and {self.high:g}"
        return f"more than {self.low:g}" if self.above else f"at least {self.low:g}"


# every numeric option of every command, by its argparse dest
RANGES = {
    "min_confidence": Range(0, 1), "workers": Range(1), "port": Range(0, 65535), "timeout": Range(0, above=True),
    "max_rows": Range(1), "top": Range(1), "limit": Range(1), "depth": Range(0), "min_support": Range(0),
    "max_nodes": Range(1), "max_edges": Range(0), "physics_limit": Range(0),
}


def check_ranges(args) -> None:
    """Refuse, in one sentence, a numeric option outside its range (before any work is done)."""
    for dest, allowed in RANGES.items():
        value = getattr(args, dest, None)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and not allowed.accepts(value):
            option = "--" + dest.replace("_", "-")
            raise GraphkitError(f"{option} must be {allowed.describe()}, not {value:g}")


def progress_bar(stream):
    """A tqdm bar on a terminal, nothing when piped."""
    if not stream.isatty():
        return None

    def wrap(iterable, total):
        from tqdm import tqdm

        return tqdm(iterable, total=total, unit="article", file=stream, leave=False)

    return wrap


def add_base_iri(parser) -> None:
    from ..graph.vocab import DEFAULT_BASE_IRI

    parser.add_argument("--base-iri", default=DEFAULT_BASE_IRI, help="base IRI of entities and articles (gkid: prefix)")


def add_endpoint(parser) -> None:
    parser.add_argument("--endpoint", metavar="URL",
                        help="read the graph from a SPARQL endpoint (SPARQL 1.1 Protocol) instead of GRAPH")


def endpoint_arguments(args) -> None:
    """Check GRAPH against --endpoint; with --endpoint, a lone positional of `query` is the query."""
    endpoint, graph = getattr(args, "endpoint", None), getattr(args, "graph", None)
    if endpoint and graph and hasattr(args, "query") and not (args.query or args.file or args.name):
        args.query, args.graph = graph, None
    elif endpoint and graph:
        raise GraphkitError("give GRAPH or --endpoint URL, not both")
    elif not endpoint and not graph:
        raise GraphkitError("give GRAPH or --endpoint URL")


def open_dataset(args, read_graph):
    """The rdflib Dataset of GRAPH (read with ``read_graph``) or of the graphkit graphs at --endpoint.

    With --endpoint, ``args.graph`` becomes the endpoint's URL, so that messages and titles name it.
    """
    endpoint_arguments(args)
    if args.endpoint:
        from ..graph.vocab import DEFAULT_BASE_IRI
        from ..remote import read_endpoint

        args.graph = args.endpoint
        return read_endpoint(args.endpoint, base_iri=getattr(args, "base_iri", DEFAULT_BASE_IRI))
    return read_graph(args.graph)
