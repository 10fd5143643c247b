from django import forms
from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _

from fincloud.web.accounts.models import Role


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("이메일"))
    name = forms.CharField(label=_("이름"), max_length=150)
    role = forms.ChoiceField(label=_("역할"), choices=Role.choices)
    provider = forms.ModelChoiceField(label=_("제공자 (제공자 응답자만)"), queryset=None, required=False)

    def __init__(self, *args, providers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provider"].queryset = providers

    def clean(self):
        data = super().clean()
        if data.get("role") == Role.PROVIDER and not data.get("provider"):
            self.add_error("provider", _("제공자 응답자는 소속 제공자를 지정해야 합니다."))
        if data.get("role") != Role.PROVIDER and data.get("provider"):
            self.add_error("provider", _("제공자는 제공자 응답자에게만 지정합니다."))
        if data.get("email") and User.objects.filter(username__iexact=data["email"]).exists():
            self.add_error("email", _("이미 등록된 사용자입니다."))
        return data


class TokenForm(forms.Form):
    name = forms.CharField(label=_("토큰 이름"), max_length=100)
