"""The JSON API (issue 4 "API and interchange"): token authentication, the same permissions as the
pages, and the engine's results exactly as the CLI gives them."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth.models import User
from django.test import Client

from fincloud.engine import assess
from fincloud.portfolio.dump import portfolio_data
from fincloud.render.json_out import workload_json
from fincloud.web.accounts.models import ApiToken
from fincloud.web.audit.models import AuditEvent
from fincloud.web.workspace import bridge
from fincloud.web.workspace.assessment import as_of_day, catalog_for
from fincloud.web.workspace.models import Workload
from fincloud.web.workspace.uploads import store


def _token(username: str) -> str:
    _row, token = ApiToken.issue(User.objects.get(username=username), "test")
    return token


def bearer(username: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {_token(username)}"}


def test_anonymous_caller_gets_401_not_data(demo):
    response = Client().get("/api/workloads")
    assert response.status_code == 401


def test_bearer_token_authenticates_and_records_last_use(demo):
    user = User.objects.get(username="assessor@demo.example")
    row, token = ApiToken.issue(user, "ci")
    response = Client().get("/api/workloads", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 200
    assert response.json()["count"] == Workload.objects.count()
    row.refresh_from_db()
    assert row.last_used_at is not None


def test_revoked_or_unknown_token_is_refused(demo):
    user = User.objects.get(username="assessor@demo.example")
    row, token = ApiToken.issue(user, "ci")
    row.revoked = True
    row.save()
    assert Client().get("/api/workloads", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 401
    assert Client().get("/api/workloads", HTTP_AUTHORIZATION="Bearer fct_not-a-token").status_code == 401
    assert Client().get("/api/workloads", HTTP_AUTHORIZATION="Bearer abc").status_code == 401


def test_token_of_an_inactive_user_is_refused(demo):
    headers = bearer("assessor@demo.example")
    User.objects.filter(username="assessor@demo.example").update(is_active=False)
    assert Client().get("/api/workloads", **headers).status_code == 401


def test_session_auth_works_for_get_from_the_browser(auditor):
    assert auditor.get("/api/providers").status_code == 200


def test_session_post_without_csrf_token_is_refused(demo):
    client = Client(enforce_csrf_checks=True)
    client.force_login(User.objects.get(username="assessor@demo.example"))
    response = client.post("/api/portfolio", data=json.dumps({}), content_type="application/json")
    assert response.status_code in (401, 403)
    assert AuditEvent.objects.filter(actor="assessor@demo.example").count() == 0


def test_workload_list_is_paginated_and_filtered_like_the_page(assessor, demo):
    all_items = []
    page = 1
    while True:
        data = assessor.get(f"/api/workloads?page_size=5&page={page}").json()
        all_items += data["items"]
        if page >= data["pages"]:
            break
        page += 1
    assert [i["key"] for i in all_items] == sorted(Workload.objects.values_list("key", flat=True))
    provider = demo.providers.order_by("id").first()
    data = assessor.get(f"/api/workloads?provider={provider.key}").json()
    assert {i["provider"] for i in data["items"]} == {provider.key}
    assert data["count"] == provider.workloads.count()
    critical = assessor.get("/api/workloads?importance=critical").json()["items"]
    assert critical and all(i["in_scope"] and i["critical"] for i in critical)
    page_html = assessor.get("/workloads/?importance=critical")
    assert page_html.status_code == 200
    assert assessor.get("/api/workloads?importance=bogus").status_code == 422


def test_workload_detail_is_exactly_the_cli_json(assessor, demo):
    """Same workload, same decisions in the CLI and on the API (WORKSPACE.md "One loop")."""
    portfolio = bridge.portfolio_from_db(demo)
    result = assess(portfolio, catalog_for(demo), as_of_day())
    for w in result.workloads:
        data = assessor.get(f"/api/workloads/{w.id}").json()
        assert data["result"] == workload_json(w, "ko")
        assert data["facts"] == bridge.workload_data(Workload.objects.get(key=w.id))
    en = assessor.get(f"/api/workloads/{result.workloads[0].id}?lang=en").json()
    assert en["result"] == workload_json(result.workloads[0], "en")


def test_unknown_workload_is_404(assessor):
    assert assessor.get("/api/workloads/no-such-workload").status_code == 404


def test_providers_and_assessment(assessor, demo):
    providers = assessor.get("/api/providers").json()
    assert [p["key"] for p in providers] == sorted(demo.providers.values_list("key", flat=True))
    one = assessor.get(f"/api/providers/{providers[0]['key']}").json()
    assert one["facts"]["id"] == providers[0]["key"]
    assessment = assessor.get("/api/assessment").json()
    assert {"providers", "concentration", "obligations"} <= set(assessment)
    assert one["result"] == next(p for p in assessment["providers"] if p["id"] == providers[0]["key"])


def test_obligations_filter_by_status(assessor):
    data = assessor.get("/api/obligations?status=overdue").json()
    assert all(o["status"] == "overdue" for o in data["items"])
    due = assessor.get("/api/obligations?status=due").json()
    assert all(o["status"] in ("due", "required_before_use") for o in due["items"])
    assert assessor.get("/api/obligations?status=nope").status_code == 422


def test_evidence_lists_metadata_never_content(assessor, demo):
    w = demo.workloads.first()
    stored = store(("plan.pdf", b"%PDF-1.4 secret body"), purpose="safeguard_evidence", institution=demo,
                   workload=w)
    response = assessor.get("/api/evidence")
    items = response.json()["items"]
    assert [i["id"] for i in items] == [stored.pk]
    assert items[0]["workload"] == w.key and items[0]["sha256"] == stored.sha256
    assert b"secret body" not in response.content


def test_portfolio_export_equals_the_export_page(assessor, demo):
    api = assessor.get("/api/portfolio").json()
    page = json.loads(assessor.get("/portfolio/export/?format=json").content)
    assert api == page == bridge.export_portfolio(demo)


def test_portfolio_import_needs_edit_and_reports_loader_problems(assessor, auditor, demo):
    """Write operations need the edit capability; errors are the loader's problems (422)."""
    data = bridge.export_portfolio(demo)
    data["workloads"][0]["name"] = "API로 바꾼 이름"
    body = json.dumps(data, ensure_ascii=False)
    assert auditor.post("/api/portfolio", data=body, content_type="application/json").status_code == 403
    response = assessor.post("/api/portfolio", data=body, content_type="application/json")
    assert response.status_code == 200, response.content
    assert Workload.objects.get(key=data["workloads"][0]["id"]).name == "API로 바꾼 이름"
    assert AuditEvent.objects.filter(actor="assessor@demo.example", action="workload.import").count() == 1
    bad = dict(data, workloads=[dict(data["workloads"][0], provider="nobody")])
    response = assessor.post("/api/portfolio", data=json.dumps(bad), content_type="application/json")
    assert response.status_code == 422
    assert any("nobody" in p for p in response.json()["problems"])


def test_portfolio_import_roundtrips_losslessly(assessor, demo):
    before = bridge.export_portfolio(demo)
    response = assessor.post("/api/portfolio", data=json.dumps(before), content_type="application/json")
    assert response.status_code == 200
    assert bridge.export_portfolio(demo) == before
    assert before == portfolio_data(bridge.portfolio_from_db(demo))


def test_workload_update_through_api_is_validated_and_audited(demo):
    headers = bearer("assessor@demo.example")
    w = demo.workloads.order_by("id").first()
    data = bridge.workload_data(w)
    data["name"] = "새 이름"
    client = Client()
    response = client.put(f"/api/workloads/{w.key}", data=json.dumps(data), content_type="application/json",
                          **headers)
    assert response.status_code == 200, response.content
    assert response.json()["facts"]["name"] == "새 이름"
    event = AuditEvent.objects.filter(action="workload.update").last()
    assert event.actor == "assessor@demo.example" and event.before["name"] == w.name
    data["service_model"] = "XaaS"
    response = client.put(f"/api/workloads/{w.key}", data=json.dumps(data), content_type="application/json",
                          **headers)
    assert response.status_code == 422
    assert any(p.startswith("service_model") for p in response.json()["problems"])


def test_workload_create_conflict_is_409(demo):
    headers = bearer("admin@demo.example")
    w = demo.workloads.order_by("id").first()
    response = Client().post("/api/workloads", data=json.dumps(bridge.workload_data(w)),
                             content_type="application/json", **headers)
    assert response.status_code == 409


@pytest.mark.parametrize("path", ["/api/workloads", "/api/providers", "/api/assessment", "/api/obligations",
                                  "/api/evidence", "/api/portfolio"])
def test_provider_respondent_gets_403_on_internal_endpoints(provider_a, path):
    assert provider_a.get(path).status_code == 403


def test_provider_token_reaches_only_own_questionnaires(demo):
    headers = bearer("provider@demo.example")
    assert Client().get("/api/questionnaires", **headers).status_code == 200
    assert Client().get("/api/workloads", **headers).status_code == 403


def test_stranger_without_a_role_gets_403(stranger):
    assert stranger.get("/api/workloads").status_code == 403
    assert stranger.get("/api/questionnaires").status_code == 403


def test_openapi_schema_documents_the_endpoints(auditor):
    schema = auditor.get("/api/openapi.json").json()
    paths = set(schema["paths"])
    assert {"/api/workloads", "/api/workloads/{key}", "/api/providers", "/api/assessment", "/api/obligations",
            "/api/evidence", "/api/portfolio", "/api/questionnaires"} <= paths
    schemes = schema["components"]["securitySchemes"]
    assert any(s.get("scheme") == "bearer" for s in schemes.values())


def test_docs_ui_is_not_loaded_from_a_cdn(auditor):
    """The CSP (script-src 'self') and 망분리 networks block CDN scripts: the docs page is either
    served from our own static files or not at all."""
    response = auditor.get("/api/docs")
    if response.status_code == 200:
        assert b"cdn." not in response.content
        assert b"<script>" not in response.content
    else:
        assert response.status_code == 404


def test_session_post_with_the_csrf_token_goes_through(demo):
    client = Client(enforce_csrf_checks=True)
    client.force_login(User.objects.get(username="assessor@demo.example"))
    client.get("/workloads/")  # the page sets the CSRF cookie
    body = json.dumps(bridge.export_portfolio(demo))
    response = client.post("/api/portfolio", data=body, content_type="application/json",
                           HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value)
    assert response.status_code == 200, response.content


def test_token_calls_need_no_csrf_token(demo):
    client = Client(enforce_csrf_checks=True)
    body = json.dumps(bridge.export_portfolio(demo))
    response = client.post("/api/portfolio", data=body, content_type="application/json",
                           **bearer("assessor@demo.example"))
    assert response.status_code == 200, response.content


def test_malformed_json_body_is_a_clear_422(assessor):
    response = assessor.post("/api/portfolio", data="{not json", content_type="application/json")
    assert response.status_code == 422
    assert "JSON" in response.json()["detail"]
    response = assessor.post("/api/portfolio", data="[1, 2]", content_type="application/json")
    assert response.status_code == 422


def test_list_endpoints_make_a_constant_number_of_queries(assessor, demo, django_assert_max_num_queries):
    """No N+1: a page of 200 workloads or files costs the same few queries as a page of one."""
    for i in range(30):
        store((f"e{i}.pdf", b"%PDF-1.4 x"), purpose="answer_evidence", institution=demo,
              workload=demo.workloads.order_by("id")[i % 5], provider=demo.providers.order_by("id").first())
    assessor.get("/api/workloads")  # computes and caches the engine's results once
    with django_assert_max_num_queries(12):
        assert len(assessor.get("/api/workloads?page_size=200").json()["items"]) == demo.workloads.count()
    with django_assert_max_num_queries(12):
        assert len(assessor.get("/api/evidence?page_size=200").json()["items"]) == 30
    with django_assert_max_num_queries(12):
        assert assessor.get("/api/providers").status_code == 200
