"""Write a whole output folder at once: build it beside the target, then swap it in.

An existing folder is replaced only when every file in it is one the export
writes (an earlier export of the same format, or an empty folder), so a typo
in ``-o`` never deletes a folder of other files.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from ..errors import OutputError
from ..graph import tempfiles


def write_folder_atomic(path: Path, files: dict[str, bytes]) -> None:
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"{path}: the folder {parent} does not exist")
    check_replaceable(path, set(files))
    try:
        staging = Path(tempfile.mkdtemp(prefix=tempfiles.prefix(path), dir=parent))
    except OSError as exc:
        raise OutputError(f"{path}: cannot write in {parent} ({exc.strerror})") from None
    try:
        for name, data in files.items():
            (staging / name).write_bytes(data)
        staging.chmod(0o777 & ~_umask())
        if path.exists():
            old = Path(tempfile.mkdtemp(prefix=tempfiles.prefix(path, "-old"), dir=parent))
            old.rmdir()
            path.rename(old)
            staging.rename(path)
            shutil.rmtree(old, ignore_errors=True)
        else:
            staging.rename(path)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise OutputError(f"{path}: cannot be written ({exc.strerror})") from None
    tempfiles.clear_stale(path)


def check_replaceable(path: Path, names: set[str]) -> None:
    if not path.exists():
        return
    if not path.is_dir():
        raise OutputError(f"{path}: this export writes a folder, but a file of that name exists")
    others = sorted(p.name for p in path.iterdir() if p.name not in names)
    if others:
        raise OutputError(f"{path}: the folder exists and holds other files ({', '.join(others[:3])}); "
                          "choose a new or empty folder")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
