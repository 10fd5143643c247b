"""Exit forms (guide 제9장): start, migration, destruction certificate, report on a change of provider."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

DATE = forms.DateInput(attrs={"type": "date"})


class StartForm(forms.Form):
    reason = forms.CharField(label=_("종료 사유"), widget=forms.Textarea(attrs={"rows": 3}))
    started_on = forms.DateField(label=_("종료 착수일"), widget=DATE)
    target_provider = forms.ModelChoiceField(label=_("전환할 제공자 (제공자 변경 시)"), queryset=None, required=False)

    def __init__(self, *args, providers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target_provider"].queryset = providers


class MigrationForm(forms.Form):
    migration_log = forms.CharField(label=_("이관 기록"), widget=forms.Textarea(attrs={"rows": 4}))
    migrated_on = forms.DateField(label=_("이관 완료일"), widget=DATE)


class DestructionForm(forms.Form):
    certificate = forms.FileField(label=_("데이터 파기 확인서 (PDF·PNG·JPEG)"))
    destroyed_on = forms.DateField(label=_("데이터 파기일"), widget=DATE)


class ChangeReportForm(forms.Form):
    submitted_on = forms.DateField(label=_("제공자 변경 보고일"), widget=DATE)
    document_number = forms.CharField(label=_("보고 문서번호"), max_length=100)
