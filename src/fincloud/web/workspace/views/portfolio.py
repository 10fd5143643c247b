"""Import a portfolio file into the workspace and export the workspace back to the format of
shared/spec/portfolio.md. The file is validated by the CLI's loader (file, line, field errors);
the import is one transaction."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from fincloud.errors import InputError
from fincloud.portfolio.dump import dumps_portfolio
from fincloud.portfolio.loader import loads_portfolio
from fincloud.web.accounts.permissions import require
from fincloud.web.workspace import bridge
from fincloud.web.workspace.forms import PortfolioImportForm
from fincloud.web.workspace.uploads import UploadError, check


@require("edit")
def portfolio_import(request):
    form = PortfolioImportForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        try:
            check(data, "portfolio_import", upload.name)
            portfolio = loads_portfolio(data.decode("utf-8-sig"), upload.name)
            bridge.import_portfolio(portfolio, actor=request.user, institution=request.institution,
                                    replace=form.cleaned_data["replace"])
        except UploadError as exc:
            problems = [str(exc)]
        except InputError as exc:
            problems = [p.render() for p in exc.problems]
        else:
            messages.success(request, _("포트폴리오를 가져왔습니다: 제공자 %(p)d, 업무 %(w)d")
                             % {"p": len(portfolio.providers), "w": len(portfolio.workloads)})
            return redirect("workspace:workloads")
    return render(request, "workspace/portfolio_import.html", {"form": form, "problems": problems})


@require("view")
def portfolio_export(request):
    fmt = "json" if request.GET.get("format") == "json" else "yaml"
    text = dumps_portfolio(bridge.portfolio_from_db(request.institution), fmt=fmt)
    response = HttpResponse(text, content_type="application/json" if fmt == "json" else "application/yaml")
    response["Content-Disposition"] = f'attachment; filename="portfolio.{fmt}"'
    return response
