"""The resolution figures on the development set: fragmentation 1.0 and no wrong merge."""
from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
BENCH = Path(__file__).resolve().parent.parent / "bench" / "resolution_dev.py"


def bench_module():
    spec = importlib.util.spec_from_file_location("resolution_dev", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_each_gold_entity_is_one_node_and_no_node_joins_two(tmp_path):
    bench = bench_module()
    dev = bench.default_eval() / "dev"
    if not dev.is_dir():
        if os.environ.get("GRAPHKIT_REQUIRE_EVAL"):
            pytest.fail(f"the development set is required but not at {dev}")
        pytest.skip(f"the development set is not at {dev} (set GRAPHKIT_EVAL_DIR)")
    graph = tmp_path / "dev.nq"
    bench.build_dev(dev, graph)
    gold = bench.load_gold(dev)
    from graphkit.graph.files import read_graph
    from graphkit.graph.vocab import DEFAULT_BASE_IRI

    result = bench.measure(gold, *bench.graph_view(read_graph(graph), gold, DEFAULT_BASE_IRI))
    assert result["entities_in_several_articles"] >= 10
    assert result["fragmented"] == [] and result["fragmentation"] == 1.0
    assert result["wrong_merges"] == []
