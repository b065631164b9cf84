"""Run a piece of work in a child process that is killed when it passes its time limit.

Oxigraph cannot stop a running query from Python, so ``graphkit query`` runs it
in a forked child: the child opens the graph (not timed: a big file takes a
while to parse), says it has started, then runs the query and writes the
answer straight to the standard output it shares with the parent. The parent
waits at most ``timeout`` seconds from the start, then kills the child, which
really stops the query and frees its memory.
"""
from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable

from .errors import GraphkitError, first_line


class DeadlinePassed(GraphkitError):
    """The work ran longer than its time limit and was stopped."""


def run_with_deadline(prepare: Callable[[], object], work: Callable[[object], None], *, timeout: float,
                      what: str = "the query") -> None:
    """``prepare()`` then ``work(prepared)`` in a child; ``work`` may take at most ``timeout`` seconds.

    A GraphkitError raised in the child is raised again here with its sentence.
    """
    try:
        context = multiprocessing.get_context("fork")
    except ValueError:                      # no fork on this system: run here, unbounded
        work(prepare())
        return
    sys.stdout.flush()
    sys.stderr.flush()
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(send, prepare, work), daemon=True)
    child.start()
    send.close()
    try:
        status, message = _next(receive, None)
        if status == "started":
            if not receive.poll(timeout):
                raise DeadlinePassed(f"{what} ran longer than the {timeout:g}-second limit (--timeout) and was stopped")
            status, message = _next(receive, 0)
        if status == "error":
            raise GraphkitError(message)
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receive.close()


def _next(receive, timeout: float | None) -> tuple[str, str | None]:
    try:
        if timeout is None or receive.poll(timeout):
            return receive.recv()
    except (EOFError, OSError):
        pass
    return "error", "the query process stopped unexpectedly (out of memory?), so the query was not answered"


def _child(send, prepare, work) -> None:
    try:
        prepared = prepare()
        send.send(("started", None))
        work(prepared)
        sys.stdout.flush()
        send.send(("done", None))
    except GraphkitError as exc:
        _flush_quietly()
        send.send(("error", str(exc)))
    except BrokenPipeError:                 # piped into a reader that stopped early, such as `head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        send.send(("done", None))
    except MemoryError:
        send.send(("error", "the query needed more memory than this machine could give it"))
    except Exception as exc:            # noqa: BLE001 (one sentence, never a traceback from the child)
        _flush_quietly()
        send.send(("error", f"the query failed while running: {first_line(exc)}"))


def _flush_quietly() -> None:
    try:
        sys.stdout.flush()
    except OSError:
        pass
