"""Korean-first wording of every reason code the engine produces, with English beside it.

The engine returns codes and parameters (``Reason``) so that it stays free of presentation; the
CLI, documents and web app render them here. A test checks that every code the engine can emit
has both languages.
"""

from __future__ import annotations

import datetime as dt
import string
from typing import Any

Lang = str  # "ko" | "en"

MESSAGES: dict[str, tuple[str, str]] = {
    # scope
    "scope.in_scope": (
        "금융회사 자신의 정보처리 업무를 상용 클라우드서비스 제공자가 계속적으로 처리하는 정보처리 위탁으로 감독규정 제14조의2 적용 대상",
        "Own information processing done continuously by a commercial cloud provider: an outsourcing within 감독규정 §14-2"),
    "scope.via_intermediary": (
        "MSP·재위탁 등 간접 이용{intermediary_sfx}도 적용 대상 (직접 계약과 동등한 효력 필요)",
        "Indirect use through an MSP or sub-outsourcing{intermediary_sfx} stays in scope (same effect as a direct contract)"),
    "scope.not_own_processing": (
        "금융회사 자신의 정보처리 업무가 아님 (정보처리 위탁에 해당하지 않음)",
        "Not the institution's own information processing (not an outsourcing)"),
    "scope.not_continuous": ("계속적 처리가 아닌 일회성 이용 (정보처리 위탁에 해당하지 않음)",
                             "One-off use, not continuous processing (not an outsourcing)"),
    "scope.simple_web_use": ("기업홍보 등의 목적으로 유튜브·페이스북 등 클라우드 기반 웹서비스를 단순 이용",
                             "Simple use of a cloud web service such as YouTube or Facebook for publicity"),
    "scope.physically_dedicated": ("타 사용자와 물리적으로 분리되어 공유되지 않도록 전용으로 구축한 클라우드",
                                   "A cloud built physically dedicated to the institution, shared with no other user"),
    "scope.member_only_noncommercial": (
        "금융지주·금융IT 회사·협회 등이 소속 구성원 전용으로 구축한 非상용 클라우드",
        "A non-commercial cloud built by a holding company, financial IT company or association for its members only"),
    "scope.not_commercial": ("상용(商用)으로 제공되는 클라우드컴퓨팅서비스가 아님",
                             "Not a cloud computing service offered commercially"),
    # importance
    "importance.decision": (
        "업무 영향평가 {score}점, {class_ko} 판단기준 {threshold}점 {cmp} → {decision_ko}",
        "Impact score {score}, threshold for {class} {threshold} → {decision_en}"),
    "importance.incomplete_treated_critical": (
        "평가 미완료 항목({missing})이 있고 최대 {ceiling}점까지 가능하여 기준 {threshold}점에 이를 수 있으므로 평가 완료 시까지 중요업무로 간주",
        "Items not assessed ({missing}) could raise the score to {ceiling}, reaching the threshold {threshold}: treated as critical until assessed"),
    "importance.missing_item": ("{item}: 평가값 없음 (0점으로 합산, 평가 필요)",
                                "{item}: no value given (counted as 0; assess it)"),
    "importance.points_not_a_level": (
        "{item}: 기록된 점수 {points}점은 이 항목의 유효한 값({allowed})이 아님 — 기록대로 합산",
        "{item}: recorded {points} points is not a valid value of this item ({allowed}); kept as recorded"),
    "importance.information_type_contradicts": (
        "{item}: 기록된 점수 {points}점이 처리정보 유형({class_ko}, {level_ko} = {expected}점)과 모순 — 기록대로 합산",
        "{item}: recorded {points} points contradicts the information class ({class}, {level} = {expected} points); kept as recorded"),
    "importance.recorded_points": ("{item}: 기존 기록 점수 {points}점", "{item}: points recorded earlier: {points}"),
    "importance.information_class": ("{item}: 처리정보 유형({class_ko})에서 도출", "{item}: derived from the information class ({class})"),
    "importance.category": ("{item}: {band} → {level_ko}", "{item}: {value} → {level}"),
    "importance.level_given": ("{item}: 평가 결과 {level_ko}", "{item}: assessed as {level}"),
    "importance.new_service": ("{item}: 신규서비스 (해당없음)", "{item}: new service (none)"),
    "importance.as_needed": ("{item}: 필요 시 수행 (하)", "{item}: as needed (low)"),
    "importance.measured": (
        "{item}: {values} → {level_ko} (각 구간의 하한 기준으로 구분, 두 측정값이 있으면 높은 등급 적용)",
        "{item}: {values} → {level} (banded by each band's bound; with two measures the higher level wins)"),
    "importance.provider_dependency_auto": (
        "{item}: 동일 제공자에 위탁한 다른 적용 대상 업무 {count}개 → {level_ko}",
        "{item}: {count} other in-scope workloads on the same provider → {level}"),
    # certificates and items
    "certificate.valid": ("{scheme} 인증 유효 ({valid_until}까지)", "{scheme} certificate valid until {valid_until}"),
    "certificate.expiring": ("{scheme} 인증이 {valid_until} 만료 예정 — 갱신 확인 필요",
                             "{scheme} certificate expires on {valid_until}: check renewal"),
    "certificate.expired": ("{scheme} 인증 만료 ({valid_until}) — 대체 항목 생략 불가",
                            "{scheme} certificate expired on {valid_until}: alternative items cannot be skipped"),
    "certificate.not_recognised": ("{scheme}: 가이드가 인정하는 보안인증이 아님", "{scheme}: not a certification the guide recognises"),
    "certificate.scope_not_covered": (
        "{scheme}: 이용하는 물리적 시설과 서비스가 인증 범위에 포함되지 않음 — 대체 항목 생략 불가",
        "{scheme}: the facilities and services used are outside the certified scope; alternative items cannot be skipped"),
    "item.essential": ("필수 항목: 인증·중요도와 관계없이 평가", "Essential item: always evaluated"),
    "item.alternative_critical": ("중요업무의 대체 항목: 평가", "Alternative item for critical work: evaluated"),
    "item.non_critical": ("비중요업무: 대체 항목 생략 가능", "Non-critical work: alternative items may be skipped"),
    "item.certified": ("유효한 보안인증({schemes}) 보유: 대체 항목 생략 가능", "Valid certificate ({schemes}): alternative item may be skipped"),
    "item.certified_but_domain": (
        "{schemes}는 클라우드 특화 인증이 아니므로 {domain}. 가상화 및 인프라 보안 항목은 별도 점검",
        "{schemes} is not cloud-specific: domain {domain} (virtualisation and infrastructure) is still evaluated"),
    "item.not_applicable_service_model": ("{model}에는 적용되지 않는 항목 (적용대상: {applies})",
                                          "Does not apply to {model} (applies to {applies})"),
    # evaluation schedule
    "comprehensive.cycle": ("종합평가 {date} 완료, {years}년 주기", "Comprehensive evaluation completed {date}; every {years} years"),
    "comprehensive.first_use": ("최초 이용 전 종합평가(자가점검 → 결과검증 → 확인평가) 필요",
                                "A comprehensive evaluation (self-check → verification → confirmation) is needed before first use"),
    "comprehensive.onsite_needed": (
        "중요업무는 현장점검 종합평가 필요 ({date} 평가는 서면점검)",
        "Critical work needs an on-site comprehensive evaluation (the one of {date} was in writing)"),
    "comprehensive.reuse_needs_resolution": (
        "{date} 종합평가는 이 업무 이전에 완료: 동일 범위 내 추가 이용으로 기존 평가 결과를 활용하려면 정보보호위원회 심의·의결 필요",
        "The comprehensive evaluation of {date} predates this workload: reusing it for the same scope needs a committee resolution"),
    "comprehensive.representative": (
        "침해사고대응기관 대표평가({shared_on} 공유) 활용, {valid_until}까지 유효",
        "FSI representative evaluation shared {shared_on}, valid until {valid_until}"),
    "comprehensive.representative_needs_resolution": (
        "대표평가 결과 활용에는 정보보호위원회 심의·의결 필요 (범위 일치 확인 포함)",
        "Relying on the representative evaluation needs a committee resolution (and a matching scope)"),
    "regular.optional_non_critical": ("비중요업무: 정기평가 생략 가능 (금융회사 판단)",
                                      "Non-critical work: the regular evaluation may be skipped"),
    "regular.after_comprehensive": ("정기평가는 종합평가 완료 다음 해부터 매년 실시 — 종합평가 먼저 필요",
                                    "Regular evaluations start the year after the comprehensive one, which is needed first"),
    "regular.yearly": ("{from_year}년부터 매년 12월 31일까지 서면 정기평가", "Yearly regular evaluation in writing by 31 December from {from_year}"),
    "regular.missed_years": ("정기평가 미실시 연도: {years}", "Years without a regular evaluation: {years}"),
    "reevaluation.scope_expansion": ("{date} 이용 영역 변경·확대: 신규 이용 영역에 한정한 종합평가 필요",
                                     "{date} scope expansion: comprehensive evaluation of the new scope"),
    "reevaluation.personal_credit_added": ("{date} 개인신용정보 등 처리 추가 위탁: 종합평가 필요",
                                           "{date} personal credit information added: comprehensive evaluation"),
    "reevaluation.importance_upgrade": ("{date} 중요도 '비중요'→'중요' 변경: 종합평가(현장점검) 필요",
                                        "{date} importance raised to critical: comprehensive (on-site) evaluation"),
    "reevaluation.provider_security_incident": ("{date} 제공자 보안사고: 주기와 무관하게 정기평가 실시 가능",
                                                "{date} provider security incident: a regular evaluation may be run out of cycle"),
    "reevaluation.infrastructure_rebuild": ("{date} 클라우드 IT인프라 전면 재구축: 주기와 무관하게 정기평가 실시 가능",
                                            "{date} infrastructure rebuild: a regular evaluation may be run out of cycle"),
    "evaluation.soundness_own": ("건전성 평가는 금융회사가 직접 수행 (대표평가는 안전성 평가에 한해 활용)",
                                 "The soundness review is the institution's own (a representative evaluation covers safety only)"),
    "evaluation.critical_abroad": (
        "중요업무의 정보처리시스템이 국외({country})에 위치: 현행 제14조의2제8항은 고유식별·개인신용정보에 한해 국내 설치를 요구하나, 비조치의견서 190003은 중요업무의 국내 위치를 요구한 바 있어 검토 권고",
        "Critical work processed abroad ({country}): §14-2⑧ requires Korea only for unique-identifying or personal credit information, but no-action letter 190003 asked it for critical work; review recommended"),
    "evaluation.via_intermediary": ("간접 이용(MSP·재위탁)도 실제 클라우드서비스 제공자를 평가",
                                    "Indirect use: the underlying cloud provider is evaluated"),
    # blockers
    "blocker.data_outside_korea": (
        "{classes_ko} 처리 시스템이 국외({country}, {region})에 위치 — 국내 설치 의무 위반",
        "{classes} processed outside Korea ({country}, {region}): the systems must be in Korea"),
    "blocker.wireless_in_datacenter": ("{classes_ko} 처리 전산실 내 무선통신망 설치 — 설치 금지",
                                       "Wireless network in the data centre processing {classes}: not allowed"),
    "blocker.recovery_outside_korea": ("복구 사이트 제공자({provider})에 국내 리전이 없음 — 처리 시스템 전부 국내 설치 필요",
                                       "Recovery provider {provider} has no Korean region: every processing system must be in Korea"),
    "blocker.open_deficiencies": (
        "{date} 평가 미흡사항 {count}건 미조치 — 조치 확인 또는 리스크 분석·대체 보완·정보보호위원회 의결 필요",
        "{count} deficiencies open since {date}: remediate, or accept with risk analysis, compensating control and a committee resolution"),
    # continuity, safeguards, contract
    "safeguards.critical": ("중요업무: 필수 및 추가 사항 모두 준수", "Critical work: essential and additional requirements"),
    "safeguards.non_critical": ("비중요업무: 필수 사항 준수 (추가 사항 생략 가능)", "Non-critical work: essential requirements (additional may be skipped)"),
    "contract.critical": ("중요업무: 별표 2의5 기본·추가 포함사항 및 위탁규정 제4조제3항 사항 기재",
                          "Critical work: basic and additional clauses of 별표 2의5 and 위탁규정 §4③"),
    "contract.non_critical": ("비중요업무: 별표 2의5 기본 포함사항 및 위탁규정 제4조제3항 사항 기재",
                              "Non-critical work: basic clauses of 별표 2의5 and 위탁규정 §4③"),
    "contract.indirect": ("간접계약(재위탁·MSP): 직접 계약과 동등한 효력을 가지도록 관련 계약에 반영",
                          "Indirect contract (sub-outsourcing, MSP): clauses must have the same effect as a direct contract"),
    "contract.self_operated": ("자사 상용 클라우드 이용: 위탁계약서 대신 상용 클라우드 이용 관련 서류로 대체",
                               "Own commercial cloud: contract replaced by documents on the commercial cloud use"),
    # reporting
    "report.trigger": ("{trigger_ko} ({date}): {months}개월 이내 보고", "{trigger} on {date}: report within {months} months"),
    "report.absorbed_by_contract": ("계약 체결({signed_on}) 이전 사유({kind})는 신규 계약 보고에 포함",
                                    "{kind} before the contract ({signed_on}) is covered by the new-contract report"),
    "report.development_linking": (
        "개발·테스트 기간이 3개월을 초과하여 내부망 연계일({date})로부터 3개월 이내 보고",
        "Development/testing took more than 3 months: report within 3 months of linking to the internal network ({date})"),
    "report.development_pending": ("개발·테스트 중: 내부망 연계일로부터 3개월 이내 보고 (연구망 제외)",
                                   "In development/testing: report within 3 months of linking to the internal network (research networks excluded)"),
    "report.outage_immediate": ("{date} {minutes}분 이상 전산장애: 즉시 보고", "{date} outage of {minutes} minutes or more: report immediately"),
    "report.incident_immediate": ("{date} 금융회사의 전자적 침해사고·금융사고에 해당하는 제공자 보안사고: 지체 없이 보고",
                                  "{date} provider incident that is the institution's own security incident: report without delay"),
    "report.faq6_exempt": (
        "전자금융업자의 비중요업무로 금융거래정보를 처리하지 않음: 보고 대상 아님 (FAQ 6)",
        "E-finance company, non-critical work without financial-transaction information: no report (FAQ 6)"),
    "report.no_trigger": ("보고 사유 없음", "No reporting event"),
    "report.reported": ("{date} 보고 완료", "Reported on {date}"),
    # obligations
    "obligation.first": ("기록 없음: 최초 실시 필요", "No record: do it first"),
    "obligation.since": ("최근 실시 {date}", "Last done {date}"),
    "obligation.documents_stale": ("{event_date} 변경 이후 서류 미갱신", "Documents not updated since the change of {event_date}"),
    # exit (제9장)
    "exit.plan_missing_critical": ("중요업무의 출구전략 미수립 (비상대책 추가 사항: 출구전략 고려)",
                                   "No exit strategy for critical work (additional requirement of the emergency plan)"),
    "exit.plan_missing": ("출구전략 미기록 (권고 사항)", "No exit strategy recorded (recommended)"),
    "exit.exiting": ("{date} 이용 종료(전환) 착수: 출구전략에 따라 데이터 이전 및 파기 실시",
                     "{date} exit started: move and then destroy the data as the exit strategy says"),
    "exit.exited": ("{date} 이용 종료: 정기 의무 종료", "{date} exit completed: recurring duties end"),
    "exit.destruction_missing": ("{date} 이용 종료 후 제공자 측 데이터 파기 기록(파기 확인서) 없음",
                                 "Exit completed {date} but no record that the data was destroyed at the provider"),
    "exit.destroyed": ("{date} 데이터 파기 확인", "Data destruction confirmed on {date}"),
    # concentration
    "concentration.same_provider_recovery": (
        "{workload}: 주 사이트와 복구 사이트가 동일 제공자({provider})",
        "{workload}: primary and recovery site at the same provider ({provider})"),
    "concentration.dominant_provider": (
        "{provider}에 중요업무의 {share_pct}% 집중", "{share_pct}% of critical workloads on {provider}"),
    "concentration.foreign_provider": ("{provider}: 국외 클라우드 서비스 제공자 — 부록2 국외 제공자 리스크 대응방안 검토",
                                       "{provider}: foreign provider; review 부록2 foreign-provider risk measures"),
    "concentration.high_hhi": ("제공자 집중도 HHI {hhi} (2,500 초과: 높은 집중)", "Provider HHI {hhi} (above 2,500: highly concentrated)"),
}

LEVEL_KO = {"high": "상", "medium": "중", "low": "하", "none": "해당없음", None: "—"}
CLASS_KO = {"unique_id": "고유식별정보", "personal_credit": "개인신용정보", "financial": "금융정보",
            "business": "업무정보", "public": "공개정보"}
TRIGGER_KO = {
    "new_contract": "클라우드컴퓨팅서비스 이용 계약 신규 체결",
    "provider_merger_or_transfer": "제공자의 합병·분할·계약상 지위 양도 등 중대한 변경",
    "subcontract_change": "재위탁 등 중대한 변경",
    "provider_breach_of_key_terms": "제공자의 중요계약사항 미이행",
    "evaluation_material_change": "제공자 평가(제1항제2호) 관련 중대한 변경",
    "continuity_material_change": "업무 연속성 계획·안전성 확보조치(제1항제3호) 관련 중대한 변경",
    "importance_upgrade": "중요도 상향 (비중요→중요)",
    "scope_expansion": "이용 영역 변경·확대",
    "personal_credit_added": "개인신용정보 처리 추가",
    "provider_change": "클라우드서비스 제공자 변경(전환)",
    "development_linking": "개발·테스트 후 내부망 연계",
    "outage_10min": "10분 이상 전산장애",
}


def _fmt(value: Any, lang: Lang) -> str:
    cls = value.__class__
    if cls is str:
        return value
    if cls is int:
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, list | tuple):
        return ", ".join(_fmt(v, lang) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}={_fmt(v, lang)}" for k, v in value.items())
    return str(value)


# Rendered texts by (lang, code, parameters). Safe to share: the text is a pure function of exactly these,
# and only parameters of scalar types whose equal values always format alike are keyed (each value with
# its type, floats by their exact bits: 1 == 1.0 == True and 0.0 == -0.0 would otherwise collide).
_MEMO: dict[tuple[Any, ...], str] = {}
_MEMO_LIMIT = 200_000  # bounded for long-running processes
_KEYABLE = frozenset({str, int, bool, dt.date, type(None)})


def _memo_key(code: str, params: dict[str, Any], lang: Lang) -> tuple[Any, ...] | None:
    key: list[Any] = [lang, code]
    for k, v in params.items():
        cls = v.__class__
        if cls in _KEYABLE:
            key += (k, cls, v)
        elif cls is float:
            key += (k, cls, v.hex())
        else:
            return None
    return tuple(key)


def render(code: str, params: dict[str, Any] | None = None, lang: Lang = "ko") -> str:
    """Render a reason code in ``lang``; unknown codes fall back to the code itself (tested never to happen)."""
    key = _memo_key(code, params, lang) if params else (lang, code)
    if key is not None:
        hit = _MEMO.get(key)
        if hit is not None:
            return hit
    text = _render(code, params, lang)
    if key is not None:
        if len(_MEMO) >= _MEMO_LIMIT:
            _MEMO.clear()
        _MEMO[key] = text
    return text


# Template -> its replacement field names, or None when a field is not a plain name (then the general path).
_FIELDS: dict[str, tuple[str, ...] | None] = {}


def _fields(template: str) -> tuple[str, ...] | None:
    try:
        return _FIELDS[template]
    except KeyError:
        pass
    try:
        names = [name for _, name, spec, conv in string.Formatter().parse(template) if name is not None]
        plain = all(name.isidentifier() for name in names) and "{" not in "".join(
            spec or "" for _, _, spec, _ in string.Formatter().parse(template))
        fields = tuple(dict.fromkeys(names)) if plain else None
    except ValueError:
        fields = None
    _FIELDS[template] = fields
    return fields


def _extra(name: str, params: dict[str, Any]) -> Any:
    """The derived values of :func:`_render_general`, one at a time (``KeyError`` when there is none)."""
    if name == "class_ko":
        return CLASS_KO.get(params.get("class", ""), params.get("class", ""))
    if name == "level_ko":
        return LEVEL_KO.get(params.get("level"))
    if name == "classes_ko":
        return ", ".join(CLASS_KO.get(c, c) for c in params.get("classes", []))
    if name == "trigger_ko":
        return TRIGGER_KO.get(params.get("trigger", ""), params.get("trigger", ""))
    if name == "intermediary_sfx":
        return f" ({params['intermediary']})" if params.get("intermediary") else ""
    if name == "share_pct":
        return f"{params.get('share', 0) * 100:.0f}" if "share" in params else ""
    if "critical" in params:
        if name == "decision_ko":
            return "중요" if params["critical"] else "비중요"
        if name == "decision_en":
            return "critical" if params["critical"] else "non-critical"
        if name == "cmp":
            return "이상" if params["critical"] else "미만"
    raise KeyError(name)


def _render(code: str, params: dict[str, Any] | None, lang: Lang) -> str:
    """Format only the fields the template names (the same text as :func:`_render_general`, which formats all)."""
    ko, en = MESSAGES.get(code, (code, code))
    template = ko if lang == "ko" else en
    fields = _fields(template)
    if fields is None:
        return _render_general(code, params, lang)
    params = params or {}
    values: dict[str, Any] = {}
    try:
        for name in fields:
            values[name] = _fmt(params[name], lang) if name in params else _extra(name, params)
        return template.format(**values)
    except (KeyError, IndexError):
        return template


def _render_general(code: str, params: dict[str, Any] | None, lang: Lang) -> str:
    params = dict(params or {})
    ko, en = MESSAGES.get(code, (code, code))
    template = ko if lang == "ko" else en
    extra = {
        "class_ko": CLASS_KO.get(params.get("class", ""), params.get("class", "")),
        "level_ko": LEVEL_KO.get(params.get("level")),
        "classes_ko": ", ".join(CLASS_KO.get(c, c) for c in params.get("classes", [])),
        "trigger_ko": TRIGGER_KO.get(params.get("trigger", ""), params.get("trigger", "")),
        "intermediary_sfx": f" ({params['intermediary']})" if params.get("intermediary") else "",
        "share_pct": f"{params.get('share', 0) * 100:.0f}" if "share" in params else "",
    }
    if "critical" in params:
        extra["decision_ko"] = "중요" if params["critical"] else "비중요"
        extra["decision_en"] = "critical" if params["critical"] else "non-critical"
        extra["cmp"] = "이상" if params["critical"] else "미만"
    values = {k: _fmt(v, lang) for k, v in params.items()}
    values.update({k: v for k, v in extra.items() if k not in values})
    try:
        return template.format(**values)
    except (KeyError, IndexError):
        return template


def render_reason(reason: Any, lang: Lang = "ko", *, with_citation: bool = False) -> str:
    text = render(reason.code, reason.params, lang)
    if with_citation and reason.citation:
        text += f" [{reason.citation}]"
    return text
