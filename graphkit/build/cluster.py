"""Extraction on a Dask distributed cluster.

``DaskExtractor(spec, "local:4")`` starts a LocalCluster of 4 worker
processes on this machine; any other address (``tcp://host:8786``) joins a
running scheduler. The work is the one :mod:`graphkit.build.processes` does
on local processes (both send the batches of :mod:`graphkit.build.batches`),
on Dask's machinery:

* each worker loads the spaCy pipeline once, in a worker plugin that Dask
  also installs on any worker that joins (or replaces a dead one) later;
* articles are sent in batches of plain dicts, with at most a few batches
  per worker in flight, so memory stays bounded however long the input;
* results come back as plain dicts and are yielded in input order, to be
  resolved and written centrally by the build;
* a worker that dies mid-batch is Dask's to handle: the scheduler gives the
  batch to another worker (and the nanny restarts the dead one). A batch
  that keeps killing workers is split, and an article that still kills its
  worker, or whose extraction raises, is reported in ``failures`` and skipped.
"""
from __future__ import annotations

import logging
import re
import uuid
from collections import deque
from collections.abc import Iterable, Iterator

import dask
from distributed import Client, KilledWorker, LocalCluster, WorkerPlugin, get_worker

from ..errors import GraphkitError, ModelError, first_line
from ..model import Article, ArticleResult
from .batches import (IN_FLIGHT_PER_WORKER, ExtractionSpec, ResultCollector, WorkerError, batches,
                      extract_batch, pipeline_meta)

CONNECT_TIMEOUT = 10            # seconds to reach a scheduler
WORKER_TIMEOUT = 60             # seconds to wait for a first worker
TASK_RETRIES = 2                # retries of a batch whose task raised (not counting lost workers)
_LOCAL = re.compile(r"local:(\d+)")
# Dask's nanny starts workers with MALLOC_TRIM_THRESHOLD_=65536, which makes glibc hand memory back after
# every large free; spaCy allocates and frees arrays all the time and parses 20-45 % slower with it.
# None unsets the variable (graphkit's batches already bound a worker's memory).
LOCAL_WORKER_CONFIG = {"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}


class SchedulerError(GraphkitError):
    """The Dask scheduler cannot be reached or lost."""


class ExtractorPlugin(WorkerPlugin):
    """Loads the pipeline once per worker process; tasks find it on the worker by name."""

    def __init__(self, spec: ExtractionSpec):
        self.spec = spec
        self.extractor = None

    def setup(self, worker) -> None:
        self.extractor = self.spec.make_extractor()

    def teardown(self, worker) -> None:
        self.extractor = None


def _plugin(name: str) -> ExtractorPlugin:
    return get_worker().plugins[name]


def _run_batch(batch: list[dict], plugin_name: str) -> list[dict]:
    return extract_batch(_plugin(plugin_name).extractor, batch)


def _worker_meta(plugin_name: str) -> dict:
    return pipeline_meta(_plugin(plugin_name).extractor)


class DaskExtractor:
    """Extraction on a Dask cluster; use as a context manager."""

    def __init__(self, spec: ExtractionSpec, address: str, *, batch_chars: int | None = None):
        self.spec, self.address, self.batch_chars = spec, address.strip(), batch_chars
        self.collector = ResultCollector()
        self.meta: dict = {}
        self.workers = 0
        self._cluster = self._client = None
        self._plugin_name = f"graphkit-extractor-{uuid.uuid4().hex[:12]}"
        self._tag = uuid.uuid4().hex[:8]

    @property
    def failures(self) -> list[str]:
        return self.collector.failures

    # -- starting and stopping --------------------------------------------
    def __enter__(self) -> "DaskExtractor":
        try:
            self._connect()
            self._load_pipelines()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _connect(self) -> None:
        local = _LOCAL.fullmatch(self.address)
        if local:
            count = int(local.group(1))
            if count < 1:
                raise GraphkitError(f"--dask {self.address}: a local cluster needs at least one worker")
            with dask.config.set(LOCAL_WORKER_CONFIG):
                self._cluster = LocalCluster(n_workers=count, threads_per_worker=1, processes=True,
                                             dashboard_address=None, silence_logs=logging.ERROR)
            self._client = Client(self._cluster)
        else:
            try:
                self._client = Client(self.address, timeout=CONNECT_TIMEOUT)
            except (OSError, TimeoutError, ValueError) as exc:
                raise SchedulerError(f"cannot reach the Dask scheduler at {self.address} "
                                     f"({first_line(exc)}); nothing was written") from None
        try:
            self._client.wait_for_workers(1, timeout=WORKER_TIMEOUT)
        except TimeoutError:
            raise SchedulerError(f"the Dask scheduler at {self.address} has no worker "
                                 f"(waited {WORKER_TIMEOUT} s); nothing was written") from None
        self.workers = len(self._client.scheduler_info(n_workers=-1)["workers"])

    def _load_pipelines(self) -> None:
        try:
            self._client.register_plugin(ExtractorPlugin(self.spec), name=self._plugin_name)
        except GraphkitError as exc:
            raise ModelError(str(exc)) from None
        except Exception as exc:        # a worker could not unpickle or set up the plugin
            raise WorkerError(f"the Dask workers could not load the pipeline ({first_line(exc)})") from None
        self.meta = self._client.submit(_worker_meta, self._plugin_name, pure=False).result()

    def close(self) -> None:
        if self._client is not None:
            if self._cluster is None:       # a shared cluster: leave no pipeline behind on its workers
                try:
                    self._client.unregister_worker_plugin(self._plugin_name)
                except Exception:           # the scheduler may be gone already
                    pass
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    # -- the work ------------------------------------------------------------
    def extract(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        """One result per article that could be extracted, in input order."""
        if self._client is None:
            raise RuntimeError("DaskExtractor.extract needs `with DaskExtractor(...)` first")
        pending: deque = deque()
        limit = max(2, self.workers * IN_FLIGHT_PER_WORKER)
        for number, batch in enumerate(batches(articles, max_chars=self.batch_chars)):
            pending.append((self._submit(batch, f"{number}"), batch))
            while len(pending) >= limit:
                yield from self._collect(*pending.popleft())
        while pending:
            yield from self._collect(*pending.popleft())

    def _submit(self, batch: list[dict], label: str):
        return self._client.submit(_run_batch, batch, self._plugin_name, key=f"graphkit-batch-{self._tag}-{label}",
                                   retries=TASK_RETRIES, pure=False)

    def _collect(self, future, batch: list[dict]) -> Iterator[ArticleResult]:
        try:
            items = future.result()
        except KilledWorker:
            items = None
        except (OSError, TimeoutError) as exc:
            raise SchedulerError(f"lost the Dask scheduler at {self.address} ({first_line(exc)}); "
                                 "nothing was written") from None
        except Exception as exc:
            raise WorkerError(f"a Dask task failed ({first_line(exc)}); nothing was written") from None
        finally:
            future.release()
        if items is not None:
            yield from self.collector.take(items)
        elif len(batch) > 1:                # find the article that kills workers: one task each
            singles = [(self._submit([item], f"{future.key}-{i}"), [item]) for i, item in enumerate(batch)]
            for single, item in singles:
                yield from self._collect(single, item)
        else:
            yield from self.collector.take([{"id": batch[0].get("id", "?"), "source": batch[0].get("source", ""),
                                             "error": "its worker died every time it was tried"}])
