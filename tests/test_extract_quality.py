"""Quality floors on the hand-annotated development set (../shared/eval).

The strict figure: each article built alone into its own graph, scored
against that article's gold only by the evaluation's own score.py. The floors
are the figures reached when they were set; a change that falls below them
has made extraction worse.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EVAL_DIR

pytestmark = pytest.mark.slow

FLOORS = {"f1": 0.74, "precision": 0.86, "type_accuracy": 0.95}


def eval_dir() -> Path:
    path = Path(os.environ.get("GRAPHKIT_EVAL_DIR", EVAL_DIR))
    if not (path / "score.py").exists():
        if os.environ.get("GRAPHKIT_REQUIRE_EVAL"):
            pytest.fail(f"the evaluation set is required but {path} holds no score.py")
        pytest.skip(f"the evaluation set is not available at {path} (set GRAPHKIT_EVAL_DIR)")
    return path


@pytest.fixture(scope="module")
def strict_score(nlp, tmp_path_factory):
    from graphkit.build import BuildOptions, build

    evaluation = eval_dir()
    out = tmp_path_factory.mktemp("strict")
    for article in sorted((evaluation / "dev").iterdir()):
        if article.suffix in (".txt", ".html", ".jsonl"):
            report = build([article], out / f"{article.stem}.ttl", BuildOptions(nlp=nlp))
            assert not report.failures, report.failures
    run = subprocess.run([sys.executable, str(evaluation / "score.py"), str(evaluation / "dev"), str(out), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(run.stdout)


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_score_stays_above_its_floor(strict_score, measure):
    assert strict_score[measure] >= FLOORS[measure], f"{measure} fell to {strict_score[measure]}"


def test_no_predicate_is_left_unfound(strict_score):
    unfound = [p for p, v in strict_score["per_predicate"].items() if v["gold"] and not v["found"]]
    assert not unfound, f"no gold triple found for {unfound}"


# The real sets' texts are not in the repository (../shared/eval/real/README.md, eval/README.md): these floors
# run where they were restored (GRAPHKIT_REAL_TEXTS or ~/.cache/graphkit-eval/real; GRAPHKIT_FRESH_TEXTS or
# ~/.cache/graphkit-eval/fresh) and are skipped elsewhere, CI included.
REAL_FLOORS = {("real", "tune"): {"f1": 0.51, "precision": 0.79}, ("real", "check"): {"f1": 0.33, "precision": 0.70},
               ("fresh", "tune"): {"f1": 0.39, "precision": 0.74}, ("fresh", "check"): {"f1": 0.30, "precision": 0.62}}
PROJECT_SETS = Path(__file__).resolve().parent.parent / "eval"


def restored_texts(name: str) -> Path:
    default = Path.home() / ".cache" / "graphkit-eval" / name
    path = Path(os.environ.get(f"GRAPHKIT_{name.upper()}_TEXTS", default))
    if not any(path.glob("*.txt")):
        pytest.skip(f"the {name} set's texts are not restored at {path}")
    return path


@pytest.mark.parametrize("name, split", sorted(REAL_FLOORS))
def test_real_articles_stay_above_their_floor(nlp, tmp_path, name, split):
    from graphkit.build import BuildOptions, build

    evaluation = eval_dir()
    gold = PROJECT_SETS / name if (PROJECT_SETS / name).is_dir() else evaluation / name
    texts = restored_texts(name)
    manifest = json.loads((gold / "manifest.json").read_text(encoding="utf-8"))
    for entry in (e for e in manifest if e["split"] == split):
        article = texts / f"{entry['name']}.txt"
        if article.exists():
            build([article], tmp_path / f"{article.stem}.ttl", BuildOptions(nlp=nlp))
    run = subprocess.run([sys.executable, str(evaluation / "score.py"), str(gold), str(tmp_path),
                          "--split", split, "--json"], capture_output=True, text=True, check=True)
    score = json.loads(run.stdout)
    floors = REAL_FLOORS[name, split]
    low = {m: score[m] for m, floor in floors.items() if score[m] < floor}
    assert not low, f"{name} {split}: {low} below {floors}"
