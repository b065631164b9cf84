"""The build: input files -> articles -> extraction -> resolution -> the graph on disk.

    orchestrator.py  build(), add_articles(), remove_articles(): the stages in order, for one graph
    state.py         the build state beside a graph (GRAPH.graphkit/): stored extractions, journalled commits
    batches.py       what the two extraction runners share: batches out, plain results back
    processes.py     the local runner: extraction on several processes of this machine (--workers)
    cluster.py       the Dask runner: extraction on a Dask cluster (--dask)
    scaled.py        ScaledExtractor: the Extractor's interface over either runner

``graphkit.build.build`` is what ``graphkit build`` runs.
"""
from __future__ import annotations

from .orchestrator import BuildOptions, add_articles, build, remove_articles

__all__ = ["BuildOptions", "add_articles", "build", "remove_articles"]
