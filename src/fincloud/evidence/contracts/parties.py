"""Who is who in the contract: which names refer to the institution and which to the provider.

Why: "을이 동의하는 경우에 한하여" limits an obligation; "갑이 동의하는 경우에 한하여" protects
the institution. Contracts name their parties in the preamble ("○○은행(이하 "갑"이라 한다)"),
so the aliases are read from there and added to the generic ones in the concept data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from fincloud.evidence.contracts.concepts import Shared

_DEFINITION = re.compile(
    r"([^\s()（）,、]{1,30}(?:\s[^\s()（）,、]{1,20}){0,3})\s*[(（]\s*이하\s*[「『“\"‘']?\s*([^」』”\"’'()\s]{1,15})\s*[」』”\"’']?\s*"
    r"(?:(?:이?라고?|으?로)\s*(?:한다|합니다|함|칭한다|칭합니다|칭함|하며|하고|표기)|[)）])"
)
_EN_DEFINITION = re.compile(r"([A-Z][\w&.,' -]{1,60}?)\s*\(\s*(?:the\s+)?[\"“]([A-Z][A-Za-z ]{1,20})[\"”]\s*\)")
_PARTICLES = "은|는|이|가|의|께서|에게|과|와|측|도|만"
_DOCUMENT_NAME = re.compile(r"(?:계약|계약서|합의서|약관|협약|Agreement)[」』\"”]?\s*$")
_DOCUMENT_ALIASES = frozenset({"원계약", "본계약", "기본계약", "주계약", "본 계약", "이 계약", "변경계약", "Agreement"})
_COMPANY = re.compile(r"주식회사|유한회사|유한책임회사|\(주\)|㈜|은행|조합|공사|Co\.|Ltd|Inc\b|Corp|LLC|Limited", re.IGNORECASE)


@dataclass(frozen=True)
class Parties:
    institution: tuple[str, ...]
    provider: tuple[str, ...]

    def pattern(self, side: str) -> str:
        """Regex alternative for the side's aliases; one-letter aliases (갑, 을) need a word start
        so that the object particle 을 ("접근을") is not taken for the party 을."""
        names = sorted(self.institution if side == "institution" else self.provider, key=len, reverse=True)
        alts = []
        for n in names:
            escaped = re.escape(n)
            # Short aliases need a word start: the party 을 is not the particle of "접근을", and the
            # provider "회사" is not the end of "금융회사".
            alts.append(rf"(?<![가-힣A-Za-z0-9]){escaped}" if len(n) <= 2 else escaped)
        return "(?:" + "|".join(alts) + ")"


def find_parties(text: str, shared: Shared) -> Parties:
    """Aliases defined in the opening of the contract, sorted to a side by name cues."""
    institution = list(shared.institution_aliases)
    provider = list(shared.provider_aliases)
    head = text[:6000]
    definitions = [
        (m.start(), m.group(1).strip(), m.group(2).strip())
        for m in list(_DEFINITION.finditer(head)) + list(_EN_DEFINITION.finditer(head))
        # A bare "(이하 "X")" names a party only after a company name; otherwise it defines a term
        # ("서비스", "본 계약").
        if not m.group(0).rstrip().endswith((")", "）")) or _COMPANY.search(m.group(1)) or m.re is _EN_DEFINITION
    ]
    # A contract or document defined by name ("「클라우드 운영관리 서비스 계약」(이하 "원계약")") is no party.
    definitions = [d for d in definitions if not _DOCUMENT_NAME.search(d[1]) and d[2] not in _DOCUMENT_ALIASES]
    sides: dict[str, str | None] = {}
    for _, name, alias in definitions:
        sides[alias] = sides.get(alias) or _side(name + " " + alias, shared)
    companies = [(pos, alias) for pos, name, alias in definitions if _COMPANY.search(name)]
    for pos, alias in companies:
        if sides[alias] is None:
            # Two parties defined side by side ("○○증권(이하 "금융회사")과 ○○웍스(이하 "회사")"):
            # a company name without cues is the other side of the company next to it.
            near = {sides[a] for p, a in companies if a != alias and abs(p - pos) < 300 and sides[a]}
            if len(near) == 1:
                sides[alias] = "provider" if near == {"institution"} else "institution"
    for _pos, _name, alias in definitions:
        side = sides[alias]
        if side == "institution" and alias not in institution:
            institution.append(alias)
            provider = [p for p in provider if p != alias]
        elif side == "provider" and alias not in provider:
            provider.append(alias)
            institution = [i for i in institution if i != alias]
    return Parties(tuple(institution), tuple(provider))


def _side(name: str, shared: Shared) -> str | None:
    inst = any(c in name for c in shared.institution_name_cues)
    prov = any(c.lower() in name.lower() for c in shared.provider_name_cues)
    if inst and not prov:
        return "institution"
    if prov and not inst:
        return "provider"
    return None


def subject_is_institution(sentence: str, parties: Parties) -> bool:
    """True unless the sentence's topic (은/는) or, failing that, subject (이/가) is the provider.

    Korean marks the main actor with the topic particle: "을이 위반한 경우 갑은 … 해지할 수
    있다" — 갑 is the actor, 을 only the condition's subject.
    """
    inst, prov = parties.pattern("institution"), parties.pattern("provider")
    for particle in ("(?:은|는)", "(?:이|가|께서)"):
        inst_hit = re.search(inst + particle, sentence)
        prov_hit = re.search(prov + particle, sentence)
        if inst_hit:
            return True
        if prov_hit:
            return False
    english = re.search(r"\b(\w+)\s+(?:may|shall be entitled|is entitled|has the right)\b", sentence)
    if english:
        word = english.group(1)
        return not re.fullmatch(prov, word)
    return True


def provider_discretion(
    sentence: str,
    parties: Parties,
    discretion: tuple[str, ...],
    conditions: tuple[str, ...] = (),
    *,
    spaced: bool = False,
) -> bool:
    """Does the sentence make something depend on the provider's consent, judgement or policy?

    "을이 동의하는", "회사의 보안정책", "을이 보존할 필요가 있다고 판단하는": the provider's alias, at
    most three words, then a discretion word. The words between must not name the institution
    ("을은 갑의 승인을 받아" is the institution's approval), and "갑과 을이 합의하여" is mutual. With
    ``conditions``, the discretion word must be followed closely by one of them ("인정하는 경우",
    "동의하는 범위"). With ``spaced``, the (compact) discretion phrases match whatever the spacing
    ("필요하다고판단하는" ~ "필요하다고 판단하는").
    """
    pattern, mutual = _discretion_patterns(parties, discretion, conditions, spaced)
    for m in pattern.finditer(sentence):
        # "갑과 을이 합의하여 정하는 범위": a mutual agreement is no limitation by the provider.
        if not mutual.search(sentence[max(0, m.start() - 12) : m.start()]):
            return True
    return False


@lru_cache(maxsize=32)
def _discretion_patterns(
    parties: Parties, discretion: tuple[str, ...], conditions: tuple[str, ...], spaced: bool = False
) -> tuple[re.Pattern[str], re.Pattern[str]]:
    ordered = sorted(discretion, key=len, reverse=True)
    if spaced:
        words = "|".join(r"\s*".join(re.escape(ch) for ch in d) for d in ordered)
    else:
        words = "|".join(re.escape(d) for d in ordered)
    prov, inst = parties.pattern("provider"), parties.pattern("institution")
    tail = ""
    if conditions:
        tail = r"\S{0,6}?\s*(?:" + "|".join(re.escape(c) for c in conditions) + ")"
    # "을은 제1항의 동의를 요청할 때": consent the provider *seeks* is the institution's, not its own.
    sought = r"(?!\S*(?:동의|승인|허락|허가)[을를]\s)"
    # "공급자는 본 부속계약에서 정한 경우를 제외하고": the contract's own rule, not the provider's.
    source = r"(?!\S*(?:계약|약정|합의서)(?:에서|이|가|으로|로)\s)"
    between = rf"(?:(?!{inst}){sought}{source}\S{{1,6}}\s*){{0,4}}?"
    if spaced:
        # A judgement must be the provider's own: no other subject or source between them
        # ("을은 관련 법령이 정하는 바에 따라", "을은 법령에서 정하는", "을은 감독당국이 필요하다고 인정하는").
        between = rf"(?:(?!{inst})(?!\S*(?:법|규정|당국|기관|계약|약정|합의서))\S{{1,10}}(?<![이가서])\s+){{0,3}}?"
    seeks = r"(?![을를]\s*(?:요청|신청|구하|얻|받))"
    pattern = re.compile(rf"{prov}(?:{_PARTICLES}|'s|’s)?\s*{between}(?:{words}){seeks}{tail}", re.IGNORECASE)
    mutual = re.compile(rf"{inst}\s*(?:과|와|및|and)\s*$", re.IGNORECASE)
    return pattern, mutual


def provider_decides(sentence: str, parties: Parties, verbs: tuple[str, ...]) -> bool:
    """Does the provider decide the matter the sentence is about? "삭제 여부, 방법 및 시기는
    공급자의 데이터 보존 정책에 따라 공급자가 결정하며": the provider's alias, then within a few
    words a verb of deciding. The caller has seen that the sentence is about *whether* ("여부")."""
    if not verbs or not parties.provider:
        return False
    return _decides_pattern(parties, verbs).search(sentence) is not None


@lru_cache(maxsize=32)
def _decides_pattern(parties: Parties, verbs: tuple[str, ...]) -> re.Pattern[str]:
    prov, inst = parties.pattern("provider"), parties.pattern("institution")
    words = "|".join(re.escape(v) for v in sorted(verbs, key=len, reverse=True))
    # No other actor in between ("을이 … 갑이 정한다"); the institution merely named ("다른 고객에 대한") is fine.
    between = rf"(?:(?!{inst}(?:이|가|은|는|께서)\s)\S{{1,12}}\s+){{0,10}}?"
    return re.compile(rf"{prov}(?:이|가|는|은|께서)\s+{between}(?:{words})", re.IGNORECASE)


def institution_at_fault(sentence: str, parties: Parties, faults: tuple[str, ...]) -> bool:
    """Is the damage the institution's own doing? The institution (or its staff) named, then within
    a few words a word of fault: "증권사 임직원의 조작 실수로", "갑의 귀책사유로"."""
    if not faults:
        return False
    return _fault_pattern(parties, faults).search(sentence) is not None


@lru_cache(maxsize=32)
def _fault_pattern(parties: Parties, faults: tuple[str, ...]) -> re.Pattern[str]:
    inst = parties.pattern("institution")
    words = "|".join(re.escape(f) for f in sorted(faults, key=len, reverse=True))
    return re.compile(rf"{inst}(?:의|측의)?\s*(?:\S{{1,10}}\s+){{0,3}}?\S{{0,8}}(?:{words})")


def only_institution_acts(sentence: str, parties: Parties) -> bool:
    """The institution is the sentence's explicit topic or subject and the provider is not named at
    all: "중앙회는 매년 모의훈련을 실시하며 …" — the institution's own act, no duty of the provider."""
    if re.search(parties.pattern("provider"), sentence):
        return False
    inst = parties.pattern("institution")
    return re.search(inst + r"(?:은|는|이|가|께서)\s", sentence) is not None

