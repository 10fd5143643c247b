"""Load the clause concepts (contract_concepts.yaml) and compile them for fast matching.

Why data and not code: the words a contract uses for "감독당국의 검사 수용" are a compliance
officer's knowledge, refined as new contracts come in. The code only knows the shape: parts
made of elements made of terms, negation and limitation cues, indirect phrasings.

Matching is on text with whitespace removed and lower-cased ("감독 당국" = "감독당국"). A term
ending in 다 is a predicate; the Korean analyser conjugates it (알리다 → 알려, 알린다, 알리며 …)
so irregular forms match without listing them by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import yaml

from fincloud.errors import InputError

CONCEPTS_FILE = "contract_concepts.yaml"
DEFAULT_EDITION_DIR = Path(__file__).resolve().parents[2] / "catalog" / "editions" / "fsi-2023"
TIERS = ("basic", "additional", "entrustment")

# Endings whose attachment changes the stem's surface (irregular and fused forms): 알리다 → 알려
# (어), 알린 (ㄴ), 알릴 (ㄹ), 알림 (ㅁ); 돕다 → 도우며. The bare stem covers every other ending
# (알리고, 알리며 …) by substring. Few endings on purpose: each conjugation costs the analyser
# ~25 ms, paid once per process when the concepts are loaded.
_ENDINGS = (("어", "EC"), ("ᆫ", "ETM"), ("ᆯ", "ETM"), ("ᆷ", "ETN"), ("으며", "EC"))


def compact(text: str) -> str:
    """The form every comparison uses: no whitespace, lower case, unified middle dots."""
    return re.sub(r"\s+", "", text).lower().replace("ㆍ", "·").replace("･", "·").replace("・", "·")


@dataclass(frozen=True)
class Element:
    name: str
    anchor: bool
    terms: tuple[str, ...]  # compacted surface forms, conjugations included
    pattern: re.Pattern[str]
    # A hit inside one of these phrases does not count ("본점 소재지" is no processing location).
    not_within: re.Pattern[str] | None = None
    # English terms are matched as whole words in the spaced, lower-cased text: in the compact text
    # "the customer a service" would hold "erase".
    pattern_en: re.Pattern[str] | None = None
    not_within_en: re.Pattern[str] | None = None
    # first words of the English terms: the English pass runs only when the document has one of them
    en_first: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Part:
    name: str
    elements: tuple[Element, ...]
    subject: str | None  # "institution": the sentence's subject must be the institution; "provider": not the institution alone
    indirect: tuple[tuple[str, ...], ...]  # each: compacted terms that together satisfy the part
    partial: tuple[tuple[str, ...], ...] = ()  # each: terms that show the part only in part (→ at most partly)


@dataclass(frozen=True)
class ClauseConcept:
    id: str
    tier: str
    source: str
    citation: str
    title_hints: tuple[str, ...]
    parts: tuple[Part, ...]
    prohibitions: tuple[str, ...]
    negation_targets: tuple[str, ...]
    limitations: tuple[tuple[str, ...], ...]  # each: terms that together (one sentence) limit the clause
    # Restrictors ("범위 내에서만", "에 한하여") bind the provider here, so they are the duty
    # itself (접근은 … 범위 내에서만), not a limitation of it.
    restriction_is_duty: bool = False
    # With restriction_is_duty, does the provider's own judgement ("회사가 … 판단하여 정한다") still
    # limit the clause? (Yes for access control; no for confidentiality, whose "영업비밀로서 공개하지
    # 아니한다" sentences are about other matters.)
    judgements_limit: bool = False
    # false for a clause that describes (업무·시스템, 데이터, 관할) rather than obliges: a service
    # that is sold separately ("유상 계약 체결 시에 한하여") does not limit the description
    paid_limits: bool = True
    # Phrases that turn the provider's duty into a mere permission when the provider is the actor
    # ("회사는 … 데이터를 삭제할 수 있다": it may, so it need not).
    permissions: tuple[tuple[str, ...], ...] = ()
    # Contexts that make a negation an ordinary, neutral exemption for this clause only (an SLA's
    # exclusive remedy limits damages like a cap, but denies the SLA's corrective-action right).
    benign_contexts: tuple[str, ...] = ()
    # Phrases of look-alike topics: a sentence holding one is neither support nor risk for the clause
    # (a price change is not a material change for change_notification).
    off_topic: tuple[str, ...] = ()
    # Matters whose "whether" the provider may not decide alone ("삭제 여부", "협력사의 선정과 교체"):
    # such a sentence is a risk wherever the clause is named.
    decided_topics: tuple[str, ...] = ()
    # Shared benign contexts that do not neutralise a negation for this clause: "제3자에게 발생한 손해에
    # 대하여는 … 책임을 지지 아니한다" disclaims liability to users, whatever "제3자에게" means elsewhere.
    not_benign: tuple[str, ...] = ()

    @property
    def anchor_terms(self) -> tuple[str, ...]:
        return tuple(t for p in self.parts for e in p.elements if e.anchor for t in e.terms)


@dataclass(frozen=True)
class Shared:
    provider_aliases: tuple[str, ...]
    institution_aliases: tuple[str, ...]
    institution_name_cues: tuple[str, ...]
    provider_name_cues: tuple[str, ...]
    negation_morphemes: tuple[tuple[str, str], ...]
    absent_nouns: tuple[str, ...]
    english_negation: tuple[tuple[str, ...], ...]  # each group: all its phrases in one sentence
    scope_nouns: tuple[str, ...]  # 책임·의무: their negation also denies the "X에 대하여" topic
    conditional_endings: tuple[tuple[str, ...], ...]  # "아니하고는", "않는 경우": a condition, not a denial
    prohibitions: tuple[str, ...]
    benign_contexts: tuple[str, ...]
    restrictors: tuple[str, ...]
    discretion: tuple[str, ...]
    standalone_limitations: tuple[str, ...]
    conditions: tuple[str, ...] = ()  # "을이 인정하는 경우": discretion + condition limits without a restrictor
    # "을이 보관할 필요가 있다고 판단하는 자료": the provider's judgement limits by itself, no condition needed
    judgements: tuple[str, ...] = ()
    # "별도 유상 계약 체결 시에 한하여 지원한다": an exclusive restrictor with a payment or a separate
    # contract as its condition makes the duty something the provider sells, not owes
    paid_conditions: tuple[str, ...] = ()
    exclusive_restrictors: tuple[str, ...] = ()
    # "삭제 여부 … 는 공급자가 결정한다": the provider decides whether (words compact, verbs spaced as written)
    decides_whether: tuple[str, ...] = ()
    decides_verbs: tuple[str, ...] = ()
    # the institution's own fault ("증권사 임직원의 조작 실수"): an exemption for it is an ordinary one
    institution_fault: tuple[str, ...] = ()
    # "이 한도를 적용하지 아니한다": denying a cap or an exemption widens the duty, not denies it
    lifted_limits: tuple[str, ...] = ()
    # "다음 각 호의 사항은 CSP 약관이 정하는 바에 따른다": deferring to terms outside the contract
    # states no duty; such a sentence (and the 호 under such a lead-in) supports no clause
    reference_only: tuple[tuple[str, ...], ...] = ()  # each: phrases that together (one sentence) defer
    # "… 확인하기 전에는 어떠한 데이터도 삭제하지 아니한다": a negation after such a time limit only
    # defers the act (a hold), it does not deny it
    deferrals: tuple[str, ...] = ()


@dataclass(frozen=True)
class Concepts:
    edition: str
    path: Path
    shared: Shared
    clauses: tuple[ClauseConcept, ...]

    def clause(self, clause_id: str) -> ClauseConcept:
        for c in self.clauses:
            if c.id == clause_id:
                return c
        raise KeyError(clause_id)


def load_concepts(edition_dir: Path | None = None) -> Concepts:
    """Load and compile the concepts of an edition (cached: the analyser is used to conjugate)."""
    return _load(Path(edition_dir or DEFAULT_EDITION_DIR).resolve())


@lru_cache(maxsize=4)
def _load(edition_dir: Path) -> Concepts:
    path = edition_dir / CONCEPTS_FILE
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise InputError.single(f"cannot read contract concepts: {exc}", file=str(path)) from None
    try:
        shared = _shared(data["shared"])
        clauses = tuple(_clause(c) for c in data["clauses"])
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError.single(f"contract concepts are malformed: {exc!r}", file=str(path)) from None
    ids = [c.id for c in clauses]
    if len(set(ids)) != len(ids):
        raise InputError.single("contract concepts list a clause id twice", file=str(path))
    return Concepts(str(data.get("edition", edition_dir.name)), path, shared, clauses)


def _strs(values: object) -> tuple[str, ...]:
    if values is None:
        return ()
    if not isinstance(values, list) or not all(isinstance(v, str | int | float) for v in values):
        raise ValueError(f"expected a list of strings, got {values!r}")
    return tuple(str(v) for v in values)


def _shared(d: dict) -> Shared:
    neg = d["negation"]
    lim = d["limitation"]
    morphemes = tuple(tuple(m.split("/", 1)) for m in _strs(neg["morphemes"]))
    return Shared(
        provider_aliases=_strs(d["provider_aliases"]),
        institution_aliases=_strs(d["institution_aliases"]),
        institution_name_cues=_strs(d.get("institution_name_cues")),
        provider_name_cues=_strs(d.get("provider_name_cues")),
        negation_morphemes=morphemes,  # type: ignore[arg-type]
        absent_nouns=_strs(neg.get("absent_nouns")),
        english_negation=tuple(_group(t) for t in neg.get("english") or ()),
        scope_nouns=_strs(neg.get("scope_nouns")),
        conditional_endings=tuple(tuple(e.split("+")) for e in _strs(neg.get("conditional_endings"))),
        prohibitions=tuple(compact(t) for t in _strs(d.get("prohibitions"))),
        benign_contexts=tuple(compact(t) for t in _strs(d.get("benign_contexts"))),
        restrictors=tuple(compact(t) for t in _strs(lim["restrictors"])),
        discretion=tuple(compact(t) for t in _strs(lim["discretion"])),
        standalone_limitations=tuple(compact(t) for t in _strs(lim.get("standalone"))),
        conditions=tuple(compact(t) for t in _strs(lim.get("conditions"))),
        judgements=tuple(compact(t) for t in _strs(lim.get("judgements"))),
        lifted_limits=tuple(compact(t) for t in _strs(neg.get("lifted_limits"))),
        reference_only=tuple(_group(t) for t in d.get("reference_only") or ()),
        deferrals=tuple(compact(t) for t in _strs(neg.get("deferrals"))),
        paid_conditions=tuple(compact(t) for t in _strs(lim.get("paid_conditions"))),
        exclusive_restrictors=tuple(compact(t) for t in _strs(lim.get("exclusive_restrictors"))),
        decides_whether=tuple(compact(t) for t in _strs((lim.get("decides") or {}).get("whether"))),
        decides_verbs=_strs((lim.get("decides") or {}).get("verbs")),
        institution_fault=_strs(d.get("institution_fault")),
    )


def _clause(d: dict) -> ClauseConcept:
    if d["tier"] not in TIERS:
        raise ValueError(f"clause {d['id']}: tier must be one of {TIERS}")
    parts = []
    for p in d["parts"]:
        elements = tuple(
            _element(e["name"], bool(e.get("anchor", False)), _strs(e["terms"]), _strs(e.get("not_within")))
            for e in p["elements"]
        )
        if not any(e.anchor for e in elements):
            raise ValueError(f"clause {d['id']} part {p['name']}: one element must be the anchor")
        indirect = tuple(tuple(_expand(t)[0] for t in group) for group in p.get("indirect") or ())
        partial = tuple(tuple(_expand(t)[0] for t in group) for group in p.get("partial") or ())
        parts.append(Part(p["name"], elements, p.get("subject"), indirect, partial))
    return ClauseConcept(
        id=d["id"],
        tier=d["tier"],
        source=d["source"],
        citation=d["citation"],
        title_hints=tuple(compact(t) for t in _strs(d.get("title_hints"))),
        parts=tuple(parts),
        prohibitions=tuple(compact(t) for t in _strs(d.get("prohibitions"))),
        negation_targets=tuple(compact(t) for t in _strs(d.get("negation_targets"))),
        limitations=tuple(_group(t) for t in d.get("limitations") or ()),
        restriction_is_duty=bool(d.get("restriction_is_duty", False)),
        judgements_limit=bool(d.get("judgements_limit", False)),
        paid_limits=bool(d.get("paid_limits", True)),
        permissions=tuple(_group(t) for t in d.get("permissions") or ()),
        benign_contexts=tuple(compact(t) for t in _strs(d.get("benign_contexts"))),
        off_topic=tuple(compact(t) for t in _strs(d.get("off_topic"))),
        decided_topics=tuple(compact(t) for t in _strs(d.get("decided_topics"))),
        not_benign=tuple(compact(t) for t in _strs(d.get("not_benign"))),
    )


def _group(entry: object) -> tuple[str, ...]:
    """A limitation: one phrase, or a list of phrases that must all be in one sentence."""
    if isinstance(entry, list):
        return tuple(compact(t) for t in _strs(entry))
    return (compact(str(entry)),)


def _element(name: str, anchor: bool, terms: tuple[str, ...], not_within: tuple[str, ...] = ()) -> Element:
    forms: set[str] = set()
    english: set[str] = set()
    for term in terms:
        if term.isascii():
            english.add(spaced(term))
        forms.update(_expand(term))
    ordered = tuple(sorted(forms, key=len, reverse=True))
    korean = [f for f in ordered if not f.isascii()]
    # Korean (and mixed) terms over the compact text; a never-matching pattern when there are none.
    pattern = re.compile(_trie_regex(korean)) if korean else re.compile(r"(?!x)x")
    # "re:…" entries are regular expressions over the compact text (e.g. a term some words after a
    # cue: "재위탁과 관련하여 은행에 손해"); the others are phrases.
    exclusions = sorted({compact(t) for t in not_within if not t.startswith("re:") and not t.isascii()}, key=len, reverse=True)
    patterns = [t[3:] for t in not_within if t.startswith("re:")] + [re.escape(t) for t in exclusions]
    not_within_pattern = re.compile("|".join(patterns)) if patterns else None
    return Element(
        name, anchor, ordered, pattern, not_within_pattern,
        _english_pattern(english), _english_pattern({spaced(t) for t in not_within if t.isascii() and not t.startswith("re:")}),
        frozenset(re.split(r"[^a-z0-9]+", p)[0] or p for p in english),
    )


def spaced(text: str) -> str:
    """Lower-cased, with every run of white space one blank: the form English words are matched in."""
    return " ".join(text.lower().split())


def _english_pattern(phrases: set[str]) -> re.Pattern[str] | None:
    """Whole-word alternatives ("sla" not in "translation", "erase" not in "customer a service");
    Hangul right after a word is a boundary too ("CSAP을")."""
    if not phrases:
        return None
    # The text is spaced() too (single blanks), so the phrases are literals: one prefix trie, as for
    # the Korean terms. Regular inflections of the last word count: deleted, erases, audits, terminating.
    return re.compile(r"(?<![a-z0-9])(?=[a-z0-9])" + _trie_regex(sorted(phrases, key=len, reverse=True)) + r"(?:s|es|d|ed|ing)?(?![a-z0-9])")


def _trie_regex(words: list[str]) -> str:
    """One regex for many literal words, factored by common prefixes (longest match first).

    Python's regex engine tries alternatives one by one; a prefix trie makes matching a few
    dozen terms against a 100-page contract several times faster than a flat alternation.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(trie)


def _expand(term: str) -> list[str]:
    """A term and, for a predicate ending in 다, its conjugated forms."""
    return list(_expand_cached(compact(term)))


@cache
def _expand_cached(base: str) -> tuple[str, ...]:
    if not (base.endswith("다") and len(base) >= 2 and not base.isascii()):
        return (base,)
    stem = base[:-1]
    forms = [stem]
    from fincloud.evidence.contracts.analyser import get_analyser

    kiwi = get_analyser()
    tag = "VV"
    for ending, etag in _ENDINGS:
        try:
            joined = kiwi.join([(stem, tag), (ending, etag)], lm_search=False)
        except Exception:  # an ending the analyser cannot attach to this stem
            continue
        if joined and not re.search(r"[\u1100-\u11ff]", joined):
            forms.append(compact(joined))
    # Keep the stem first: it is the canonical form shown in "why".
    return tuple(dict.fromkeys(forms))
