"""Contract forms: the upload (with the signing date) and a person's confirmation of one finding."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from fincloud.web.contracts.models import CLAUSE_STATUS


class ContractUploadForm(forms.Form):
    document = forms.FileField(label=_("계약서 파일 (PDF·DOCX·HWPX·TXT)"))
    signed_on = forms.DateField(label=_("계약 체결일"), required=False,
                                widget=forms.DateInput(attrs={"type": "date"}),
                                help_text=_("체결 전 계약서(안)이면 비워 두십시오."))


class SignedOnForm(forms.Form):
    signed_on = forms.DateField(label=_("계약 체결일"), widget=forms.DateInput(attrs={"type": "date"}))


class ConfirmFindingForm(forms.Form):
    status = forms.ChoiceField(label=_("확인 결과"), choices=CLAUSE_STATUS)
    location = forms.CharField(label=_("위치(조·항·호)"), max_length=200, required=False)
    note = forms.CharField(label=_("메모"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
