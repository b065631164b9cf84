"""Plain-text articles: metadata lines at the top are read (see :mod:`.meta`); the first line of
the text is the headline when no title was given and it looks like one."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..model import Article
from .decode import read_text
from .furniture import strip_furniture
from .html import html_to_text, looks_like_html
from .meta import split_metadata


def read_text_article(path: Path, article_id: str) -> Iterator[Article | InputError]:
    try:
        raw = read_text(path)
    except InputError as exc:
        yield exc
        return
    if looks_like_html(raw):            # a web page saved with a .txt name
        raw = html_to_text(raw) or raw
    meta, raw = split_metadata(raw)
    body = strip_furniture(raw)
    if not body.strip():
        yield InputError(str(path), "holds no article text once menus and page furniture are removed")
        return
    yield Article(id=article_id, text=body, title=meta.title or guess_title(body), url=meta.url, date=meta.date,
                  outlet=meta.outlet, source=str(path))


def guess_title(body: str) -> str:
    """The first paragraph, if it is a single short line without final punctuation."""
    first = body.strip().split("\n\n", 1)[0].strip()
    if "\n" not in first and len(first) <= 200 and not first.endswith((".", ":", ";")):
        return first
    return ""
