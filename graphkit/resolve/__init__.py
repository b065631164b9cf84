"""Entity resolution across articles: one node per real-world entity.

``resolve(results)`` maps every article-local entity to a global
:class:`ResolvedEntity` whose IRI path is derived from its preferred name.
"""
from __future__ import annotations

from .merge import Resolution, ResolvedEntity, resolve

__all__ = ["Resolution", "ResolvedEntity", "resolve"]
