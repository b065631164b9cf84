"""Write a whole output folder at once: build it beside the target, then swap it in."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from ..errors import OutputError


def write_folder_atomic(path: Path, files: dict[str, bytes]) -> None:
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"{path}: the folder {parent} does not exist")
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{path.name}.", dir=parent))
    except OSError as exc:
        raise OutputError(f"{path}: cannot write in {parent} ({exc.strerror})") from None
    try:
        for name, data in files.items():
            (staging / name).write_bytes(data)
        if path.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{path.name}.old.", dir=parent))
            old.rmdir()
            path.rename(old)
            staging.rename(path)
            shutil.rmtree(old, ignore_errors=True)
        else:
            staging.rename(path)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise OutputError(f"{path}: cannot be written ({exc.strerror})") from None
