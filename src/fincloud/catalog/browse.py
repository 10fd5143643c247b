"""Browse an edition: list its tables, show one entry by any id, search the verbatim text, export all.

Any identifier a user meets elsewhere works with ``show``: a 별표 2의2 item number (``11.2.1``), a
제5장 requirement id (``logging.e1``), a topic id (``logging``), a contract clause id
(``supervisory_access``), an importance item id (``rto``), a certification scheme (``CSAP``) or a
table name (``provider_items``).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from fincloud.catalog.loader import Catalog
from fincloud.errors import InputError

TABLES = {
    "provider_items": ("감독규정 <별표 2의2> 제공자 평가항목", "provider_items_table"),
    "importance_rubric": ("부록1 중요도 평가 기준", "rubric"),
    "certifications": ("인정 보안인증", "certifications"),
    "continuity": ("제5장 1 업무 연속성 계획 (<별표 2의3>)", "continuity_table"),
    "safeguards": ("제5장 2 안전성 확보조치 (<별표 2의4>)", "safeguards_table"),
    "contract_clauses": ("<별표 2의5> 계약서 기재사항, 위탁규정 제4조제3항", "contract_table"),
    "reporting": ("제8장 보고", "reporting"),
    "scope_rules": ("제1장 5 적용 범위, 별첨 FAQ", "scope_rules"),
    "committee": ("제6장 정보보호위원회", "committee"),
    "exit": ("제9장 이용 종료", "exit"),
    "concentration": ("부록2 집중리스크", "concentration"),
    "obligations": ("정기 의무", "obligations"),
}


@dataclass(frozen=True)
class Hit:
    id: str
    table: str
    text: str
    citation: str


def _dump(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude_none=True)
    return value


def list_tables(catalog: Catalog) -> list[tuple[str, str, int]]:
    counts = {
        "provider_items": len(catalog.provider_items), "importance_rubric": len(catalog.rubric.items),
        "certifications": len(catalog.certifications.schemes),
        "continuity": sum(len(t.requirements) for t in catalog.continuity),
        "safeguards": sum(len(t.requirements) for t in catalog.safeguards),
        "contract_clauses": len(catalog.contract_clauses),
        "reporting": len(catalog.reporting.triggers) + len(catalog.reporting.attachments),
        "scope_rules": len(catalog.scope_rules.applies) + len(catalog.scope_rules.not_applies)
        + len(catalog.scope_rules.rulings) + len(catalog.scope_rules.faq),
        "committee": len(getattr(catalog.committee, "deliberation_items", []) or []),
        "exit": len(getattr(catalog.exit, "obligations", []) or []),
        "concentration": len(catalog.concentration.considerations),
        "obligations": len(catalog.obligations.obligations),
    }
    return [(name, title, counts[name]) for name, (title, _) in TABLES.items()]


def show(catalog: Catalog, key: str) -> dict[str, Any]:
    """One entry (or a whole table) by any identifier, as plain data."""
    if key in TABLES:
        return {"table": key, "data": _dump(getattr(catalog, TABLES[key][1]))}
    for it in catalog.provider_items:
        if it.number == key.rstrip("."):
            data = _dump(it) | {"domain": f"{it.domain}. {catalog.domain_name(it.domain)}",
                                "subdomain_name": catalog.subdomain_name(it.subdomain)}
            return {"table": "provider_items", "data": data}
    for topic_set, table in ((catalog.continuity, "continuity"), (catalog.safeguards, "safeguards")):
        for topic in topic_set:
            if topic.id == key:
                return {"table": table, "data": _dump(topic)}
            for req in topic.requirements:
                if req.id == key:
                    return {"table": table, "data": _dump(req) | {"topic": topic.name}}
    for clause in catalog.contract_clauses:
        if clause.id == key:
            return {"table": "contract_clauses", "data": _dump(clause)}
    for item in catalog.rubric.items:
        if item.id == key:
            return {"table": "importance_rubric", "data": _dump(item)}
    for cert in catalog.certifications.schemes:
        if cert.scheme.lower() == key.lower():
            return {"table": "certifications", "data": _dump(cert)}
    raise InputError.single(
        f"no catalog entry '{key}'", field="ITEM",
        allowed="a 별표 2의2 number (1.1.1), a requirement id (logging.e1), a topic, a clause id "
                "(supervisory_access), an importance item (rto), a certification (CSAP), or a table: "
                + ", ".join(TABLES))


_DOTS = str.maketrans({c: "·" for c in "･․·ㆍ∙・\u119e\u2027"})


def _norm(text: str) -> str:
    """Fold every middle-dot variant the guide and keyboards use (･ ․ · ㆍ ∙ ・) to one, before NFKC
    (which would turn ․ into a full stop), then width variants and spaces."""
    return unicodedata.normalize("NFKC", text.translate(_DOTS)).translate(_DOTS).replace(" ", "").lower()


def _entries(catalog: Catalog) -> list[Hit]:
    hits = [Hit(it.number, "provider_items", it.question, catalog.provider_items_table.citation)
            for it in catalog.provider_items]
    for topics, table in ((catalog.continuity, "continuity"), (catalog.safeguards, "safeguards")):
        for topic in topics:
            hits += [Hit(r.id, table, " ".join((r.text, *r.sub_items, *r.notes)), r.citation) for r in topic.requirements]
    hits += [Hit(c.id, "contract_clauses",
                 " ".join([c.text, *(x.text for x in (c.considerations or ()))]), c.citation)
             for c in catalog.contract_clauses]
    hits += [Hit(i.id, "importance_rubric", i.name + " " + " ".join(i.bands.values()), catalog.rubric.citation)
             for i in catalog.rubric.items]
    return hits


def search(catalog: Catalog, text: str, *, limit: int = 50) -> list[Hit]:
    """Entries whose verbatim text contains every word of ``text`` (spacing and middle dots ignored)."""
    words = [_norm(w) for w in text.split() if w.strip()]
    if not words:
        raise InputError.single("give a word to search for", field="TEXT")
    out = [h for h in _entries(catalog) if all(w in _norm(h.text + " " + h.id) for w in words)]
    return out[:limit]


def export(catalog: Catalog) -> dict[str, Any]:
    data: dict[str, Any] = {"edition": _dump(catalog.edition)}
    for name, (_, attr) in TABLES.items():
        data[name] = _dump(getattr(catalog, attr))
    return data
