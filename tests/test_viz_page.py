"""The page as written: offline, a strict Content Security Policy, article text kept as inert data."""
import base64
import hashlib
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser

import networkx as nx
import pytest

from graphkit.viz import ViewOptions, make_view, render_page, uses_physics
from graphkit.viz.synthetic import random_graph

HOSTILE = '</script><script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"> <!-- &amp;'


class PageParts(HTMLParser):
    """Inline scripts and styles with their attributes, and every URL-bearing attribute."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.scripts, self.styles, self.urls, self.csp = [], [], [], None
        self._open = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.urls += [(tag, k, v) for k, v in attrs.items() if k in ("src", "href", "action", "srcset", "data", "poster")]
        if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy":
            self.csp = attrs["content"]
        if tag in ("script", "style"):
            self._open = (tag, attrs, [])

    def handle_data(self, data):
        if self._open:
            self._open[2].append(data)

    def handle_endtag(self, tag):
        if self._open and tag == self._open[0]:
            kind, attrs, chunks = self._open
            (self.scripts if kind == "script" else self.styles).append((attrs, "".join(chunks)))
            self._open = None


def parts(html: str) -> PageParts:
    parser = PageParts()
    parser.feed(html)
    return parser


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def directives(csp: str) -> dict[str, list[str]]:
    return {d.split()[0]: d.split()[1:] for d in (x.strip() for x in csp.split(";")) if d}


@pytest.fixture(scope="module")
def hostile_graph():
    g = nx.MultiDiGraph()
    article = {"iri": "https://w3id.org/graphkit/id/article/x", "title": HOSTILE, "url": "javascript:alert(1)",
               "date": "2024-01-01", "source": "x.jsonl:1"}
    g.add_node("https://w3id.org/graphkit/id/org/a", label=HOSTILE, type="Company", names=[HOSTILE],
               wikidata='Q1"><script>', articles=[article])
    g.add_node("https://w3id.org/graphkit/id/org/b", label="B", type="GovernmentAgency", names=[], wikidata="Q2",
               articles=[article])
    g.add_edge("https://w3id.org/graphkit/id/org/a", "https://w3id.org/graphkit/id/org/b", key="sellsTo",
               predicate="sellsTo", support=1, article_count=1,
               evidence=[{"text": HOSTILE, "article": article["iri"], "title": HOSTILE, "url": "javascript:alert(1)",
                          "date": "2024-01-01", "start": 0, "confidence": 0.8, "method": "test"}])
    return g


def test_every_inline_script_and_style_is_allowed_by_hash_and_nothing_else_is(hostile_graph):
    page = parts(render_page(hostile_graph, title=HOSTILE))
    policy = directives(page.csp)
    assert policy["default-src"] == ["'none'"] and policy["connect-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"] and policy["form-action"] == ["'none'"]
    executable = [body for attrs, body in page.scripts if attrs.get("type") != "application/json"]
    assert len(executable) == 4                 # vis-network and graphkit's three parts
    assert sorted(policy["script-src"]) == sorted(sha256(body) for body in executable)
    assert sorted(policy["style-src"]) == sorted(sha256(body) for _, body in page.styles)
    for source in policy["script-src"] + policy["style-src"]:
        assert source.startswith("'sha256-"), source     # no 'unsafe-inline', 'unsafe-eval', host or scheme


def test_the_page_fetches_nothing(hostile_graph):
    page = parts(render_page(hostile_graph))
    assert page.urls == []
    assert not any("src" in attrs for attrs, _ in page.scripts)


def test_article_text_is_inert_json_and_arrives_unchanged(hostile_graph):
    html = render_page(hostile_graph, title=HOSTILE)
    page = parts(html)
    [(_, block)] = [(a, body) for a, body in page.scripts if a.get("type") == "application/json"]
    assert "<" not in block and ">" not in block and "&" not in block
    data = json.loads(block)
    node = data["details"]["nodes"]["https://w3id.org/graphkit/id/org/a"]
    assert node["label"] == HOSTILE and node["names"] == [HOSTILE]
    assert node["wikidata"] == ""               # not a Wikidata id: no link is made from it
    [edge] = data["details"]["edges"].values()
    assert edge["evidence"][0]["text"] == HOSTILE
    assert data["details"]["articles"][edge["evidence"][0]["article"]]["url"] == "javascript:alert(1)"
    assert len(page.scripts) == 5
    assert "<img" not in html and "</script><script>" not in html
    assert "<title>&lt;/script&gt;&lt;script&gt;window.__pwned=1" in html


def test_rendering_is_the_same_in_every_run():
    """Same graph, same page, whatever Python's hash seed (set order must not leak into the layout)."""
    script = ("import hashlib; from graphkit.viz import render_page; from graphkit.viz.synthetic import random_graph; "
              "print(hashlib.sha256(render_page(random_graph(700, seed=2)).encode()).hexdigest())")
    digests = {subprocess.run([sys.executable, "-c", script], env={**os.environ, "PYTHONHASHSEED": seed},
                              capture_output=True, text=True, check=True).stdout for seed in ("1", "2")}
    assert len(digests) == 1


def test_physics_below_the_limit_static_positions_above_it():
    small, large = random_graph(50, seed=1), random_graph(400, seed=1)
    assert uses_physics(small) and not uses_physics(large)
    assert uses_physics(large, physics_limit=500) and not uses_physics(small, "static")
    html = render_page(large)
    data = json.loads(re.search(r'id="graph-data">(.*?)</script>', html, re.S).group(1))
    assert data["settings"]["physics"] is False
    assert all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in data["nodes"])
    assert "positions are computed ahead of time and physics is off" in html


def test_legend_lists_the_types_drawn_with_their_counts():
    graph = random_graph(120, seed=4)
    html = render_page(make_view(graph, ViewOptions(types=("Company", "Person"))))
    boxes = re.findall(r'<input type="checkbox" name="type" value="(\w+)" checked>', html)
    assert boxes == ["Company", "Person"]
    companies = sum(1 for _, d in graph.nodes(data=True) if d["type"] == "Company")
    assert re.search(rf'<span class="name">Company</span><span class="count">{companies}</span>', html)
    assert "Selection:</strong> types Company, Person." in html
