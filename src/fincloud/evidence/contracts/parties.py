"""Who is who in the contract: which names refer to the institution and which to the provider.

Why: "을이 동의하는 경우에 한하여" limits an obligation; "갑이 동의하는 경우에 한하여" protects
the institution. Contracts name their parties in the preamble ("○○은행(이하 "갑"이라 한다)"),
so the aliases are read from there and added to the generic ones in the concept data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fincloud.evidence.contracts.concepts import Shared

_DEFINITION = re.compile(
    r"([^\s()（）,、]{1,30}(?:\s[^\s()（）,、]{1,20}){0,3})\s*[(（]\s*이하\s*[「『“\"‘']?\s*([^」』”\"’'()\s]{1,15})\s*[」』”\"’']?\s*"
    r"(?:이?라고?|으?로)\s*(?:한다|함|칭한다|칭함|하며|하고|표기)"
)
_EN_DEFINITION = re.compile(r"([A-Z][\w&.,' -]{1,60}?)\s*\(\s*(?:the\s+)?[\"“]([A-Z][A-Za-z ]{1,20})[\"”]\s*\)")
_PARTICLES = "은|는|이|가|의|께서|에게|과|와|측|도|만"


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
            alts.append(rf"(?<![가-힣A-Za-z0-9]){escaped}" if len(n) == 1 else escaped)
        return "(?:" + "|".join(alts) + ")"


def find_parties(text: str, shared: Shared) -> Parties:
    """Aliases defined in the opening of the contract, sorted to a side by name cues."""
    institution = list(shared.institution_aliases)
    provider = list(shared.provider_aliases)
    head = text[:6000]
    for m in list(_DEFINITION.finditer(head)) + list(_EN_DEFINITION.finditer(head)):
        name, alias = m.group(1).strip(), m.group(2).strip()
        side = _side(name + " " + alias, shared)
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


def provider_discretion(sentence: str, parties: Parties, discretion: tuple[str, ...]) -> bool:
    """Does the sentence make something depend on the provider's consent or judgement?"""
    words = "|".join(re.escape(d) for d in sorted(discretion, key=len, reverse=True))
    prov = parties.pattern("provider")
    return re.search(rf"{prov}(?:{_PARTICLES}|'s|’s)?\s*(?:\S{{1,6}}\s*){{0,2}}?(?:{words})", sentence, re.IGNORECASE) is not None
