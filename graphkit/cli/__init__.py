"""The ``graphkit`` command line: a thin shell over the library.

One module per command, each with ``register(subparsers)`` adding its parser
and a ``run(args)`` function. A GraphkitError becomes one sentence on stderr
and exit status 2; a build in which some inputs failed still writes the
graph and exits with status 1.
"""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from .. import __version__
from ..errors import GraphkitError
from . import add, build, export, push, query, serve, stats, validate, viz
from .common import EXIT_ERROR, EXIT_OK, check_ranges

COMMANDS = (build, add, query, validate, viz, export, stats, push, serve)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="graphkit", description="Knowledge graphs from technology-accountability reporting.")
    top.add_argument("--version", action="version", version=f"graphkit {__version__}")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        command.register(sub)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        check_ranges(args)
        return args.func(args)
    except GraphkitError as exc:
        print(f"graphkit: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("graphkit: interrupted; existing outputs are unchanged", file=sys.stderr)
        return 130
    except BrokenPipeError:          # output piped into a reader that stopped early, such as `head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
