"""Words shared by every document of the report package, Korean first with English beside.

Documents are filed with the FSS in Korean; ``lang="en"`` exists for reviewers who do not read
Korean, so labels come in pairs and one helper picks the language. Status, level and kind
labels live here once so that the six documents never word the same state differently.
"""

from __future__ import annotations

import datetime as dt

Lang = str  # "ko" | "en"

LANGS = ("ko", "en")


def t(ko: str, en: str, lang: Lang) -> str:
    """Pick the Korean or the English wording."""
    return ko if lang == "ko" else en


STATUS = {
    "ok": ("정상", "ok"),
    "due": ("기한 임박(90일 이내)", "due within 90 days"),
    "overdue": ("기한 경과", "overdue"),
    "required_before_use": ("이용 전 실시 필요", "required before use"),
    "not_required": ("해당 없음", "not required"),
}
LEVEL = {"high": ("상", "high"), "medium": ("중", "medium"), "low": ("하", "low"),
         "none": ("해당없음", "none"), None: ("—", "—")}
REQ_LEVEL = {"essential": ("필수", "essential"), "additional": ("추가", "additional"),
             "recommended": ("권고", "recommended")}
ITEM_KIND = {"essential": ("필수", "essential"), "alternative": ("대체", "alternative")}
CLAUSE_TIER = {"basic": ("기본", "basic"), "additional": ("추가", "additional"),
               "entrustment": ("위탁규정 §4③", "Entrustment §4③")}
METHOD = {"onsite": ("현장점검", "on-site"), "document": ("서면점검", "in writing"), None: ("—", "—")}
BASIS = {"own": ("자체 평가", "own evaluation"), "representative": ("대표평가 활용", "representative evaluation"),
         "none": ("평가 기록 없음", "no evaluation on record")}
SKIP = {"non_critical": ("비중요업무", "non-critical work"), "certified": ("보안인증", "certified"),
        "not_applicable_service_model": ("서비스 모델 해당없음", "service model not applicable")}
CLASS = {"unique_id": ("고유식별정보", "unique identifiers"), "personal_credit": ("개인신용정보", "personal credit information"),
         "financial": ("금융정보", "financial information"), "business": ("업무정보", "business information"),
         "public": ("공개정보", "public information")}
REVIEW_STATUS = {"satisfied": ("반영", "satisfied"), "partly": ("일부 반영", "partly"), "missing": ("누락", "missing"),
                 "contradicted": ("상충(부정·제한)", "contradicted")}
SEVERITY = {"error": ("오류", "error"), "warning": ("경고", "warning"), "info": ("확인", "info")}

ITEM_NAMES = {
    "external_orgs": ("연계 외부기관 수", "linked external organisations"),
    "internal_systems": ("연결 내부시스템 수", "connected internal systems"),
    "business_function": ("업무기능 및 대상", "business function"),
    "daily_users": ("일평균 접속자", "daily users"),
    "business_impact": ("업무 영향도", "business impact"),
    "loss": ("손해금액", "loss"),
    "rto": ("복구목표시간(RTO)", "recovery time objective"),
    "customer_impact": ("고객 영향", "customer impact"),
    "information_type": ("처리정보 유형", "information type"),
    "provider_dependency": ("동일 CSP 의존도", "provider dependency"),
    "cloud_configuration": ("클라우드 구성 방식", "cloud configuration"),
    "compliance_requirements": ("준수 요구", "compliance requirements"),
    "oversight": ("관리감독 수행", "oversight"),
}


def pick(table: dict, key: object, lang: Lang) -> str:
    """Look a key up in one of the pair tables above; unknown keys show as themselves."""
    pair = table.get(key)
    if pair is None:
        return "—" if key is None else str(key)
    return pair[0] if lang == "ko" else pair[1]


def fmt_date(value: dt.date | None, lang: Lang = "ko") -> str:
    """ISO dates everywhere (the FSS forms and the output contract use them); '—' when unknown."""
    return value.isoformat() if value else "—"


def fmt_points(value: float) -> str:
    return f"{value:g}"


def yes_no(value: bool, lang: Lang) -> str:
    return t("예", "yes", lang) if value else t("아니오", "no", lang)

# File names of the package (Korean, as filed); the six documents carry 01_…06_ so they sort in
# the order of 감독규정 제14조의2제5항's attachments as the checklist lists them.
FILES = {
    "checklist": "01_정보처리위탁_서류_체크리스트",
    "importance": "02_중요도_평가_기준_및_결과",
    "provider_evaluation": "03_제공자_평가_계획_및_결과",
    "safeguards": "04_업무연속성계획_안전성확보조치_체크리스트",
    "committee": "05_정보보호위원회_안건",
    "contract": "06_계약서_기재사항_체크리스트",
    "questionnaire": "제공자_자가점검표.xlsx",
    "calendar": "의무일정.ics",
    "summary": "요약.md",
    "presubmission": "제출전점검",
}
