"""The interactive HTML page: a self-contained, offline vis-network drawing of the graph."""
from __future__ import annotations

from .page import TYPE_STYLES, render_page, write_page

__all__ = ["TYPE_STYLES", "render_page", "write_page"]
