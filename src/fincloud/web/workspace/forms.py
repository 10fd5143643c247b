"""Forms for the portfolio's facts. Field names follow the portfolio format; validation of the
combined result is the portfolio model's (bridge.validate_workload), so forms add no rule."""

from __future__ import annotations

import datetime as dt

import yaml
from django import forms
from django.utils.translation import gettext_lazy as _

from fincloud.portfolio.loader import HINTS
from fincloud.web.workspace.models import INSTITUTION_KINDS, SERVICE_MODELS

INFORMATION = [("unique_id", _("고유식별정보")), ("personal_credit", _("개인신용정보")),
               ("financial", _("금융거래정보 등")), ("business", _("업무정보")), ("public", _("공개정보"))]
IMPORTANCE_ITEMS = ("external_orgs", "internal_systems", "business_function", "daily_users", "business_impact",
                    "loss", "rto", "customer_impact", "information_type", "provider_dependency",
                    "cloud_configuration", "compliance_requirements", "oversight")
SCOPE_FIELDS = [
    ("own_processing", _("금융회사 자신의 정보처리 업무입니까? (제1장 5)")),
    ("continuous", _("계속적으로 처리합니까? (일회성이 아님)")),
    ("commercial", _("상용 서비스입니까? (광고 기반 무료도 상용)")),
    ("physically_dedicated", _("타 이용자와 물리적으로 분리된 전용 설비로 구축했습니까?")),
    ("member_only_noncommercial", _("지주·금융IT·협회가 소속 구성원 전용으로 운영하는 비상용입니까?")),
    ("simple_web_use", _("홍보 목적의 유튜브·페이스북 등 단순 이용입니까? (별첨 2)")),
    ("via_intermediary", _("MSP·재위탁 등을 통한 간접 이용입니까? (여전히 적용 대상)")),
    ("research_network_only", _("내부망과 분리된 연구망 등에서만 개발·테스트합니까?")),
]


class WorkloadForm(forms.Form):
    key = forms.SlugField(label=_("업무 ID"), max_length=100)
    name = forms.CharField(label=_("업무명"), max_length=200)
    provider = forms.ChoiceField(label=_("제공자"))
    service_model = forms.ChoiceField(label=_("서비스 유형"), choices=SERVICE_MODELS)
    region = forms.CharField(label=_("리전 ID"), max_length=100)
    information = forms.MultipleChoiceField(label=_("처리하는 정보"), choices=INFORMATION,
                                            widget=forms.CheckboxSelectMultiple)
    description = forms.CharField(label=_("설명"), required=False, widget=forms.Textarea)
    signed_on = forms.DateField(label=_("계약 체결일"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    started_on = forms.DateField(label=_("이용 개시일"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    development_or_testing = forms.BooleanField(label=_("개발·테스트 목적 이용"), required=False)
    linked_to_internal_network_on = forms.DateField(label=_("내부망 연계일"), required=False,
                                                    widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, providers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provider"].choices = [(p.key, f"{p.name} ({p.key})") for p in providers]


class ScopeForm(forms.Form):
    intermediary = forms.CharField(label=_("중개자(MSP·재위탁 업체)명"), required=False, max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in SCOPE_FIELDS:
            self.fields[name] = forms.TypedChoiceField(
                label=label, choices=[("true", _("예")), ("false", _("아니오"))],
                coerce=lambda v: v == "true", widget=forms.RadioSelect)
        self.order_fields([n for n, _l in SCOPE_FIELDS] + ["intermediary"])


def parse_item_value(text: str):
    """A 부록1 item value written as in the portfolio format: ``3``, ``high``, ``{ratio: 0.04}``."""
    text = (text or "").strip()
    if text == "":
        return None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        raise forms.ValidationError(_("값을 읽을 수 없습니다: %(v)s") % {"v": text}) from None


def format_item_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {str(v).lower() if isinstance(v, bool) else v}" for k, v in value.items()) + "}"
    return str(value)


class ItemValueField(forms.CharField):
    """A 부록1 item value in the portfolio's syntax; cleaned to the parsed value (or None)."""

    def clean(self, value):
        return parse_item_value(super().clean(value))


class ImportanceForm(forms.Form):
    information = forms.MultipleChoiceField(label=_("처리하는 정보"), choices=INFORMATION,
                                            widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, rubric=None, **kwargs):
        super().__init__(*args, **kwargs)
        for item_id in IMPORTANCE_ITEMS:
            item = rubric.item(item_id) if rubric else None
            self.fields[item_id] = ItemValueField(
                label=item.name if item else item_id, required=False, help_text=HINTS.get(item_id, ""),
                widget=forms.TextInput(attrs={"list": f"dl-{item_id}", "autocomplete": "off"}))

    def importance(self) -> dict:
        data = {}
        for item_id in IMPORTANCE_ITEMS:
            value = self.cleaned_data.get(item_id)
            if value is not None:
                data[item_id] = value
        return data


class EventForm(forms.Form):
    KINDS = ["new_contract", "provider_merger_or_transfer", "subcontract_change", "provider_breach_of_key_terms",
             "evaluation_material_change", "continuity_material_change", "importance_upgrade", "scope_expansion",
             "personal_credit_added", "provider_security_incident", "outage_10min", "infrastructure_rebuild"]
    kind = forms.ChoiceField(label=_("사건"), choices=[(k, k) for k in KINDS])
    date = forms.DateField(label=_("발생일"), widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(label=_("메모"), required=False)
    duration_minutes = forms.IntegerField(label=_("중단 시간(분)"), required=False, min_value=0)


class ExitPlanForm(forms.Form):
    triggers = forms.CharField(label=_("종료 지표·사유 (한 줄에 하나)"), required=False, widget=forms.Textarea)
    method = forms.CharField(label=_("종료 방법"), required=False, widget=forms.Textarea)
    alternative_provider = forms.CharField(label=_("대체 제공자"), required=False)
    destruction_procedure = forms.CharField(label=_("데이터 파기 절차"), required=False, widget=forms.Textarea)
    migration_steps = forms.CharField(label=_("이관 단계 (한 줄에 하나)"), required=False, widget=forms.Textarea)
    timeline = forms.CharField(label=_("소요 기간·일정"), required=False)
    people_and_cost = forms.CharField(label=_("인력·비용"), required=False, widget=forms.Textarea)
    last_reviewed_on = forms.DateField(label=_("최근 검토일"), required=False,
                                       widget=forms.DateInput(attrs={"type": "date"}))


class SafeguardForm(forms.Form):
    status = forms.ChoiceField(choices=[("todo", _("미착수")), ("in_progress", _("진행 중")),
                                        ("done", _("이행 완료")), ("not_applicable", _("해당 없음"))])
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
    evidence = forms.FileField(required=False)


class ProviderForm(forms.Form):
    key = forms.SlugField(label=_("제공자 ID"), max_length=100)
    name = forms.CharField(label=_("제공자명"), max_length=200)
    country = forms.CharField(label=_("본사 국가 (ISO 2자리)"), required=False, max_length=2)
    wireless_in_datacenter = forms.BooleanField(label=_("전산실 내 무선통신망 있음"), required=False)
    regions = forms.CharField(label=_("리전 (한 줄에 'ID 국가', 예: kr-central KR)"), widget=forms.Textarea)
    soundness_notes = forms.CharField(label=_("건전성 검토 의견"), required=False, widget=forms.Textarea)

    def clean_regions(self):
        regions = []
        for n, line in enumerate(self.cleaned_data["regions"].splitlines(), 1):
            parts = line.split()
            if not parts:
                continue
            if len(parts) != 2:
                raise forms.ValidationError(_("%(n)d번째 줄: 'ID 국가' 두 값이 필요합니다.") % {"n": n})
            regions.append({"id": parts[0], "country": parts[1].upper()})
        return regions


class CertificationForm(forms.Form):
    SCHEMES = ["CSAP", "ISMS-P", "FedRAMP-High", "CSA-STAR-Gold", "MTCS-L3", "ISO-27017", "SOC2-Type2", "other"]
    scheme = forms.ChoiceField(label=_("인증"), choices=[(s, s) for s in SCHEMES])
    valid_until = forms.DateField(label=_("유효기간 만료일"), widget=forms.DateInput(attrs={"type": "date"}))
    covers_scope = forms.BooleanField(label=_("이용하는 시설·서비스가 인증 범위에 포함"), required=False)
    name = forms.CharField(label=_("비고"), required=False)


class ProviderEvaluationForm(forms.Form):
    kind = forms.ChoiceField(label=_("평가 종류"), choices=[("comprehensive", _("종합평가")), ("regular", _("정기평가"))])
    completed_on = forms.DateField(label=_("완료일"), widget=forms.DateInput(attrs={"type": "date"}))
    method = forms.ChoiceField(label=_("방법"), choices=[("onsite", _("현장")), ("document", _("서면"))])
    service_models = forms.MultipleChoiceField(label=_("서비스 유형"), choices=SERVICE_MODELS,
                                               widget=forms.CheckboxSelectMultiple)


class RepresentativeEvaluationForm(forms.Form):
    shared_on = forms.DateField(label=_("공유일"), widget=forms.DateInput(attrs={"type": "date"}))
    service_models = forms.MultipleChoiceField(label=_("서비스 유형"), choices=SERVICE_MODELS,
                                               widget=forms.CheckboxSelectMultiple)
    committee_resolution_on = forms.DateField(label=_("활용 의결일"), required=False,
                                              widget=forms.DateInput(attrs={"type": "date"}))


class InstitutionForm(forms.Form):
    name = forms.CharField(label=_("기관명"), max_length=200)
    kind = forms.ChoiceField(label=_("업권"), choices=INSTITUTION_KINDS)


class PortfolioImportForm(forms.Form):
    file = forms.FileField(label=_("포트폴리오 파일 (YAML 또는 JSON)"))
    replace = forms.BooleanField(label=_("파일에 없는 업무 삭제"), required=False)


def iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None
