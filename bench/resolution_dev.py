"""Entity resolution on the development set: fragmentation and wrong merges.

Builds every article of ``../shared/eval/dev`` into one graph with the real
pipeline (or reads ``--graph``), then compares its nodes with the gold
entities of each article (``NAME.gold.json``):

* fragmentation: for each gold entity that the graph finds in two or more
  articles, the fewest nodes that cover all its articles (1 when one node
  stands for it everywhere); the mean must be 1.0. The union of nodes is
  printed too: it also counts nodes that extraction split inside one article.
* wrong merges: a node mentioned by an article that carries the names of two
  different gold entities of that article; there must be none.

A second row resolves the same extraction results again without the lexicons
(no known entities, aliases or Wikidata ids to lean on), to show what the
name, acronym, short-form and fuzzy rules achieve alone.

A gold entity is found in an article's graph through the nodes that article
mentions (``schema:mentions``) whose label or alternative labels equal one of
its gold names after normalisation (score.py's rule). Names that two gold
entities of one article share are ambiguous and ignored. Generic collective
actors ("police", "governments", marked ``gk:collectiveActor``) are one node
per article by design, so they are left out of fragmentation (not out of
wrong merges).

    python bench/resolution_dev.py [--eval DIR] [--graph GRAPH] [--json]
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from rdflib import URIRef
from rdflib.namespace import RDFS, SKOS

from graphkit.graph.files import read_graph
from graphkit.graph.vocab import DEFAULT_BASE_IRI, GK, SCHEMA
from graphkit.ids import article_path, normalize_name

ROOT = Path(__file__).resolve().parent.parent


def default_eval() -> Path:
    """GRAPHKIT_EVAL_DIR when it is set, else ../shared/eval beside the repository (as in .ci/run)."""
    configured = os.environ.get("GRAPHKIT_EVAL_DIR")
    return Path(configured) if configured else ROOT.parent / "shared" / "eval"


def load_gold(dev: Path) -> dict[str, dict[str, set[str]]]:
    """article id -> gold entity id -> normalised names (ambiguous names removed)."""
    gold = {}
    for path in sorted(dev.glob("*.gold.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        entities = {e["id"]: {normalize_name(n) for n in e["names"]} - {""} for e in data["entities"]}
        counts = defaultdict(int)
        for names in entities.values():
            for name in names:
                counts[name] += 1
        gold[data["id"]] = {g: {n for n in names if counts[n] == 1} for g, names in entities.items()}
    return gold


def graph_view(dataset, article_ids, base_iri: str):
    """article id -> mentioned node IRIs; node IRI -> normalised names; the collective actors' IRIs."""
    names: dict[str, set[str]] = defaultdict(set)
    for predicate in (RDFS.label, SKOS.altLabel):
        for node, name in dataset.subject_objects(predicate):
            names[str(node)].add(normalize_name(str(name)))
    mentions = {}
    for article in article_ids:
        iri = URIRef(base_iri + article_path(article))
        mentions[article] = {str(n) for n in dataset.objects(iri, SCHEMA.mentions)}
    collective = {str(n) for n, flag in dataset.subject_objects(GK.collectiveActor) if str(flag).lower() == "true"}
    return mentions, names, collective


def fewest_covering(sets: list[set[str]]) -> int:
    """The fewest nodes that meet every article's set (exact; the sets are small)."""
    pool = sorted(set().union(*sets))
    for size in range(1, len(sets) + 1):
        for combo in itertools.combinations(pool, size):
            if all(s & set(combo) for s in sets):
                return size
    return len(sets)


def measure(gold, mentions, names, collective=frozenset()) -> dict:
    found: dict[str, dict[str, set[str]]] = defaultdict(dict)     # gold id -> article -> nodes
    wrong = []
    for article, entities in sorted(gold.items()):
        for gid, gnames in entities.items():
            nodes = {n for n in mentions.get(article, ()) if names[n] & gnames}
            if nodes:
                found[gid][article] = nodes
        for node in sorted(mentions.get(article, ())):
            hits = sorted(g for g, gnames in entities.items() if names[node] & gnames)
            if len(hits) > 1:
                wrong.append({"article": article, "node": node, "gold": hits})
    shared = {g: arts for g, arts in found.items()
              if len(arts) > 1 and not set().union(*arts.values()) <= set(collective)}
    rows = []
    for gid, arts in sorted(shared.items()):
        sets = list(arts.values())
        rows.append({"gold": gid, "articles": len(arts), "cover": fewest_covering(sets),
                     "union": len(set().union(*sets))})
    mean = lambda key: sum(r[key] for r in rows) / len(rows) if rows else 1.0  # noqa: E731
    return {"entities_in_several_articles": len(rows), "fragmentation": mean("cover"),
            "fragmentation_union": mean("union"), "fragmented": [r for r in rows if r["cover"] > 1],
            "rows": rows, "wrong_merges": wrong}


def without_lexicon(graph: Path):
    """The graph's own articles resolved again with an empty lexicon."""
    from graphkit.build.state import BuildState
    from graphkit.graph.rdf import to_dataset
    from graphkit.resolve import resolve
    from graphkit.resources import Lexicon

    state = BuildState(graph)
    manifest = state.open()
    results = [state.load(r) for r in manifest.articles]
    return to_dataset(results, resolve(results, lexicon=Lexicon([])), base_iri=manifest.settings.base_iri)


def build_dev(dev: Path, out: Path) -> None:
    from graphkit.build import build

    report = build([dev], out)
    if report.failures:
        print("; ".join(report.failures), file=sys.stderr)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=default_eval())
    ap.add_argument("--graph", type=Path, help="score this graph instead of building the dev set")
    ap.add_argument("--base-iri", default=DEFAULT_BASE_IRI)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    dev = args.eval / "dev"
    graph = args.graph
    if graph is None:
        graph = Path(tempfile.mkdtemp(prefix="graphkit-resolution-")) / "dev.nq"
        build_dev(dev, graph)
    gold = load_gold(dev)
    rows = {"graphkit build": measure(gold, *graph_view(read_graph(graph), gold, args.base_iri))}
    rows["same results, no lexicon"] = measure(gold, *graph_view(without_lexicon(graph), gold, args.base_iri))
    if args.json:
        print(json.dumps(rows, indent=1))
    else:
        print_table(rows)
    main_row = rows["graphkit build"]
    return 0 if main_row["fragmentation"] == 1.0 and not main_row["wrong_merges"] else 1


def print_table(rows: dict) -> None:
    print("| resolution | gold entities in several articles | fragmentation | union of nodes | wrong merges |")
    print("|---|---|---|---|---|")
    for name, result in rows.items():
        print(f"| {name} | {result['entities_in_several_articles']} | {result['fragmentation']:.2f} | "
              f"{result['fragmentation_union']:.2f} | {len(result['wrong_merges'])} |")
    for name, result in rows.items():
        print(f"\n{name}:")
        for row in result["rows"] if name == "graphkit build" else result["fragmented"]:
            print(f"  {row['gold']:24} {row['articles']} articles -> {row['cover']} node(s) ({row['union']} in all)")
        for item in result["wrong_merges"]:
            print(f"  wrong merge in {item['article']}: {item['node']} carries {', '.join(item['gold'])}")


if __name__ == "__main__":
    sys.exit(main())
