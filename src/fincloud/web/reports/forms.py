"""Report forms: a submission of one of the engine's report items, and a §14-2⑥ attachment update."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


def item_value(item: dict) -> str:
    return f"{item['trigger']}|{item.get('event_date') or ''}"


class SubmissionForm(forms.Form):
    item = forms.ChoiceField(label=_("보고 사유(엔진 판단)"))
    submitted_on = forms.DateField(label=_("제출일"), widget=forms.DateInput(attrs={"type": "date"}))
    document_number = forms.CharField(label=_("문서번호"), max_length=100)

    def __init__(self, *args, items: list[dict], trigger_labels: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.items = {item_value(i): i for i in items}
        self.fields["item"].choices = [
            (item_value(i), f"{trigger_labels.get(i['trigger'], i['trigger'])} · {i.get('event_date') or '—'}"
                            f" · {_('기한')} {i.get('due') or '—'}") for i in items]

    def clean_document_number(self):
        value = self.cleaned_data["document_number"].strip()
        if not value:
            raise forms.ValidationError(_("문서번호를 입력하십시오."))
        return value


class AttachmentUpdateForm(forms.Form):
    attachment = forms.ChoiceField(label=_("첨부서류"))
    updated_on = forms.DateField(label=_("갱신일"), widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(label=_("갱신 내용"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, attachments: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachment"].choices = attachments
