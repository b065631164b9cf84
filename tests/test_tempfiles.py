"""A write that crashed leaves its temporary copy behind; the next successful write of that output clears it."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from test_store_roundtrip import sample_dataset

from graphkit.graph.files import write_graph
from graphkit.graph.tempfiles import clear_stale

TESTS = Path(__file__).resolve().parent

# a process that dies (exit without cleanup, as kill -9 would) just before its finished copy replaces the output
CRASH = {
    ".trig": "import os; os.replace = lambda *a: os._exit(9)",
    ".oxigraph": "import os, graphkit.graph.store; graphkit.graph.store.swap_in = lambda *a: os._exit(9)",
}


def crash_while_writing(path: Path) -> None:
    code = textwrap.dedent(f"""
        import sys; sys.path.insert(0, {str(TESTS)!r})
        {CRASH[path.suffix]}
        from test_store_roundtrip import sample_dataset
        from graphkit.graph.files import write_graph
        write_graph(sample_dataset(), {str(path)!r})
    """)
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert run.returncode == 9, run.stderr


def leftovers(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name.startswith(f".{path.name}."))


@pytest.mark.parametrize("suffix", [".trig", ".oxigraph"])
def test_the_next_write_clears_what_a_crashed_one_left(tmp_path, suffix):
    path = tmp_path / f"graph{suffix}"
    write_graph(sample_dataset(), path)
    crash_while_writing(path)
    stale = leftovers(path)
    assert len(stale) == 1 and "graphkit-" in stale[0]          # a whole copy of the graph, left behind
    user_file = tmp_path / f".{path.name}.notes"
    user_file.write_text("mine")
    write_graph(sample_dataset(), path)
    assert leftovers(path) == [user_file.name]


def test_a_live_writers_files_and_other_names_are_left_alone(tmp_path):
    target = tmp_path / "graph.trig"
    finished = subprocess.Popen([sys.executable, "-c", "pass"])
    finished.wait()
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        dead = tmp_path / f".graph.trig.graphkit-{finished.pid}-abcd1234.tmp"
        live = tmp_path / f".graph.trig.graphkit-{sleeper.pid}-abcd1234.tmp"
        others = [tmp_path / ".graph.trig.abcd1234.tmp", tmp_path / f".other.trig.graphkit-{finished.pid}-abcd1234.tmp",
                  tmp_path / f".graph.trig.graphkit-{finished.pid}-abcd1234.tmp.keep"]
        for path in (dead, live, *others):
            path.write_text("x")
        assert clear_stale(target) == [dead]
        assert live.exists() and all(p.exists() for p in others)
    finally:
        sleeper.kill()
        sleeper.wait()
