"""Who may do what on the committee pages (guide 제6장; WORKSPACE.md "Who may do what"): members vote
only as themselves, the auditor and provider respondents change nothing, providers see nothing internal."""

from __future__ import annotations

import pytest
from django.urls import reverse

from fincloud.web.committee.models import AgendaItem, ComplianceOpinion, Meeting, Member, Resolution, Vote
from tests.web.test_committee_flow import ALL, READY, add_item, attend, confirm, new_meeting, record, vote


@pytest.fixture
def item(admin):
    confirm(READY)
    meeting = new_meeting(admin)
    item = add_item(admin, meeting, READY)
    attend(admin, meeting, ALL)
    return item


def change_requests(item):
    m = item.meeting
    member = Member.objects.get(name="윤정보")
    return [
        (reverse("committee:meeting_new"), {"title": "x", "held_on": "2026-11-30", "status": "planned"}),
        (reverse("committee:meeting_edit", args=[m.pk]), {"title": "x", "held_on": "2026-11-30", "status": "closed"}),
        (reverse("committee:attendance", args=[m.pk]), {"present": []}),
        (reverse("committee:minutes", args=[m.pk]), {"minutes": "changed"}),
        (reverse("committee:attachment_add", args=[m.pk]), {}),
        (reverse("committee:agenda_add"), {"meeting": m.pk, "workload": "wl-archive"}),
        (reverse("committee:agenda_refresh", args=[item.pk]), {}),
        (reverse("committee:agenda_remove", args=[item.pk]), {}),
        (reverse("committee:vote", args=[item.pk]), {"choice": "approve"}),
        (reverse("committee:vote_record", args=[item.pk]), {"member": member.pk, "choice": "approve"}),
        (reverse("committee:resolve", args=[item.pk]), {"decision": "rejected", "resolved_on": "2026-11-20"}),
        (reverse("committee:member_new"), {"name": "x", "active": "on"}),
        (reverse("committee:member_edit", args=[member.pk]), {"name": "x"}),
        (reverse("committee:compliance", args=[READY]), {"conclusion": "objection", "opinion": "x",
                                                         "given_on": "2026-11-20"}),
    ]


def state():
    return (Meeting.objects.count(), list(Meeting.objects.values_list("title", "status", "minutes")),
            AgendaItem.objects.count(), Vote.objects.count(), Resolution.objects.count(),
            ComplianceOpinion.objects.count(), list(Member.objects.values_list("name", "active", "is_chair")))


@pytest.mark.parametrize("who", ["auditor", "provider_a", "provider_b", "stranger"])
def test_auditor_and_outsiders_cannot_change_anything(request, item, who):
    client = request.getfixturevalue(who)
    before = state()
    for url, data in change_requests(item):
        assert client.post(url, data).status_code == 403, url
    assert state() == before


def test_auditor_reads_every_committee_page_but_gets_no_forms(auditor, item):
    for url in (reverse("committee:meetings"), reverse("committee:meeting", args=[item.meeting_id]),
                reverse("committee:members"), reverse("committee:workload", args=[READY])):
        response = auditor.get(url)
        assert response.status_code == 200, url
        assert reverse("committee:resolve", args=[item.pk]) not in response.content.decode()
    assert auditor.get(reverse("committee:minutes_docx", args=[item.meeting_id])).status_code == 200
    assert auditor.get(reverse("committee:meeting_new")).status_code == 403


@pytest.mark.parametrize("who", ["provider_a", "provider_b"])
def test_provider_respondents_get_nothing_internal(request, item, who):
    client = request.getfixturevalue(who)
    for url in (reverse("committee:meetings"), reverse("committee:meeting", args=[item.meeting_id]),
                reverse("committee:members"), reverse("committee:workload", args=[READY]),
                reverse("committee:minutes_docx", args=[item.meeting_id]),
                reverse("committee:agenda_docx", args=[item.pk])):
        response = client.get(url)
        assert response.status_code == 403, url
        body = response.content.decode()
        assert "AI 신용평가모형 개발" not in body and "제1차 정보보호위원회" not in body and "윤정보" not in body


def test_anonymous_is_sent_to_login(anonymous, item):
    response = anonymous.get(reverse("committee:meeting", args=[item.meeting_id]))
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_member_votes_only_as_themselves(committee_member, item):
    other = Member.objects.get(name="최위원장")
    response = committee_member.post(reverse("committee:vote", args=[item.pk]),
                                     {"choice": "reject", "member": other.pk})
    assert response.status_code == 302
    assert list(Vote.objects.values_list("member__name", "choice")) == [("박위원", "reject")]
    # the secretary's form is not theirs
    assert committee_member.post(reverse("committee:vote_record", args=[item.pk]),
                                 {"member": other.pk, "choice": "approve"}).status_code == 403


def test_a_committee_user_without_a_seat_cannot_vote(committee_member, item):
    Member.objects.filter(name="박위원").update(active=False)
    assert vote(committee_member, item, "approve").status_code == 403
    assert not Vote.objects.exists()


def test_the_secretary_records_votes_only_for_members_without_accounts(admin, item):
    record(admin, item, "박위원", "approve")      # has an account: votes themselves
    assert not Vote.objects.exists()
    record(admin, item, "윤정보", "approve")
    vote_ = Vote.objects.get()
    assert vote_.member.name == "윤정보" and vote_.recorded_by.username == "admin@demo.example"


@pytest.mark.parametrize("who", ["assessor", "compliance"])
def test_only_the_committee_and_admin_resolve(request, item, who):
    client = request.getfixturevalue(who)
    url = reverse("committee:resolve", args=[item.pk])
    assert client.post(url, {"decision": "rejected", "resolved_on": "2026-11-20"}).status_code == 403


@pytest.mark.parametrize("who", ["admin", "assessor", "committee_member", "auditor"])
def test_only_the_compliance_officer_gives_the_compliance_opinion(request, item, who):
    client = request.getfixturevalue(who)
    response = client.post(reverse("committee:compliance", args=[READY]),
                           {"conclusion": "no_objection", "opinion": "x", "given_on": "2026-11-20"})
    assert response.status_code == 403
    assert not ComplianceOpinion.objects.exists()


def test_members_are_managed_by_the_secretary_with_one_chair_and_one_seat_per_account(admin):
    from django.contrib.auth.models import User

    response = admin.post(reverse("committee:member_new"),
                          {"name": "강위원", "position": "IT본부장", "is_chair": "on", "active": "on"})
    assert response.status_code == 302
    assert list(Member.objects.filter(is_chair=True).values_list("name", flat=True)) == ["강위원"]
    taken = User.objects.get(username="committee@demo.example")
    response = admin.post(reverse("committee:member_new"), {"name": "중복", "user": taken.pk, "active": "on"})
    assert response.status_code == 200 and not Member.objects.filter(name="중복").exists()
    # only 정보보호위원 accounts can be linked
    compliance_user = User.objects.get(username="compliance@demo.example")
    admin.post(reverse("committee:member_new"), {"name": "준법", "user": compliance_user.pk, "active": "on"})
    assert not Member.objects.filter(name="준법").exists()
