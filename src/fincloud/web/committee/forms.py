"""Forms of the 정보보호위원회 pages (guide 제6장)."""

from __future__ import annotations

from django import forms
from django.contrib.auth.models import User
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from fincloud.web.accounts.models import Role
from fincloud.web.committee.models import AgendaItem, ComplianceOpinion, Meeting, Member, Resolution, Vote

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["title", "held_on", "location", "status"]
        labels = {"status": _l("상태")}
        widgets = {"held_on": DATE}


class MinutesForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["minutes"]
        widgets = {"minutes": forms.Textarea(attrs={"rows": 10})}


class MemberForm(forms.ModelForm):
    """A seat on the committee; the linked account (a 정보보호위원 user of the same institution)
    is the only one who may cast this member's vote."""

    class Meta:
        model = Member
        fields = ["name", "position", "is_chair", "user", "active"]
        labels = {"user": _l("연결된 사용자 계정"), "active": _l("재직(재적위원)")}

    def __init__(self, *args, institution, **kwargs):
        super().__init__(*args, **kwargs)
        self.institution = institution
        self.fields["user"].queryset = User.objects.filter(
            profile__institution=institution, profile__role=Role.COMMITTEE).order_by("username")
        self.fields["user"].required = False

    def clean_user(self):
        user = self.cleaned_data.get("user")
        if user is not None:
            taken = Member.objects.filter(institution=self.institution, user=user)
            if self.instance.pk:
                taken = taken.exclude(pk=self.instance.pk)
            if taken.exists():
                raise forms.ValidationError(_("이 계정은 이미 다른 위원에 연결되어 있습니다."))
        return user


class AgendaAddForm(forms.Form):
    meeting = forms.TypedChoiceField(label=_l("회의"), coerce=int)
    workload = forms.ChoiceField(label=_l("업무"))
    subject = forms.ChoiceField(label=_l("안건 유형"), choices=AgendaItem.SUBJECTS, initial="use",
                                required=False)

    def clean_subject(self):
        return self.cleaned_data.get("subject") or "use"

    def __init__(self, *args, meetings, workloads, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].choices = [(m.pk, f"{m.held_on} {m.title}") for m in meetings]
        self.fields["workload"].choices = [(w.key, f"{w.name} ({w.key})") for w in workloads]


class VoteForm(forms.Form):
    choice = forms.ChoiceField(label=_l("표결"), choices=Vote.CHOICES)


class RecordVoteForm(forms.Form):
    """The secretary records the vote of a member who has no account."""

    member = forms.ModelChoiceField(label=_l("위원"), queryset=Member.objects.none())
    choice = forms.ChoiceField(label=_l("표결"), choices=Vote.CHOICES)

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = members


class ResolutionForm(forms.Form):
    decision = forms.ChoiceField(label=_l("의결"), choices=Resolution.DECISION)
    conditions = forms.CharField(label=_l("조건"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    resolved_on = forms.DateField(label=_l("의결일"), widget=DATE)

    def clean(self):
        data = super().clean()
        if data.get("decision") == "conditional" and not (data.get("conditions") or "").strip():
            self.add_error("conditions", _("조건부 승인에는 조건을 적어야 합니다."))
        return data


class ComplianceOpinionForm(forms.ModelForm):
    class Meta:
        model = ComplianceOpinion
        fields = ["conclusion", "opinion", "given_on"]
        labels = {"conclusion": _l("결론"), "given_on": _l("검토일")}
        widgets = {"given_on": DATE, "opinion": forms.Textarea(attrs={"rows": 4})}

    def clean_opinion(self):
        text = (self.cleaned_data.get("opinion") or "").strip()
        if not text:
            raise forms.ValidationError(_("검토의견을 적어야 합니다."))
        return text


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_l("첨부 파일"))
