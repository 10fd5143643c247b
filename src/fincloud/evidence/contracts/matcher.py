"""Decide, per required clause, whether the contract satisfies it, where, and how surely.

How (see docs/contract-review.md):
1. The contract is cut into sentences; sentences of one 항 (or of an article without 항) form
   a *segment*, the unit a clause must be found in. The article title is context for every
   segment of its article.
2. Each element of a clause part is searched in the whole text at once (one regex per
   element over the whitespace-free text), and hits are bucketed by sentence.
3. A part is *found* in a segment when every element has a hit there (at least one outside
   the title), or when an indirect phrasing of the part appears in one sentence.
4. A segment that carries the part's anchor and negates (의무를 부담하지 아니한다) or limits
   (을이 동의하는 경우에 한하여) the obligation is a *risk*, never support.
5. All parts found and no risk → satisfied; some parts, or support undermined by a risk →
   partly; only risks → contradicted; nothing → missing.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from fincloud.evidence.contracts.concepts import ClauseConcept, Concepts, Element, Part, compact, spaced
from fincloud.evidence.contracts.negation import english_negation, negations, term_hits
from fincloud.evidence.contracts.parties import (
    Parties,
    find_parties,
    institution_at_fault,
    only_institution_acts,
    provider_decides,
    provider_discretion,
    subject_is_institution,
)
from fincloud.evidence.contracts.structure import ContractDocument, Unit

# Sentences end at . ! ? ; 。 and after "다." glued to the next word; a bullet ("- ", "• ") of a 개조식
# list (…함, …음 without a full stop) starts a new one.
_SENTENCE_END = re.compile(r"(?<=[.!?;。])\s+|(?<=다\.)(?=\S)|\s+(?=[-•▪◦○]\s)")
EXCERPT_CHARS = 400
_LATIN_WORD = re.compile(r"[A-Za-z]{2}")
_HANGUL_RUN = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]+")
# A numbered amending instruction: "4. 제7조제2항을 다음과 같이 한다", "7. 제12조 다음에 제12조의2를 …",
# "12. 별표 3 제2호 중 …".
_AMENDING_VERB = re.compile(r"다음과\s*같이|(?:으)?로\s*한다|신설한다|신설하고|삭제한다|새로\s*둔다|고친다")
_AMENDING_ITEM = re.compile(r"^\s*(?:원계약\s*)?(?:제\s*\d+\s*조|별표|별첨|별지)[^.]{0,60}?(?:을|를|중|에|다음에)\s")
# "본 계약 제11조에도 불구하고", "제4.2조에도 불구하고", "표준계약서 제8조 제2항은 … 적용하지 아니한다",
# "Notwithstanding Section 8.3": the article named is set aside by the sentence.
_OVERRIDE = re.compile(
    r"제\s*(\d+)(?:\.(\d+))?\s*조(?:\s*의\s*\d+)?(?:\s*제?\s*(\d+)\s*항)?\s*(?:에도\s*불구하고|(?:은|는)\s*[^.。]{0,24}?적용하지\s*(?:아니|않))"
    r"|[Nn]otwithstanding\s+(?:[Ss]ection|[Cc]lause|[Aa]rticle)\s+(\d+)(?:\.(\d+))?"
)
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _paragraph_number(paragraph: str | None) -> int | None:
    """② → 2, (2) → 2."""
    if not paragraph:
        return None
    if paragraph in _CIRCLED:
        return _CIRCLED.index(paragraph) + 1
    digits = paragraph.strip("()")
    return int(digits) if digits.isdigit() else None
# "-ㄹ지" (whether) as in "따로 지울지, 지운다면 언제 어떤 방법으로 지울지는 회사가 정합니다": a syllable
# ending in ㄹ, then 지. (여부 is the noun form, listed in the catalog.)
_RL = "[" + "".join(chr(0xAC00 + i) for i in range(11172) if i % 28 == 8) + "]"


@functools.lru_cache(maxsize=8)
def _whether_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    korean = [w for w in words if not w.isascii()]
    alternatives = [r"\s*".join(re.escape(ch) for ch in w) for w in korean] + [_RL + "지"]
    return re.compile(rf"(?:{'|'.join(alternatives)})(?:는|와|과|나|,|\s*및|\s*그리고)")


def _whether_topic(text: str, words: tuple[str, ...]) -> int | None:
    """Where the sentence makes *whether* its topic ("삭제 여부, 방법 및 시기는", "참여할지 여부는",
    "지울지는"), or None. "그 이행 여부를 연 1회 점검하며" checks whether, it decides nothing."""
    m = _whether_pattern(words).search(text)
    if m:
        return m.start()
    lowered = text.lower()
    for w in words:
        if w.isascii() and (i := lowered.find(w)) >= 0:
            return i
    return None
# A definition says what a word means, not what anyone must do: '"규제기관"이란 금융위원회, 금융감독원 …
# 감독·검사 권한을 가지는 기관을 말한다', '"Regulator" means …'. It supports no clause.
_DEFINITION = re.compile(
    r"^\s*(?:\d+[.)]\s*)?[\"“'‘「『][^\"”'’」』]{1,30}[\"”'’」』]\s*(?:이란|란|이라\s*함은|라\s*함은|means|shall\s+mean)"
    r"|(?:이란|라\s*함은)\s.*(?:말한다|말합니다|뜻한다|뜻합니다)\.?\s*$"
)
# "원계약 제16조(데이터의 파기) 및 제17조(비밀유지)는 … 적용된다": the title in parentheses after a
# reference to another article names that article, it states nothing; it is left out of matching.
# (A heading "제4조의2(정보처리의 위치) ① …" quoted in an amendment keeps its body, which is matched.)
_REFERENCE_TITLE = re.compile(r"(제\s*\d+\s*조(?:\s*의\s*\d+)?(?:\s*제\s*\d+\s*항)?)\s*[(（][^()（）]{1,30}[)）]")
_AMENDING = ("신설한다", "다음과같이", "로한다", "으로한다", "삭제한다", "개정한다", "로변경한다", "으로변경한다", "로고친다", "으로고친다")


def _matchable(sentence: str) -> str:
    """The compact text elements are matched in: without the titles of referenced articles, unless
    the sentence amends that article ("원계약 제14조(재위탁) 제1항 중 "통지"를 "동의"로 한다" is about
    재위탁; "원계약 제17조(비밀유지)는 … 적용된다" only points at it)."""
    text = compact(sentence)
    if ("(" not in sentence and "（" not in sentence) or any(a in text for a in _AMENDING):
        return text
    return compact(_REFERENCE_TITLE.sub(r"\1,", sentence))  # "제11조,회사는": no "조회" across the gap


_CONDITION_END = re.compile(r"(?:경우|때|경우에|때에)\s*[.;:,]?\s*$")


@dataclass(frozen=True)
class Sentence:
    text: str
    compact: str
    unit: int | None  # index into document units; None for a title pseudo-sentence
    segment: int | None


@dataclass
class Segment:
    index: int
    units: list[int]
    sentences: list[int]
    title_sentence: int | None


@dataclass(frozen=True)
class Hit:
    """One place where a part was found (or where a risk was found)."""

    segment: int
    sentences: tuple[int, ...]  # body sentences holding element hits
    terms: tuple[str, ...]  # the matched words, one per element
    score: float
    risk: str | None = None  # "negation" | "limitation"
    partial: bool = False  # a phrasing that shows the part only in part (Part.partial)


@dataclass
class ClauseFinding:
    concept: ClauseConcept
    status: str
    confidence: float
    support: list[Hit] = field(default_factory=list)
    risks: list[Hit] = field(default_factory=list)
    why: list[str] = field(default_factory=list)


class PreparedContract:
    """Sentences, segments and the per-element hit index of one contract."""

    def __init__(self, doc: ContractDocument, concepts: Concepts) -> None:
        self.doc = doc
        self.concepts = concepts
        self.sentences: list[Sentence] = []
        self.segments: list[Segment] = []
        self._build()
        self.parties: Parties = find_parties("\n".join(u.text for u in doc.units[:40]), concepts.shared)
        self._offsets, self._text = _joined([s.compact for s in self.sentences])
        # the same sentences spaced and lower-cased, for English terms matched as whole words; only
        # sentences with Latin words, and Hangul runs shrunk to one mark, so the pass scans little text
        self._offsets_en, self._text_en = _joined(
            [_HANGUL_RUN.sub("\x01", spaced(s.text)) if _LATIN_WORD.search(s.text) else "" for s in self.sentences]
        )
        # the document's Latin words with their regular inflections stripped, to skip English terms
        # the document cannot hold (a Korean contract with "vCPU" and "GiB" needs no "terminate" pass)
        words = set(re.findall(r"[a-z0-9]+", self._text_en))
        self._en_words = words | {w[: -len(x)] for w in words for x in ("s", "es", "d", "ed", "ing") if w.endswith(x)}
        self._hits: dict[int, dict[int, list[str]]] = {}
        self._negations: dict[int, list] = {}
        self._containing: dict[tuple[str, ...], frozenset[int]] = {}
        self.deferred = self._deferred() | {i for i, sent in enumerate(self.sentences) if _DEFINITION.search(sent.text)}
        self._phrase: dict[int, str] = {}
        self.leads = self._leads()
        self.overridden = self._overridden()

    def _overridden(self) -> set[tuple[str, int | None]]:
        """Main-body articles another article sets aside: "본 계약 제11조에도 불구하고, 공급자는 …",
        "표준계약서 제8조 제2항은 고객에 대하여 적용하지 아니한다", "Notwithstanding Section 8". A risk in
        such an article is superseded by the text that sets it aside (usually a 금융 특약)."""
        found: set[tuple[str, int | None]] = set()
        for sent in self.sentences:
            if sent.unit is None:
                continue
            here = self.doc.units[sent.unit]
            for m in _OVERRIDE.finditer(sent.text):
                article = f"제{m.group(1) or m.group(4)}조"
                paragraph = m.group(2) or m.group(3) or m.group(5)
                if here.annex is not None or here.article != article:
                    found.add((article, int(paragraph) if paragraph else None))
        return found

    def phrase_text(self, s: int) -> str:
        """The compact text a phrasing is looked for in: the sentence, and for a 호/목 also the lead-in
        it completes ("을은 다음 사항이 생기면 갑에게 알린다. … 3. 최대주주의 변경" is one statement)."""
        lead = self.leads.get(s)
        if lead is None:
            return self.sentences[s].compact
        if s not in self._phrase:
            self._phrase[s] = self.sentences[lead].compact + "\x00" + self.sentences[s].compact
        return self._phrase[s]

    def _leads(self) -> dict[int, int]:
        """호/목 sentence → the last sentence before it, in its segment, that is not part of a 호."""
        leads: dict[int, int] = {}
        for seg in self.segments:
            lead: int | None = None
            for t in seg.sentences:
                sent = self.sentences[t]
                if sent.unit is None:
                    continue
                if self.doc.units[sent.unit].item is None:
                    lead = t
                elif lead is not None:
                    leads[t] = lead
        return leads

    def containing(self, phrases: tuple[str, ...]) -> frozenset[int]:
        """Sentences whose compact text holds any of the (compact) phrases; one regex pass, cached."""
        if not phrases:
            return frozenset()
        if phrases not in self._containing:
            pattern = re.compile("|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True)))
            found = {bisect.bisect_right(self._offsets, m.start()) - 1 for m in pattern.finditer(self._text)}
            self._containing[phrases] = frozenset(found)
        return self._containing[phrases]

    def _deferred(self) -> set[int]:
        """Sentences that only defer to terms outside the contract ("… 약관이 정하는 바에 따른다"),
        with the 호 of a segment whose lead-in defers so ("다음 각 호의 사항은 … 약관에 따른다")."""
        cues = self.concepts.shared.reference_only
        if not cues:
            return set()
        found: set[int] = set()
        candidates = self.containing(tuple(sorted({g[0] for g in cues})))
        for seg in self.segments:
            deferring = [
                s for s in seg.sentences if s in candidates and any(all(c in self.sentences[s].compact for c in g) for g in cues)
            ]
            if not deferring:
                continue
            found.update(deferring)
            if any(self.unit(s).item is None for s in deferring):
                found.update(s for s in seg.sentences if self.unit(s).item is not None)
        return found

    def _build(self) -> None:
        titles: dict[tuple[str | None, str | None], int] = {}
        keys: dict[tuple, int] = {}
        for i, unit in enumerate(self.doc.units):
            key: tuple = (unit.annex, unit.article, unit.paragraph) if (unit.article or unit.paragraph) else ("unit", i)
            if unit.item is not None and _AMENDING_ITEM.match(unit.text) and _AMENDING_VERB.search(unit.text):
                # "4. 제7조제2항을 다음과 같이 한다. "② …"": each amending instruction of a 변경계약 is its
                # own statement about another article, not one 항 with its neighbours.
                key = (*key, unit.item)
            if key not in keys:
                title_idx = None
                if unit.article_title:
                    tkey = (unit.annex, unit.article)
                    if tkey not in titles:
                        titles[tkey] = len(self.sentences)
                        self.sentences.append(Sentence(unit.article_title, compact(unit.article_title), None, None))
                    title_idx = titles[tkey]
                keys[key] = len(self.segments)
                self.segments.append(Segment(len(self.segments), [], [], title_idx))
            seg = self.segments[keys[key]]
            seg.units.append(i)
            for piece in _SENTENCE_END.split(unit.text):
                piece = piece.strip()
                if piece:
                    seg.sentences.append(len(self.sentences))
                    self.sentences.append(Sentence(piece, _matchable(piece), i, seg.index))

    def element_hits(self, element: Element) -> dict[int, list[str]]:
        """sentence index → matched forms, computed once per element and cached."""
        key = id(element)
        if key not in self._hits:
            found: dict[int, list[str]] = {}
            _scan(element.pattern, element.not_within, self._text, self._offsets, found)
            if element.pattern_en is not None and not element.en_first.isdisjoint(self._en_words):
                _scan(element.pattern_en, element.not_within_en, self._text_en, self._offsets_en, found)
            self._hits[key] = found
        return self._hits[key]

    def off_topic(self, clause: ClauseConcept) -> frozenset[int]:
        """Sentences about something the clause only looks like (its `off_topic` phrases)."""
        return self.containing(clause.off_topic)

    def sentence_negations(self, index: int) -> list:
        if index not in self._negations:
            self._negations[index] = negations(self.sentences[index].text, self.concepts.shared)
        return self._negations[index]

    def unit(self, sentence: int) -> Unit:
        return self.doc.units[self.sentences[sentence].unit]  # type: ignore[index]


def review_clause(prep: PreparedContract, clause: ClauseConcept) -> ClauseFinding:
    part_support: list[list[Hit]] = []
    risks: list[Hit] = []
    for part in clause.parts:
        support, part_risks = _find_part(prep, clause, part)
        part_support.append(support)
        risks.extend(r for r in part_risks if all(r.segment != x.segment for x in risks) and not _superseded(prep, r))
    # Support never shares a sentence with a risk; support beside it in the same 항 (a proviso
    # "다만, … 제공한다" after a denial) still counts, so the clause is at best partly.
    risky_sentences = {s for r in risks for s in r.sentences}
    part_support = [[h for h in hits if not set(h.sentences) & risky_sentences] for hits in part_support]
    found = [bool(h) for h in part_support]
    weak = any(hits and all(h.partial for h in hits) for hits in part_support)
    support = [max(h, key=lambda x: x.score) for h in part_support if h]
    # Extra support from other articles strengthens the finding and helps the reader.
    extras = sorted((h for hits in part_support for h in hits if h not in support), key=lambda x: -x.score)
    why = list(dict.fromkeys(t for h in support for t in h.terms))
    if all(found) and not risks and not weak:
        confidence = min(0.97, sum(h.score for h in support) / len(support) + (0.03 if extras else 0.0))
        return ClauseFinding(clause, "satisfied", round(confidence, 2), support + extras[:1], [], why)
    if any(found):
        share = sum(found) / len(found)
        confidence = 0.55 + 0.2 * share if not risks else 0.7
        return ClauseFinding(clause, "partly", round(confidence, 2), support, risks, why)
    if risks:
        return ClauseFinding(clause, "contradicted", 0.85, [], risks, list(dict.fromkeys(t for r in risks for t in r.terms)))
    anchors = [e for p in clause.parts for e in p.elements if e.anchor]
    mentioned = any(prep.element_hits(e) for e in anchors)
    return ClauseFinding(clause, "missing", 0.7 if mentioned else 0.9, [], [], [])


def _superseded(prep: PreparedContract, risk: Hit) -> bool:
    """A risk in a main-body article that another article sets aside ("제8조에도 불구하고")."""
    if not prep.overridden:
        return False
    unit = prep.unit(risk.sentences[0])
    if unit.annex is not None or unit.article is None:
        return False
    return (unit.article, None) in prep.overridden or (unit.article, _paragraph_number(unit.paragraph)) in prep.overridden


def _find_part(prep: PreparedContract, clause: ClauseConcept, part: Part) -> tuple[list[Hit], list[Hit]]:
    hits = [prep.element_hits(e) for e in part.elements]
    off = prep.off_topic(clause)
    if off:
        # "요금을 바꾸려면 30일 전까지 알려야 하며": a price change is not a material change (a look-alike).
        hits = [{s: v for s, v in h.items() if s not in off} for h in hits]
    anchor_idx = [i for i, e in enumerate(part.elements) if e.anchor]
    candidate_segments = sorted(
        {prep.sentences[s].segment for i in anchor_idx for s in hits[i] if prep.sentences[s].segment is not None}
        | _title_anchor_segments(prep, hits, anchor_idx)
        | _partial_segments(prep, part)
        | _indirect_segments(prep, part)
    )
    support: list[Hit] = []
    risks: list[Hit] = []
    for seg_idx in candidate_segments:
        seg = prep.segments[seg_idx]
        on_topic = _on_topic(part, seg, hits)
        polarity = {
            s: pol
            for s in seg.sentences
            if any(s in h for h in hits) and (pol := _polarity(prep, clause, part, s, on_topic))
        }
        risk, risk_sentences = _risk(prep, clause, part, seg, hits, polarity, on_topic)
        full = _full_match(prep, clause, part, seg, hits, exclude=set(polarity) | risk_sentences | prep.deferred | off)
        if risk:
            body = sorted(risk_sentences) or [s for s in seg.sentences if any(s in h for h in hits)] or seg.sentences[:1]
            terms = tuple(_first_term(hits[i], seg) for i in anchor_idx)
            risks.append(Hit(seg_idx, tuple(body), tuple(t for t in terms if t), 0.85, risk))
            if full and _anchored_in_body(part, full, hits):
                support.append(full)
        elif full:
            support.append(full)
    return support, risks


def _anchored_in_body(part: Part, hit: Hit, hits) -> bool:
    """The support names the obligation itself in a body sentence (not only in the title)."""
    return any(s in hits[i] for i, e in enumerate(part.elements) if e.anchor for s in hit.sentences)


def _partial_segments(prep: PreparedContract, part: Part) -> set[int]:
    return _phrase_segments(prep, part.partial)


def _indirect_segments(prep: PreparedContract, part: Part) -> set[int]:
    """An indirect phrasing may name no anchor term ("… 정보를 제3자에게 제공할 수 없다")."""
    return _phrase_segments(prep, part.indirect)


def _joined(pieces: list[str]) -> tuple[list[int], str]:
    """Sentence texts joined by NUL into one string to scan, with each sentence's start offset."""
    offsets, pos = [], 0
    for piece in pieces:
        offsets.append(pos)
        pos += len(piece) + 1
    return offsets, "\x00".join(pieces)


def _scan(
    pattern: re.Pattern[str], not_within: re.Pattern[str] | None, text: str, offsets: list[int], found: dict[int, list[str]]
) -> None:
    """Add each match of `pattern` in `text` (outside the spans of `not_within`) to its sentence."""
    excluded = [m.span() for m in not_within.finditer(text)] if not_within else []
    for m in pattern.finditer(text):
        if excluded and any(a <= m.start() and m.end() <= b for a, b in excluded):
            continue
        found.setdefault(bisect.bisect_right(offsets, m.start()) - 1, []).append(compact(m.group(0)))


def _phrase_segments(prep: PreparedContract, groups: tuple[tuple[str, ...], ...]) -> set[int]:
    if not groups:
        return set()
    firsts = tuple(sorted({g[0] for g in groups}))
    hits = prep.containing(firsts)
    # a 호 whose lead-in names the first phrase is a candidate too
    candidates = hits | {s for s, lead in prep.leads.items() if lead in hits}
    found = set()
    for i in candidates:
        sent = prep.sentences[i]
        if sent.segment is None:
            continue
        text = prep.phrase_text(i)
        if any(all(t in text for t in group) for group in groups):
            found.add(sent.segment)
    return found


def _title_anchor_segments(prep: PreparedContract, hits: list[dict[int, list[str]]], anchor_idx: list[int]) -> set[int]:
    titles = {s for i in anchor_idx for s in hits[i] if prep.sentences[s].unit is None}
    return {seg.index for seg in prep.segments if seg.title_sentence in titles} if titles else set()


def _first_term(element_hits: dict[int, list[str]], seg: Segment) -> str | None:
    for s in [*seg.sentences, seg.title_sentence]:
        if s is not None and s in element_hits:
            return element_hits[s][0]
    return None


def _full_match(
    prep: PreparedContract, clause: ClauseConcept, part: Part, seg: Segment, hits, exclude: set[int]
) -> Hit | None:
    """The part's support in this segment, ignoring sentences that deny the obligation."""
    body_sentences = [s for s in seg.sentences if s not in exclude]
    context = [*body_sentences, *([seg.title_sentence] if seg.title_sentence is not None else [])]
    # An indirect phrasing in one body sentence satisfies the part by itself.
    for group in part.indirect:
        for s in body_sentences:
            if all(t in prep.phrase_text(s) for t in group):
                return Hit(seg.index, (s,), group, 0.9)
    per_element = [[s for s in context if s in h] for h in hits]
    if not all(per_element):
        # A phrasing that shows the part only in part (e.g. a change needs consent, so the
        # institution learns of it, but nothing says it is notified): support for `partly`.
        for group in part.partial:
            for s in body_sentences:
                if all(t in prep.phrase_text(s) for t in group):
                    return Hit(seg.index, (s,), group, 0.6, partial=True)
        return None
    body = sorted({s for found in per_element for s in found if prep.sentences[s].unit is not None})
    if not body:
        return None  # a title alone is not a clause
    if part.subject == "institution":
        anchor_sentences = [s for i, e in enumerate(part.elements) if e.anchor for s in per_element[i] if s in body]
        if anchor_sentences and not any(subject_is_institution(prep.sentences[s].text, prep.parties) for s in anchor_sentences):
            return None
    if part.subject == "provider":
        # The provider's cooperation: "중앙회는 매년 모의훈련을 실시하며" (the institution alone acting)
        # is not it.
        body_with_elements = [s for found in per_element for s in found if s in body]
        if body_with_elements and all(only_institution_acts(prep.sentences[s].text, prep.parties) for s in body_with_elements):
            return None
    same_sentence = any(all(s in h for h in hits) for s in body_sentences)
    title = prep.sentences[seg.title_sentence].compact if seg.title_sentence is not None else ""
    titled = any(t in title for t in clause.title_hints)
    score = 0.75 + (0.1 if same_sentence else 0.0) + (0.12 if titled else 0.0)
    if all(_CONDITION_END.search(prep.sentences[s].text) for s in body):
        # A 호 that only names a condition ("3. 공급자가 … 검사에 응하지 아니한 경우", a ground of
        # termination) mentions the obligation but does not state it: weaker than the article that does.
        score -= 0.1
    terms = tuple(_first_term(h, seg) or "" for h in hits)
    return Hit(seg.index, tuple(body), terms, score)


def _polarity(prep: PreparedContract, clause: ClauseConcept, part: Part, s: int, on_topic: bool) -> str | None:
    """"negation" if the sentence denies this part's obligation, "benign" if it denies it only
    for an ordinary exemption (불가항력, the institution's own fault), None if it does not.

    A negation counts when it governs a term the clause declares as its core (negation_targets,
    e.g. 파기), or any term of the part when the segment is about this part (``on_topic``: at
    all its elements are present) — "데이터" alone is too common to decide on."""
    shared = prep.concepts.shared
    sent = prep.sentences[s]
    targets = clause.negation_targets + (tuple(t for e in part.elements for t in e.terms) if on_topic else ())
    prohibitions = clause.prohibitions + shared.prohibitions
    denied = on_topic and english_negation(sent.compact, shared)
    for neg in prep.sentence_negations(s):
        if term_hits(neg.predicate, prohibitions):
            continue  # "누설하지 아니한다", "거부할 수 없다": a prohibition is an obligation
        if any(term_hits(g, shared.lifted_limits) for g in neg.governed[1:]):
            # "이 한도를 적용하지 아니한다", "배상 한도는 … 손해에는 적용하지 아니한다": lifting a cap
            # or an exemption widens the duty, it does not deny it.
            continue
        if neg.predicate == "적용" and _refers_to_lifted_limit(prep, s):
            # "제1항 및 제2항은 고의·중과실로 인한 손해에는 적용하지 아니한다", where those 항 set a
            # cap or an exemption: not applying them lifts the limit.
            continue
        if neg.prohibitive and not term_hits(neg.predicate, clause.negation_targets):
            continue  # "낮아서는 아니 된다": "~여서는 아니 된다" forbids, so it binds the provider
        if any(term_hits(g, targets) for g in neg.governed):
            denied = True
            break
    if not denied:
        return None
    benign = (
        any(b in sent.compact for b in shared.benign_contexts if b not in clause.not_benign)
        or any(b in sent.compact for b in clause.benign_contexts)
        or institution_at_fault(sent.text, prep.parties, shared.institution_fault)
    )
    return "benign" if benign else "negation"


_PARAGRAPH_REF = re.compile(r"^(?:제(\d+)항(?:(?:및|과|와|,|또는)제(\d+)항)*|전항|앞항)")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _refers_to_lifted_limit(prep: PreparedContract, s: int) -> bool:
    """Does the sentence open with "제1항 및 제2항은" / "전항은" naming 항 of its article that set a
    cap or an exemption (shared lifted_limits, or a denied liability)?"""
    sent = prep.sentences[s]
    m = _PARAGRAPH_REF.match(sent.compact)
    if not m or sent.unit is None:
        return False
    unit = prep.unit(s)
    numbers = {int(n) for n in re.findall(r"제(\d+)항", m.group(0))}
    if not numbers and unit.paragraph and unit.paragraph[0] in _CIRCLED:
        numbers = {_CIRCLED.index(unit.paragraph[0])}  # 전항: the one before
    marks = {_CIRCLED[n - 1] for n in numbers if 0 < n <= len(_CIRCLED)} | {f"({n})" for n in numbers}
    shared = prep.concepts.shared
    for other in prep.doc.units:
        if other.annex == unit.annex and other.article == unit.article and other.paragraph in marks:
            text = compact(other.text)
            if any(t in text for t in shared.lifted_limits) or "책임을지지아니" in text or "책임을부담하지아니" in text:
                return True
    return False


def _on_topic(part: Part, seg: Segment, hits) -> bool:
    """Every element of the part appears in the segment or its title: the segment talks about
    this obligation, so a negation or limitation in it is about this obligation too."""
    context = [s for s in (*seg.sentences, seg.title_sentence) if s is not None]
    return all(any(s in h for s in context) for h in hits)


def _risk(
    prep: PreparedContract, clause: ClauseConcept, part: Part, seg: Segment, hits, polarity: dict[int, str], on_topic: bool
) -> tuple[str | None, set[int]]:
    """The kind of risk in this segment ("negation" | "limitation" | None) and its sentences."""
    anchor_sentences = {s for i, e in enumerate(part.elements) if e.anchor for s in hits[i]}
    anchored_here = any(s in anchor_sentences for s in seg.sentences) or seg.title_sentence in anchor_sentences
    if not anchored_here:
        return None, set()
    negated = {s for s, pol in polarity.items() if pol == "negation"}
    if negated:
        # The 항's limiting sentences are risks too: "갑은 을이 … 인정한 경우에 한하여 해지할 수 있다.
        # 갑은 그 밖의 사유로는 해지할 수 없다" grants nothing beside the denial.
        limited = _limited_sentences(prep, clause, part, seg, hits, anchor_sentences) if on_topic else set()
        return "negation", negated | limited
    if not on_topic:
        # A weakening phrase declared for this clause ("사본의 파기는 예외로", "게시로 갈음") is a
        # risk wherever the clause's anchor is named, even when the 항 lacks another element (no
        # 종료 word beside "파기"): the phrase itself says which obligation it weakens.
        own = {
            s
            for s in seg.sentences
            if s in anchor_sentences
            and (
                any(all(t in prep.sentences[s].compact for t in g) for g in clause.limitations)
                or _permits(prep, clause, prep.sentences[s])
                or (clause.decided_topics and _provider_decides_whether(prep, prep.sentences[s], clause.decided_topics))
            )
            and not (part.subject == "institution" and not subject_is_institution(prep.sentences[s].text, prep.parties))
        }
        return ("limitation", own) if own else (None, set())
    limited = _limited_sentences(prep, clause, part, seg, hits, anchor_sentences)
    return ("limitation", limited) if limited else (None, set())


def _limited_sentences(
    prep: PreparedContract, clause: ClauseConcept, part: Part, seg: Segment, hits, anchor_sentences: set[int]
) -> set[int]:
    """Every limiting sentence of the 항 is a risk (safety first), except a general one that a
    later proviso overrides by naming the obligation: "통지는 … 공지로 갈음할 수 있다. 다만,
    서비스 제공 위치의 변경은 … 서면으로 통지하여야 한다"."""
    limited = set()
    off = prep.off_topic(clause)
    for k, s in enumerate(seg.sentences):
        if s in off or not _limits(prep, clause, prep.sentences[s]):
            continue
        if part.subject == "institution" and not subject_is_institution(prep.sentences[s].text, prep.parties):
            # "을은 … 경우를 제외하고는 이 계약을 해지할 수 없다": the provider's own right is bound, which
            # protects the institution; only a bound on the institution's right limits this part.
            continue
        if not _limit_in_scope(prep, part, seg, hits, s, anchor_sentences):
            continue
        overridden = s not in anchor_sentences and any(
            t in anchor_sentences and _is_proviso(prep.sentences[t].compact) for t in seg.sentences[k + 1 :]
        )
        if not overridden:
            limited.add(s)
    return limited


def _limit_in_scope(prep: PreparedContract, part: Part, seg: Segment, hits, s: int, anchor_sentences: set[int]) -> bool:
    """A limiting sentence inside one 호 bounds only that 호: it is about this part only when the
    호 (with the 항's lead-in and the article title) holds every element of the part and the 호
    itself names the obligation. A 변경계약서 that quotes six articles in six 호 of one 조 must not
    let "현장 확인은 회사가 동의하는 경우에 한하여" (호 2) limit the clauses of the other 호."""
    unit = prep.unit(s)
    if unit.item is None:
        return True
    same_item = [t for t in seg.sentences if prep.unit(t).item == unit.item]
    lead_in = [t for t in seg.sentences if prep.unit(t).item is None]
    scope = [*same_item, *lead_in, *([seg.title_sentence] if seg.title_sentence is not None else [])]
    if not all(any(t in h for t in scope) for h in hits):
        return False
    return any(t in anchor_sentences for t in same_item)


_PROVISO = ("다만", "단,", "however", "providedthat", "provided,however")


def _is_proviso(text: str) -> bool:
    return text.startswith(_PROVISO)


def _permits(prep: PreparedContract, clause: ClauseConcept, sent: Sentence) -> bool:
    """"회사는 이전 기간이 끝난 후 고객 데이터를 삭제할 수 있다", "회사는 … 고객의 동의 없이 하위처리자를
    선정하거나 교체할 수 있다": the provider *may*, so it need not (or need not ask) — a permission in
    place of the duty. Each entry is a group of phrases that must all be in the sentence."""
    return (
        bool(clause.permissions)
        and any(all(w in sent.compact for w in group) for group in clause.permissions)
        and not subject_is_institution(sent.text, prep.parties)
    )


def _provider_decides_whether(prep: PreparedContract, sent: Sentence, core: tuple[str, ...] | None = None) -> bool:
    """"삭제 여부, 방법 및 시기는 … 공급자가 결정하며", "지울지는 회사가 정합니다": whether it happens
    is the provider's choice. With `core` (a clause's decided_topics), the matter decided — the
    words just before "여부"/"-ㄹ지" — must be that core duty; then it is a risk wherever the clause
    is named, like the clause's own weakening phrases ("삭제 여부" weakens destruction, not the data
    clause of the same sentence)."""
    shared = prep.concepts.shared
    start = _whether_topic(sent.text, shared.decides_whether)
    if start is None or not provider_decides(sent.text[start:], prep.parties, shared.decides_verbs):
        return False
    if core is None:
        return True
    topic = compact(sent.text[max(0, start - 12) : start + 3])
    return any(t in topic for t in core)


def _limits(prep: PreparedContract, clause: ClauseConcept, sent: Sentence) -> bool:
    """Does the sentence bind the obligation to the provider's consent, discretion, own policy
    or scope ("을이 필요하다고 인정하는 범위에 한하여", "회사의 보안정책에 반하지 않는 범위 내에서만"),
    or weaken it ("게시로 갈음", "단독 재량")?"""
    shared = prep.concepts.shared
    text = sent.compact
    if any(p in text for p in shared.standalone_limitations):
        return True
    if any(all(t in text for t in group) for group in clause.limitations):
        return True
    if (
        clause.paid_limits
        and any(r in text for r in shared.exclusive_restrictors)
        and any(c in text for c in shared.paid_conditions)
    ):
        # "별도 유상 계약 체결 시에 한하여 지원한다", "추가 비용을 부담하는 경우에만 제공한다": the duty
        # is owed only if the institution pays for it again — whoever's discretion it is.
        return True
    if _permits(prep, clause, sent):
        return True
    if _provider_decides_whether(prep, sent):
        return True
    if (
        (not clause.restriction_is_duty or clause.judgements_limit)
        and any(j in text for j in shared.judgements)
        and provider_discretion(sent.text, prep.parties, shared.judgements, spaced=True)
    ):
        # "을이 보관할 필요가 있다고 판단하는 자료는 … 보관할 수 있다": the provider's own judgement
        # carves part of the obligation out, with no "경우·범위" after it. For access control too
        # (judgements_limit): "접근할 수 있는 사람과 범위 … 는 회사가 운영상 합리적이라고 판단하여 정합니다".
        return True
    if clause.restriction_is_duty:
        return False
    if not any(d in text for d in shared.discretion):
        return False
    if any(r in text for r in shared.restrictors) and provider_discretion(sent.text, prep.parties, shared.discretion):
        return True
    return bool(shared.conditions) and provider_discretion(sent.text, prep.parties, shared.discretion, shared.conditions)


def passage_location(prep: PreparedContract, hit: Hit) -> tuple[str, int | None, str]:
    """Location, page and excerpt of a hit: the most specific unit holding all its sentences."""
    units = [prep.unit(s) for s in hit.sentences]
    first = units[0]
    if all(u is first or u.location == first.location for u in units):
        location = first.location
    else:
        location = " ".join(p for p in (first.annex, first.article, first.paragraph) if p) or first.location
    text = " ".join(prep.sentences[s].text for s in hit.sentences)
    if len(text) > EXCERPT_CHARS:
        text = text[: EXCERPT_CHARS - 1].rstrip() + "…"
    return location, first.page, text
