"""graphkit: knowledge graphs from technology-accountability reporting.

The public API; the command line (``graphkit``) is a thin shell over it.
Importing graphkit loads no model and reads no file.
"""
from __future__ import annotations

__version__ = "0.1.0"

from .errors import (
    GraphError, GraphkitError, InputError, ModelError, OutputError, QueryError,
    ResourceError, UnknownFormat, ValidationError,
)
from .model import Article, ArticleResult, BuildReport, Entity, Evidence, Mention, Relation

__all__ = [
    "__version__",
    "Article", "ArticleResult", "BuildReport", "Entity", "Evidence", "Mention", "Relation",
    "GraphError", "GraphkitError", "InputError", "ModelError", "OutputError", "QueryError",
    "ResourceError", "UnknownFormat", "ValidationError",
]
