"""The HTML query page at ``/``: a query box, the saved queries, results as a table.

Everything runs on the server: ``/?name=critics-of`` runs a saved query,
``/?query=…`` the text from the box, ``bind=VAR=VALUE`` pre-binds variables.
The page is a Jinja template with autoescaping and carries no script, so
nothing from the graph can run in the browser; IRIs become links to the
``about-entity`` saved query, never hrefs of their own. So do names and titles:
a cell holding the one entity's label or the one article's title that the graph
has for that text (saved queries answer with names, as a reporter asks) links
to that entity or article, found with one more query per page.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

import pyoxigraph as ox
from jinja2 import Environment, PackageLoader, select_autoescape

from ..errors import QueryError
from ..graph.terms import XSD_STRING, short, term_parts
from ..graph.vocab import sparql_prologue
from ..query.checks import bindable, ontology_warnings
from ..query.sparql import SavedQuery, parse_binding
from .worker import Job, Reply

PAGE_ACCEPT = "application/sparql-results+json, application/n-triples"
PAGE_ROWS = 500             # rows shown on the page; the endpoint serves more
ENTITY_QUERY = "about-entity"
STARTER = """SELECT ?name ?type WHERE {
  ?entity rdfs:label ?name ; a ?class .
  FILTER(STRSTARTS(STR(?class), STR(gk:)))
  BIND(STRAFTER(STR(?class), "#") AS ?type)
}
ORDER BY ?type ?name
LIMIT 50
"""


@dataclass
class Cell:
    text: str
    href: str = ""
    title: str = ""


@dataclass
class Result:
    variables: list[str] = field(default_factory=list)
    rows: list[list[Cell]] = field(default_factory=list)
    boolean: bool | None = None
    truncated: bool = False
    error: str = ""
    warnings: list[str] = field(default_factory=list)


class Page:
    def __init__(self, saved: dict[str, SavedQuery], *, base_iri: str, timeout: float, max_rows: int):
        self.saved, self.base_iri, self.timeout, self.max_rows = saved, base_iri, timeout, max_rows
        self.env = Environment(loader=PackageLoader("graphkit.serve", "templates"),
                               autoescape=select_autoescape(default=True, default_for_string=True))

    def render(self, params: dict[str, list[str]], run: Callable[[Job], Reply]) -> bytes:
        name = _first(params, "name")
        text = _first(params, "query")
        binds = [b for b in params.get("bind", []) if b.strip()]
        result, title = None, ""
        if name and not text:
            if name in self.saved:
                text, title = self.saved[name].text, self.saved[name].title
            else:
                result = Result(error=f"no saved query named {name!r}")
        if text:
            result = self.run(text, binds, run)
        page = self.env.get_template("page.html").render(
            query=text or sparql_prologue(self.base_iri) + "\n" + STARTER, title=title, name=name,
            binds=binds, result=result, placeholder=bind_placeholder(text if name in self.saved else ""),
            timeout=self.timeout, max_rows=self.max_rows, page_rows=PAGE_ROWS,
            saved=sorted(self.saved.values(), key=lambda q: q.name))
        return page.encode("utf-8")

    def run(self, text: str, binds: list[str], run: Callable[[Job], Reply]) -> Result:
        try:
            bindings = dict(parse_binding(b, self.base_iri) for b in binds)
        except QueryError as exc:
            return Result(error=str(exc))
        reply = run(Job(text, accept=PAGE_ACCEPT, bindings=bindings, max_rows=PAGE_ROWS))
        if reply.status != 200:
            return Result(error=reply.body.decode("utf-8", "replace").strip())
        result = Result(truncated="X-SPARQL-MaxRows" in reply.headers, warnings=ontology_warnings(text))
        if reply.content_type.startswith("application/n-triples"):
            result.variables = ["subject", "predicate", "object"]
            for triple in ox.parse(reply.body, format=ox.RdfFormat.N_TRIPLES):
                result.rows.append([self.cell(*term_parts(t)) for t in (triple.subject, triple.predicate, triple.object)])
            return result
        answer = json.loads(reply.body)
        if "boolean" in answer:
            result.boolean = answer["boolean"]
            return result
        result.variables = answer["head"]["vars"]
        for binding in answer["results"]["bindings"]:
            result.rows.append([self.json_cell(binding.get(v)) for v in result.variables])
        self.link_names(result, answer["results"]["bindings"], run)
        return result

    def link_names(self, result: Result, bindings: list[dict], run: Callable[[Job], Reply]) -> None:
        """Link each cell that is exactly the label of one entity, or the title of one article."""
        if ENTITY_QUERY not in self.saved:
            return
        texts = sorted({t["value"] for b in bindings for t in b.values() if _plain_text(t)})[:NAME_LOOKUP_LIMIT]
        if not texts:
            return
        values = " ".join(str(ox.Literal(text)) for text in texts)
        query = NAME_LOOKUP.replace("TEXTS", values)
        reply = run(Job(query, accept="application/sparql-results+json", max_rows=4 * len(texts) + 10))
        if reply.status != 200:
            return          # links are a convenience: the answer stands without them
        found: dict[str, set[str]] = {}
        for row in json.loads(reply.body)["results"]["bindings"]:
            found.setdefault(row["text"]["value"], set()).add(row["thing"]["value"])
        for row, binding in zip(result.rows, bindings, strict=True):
            for index, variable in enumerate(result.variables):
                term = binding.get(variable)
                things = found.get(term["value"], set()) if _plain_text(term) else set()
                if len(things) == 1:
                    row[index].href = self.entity_href(next(iter(things)))

    def entity_href(self, iri: str) -> str:
        return "/?" + urlencode([("name", ENTITY_QUERY), ("bind", f"entity=<{iri}>")])

    def json_cell(self, term: dict | None) -> Cell:
        if term is None:
            return Cell("")
        return self.cell(term["type"], term["value"], term.get("xml:lang", ""), term.get("datatype", ""))

    def cell(self, kind: str, value: str, language: str = "", datatype: str = "") -> Cell:
        if kind == "uri":
            href = self.entity_href(value) if ENTITY_QUERY in self.saved else ""
            return Cell(short(ox.NamedNode(value), self.base_iri), href, value)
        if kind == "bnode":
            return Cell(f"_:{value}")
        title = f"@{language}" if language else (short(ox.NamedNode(datatype), self.base_iri) if datatype else "")
        return Cell(value, title=title)


def bind_placeholder(saved_text: str) -> str:
    """The hint in the empty binding box: the saved query's own variable, else the general form."""
    names = bindable(saved_text) if saved_text else []
    if not names:
        return "VARIABLE=VALUE"
    others = f" (also {', '.join(names[1:])})" if len(names) > 1 else ""
    return f"{names[0]}=…{others}"


NAME_LOOKUP_LIMIT = 2000     # distinct texts looked up per page
NAME_LOOKUP = """SELECT ?text ?thing WHERE {
  VALUES ?text { TEXTS }
  { ?thing rdfs:label ?text } UNION { ?thing a gk:Article ; dcterms:title ?text }
}"""


def _plain_text(term: dict | None) -> bool:
    """A plain string (a name or a title may be one), short enough to be one."""
    return bool(term) and term["type"] == "literal" and "xml:lang" not in term and \
        term.get("datatype", XSD_STRING) == XSD_STRING and 0 < len(term["value"]) <= 300


def _first(params: dict[str, list[str]], name: str) -> str:
    values = params.get(name) or [""]
    return values[0]
