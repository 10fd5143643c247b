"""Read a JSON input file with the errors a person can act on.

Configuration exports are large and often cut short (a CI artefact truncated by a size limit,
a pipe closed early). A truncated file must be reported as truncated, with the position,
instead of a bare ``JSONDecodeError`` traceback or, worse, a scan of the part that parsed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import orjson

from fincloud.errors import InputError

#: Largest input accepted. 20,000 resources of a real plan are ~60 MB; a file beyond this
#: limit is far more likely a wrong file (a state backup, a log) than a plan, and reading it
#: whole would exhaust memory on the 24 GiB machines the project runs on.
MAX_BYTES = int(os.environ.get("FINCLOUD_EVIDENCE_MAX_BYTES", str(512 * 1024 * 1024)))


def read_json(path: str | Path, what: str, *, allow_lines: bool = False) -> Any:
    """Parse ``path`` as JSON (or JSON Lines when ``allow_lines``), raising InputError.

    ``what`` names the expected content ("a Terraform plan") so the message says what the
    file should have been.
    """
    p = Path(path)
    name = str(path)
    if not p.exists():
        raise InputError.single(f"file not found; expected {what}", file=name)
    if p.is_dir():
        raise InputError.single(f"is a directory; expected {what} file", file=name)
    size = p.stat().st_size
    if size > MAX_BYTES:
        raise InputError.single(
            f"file is {size / 1_048_576:.0f} MiB, larger than the {MAX_BYTES / 1_048_576:.0f} MiB limit "
            f"for {what} (set FINCLOUD_EVIDENCE_MAX_BYTES to raise it)",
            file=name,
        )
    if size == 0:
        raise InputError.single(f"file is empty; expected {what}", file=name)
    raw = p.read_bytes()
    try:
        # orjson parses a 27 MB plan in a third of the time; anything it refuses is parsed again by the
        # standard library below, which gives the precise message (truncation, position, JSON Lines).
        return orjson.loads(raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw)
    except orjson.JSONDecodeError:
        pass
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError.single(
            f"not UTF-8 text (byte {exc.start}); expected {what} in JSON", file=name
        ) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        if allow_lines and text.lstrip().startswith("{"):
            return _json_lines(text, name, what)
        raise _decode_error(exc, text, name, what) from None


def _json_lines(text: str, name: str, what: str) -> list[Any]:
    items = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            items.append(json.loads(line))
        except json.JSONDecodeError as exc:
            err = _decode_error(exc, line, name, what)
            err.problems[0] = type(err.problems[0])(err.problems[0].message, file=name, line=number)
            raise err from None
    return items


def _decode_error(exc: json.JSONDecodeError, text: str, name: str, what: str) -> InputError:
    rest = text[exc.pos :].strip()
    if not rest or exc.pos >= len(text.rstrip()) or not text.rstrip().endswith(("}", "]")):
        message = f"JSON ends early ({exc.msg}; the file looks truncated); expected {what}"
    else:
        message = f"not valid JSON ({exc.msg} at column {exc.colno}); expected {what}"
    return InputError.single(message, file=name, line=exc.lineno)
