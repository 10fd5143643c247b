"""The audit log page: every change, newest first, with the chain's state."""

from django.core.paginator import Paginator
from django.shortcuts import render

from fincloud.web.accounts.permissions import require
from fincloud.web.audit.models import AuditEvent
from fincloud.web.audit.trail import verify_chain


@require("view")
def log(request):
    qs = AuditEvent.objects.order_by("-seq")
    if request.GET.get("workload"):
        qs = qs.filter(workload_key=request.GET["workload"])
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    check = verify_chain() if request.GET.get("verify") else None
    return render(request, "audit/log.html", {"page": page, "check": check})
