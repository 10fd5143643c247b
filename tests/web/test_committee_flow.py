"""정보보호위원회 flow (guide 제6장): agenda compiled from the engine, quorum, majority, the
approval gate, conditions, and the latest resolution deciding whether a workload is approved."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from fincloud.web.audit.models import AuditEvent
from fincloud.web.committee import rules, services
from fincloud.web.committee.models import AgendaItem, Meeting, Member, Resolution, Vote
from fincloud.web.workspace.assessment import workload_result
from fincloud.web.workspace.models import Workload
from fincloud.web.workspace.workflow import contract_gate

# --- steps shared by the committee tests (imported by test_committee_permissions/minutes) ---

READY = "wl-ai-credit"      # in scope, no blockers: approvable once scope and importance are confirmed
BLOCKED = "wl-crm"          # personal credit information processed abroad (감독규정 제14조의2제8항)


def confirm(key: str) -> Workload:
    """People confirmed the scope and importance decisions (workflow state read by approval_gate)."""
    Workload.objects.filter(key=key).update(scope_confirmed_at=timezone.now(), importance_confirmed_at=timezone.now())
    return Workload.objects.get(key=key)


def new_meeting(client, title="제1차 정보보호위원회", held_on="2026-11-20") -> Meeting:
    response = client.post(reverse("committee:meeting_new"),
                           {"title": title, "held_on": held_on, "location": "본점 회의실", "status": "held"})
    assert response.status_code == 302, response.content.decode()[:500]
    return Meeting.objects.get(title=title)


def add_item(client, meeting: Meeting, key: str) -> AgendaItem:
    response = client.post(reverse("committee:agenda_add"), {"meeting": meeting.pk, "workload": key})
    assert response.status_code == 302
    return AgendaItem.objects.get(meeting=meeting, workload__key=key)


def attend(client, meeting: Meeting, names: list[str]):
    ids = list(Member.objects.filter(name__in=names).values_list("id", flat=True))
    assert len(ids) == len(names)
    return client.post(reverse("committee:attendance", args=[meeting.pk]), {"present": ids})


def record(client, item: AgendaItem, name: str, choice: str):
    member = Member.objects.get(name=name)
    return client.post(reverse("committee:vote_record", args=[item.pk]), {"member": member.pk, "choice": choice})


def vote(client, item: AgendaItem, choice: str):
    return client.post(reverse("committee:vote", args=[item.pk]), {"choice": choice})


def resolve(client, item: AgendaItem, decision: str, conditions: str = "", resolved_on: str = "2026-11-20"):
    return client.post(reverse("committee:resolve", args=[item.pk]),
                       {"decision": decision, "conditions": conditions, "resolved_on": resolved_on}, follow=True)


ALL = ["박위원", "최위원장", "윤정보", "서리스크"]


def test_quorum_is_a_majority_of_active_members_because_the_guide_sets_none():
    # committee.yaml not_in_guide: "심의･의결 정족수 등 의결 요건" → 재적위원 과반수 출석
    assert not rules.quorum_met(4, 2)
    assert rules.quorum_met(4, 3)
    assert rules.quorum_met(5, 3)
    assert not rules.quorum_met(0, 0)


def test_majority_is_more_than_half_of_those_present_abstentions_count_as_present():
    assert rules.majority_approves(3, 2)
    assert not rules.majority_approves(4, 2)      # 2 of 4 is not a majority
    assert not rules.majority_approves(3, 1)      # 1 for, 2 abstain
    assert not rules.majority_approves(0, 0)


def test_catalog_basis_quotes_the_catalog_gap(demo):
    from fincloud.web.workspace.assessment import catalog_for

    text = rules.catalog_basis(catalog_for(demo))
    assert "정족수" in text and "not_in_guide" in text


def test_agenda_item_summary_is_compiled_from_the_engine_result(admin):
    meeting = new_meeting(admin)
    item = add_item(admin, meeting, BLOCKED)
    r = workload_result(Workload.objects.get(key=BLOCKED), "ko")
    s = item.summary
    assert s["importance"]["score"] == r["importance"]["score"]
    assert s["importance"]["threshold"] == r["importance"]["threshold"]
    assert s["importance"]["critical"] == r["importance"]["critical"]
    assert s["blockers"] == r["blockers"] and s["blockers"]
    assert s["contract_clauses_required"] == len(r["contract_clauses"]["required"])
    assert s["safeguards_required"] == len(r["continuity_and_safeguards"]["required"])
    assert s["report"]["due"] == r["report"]["due"]
    assert s["provider_evaluation"]["comprehensive"]["status"] == r["provider_evaluation"]["comprehensive"]["status"]
    assert not s["gate"]["open"] and any("차단 사유" in g for g in s["gate"]["reasons"])
    page = admin.get(reverse("committee:meeting", args=[meeting.pk]))
    assert page.status_code == 200
    assert escape(r["blockers"][0]) in page.content.decode()


def test_refresh_recompiles_the_summary_from_the_current_result(admin):
    meeting = new_meeting(admin)
    item = add_item(admin, meeting, READY)
    assert not item.summary["gate"]["open"]          # scope and importance not yet confirmed
    confirm(READY)
    admin.post(reverse("committee:agenda_refresh", args=[item.pk]))
    item.refresh_from_db()
    assert item.summary["gate"]["open"]


def test_only_in_scope_workloads_go_on_the_agenda(admin):
    meeting = new_meeting(admin)
    admin.post(reverse("committee:agenda_add"), {"meeting": meeting.pk, "workload": "wl-youtube"})
    assert not meeting.agenda.exists()


def test_without_quorum_nothing_can_be_resolved(admin):
    confirm(READY)
    meeting = new_meeting(admin)
    item = add_item(admin, meeting, READY)
    attend(admin, meeting, ["윤정보", "서리스크"])          # 2 of 4: no quorum
    record(admin, item, "윤정보", "approve")
    record(admin, item, "서리스크", "approve")
    page = resolve(admin, item, "approved")
    assert not Resolution.objects.exists()
    assert "의사정족수 미달" in page.content.decode()
    resolve(admin, item, "rejected")
    assert not Resolution.objects.exists()


def test_approval_needs_a_majority_of_members_present(admin, committee_member, chair):
    confirm(READY)
    meeting = new_meeting(admin)
    item = add_item(admin, meeting, READY)
    attend(admin, meeting, ALL)                          # 4 present: 3 needed to carry
    record(admin, item, "윤정보", "approve")
    vote(committee_member, item, "approve")
    vote(chair, item, "abstain")
    record(admin, item, "서리스크", "reject")
    page = resolve(chair, item, "approved")
    assert not Resolution.objects.exists()
    assert "의결정족수 미달" in page.content.decode()
    vote(chair, item, "approve")                          # the chair changes their vote: 3 of 4
    resolve(chair, item, "approved")
    res = Resolution.objects.get()
    assert (res.decision, res.approvals, res.rejections, res.abstentions) == ("approved", 3, 1, 0)
    assert (res.members_total, res.members_present) == (4, 4)
    assert services.approving_resolution(item.workload) == res
    assert contract_gate(item.workload).open
    assert AuditEvent.objects.filter(action="committee.resolve", workload_key=READY).exists()


def test_a_carried_vote_cannot_be_recorded_as_rejected(admin):
    confirm(READY)
    meeting = new_meeting(admin)
    item = add_item(admin, meeting, READY)
    attend(admin, meeting, ["윤정보", "서리스크", "박위원"])
    record(admin, item, "윤정보", "approve")
    record(admin, item, "서리스크", "approve")
    resolve(admin, item, "rejected")
    assert not Resolution.objects.exists()


def test_a_blocked_workload_cannot_be_approved_and_the_reasons_are_shown(admin):
    # wl-crm: personal credit information processed abroad (감독규정 제14조의2제8항) → approval_gate closed
    confirm(BLOCKED)
    meeting = new_meeting(admin)
    item = add_item(admin, meeting, BLOCKED)
    attend(admin, meeting, ["윤정보", "서리스크", "박위원"])
    record(admin, item, "윤정보", "approve")
    record(admin, item, "서리스크", "approve")
    for decision in ("approved", "conditional"):
        page = resolve(admin, item, decision, conditions="국내 리전 이전")
        assert "개인신용정보" in page.content.decode()
    assert not Resolution.objects.exists()
    assert services.approving_resolution(item.workload) is None


def test_conditional_approval_needs_conditions(admin):
    confirm(READY)
    meeting = new_meeting(admin)
    item = add_item(admin, meeting, READY)
    attend(admin, meeting, ["윤정보", "서리스크", "박위원"])
    record(admin, item, "윤정보", "approve")
    record(admin, item, "서리스크", "approve")
    page = resolve(admin, item, "conditional", conditions="   ")
    assert not Resolution.objects.exists()
    assert "조건부 승인에는 조건을" in page.content.decode()
    resolve(admin, item, "conditional", conditions="종합평가(현장) 2026-12-31까지 완료")
    res = Resolution.objects.get()
    assert res.decision == "conditional" and res.approves and "현장" in res.conditions


def test_a_later_rejection_withdraws_the_approval(admin):
    confirm(READY)
    first = new_meeting(admin, "제1차", "2026-11-10")
    item = add_item(admin, first, READY)
    attend(admin, first, ["윤정보", "서리스크", "박위원"])
    record(admin, item, "윤정보", "approve")
    record(admin, item, "서리스크", "approve")
    resolve(admin, item, "approved", resolved_on="2026-11-10")
    w = Workload.objects.get(key=READY)
    assert services.approving_resolution(w) is not None
    second = new_meeting(admin, "제2차", "2026-11-20")
    item2 = add_item(admin, second, READY)
    attend(admin, second, ["윤정보", "서리스크", "박위원"])
    record(admin, item2, "윤정보", "reject")
    record(admin, item2, "서리스크", "reject")
    resolve(admin, item2, "rejected", resolved_on="2026-11-20")
    assert services.latest_resolution(w).decision == "rejected"
    assert services.approving_resolution(w) is None
    assert not contract_gate(w).open


def test_votes_are_locked_once_resolved_and_absent_members_cannot_vote(admin, committee_member):
    confirm(READY)
    meeting = new_meeting(admin)
    item = add_item(admin, meeting, READY)
    attend(admin, meeting, ["윤정보", "서리스크", "최위원장"])   # 박위원 absent
    vote(committee_member, item, "approve")
    assert not Vote.objects.filter(member__name="박위원").exists()
    record(admin, item, "윤정보", "reject")
    record(admin, item, "서리스크", "reject")
    resolve(admin, item, "rejected")
    record(admin, item, "윤정보", "approve")
    assert Vote.objects.get(member__name="윤정보").choice == "reject"


def test_compliance_opinion_is_recorded_and_shown_on_the_tab_and_agenda(admin, compliance):
    meeting = new_meeting(admin)
    add_item(admin, meeting, READY)
    response = compliance.post(reverse("committee:compliance", args=[READY]), {
        "conclusion": "with_conditions", "opinion": "위탁규정 제7조제1항 검토 결과 계약서 보완 필요", "given_on": "2026-11-18"})
    assert response.status_code == 302
    opinion = services.latest_compliance_opinion(Workload.objects.get(key=READY))
    assert opinion.conclusion == "with_conditions" and opinion.officer.username == "compliance@demo.example"
    assert "계약서 보완 필요" in compliance.get(reverse("committee:workload", args=[READY])).content.decode()
    assert "계약서 보완 필요" in admin.get(reverse("committee:meeting", args=[meeting.pk])).content.decode()
    compliance.post(reverse("committee:compliance", args=[READY]), {"conclusion": "no_objection", "opinion": " ",
                                                                  "given_on": "2026-11-19"})
    assert services.latest_compliance_opinion(Workload.objects.get(key=READY)) == opinion


def test_workload_tab_shows_the_gate_reasons_and_resolutions(admin):
    page = admin.get(reverse("committee:workload", args=[BLOCKED])).content.decode()
    assert "개인신용정보" in page and "승인할 수 없는 사유" in page
    meeting = new_meeting(admin)
    page = admin.get(reverse("committee:workload", args=[BLOCKED])).content.decode()
    assert f'value="{meeting.pk}"' in page


def test_deficiencies_can_be_accepted_by_resolution_without_approving_the_use(admin):
    # 제4장 2 가. 확인평가: open deficiencies may be accepted with a risk analysis, a compensating control
    # and a committee resolution — a resolution of its own, which does not approve the use (제6장).
    from fincloud.web.evaluations.services import approving_resolutions

    meeting = new_meeting(admin)
    admin.post(reverse("committee:agenda_add"),
               {"meeting": meeting.pk, "workload": BLOCKED, "subject": "accept_deficiencies"})
    item = meeting.agenda.get(subject="accept_deficiencies")
    assert item.summary["deficiencies"]["engine"] and "리스크 분석" in item.summary["basis"]["conditions"][0]
    attend(admin, meeting, ["윤정보", "서리스크", "박위원"])
    record(admin, item, "윤정보", "approve")
    record(admin, item, "서리스크", "approve")
    resolve(admin, item, "conditional", conditions="미흡사항 3건 대체 통제 적용, 2027-03-31까지 조치")
    res = Resolution.objects.get()
    w = Workload.objects.get(key=BLOCKED)
    assert res.approves and res in approving_resolutions(w)
    assert services.approving_resolution(w) is None and services.latest_resolution(w) is None
    assert not contract_gate(w).open


def test_a_workload_without_open_deficiencies_has_nothing_to_accept(admin):
    meeting = new_meeting(admin)
    admin.post(reverse("committee:agenda_add"),
               {"meeting": meeting.pk, "workload": READY, "subject": "accept_deficiencies"})
    assert not meeting.agenda.exists()
