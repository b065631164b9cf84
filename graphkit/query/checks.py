"""Checks that keep a query from answering something other than what was asked.

* ``check_bindings``: a ``--bind NAME=VALUE`` whose variable the query does
  not use would be ignored and the whole graph would come back as if
  filtered; it is refused, naming the variables the query has.
* ``ontology_warnings``: a ``gk:`` class or property that graphkit's
  ontology does not define (``gk:Compny``) matches nothing; each one gets a
  warning with the nearest defined term.
* ``bindable``: the variables a saved query's comment invites the user to
  bind ("Bind ?targetName …"), for the query page's hints.
"""
from __future__ import annotations

import difflib
import re
from functools import lru_cache

from ..errors import QueryError
from ..graph.vocab import ONTOLOGY_IRI

# strings, IRIs, comments, variables and prefixed names: skipped when looking for the WHERE clause
TOKENS = re.compile(r"""
    (?P<skip>"{3}(?:[^"\\]|\\.|"(?!""))*"{3} | '{3}(?:[^'\\]|\\.|'(?!''))*'{3}
      | "(?:[^"\\\n]|\\.)*" | '(?:[^'\\\n]|\\.)*' | <[^<>"\s]*> | \#[^\n]*
      | [?$]\w+ | [A-Za-z_][\w.-]*:[\w.-]* )
    | (?P<where>\bWHERE\b) | (?P<construct>\bCONSTRUCT\b) | (?P<service>\bSERVICE\b) | (?P<open>\{)
""", re.I | re.X)
_BIND_HINT = re.compile(r"\bbind\b((?:[^.;\n]*?\?\w+)+)", re.I)
_DECLARED_GK = re.compile(r"PREFIX\s+gk\s*:\s*<([^>]*)>", re.I)


def _tokens(query: str):
    for match in TOKENS.finditer(query):
        if match.lastgroup == "skip":
            yield match.group()


def query_variables(query: str) -> list[str]:
    """The variables a query names, in order of first use, without ? or $."""
    found = dict.fromkeys(token[1:] for token in _tokens(query) if token[0] in "?$")
    return list(found)


def check_bindings(query: str, bindings) -> None:
    """Refuse a binding whose variable the query does not have."""
    if not bindings:
        return
    variables = query_variables(query)
    unknown = [name for name in bindings if name not in variables]
    if unknown:
        names = ", ".join(f"?{v}" for v in variables) or "none"
        raise QueryError(f"the query has no variable ?{unknown[0]} to bind, so the binding would be ignored; "
                         f"its variables are {names}")


@lru_cache(maxsize=1)
def defined_terms() -> frozenset[str]:
    """Local names of every class and property graphkit's ontology defines."""
    from ..resources import ontology_path

    text = ontology_path().read_text(encoding="utf-8")
    return frozenset(re.findall(r"(?m)^gk:([A-Za-z_][\w-]*)\s+a\s", text))


def ontology_warnings(query: str) -> list[str]:
    """One sentence per gk: term (prefixed or full IRI) the ontology does not define, with the nearest one."""
    declared = _DECLARED_GK.search(query)
    if declared and declared.group(1) != ONTOLOGY_IRI:
        return []           # gk: means something else in this query
    used = []
    for token in _tokens(query):
        if token.startswith("gk:"):
            used.append(token[3:])
        elif token.startswith("<" + ONTOLOGY_IRI):
            used.append(token[len(ONTOLOGY_IRI) + 1:-1])
    known = defined_terms()
    warnings = []
    for name in dict.fromkeys(n for n in used if n and n not in known):
        near = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6) or \
            [t for t in sorted(known) if t.lower() == name.lower()]
        hint = f"; did you mean gk:{near[0]}?" if near else "; ontologies/graphkit.ttl lists the terms it defines"
        warnings.append(f"gk:{name} is not defined in graphkit's ontology, so it matches nothing{hint}")
    return warnings


def bindable(query: str) -> list[str]:
    """Variables that the query's comments invite to bind ("# Bind ?targetName …")."""
    names: dict[str, None] = {}
    for line in query.splitlines():
        if line.lstrip().startswith("#"):
            for match in _BIND_HINT.finditer(line):
                names.update(dict.fromkeys(re.findall(r"\?(\w+)", match.group(1))))
    variables = set(query_variables(query))
    return [name for name in names if name in variables]
