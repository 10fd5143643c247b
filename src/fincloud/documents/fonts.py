"""The fonts shipped with fincloud (NanumGothic, SIL OFL) and the per-package font subset.

Why a subset: parsing the 4.6 MB NanumGothic files costs fpdf2 about 0.5 s per PDF, which for
six PDFs per workload would blow the 3-second budget. Instead the package collects every
character its documents print, cuts one small subset of each face with fontTools (~1 s,
memoised per character set) and every PDF and DOCX of the package uses that subset: fpdf2
loads it in milliseconds and the DOCX can embed it, so neither needs the font installed.

Characters the face lacks (the guide's text uses a few, e.g. the half-width middle dot "･")
are mapped to look-alikes that it has; anything else becomes "?" and is reported, so no PDF
ever shows a missing glyph.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import shutil
import tempfile
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path

FONT_DIR = Path(__file__).parent / "fonts"
FAMILY = "NanumGothic"
REGULAR = FONT_DIR / "NanumGothic.ttf"
BOLD = FONT_DIR / "NanumGothicBold.ttf"

# Look-alikes for characters NanumGothic does not have.
SUBSTITUTES = {
    "\uff65": "\u00b7",  # ･ half-width katakana middle dot (the guide's list separator) → ·
    "\u2219": "\u00b7",  # ∙ bullet operator → ·
    "\u2024": "\u00b7",  # ․ one dot leader (used as a middle dot) → ·
    "\uff62": "\u300c",  # ｢ → 「
    "\uff63": "\u300d",  # ｣ → 」
    "\u2610": "\u25a1",  # ☐ → □
    "\u2611": "\u25a0",  # ☑ → ■
    "\u2612": "\u25a0",
    "\u2713": "v",
    "\u2714": "v",
    "\u00a0": " ",
    "\u200b": "",
    "\ufeff": "",
}
_DROP_TABLES = ["TSI0", "TSI1", "TSI2", "TSI3", "TSI5", "DSIG"]


@cache
def supported() -> frozenset[int]:
    """Code points both faces draw (read once per process; ~0.1 s)."""
    from fontTools.ttLib import TTFont

    regular = set(TTFont(REGULAR, lazy=True).getBestCmap())
    bold = set(TTFont(BOLD, lazy=True).getBestCmap())
    return frozenset(regular & bold)


def printable(text: str, unsupported: set[str] | None = None) -> str:
    """``text`` with every character the font cannot draw replaced (recorded in ``unsupported``)."""
    if not text:
        return ""
    have = supported()
    out = []
    for ch in text:
        ch = SUBSTITUTES.get(ch, ch)
        if not ch or ch in "\n\t" or ord(ch) in have:
            out.append(ch)
        else:
            if unsupported is not None:
                unsupported.add(ch)
            out.append("?")
    return "".join(out)


@dataclass(frozen=True)
class FontSet:
    """Paths of the regular and bold faces a document is rendered with."""

    regular: Path
    bold: Path
    subset: bool


FULL = FontSet(REGULAR, BOLD, subset=False)

_lock = threading.Lock()
_memo: dict[str, FontSet] = {}


@cache
def _cache_dir() -> Path:
    """Where subsets are kept between runs: ``$FINCLOUD_CACHE_DIR``, else the user cache folder.

    A subset depends only on the font files and the character set, so it is safe to share
    between processes (files are written under a temporary name and renamed). When no cache
    folder is writable a private per-process folder is used and removed at exit.
    """
    base = os.environ.get("FINCLOUD_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "fincloud")
    path = Path(base) / "fonts"
    try:
        path.mkdir(parents=True, exist_ok=True)
        probe = path / f".probe-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
        return path
    except OSError:
        private = Path(tempfile.mkdtemp(prefix="fincloud-fonts-"))
        atexit.register(shutil.rmtree, private, ignore_errors=True)
        return private


@cache
def base_characters() -> frozenset[str]:
    """Every character of the catalog edition files and message texts.

    Documents print mostly catalog text; subsetting to this set plus whatever a portfolio adds
    makes the character set (hence the cached subset) the same for nearly every package.
    """
    from fincloud import messages
    from fincloud.catalog.loader import EDITIONS_DIR

    chars: set[str] = set()
    for path in sorted(EDITIONS_DIR.rglob("*.yaml")):
        chars.update(path.read_text(encoding="utf-8"))
    for pair in messages.MESSAGES.values():
        chars.update("".join(pair))
    return frozenset(SUBSTITUTES.get(c, c) for c in chars if c.isprintable())


def _font_version() -> str:
    stat_r, stat_b = REGULAR.stat(), BOLD.stat()
    return f"{stat_r.st_size}-{int(stat_r.st_mtime)}-{stat_b.st_size}-{int(stat_b.st_mtime)}"


def subset_fonts(chars: set[str]) -> FontSet:
    """A subset of both faces covering ``chars``, the catalog's characters and ASCII.

    Cached in memory and on disk by character set and font version: the first package of a
    new character set pays ~1–2 s of fontTools subsetting, later ones load it in milliseconds.
    """
    from fontTools import subset
    from fontTools.ttLib import OPTIMIZE_FONT_SPEED, TTFont

    mapped = {SUBSTITUTES.get(c, c) for c in chars} | base_characters()
    codepoints = {ord(c) for c in mapped if len(c) == 1} | set(range(0x20, 0x7F))
    codepoints &= supported()
    key = hashlib.sha256((_font_version() + ":" + ",".join(map(str, sorted(codepoints)))).encode()).hexdigest()[:20]
    with _lock:
        cached = _memo.get(key)
        if cached and cached.regular.is_file() and cached.bold.is_file():
            return cached
        cache_dir = _cache_dir()
        paths = []
        for face in (REGULAR, BOLD):
            target = cache_dir / f"{face.stem}-{key}.ttf"
            if not target.is_file():
                font = TTFont(face, recalcTimestamp=False, recalcBBoxes=False)
                font.cfg[OPTIMIZE_FONT_SPEED] = True
                options = subset.Options()
                options.drop_tables += _DROP_TABLES
                options.name_IDs = ["*"]
                options.name_languages = ["*"]
                options.notdef_outline = True
                options.layout_features = ["*"]
                subsetter = subset.Subsetter(options)
                subsetter.populate(unicodes=sorted(codepoints))
                subsetter.subset(font)
                partial = target.with_suffix(f".{os.getpid()}.tmp")
                font.save(partial)
                os.replace(partial, target)
            paths.append(target)
        result = FontSet(paths[0], paths[1], subset=True)
        _memo[key] = result
        return result
