"""graphkit stats GRAPH [--top N] [--explain NAME]"""
from __future__ import annotations

from .common import EXIT_OK, add_endpoint, open_dataset


def register(sub) -> None:
    p = sub.add_parser("stats", help="count entities and relations; list likely duplicates to check")
    p.add_argument("graph", nargs="?", metavar="GRAPH")
    p.add_argument("--top", type=int, default=10, metavar="N", help="how many entities and duplicates to list")
    p.add_argument("--explain", metavar="NAME", help="show what graphkit knows of an entity and why it has its type")
    add_endpoint(p)
    p.set_defaults(func=run)


def run(args) -> int:
    from ..errors import GraphkitError
    from ..graph.files import read_graph
    from ..graph.stats import explain, graph_stats

    dataset = open_dataset(args, read_graph)
    if args.explain:
        found = explain(dataset, args.explain)
        if not found:
            raise GraphkitError(f"{args.graph}: no entity is named {args.explain!r}")
        print("\n\n".join(format_explanation(e) for e in found))
        return EXIT_OK
    print(format_stats(graph_stats(dataset, top=args.top)))
    return EXIT_OK


def _table(rows: list[tuple], header: tuple) -> list[str]:
    rows = [tuple(map(str, r)) for r in rows]
    widths = [max(len(str(c)) for c in col) for col in zip(header, *rows, strict=True)]
    lines = ["  ".join(str(c).ljust(w) for c, w in zip(header, widths, strict=True)).rstrip()]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return lines


def format_stats(stats) -> str:
    out = [f"{stats.articles} articles, {sum(stats.entities.values())} entities, "
           f"{sum(stats.relations.values())} relations, {sum(stats.statements.values())} statements", ""]
    out += ["Entities by type"] + _table(sorted(stats.entities.items(), key=lambda kv: (-kv[1], kv[0])), ("type", "count"))
    out += ["", "Relations by predicate"]
    out += _table(sorted(stats.relations.items(), key=lambda kv: (-kv[1], kv[0])), ("predicate", "count"))
    if stats.statements:
        out += ["", "Statements by claim status"]
        out += _table(sorted(stats.statements.items(), key=lambda kv: (-kv[1], kv[0])), ("status", "count"))
    out += ["", "Most connected entities"]
    out += _table([(n.label, n.type, n.degree, n.articles) for n in stats.connected],
                  ("entity", "type", "relations", "articles"))
    out += ["", "Likely duplicates to check (same type, not merged)"]
    if stats.duplicates:
        out += _table([(d.a.label, d.b.label, d.a.type, f"{d.score:.0f}", d.why) for d in stats.duplicates],
                      ("entity", "entity", "type", "score", "why"))
    else:
        out.append("none found")
    return "\n".join(out)


def format_explanation(e) -> str:
    node = e.node
    lines = [f"{node.label}  <{node.iri}>", f"  type: {node.type}", f"  why: {e.type_reason or 'not recorded'}",
             f"  names: {', '.join(node.names)}", f"  named in {node.articles} article(s)"]
    if e.wikidata:
        lines.append(f"  same as: {', '.join(e.wikidata)}")
    for direction, predicate, other, sentences, articles in e.relations:
        lines.append(f"  {direction} {predicate} {other}  ({sentences} sentence(s), {articles} article(s))")
    return "\n".join(lines)
