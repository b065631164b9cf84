"""A pool of query worker processes with a deadline per query.

Each worker holds the store open read-only (Oxigraph allows many readers),
or its own in-memory copy of the graph.
A request takes an idle worker, sends it the job and waits at most
``timeout`` seconds. A worker that misses the deadline is killed, which
really stops the query, and a fresh one is started in the background; the
other workers keep answering meanwhile. Requests wait for an idle worker at
most ``max(timeout, 30)`` seconds, then get "busy".

A request whose client has gone (``gone()`` says so) stops waiting for a
worker, and a query it started is stopped the same way, so abandoned queries
do not keep the workers from the clients still waiting. A worker may use at
most ``max_memory`` bytes beyond what it holds once the graph is open; a
query that needs more ends that worker, and the request is told why.
"""
from __future__ import annotations

import multiprocessing
import queue
import signal
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from ..errors import GraphError
from .worker import MEMORY_EXIT, Job, Reply, error, worker_main

START_TIMEOUT = 900.0       # seconds a new worker may take to open the graph (parsing a big file is slow)
MIN_WAIT = 30.0             # seconds a request may wait for an idle worker
TICK = 0.25                 # seconds between looks at whether the client is still there
MAX_MEMORY = 2 << 30        # bytes a worker may add to what it holds with the graph open


def never() -> bool:
    return False


class Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self, context, graph: Path, base_iri: str, in_memory: bool, max_memory: int):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=worker_main, args=(child, str(graph), base_iri, in_memory, max_memory),
                                       name="graphkit-query-worker", daemon=True)
        self.process.start()
        child.close()

    def wait_ready(self) -> None:
        if not self.conn.poll(START_TIMEOUT):
            self.stop()
            raise GraphError(f"a query worker did not open the graph within {START_TIMEOUT:g} s")
        status, message = self.conn.recv()
        if status != "ready":
            self.stop()
            raise GraphError(message)

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=10)
        self.conn.close()


class QueryPool:
    def __init__(self, graph: Path, *, workers: int = 2, timeout: float = 10.0, base_iri: str,
                 in_memory: bool = False, max_memory: int = MAX_MEMORY, log: Callable[[str], None] | None = None):
        self.graph, self.base_iri, self.timeout, self.in_memory = Path(graph), base_iri, timeout, in_memory
        self.max_memory = max_memory
        self.log = log or (lambda message: None)
        self._context = multiprocessing.get_context("spawn")     # never fork a threaded server
        self._idle: queue.Queue[Worker] = queue.Queue()
        self._all: set[Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        try:
            starting = [self._launch() for _ in range(max(1, workers))]     # they load the graph side by side
            for worker in starting:
                self._idle.put(self._ready(worker))
        except BaseException:
            self.close()                    # a graph that cannot be read stops every worker, not just the first
            raise

    def _launch(self) -> Worker:
        worker = Worker(self._context, self.graph, self.base_iri, self.in_memory, self.max_memory)
        with self._lock:
            self._all.add(worker)
        return worker

    def _ready(self, worker: Worker) -> Worker:
        try:
            worker.wait_ready()
        except BaseException:
            self._forget(worker)
            raise
        return worker

    def _start(self) -> Worker:
        return self._ready(self._launch())

    def _forget(self, worker: Worker) -> None:
        with self._lock:
            self._all.discard(worker)

    def run(self, job: Job, gone: Callable[[], bool] = never) -> Reply:
        """Answer one job; a timeout, a dead worker or a client gone becomes an error reply, never an exception."""
        worker = self._take(gone)
        if worker is None:
            return error(503, "every query worker is busy; try again in a moment")
        try:
            worker.conn.send(job)
            deadline = time.monotonic() + self.timeout
            while not worker.conn.poll(min(TICK, max(0.0, deadline - time.monotonic()))):
                if time.monotonic() >= deadline:
                    self._replace(worker)
                    return error(503, f"the query ran longer than the {self.timeout:g}-second limit and was stopped")
                if gone():
                    self._replace(worker)
                    self.log("a client left before its answer; its query was stopped")
                    return error(503, "the client left; the query was stopped")
            reply = worker.conn.recv()
        except (EOFError, OSError):
            return self._lost(worker)
        self._idle.put(worker)
        return reply

    def _take(self, gone: Callable[[], bool]) -> Worker | None:
        """An idle worker, or None after MIN_WAIT (or the query's timeout, if longer) or once the client left."""
        deadline = time.monotonic() + max(self.timeout, MIN_WAIT)
        while time.monotonic() < deadline:
            try:
                return self._idle.get(timeout=TICK)
            except queue.Empty:
                if gone():
                    return None
        return None

    def _lost(self, worker: Worker) -> Reply:
        """The worker died under a query: over its memory allowance, or another failure."""
        worker.process.join(timeout=5)
        code = worker.process.exitcode
        self._replace(worker)
        if code in (-signal.SIGABRT, -signal.SIGKILL, -signal.SIGSEGV, MEMORY_EXIT):
            return error(503, f"the query needed more memory than a worker may use "
                              f"({self.max_memory / 2**20:,.0f} MB beyond the graph) and was stopped")
        return error(500, "the query worker stopped unexpectedly, so the query was not answered")

    def _replace(self, worker: Worker) -> None:
        """Kill a worker and start its successor without making the caller wait."""
        worker.stop()
        self._forget(worker)
        if not self._closed:
            threading.Thread(target=self._refill, name="graphkit-worker-start", daemon=True).start()

    def _refill(self) -> None:
        try:
            worker = self._start()
        except Exception as exc:        # keep serving with the workers that remain
            print(f"graphkit: a query worker could not be restarted: {exc}", file=sys.stderr)
            return
        if self._closed:
            worker.stop()
            self._forget(worker)
        else:
            self._idle.put(worker)

    @property
    def size(self) -> int:
        with self._lock:
            return len(self._all)

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.stop()
