"""TEMPORARY skeleton views (replaced by the app's implementation)."""
from django.http import HttpResponse

from fincloud.web.accounts.permissions import require


@require("view")
def workload_page(request, key):
    return HttpResponse("workload")


@require("view")
def meetings(request):
    return HttpResponse("meetings")
