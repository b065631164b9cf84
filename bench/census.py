"""Error census: every missed gold triple and every false hit of a strict build, counted by cause.

    python bench/census.py [--set dev|real] [--split tune] [--texts DIR] [--out DIR] [--list CAUSE]

Builds each article alone (as bench/score_dev.py does), then puts each miss and each false hit in
the first cause that explains it:

misses
  entity not found      the gold subject or object is named by no node of the article's graph
  wrong type            both are named, but one carries another type than the gold one
  claim status          the triple is there as a statement, but negated, alleged, hypothetical or denied
  relation not read     both are named and typed right, and nothing states the relation; split by whether
                        some sentence of the text names both ends (a construction or cue not read) or none
                        does (a reference across sentences, or a fact the article only implies)

false hits
  entity boundary       a side's name holds two names or a piece of one ("Allstate and Arity")
  entity not in gold    a side is no entity of the gold (a spurious name, or one the gold left out)
  other relation        both sides are gold entities that the gold relates by another predicate or the other way
  relation not in gold  both sides are gold entities that the gold does not relate (a misreading, or a gold omission)

The figures feed the table in docs/extraction.md; ``--list CAUSE`` prints the triples of one cause.
The check split of the real set is for scores only: run this on dev and on tune.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

import rdflib
from rdflib.namespace import RDF, RDFS, SKOS

sys.path.insert(0, str(Path(__file__).resolve().parent))
from score_dev import ROOT, articles_of, build_each, set_folders  # noqa: E402

MISS_CAUSES = ("entity not found", "wrong type", "claim status", "relation not read: one sentence",
               "relation not read: across sentences")
FALSE_CAUSES = ("entity boundary", "entity not in gold", "other relation", "relation not in gold")


def _norm(name: str, score) -> str:
    return score.norm(name)


def _graph_facts(path: Path, score):
    """Labels, types, asserted triples and statements (with their status) of one article's graph."""
    ds = rdflib.Dataset(default_union=True)
    ds.parse(str(path), format=rdflib.util.guess_format(str(path)) or "turtle")
    labels, types = defaultdict(set), defaultdict(set)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        if p in (RDFS.label, SKOS.altLabel, SKOS.prefLabel):
            labels[s].add(score.norm(o))
        elif p == RDF.type:
            types[s].add(score.local_name(o))
    asserted, statuses = set(), []
    for s, p, o, _ in ds.quads((None, None, None, None)):
        if score.local_name(p) in score.PREDICATES and not isinstance(o, rdflib.Literal):
            asserted.add((s, score.local_name(p), o))
    for st in set(ds.subjects(RDF.type, None)):
        subj, pred, obj = (ds.value(st, RDF.subject), ds.value(st, RDF.predicate), ds.value(st, RDF.object))
        status = next((score.local_name(v) for k, v in ds.predicate_objects(st) if score.local_name(k) == "status"), "")
        if subj is not None and pred is not None:
            statuses.append((subj, score.local_name(pred), obj, status))
    return labels, types, asserted, statuses


def _nodes_of(labels: dict, names: set[str]) -> list:
    return [node for node, node_labels in labels.items() if node_labels & names]


def _gold_of(node_labels: set[str], entity_names: dict[str, set[str]]) -> list[str]:
    return [entity for entity, names in entity_names.items() if node_labels & names]


def _sentences(text_file: Path | None, score) -> list[str]:
    if text_file is None or not text_file.exists():
        return []
    text = text_file.read_text(encoding="utf-8", errors="replace")
    return [f" {score.norm(s)} " for s in re.split(r"(?<=[.!?\u201d\"])\s+|\n+", text) if s.strip()]


def _together(sentences: list[str], first: set[str], second: set[str]) -> bool:
    """Whether one sentence names both ends (whole words, after the scorer's normalisation)."""
    return any(any(f" {a} " in s for a in first) and any(f" {b} " in s for b in second) for s in sentences)


def census(gold_dir: Path, out: Path, names: set[str] | None, score, texts: Path | None = None):
    misses, falses = Counter(), Counter()
    listed: dict[str, list[str]] = defaultdict(list)
    for gold_file in sorted(gold_dir.glob("*.gold.json")):
        name = gold_file.name[:-len(".gold.json")]
        if names is not None and name not in names:
            continue
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        entity_names = {e["id"]: {score.norm(n) for n in e["names"]} - {""} for e in gold["entities"]}
        entity_types = {e["id"]: e["type"] for e in gold["entities"]}
        graph = out / f"{name}.ttl"
        labels, types, asserted, statuses = _graph_facts(graph, score) if graph.exists() else ({}, {}, set(), [])
        text_file = next((texts / f"{name}{suffix}" for suffix in (".txt", ".html") if texts
                          and (texts / f"{name}{suffix}").exists()), None)
        sentences = _sentences(text_file, score)

        gold_triples = {(t["s"], t["p"], t["o"]) for t in gold["triples"]}
        for s, p, o in sorted(gold_triples):
            subjects, objects = _nodes_of(labels, entity_names[s]), _nodes_of(labels, entity_names[o])
            found = any((a, p, b) in asserted or p == "partnersWith" and (b, p, a) in asserted
                        for a in subjects for b in objects)
            if found:
                continue
            if not subjects or not objects:
                cause = "entity not found"
            elif not any(entity_types[s] in types.get(n, ()) for n in subjects) or \
                    not any(entity_types[o] in types.get(n, ()) for n in objects):
                cause = "wrong type"
            elif any(a in subjects and b in objects and q == p and status != "asserted" for a, q, b, status in statuses):
                cause = "claim status"
            elif _together(sentences, entity_names[s], entity_names[o]):
                cause = "relation not read: one sentence"
            else:
                cause = "relation not read: across sentences"
            misses[cause] += 1
            listed[cause].append(f"[{name}] {s} {p} {o}")
        for a, p, b in sorted(asserted):
            subjects, objects = _gold_of(labels.get(a, set()), entity_names), _gold_of(labels.get(b, set()), entity_names)
            if any((s, p, o) in gold_triples or p == "partnersWith" and (o, p, s) in gold_triples
                   for s in subjects for o in objects):
                continue
            label_a, label_b = min(labels.get(a, {str(a)})), min(labels.get(b, {str(b)}))
            if not subjects or not objects:
                pieces = [lbl for lbl in (label_a, label_b) if " and " in f" {lbl} " or any(
                    lbl != n and (n in lbl or lbl in n) for ns in entity_names.values() for n in ns if len(lbl) > 2)]
                cause = "entity boundary" if pieces else "entity not in gold"
            elif any((s, q, o) in gold_triples or (o, q, s) in gold_triples for s in subjects for o in objects for q in
                     score.PREDICATES):
                cause = "other relation"
            else:
                cause = "relation not in gold"
            falses[cause] += 1
            listed[cause].append(f"[{name}] {label_a} {p} {label_b}")
    return misses, falses, listed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--set", default="dev")
    ap.add_argument("--split")
    ap.add_argument("--texts", type=Path)
    ap.add_argument("--out", type=Path, help="a folder of graphs already built (else they are built)")
    ap.add_argument("--list", metavar="CAUSE", help="print the triples of one cause")
    args = ap.parse_args()
    if args.split == "check":
        print("census.py: the check split is for scores only; run the census on dev or tune", file=sys.stderr)
        return 2
    sys.path.insert(0, str(args.eval))
    import score

    gold, texts = set_folders(args.eval, args.set, args.texts)
    names = None
    if args.split:
        names = {a["name"] for a in json.loads((gold / "manifest.json").read_text(encoding="utf-8"))
                 if a["split"] == args.split}
    out = args.out
    if out is None:
        out = Path(tempfile.mkdtemp(prefix="graphkit-census-"))
        build_each(articles_of(gold, texts, args.split), out)
    misses, falses, listed = census(gold, out, names, score, texts)
    print(f"{'misses':<40}{'count':>6}")
    for cause in MISS_CAUSES:
        print(f"  {cause:<38}{misses[cause]:>6}")
    print(f"{'false hits':<40}{'count':>6}")
    for cause in FALSE_CAUSES:
        print(f"  {cause:<38}{falses[cause]:>6}")
    if args.list:
        print("\n".join(listed.get(args.list, [])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
