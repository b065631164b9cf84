"""graphkit add GRAPH INPUT...   and   graphkit remove GRAPH ARTICLE..."""
from __future__ import annotations

import sys

from .build import finish
from .common import progress_bar


def register(sub) -> None:
    p = sub.add_parser("add", help="add new or changed articles to a graph; unchanged ones are not parsed again")
    p.add_argument("graph", metavar="GRAPH", help="a graph written by `graphkit build`")
    p.add_argument("inputs", nargs="*", metavar="INPUT",
                   help="article files (.txt .html .jsonl) or folders; none: apply the resolver files again")
    p.add_argument("--resolver", action="append", metavar="FILE",
                   help="another resolver file to apply from now on (resolver.yaml in the folders the graph was read "
                        "from always applies)")
    p.add_argument("--meta", metavar="FILE.csv",
                   help="table of article metadata, one row per file: path,title,date,url,outlet")
    p.set_defaults(func=run_add)

    p = sub.add_parser("remove", help="remove articles from a graph, with the facts only they supported")
    p.add_argument("graph", metavar="GRAPH", help="a graph written by `graphkit build`")
    p.add_argument("articles", nargs="+", metavar="ARTICLE", help="article id, source file or article IRI")
    p.set_defaults(func=run_remove)


def run_add(args) -> int:
    from ..build import BuildOptions, add_articles

    options = BuildOptions(resolvers=tuple(args.resolver or ()), meta=args.meta, progress=progress_bar(sys.stderr))
    return finish(add_articles(args.graph, args.inputs, options), args.graph)


def run_remove(args) -> int:
    from ..build import remove_articles

    return finish(remove_articles(args.graph, args.articles), args.graph)
