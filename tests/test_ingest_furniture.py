"""Page furniture never reaches extraction: menus, cookie notices, bylines, teasers, footers."""
from __future__ import annotations

from pathlib import Path

import pytest

from graphkit.ingest import collect_files, read_articles
from graphkit.ingest.furniture import strip_furniture

PAGE = Path(__file__).parent / "data" / "furniture-page.txt"
FURNITURE_WORDS = ["Skip to main content", "cookies", "Imogen Castellanos", "Share:", "(Photo:", "Advertisement",
                   "Quayline Bank", "Marlow Shipping", "Northgate Telecom", "Gullhaven", "Most read", "Kestrel",
                   "Harbour Courier Media", "Subscribe", "TECH / SURVEILLANCE"]


def test_body_and_headline_stay_furniture_goes():
    text = strip_furniture(PAGE.read_text(encoding="utf-8"))
    paragraphs = text.split("\n\n")
    assert paragraphs[0] == "Port authority drops its contract with a drone maker after a privacy review"
    assert paragraphs[1].startswith("The Eastport Harbour Authority ended its contract")
    assert paragraphs[-1].startswith("The Coastal Privacy Network, a residents' group, criticized")
    for word in FURNITURE_WORDS:
        assert word not in text, word


def test_plain_article_is_left_whole():
    article = "Acme sells drones\n\nAcme Corp sells drones to the Eastport Harbour Authority.\n\nThe deal was signed in May."
    assert strip_furniture(article) == article


def test_reader_takes_the_headline_as_title():
    (article,) = list(read_articles(collect_files([PAGE]).files))
    assert article.title.startswith("Port authority drops its contract")


@pytest.mark.slow
def test_furniture_yields_no_entities(extractor):
    (article,) = list(read_articles(collect_files([PAGE]).files))
    result = next(extractor.extract([article]))
    names = {n for e in result.entities for n in e.names}
    assert {"Skyreach Aerial", "Coastal Privacy Network"} <= names
    for teaser in ("Marlow Shipping", "Tidewell Logistics", "Northgate Telecom", "Quayline Bank", "Gullhaven Council"):
        assert teaser not in names
    assert any(r.predicate == "criticizes" for r in result.relations)
