"""Turn input files into :class:`~graphkit.model.Article` records.

Readers are registered by file extension; a folder is walked recursively and
files with other extensions are skipped (and counted), so a folder of
articles may also hold notes or annotation files.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..model import Article
from . import html, jsonl, text
from .decode import read_text

Reader = Callable[[Path, str], Iterator["Article | InputError"]]

READERS: dict[str, Reader] = {
    ".txt": text.read_text_article,
    ".text": text.read_text_article,
    ".html": html.read_html_article,
    ".htm": html.read_html_article,
    ".jsonl": jsonl.read_jsonl_articles,
    ".ndjson": jsonl.read_jsonl_articles,
}

__all__ = ["READERS", "InputFiles", "collect_files", "read_articles", "read_text"]


@dataclass
class InputFiles:
    files: list[Path]
    skipped: list[Path]
    errors: list[InputError]
    repeated: list[Path] = field(default_factory=list)     # files named again (same file, other spelling): read once


def collect_files(inputs: Iterable[str | Path]) -> InputFiles:
    """Expand files and folders into the article files to read, in a stable order, each file once.

    A file reached twice (given twice, given and inside a given folder, through a link or as
    ``./a.txt`` and ``a.txt``) is read once, where it first appears, so it counts as one source.
    """
    found = _expand(inputs)
    seen: set[Path] = set()
    unique: list[Path] = []
    for path in found.files:
        key = path.resolve()
        if key in seen:
            found.repeated.append(path)
        else:
            seen.add(key)
            unique.append(path)
    found.files = unique
    return found


def _expand(inputs: Iterable[str | Path]) -> InputFiles:
    files: list[Path] = []
    skipped: list[Path] = []
    errors: list[InputError] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if any(part.startswith(".") for part in child.relative_to(path).parts):
                    continue
                (files if child.suffix.lower() in READERS else skipped).append(child)
        elif path.is_file():
            if path.suffix.lower() in READERS:
                files.append(path)
            else:
                known = ", ".join(sorted(READERS))
                errors.append(InputError(str(path), f"unknown extension {path.suffix or '(none)'!r}; graphkit reads {known}"))
        elif path.exists():
            errors.append(InputError(str(path), "is not a regular file or folder"))
        else:
            errors.append(InputError(str(path), "does not exist"))
    return InputFiles(files, skipped, errors)


def read_articles(files: Iterable[Path]) -> Iterator[Article | InputError]:
    """Read every file, yielding articles and, in their place, the errors of bad inputs.

    Article ids come from the file name (or the JSON-lines ``id`` field) and are
    made unique: a second article with the same id gets a suffix from its source.
    """
    seen: set[str] = set()
    for path in files:
        reader = READERS[path.suffix.lower()]
        for item in reader(path, path.stem):
            if isinstance(item, Article):
                item = _unique(item, seen)
            yield item


def _unique(article: Article, seen: set[str]) -> Article:
    from dataclasses import replace

    from ..ids import digest, slug

    key = slug(article.id)
    if key in seen:
        article = replace(article, id=f"{article.id}-{digest(article.source, article.text, length=6)}")
        key = slug(article.id)
    seen.add(key)
    return article
