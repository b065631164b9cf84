"""graphkit's own temporary files and folders beside an output, and clearing those a crash left.

Every output is written beside its target under a name that says whose it
is: ``.NAME.graphkit-PID-XXXXXXXX`` (``.tmp`` for a file, ``.old`` in the name
for a folder on its way out), PID being the writing process. A process killed
mid-write (kill -9, power cut) leaves it behind, possibly a full copy of the
graph. The next successful write of the same target removes every such name
whose process is gone; names of a live process (a concurrent write) and any
other file are left alone.
"""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

TAG = "graphkit"


def prefix(target: Path, kind: str = "") -> str:
    """The name prefix for a temporary file or folder of ``target`` written by this process."""
    return f".{target.name}.{TAG}{kind}-{os.getpid()}-"


def _pattern(target: Path) -> re.Pattern:
    return re.compile(rf"\.{re.escape(target.name)}\.{TAG}(?:-old)?-(\d+)-[a-z0-9_]{{8}}(?:\.tmp)?")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):        # another user's process, or a number that is no pid
        return True
    return True


def clear_stale(target: Path) -> list[Path]:
    """Remove the temporary files and folders of ``target`` left by processes that no longer run."""
    folder = target.parent if str(target.parent) else Path(".")
    pattern = _pattern(target)
    removed = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    for entry in entries:
        found = pattern.fullmatch(entry.name)
        if not found or _alive(int(found.group(1))):
            continue
        try:
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
            removed.append(entry)
        except OSError:
            pass                # cleared next time; never a reason to fail a write that succeeded
    return removed
