"""Turn input files into :class:`~graphkit.model.Article` records.

Readers are registered by file extension; a folder is walked recursively and
files with other extensions are skipped (and counted), so a folder of
articles may also hold notes or annotation files.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import InputError
from ..model import Article
from . import html, jsonl, text
from .decode import read_text
from .sidecar import Sidecar, load_sidecar

Reader = Callable[[Path, str], Iterator["Article | InputError"]]

READERS: dict[str, Reader] = {
    ".txt": text.read_text_article,
    ".text": text.read_text_article,
    ".html": html.read_html_article,
    ".htm": html.read_html_article,
    ".jsonl": jsonl.read_jsonl_articles,
    ".ndjson": jsonl.read_jsonl_articles,
}

__all__ = ["READERS", "InputFiles", "Sidecar", "collect_files", "load_sidecar", "read_articles", "read_text"]


@dataclass
class InputFiles:
    files: list[Path]
    skipped: list[Path]
    errors: list[InputError]
    repeated: list[Path] = field(default_factory=list)     # files named again (same file, other spelling): read once
    names: dict[Path, str] = field(default_factory=dict)    # each file's name relative to the input given

    def name(self, path: Path) -> str:
        return self.names.get(path) or display_name(path)


def display_name(path: Path) -> str:
    """A file named on the command line: as given when relative and inside the working folder, else its name."""
    return path.as_posix() if not path.is_absolute() and ".." not in path.parts else path.name


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
    names: dict[Path, str] = {}
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                relative = child.relative_to(path)
                if any(part.startswith(".") for part in relative.parts):
                    continue
                (files if child.suffix.lower() in READERS else skipped).append(child)
                names[child] = relative.as_posix()
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
    return InputFiles(files, skipped, errors, names=names)


def read_articles(files: Iterable[Path] | InputFiles, sidecar: Sidecar | None = None) -> Iterator[Article | InputError]:
    """Read every file, yielding articles and, in their place, the errors of bad inputs.

    Article ids come from the file name (or the JSON-lines ``id`` field) and are
    made unique: a second article with the same id gets a suffix from its source.
    An article's source is its file's path relative to the folder given (no
    local absolute path reaches the graph); ``sidecar`` adds metadata by file.
    """
    found = files if isinstance(files, InputFiles) else InputFiles(list(files), [], [])
    seen: set[str] = set()
    for path in found.files:
        reader = READERS[path.suffix.lower()]
        name = found.name(path)
        row = sidecar.lookup(path, name) if sidecar is not None else None
        for item in reader(path, path.stem):
            if isinstance(item, Article):
                item = _with_origin(item, str(path), name, row)
                item = _unique(item, seen)
            yield item


def _with_origin(article: Article, path: str, name: str, row) -> Article:
    line = article.source[len(path):] if article.source.startswith(path) else ""
    article = replace(article, source=name + line, origin=str(Path(path).resolve()) + line)
    if row is not None:
        article = replace(article, title=row.title or article.title, date=row.date or article.date,
                          url=row.url or article.url, outlet=row.outlet or article.outlet)
    return article


def _unique(article: Article, seen: set[str]) -> Article:
    from ..ids import digest, slug

    key = slug(article.id)
    if key in seen:
        article = replace(article, id=f"{article.id}-{digest(article.source, article.text, length=6)}")
        key = slug(article.id)
    seen.add(key)
    return article
