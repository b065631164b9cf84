"""Inputs that are not news prose neither crash nor stall the build, nor flood the graph."""
from __future__ import annotations

import random

import pytest

from graphkit.model import Article

pytestmark = pytest.mark.slow

MARKUP = set("|{}<>=[]\\@#")


def names_of(result):
    return [n for e in result.entities for n in e.names]


def long_article(words: int) -> str:
    rng = random.Random(7)
    vendors = ["Acme Vision", "Brightlane", "Northwind Analytics", "Harbor Systems"]
    agencies = ["Oakdale Police Department", "Millport City Council", "Harlow County Sheriff's Office"]
    templates = [
        "{v} sells facial recognition software to the {a}.",
        "The {a} uses automated license plate readers supplied by {v}.",
        "Critics say the contract between {v} and the {a} was signed without a public hearing.",
        "Officials at the {a} declined to comment on the cost of the system.",
    ]
    paragraphs, count = [], 0
    while count < words:
        sentences = [rng.choice(templates).format(v=rng.choice(vendors), a=rng.choice(agencies)) for _ in range(5)]
        paragraphs.append(" ".join(sentences))
        count += sum(len(s.split()) for s in sentences)
    return "\n\n".join(paragraphs)


def test_a_hundred_thousand_words(extractor):
    text = long_article(100_000)
    result = next(extractor.extract([Article(id="long", text=text)]))
    assert len(text.split()) >= 100_000
    assert len(result.entities) < 30
    pairs = {(r.subject, r.predicate, r.object) for r in result.relations}
    assert any(p == "sellsTo" for _, p, _ in pairs) and any(p == "uses" for _, p, _ in pairs)
    for r in result.relations[:: max(1, len(result.relations) // 50)]:
        assert text[r.evidence.start:r.evidence.end] == r.evidence.text


def test_tables_and_link_lists(extractor):
    table = "\n".join(f"| {i} | https://example.org/item/{i} | Acme Corp | 2024-01-{i % 28 + 1:02d} |" for i in range(400))
    links = "\n".join(f"https://example.org/{i}/facial-recognition-clearview-palantir" for i in range(400))
    for text in (table, links):
        result = next(extractor.extract([Article(id="t", text=text)]))
        assert result.relations == ()
        assert len(result.entities) <= 3
        assert not any(set(n) & MARKUP or "http" in n for n in names_of(result))


def test_text_in_another_language(extractor):
    german = "Die Datenschutzbehörde hat Clearview AI mit einer Geldbuße von 30 Millionen Euro belegt. " * 40
    result = next(extractor.extract([Article(id="de", text=german)]))
    assert result.relations == ()
    assert len(result.entities) <= 5


def test_markup_leftovers(extractor):
    text = ('<div class="x"><p>Acme Corp <b>sells</b> facial recognition to the Springfield Police Department.</p>'
            '<script>var a = {x: 1};</script></div>&nbsp;&amp; {{template}} [[link|Acme]] ') * 100
    result = next(extractor.extract([Article(id="m", text=text)]))
    assert not any(set(n) & MARKUP for n in names_of(result))
    assert len(result.entities) <= 10
