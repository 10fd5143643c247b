"""Read-only admin of the evaluations app (see fincloud.web.readonly_admin)."""

from fincloud.web.evaluations.models import Answer, Deficiency, Questionnaire
from fincloud.web.readonly_admin import register

register(Questionnaire, Answer, Deficiency)
