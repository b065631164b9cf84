"""What a build writes, read back by rdflib in every graph format: same quads, awkward text intact."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph, Literal
from test_resolve_rules import NO_LEXICON, ent

from graphkit.errors import OutputError
from graphkit.graph.formats import FORMATS, QUAD_FORMATS
from graphkit.graph.nquads import check_base_iri, convert, literal
from graphkit.graph.rdf import to_nquads
from graphkit.graph.vocab import GK, PREFIXES
from graphkit.model import Article, ArticleResult, Evidence, Relation
from graphkit.resolve import resolve

AWKWARD = 'He said "ban it" \\ twice.\nThen:\t\u201cno\u201d \u00e9t\u00e9 \x07 \U0001F600'


def results():
    rel = Relation("e1", "criticizes", "e2", Evidence(AWKWARD, 0, len(AWKWARD)), 0.75, "test.v1")
    article = Article(id="a1", text=AWKWARD, title='The "title"', url="https://news.example/a?b=1&c=2",
                      date="2021-03-04", source="in/a1.txt")
    return [ArticleResult(article, (ent("e1", "AdvocacyGroup", "Rights \"Watch\""), ent("e2", "Company", "Acme")),
                          (rel,))]


@pytest.mark.parametrize("suffix", sorted(FORMATS))
def test_every_format_reads_back_to_the_same_graph(suffix):
    res = resolve(results(), lexicon=NO_LEXICON)
    text = to_nquads(results(), res)
    expected = Dataset()
    expected.parse(data=text, format="nquads")
    fmt = FORMATS[suffix]
    data = convert(text, fmt, PREFIXES)
    if fmt in QUAD_FORMATS:
        got = Dataset(default_union=True)
        got.parse(data=data, format=fmt)
        key = lambda ds: {(s, p, o, g) for s, p, o, g in ds.quads((None, None, None, None))}  # noqa: E731
        assert key(got) == key(expected)
    else:
        got = Graph().parse(data=data, format=fmt)
        assert set(got) == {(s, p, o) for s, p, o, _ in expected.quads((None, None, None, None))}
    evidence = {str(o) for o in got.objects(None, GK.evidence)}
    assert evidence == {AWKWARD}


@settings(max_examples=200)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",))))
def test_any_text_survives_as_an_n_quads_literal(text):
    line = f"<http://e.org/s> <http://e.org/p> {literal(text)} <http://e.org/g> .\n"
    ds = Dataset()
    ds.parse(data=line, format="nquads")
    assert [str(o) for _, _, o, _ in ds.quads((None, None, None, None))] == [text]


def test_typed_literals_keep_their_datatypes():
    res = resolve(results(), lexicon=NO_LEXICON)
    ds = Dataset(default_union=True)
    ds.parse(data=to_nquads(results(), res), format="nquads")
    assert Literal("0.75", datatype="http://www.w3.org/2001/XMLSchema#decimal") in set(ds.objects(None, GK.confidence))
    assert {o.datatype for o in ds.objects(None, GK.startChar)} == {Literal(1).datatype}


@pytest.mark.parametrize("base", ["not an iri", "https://example.org/with space/", "relative/path/"])
def test_unusable_base_iris_are_refused(base):
    with pytest.raises(OutputError, match="not a usable base IRI"):
        check_base_iri(base)
