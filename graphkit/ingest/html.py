"""Saved web pages: the main content and metadata, found by trafilatura."""
from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..model import Article
from .decode import read_text
from .furniture import strip_furniture


def read_html_article(path: Path, article_id: str) -> Iterator[Article | InputError]:
    try:
        page = read_text(path)
    except InputError as exc:
        yield exc
        return
    document = _extract(page)
    text = _paragraphs(document.text if document else "")
    if not text.strip():
        yield InputError(str(path), "holds no article text that could be found in the page")
        return
    yield Article(
        id=article_id,
        text=strip_furniture(text),
        title=(document.title or "").strip(),
        url=(document.url or "").strip(),
        date=(document.date or "")[:10],
        outlet=(document.sitename or "").strip(),
        source=str(path),
    )


def looks_like_html(text: str) -> bool:
    return bool(re.search(r"<(p|div|html|body|article|br)\b", text[:2000], re.I))


def html_to_text(page: str) -> str:
    document = _extract(page)
    return _paragraphs(document.text if document else "")


def _extract(page: str):
    import trafilatura

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return trafilatura.bare_extraction(
                page, with_metadata=True, include_comments=False, include_tables=False,
                include_images=False, deduplicate=False,     # each page on its own: no memory of other pages
            )
        except Exception:       # trafilatura raises many kinds on broken markup
            return None


def _paragraphs(text: str) -> str:
    """trafilatura puts one block a line; graphkit separates paragraphs by a blank line."""
    lines = [line.strip() for line in (text or "").split("\n")]
    return "\n\n".join(line for line in lines if line)
