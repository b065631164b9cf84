"""Entity resolution across articles: one node per real-world entity.

``resolve(results)`` maps every article-local entity to a global
:class:`ResolvedEntity` whose IRI path is derived from its type family and
preferred name; ``load_decisions`` reads a person's resolver file, applied
last on every build. See docs/resolution.md.
"""
from __future__ import annotations

from .decisions import Decisions, find_resolver_files, load_decisions
from .merge import Resolution, ResolvedEntity, resolve

__all__ = ["Decisions", "Resolution", "ResolvedEntity", "find_resolver_files", "load_decisions", "resolve"]
