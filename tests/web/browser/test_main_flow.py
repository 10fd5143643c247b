"""The procedure end to end in a real browser (issue 4 "Tests"; guide 그림1): an assessor creates a
workload, passes the scope wizard (제1장 5, 별첨 2), assesses importance with the live 부록1 score, and
the flow continues through the provider evaluation, the committee, the contract and the report.

Every step goes through the pages as a person would: the real login form, form fields found by
their names, buttons by their form's action; no request is forged and no row is written behind the
pages' back except the demo seeding. Screenshots of key pages: test-artifacts/screenshots/.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import Page, expect

from tests.web.browser.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

KEY = "wl-browser-flow"
CONTRACT = Path(__file__).resolve().parents[3] / "eval" / "contracts" / "tuning" / "n01_bank_entrustment_side_agreement.txt"
TIMEOUT_MS = 15_000


# --- helpers -------------------------------------------------------------------------------------

def login(page: Page, base: str, username: str, start: str = "/accounts/login/") -> None:
    """The real login form, reached from ``start`` (a page that asks to sign in); ends signed in,
    having left any previous session first."""
    page.context.clear_cookies()
    page.goto(base + start if start.startswith("/") else start)
    expect(page.locator("input[name=username]")).to_be_visible()
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.click("form button[type=submit]")
    assert "/accounts/login/" not in page.url, f"login as {username} failed: {page.url}"


def no_error_page(page: Page) -> None:
    expect(page.locator("body")).not_to_contain_text("Traceback")
    expect(page.locator("body")).not_to_contain_text("Server Error")


def submit(page: Page, form_selector: str, button: str = "button:not([type=button])") -> None:
    """Click the submit button of one form and wait for the page that answers."""
    with page.expect_navigation():
        page.locator(form_selector).locator(button).first.click()
    no_error_page(page)


# --- steps ---------------------------------------------------------------------------------------

def create_workload(page: Page, base: str, shot) -> None:
    page.goto(f"{base}/workloads/new/")
    page.fill("input[name=key]", KEY)
    page.fill("input[name=name]", "브라우저 시험 업무")
    page.select_option("select[name=provider]", "kcloud")
    page.select_option("select[name=service_model]", "IaaS")
    page.fill("input[name=region]", "kr-seoul")
    page.check("input[name=information][value=financial]")
    page.fill("input[name=signed_on]", "2026-11-02")
    shot(page, "01-workload-new")
    submit(page, "form[method=post]:has(input[name=key])")
    assert page.url.rstrip("/").endswith(f"/workloads/{KEY}"), page.url
    expect(page.locator("h1")).to_contain_text("브라우저 시험 업무")


def pass_scope(page: Page, base: str, shot) -> None:
    page.goto(f"{base}/workloads/{KEY}/scope/")
    # The wizard's answers: the institution's own, continuous, commercial processing; none of the exemptions.
    for name, value in (("own_processing", "true"), ("continuous", "true"), ("commercial", "true"),
                        ("physically_dedicated", "false"), ("member_only_noncommercial", "false"),
                        ("simple_web_use", "false"), ("via_intermediary", "false"),
                        ("research_network_only", "false")):
        page.check(f"input[name={name}][value={value}]")
    page.wait_for_load_state("networkidle")  # the htmx preview of the decision
    expect(page.locator("#scope-preview")).not_to_be_empty()
    shot(page, "02-scope-wizard")
    submit(page, f"form[action$='/workloads/{KEY}/scope/'], form[hx-post$='/workloads/{KEY}/scope/']",
           "button[name=confirm]")
    assert page.url.rstrip("/").endswith(f"/workloads/{KEY}"), page.url


def assess_importance(page: Page, base: str, shot) -> None:
    page.goto(f"{base}/workloads/{KEY}/importance/")
    score = page.locator("#live-score")
    expect(score).to_be_visible()
    initial = score.inner_text()
    # A new workload has no answers yet; the first answer (25 external organisations) must change
    # the score the page shows.
    values = {"external_orgs": "25", "internal_systems": "3", "business_function": "customer_direct",
              "daily_users": "{ratio: 0.4}", "business_impact": "high", "loss": "{ratio: 0.1}", "rto": "3",
              "customer_impact": "high", "cloud_configuration": "single",
              "compliance_requirements": "laws_and_internal", "oversight": "4"}
    for n, (name, value) in enumerate(values.items()):
        # htmx posts the form after 400 ms of quiet and swaps in the engine's new score.
        # Wait for the answer to the request that carries this value (leaving the previous field
        # also posts the form, without it).
        sent = f"{name}={quote(value, safe='')}"  # htmx encodes a space as %20
        with page.expect_response(lambda r, sent=sent: r.url.endswith(f"/workloads/{KEY}/importance/")
                                  and r.request.method == "POST" and r.request.headers.get("hx-request") == "true"
                                  and sent in (r.request.post_data or "")):
            page.fill(f"input[name={name}]", value)
        if n == 0:
            expect(score).not_to_have_text(initial, timeout=TIMEOUT_MS)
    # Leaving the last field posts the form once more ("change"); let that answer land before the
    # confirm click, so the swap does not move the button under the pointer.
    with page.expect_response(lambda r: r.url.endswith(f"/workloads/{KEY}/importance/")
                              and r.request.headers.get("hx-request") == "true"):
        page.keyboard.press("Tab")
    assert score.inner_text() != initial
    # Every item answered (information type and provider dependency are derived by the engine).
    expect(page.locator("#importance-preview")).not_to_contain_text("미입력")
    expect(page.locator("#live-decision")).to_have_text(re.compile("중요"))
    final = score.inner_text()
    assert float(final) > 0
    shot(page, "03-importance-live-score")
    submit(page, f"form[hx-post$='/workloads/{KEY}/importance/']", "button[name=confirm]")
    # Saved: the page reloads with the stored answers and the same engine score.
    expect(page.locator("body")).to_contain_text("중요도 평가를 저장했습니다")
    expect(page.locator("#live-score")).to_have_text(final)


def create_questionnaire(page: Page, base: str, shot) -> str:
    """The provider-evaluation plan's questionnaire (별표 2의2), as the engine proposes it; returns its URL."""
    page.goto(f"{base}/workloads/{KEY}/evaluation/")
    shot(page, "04-evaluation-plan")
    page.goto(f"{base}/evaluations/new/{KEY}/")
    submit(page, "form[method=post]:has(select[name=kind])")
    assert re.search(r"/evaluations/\d+/$", page.url), page.url
    return page.url


def send_questionnaire(page: Page, questionnaire: str, shot) -> None:
    page.goto(questionnaire + "send/")
    shot(page, "05-questionnaire-send")
    submit(page, "form[method=post]:not([action])")
    assert page.url == questionnaire
    expect(page.locator("h1 .badge")).to_have_text("제공자 응답 중")


def answer_as_provider(page: Page, base: str, questionnaire: str, evidence: Path, shot) -> None:
    """Signed in from the e-mailed link, the respondent lands on the questionnaire; it is also
    listed in their portal."""
    assert page.url == questionnaire, page.url
    page.goto(f"{base}/evaluations/portal/")
    path = questionnaire.removeprefix(base)
    shot(page, "06-provider-portal")
    with page.expect_navigation():
        page.click(f"a[href='{path}']")
    items = [i.removeprefix("item-") for i in page.locator("tr[id^=item-]").evaluate_all("rs => rs.map(r => r.id)")]
    assert items, "the questionnaire has no items"
    # Evidence for the first item: a file checked by its content, stored under a random name.
    first = page.locator(f"tr[id='item-{items[0]}'] form[action$='/evidence/']")
    first.locator("input[type=file]").set_input_files(str(evidence))
    submit(page, f"tr[id='item-{items[0]}'] form[action$='/evidence/']")
    expect(page.locator(f"tr[id='item-{items[0]}']")).to_contain_text(evidence.name)
    for item in items:
        form = f"tr[id='item-{item}'] form[action$='/items/{item}/answer/']"
        page.locator(form).locator("select").select_option("yes")
        page.locator(form).locator("textarea").fill(f"{item}: 이행하고 있으며 증적을 첨부합니다.")
        submit(page, form)
    shot(page, "07-provider-answers")
    submit(page, "form[action$='/submit/']")
    expect(page.locator("h1 .badge")).to_have_text("응답 완료")


def verify_and_close(page: Page, questionnaire: str, shot) -> None:
    page.goto(questionnaire)
    items = [i.removeprefix("item-") for i in page.locator("tr[id^=item-]").evaluate_all("rs => rs.map(r => r.id)")]
    for item in items:
        form = page.locator(f"tr[id='item-{item}'] form[action$='/items/{item}/verify/']")
        form.locator("select[name$='-verdict']").select_option("conforms")
        form.locator("textarea[name$='-note']").fill("증적과 현장 확인 결과 적합")
        submit(page, f"tr[id='item-{item}'] form[action$='/items/{item}/verify/']")
    shot(page, "08-verification")
    submit(page, "form[action$='/close/']")
    expect(page.locator("h1 .badge")).to_have_text("평가 완료")


def hold_committee(page: Page, base: str, shot) -> str:
    """Meeting, agenda from the engine's results, attendance; returns the meeting's URL."""
    page.goto(f"{base}/committee/new/")
    page.fill("input[name=title]", "2026년 제5차 정보보호위원회")
    page.fill("input[name=held_on]", "2026-11-24")
    page.fill("input[name=location]", "본점 12층 대회의실")
    page.select_option("select[name=status]", "held")
    submit(page, "form[method=post]:has(input[name=title])")
    meeting = page.url
    assert re.search(r"/committee/\d+/$", meeting), meeting
    page.select_option("form[action$='/committee/agenda/add/'] select[name=workload]", KEY)
    submit(page, "form[action$='/committee/agenda/add/']")
    for box in page.locator("form[action$='/attendance/'] input[name=present]").all():
        box.check()
    submit(page, "form[action$='/attendance/']")
    expect(page.locator("body")).to_contain_text("충족")
    return meeting


def vote(page: Page, base: str, meeting: str, username: str) -> None:
    login(page, base, username)
    page.goto(meeting)
    form = "form[action*='/committee/agenda/'][action$='/vote/']"
    page.select_option(f"{form} select[name=choice]", "approve")
    submit(page, form)


def record_votes_of_members_without_accounts(page: Page, meeting: str) -> None:
    page.goto(meeting)
    form = "form[action$='/vote/record/']"
    if not page.locator(form).count():
        return
    for value in page.locator(f"{form} select[name=member] option").evaluate_all(
            "os => os.map(o => o.value).filter(v => v)"):
        page.select_option(f"{form} select[name=member]", value)
        page.select_option(f"{form} select[name=choice]", "approve")
        submit(page, form)


def resolve(page: Page, meeting: str, shot) -> None:
    page.goto(meeting)
    form = "form[action$='/resolve/']"
    page.select_option(f"{form} select[name=decision]", "approved")
    page.fill(f"{form} input[name=resolved_on]", "2026-11-24")
    submit(page, form)
    expect(page.locator(".live b").first).to_have_text("원안 의결(승인)")
    shot(page, "09-committee-resolution")


def write_minutes(page: Page, meeting: str, downloads: Path) -> Path:
    """The secretary writes the minutes and exports them as DOCX (제6장 회의록)."""
    page.goto(meeting)
    form = "form[action$='/minutes/']"
    page.fill(f"{form} textarea[name=minutes]", "안건 1 원안 가결. 재적 4인 전원 출석, 찬성 4.")
    submit(page, form)
    with page.expect_download() as info:
        page.click("a[href$='/minutes.docx']")
    target = downloads / info.value.suggested_filename
    info.value.save_as(target)
    return target


def compliance_opinion(page: Page, base: str) -> None:
    page.goto(f"{base}/committee/workloads/{KEY}/")
    form = f"form[action$='/committee/workloads/{KEY}/compliance/']"
    page.select_option(f"{form} select[name=conclusion]", "no_objection")
    page.fill(f"{form} textarea[name=opinion]", "관련 법규 및 내부규정 위반 사항 없음")
    page.fill(f"{form} input[name=given_on]", "2026-11-24")
    submit(page, form)
    expect(page.locator("body")).to_contain_text("관련 법규 및 내부규정 위반 사항 없음")


def upload_contract(page: Page, base: str, contract: Path, shot) -> None:
    page.goto(f"{base}/contracts/workloads/{KEY}/")
    expect(page.locator("#contract-gate")).to_have_count(0)
    form = f"form[action$='/contracts/workloads/{KEY}/upload/']"
    page.locator(f"{form} input[name=document]").set_input_files(str(contract))
    submit(page, form)
    expect(page.locator("#review-error")).to_have_count(0)
    expect(page.locator("body")).to_contain_text(contract.name)
    expect(page.locator("#clauses")).to_be_visible()
    shot(page, "10-contract-review")


def report_package(page: Page, base: str, downloads: Path, shot) -> Path:
    page.goto(f"{base}/reports/workloads/{KEY}/")
    expect(page.locator("#report-gate")).to_have_count(0)
    submit(page, f"form[action$='/reports/workloads/{KEY}/generate/']")
    link = page.locator("#packages a").first
    expect(link).to_contain_text(".zip")
    shot(page, "11-report-package")
    with page.expect_download() as info:
        link.click()
    target = downloads / info.value.suggested_filename
    info.value.save_as(target)
    return target


def record_submission(page: Page, base: str) -> None:
    """The submission to the FSS: date and document number; the page says whether the deadline was met."""
    page.goto(f"{base}/reports/workloads/{KEY}/")
    form = f"form[action$='/reports/workloads/{KEY}/submit/']"
    page.fill(f"{form} input[name=submitted_on]", "2026-11-24")
    page.fill(f"{form} input[name=document_number]", "정보보호-2026-0471")
    submit(page, form)
    expect(page.locator("#submissions")).to_contain_text("정보보호-2026-0471")
    expect(page.locator("#submissions")).to_contain_text("기한 내 제출")


# --- the flow ------------------------------------------------------------------------------------

def test_main_flow_from_new_workload_to_report_package(live_server, seeded, browser, shot, artifacts_dir, tmp_path,
                                                       mailoutbox):
    base = live_server.url
    context = browser.new_context(locale="ko-KR", accept_downloads=True, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(f"{msg.text} ({msg.location.get('url')})")
            if msg.type == "error" and not msg.location.get("url", "").endswith("/favicon.ico") else None)
    evidence = tmp_path / "self-check-evidence.txt"
    evidence.write_text("접근통제 정책 및 점검 결과 (2026-10)\n", encoding="utf-8")

    # 1. The assessor: workload, scope (제1장 5, 별첨 2), importance (부록1) with the live score.
    login(page, base, "assessor@demo.example")
    shot(page, "00-dashboard")
    create_workload(page, base, shot)
    pass_scope(page, base, shot)
    assess_importance(page, base, shot)
    # 2. Provider evaluation (제4장): questionnaire from the engine's plan, sent to the provider.
    questionnaire = create_questionnaire(page, base, shot)
    send_questionnaire(page, questionnaire, shot)
    # 3. The provider's respondent, invited by e-mail, answers every item and submits.
    invitations = [m for m in mailoutbox if "provider@demo.example" in m.to]
    assert invitations, [m.to for m in mailoutbox]
    link = re.search(r"https?://\S+/evaluations/\d+/", invitations[-1].body).group(0)
    assert link == questionnaire, (link, questionnaire)
    login(page, base, "provider@demo.example", start=link)
    answer_as_provider(page, base, questionnaire, evidence, shot)
    # 4. The assessor verifies each answer (확인평가) and closes the evaluation.
    login(page, base, "assessor@demo.example")
    verify_and_close(page, questionnaire, shot)
    # 5. 정보보호위원회 (제6장): meeting, agenda, attendance, votes, compliance opinion, resolution.
    meeting = hold_committee(page, base, shot)
    record_votes_of_members_without_accounts(page, meeting)
    vote(page, base, meeting, "committee@demo.example")
    vote(page, base, meeting, "chair@demo.example")
    login(page, base, "compliance@demo.example")
    compliance_opinion(page, base)
    login(page, base, "chair@demo.example")
    resolve(page, meeting, shot)
    # 6. Minutes, then contract (제7장) and report (제8장) after the approving resolution.
    login(page, base, "assessor@demo.example")
    minutes = write_minutes(page, meeting, artifacts_dir)
    assert zipfile.is_zipfile(minutes), minutes  # a DOCX is a ZIP container
    upload_contract(page, base, CONTRACT, shot)
    package = report_package(page, base, artifacts_dir, shot)
    with zipfile.ZipFile(package) as zf:
        names = zf.namelist()
    assert any(n.endswith(".docx") for n in names), names
    record_submission(page, base)
    page.goto(f"{base}/workloads/{KEY}/")
    expect(page.locator("#stage")).to_have_attribute("data-stage", "reported")
    shot(page, "12-workload-after-flow")

    assert not errors, f"browser console errors (CSP or script): {errors}"
    context.close()
