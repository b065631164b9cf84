"""Remove page furniture from plain text saved from web pages.

Menus, cookie notices, bylines, share buttons, photo credits, newsletter
boxes, "related stories" teasers and footers are not the article: nothing in
them may produce entities or relations. The body is found as the run of
prose paragraphs (sentences ending in punctuation); the headline is the last
title-like line before it; the article ends at the first end marker
("Related stories", "Sign up for our newsletter", "Topics: …") after the
body. Line patterns live in ontologies/patterns/furniture.yaml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..resources import load_cues

_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")
_SENTENCE_BREAK = re.compile(r"[a-z][.!?] +[A-Z]")
_MIN_PROSE_WORDS = 10
_MIN_LINE_WORDS = 4    # shorter lines without final punctuation in the body are labels or bylines


@dataclass(frozen=True)
class FurniturePatterns:
    end_markers: tuple[re.Pattern, ...]
    furniture_lines: tuple[re.Pattern, ...]     # dropped; they end the page header (menus, cookie notices)
    soft_lines: tuple[re.Pattern, ...]          # dropped; bylines and dates beside the headline


@lru_cache(maxsize=None)
def furniture_patterns() -> FurniturePatterns:
    data = load_cues("furniture")
    compile_all = lambda key: tuple(re.compile(p, re.I) for p in data.get(key, ()))   # noqa: E731
    return FurniturePatterns(compile_all("end_markers"), compile_all("furniture_lines"), compile_all("soft_lines"))


def is_hard_furniture(line: str, patterns: FurniturePatterns) -> bool:
    return any(p.fullmatch(line) for p in patterns.furniture_lines)


def is_furniture(line: str, patterns: FurniturePatterns) -> bool:
    return is_hard_furniture(line, patterns) or any(p.fullmatch(line) for p in patterns.soft_lines)


def is_end_marker(line: str, patterns: FurniturePatterns) -> bool:
    return any(p.fullmatch(line) for p in patterns.end_markers)


def is_prose(block: str) -> bool:
    words = block.split()
    return len(words) >= _MIN_PROSE_WORDS and bool(_SENTENCE_END.search(block.rstrip()))


def _blocks(text: str) -> list[str]:
    """Paragraphs; a paragraph made of several short lines (a menu) becomes one block per line."""
    blocks = []
    for paragraph in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in paragraph.split("\n") if line.strip()]
        if len(lines) > 1 and not all(is_prose(line) for line in lines):
            blocks.extend(lines)
        elif lines:
            blocks.append("\n".join(lines))
    return blocks


def strip_furniture(text: str) -> str:
    patterns = furniture_patterns()
    blocks = _blocks(text)
    kept = [(b, is_prose(b)) for b in blocks if not is_furniture(b, patterns) and not is_end_marker(b, patterns)]
    start = _body_start(blocks, patterns)
    if start is None:
        return "\n\n".join(b for b, _ in kept)
    body: list[str] = []
    headline = _headline(blocks[:start], patterns)
    if headline:
        body.append(headline)
    for block in blocks[start:]:
        if is_end_marker(block, patterns) and len(body) >= 2:
            break
        if not is_furniture(block, patterns) and not _label(block):
            body.append(block)
    return "\n\n".join(body)


def _label(block: str) -> bool:
    return len(block.split()) < _MIN_LINE_WORDS and not _SENTENCE_END.search(block)


def _body_start(blocks: list[str], patterns: FurniturePatterns) -> int | None:
    """The first prose block followed closely by more prose: the article's first paragraph."""
    prose = [i for i, b in enumerate(blocks) if is_prose(b) and not is_furniture(b, patterns)]
    for n, i in enumerate(prose):
        if n + 1 < len(prose) and prose[n + 1] - i <= 3:
            return i
    return prose[0] if prose else None


def _headline(before: list[str], patterns: FurniturePatterns) -> str:
    """The headline: the first substantial title-like line after the last furniture line."""
    candidates = []
    for block in before:
        if is_hard_furniture(block, patterns):
            candidates = []
            continue
        if is_furniture(block, patterns) or is_end_marker(block, patterns):
            continue
        if len(block.split()) >= 4 and "\n" not in block and not _SENTENCE_BREAK.search(block):
            candidates.append(block)
    return candidates[0] if candidates else ""
