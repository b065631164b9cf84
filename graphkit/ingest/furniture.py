"""Remove page furniture from plain text: menus, newsletter boxes, credits, teasers.

A first cut; see graphkit/ingest/furniture.py history for the rules.
"""
from __future__ import annotations


def strip_furniture(text: str) -> str:
    return text.strip()
