"""A pool of query worker processes with a deadline per query.

Each worker holds the store open read-only (Oxigraph allows many readers),
or its own in-memory copy of the graph.
A request takes an idle worker, sends it the job and waits at most
``timeout`` seconds. A worker that misses the deadline is killed, which
really stops the query, and a fresh one is started in the background; the
other workers keep answering meanwhile. Requests wait for an idle worker at
most ``max(timeout, 30)`` seconds, then get "busy".
"""
from __future__ import annotations

import multiprocessing
import queue
import sys
import threading
from pathlib import Path

from ..errors import GraphError
from .worker import Job, Reply, error, worker_main

START_TIMEOUT = 900.0       # seconds a new worker may take to open the graph (parsing a big file is slow)
MIN_WAIT = 30.0             # seconds a request may wait for an idle worker


class Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self, context, graph: Path, base_iri: str, in_memory: bool):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=worker_main, args=(child, str(graph), base_iri, in_memory),
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
                 in_memory: bool = False):
        self.graph, self.base_iri, self.timeout, self.in_memory = Path(graph), base_iri, timeout, in_memory
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
        worker = Worker(self._context, self.graph, self.base_iri, self.in_memory)
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

    def run(self, job: Job) -> Reply:
        """Answer one job; a timeout or a dead worker becomes an error reply, never an exception."""
        try:
            worker = self._idle.get(timeout=max(self.timeout, MIN_WAIT))
        except queue.Empty:
            return error(503, "every query worker is busy; try again in a moment")
        try:
            worker.conn.send(job)
            if worker.conn.poll(self.timeout):
                reply = worker.conn.recv()
                self._idle.put(worker)
                return reply
        except (EOFError, OSError):
            self._replace(worker)
            return error(500, "the query worker stopped unexpectedly, so the query was not answered")
        self._replace(worker)
        return error(503, f"the query ran longer than the {self.timeout:g}-second limit and was stopped")

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
