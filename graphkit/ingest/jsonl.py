"""JSON-lines files: one article per line with id, url, title, date, outlet, text."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..model import Article
from .decode import read_text
from .furniture import strip_furniture
from .html import html_to_text, looks_like_html


def read_jsonl_articles(path: Path, stem: str) -> Iterator[Article | InputError]:
    try:
        content = read_text(path)
    except InputError as exc:
        yield exc
        return
    for number, line in enumerate(content.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"is not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(record, dict):
            yield InputError(where, "is not a JSON object")
            continue
        text = record.get("text")
        if not isinstance(text, str) or not text.strip():
            yield InputError(where, "has no \"text\" field with the article text")
            continue
        if looks_like_html(text):
            text = html_to_text(text)
        text = strip_furniture(text)
        if not text.strip():
            yield InputError(where, "holds no article text once page furniture is removed")
            continue
        yield Article(
            id=_field(record, "id") or f"{stem}-{number}",
            text=text,
            title=_field(record, "title"),
            url=_field(record, "url"),
            date=_field(record, "date")[:10],
            outlet=_field(record, "outlet") or _field(record, "sitename"),
            source=where,
        )


def _field(record: dict, key: str) -> str:
    value = record.get(key)
    return str(value).strip() if value is not None else ""
