"""Find what a negation in a sentence negates, with the Korean analyser.

Why morphology: surface cues mislead both ways. "지체 없이 통지한다" and "위약금 없이 해지할
수 있다" contain 없 but are not negations (없이 is an adverb); "~뿐만 아니라" is not one either
(아니 + 라, a connective); "거부하지 못한다" and "누설하여서는 아니 된다" are negations that
*create* an obligation. The analyser tells a negating auxiliary (않다/아니하다/못하다, tagged
VX), a predicate 없다 after 의무·책임·수, and the prohibitive 아니 되다 apart from those, and
lets us walk back to the predicate (and its nouns) the negation governs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from fincloud.evidence.contracts.analyser import get_analyser
from fincloud.evidence.contracts.concepts import Shared, compact

_CONDITION_ONLY = re.compile(r"(?:경우|때)\s*[.;,]?\s*$")
_CONTENT = ("NNG", "NNP", "VV", "VA", "XR", "SL", "NR")
_SKIP_BEFORE_PREDICATE = ("EC", "EP", "ETM", "ETN", "XSV", "XSA", "JX", "VX", "XSN", "NNB")


@dataclass(frozen=True)
class Negation:
    predicate: str  # the negated predicate's content morpheme, e.g. 파기, 지 (책임을 지다)
    governed: tuple[str, ...]  # the predicate and up to two nouns before it (objects, subjects)
    prohibitive: bool = False  # "~하여서는 아니 된다": a prohibition, which creates a duty


#: Surface hints: a sentence without any of these cannot hold a negation, so the analyser is skipped.
SURFACE_HINTS = ("않", "아니", "못", "없", "말아", "마십")


def has_negation_hint(sentence: str) -> bool:
    return any(h in sentence for h in SURFACE_HINTS)


def negations(sentence: str, shared: Shared) -> list[Negation]:
    """All predicate negations in a Korean sentence."""
    if not has_negation_hint(sentence):
        return []
    if _CONDITION_ONLY.search(sentence):
        # A sentence that is only a condition — a listed ground "2. 을이 검사에 협조하지 아니하는 등
        # 의무를 위반한 경우" — describes a breach; it denies nothing.
        return []
    tokens = [(t.form, t.tag.split("-")[0]) for t in get_analyser().tokenize(sentence)]
    found: list[Negation] = []
    for i, (form, tag) in enumerate(tokens):
        start: int | None = None
        prohibitive = False
        if (form, tag) in shared.negation_morphemes:
            start = i - 1
        elif form == "없" and tag == "VA":
            j = i - 1
            while j >= 0 and tokens[j][1].startswith("J"):
                j -= 1
            if j >= 0 and tokens[j][0] in shared.absent_nouns and tokens[j][1] in ("NNG", "NNB"):
                # "할 수 없다" negates the verb before 수; "의무가 없다" negates 의무 itself.
                start = j - 1 if tokens[j][0] == "수" else j
        elif form == "아니" and tag == "MAG" and i + 1 < len(tokens) and tokens[i + 1][0] == "되":
            start = i - 1
            prohibitive = True
        if start is not None and i + 1 < len(tokens) and tokens[i + 1][0] in ("도록", "게"):
            # Purposive: "접근하지 못하도록 통제한다" states how an obligation is met.
            start = None
        if start is not None and shared.deferrals and any(
            d in compact("".join(f for f, _ in tokens[:i])) for d in shared.deferrals
        ):
            # A hold until a time: "옮겨졌음을 확인하기 전에는 … 삭제하지 아니한다".
            start = None
        if start is not None and _conditional(tokens, i + 1, shared):
            # A condition: "승인을 받지 아니하고는 … 하지 못한다", "시정하지 않는 경우 해지할 수 있다".
            start = None
        if start is not None:
            neg = _governed(tokens, start)
            if neg and shared.scope_nouns and any(g in shared.scope_nouns for g in neg.governed):
                # "파기에 대하여는 어떠한 책임도 부담하지 아니한다": denying the responsibility denies
                # it for the topic too, so the topic's nouns are governed as well.
                topic = _topic(tokens, start)
                if topic:
                    neg = Negation(neg.predicate, neg.governed + tuple(compact(t) for t in topic))
                if "의무" in neg.governed and any(v in neg.governed for v in _TOPIC_VERBS):
                    # "참여 또는 점검 허용에 관한 의무를 부담하지 아니한다": the duty denied is the one
                    # named before "에 관한", not every clause's "의무".
                    neg = Negation(neg.predicate, tuple(g for g in neg.governed if g != "의무"))
            if neg and neg.predicate == "적용":
                # "제1항의 파기 의무는 백업 데이터에는 적용하지 아니한다": not applying denies what the
                # sentence is about — its topic ("파기 의무는"), not the place ("데이터에는");
                # "배상 한도는 … 적용하지 아니한다" is about the cap (a lifted limit, see matcher).
                topic = _subject_topic(tokens, start)
                if topic:
                    neg = Negation(neg.predicate, neg.governed + tuple(compact(t) for t in topic))
            if neg:
                found.append(Negation(neg.predicate, neg.governed, prohibitive) if prohibitive else neg)
    return found


def _conditional(tokens: list[tuple[str, str]], k: int, shared: Shared) -> bool:
    forms = [f for f, _ in tokens[k : k + 3]]
    return any(forms[: len(e)] == list(e) for e in shared.conditional_endings)


_TOPIC_VERBS = ("대하", "관하")


def _topic(tokens: list[tuple[str, str]], start: int) -> tuple[str, ...]:
    """Nouns of the nearest "N에 대하여(는)/N에 관하여/N에 대한" before the negation."""
    for j in range(start, 0, -1):
        form, tag = tokens[j]
        if form in _TOPIC_VERBS and tag.startswith("VV") and tokens[j - 1][0] == "에":
            nouns = []
            k = j - 2
            while k >= 0 and len(nouns) < 2:
                f, t = tokens[k]
                if t in ("NNG", "NNP", "SL", "XR"):
                    nouns.append(f)
                elif not (t.startswith("J") or t in ("XSN", "NNB", "SP")):
                    break
                k -= 1
            return tuple(nouns)
    return ()


def _subject_topic(tokens: list[tuple[str, str]], start: int) -> tuple[str, ...]:
    """Nouns (up to two) of the first "N은/는" topic before the negation that is not "N에는"."""
    for j in range(0, start):
        form, tag = tokens[j]
        if tag == "JX" and form in ("은", "는") and j > 0 and tokens[j - 1][1] in ("NNG", "NNP", "SL", "XR"):
            nouns = []
            k = j - 1
            while k >= 0 and len(nouns) < 2 and tokens[k][1] in ("NNG", "NNP", "SL", "XR"):
                nouns.append(tokens[k][0])
                k -= 1
            return tuple(nouns)
    return ()


def _governed(tokens: list[tuple[str, str]], start: int) -> Negation | None:
    j = start
    while j >= 0 and tokens[j][1] in _SKIP_BEFORE_PREDICATE and tokens[j][1] not in _CONTENT:
        j -= 1
    if j < 0 or tokens[j][1] not in _CONTENT:
        return None
    predicate = tokens[j][0]
    governed = [predicate]
    j -= 1
    while j >= 0 and len(governed) < 3:
        form, tag = tokens[j]
        if tag.startswith("J") or tag in ("XSN", "MM", "SP", "SSO", "SSC", "SO"):
            j -= 1
            continue
        if tag in ("NNG", "NNP", "SL", "XR", "NR"):
            governed.append(form)
            j -= 1
            continue
        if tag == "ETM":
            # A relative clause naming the duty: "협조할 의무를 부담하지 아니한다" → 협조.
            k = j - 1
            while k >= 0 and tokens[k][1] in ("XSV", "XSA", "EP", "VX", "EC"):
                k -= 1
            if k >= 0 and tokens[k][1] in _CONTENT:
                governed.append(tokens[k][0])
                # …and that verb's object: "파기 확인서를 발급할 의무를 지지 아니한다" → 확인서, 파기.
                m = k - 1
                if m >= 0 and tokens[m][1] == "JKO":
                    m -= 1
                    nouns = 0
                    while m >= 0 and nouns < 2 and tokens[m][1] in ("NNG", "NNP", "SL", "XR"):
                        governed.append(tokens[m][0])
                        nouns += 1
                        m -= 1
        break
    return Negation(compact(predicate), tuple(compact(g) for g in governed))


_LATIN = re.compile(r"[a-z]{2}")


def english_negation(sentence_compact: str, shared: Shared) -> bool:
    """An English denial: a phrase ("shall not be liable") or a group of phrases in one sentence
    (["in no event", "be liable"]: "In no event shall Provider be liable")."""
    if not _LATIN.search(sentence_compact):
        return False  # most sentences of a Korean contract: nothing to look for
    single, groups = _english_patterns(shared.english_negation)
    if single is not None and single.search(sentence_compact):
        return True
    return any(all(p in sentence_compact for p in group) for group in groups)


@lru_cache(maxsize=8)
def _english_patterns(
    groups: tuple[tuple[str, ...], ...],
) -> tuple[re.Pattern[str] | None, tuple[tuple[str, ...], ...]]:
    singles = sorted({g[0] for g in groups if len(g) == 1}, key=len, reverse=True)
    single = re.compile("|".join(re.escape(p) for p in singles)) if singles else None
    return single, tuple(g for g in groups if len(g) > 1)


def term_hits(word: str, terms: tuple[str, ...]) -> bool:
    """A governed morpheme counts as a term if equal to it or starting with it (파기 ~ 파기권)."""
    return any(word == t or (len(t) >= 2 and word.startswith(t)) for t in terms)
