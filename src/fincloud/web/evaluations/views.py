"""Pages of the provider evaluation (guide 제4장; 별표 2의2): the institution's side (create, send,
export/import across separated networks, verification, deficiencies, close) and the provider
respondent's portal (answer, evidence, submit). Every view states its capability; every object is
looked up through a permission-filtered queryset."""

from __future__ import annotations

from django.contrib import messages
from django.core.mail import send_mail
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fincloud.web.accounts.permissions import (
    can,
    get_or_404,
    providers_for,
    questionnaires_for,
    require,
    role_of,
    workload_or_404,
)
from fincloud.web.evaluations import offline, services
from fincloud.web.evaluations.forms import (
    AnswerForm,
    CreateForm,
    DeficiencyForm,
    EvidenceForm,
    ImportForm,
    VerifyForm,
)
from fincloud.web.evaluations.models import Deficiency, Questionnaire
from fincloud.web.workspace.assessment import as_of_day, catalog_for, lang_of, workload_result
from fincloud.web.workspace.bridge import SpecError
from fincloud.web.workspace.uploads import UploadError


def _questionnaire(request, pk: int) -> Questionnaire:
    return get_or_404(questionnaires_for(request.user).select_related("workload__institution", "provider"), pk=pk)


def _problems(request, exc: services.EvaluationError) -> None:
    for p in exc.problems:
        messages.error(request, p)


@require("view")
def questionnaire_list(request):
    qs = questionnaires_for(request.user).select_related("workload", "provider").order_by("-created_at", "-id")
    filters = {"status": request.GET.get("status", ""), "provider": request.GET.get("provider", "")}
    if filters["status"] in dict(Questionnaire.STATUS):
        qs = qs.filter(status=filters["status"])
    if filters["provider"]:
        qs = qs.filter(provider__key=filters["provider"])
    return render(request, "evaluations/list.html", {
        "questionnaires": qs, "filters": filters, "statuses": Questionnaire.STATUS,
        "providers": providers_for(request.user)})


@require("portal")
def portal(request):
    qs = (questionnaires_for(request.user).exclude(status__in=("draft", "superseded"))
          .select_related("workload", "provider").order_by("-created_at", "-id"))
    return render(request, "evaluations/portal.html", {"questionnaires": qs})


@require("edit")
def questionnaire_create(request, key: str):
    w = workload_or_404(request.user, key)
    plan = services.plan_of(workload_result(w, lang_of(request)))
    if plan is None:
        messages.error(request, _("적용 대상이 아닌 업무에는 제공자 평가가 필요하지 않습니다."))
        return redirect("workspace:workload_evaluation", w.key)
    form = CreateForm(request.POST or None, initial={"kind": plan.kind, "method": plan.methods[plan.kind]})
    if request.method == "POST" and form.is_valid():
        try:
            q = services.create_questionnaire(w, plan, kind=form.cleaned_data["kind"],
                                              method=form.cleaned_data["method"], catalog=catalog_for(w.institution),
                                              actor=request.user)
        except services.EvaluationError as exc:
            for p in exc.problems:
                form.add_error(None, p)
        else:
            messages.success(request, _("질문서 %(qid)s (버전 %(v)d)를 만들었습니다.") % {"qid": q.qid, "v": q.version})
            return redirect("evaluations:detail", q.pk)
    catalog = catalog_for(w.institution)
    open_ones = w.questionnaires.filter(status__in=Questionnaire.OPEN)
    return render(request, "evaluations/create.html", {
        "w": w, "plan": plan, "form": form, "items": [catalog.provider_item(n) for n in plan.items],
        "open_ones": open_ones})


@require("portal")
def questionnaire_detail(request, pk: int):
    q = _questionnaire(request, pk)
    catalog = catalog_for(q.workload.institution)
    provider_view = role_of(request.user) == "provider"
    answers = list(q.answers.prefetch_related("evidence"))
    rows = []
    for a in answers:
        spec = catalog.provider_item(a.item)
        english = lang_of(request) == "en" and spec.question_en
        rows.append({"a": a, "spec": spec, "question": spec.question_en if english else spec.question,
                     "answer_form": AnswerForm(initial={"response": a.response or None, "comment": a.comment},
                                               prefix=f"a{a.pk}"),
                     "verify_form": VerifyForm(initial={"method": a.verification_method or q.method,
                                                        "verdict": a.verdict or None,
                                                        "note": a.verification_note}, prefix=f"v{a.pk}")})
    return render(request, "evaluations/detail.html", {
        "q": q, "rows": rows, "provider_view": provider_view,
        "can_answer": can(request.user, "answer") and q.status == "sent",
        "can_edit": can(request.user, "edit"),
        "can_verify": can(request.user, "verify") and q.status in ("answered", "verifying"),
        "deficiencies": q.deficiencies.select_related("resolution"),
        "unanswered": [a.item for a in answers if not a.response],
        "close_problems": services.close_problems(q) if can(request.user, "verify") else [],
        "evidence_form": EvidenceForm(auto_id=False), "import_form": ImportForm()})


@require("edit")
def questionnaire_send(request, pk: int):
    q = _questionnaire(request, pk)
    people = services.respondents(q.provider)
    if request.method == "POST":
        try:
            services.send(q, actor=request.user)
        except services.EvaluationError as exc:
            _problems(request, exc)
            return redirect("evaluations:send", q.pk)
        link = request.build_absolute_uri(reverse("evaluations:detail", args=[q.pk]))
        emails = [p.user.email for p in people if p.user.email]
        if emails:
            try:
                send_mail(_("[fincloud] 자체점검 질문서 %(qid)s") % {"qid": q.qid},
                          _("%(inst)s에서 %(provider)s에 자체점검 질문서(전자금융감독규정 별표 2의2)를 보냈습니다.\n"
                            "%(link)s") % {"inst": q.workload.institution.name, "provider": q.provider.name,
                                           "link": link},
                          None, emails)
            except Exception as exc:  # the questionnaire is sent; only the notice failed (e.g. SMTP down)
                messages.warning(request, _("질문서를 보냈지만 알림 메일을 보내지 못했습니다 (%(e)s).")
                                 % {"e": type(exc).__name__})
            else:
                messages.success(request, _("질문서를 보내고 응답자 %(n)d명에게 알렸습니다.") % {"n": len(emails)})
        else:
            messages.warning(request, _("질문서를 보냈지만 이 제공자의 응답자가 없습니다. 응답자를 초대하십시오."))
        return redirect("evaluations:detail", q.pk)
    return render(request, "evaluations/send.html", {"q": q, "people": people,
                                                      "can_invite": can(request.user, "manage_users")})


@require("answer")
@require_POST
def answer(request, pk: int, item: str):
    q = _questionnaire(request, pk)
    a = get_or_404(q.answers.all(), item=item)
    form = AnswerForm(request.POST, prefix=f"a{a.pk}")
    if not form.is_valid():
        messages.error(request, _("%(item)s: 이행 여부를 고르십시오.") % {"item": item})
    else:
        try:
            services.answer_item(q, a, response=form.cleaned_data["response"], comment=form.cleaned_data["comment"],
                                 actor=request.user)
            messages.success(request, _("%(item)s 응답을 저장했습니다.") % {"item": item})
        except services.EvaluationError as exc:
            _problems(request, exc)
    return redirect(reverse("evaluations:detail", args=[q.pk]) + f"#item-{item}")


@require("answer")
@require_POST
def evidence(request, pk: int, item: str):
    q = _questionnaire(request, pk)
    a = get_or_404(q.answers.all(), item=item)
    form = EvidenceForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("증적 파일을 고르십시오."))
    else:
        try:
            stored = services.attach_evidence(q, a, form.cleaned_data["file"], actor=request.user)
            messages.success(request, _("%(item)s 증적 %(name)s을(를) 올렸습니다.") % {"item": item,
                                                                                "name": stored.original_name})
        except UploadError as exc:
            messages.error(request, str(exc))
        except services.EvaluationError as exc:
            _problems(request, exc)
    return redirect(reverse("evaluations:detail", args=[q.pk]) + f"#item-{item}")


@require("answer")
@require_POST
def submit(request, pk: int):
    q = _questionnaire(request, pk)
    try:
        services.submit(q, actor=request.user)
        messages.success(request, _("질문서 응답을 제출했습니다."))
    except services.EvaluationError as exc:
        _problems(request, exc)
    return redirect("evaluations:detail", q.pk)


def _download(data: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@require("edit")
def export_xlsx(request, pk: int):
    q = _questionnaire(request, pk)
    try:
        data = offline.export_xlsx(q, lang_of(request))
    except services.EvaluationError as exc:
        _problems(request, exc)
        return redirect("evaluations:detail", q.pk)
    return _download(data, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", f"{q.qid}.xlsx")


@require("edit")
def export_json(request, pk: int):
    q = _questionnaire(request, pk)
    return _download(offline.export_json(q, catalog_for(q.workload.institution)), "application/json",
                     f"{q.qid}.json")


@require("edit")
def import_answers(request, pk: int):
    q = _questionnaire(request, pk)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = offline.import_file(q, upload.name, upload.read(), actor=request.user)
        except services.EvaluationError as exc:
            form.add_error("file", _("가져오기를 거부했습니다. 아무 응답도 바뀌지 않았습니다."))
            for p in exc.problems:
                form.add_error(None, p)
        else:
            messages.success(request, _("응답 %(n)d건을 가져왔습니다.") % {"n": result.updated})
            if result.unanswered:
                messages.warning(request, _("아직 응답하지 않은 항목: %(items)s") % {"items": ", ".join(result.unanswered)})
            return redirect("evaluations:detail", q.pk)
    return render(request, "evaluations/import.html", {"q": q, "form": form})


@require("verify")
@require_POST
def verify(request, pk: int, item: str):
    q = _questionnaire(request, pk)
    a = get_or_404(q.answers.all(), item=item)
    form = VerifyForm(request.POST, prefix=f"v{a.pk}")
    if not form.is_valid():
        messages.error(request, _("%(item)s: 확인 방법과 판정을 고르십시오.") % {"item": item})
    else:
        try:
            created = services.verify_answer(q, a, actor=request.user, **form.cleaned_data)
            messages.success(request, _("%(item)s 확인평가를 기록했습니다.") % {"item": item})
            if created:
                messages.warning(request, _("미흡 사항을 등록했습니다: %(item)s") % {"item": item})
        except services.EvaluationError as exc:
            _problems(request, exc)
    return redirect(reverse("evaluations:detail", args=[q.pk]) + f"#item-{item}")


@require("verify")
def deficiency(request, pk: int):
    d = get_or_404(Deficiency.objects.filter(questionnaire__in=questionnaires_for(request.user))
                   .select_related("questionnaire__workload", "resolution"), pk=pk)
    resolutions = services.approving_resolutions(d.questionnaire.workload)
    form = DeficiencyForm(request.POST or None, resolutions=resolutions)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        status = data.pop("status")
        try:
            services.change_deficiency(d, status, actor=request.user, **data)
        except services.EvaluationError as exc:
            for p in exc.problems:
                form.add_error(None, p)
        else:
            messages.success(request, _("미흡 사항 상태를 '%(s)s'(으)로 바꿨습니다.") % {"s": d.get_status_display()})
            return redirect("evaluations:detail", d.questionnaire_id)
    return render(request, "evaluations/deficiency.html", {
        "d": d, "q": d.questionnaire, "form": form, "resolutions": resolutions,
        "final": d.status in ("closed", "accepted")})


@require("verify")
@require_POST
def close(request, pk: int):
    q = _questionnaire(request, pk)
    try:
        services.close(q, actor=request.user, completed_on=as_of_day())
        messages.success(request, _("평가를 종료하고 제공자의 평가 이력에 기록했습니다."))
    except services.EvaluationError as exc:
        _problems(request, exc)
    except SpecError as exc:
        for p in exc.problems:
            messages.error(request, _("제공자 정보를 저장할 수 없습니다: %(p)s") % {"p": p})
    return redirect("evaluations:detail", q.pk)
