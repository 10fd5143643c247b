"""Template filters that word engine codes the way the report package does (documents.labels),
in the page's language — one vocabulary for pages and documents."""

from __future__ import annotations

from django import template
from django.utils.translation import get_language

from fincloud.documents import labels

register = template.Library()


def _lang() -> str:
    return "en" if (get_language() or "ko").startswith("en") else "ko"


def _pick(table: dict, code):
    return labels.pick(table, code, _lang())


@register.filter
def status_label(code):
    """ok / due / overdue / required_before_use / not_required."""
    return _pick(labels.STATUS, code)


@register.filter
def level_label(code):
    return _pick(labels.LEVEL, code)


@register.filter
def method_label(code):
    return _pick(labels.METHOD, code)


@register.filter
def skip_label(code):
    return _pick(labels.SKIP, code)


@register.filter
def requirement_level_label(code):
    """essential / additional / recommended → 필수 / 추가 / 권고."""
    return _pick(labels.REQ_LEVEL, code)


@register.filter
def item_kind_label(code):
    return _pick(labels.ITEM_KIND, code)


@register.filter
def obligation_label(code):
    """The obligation's name as the ICS calendar and documents word it (report_* = 금융감독원 보고)."""
    from fincloud.documents.calendar_ics import obligation_id_name

    return obligation_id_name(code, _lang()) if code else "—"


@register.filter
def stage_label(code):
    return _pick(STAGES, code)


STAGES = {
    "draft": ("작성 중(범위 미확정)", "draft (scope not confirmed)"),
    "scoped": ("적용 범위 확정", "scoped"),
    "out_of_scope": ("적용 대상 아님", "out of scope"),
    "assessed": ("중요도 평가 완료", "importance assessed"),
    "provider_evaluated": ("제공자 평가 완료", "provider evaluated"),
    "safeguards_ready": ("안전성 확보조치 완료", "safeguards ready"),
    "committee_approved": ("정보보호위원회 승인", "committee approved"),
    "contracted": ("계약 체결", "contracted"),
    "reported": ("금융감독원 보고", "reported"),
    "in_operation": ("운영 중", "in operation"),
    "exiting": ("이용 종료 진행", "exiting"),
    "exited": ("이용 종료", "exited"),
}
