"""Recognise the structure of a Korean contract: 조 (제N조 + title), 항 (①②…), 호 (1. 2. …),
목 (가. 나. …), annexes (별표·별첨·부록·Annex) and 부칙.

Why: a finding is only useful if the officer can find it ("제12조 ② 3호", page 4), and a
clause's meaning often spans a 항's lead-in and its 호 ("을은 다음 각 호의 자의 검사에
협조한다. 1. 금융감독원 …"). The splitter keeps each unit's position and its parents so the
matcher can read a 항 as a whole and still point at the exact 호.

Korean statutes and most Korean contracts follow the 법제처 numbering (조 → 항 ① → 호 1. →
목 가.); ``(1)`` numbering is accepted as 항 as well, and ``Article N`` headings of bilingual
contracts are mapped onto the same article when they repeat its number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from fincloud.evidence.contracts.readers import Block, RawDocument

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# Article titles come in any bracket pair: 제1조(목적), 제1조【목적】, 제1조〔목적〕, 제1조[목적],
# 제1조<목적>, 제1조「목적」; or bare: "제1조 목적".
_OPEN, _CLOSE = "(（[【〔〈<「『", ")）]】〕〉>」』"
_ARTICLE = re.compile(
    rf"^제\s*(\d+)\s*조(?:\s*의\s*(\d+))?\s*(?:[{re.escape(_OPEN)}]\s*([^{re.escape(_CLOSE)}]{{1,50}}?)\s*[{re.escape(_CLOSE)}]|(?=\s*$))\s*(.*)$"
)
# A bare Korean title may be followed by its English translation in parentheses, as in bilingual
# contracts: "제1조 목적 (Purpose)", "제6조 재위탁 (Subcontracting)". Capital abbreviations may be
# part of it: "제8조 CSP 약관에 따르는 사항".
_ARTICLE_BARE_TITLE = re.compile(
    r"^제\s*(\d+)\s*조(?:\s*의\s*(\d+))?\s+([가-힣·ㆍ및 ]{2,24}?|(?=[가-힣A-Z0-9·ㆍ ]*[가-힣])[가-힣A-Z0-9·ㆍ ]{2,24}?)\s*(?:[(（]\s*[A-Za-z][A-Za-z0-9 ,.&/'’-]{0,60}[)）])?$"
)
_ARTICLE_EN = re.compile(r"^(?:Article|ARTICLE|Section|SECTION|Clause|CLAUSE)\s+(\d+)\.?\s*(?:[(（]\s*([^)）]{1,60})[)）]|[.:\-–—]?\s*([A-Z][A-Za-z ,;&/'’-]{1,60}))?\s*(.*)$")
# "14.2 Customer may terminate …": the decimal sub-clause of an English article, read as its 항 "(2)".
_DECIMAL_CLAUSE = re.compile(r"^(\d{1,3})\.(\d{1,2})\.?\s+(\S.*)$")
_CHAPTER = re.compile(r"^제\s*\d+\s*장\b|^(?:Chapter|CHAPTER)\s+\d+")
_PARAGRAPH = re.compile(rf"^([{CIRCLED}])\s*(.*)$|^\((\d{{1,2}})\)\s*(.*)$")
# "(a) Provider may …": the lettered sub-sections of an English (US-style) agreement, read as 항.
_PARAGRAPH_EN = re.compile(r"^\(([a-h])\)\s+(?=[A-Z])(.*)$")
_ITEM = re.compile(r"^(\d{1,2})[.)]\s+(.*)$|^(\d{1,2})\.(?=[가-힣A-Za-z\"“])(.*)$")
_SUBITEM = re.compile(r"^([가나다라마바사아자차카타파하])[.)]\s*(.*)$")
_ANNEX = re.compile(
    r"^[\[<【〔(]?\s*(별표|별첨|붙임|부록|부속서|별지|부칙|Annex|ANNEX|Schedule|SCHEDULE|Appendix|APPENDIX|Exhibit|EXHIBIT)"
    r"\s*(\d*|[A-Z](?![A-Za-z]))\s*[\]>】〕)]?\s*(.*)$"
)
# "특약 제3조(재위탁)": an article of a second agreement written with the agreement's name before it.
_PART_ARTICLE_PREFIX = re.compile(r"^(부속\s*합의서|추가\s*합의서|변경\s*합의서|합의서|특약)\s+(?=제\s*\d+\s*조)")

# The heading of a second agreement appended to the contract (a 부속합의서 or 특약 after the main
# contract, numbered again from 제1조): "정보보호 및 감독대응에 관한 부속합의서", "금융회사 특약".
_PART_TITLE = re.compile(
    r"^[「『\[【〔<]?\s*(?:[가-힣A-Za-z0-9·ㆍ ]{0,40}\s)?[가-힣A-Za-z0-9·ㆍ]{0,12}?"
    r"(부속\s*합의서|추가\s*합의서|변경\s*합의서|보충\s*합의서|합의서|특약\s*사항|특약서|특약|부속\s*계약서|약정서|부속\s*확인서|확인서|확약서|부속서)"
    r"\s*[」』\]】〕>]?(?:\s*[(（][A-Za-z][A-Za-z0-9 ,.&/'’-]{0,60}[)）])?$"
)


@dataclass(frozen=True)
class Unit:
    """The smallest numbered piece of the contract, with the numbers of its parents."""

    article: str | None  # "제12조" / "제12조의2"
    article_title: str | None
    paragraph: str | None  # "②" or "(2)"
    item: str | None  # 호 number "3"
    subitem: str | None  # 목 letter "가"
    annex: str | None  # "별표 1", "부칙", "Annex 2"
    page: int | None
    block: int  # paragraph position of the unit's first block
    text: str

    @property
    def location(self) -> str:
        """The citation a Korean reader expects: "제12조 ② 3호 가목", "별표 1", "전문"."""
        parts: list[str] = []
        if self.annex:
            parts.append(self.annex)
        if self.article:
            parts.append(self.article)
        if self.paragraph:
            parts.append(self.paragraph)
        if self.item:
            parts.append(f"{self.item}호")
        if self.subitem:
            parts.append(f"{self.subitem}목")
        return " ".join(parts) if parts else "전문"

    @property
    def group(self) -> tuple[str | None, str | None, str | None]:
        """The 항-level group this unit belongs to (annex, article, paragraph)."""
        return (self.annex, self.article, self.paragraph)


@dataclass(frozen=True)
class ContractDocument:
    """A contract split into units, in reading order."""

    raw: RawDocument
    units: tuple[Unit, ...]

    @property
    def articles(self) -> list[str]:
        seen: list[str] = []
        for u in self.units:
            if u.article and u.article not in seen:
                seen.append(u.article)
        return seen


class _State:
    def __init__(self) -> None:
        self.annex: str | None = None
        self.article: str | None = None
        self.title: str | None = None
        self.paragraph: str | None = None
        self.item: str | None = None
        self.subitem: str | None = None
        self.units: list[Unit] = []
        self.text: list[str] = []
        self.page: int | None = None
        self.block = 0
        self.seen_article = False
        # (name, index of its first unit, heading) of a possible second agreement ("부속합의서")
        self.pending_part: tuple[str, int, str] | None = None
        self.english_opened = False  # the current article was opened by an English heading
        # column of the amended text in a 신·구 조문 대비표 ("조항 | 현행 | 개정안"), while inside one
        self.comparison: int | None = None
        self.order_form: str | None = None  # the part name when the document opens with an order form
        self.item_letters_are_paragraphs = False  # "(a)" opened 항 in the current English section

    def flush(self) -> None:
        text = " ".join(t for t in self.text if t).strip()
        if text:
            self.units.append(
                Unit(self.article, self.title, self.paragraph, self.item, self.subitem, self.annex, self.page, self.block, text)
            )
        self.text = []

    def start(self, block: Block, text: str) -> None:
        """Begin a new unit; the caller has flushed the previous one before renumbering."""
        self.page = block.page
        self.block = block.paragraph
        self.text = [text]


def split(raw: RawDocument) -> ContractDocument:
    """Split the blocks of a document into numbered units.

    Lines that start no new unit continue the current one (PDF lines wrap mid-sentence).
    """
    st = _State()
    for block in raw.blocks:
        line = _amended_text(st, block.text.strip())
        if line is None:
            continue
        if bm := _BILINGUAL_HEADING.match(line):
            line = bm.group(1)  # read as its Korean heading
        if not st.seen_article and st.annex is None and not st.units and not st.text and (m := _ORDER_FORM.search(line)):
            # The document is an order form: its own numbered sections come before any 조.
            st.annex = st.order_form = "주문서" if m.group(1) in ("주문서", "Order Form", "ORDER FORM") else m.group(1)
            st.title = line
            st.start(block, "")
            continue
        if st.order_form and st.annex == st.order_form and (am := _ARTICLE.match(line)) and am.group(1) == "1":
            # The terms attached to the order form begin: their articles are the contract's own.
            st.flush()
            st.annex = None
        if (pm := _PART_ARTICLE_PREFIX.match(line)) and st.seen_article:
            # "특약 제1조(목적)": the prefix names the agreement the article belongs to. Its 제1조 opens
            # that agreement even when no heading line announced it.
            if st.pending_part is None and not (st.annex or "").endswith(re.sub(r"\s+", "", pm.group(1))):
                st.flush()
                st.pending_part = (re.sub(r"\s+", "", pm.group(1)), len(st.units), line)
            line = line[pm.end():]
        if _CHAPTER.match(line) and len(line) < 40:
            st.flush()
            st.paragraph = st.item = st.subitem = None
            continue
        if st.seen_article and len(line) <= 50 and (m := _PART_TITLE.match(line)):
            # Maybe the heading of a second agreement; it is one only if its articles restart at
            # 제1조 (a running page header "○○ 부속합의서" is not). Until then the line is read as usual.
            st.flush()
            st.pending_part = (re.sub(r"\s+", "", m.group(1)), len(st.units), line)
        if (m := _ANNEX.match(line)) and (_looks_like_heading(line, m.group(3)) or _inline_annex(m)):
            st.pending_part = None
            st.flush()
            kind, number = m.group(1), m.group(2)
            st.annex = f"{kind} {number}".strip()
            st.article = st.paragraph = st.item = st.subitem = None
            if not _inline_annex(m):
                # The annex heading is context (like an article title), not a statement.
                st.title = line
                st.start(block, "")
            else:
                # "Schedule 2 / 별지 2 — Technical measures: …": heading and content on one line.
                st.title = None
                st.start(block, line)
            continue
        if (m := _ARTICLE.match(line)) or (m := _ARTICLE_BARE_TITLE.match(line)):
            number = m.group(1) + (f"조의{m.group(2)}" if m.group(2) else "조")
            st.flush()
            if st.pending_part and number == "1조":
                _start_part(st, *st.pending_part)
            st.pending_part = None
            if st.english_opened and st.article == f"제{number}":
                # "Article 2. Services" then "제2조(서비스)": the Korean heading of the article the
                # English heading opened; its units get the Korean title, the English one after it.
                title = (m.group(3) or "").strip()
                if title:
                    _retitle(st, st.article, f"{title} ({st.title})" if st.title else title)
            st.english_opened = False
            # Articles inside an annex or 부칙 (e.g. a 부속합의서 with its own 조) stay in it.
            st.article = f"제{number}"
            st.seen_article = True
            st.title = (m.group(3) or "").strip() or None
            st.paragraph = st.item = st.subitem = None
            rest = (m.group(4) if m.re is _ARTICLE else "") or ""
            st.start(block, "")  # the title is kept as article_title, not as body text
            if rest:
                _continue_line(st, block, rest)
            continue
        if (m := _ARTICLE_EN.match(line)) and st.article and _same_number(st.article, m.group(1)):
            rest = m.group(4) or ""
            if rest:
                _continue_line(st, block, rest)
            continue
        if (m := _ARTICLE_EN.match(line)) and not (m.group(4) or "").strip() and len(line) <= 80:
            # An English heading with a new number opens that article, as in an English original
            # followed by its Korean translation ("Article 2. Services" … "제2조(서비스)"), so the
            # English text is not read as part of the previous article.
            st.flush()
            st.article = f"제{m.group(1)}조"
            st.seen_article = True
            st.english_opened = True
            st.item_letters_are_paragraphs = False
            st.title = (m.group(2) or m.group(3) or "").strip() or None
            st.paragraph = st.item = st.subitem = None
            st.start(block, "")
            continue
        _continue_line(st, block, line)
    st.flush()
    return ContractDocument(raw, tuple(st.units))


# An order form that opens the document ("클라우드 서비스 주문서 (Order Form)", "서비스 이용 신청서"): its
# numbered sections ("2. 이용 목적 및 대상 시스템") are cited as "주문서 2호" until the terms' 제1조 begins.
_ORDER_FORM = re.compile(r"(주문서|신청서|청약서|Order Form|ORDER FORM)\s*(?:[(（][^)）]{0,40}[)）])?\s*$")


# "Article 1 (Definitions) / 제1조(정의)": one heading line for both versions of a bilingual article.
_BILINGUAL_HEADING = re.compile(
    r"^(?:Article|ARTICLE|Section|SECTION|Clause|CLAUSE)\s+\d+\.?\s*(?:[(（][^)）]{0,60}[)）]|[.:\-–—]?\s*[A-Za-z][A-Za-z ,;&/'’-]{0,60}?)?"
    r"\s*[/|｜·]\s*(제\s*\d+\s*조.*)$"
)


_QUOTED_ARTICLE = re.compile(r"^[「『]\s*(?=제\s*\d+\s*조)")


def _amended_text(st: _State, line: str) -> str | None:
    """What of a line counts as contract text in an amendment.

    A 신·구 조문 대비표 flattened to text ("조항 | 현행 | 개정안" then "제4조(처리 장소) | old | new") keeps
    only the amended text, read as that article; the header row is dropped (None). A new article
    quoted in 「 」 ("「제3조의2(데이터의 귀속) …」") is read as that article."""
    if "|" in line:
        cells = [c.strip() for c in line.split("|")]
        new = next((i for i, c in enumerate(cells) if i > 0 and re.match(r"^(?:개정안?|변경안?|변경\s*후|개정\s*후|신설안)", c)), None)
        if new is not None and any(re.match(r"^(?:현행|변경\s*전|개정\s*전|종전)", c) for c in cells):
            st.comparison = new
            return None
        if st.comparison is not None and len(cells) > st.comparison and _ARTICLE.match(cells[0]):
            return f"{cells[0]} {cells[st.comparison]}".strip()
    elif line and st.comparison is not None:
        st.comparison = None
    return _QUOTED_ARTICLE.sub("", line).rstrip("」』").rstrip() if _QUOTED_ARTICLE.match(line) else line


def _start_part(st: _State, name: str, first_unit: int, heading: str) -> None:
    """A second agreement after the main contract (a 부속합의서 or 특약 whose articles restart at
    제1조): its units are cited by its name ("부속합의서 제3조"), not as part of the last annex or
    부칙 before it, and its 제3조 is not merged with the main contract's 제3조. Its heading and
    preamble, read so far as part of the previous unit's context, move into it."""
    st.units[first_unit:] = [
        replace(u, annex=name, article=None, article_title=heading, paragraph=None, item=None, subitem=None)
        for u in st.units[first_unit:]
    ]
    st.annex = name


def _retitle(st: _State, article: str, title: str) -> None:
    st.title = title
    st.units = [
        replace(u, article_title=title) if u.article == article and u.annex == st.annex else u for u in st.units
    ]


def _continue_line(st: _State, block: Block, line: str) -> None:
    if (m := _DECIMAL_CLAUSE.match(line)) and st.article and not st.annex and _same_number(st.article, m.group(1)):
        st.flush()
        st.paragraph = f"({m.group(2)})"
        st.item = st.subitem = None
        st.start(block, m.group(3))
    elif m := _PARAGRAPH.match(line):
        st.flush()
        mark = m.group(1) or f"({m.group(3)})"
        st.paragraph = mark
        st.item = st.subitem = None
        st.start(block, m.group(2) if m.group(1) else m.group(4))
    elif (m := _PARAGRAPH_EN.match(line)) and st.article and st.english_opened:
        # "(a)" right under "Section 10." is a sub-section (항); under a numbered clause ("15.1 … if:")
        # it is an item of that clause (호), read with its lead-in.
        st.flush()
        if st.paragraph is None or st.item_letters_are_paragraphs:
            st.item_letters_are_paragraphs = True
            st.paragraph = f"({m.group(1)})"
            st.item = None
        else:
            st.item = m.group(1)
        st.subitem = None
        st.start(block, m.group(2))
    elif (m := _ITEM.match(line)) and (st.article or st.annex):
        st.flush()
        st.item = m.group(1) or m.group(3)
        st.subitem = None
        st.start(block, m.group(2) if m.group(1) else m.group(4))
    elif (m := _SUBITEM.match(line)) and st.item:
        st.flush()
        st.subitem = m.group(1)
        st.start(block, m.group(2))
    elif not st.text:
        st.start(block, line)
    else:
        st.text.append(line)


def _same_number(article: str, number: str) -> bool:
    return re.fullmatch(rf"제{number}조(?:의\d+)?", article) is not None


def _inline_annex(m: re.Match[str]) -> bool:
    """"별표 1 — 서비스 명세: …", "Schedule 2 / 별지 2 – …": a numbered annex keyword followed by a
    separator starts the annex even when its content follows on the same line."""
    rest = m.group(3).strip()
    return bool(m.group(2)) and re.match(r"^[/:—–-]", rest) is not None and len(rest) > 20


def _looks_like_heading(line: str, rest: str) -> bool:
    """"별표 1 서비스 수준" is a heading; "별표 1에 따른 서비스 수준을 유지한다" is a sentence."""
    if len(line) > 60:
        return False
    return not re.match(r"^(에|의|와|과|을|를|로|은|는|이|가|에서|에 따른)\b", rest)
