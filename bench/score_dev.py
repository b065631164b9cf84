"""Strict extraction score: each article built alone, then scored against its own gold.

Does what the README's strict command does (one `graphkit build` per article
into OUT/NAME.ttl, then score.py on the folder) with the pipeline loaded once.

    python bench/score_dev.py [--eval ../shared/eval] [--out DIR] [--show-errors]
    python bench/score_dev.py --set real --split tune [--texts ~/.cache/graphkit-eval/real]

The development set carries its texts; the real set's texts are restored
outside the repository (see ../shared/eval/real/README.md) and found in
``--texts``. ``--set fresh`` scores the project's own further real articles
(gold in eval/fresh of this repository, texts restored as eval/README.md says).
An article whose text is missing is reported and counts as extracted nothing.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from graphkit.build import BuildOptions, build
from graphkit.nlp import load_pipeline

ROOT = Path(__file__).resolve().parent.parent
TEXT_SUFFIXES = (".txt", ".html", ".jsonl")
DEFAULT_REAL_TEXTS = Path.home() / ".cache" / "graphkit-eval" / "real"
PROJECT_SETS = ROOT / "eval"            # sets annotated for this project: gold here, texts restored


def set_folders(evaluation: Path, name: str, texts: Path | None) -> tuple[Path, Path]:
    """The gold folder and the texts folder of an evaluation set: dev carries its texts; real (in
    ../shared/eval) and this repository's own sets (in eval/) have theirs restored under ~/.cache."""
    own = PROJECT_SETS / name
    gold = own if own.is_dir() else evaluation / name
    return gold, texts or (DEFAULT_REAL_TEXTS.parent / name if name != "dev" else gold)


def articles_of(gold: Path, texts: Path, split: str | None) -> list[Path]:
    """The article files to build: those beside the gold (dev) or in TEXTS, limited to one split."""
    names = None
    manifest = gold / "manifest.json"
    if split and manifest.exists():
        names = {a["name"] for a in json.loads(manifest.read_text(encoding="utf-8")) if a["split"] == split}
    found = [p for p in sorted(texts.iterdir()) if p.suffix in TEXT_SUFFIXES and (names is None or p.stem in names)]
    missing = sorted((names or set()) - {p.stem for p in found})
    for name in missing:
        print(f"score_dev.py: no text for {name} in {texts}; it counts as extracting nothing", file=sys.stderr)
    return found


def build_each(articles: list[Path], out: Path, model: str | None = None) -> None:
    nlp = load_pipeline(model)
    for article in articles:
        report = build([article], out / f"{article.stem}.ttl", BuildOptions(nlp=nlp))
        if report.failures:
            print(f"{article.name}: {'; '.join(report.failures)}", file=sys.stderr)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--set", default="dev", help="dev (the default), real, or fresh (this repository's eval/fresh)")
    ap.add_argument("--split", help="tune or check (the real set's splits)")
    ap.add_argument("--texts", type=Path, help="folder of the set's restored texts (default: beside the gold for dev, "
                                               "~/.cache/graphkit-eval/real for real)")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--model")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--show-errors", action="store_true")
    args = ap.parse_args()
    gold, texts = set_folders(args.eval, args.set, args.texts)
    if not texts.is_dir():
        print(f"score_dev.py: no folder of texts at {texts}", file=sys.stderr)
        return 2
    out = args.out or Path(tempfile.mkdtemp(prefix=f"graphkit-{args.set}-"))
    out.mkdir(parents=True, exist_ok=True)
    build_each(articles_of(gold, texts, args.split), out, args.model)
    command = [sys.executable, str(args.eval / "score.py"), str(gold), str(out)]
    command += ["--split", args.split] if args.split else []
    command += ["--json"] if args.json else []
    command += ["--show-errors"] if args.show_errors else []
    return subprocess.call(command)


if __name__ == "__main__":
    sys.exit(main())
