"""Strict extraction score on the development set: each article built alone.

Does what the README's strict command does (one `graphkit build` per article
into OUT/NAME.ttl, then score.py on the folder) with the pipeline loaded once.

    python bench/score_dev.py [--eval ../shared/eval] [--out DIR] [--show-errors]
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from graphkit.build import BuildOptions, build
from graphkit.nlp import load_pipeline

ROOT = Path(__file__).resolve().parent.parent


def build_each(dev: Path, out: Path, model: str | None = None) -> None:
    nlp = load_pipeline(model)
    for article in sorted(p for p in dev.iterdir() if p.suffix in (".txt", ".html", ".jsonl")):
        report = build([article], out / f"{article.stem}.ttl", BuildOptions(nlp=nlp))
        if report.failures:
            print(f"{article.name}: {'; '.join(report.failures)}", file=sys.stderr)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--model")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--show-errors", action="store_true")
    args = ap.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="graphkit-dev-"))
    out.mkdir(parents=True, exist_ok=True)
    build_each(args.eval / "dev", out, args.model)
    command = [sys.executable, str(args.eval / "score.py"), str(args.eval / "dev"), str(out)]
    command += ["--json"] if args.json else []
    command += ["--show-errors"] if args.show_errors else []
    return subprocess.call(command)


if __name__ == "__main__":
    sys.exit(main())
