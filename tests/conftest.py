"""Shared fixtures: the spaCy pipeline, the example graph, a headless Chromium."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"
QUERIES = ROOT / "examples" / "queries"
EVAL_DIR = ROOT.parent / "shared" / "eval"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def nlp():
    from graphkit.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def extractor(nlp):
    from graphkit.extract.article import Extractor

    return Extractor(nlp)


@pytest.fixture(scope="session")
def example_graph_path(tmp_path_factory) -> Path:
    from graphkit.build import build

    out = tmp_path_factory.mktemp("example") / "graph.trig"
    report = build([EXAMPLES], out)
    assert report.articles >= 8 and not report.failures, report.failures
    return out


@pytest.fixture(scope="session")
def example_graph(example_graph_path):
    from graphkit.graph.files import read_graph

    return read_graph(example_graph_path)


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        if os.environ.get("GRAPHKIT_REQUIRE_BROWSER"):
            pytest.fail("Chromium is required for the browser tests but is not installed")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory) -> Path:
    """The generated sample graph (test_store_roundtrip.sample_dataset) as TriG, one copy per test module."""
    from test_store_roundtrip import sample_dataset

    from graphkit.graph.files import write_graph

    path = tmp_path_factory.mktemp("sample") / "sample.trig"
    write_graph(sample_dataset(), path)
    return path
