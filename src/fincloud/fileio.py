"""Atomic file writes: a file appears complete or not at all (temp file in the same folder + rename)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from fincloud.errors import InputError


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    target = Path(path)
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise InputError.single(f"folder '{parent}' does not exist", file=str(target))
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(path: str | Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))
