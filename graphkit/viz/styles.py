"""How entity types and relations look on the page; the values live in styles.json."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

_STYLES_FILE = Path(__file__).parent / "styles.json"


@lru_cache(maxsize=1)
def load_styles() -> dict:
    return json.loads(_STYLES_FILE.read_text(encoding="utf-8"))


def type_style(entity_type: str) -> dict:
    """``{"color": "#rrggbb", "shape": name}`` for an entity type (a grey dot when unknown)."""
    styles = load_styles()
    return styles["types"].get(entity_type, styles["unknown"])


def type_order(types) -> list[str]:
    """The given types in legend order; types the style file does not know come last, sorted."""
    known = list(load_styles()["types"])
    return sorted(set(types), key=lambda t: (known.index(t) if t in known else len(known), t))


def words(name: str) -> str:
    """``sellsTo`` -> ``sells to``, ``GovernmentAgency`` -> ``government agency``."""
    if not re.fullmatch(r"[A-Za-z]+", name):
        return name
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).lower()


def type_label(entity_type: str) -> str:
    text = words(entity_type)
    return text[:1].upper() + text[1:]


def darker(color: str, factor: float = 0.75) -> str:
    """The same hue, darker: used for borders and highlights."""
    red, green, blue = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(c * factor):02x}" for c in (red, green, blue))


def vis_groups(types) -> dict:
    """vis-network ``groups`` options: one group per entity type with its colour and shape."""
    groups = {}
    for entity_type in types:
        style = type_style(entity_type)
        border = darker(style["color"])
        groups[entity_type] = {
            "shape": style["shape"],
            "color": {"background": style["color"], "border": border,
                      "highlight": {"background": style["color"], "border": "#1f2933"},
                      "hover": {"background": style["color"], "border": "#1f2933"}},
        }
    return groups
