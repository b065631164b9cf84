"""Read bytes as article text, refusing what is not text."""
from __future__ import annotations

from pathlib import Path

from ..errors import InputError

MAX_FILE_BYTES = 50 * 1024 * 1024


def read_text(path: Path, max_bytes: int = MAX_FILE_BYTES) -> str:
    """Return the file's text, or raise InputError naming what is wrong with it."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(str(path), f"is {size / 1e6:.0f} MB, larger than the {max_bytes / 1e6:.0f} MB limit for one input file")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror or exc})") from None
    return decode_text(data, str(path))


def decode_text(data: bytes, source: str) -> str:
    if not data.strip():
        raise InputError(source, "is empty")
    if b"\x00" in data[:8192]:
        raise InputError(source, "is a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(source, f"is not UTF-8 text (invalid byte at offset {exc.start}); convert it to UTF-8 first") from None
    controls = sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > 0.05 * min(len(text), 8192):
        raise InputError(source, "looks like a binary file, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")
