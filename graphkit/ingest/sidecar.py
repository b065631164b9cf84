"""A sidecar table of article metadata: ``--meta FILE.csv`` with columns path, title, date, url, outlet.

Newsrooms often index a folder of saved articles in a spreadsheet. Each row
names one file (relative to the CSV's folder, relative to the input folder
given, or by its bare name) and gives the metadata the file itself lacks; a
value in the table wins over what was read from the file, an empty cell
leaves it alone.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from .meta import FIELDS, Metadata, parse_date


@dataclass
class Sidecar:
    path: Path
    rows: dict[str, Metadata] = field(default_factory=dict)     # key: the path cell as written
    used: set[str] = field(default_factory=set)

    def lookup(self, file: Path, name: str) -> Metadata | None:
        """The row for an input file (its path on disk, its name relative to the input folder)."""
        resolved = file.resolve()
        for key in self.rows:
            if (self.path.parent / key).resolve() == resolved or key in (name, file.name):
                self.used.add(key)
                return self.rows[key]
        return None

    def unused(self) -> list[str]:
        return [key for key in self.rows if key not in self.used]


def load_sidecar(path: str | Path) -> Sidecar:
    """Read the table, or raise InputError naming the first problem in one sentence."""
    path = Path(path)
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            header = [(h or "").strip().lower() for h in reader.fieldnames or ()]
            if "path" not in header:
                raise InputError(str(path), "has no \"path\" column; the first row must name the columns "
                                 "path,title,date,url,outlet")
            unknown = [h for h in header if h not in ("path", *FIELDS)]
            if unknown:
                raise InputError(str(path), f"has an unknown column {unknown[0]!r}; graphkit reads path, "
                                 "title, date, url and outlet")
            reader.fieldnames = header
            sidecar = Sidecar(path)
            for number, row in enumerate(reader, start=2):
                sidecar.rows[_path_cell(row, path, number)] = _metadata(row, path, number)
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror or exc})") from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise InputError(str(path), f"is not a UTF-8 CSV table ({exc})") from None
    return sidecar


def _path_cell(row: dict, path: Path, number: int) -> str:
    cell = (row.get("path") or "").strip()
    if not cell:
        raise InputError(f"{path}:{number}", "has an empty path cell")
    return cell


def _metadata(row: dict, path: Path, number: int) -> Metadata:
    values = {f: (row.get(f) or "").strip() for f in FIELDS}
    if values["date"]:
        date = parse_date(values["date"])
        if not date:
            raise InputError(f"{path}:{number}", f"has the date {values['date']!r}, which is not a date such "
                             "as 2024-03-01")
        values["date"] = date
    return Metadata(**values)
