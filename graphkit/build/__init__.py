"""The build: input files -> articles -> extraction -> resolution -> the graph on disk.

    orchestrator.py  build(), add_articles(), remove_articles(): the stages in order, for one graph
    state.py         the build state beside a graph (GRAPH.graphkit/): stored extractions, journalled commits
    processes.py     extraction on several processes of this machine (--workers), ScaledExtractor
    cluster.py       extraction on a Dask cluster (--dask)

``graphkit.build.build`` is what ``graphkit build`` runs.
"""
from __future__ import annotations

from .orchestrator import BuildOptions, add_articles, build, remove_articles

__all__ = ["BuildOptions", "add_articles", "build", "remove_articles"]
