"""The web workspace is Korean-first (every msgid is Korean) with a complete English catalogue:
every string has a checked English translation with the same placeholders, the compiled .mo matches the
.po (fresh machines may lack gettext), and switching the language turns the UI labels into English while
Korean stays the default.

Refresh the catalogue with ``bash src/fincloud/web/locale/update_en.sh``."""

from __future__ import annotations

import ast
import gettext
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[2] / "src" / "fincloud" / "web" / "locale"
PO = LOCALE / "en" / "LC_MESSAGES" / "django.po"
MO = LOCALE / "en" / "LC_MESSAGES" / "django.mo"

HANGUL = re.compile(r"[\uac00-\ud7a3]")
# printf-style named/positional placeholders, a literal %%, and brace fields ({{ var }} or {name}).
PLACEHOLDER = re.compile(
    r"%\([^)]*\)[#0\- +]*\d*(?:\.\d+)?[sdifrxXeEgGc]|%[sdif]|%%|\{\{[^}]*\}\}|\{[^{}]*\}"
)


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str | None = None
    msgstr: str = ""
    msgstr_plural: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    line: int = 0

    @property
    def translations(self) -> list[str]:
        return (
            [self.msgstr_plural[k] for k in sorted(self.msgstr_plural)]
            if self.msgid_plural
            else [self.msgstr]
        )


def _unquote(text: str) -> str:
    return ast.literal_eval(text)


def parse_po(path: Path) -> tuple[Entry, list[Entry]]:
    """A small .po reader (no third-party dependency): returns the header entry and the messages.
    Obsolete ``#~`` entries are skipped."""
    entries: list[Entry] = []
    current: Entry | None = None
    target: tuple[str, int | None] | None = None
    pending_flags: set[str] = set()

    def finish():
        nonlocal current
        if current is not None:
            entries.append(current)
        current = None

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line:
            finish()
            target = None
            continue
        if line.startswith("#~"):
            continue
        if line.startswith("#,"):
            finish()
            pending_flags |= {f.strip() for f in line[2:].split(",") if f.strip()}
            continue
        if line.startswith("#"):
            if current is not None and target is not None:
                finish()
            continue
        keyword, _, rest = line.partition(" ")
        if line.startswith('"'):
            assert current is not None and target is not None, f"{path}:{number}: stray continuation"
            name, index = target
            value = _unquote(line)
            if name == "msgstr_plural":
                current.msgstr_plural[index] += value
            else:
                setattr(current, name, getattr(current, name) + value)
            continue
        if keyword == "msgid":
            finish()
            current = Entry(flags=pending_flags, line=number)
            pending_flags = set()
            current.msgid = _unquote(rest)
            target = ("msgid", None)
        elif keyword == "msgid_plural":
            current.msgid_plural = _unquote(rest)
            target = ("msgid_plural", None)
        elif keyword == "msgstr":
            current.msgstr = _unquote(rest)
            target = ("msgstr", None)
        elif keyword.startswith("msgstr["):
            index = int(keyword[len("msgstr[") : -1])
            current.msgstr_plural[index] = _unquote(rest)
            target = ("msgstr_plural", index)
        elif keyword == "msgctxt":
            raise AssertionError(f"{path}:{number}: msgctxt is not expected in this catalogue")
        else:
            raise AssertionError(f"{path}:{number}: cannot read {raw!r}")
    finish()
    header = next(e for e in entries if e.msgid == "")
    return header, [e for e in entries if e.msgid != ""]


HEADER, MESSAGES = parse_po(PO)


def _placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def test_catalogue_is_english_and_complete():
    assert "Language: en" in HEADER.msgstr
    assert "fuzzy" not in HEADER.flags
    assert len(MESSAGES) > 700, "makemessages should have collected the strings of every app"
    assert len({e.msgid for e in MESSAGES}) == len(MESSAGES), "duplicate msgids"


def _problems(entry: Entry) -> list[str]:
    problems = []
    if "fuzzy" in entry.flags:
        problems.append("unchecked (fuzzy) translation")
    if entry.msgid_plural and sorted(entry.msgstr_plural) != [0, 1]:
        problems.append("English needs two plural forms")
    for text in entry.translations:
        if not text.strip():
            problems.append("no English")
            continue
        if _placeholders(text) != _placeholders(entry.msgid):
            problems.append(f"placeholders differ: {text!r}")
        # Korean may stay only as a parenthesised reference, e.g. "Table 2-5 (별표 2의5)".
        if HANGUL.search(re.sub(r"\([^()]*\)", "", text)):
            problems.append(f"untranslated Korean: {text!r}")
        if text.count("\n") != entry.msgid.count("\n"):
            problems.append(f"line breaks differ: {text!r}")
    return problems


def test_every_msgid_has_a_checked_translation_with_the_same_placeholders():
    problems = {f"line {e.line}: {e.msgid!r}": p for e in MESSAGES if (p := _problems(e))}
    assert not problems, problems


def test_compiled_catalogue_matches_the_po():
    assert MO.exists(), "compile with: msgfmt --check -o django.mo django.po"
    with MO.open("rb") as handle:
        catalog = gettext.GNUTranslations(handle)._catalog  # the compiled mapping itself
    for entry in MESSAGES:
        if entry.msgid_plural:
            for index, text in entry.msgstr_plural.items():
                assert catalog.get((entry.msgid, index)) == text, f".mo is stale for {entry.msgid!r}"
        else:
            assert catalog.get(entry.msgid) == entry.msgstr, f".mo is stale for {entry.msgid!r}"


# -- rendering -------------------------------------------------------------------------------------------

MSGIDS = {e.msgid for e in MESSAGES if not e.msgid_plural}
PAGES = ["/", "/workloads/", "/workloads/wl-core-dr/", "/committee/", "/evaluations/", "/calendar/"]


def _text_nodes(content: bytes) -> list[str]:
    body = re.sub(r"<script.*?</script>|<style.*?</style>", "", content.decode(), flags=re.S)
    nodes = (" ".join(html.unescape(node).split()) for node in re.split(r"<[^>]+>", body))
    return [node for node in nodes if node]


def _english(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    return client


def test_dashboard_is_korean_by_default(admin):
    response = admin.get("/")
    assert response.status_code == 200
    assert response["Content-Language"] == "ko"
    nodes = _text_nodes(response.content)
    assert "대시보드" in nodes
    assert "Dashboard" not in nodes


def test_switching_to_english_renders_english_labels(admin):
    response = _english(admin).get("/")
    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    nodes = _text_nodes(response.content)
    for label in ("Dashboard", "All workloads", "Critical workloads", "Blockers", "Sign out"):
        assert label in nodes, label
    assert "대시보드" not in nodes


@pytest.mark.parametrize("url", PAGES)
def test_english_pages_show_no_korean_ui_label(admin, url):
    """A text node that is exactly a catalogue msgid means a label was left untranslated; Korean that
    remains is data (names, the engine's citations)."""
    response = _english(admin).get(url)
    assert response.status_code == 200
    leftovers = sorted({node for node in _text_nodes(response.content) if node in MSGIDS})
    assert not leftovers, leftovers


def test_back_to_korean(admin):
    client = _english(admin)
    client.post("/i18n/setlang/", {"language": "ko", "next": "/"})
    assert "대시보드" in _text_nodes(client.get("/").content)
