"""Exceptions raised by graphkit.

Every error graphkit raises on purpose derives from :class:`GraphkitError`,
so the command line can turn it into one readable sentence::

    GraphkitError
     +-- InputError            an input file cannot be read as an article
     +-- OutputError           an output cannot be written
     +-- UnknownFormat         a file extension or format name graphkit does not know
     +-- ModelError            the spaCy pipeline cannot be loaded
     +-- ResourceError         an ontology, lexicon or pattern file is missing or malformed
     +-- GraphError            a graph file cannot be read, or is not a graphkit graph
     +-- QueryError            a SPARQL query is malformed or cannot be run
     +-- ValidationError       a graph does not conform to the SHACL shapes
"""
from __future__ import annotations


class GraphkitError(Exception):
    """Base class: the message is one sentence meant for the user."""


class InputError(GraphkitError):
    """An input file cannot be read as an article (empty, binary, not UTF-8, malformed)."""

    def __init__(self, source: str, problem: str):
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class OutputError(GraphkitError):
    """An output file or folder cannot be written."""


class UnknownFormat(GraphkitError):
    """A format name or file extension that graphkit does not handle."""


class ModelError(GraphkitError):
    """The requested spaCy pipeline is not installed or cannot be loaded."""


class ResourceError(GraphkitError):
    """An ontology, lexicon, pattern or query file is missing or malformed."""


class GraphError(GraphkitError):
    """A graph file cannot be parsed, or it was not written by graphkit."""


class QueryError(GraphkitError):
    """A SPARQL query cannot be parsed or run."""


class ValidationError(GraphkitError):
    """A graph does not conform to the SHACL shapes."""

    def __init__(self, message: str, violations: list | None = None):
        self.violations = violations or []
        super().__init__(message)


def first_line(exc: BaseException) -> str:
    """The first line of an exception's message (its type's name if it has none), for one-sentence errors."""
    text = str(exc).strip()
    return (text.splitlines()[0] if text else type(exc).__name__)[:200]
