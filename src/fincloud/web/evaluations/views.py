"""TEMPORARY skeleton views (replaced by the evaluations implementation)."""
from django.http import HttpResponse

from fincloud.web.accounts.permissions import require


@require("view")
def questionnaire_list(request):
    return HttpResponse("list")


@require("portal")
def portal(request):
    return HttpResponse("portal")


@require("edit")
def questionnaire_create(request, key):
    return HttpResponse("create")


@require("portal")
def questionnaire_detail(request, pk):
    return HttpResponse("detail")
