"""Where an article comes from: the metadata lines at the top of a plain-text file.

A saved article often starts with what is not its text: a front-matter block
(``title:``, ``date:``, ``url:``, ``outlet:`` lines, with or without ``---``
fences), a ``date 2022-11-26 By …`` line, a date on a line of its own, or a
wire-style dateline ("GENEVA, March 3, 2024 (Reuters) - …"). ``split_metadata``
reads them and returns the text without them, so that no metadata line ever
becomes part of an evidence sentence (evidence offsets are counted in the text
returned here, after the lines were removed).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

FIELDS = ("title", "date", "url", "outlet")
_ALIASES = {"headline": "title", "published": "date", "link": "url", "source": "outlet",
            "publication": "outlet", "site": "outlet", "sitename": "outlet"}
_FIELD_LINE = re.compile(r"^([A-Za-z]+)\s*:\s*(.*)$")
_MONTHS = {name: number for number, names in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
    ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
    ("dec", "december")), start=1) for name in names}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DATE_PATTERNS = (
    re.compile(r"(?P<year>\d{4})-(?P<num>\d{2})-(?P<day>\d{2})"),
    re.compile(_MONTH + r" (?P<day>\d{1,2}),? (?P<year>\d{4})"),
    re.compile(r"(?P<day>\d{1,2}) " + _MONTH + r",? (?P<year>\d{4})"),
)
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,? )?"
# a line that is only a date, maybe after "date", "published", "updated" ... and before a byline
_DATE_LINE = re.compile(r"^(?:(?:date|dated|published|posted|updated)(?: on)?:? )?" + _WEEKDAY
                        + r"(?P<date>[^|]{6,30}?)(?:[,;|·]? +(?:by|updated|\d{1,2}[:.]\d{2})\b.*)?$", re.I)
# "GENEVA, March 3, 2024 (Reuters) - " at the start of the first paragraph
_DATELINE = re.compile(r"^[A-Z][A-Z.' -]{1,40}(?:, [A-Z][A-Za-z.' -]{1,30})?, (?P<date>[^()—–-]{6,30}?)"
                       r"(?: \([^)]{1,40}\))? ?[—–-]{1,2} ?(?=[A-Z\"“])")
_HEADER_LINES = 6       # the first lines searched for a date line


@dataclass(frozen=True)
class Metadata:
    title: str = ""
    date: str = ""          # yyyy-mm-dd
    url: str = ""
    outlet: str = ""

    def merged(self, other: "Metadata") -> "Metadata":
        """These fields, each replaced by ``other``'s when that one is not empty."""
        return Metadata(*(getattr(other, f) or getattr(self, f) for f in FIELDS))


def parse_date(text: str) -> str:
    """yyyy-mm-dd for "2022-11-26", "Nov. 26, 2022", "26 November 2022" (also with a time after); else ""."""
    text = text.strip()
    for pattern in _DATE_PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        parts = match.groupdict()
        month = int(parts["num"]) if parts.get("num") else _MONTHS.get(parts["month"].lower())
        year, day = int(parts["year"]), int(parts["day"])
        if month and 1 <= month <= 12 and 1 <= day <= 31 and 1900 <= year <= 2100:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return ""


def split_metadata(raw: str) -> tuple[Metadata, str]:
    """The metadata found at the top of a plain-text article, and the text without those lines."""
    fields, rest = _front_matter(raw)
    date = parse_date(fields.get("date", ""))
    if not date:
        date, rest = _date_line(rest)
    if not date:
        date, rest = _dateline(rest)
    return Metadata(title=fields.get("title", ""), date=date, url=fields.get("url", ""),
                    outlet=fields.get("outlet", "")), rest


def _field(line: str) -> tuple[str, str] | None:
    match = _FIELD_LINE.match(line.strip())
    if not match:
        return None
    key = match.group(1).lower()
    key = _ALIASES.get(key, key)
    return (key, match.group(2).strip()) if key in FIELDS or key in ("author", "byline") else None


def _front_matter(raw: str) -> tuple[dict[str, str], str]:
    """``key: value`` lines at the very top (between ``---`` fences, or ended by a blank line)."""
    lines = raw.lstrip("\ufeff").split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    fenced = start < len(lines) and lines[start].strip() == "---"
    first = start + 1 if fenced else start
    fields: dict[str, str] = {}
    end = first
    while end < len(lines):
        line = lines[end]
        if fenced and line.strip() == "---":
            end += 1
            break
        if not line.strip():
            if fenced:
                end += 1
                continue
            break
        item = _field(line)
        if item is None:
            return {}, raw      # a line that is not a field: this is the article, not front matter
        fields.setdefault(*item)
        end += 1
    else:
        if fenced:
            return {}, raw      # no closing fence: not front matter
    if not fields or not (set(fields) & set(FIELDS)):
        return {}, raw
    return fields, "\n".join(lines[end:])


def _date_line(text: str) -> tuple[str, str]:
    """A line of its own near the top that is a date ("date 2022-11-26 By …", "Published March 3, 2024")."""
    lines = text.split("\n")
    seen = 0
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        if seen > _HEADER_LINES:
            break
        match = _DATE_LINE.match(line.strip())
        date = parse_date(match.group("date")) if match else ""
        if date:
            return date, "\n".join(lines[:index] + lines[index + 1:])
    return "", text


def _dateline(text: str) -> tuple[str, str]:
    """A wire dateline opening a paragraph near the top: the date is kept, the prefix removed."""
    paragraphs = text.split("\n\n")
    for index, paragraph in enumerate(paragraphs[:_HEADER_LINES]):
        stripped = paragraph.lstrip()
        match = _DATELINE.match(stripped)
        date = parse_date(match.group("date")) if match else ""
        if date:
            paragraphs[index] = stripped[match.end():]
            return date, "\n\n".join(paragraphs)
    return "", text
