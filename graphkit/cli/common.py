"""Exit codes and small helpers shared by the commands."""
from __future__ import annotations

from ..errors import GraphkitError

EXIT_OK, EXIT_PARTIAL, EXIT_ERROR = 0, 1, 2


def progress_bar(stream):
    """A tqdm bar on a terminal, nothing when piped."""
    if not stream.isatty():
        return None

    def wrap(iterable, total):
        from tqdm import tqdm

        return tqdm(iterable, total=total, unit="article", file=stream, leave=False)

    return wrap


def add_base_iri(parser) -> None:
    from ..vocab import DEFAULT_BASE_IRI

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
        from ..remote import read_endpoint
        from ..vocab import DEFAULT_BASE_IRI

        args.graph = args.endpoint
        return read_endpoint(args.endpoint, base_iri=getattr(args, "base_iri", DEFAULT_BASE_IRI))
    return read_graph(args.graph)
