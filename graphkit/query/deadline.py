"""Run a piece of work in a child process that is killed when it passes its time limit.

Oxigraph cannot stop a running query from Python, so ``graphkit query`` runs it
in a forked child: the child opens the graph (not timed: a big file takes a
while to parse), says it has started, then runs the query and writes the
answer into a pipe that the parent copies to its own standard output as it
comes (so rows still stream, and a caller that replaced ``sys.stdout`` gets
them too). The parent waits at most ``timeout`` seconds from the start, then
kills the child, which really stops the query and frees its memory.
"""
from __future__ import annotations

import codecs
import io
import multiprocessing
import os
import select
import sys
import time
from collections.abc import Callable

from ..errors import GraphkitError, first_line


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
    output, output_end = os.pipe()
    child = context.Process(target=_child, args=(send, output_end, prepare, work), daemon=True)
    child.start()
    send.close()
    os.close(output_end)
    try:
        status, message = _relay(receive, output, timeout, what)
        if status == "error":
            raise GraphkitError(message)
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receive.close()
        os.close(output)


def _relay(receive, output: int, timeout: float, what: str) -> tuple[str, str | None]:
    """Copy the child's output until it ends; the child's last word, or DeadlinePassed."""
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    deadline, last, open_ends = None, None, [output, receive]
    while open_ends:
        left = None if deadline is None else deadline - time.monotonic()
        if left is not None and left <= 0:
            raise DeadlinePassed(f"{what} ran longer than the {timeout:g}-second limit (--timeout) and was stopped")
        ready, _, _ = select.select(open_ends, [], [], left)
        if output in ready:
            chunk = os.read(output, 1 << 16)
            if chunk:
                sys.stdout.write(decoder.decode(chunk))
            else:
                open_ends.remove(output)
        if receive in ready:
            status, message = _next(receive, 0)
            if status == "started":
                deadline = time.monotonic() + timeout
            else:
                last = (status, message)
                open_ends.remove(receive)
    sys.stdout.write(decoder.decode(b"", final=True))
    sys.stdout.flush()
    return last or ("error", "the query process stopped unexpectedly, so the query was not answered")


def _next(receive, timeout: float | None) -> tuple[str, str | None]:
    try:
        if timeout is None or receive.poll(timeout):
            return receive.recv()
    except (EOFError, OSError):
        pass
    return "error", "the query process stopped unexpectedly (out of memory?), so the query was not answered"


def _child(send, output_end: int, prepare, work) -> None:
    sys.stdout = io.TextIOWrapper(os.fdopen(output_end, "wb"), encoding="utf-8", newline="")
    try:
        prepared = prepare()
        send.send(("started", None))
        work(prepared)
        sys.stdout.flush()
        send.send(("done", None))
    except GraphkitError as exc:
        _flush_quietly()
        send.send(("error", str(exc)))
    except BrokenPipeError:                 # the parent stopped reading
        send.send(("done", None))
    except MemoryError:
        send.send(("error", "the query needed more memory than this machine could give it"))
    except Exception as exc:            # noqa: BLE001 (one sentence, never a traceback from the child)
        _flush_quietly()
        send.send(("error", f"the query failed while running: {first_line(exc)}"))
    finally:
        _flush_quietly()
        sys.stdout.close()


def _flush_quietly() -> None:
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        pass
