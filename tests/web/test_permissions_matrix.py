"""Every URL, every role (issue 4 "Roles and security"; WORKSPACE.md "Who may do what").

The test walks every URL pattern of the root URLconf (apps added later are covered as they
appear), fills each path parameter from a small table of objects, and checks each role's answer
against the capability the view declares with ``accounts.permissions.require`` (``view.capability``;
API views carry one per method). A view without a declared capability, or a path parameter the
table does not know, fails the test, so no new URL is ever skipped silently.

Expected: a role holding the capability is served (not 401/403, not sent to the login page); an
authenticated role without it gets 403 or 404 (405 where the URL does not take the method);
anonymous callers are sent to the login page (pages) or get 401 (API). Auditors (read-only) and
provider respondents never change anything by POSTing to an internal URL.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from fincloud.web.accounts.models import ApiToken, Role
from fincloud.web.accounts.permissions import CAPABILITIES
from fincloud.web.audit.models import AuditEvent
from fincloud.web.workspace.assessment import catalog_for
from fincloud.web.workspace.uploads import store

# Views open without a role, by URL name: signing in/out, accepting an invitation (its token is
# the credential), the language switch, and ninja's API root (always 404).
OPEN_VIEWS = {"accounts:login", "accounts:logout", "accounts:accept", "set_language", "api:api-root"}
# A signed-in user's own page and API tokens, and the after-login landing redirect: any
# authenticated user, only their own objects (the views filter by request.user; the landing page
# only redirects by role); anonymous callers go to the login page.
SELF_SERVICE_VIEWS = {"accounts:me", "accounts:token_create", "accounts:token_revoke", "accounts:home"}
EXCLUDED_PREFIXES = ("admin/", "static/", "media/")

ROLE_USERS = {
    "admin": "admin@demo.example", "assessor": "assessor@demo.example", "committee": "committee@demo.example",
    "compliance": "compliance@demo.example", "auditor": "auditor@demo.example",
    "provider": "provider@demo.example", "stranger": "stranger@example.com", "anonymous": None,
}
ROLE_OF = {"admin": Role.ADMIN, "assessor": Role.ASSESSOR, "committee": Role.COMMITTEE,
           "compliance": Role.COMPLIANCE, "auditor": Role.AUDITOR, "provider": Role.PROVIDER,
           "stranger": None, "anonymous": None}
PARAM = re.compile(r"<(?:(?P<conv>\w+):)?(?P<name>\w+)>")


@dataclass
class Url:
    route: str
    name: str
    view: object

    @property
    def is_api(self) -> bool:
        return self.route.startswith("api/")

    def capability(self, method: str) -> str | None:
        per_method = getattr(self.view, "capabilities", None)
        if per_method is not None:
            return per_method.get(method)
        return getattr(self.view, "capability", None)


def walk(patterns, prefix: str = "", namespace: str = "") -> Iterator[Url]:
    for p in patterns:
        route = prefix + str(p.pattern)
        if route.startswith(EXCLUDED_PREFIXES):
            continue
        if isinstance(p, URLResolver):
            ns = ":".join(x for x in (namespace, p.namespace or "") if x)
            yield from walk(p.url_patterns, route, ns)
        elif isinstance(p, URLPattern):
            name = f"{namespace}:{p.name}" if namespace else (p.name or "")
            yield Url(route, name, p.callback)


def all_urls() -> list[Url]:
    seen: dict[str, Url] = {}
    for url in walk(get_resolver().url_patterns):
        seen.setdefault(url.route, url)  # ninja repeats a route per method; its view serves all
    return list(seen.values())


@pytest.fixture
def objects(demo):
    """One object of each kind a URL can name, visible to provider A where a provider may see it."""
    from fincloud.web.committee.models import AgendaItem, ComplianceOpinion, Meeting, Member, Resolution, Vote
    from fincloud.web.contracts.models import ClauseFinding, ContractDocument
    from fincloud.web.evaluations.models import Answer, Deficiency, Questionnaire
    from fincloud.web.exits.models import ExitExecution
    from fincloud.web.reports.models import AttachmentUpdate, ReportPackage, Submission

    day = dt.date(2026, 11, 20)
    catalog = catalog_for(demo)
    first_item = catalog.provider_items[0]
    items = [{"number": first_item.number, "kind": first_item.kind}]
    admin = User.objects.get(username="admin@demo.example")
    pa = demo.providers.order_by("id").first()
    wa = demo.workloads.filter(provider=pa).order_by("id").first() or demo.workloads.order_by("id").first()
    questionnaire = Questionnaire.objects.create(workload=wa, provider=pa, kind="comprehensive", method="document",
                                                 qid="matrix-a-1", status="sent", items=items, created_by=admin)
    answer_file = store(("answer.pdf", b"%PDF-1.4 provider A evidence"), purpose="answer_evidence",
                        institution=demo, provider=pa, workload=wa)
    answer = Answer.objects.create(questionnaire=questionnaire, item=first_item.number)
    deficiency = Deficiency.objects.create(questionnaire=questionnaire, item=first_item.number,
                                           description="matrix")
    meeting = Meeting.objects.create(institution=demo, title="정보보호위원회", held_on=day, created_by=admin)
    member = Member.objects.filter(institution=demo).order_by("id").first()
    agenda = AgendaItem.objects.create(meeting=meeting, workload=wa)
    vote = Vote.objects.create(agenda_item=agenda, member=member, choice="approve", recorded_by=admin)
    resolution = Resolution.objects.create(agenda_item=agenda, workload=wa, decision="approved", resolved_on=day,
                                           recorded_by=admin)
    opinion = ComplianceOpinion.objects.create(
        workload=wa, officer=User.objects.get(username="compliance@demo.example"), conclusion="no_objection",
        opinion="-", given_on=day)
    contract_file = store(("contract.pdf", b"%PDF-1.4 contract"), purpose="contract", institution=demo, workload=wa)
    document = ContractDocument.objects.create(workload=wa, file=contract_file, uploaded_by=admin)
    finding = ClauseFinding.objects.create(document=document, clause="matrix", machine_status="missing")
    package_file = store(("package.zip", _zip()), purpose="report_package", institution=demo, workload=wa)
    package = ReportPackage.objects.create(workload=wa, as_of=day, file=package_file, generated_by=admin)
    submission = Submission.objects.create(workload=wa, trigger="matrix", submitted_on=day, document_number="1",
                                           recorded_by=admin)
    attachment = AttachmentUpdate.objects.create(workload=wa, attachment="matrix", updated_on=day,
                                                 updated_by=admin)
    exit_execution = ExitExecution.objects.create(workload=wa, reason="matrix", started_on=day, recorded_by=admin)
    token, _ = ApiToken.issue(admin, "matrix")
    requirement = catalog.continuity_table.topics[0].requirements[0].id
    return {"workload": wa.key, "provider": pa.key, "questionnaire": questionnaire.pk, "file": answer_file.pk,
            "answer": answer.pk, "deficiency": deficiency.pk, "meeting": meeting.pk, "member": member.pk,
            "agenda": agenda.pk, "vote": vote.pk, "resolution": resolution.pk, "opinion": opinion.pk,
            "document": document.pk, "finding": finding.pk, "package": package.pk, "submission": submission.pk,
            "attachment": attachment.pk, "exit": exit_execution.pk, "token": token.pk,
            "requirement": requirement, "clause": finding.clause, "item": answer.item}


def _zip() -> bytes:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("README.txt", "matrix")
    return buf.getvalue()


def _before(route: str, start: int) -> str:
    literal = [s for s in PARAM.sub("", route[:start]).split("/") if s]
    return literal[-1] if literal else ""


# The literal URL segment before an ``<int:pk>`` says what it names; ``<thing_pk>`` / ``<thing_id>``
# parameters name it themselves.
OBJECT_OF_SEGMENT = {
    "files": "file", "evaluations": "questionnaire", "questionnaires": "questionnaire", "portal": "questionnaire",
    "answers": "answer", "deficiencies": "deficiency", "tokens": "token", "committee": "meeting",
    "meetings": "meeting", "members": "member", "agenda": "agenda", "votes": "vote", "resolutions": "resolution",
    "opinions": "opinion", "compliance": "opinion", "contracts": "document", "documents": "document",
    "findings": "finding", "clauses": "finding", "reports": "package", "packages": "package",
    "submissions": "submission", "attachments": "attachment", "exits": "exit",
}
OBJECT_OF_NAME = {"questionnaire": "questionnaire", "answer": "answer", "deficiency": "deficiency",
                  "meeting": "meeting", "member": "member", "agenda": "agenda", "item": "agenda", "vote": "vote",
                  "resolution": "resolution", "opinion": "opinion", "document": "document", "doc": "document",
                  "finding": "finding", "package": "package", "submission": "submission", "file": "file",
                  "attachment": "attachment", "token": "token", "exit": "exit"}


def fill(route: str, objects: dict) -> str:
    def value(m: re.Match) -> str:
        name, conv, seg = m.group("name"), m.group("conv"), _before(route, m.start())
        if name == "key":
            return objects["provider"] if seg == "providers" else objects["workload"]
        if name in ("pk", "id") and seg in OBJECT_OF_SEGMENT:
            return str(objects[OBJECT_OF_SEGMENT[seg]])
        base = re.sub(r"_(pk|id)$", "", name)
        if base != name and base in OBJECT_OF_NAME:
            return str(objects[OBJECT_OF_NAME[base]])
        if name in ("requirement", "clause"):
            return objects[name]
        if name == "item" and conv != "int":
            return objects["item"]
        if name == "field":
            return "certifications"
        if name == "index":
            return "0"
        if seg == "accept" and name in ("uidb64", "token"):
            return "MQ" if name == "uidb64" else "set-password"
        raise AssertionError(f"URL {route!r}: no test object for path parameter {name!r} (after {seg!r}); "
                             f"add it to tests/web/test_permissions_matrix.py::fill")

    return "/" + PARAM.sub(value, route)


UNTRACKED_APPS = {"sessions", "axes", "admin"}  # a request's own bookkeeping, not the workspace's data
DERIVED = {"workspace.AssessmentCache", "workspace.PortfolioCache"}  # the engine's cached output, not facts


def fingerprint() -> tuple:
    """Row counts of every table and the workspace revision: a write shows up here."""
    from django.apps import apps

    from fincloud.web.workspace.models import Institution

    counts = tuple((m._meta.label, m._default_manager.count()) for m in apps.get_models()
                   if m._meta.app_label not in UNTRACKED_APPS and m._meta.label not in DERIVED and not m._meta.proxy)
    return counts, tuple(Institution.objects.order_by("pk").values_list("pk", "revision", "updated_at"))


def client_for(role: str) -> Client:
    client = Client()
    username = ROLE_USERS[role]
    if username:
        client.force_login(User.objects.get(username=username))
    return client


def _login_redirect(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def check(url: Url, role: str, method: str, response) -> str | None:
    """None if ``role``'s answer to ``method url`` is what its capability says, else the problem."""
    status = response.status_code
    if url.name in OPEN_VIEWS:
        return None if status < 500 else f"{status}"
    if url.name in SELF_SERVICE_VIEWS:
        if role == "anonymous":
            return None if _login_redirect(response) or status == 405 else f"anonymous got {status}"
        return None if status not in (401, 403) or role == "stranger" else f"{status}"
    cap = url.capability(method)
    per_method = getattr(url.view, "capabilities", None)
    if cap is None and (per_method is None or method in per_method or method == "GET"):
        return "view declares no capability (decorate it with accounts.permissions.require / api.auth.capability)"
    if cap is None:  # an API URL without this method
        return None if status in (401, 403, 404, 405) else f"{status} for a method the URL does not take"
    if role == "anonymous":
        ok = (status == 401 and url.is_api) or _login_redirect(response) or status == 405
        return None if ok else f"anonymous got {status}"
    allowed = ROLE_OF[role] in CAPABILITIES[cap]
    if allowed:
        if status in (401, 403) or _login_redirect(response) or status >= 500:
            return f"role holds {cap!r} but got {status}"
        return None
    if status in (403, 404, 405):
        return None
    return f"role lacks {cap!r} but got {status}"


def test_every_url_is_covered(db):
    """The walk finds the URLs of every app, so the matrix below really covers them."""
    routes = {u.route for u in all_urls()}
    for expected in ("workloads/<slug:key>/", "providers/<slug:key>/", "files/<int:pk>/", "audit/",
                     "evaluations/", "committee/", "api/workloads", "api/questionnaires", "accounts/users/"):
        assert expected in routes, expected


@pytest.mark.parametrize("role", list(ROLE_USERS))
def test_get_every_url_as_every_role(role, objects, stranger):
    client = client_for(role)
    problems = []
    for url in all_urls():
        path = fill(url.route, objects)
        try:
            response = client.get(path)
        except Exception as exc:  # a crash is a failure of that view, reported with the others
            problems.append(f"GET {path} [{url.name}]: raised {type(exc).__name__}: {exc}")
            continue
        problem = check(url, role, "GET", response)
        if problem:
            problems.append(f"GET {path} [{url.name}] as {role}: {problem}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("role", ["auditor", "provider"])
def test_post_to_every_url_never_changes_anything_for_readers(role, objects):
    """The auditor is read-only everywhere; a provider respondent writes only their own answers."""
    client = client_for(role)
    username = ROLE_USERS[role]
    problems = []
    for url in all_urls():
        if url.name in OPEN_VIEWS | SELF_SERVICE_VIEWS:
            continue
        path = fill(url.route, objects)
        methods = [m for m in getattr(url.view, "capabilities", {"POST": None}) if m != "GET"] or ["POST"]
        for method in methods:
            before = fingerprint()
            try:
                response = client.generic(method, path, data="", content_type="application/x-www-form-urlencoded")
            except Exception as exc:
                problems.append(f"{method} {path} [{url.name}]: raised {type(exc).__name__}: {exc}")
                continue
            cap = url.capability(method)
            allowed = cap is not None and ROLE_OF[role] in CAPABILITIES[cap]
            if cap is not None and not allowed and response.status_code not in (403, 404, 405):
                problems.append(f"{method} {path} [{url.name}] as {role}: lacks {cap!r} but got "
                                f"{response.status_code}")
            elif response.status_code >= 500:
                problems.append(f"{method} {path} [{url.name}] as {role}: {response.status_code}")
            # Nothing changes, unless the role holds a writing capability there (a provider's answers).
            if (role == "auditor" or not allowed) and fingerprint() != before:
                problems.append(f"{method} {path} [{url.name}] as {role}: the request changed the database")
            if role == "auditor" and AuditEvent.objects.filter(actor=username).exists():
                problems.append(f"{method} {path} [{url.name}]: the auditor's request was recorded as a change")
                break
    assert not problems, "\n".join(problems)


# ---- provider A never sees provider B's or the institution's internal data -------------------

@pytest.fixture
def provider_b_objects(demo):
    from fincloud.web.evaluations.models import Questionnaire

    item = catalog_for(demo).provider_items[0]
    pb = demo.providers.order_by("id")[1]
    wb = demo.workloads.filter(provider=pb).order_by("id").first() or demo.workloads.order_by("id").first()
    q = Questionnaire.objects.create(workload=wb, provider=pb, kind="comprehensive", method="document",
                                     qid="matrix-b-1", status="sent",
                                     items=[{"number": item.number, "kind": item.kind}])
    f = store(("b-answer.pdf", b"%PDF-1.4 provider B evidence"), purpose="answer_evidence", institution=demo,
              provider=pb, workload=wb)
    internal = store(("contract.pdf", b"%PDF-1.4 the institution's contract"), purpose="contract",
                     institution=demo, workload=wb, provider=pb)
    return {"questionnaire": q.pk, "file": f.pk, "internal_file": internal.pk, "workload": wb.key}


def test_provider_a_reaches_nothing_of_provider_b_through_any_url(objects, provider_b_objects, demo):
    """Every URL, filled with provider B's questionnaire, answer, deficiency and file, refuses
    provider A's respondent (GET and POST) and changes nothing."""
    from fincloud.web.evaluations.models import Answer, Deficiency, Questionnaire

    qb = Questionnaire.objects.get(pk=provider_b_objects["questionnaire"])
    answer = Answer.objects.create(questionnaire=qb, item=qb.items[0]["number"])
    deficiency = Deficiency.objects.create(questionnaire=qb, item=answer.item, description="B")
    b_objects = dict(objects, questionnaire=qb.pk, answer=answer.pk, deficiency=deficiency.pk,
                     file=provider_b_objects["file"], item=answer.item)
    client = client_for("provider")
    problems = []
    for url in all_urls():
        if url.name in OPEN_VIEWS | SELF_SERVICE_VIEWS:
            continue
        path = fill(url.route, b_objects)
        names_b_object = path != fill(url.route, objects)
        for method in ("GET", "POST"):
            before = fingerprint()
            response = client.generic(method, path, data="", content_type="application/x-www-form-urlencoded")
            if not names_b_object:  # e.g. the portal's list: served, but must not show B's questionnaire
                pass
            elif response.status_code not in (403, 404, 405):
                problems.append(f"{method} {path} [{url.name}]: {response.status_code}")
            elif fingerprint() != before:
                problems.append(f"{method} {path} [{url.name}]: changed the database")
            if not response.streaming and qb.qid.encode() in response.content:
                problems.append(f"{method} {path} [{url.name}]: shows provider B's questionnaire id")
    assert not problems, "\n".join(problems)


def test_provider_a_cannot_read_provider_b_questionnaire(provider_a, provider_b_objects):
    pk = provider_b_objects["questionnaire"]
    assert provider_a.get(f"/evaluations/{pk}/").status_code in (403, 404)
    assert provider_a.get(f"/api/questionnaires/{pk}").status_code == 404
    listed = provider_a.get("/api/questionnaires").json()
    assert pk not in [q["id"] for q in listed]


def test_provider_a_cannot_download_provider_b_or_internal_files(provider_a, provider_b, provider_b_objects):
    for key in ("file", "internal_file"):
        response = provider_a.get(f"/files/{provider_b_objects[key]}/")
        assert response.status_code == 404, key
        assert b"%PDF" not in b"".join(getattr(response, "streaming_content", [response.content]))
    # ... while provider B's own respondent does get B's answer evidence, and still not the contract.
    assert provider_b.get(f"/files/{provider_b_objects['file']}/").status_code == 200
    assert provider_b.get(f"/files/{provider_b_objects['internal_file']}/").status_code == 404


def test_provider_never_reads_a_workload_by_page_or_api(provider_a, demo, provider_b_objects):
    own = demo.workloads.filter(provider=demo.providers.order_by("id").first()).first()
    for w in (own, demo.workloads.get(key=provider_b_objects["workload"])):
        assert provider_a.get(f"/workloads/{w.key}/").status_code in (403, 404)
        assert provider_a.get(f"/api/workloads/{w.key}").status_code in (403, 404)
    assert provider_a.get("/api/evidence").status_code == 403


# ---- the checker itself catches what it must ---------------------------------------------------

class _Resp(dict):
    def __init__(self, status: int, location: str = ""):
        super().__init__({"Location": location} if location else {})
        self.status_code = status


def _view(capability=None, capabilities=None):
    def view(request):
        return None

    if capability:
        view.capability = capability
    if capabilities:
        view.capabilities = capabilities
    return view


def test_checker_flags_missing_capability_and_leaks():
    page = Url("workloads/<slug:key>/", "workspace:workload", _view("view"))
    assert check(Url("x/", "app:x", _view()), "admin", "GET", _Resp(200)) is not None
    assert check(page, "provider", "GET", _Resp(200)) is not None
    assert check(page, "stranger", "GET", _Resp(200)) is not None
    assert check(page, "anonymous", "GET", _Resp(200)) is not None
    assert check(page, "auditor", "GET", _Resp(403)) is not None
    assert check(page, "auditor", "GET", _Resp(302, "/accounts/login/?next=/x")) is not None
    assert check(page, "auditor", "GET", _Resp(200)) is None
    assert check(page, "provider", "GET", _Resp(404)) is None
    assert check(page, "anonymous", "GET", _Resp(302, "/accounts/login/?next=/x")) is None
    api = Url("api/things", "api:things", _view("view", {"GET": "view", "POST": None}))
    assert check(api, "admin", "POST", _Resp(200)) is not None  # an API method without a capability
    assert check(api, "anonymous", "GET", _Resp(401)) is None


def test_unknown_path_parameter_fails_loudly():
    with pytest.raises(AssertionError, match="no test object for path parameter 'widget_code'"):
        fill("widgets/<str:widget_code>/", {})


def test_self_service_views_touch_only_ones_own_objects(objects, auditor, provider_a, stranger):
    """The views outside the capability table (SELF_SERVICE_VIEWS): another user's API token cannot
    be revoked, and the landing page only redirects by role."""
    token = ApiToken.objects.get(pk=objects["token"])  # the admin's
    for client in (auditor, provider_a, stranger):
        assert client.post(f"/accounts/me/tokens/{token.pk}/revoke/").status_code == 404
    token.refresh_from_db()
    assert not token.revoked
    assert auditor.get("/accounts/home/")["Location"] == "/"
    assert provider_a.get("/accounts/home/")["Location"] == "/evaluations/portal/"
    assert stranger.get("/accounts/home/")["Location"] == "/accounts/me/"
