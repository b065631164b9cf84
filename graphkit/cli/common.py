"""Exit codes and small helpers shared by the commands."""
from __future__ import annotations

EXIT_OK, EXIT_PARTIAL, EXIT_ERROR = 0, 1, 2


def progress_bar(stream):
    """A tqdm bar on a terminal, nothing when piped."""
    if not stream.isatty():
        return None

    def wrap(iterable, total):
        from tqdm import tqdm

        return tqdm(iterable, total=total, unit="article", file=stream, leave=False)

    return wrap


def add_base_iri(parser) -> None:
    from ..vocab import DEFAULT_BASE_IRI

    parser.add_argument("--base-iri", default=DEFAULT_BASE_IRI, help="base IRI of entities and articles (gkid: prefix)")
