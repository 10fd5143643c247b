"""The provider evaluation as people run it (가이드 제4장 2 가.: 자가점검 → 결과검증 → 확인평가;
감독규정 <별표 2의2>): created from the engine's plan, answered only by the provider's own
respondents, verified, deficiencies remediated or accepted only with a resolution, and closed into
the provider's portfolio entry so the engine's schedule sees it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.db import transaction
from django.urls import reverse

from fincloud.web.evaluations import services
from fincloud.web.evaluations.models import Answer, Deficiency, Questionnaire
from fincloud.web.workspace.assessment import workload_result
from fincloud.web.workspace.models import StoredFile, Workload

from .conftest import profile

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _workload(key: str) -> Workload:
    return Workload.objects.select_related("provider", "institution").get(key=key)


def create(client, key: str, **data) -> Questionnaire:
    w = _workload(key)
    plan = services.plan_of(workload_result(w))
    payload = {"kind": plan.kind, "method": plan.methods[plan.kind], **data}
    response = client.post(reverse("evaluations:create", args=[key]), payload)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Questionnaire.objects.filter(workload=w).order_by("-id").first()


def sent(client, key: str) -> Questionnaire:
    q = create(client, key)
    assert client.post(reverse("evaluations:send", args=[q.pk])).status_code == 302
    q.refresh_from_db()
    assert q.status == "sent"
    return q


def answer_all(client, q: Questionnaire, response: str = "yes") -> None:
    for a in q.answers.all():
        r = client.post(reverse("evaluations:answer", args=[q.pk, a.item]),
                        {f"a{a.pk}-response": response, f"a{a.pk}-comment": f"{a.item} 이행"})
        assert r.status_code == 302


# --- creation from the engine's plan ------------------------------------------------------------------

def test_questionnaire_holds_the_engines_required_items_and_proposed_method(assessor):
    """가이드 제4장 1 가.: 중요업무 → 현장점검 종합평가; 항목 = 엔진의 required_items (별표 2의2)."""
    w = _workload("wl-callbot")
    pe = workload_result(w)["provider_evaluation"]
    page = assessor.get(reverse("evaluations:create", args=[w.key]))
    assert page.status_code == 200
    assert 'value="onsite" selected' in page.content.decode() or 'value="onsite"' in page.content.decode()
    q = create(assessor, w.key)
    assert (q.kind, q.method, q.version, q.status) == ("comprehensive", pe["comprehensive"]["method"], 1, "draft")
    assert q.provider == w.provider
    assert [i["number"] for i in q.items] == pe["required_items"]
    assert sorted(Answer.objects.filter(questionnaire=q).values_list("item", flat=True)) == sorted(pe["required_items"])
    assert q.qid == f"Q-{w.key}-1"


def test_regular_evaluation_proposed_when_comprehensive_is_current(demo):
    """가이드 제4장 2 나.: 종합평가가 유효하고 정기평가가 필요하면 정기평가(서면)."""
    plan = services.plan_of({"provider_evaluation": {
        "required_items": ["1.3.1"], "comprehensive": {"status": "ok", "method": "onsite"},
        "regular": {"required": True, "method": "document", "status": "due"}}})
    assert (plan.kind, plan.methods["regular"]) == ("regular", "document")


def test_onsite_plan_cannot_be_downgraded_to_document(assessor):
    """가이드 제4장 1 가.: 중요업무의 종합평가는 현장점검 — 서면으로 낮출 수 없다."""
    w = _workload("wl-callbot")
    response = assessor.post(reverse("evaluations:create", args=[w.key]), {"kind": "comprehensive",
                                                                           "method": "document"})
    assert response.status_code == 200
    assert "현장" in response.content.decode()
    assert not Questionnaire.objects.filter(workload=w).exists()


def test_new_questionnaire_while_one_is_open_is_the_next_version(assessor):
    q1 = create(assessor, "wl-callbot")
    q2 = create(assessor, "wl-callbot")
    q1.refresh_from_db()
    assert (q2.version, q2.qid, q1.status) == (2, f"{q1.qid}-v2", "superseded")
    assert services.series_of(q2) == q1.qid


def test_out_of_scope_workload_gets_no_questionnaire(assessor):
    response = assessor.post(reverse("evaluations:create", args=["wl-youtube"]), {"kind": "comprehensive",
                                                                                  "method": "onsite"})
    assert response.status_code == 302
    assert not Questionnaire.objects.filter(workload__key="wl-youtube").exists()


def test_auditor_and_committee_cannot_create(auditor, committee_member):
    for client in (auditor, committee_member):
        assert client.post(reverse("evaluations:create", args=["wl-callbot"]),
                           {"kind": "comprehensive", "method": "onsite"}).status_code == 403
    assert not Questionnaire.objects.exists()


def test_list_filters_by_status_and_provider(assessor):
    q = create(assessor, "wl-callbot")
    page = assessor.get(reverse("evaluations:list"), {"status": "draft", "provider": q.provider.key})
    assert q.qid in page.content.decode()
    assert q.qid not in assessor.get(reverse("evaluations:list"), {"status": "closed"}).content.decode()
    assert q.qid not in assessor.get(reverse("evaluations:list"), {"provider": "aws"}).content.decode()


# --- sending and the provider portal ------------------------------------------------------------------

def test_send_notifies_the_providers_respondents(assessor):
    q = create(assessor, "wl-callbot")
    page = assessor.get(reverse("evaluations:send", args=[q.pk]))
    assert "provider@demo.example" in page.content.decode()
    assert reverse("accounts:invite") not in page.content.decode()  # only the admin invites
    assessor.post(reverse("evaluations:send", args=[q.pk]))
    assert [m.to for m in mail.outbox] == [["provider@demo.example"]]
    assert reverse("evaluations:detail", args=[q.pk]) in mail.outbox[0].body


def test_admin_sees_the_invite_link_on_send(admin):
    q = create(admin, "wl-callbot")
    assert reverse("accounts:invite") in admin.get(reverse("evaluations:send", args=[q.pk])).content.decode()


def test_respondent_sees_only_own_providers_sent_questionnaires(assessor, provider_a, provider_b):
    draft = create(assessor, "wl-core-dr")                      # kcloud, still a draft
    mine = sent(assessor, "wl-callbot")                          # kcloud
    theirs = sent(assessor, "wl-hr-msp")                         # aws
    assert profile("provider@demo.example").provider.key == "kcloud"
    portal = provider_a.get(reverse("evaluations:portal")).content.decode()
    assert mine.qid in portal and theirs.qid not in portal and draft.qid not in portal
    assert provider_a.get(reverse("evaluations:detail", args=[mine.pk])).status_code == 200
    assert provider_a.get(reverse("evaluations:detail", args=[theirs.pk])).status_code == 404
    assert provider_a.get(reverse("evaluations:detail", args=[draft.pk])).status_code == 404
    assert provider_b.get(reverse("evaluations:detail", args=[mine.pk])).status_code == 404


def test_respondent_cannot_answer_or_upload_to_another_providers_questionnaire(assessor, provider_b):
    q = sent(assessor, "wl-callbot")                              # kcloud; provider_b answers for aws
    a = q.answers.first()
    r = provider_b.post(reverse("evaluations:answer", args=[q.pk, a.item]), {f"a{a.pk}-response": "yes"})
    assert r.status_code == 404
    r = provider_b.post(reverse("evaluations:evidence", args=[q.pk, a.item]), {"file": _png()})
    assert r.status_code == 404
    assert provider_b.post(reverse("evaluations:submit", args=[q.pk])).status_code == 404
    a.refresh_from_db()
    assert a.response == "" and not StoredFile.objects.filter(purpose="answer_evidence").exists()


def test_respondent_reaches_no_internal_page(assessor, provider_a):
    q = sent(assessor, "wl-callbot")
    d = Deficiency.objects.create(questionnaire=q, item=q.items[0]["number"], description="x")
    for url in (reverse("evaluations:list"), reverse("evaluations:create", args=["wl-callbot"]),
                reverse("evaluations:send", args=[q.pk]), reverse("evaluations:export_xlsx", args=[q.pk]),
                reverse("evaluations:export_json", args=[q.pk]), reverse("evaluations:import", args=[q.pk]),
                reverse("evaluations:deficiency", args=[d.pk]), reverse("workspace:dashboard"),
                reverse("workspace:workload_evaluation", args=["wl-callbot"])):
        assert provider_a.get(url).status_code == 403, url
    for url in (reverse("evaluations:verify", args=[q.pk, d.item]), reverse("evaluations:close", args=[q.pk])):
        assert provider_a.post(url).status_code == 403, url


def _png():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("evidence.png", PNG, content_type="image/png")


def test_respondent_answers_uploads_evidence_and_submits(assessor, provider_a):
    q = sent(assessor, "wl-callbot")
    a = q.answers.first()
    r = provider_a.post(reverse("evaluations:evidence", args=[q.pk, a.item]), {"file": _png()})
    assert r.status_code == 302
    stored = a.evidence.get()
    assert (stored.purpose, stored.provider, stored.workload) == ("answer_evidence", q.provider, q.workload)
    assert provider_a.get(reverse("workspace:file", args=[stored.pk])).status_code == 200
    answer_all(provider_a, q)
    assert provider_a.post(reverse("evaluations:submit", args=[q.pk])).status_code == 302
    q.refresh_from_db()
    assert q.status == "answered" and q.answered_at is not None
    page = assessor.get(reverse("evaluations:detail", args=[q.pk])).content.decode()
    assert reverse("workspace:file", args=[stored.pk]) in page


def test_evidence_type_is_sniffed_from_content(assessor, provider_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    q = sent(assessor, "wl-callbot")
    a = q.answers.first()
    bad = SimpleUploadedFile("evidence.pdf", b"MZ\x90\x00\x03\x00\x00\x00" * 10)
    r = provider_a.post(reverse("evaluations:evidence", args=[q.pk, a.item]), {"file": bad}, follow=True)
    assert "허용되지 않는" in r.content.decode()
    assert not a.evidence.exists()


def test_submit_refuses_unanswered_items_and_names_them(assessor, provider_a):
    """가이드 제4장 2 가.: 자가점검은 필수 항목 전부에 응답해야 한다."""
    q = sent(assessor, "wl-callbot")
    first, *rest = list(q.answers.all())
    provider_a.post(reverse("evaluations:answer", args=[q.pk, first.item]), {f"a{first.pk}-response": "yes"})
    page = provider_a.post(reverse("evaluations:submit", args=[q.pk]), follow=True).content.decode()
    q.refresh_from_db()
    assert q.status == "sent"
    assert all(a.item in page for a in rest)
    assert "응답하지 않은 항목" in page


def test_answers_only_while_sent(assessor, provider_a):
    q = sent(assessor, "wl-callbot")
    answer_all(provider_a, q)
    provider_a.post(reverse("evaluations:submit", args=[q.pk]))
    a = q.answers.first()
    provider_a.post(reverse("evaluations:answer", args=[q.pk, a.item]), {f"a{a.pk}-response": "no"})
    a.refresh_from_db()
    assert a.response == "yes"


def test_internal_staff_cannot_answer_for_the_provider(assessor, admin):
    q = sent(assessor, "wl-callbot")
    a = q.answers.first()
    for client in (assessor, admin):
        assert client.post(reverse("evaluations:answer", args=[q.pk, a.item]),
                           {f"a{a.pk}-response": "yes"}).status_code == 403


# --- 확인평가, deficiencies, acceptance -----------------------------------------------------------------

def answered(assessor, provider_a, key="wl-callbot") -> Questionnaire:
    q = sent(assessor, key)
    answer_all(provider_a, q)
    provider_a.post(reverse("evaluations:submit", args=[q.pk]))
    q.refresh_from_db()
    return q


def verify(client, q, item, verdict="conforms", description=""):
    a = q.answers.get(item=item)
    return client.post(reverse("evaluations:verify", args=[q.pk, item]),
                       {f"v{a.pk}-method": q.method, f"v{a.pk}-verdict": verdict, f"v{a.pk}-note": "확인함",
                        f"v{a.pk}-description": description})


def test_deficient_verdict_opens_a_deficiency(assessor, provider_a):
    q = answered(assessor, provider_a)
    item = q.items[0]["number"]
    verify(assessor, q, item, "deficient", "로그 보존기간 미달")
    q.refresh_from_db()
    d = q.deficiencies.get()
    assert (q.status, d.item, d.status, d.description) == ("verifying", item, "open", "로그 보존기간 미달")


def test_deficient_verdict_needs_a_description(assessor, provider_a):
    q = answered(assessor, provider_a)
    item = q.items[0]["number"]
    verify(assessor, q, item, "deficient", "")
    assert not q.deficiencies.exists()
    assert q.answers.get(item=item).verdict == ""


def test_auditor_cannot_verify(assessor, provider_a, auditor):
    q = answered(assessor, provider_a)
    assert verify(auditor, q, q.items[0]["number"]).status_code == 403


def _resolution(workload, decision="approved"):
    from fincloud.web.committee.models import AgendaItem, Meeting, Resolution

    meeting = Meeting.objects.create(institution=workload.institution, title="제1차 정보보호위원회",
                                     held_on=dt.date(2026, 11, 20), status="held")
    item = AgendaItem.objects.create(meeting=meeting, workload=workload)
    return Resolution.objects.create(agenda_item=item, workload=workload, decision=decision,
                                     resolved_on=dt.date(2026, 11, 20))


@pytest.fixture
def deficiency(assessor, provider_a) -> Deficiency:
    q = answered(assessor, provider_a)
    verify(assessor, q, q.items[0]["number"], "deficient", "취약점 점검 주기 미준수")
    return q.deficiencies.get()


FULL = {"risk_analysis": "영향 낮음", "compensating_control": "월 1회 수동 점검"}


def test_acceptance_needs_a_risk_analysis(deficiency):
    """가이드 제4장 확인평가: 위험 수용 = 위험 분석 + 보완 통제 + 위원회 의결."""
    r = _resolution(deficiency.questionnaire.workload)
    problems = services.deficiency_problems(deficiency, "accepted", **{**FULL, "risk_analysis": ""}, resolution=r)
    assert problems == ["위험 수용에는 위험 분석이 필요합니다."]


def test_acceptance_needs_a_compensating_control(deficiency):
    r = _resolution(deficiency.questionnaire.workload)
    problems = services.deficiency_problems(deficiency, "accepted", **{**FULL, "compensating_control": " "},
                                            resolution=r)
    assert problems == ["위험 수용에는 보완 통제가 필요합니다."]


def test_acceptance_needs_a_committee_resolution(deficiency):
    assert services.deficiency_problems(deficiency, "accepted", **FULL, resolution=None) == [
        "위험 수용에는 정보보호위원회 의결이 필요합니다."]


def test_acceptance_needs_a_resolution_on_the_same_workload(deficiency):
    other = _resolution(_workload("wl-core-dr"))
    problems = services.deficiency_problems(deficiency, "accepted", **FULL, resolution=other)
    assert len(problems) == 1 and "이 업무" in problems[0]


def test_acceptance_needs_a_resolution_that_approves(deficiency):
    rejected = _resolution(deficiency.questionnaire.workload, decision="rejected")
    problems = services.deficiency_problems(deficiency, "accepted", **FULL, resolution=rejected)
    assert len(problems) == 1 and "승인 의결이 아닙니다" in problems[0]


def test_acceptance_with_all_three_through_the_page(assessor, deficiency):
    r = _resolution(deficiency.questionnaire.workload, decision="conditional")
    url = reverse("evaluations:deficiency", args=[deficiency.pk])
    # Without a resolution the page refuses and changes nothing.
    page = assessor.post(url, {"status": "accepted", **FULL}).content.decode()
    assert "정보보호위원회 의결이 필요합니다" in page
    deficiency.refresh_from_db()
    assert deficiency.status == "open"
    assert assessor.post(url, {"status": "accepted", **FULL, "resolution": r.pk}).status_code == 302
    deficiency.refresh_from_db()
    assert (deficiency.status, deficiency.resolution) == ("accepted", r)


def test_remediation_then_closure_needs_plan_due_date_note_and_date(assessor, deficiency):
    assert services.deficiency_problems(deficiency, "remediating") == ["조치 계획이 필요합니다.", "조치 기한이 필요합니다."]
    with transaction.atomic():
        services.change_deficiency(deficiency, "remediating", actor="test", remediation_plan="주기 단축",
                                   due_on=dt.date(2026, 12, 31))
    assert services.deficiency_problems(deficiency, "closed") == ["조치 완료 내용(종결 의견)이 필요합니다.",
                                                                  "조치 완료일이 필요합니다."]
    url = reverse("evaluations:deficiency", args=[deficiency.pk])
    assert assessor.post(url, {"status": "closed", "closure_note": "재점검 완료",
                               "closed_on": "2026-11-24"}).status_code == 302
    deficiency.refresh_from_db()
    assert (deficiency.status, deficiency.closed_on) == ("closed", dt.date(2026, 11, 24))
    # closed is final
    assert services.deficiency_problems(deficiency, "remediating", remediation_plan="x", due_on=dt.date.today())


# --- closing -----------------------------------------------------------------------------------------

def test_close_refused_until_every_answer_is_verified_and_no_deficiency_is_open(assessor, deficiency):
    q = deficiency.questionnaire
    assessor.post(reverse("evaluations:close", args=[q.pk]))
    q.refresh_from_db()
    assert q.status == "verifying"
    problems = services.close_problems(q)
    assert any("확인평가하지 않은 항목" in p for p in problems)
    assert any(deficiency.item in p and "미흡" in p for p in problems)


def test_close_records_the_evaluation_and_the_engine_schedule_follows(assessor, provider_a):
    """가이드 제4장 2 가.: 종합평가 완료 → 엔진의 종합평가 상태가 '이용 전 필요'에서 주기 관리로 바뀐다."""
    w = _workload("wl-callbot")
    assert workload_result(w)["provider_evaluation"]["comprehensive"]["status"] == "required_before_use"
    q = answered(assessor, provider_a)
    first = q.items[0]["number"]
    verify(assessor, q, first, "deficient", "접근통제 미흡")
    for item in q.items[1:]:
        verify(assessor, q, item["number"])
    d = q.deficiencies.get()
    assessor.post(reverse("evaluations:deficiency", args=[d.pk]),
                  {"status": "accepted", **FULL, "resolution": _resolution(w).pk})
    assert assessor.post(reverse("evaluations:close", args=[q.pk])).status_code == 302
    q.refresh_from_db()
    assert (q.status, q.completed_on) == ("closed", dt.date(2026, 11, 24))
    w.provider.refresh_from_db()
    recorded = w.provider.spec["evaluations"][-1]
    assert recorded == {"kind": "comprehensive", "completed_on": "2026-11-24", "method": "onsite",
                        "service_models": ["SaaS"], "deficiencies_accepted_by_resolution": True}
    comp = workload_result(_workload("wl-callbot"))["provider_evaluation"]["comprehensive"]
    assert comp["status"] == "ok" and comp["last_completed"] == "2026-11-24"
    assert services.evaluation_state(w).closed
    from fincloud.web.audit.models import AuditEvent
    from fincloud.web.audit.trail import verify_chain

    actions = set(AuditEvent.objects.filter(workload_key=w.key).values_list("action", flat=True))
    assert {"questionnaire.create", "questionnaire.send", "answer.update", "questionnaire.submit", "answer.verify",
            "deficiency.create", "deficiency.accepted", "questionnaire.close"} <= actions
    assert AuditEvent.objects.filter(action="provider.evaluation_completed").exists()
    assert verify_chain().ok


# --- every page, every role ----------------------------------------------------------------------------

PAGE_ROLES = {
    # url name: roles served (200); every other signed-in role gets 403 (404 for another provider's object)
    "list": {"admin", "assessor", "committee_member", "chair", "compliance", "auditor"},
    # committee members and the compliance officer read evaluation results before they decide (제6장)
    "portal": {"admin", "assessor", "committee_member", "chair", "compliance", "auditor", "provider_a", "provider_b"},
    "detail": {"admin", "assessor", "committee_member", "chair", "compliance", "auditor", "provider_a"},
    "create": {"admin", "assessor"},
    "send": {"admin", "assessor"},
    "import": {"admin", "assessor"},
    "deficiency": {"admin", "assessor"},
}
ROLES = ("admin", "assessor", "committee_member", "chair", "compliance", "auditor", "provider_a", "provider_b")


def test_every_evaluation_page_renders_for_exactly_its_roles(request, assessor, provider_a):
    q = answered(assessor, provider_a)
    verify(assessor, q, q.items[0]["number"], "deficient", "미흡")
    d = q.deficiencies.get()
    urls = {"list": reverse("evaluations:list"), "portal": reverse("evaluations:portal"),
            "detail": reverse("evaluations:detail", args=[q.pk]),
            "create": reverse("evaluations:create", args=["wl-core-dr"]),
            "send": reverse("evaluations:send", args=[q.pk]), "import": reverse("evaluations:import", args=[q.pk]),
            "deficiency": reverse("evaluations:deficiency", args=[d.pk])}
    for role in ROLES:
        client = request.getfixturevalue(role)
        for name, url in urls.items():
            status = client.get(url).status_code
            if role in PAGE_ROLES[name]:
                assert status == 200, (role, name, status)
            else:
                assert status in (403, 404), (role, name, status)
    provider_page = provider_a.get(urls["detail"]).content.decode()
    assert "미흡" in provider_page and "확인함" not in provider_page   # no internal verification notes
    anonymous = request.getfixturevalue("anonymous")
    assert anonymous.get(urls["detail"])["Location"].startswith("/accounts/login/")
