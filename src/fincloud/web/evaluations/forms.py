"""Forms of the provider evaluation. They check shape only; the rules are in ``services``."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from fincloud.web.evaluations.models import Answer, Deficiency, Questionnaire


class CreateForm(forms.Form):
    kind = forms.ChoiceField(label=_("평가 종류"), choices=Questionnaire.KIND)
    method = forms.ChoiceField(label=_("확인 방법"), choices=Questionnaire.METHOD)


class AnswerForm(forms.Form):
    response = forms.ChoiceField(label=_("이행 여부"), choices=[("", "—"), *Answer.RESPONSE])
    comment = forms.CharField(label=_("이행 내용"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
                              max_length=5000)


class EvidenceForm(forms.Form):
    file = forms.FileField(label=_("증적 파일"))


class ImportForm(forms.Form):
    file = forms.FileField(label=_("작성된 질문서 파일 (XLSX 또는 JSON)"))


class VerifyForm(forms.Form):
    method = forms.ChoiceField(label=_("확인 방법"), choices=Questionnaire.METHOD)
    verdict = forms.ChoiceField(label=_("판정"), choices=[("", "—"), *Answer.VERDICT])
    note = forms.CharField(label=_("확인 의견"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
                           max_length=5000)
    description = forms.CharField(label=_("미흡 사항 (미흡 판정 시)"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 2}), max_length=5000)


class DeficiencyForm(forms.Form):
    status = forms.ChoiceField(label=_("상태"), choices=[c for c in Deficiency.STATUS if c[0] != "open"])
    remediation_plan = forms.CharField(label=_("조치 계획"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    due_on = forms.DateField(label=_("조치 기한"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    closure_note = forms.CharField(label=_("조치 완료 내용"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    closed_on = forms.DateField(label=_("조치 완료일"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    risk_analysis = forms.CharField(label=_("위험 분석"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    compensating_control = forms.CharField(label=_("보완 통제"), required=False,
                                           widget=forms.Textarea(attrs={"rows": 3}))
    resolution = forms.ModelChoiceField(label=_("정보보호위원회 의결 (승인)"), required=False, queryset=None)

    def __init__(self, *args, resolutions=(), **kwargs):
        from fincloud.web.committee.models import Resolution

        super().__init__(*args, **kwargs)
        self.fields["resolution"].queryset = Resolution.objects.filter(pk__in=[r.pk for r in resolutions])
        self.fields["resolution"].label_from_instance = lambda r: (
            f"{r.resolved_on:%Y-%m-%d} · {r.get_decision_display()}" + (f" · {r.conditions[:60]}" if r.conditions else ""))
