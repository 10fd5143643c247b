"""The pre-submission check finds what blocks filing, and only confirmations for a clean workload."""

from __future__ import annotations

import json

import pytest

from fincloud.documents.labels import FILES
from fincloud.documents.presubmission import presubmission_check
from fincloud.engine import Evidence, assess
from fincloud.errors import InputError


def rules(findings, severity=None):
    return {f.rule for f in findings if severity is None or f.severity == severity}


def test_blocked_workload_has_errors_for_blockers_evaluation_and_exit_plan(demo):
    findings = presubmission_check(*demo, "wl-crm")
    errors = rules(findings, "error")
    assert {"blocker.data_outside_korea", "blocker.open_deficiencies", "evaluation.comprehensive_not_done",
            "exit.missing"} <= errors
    assert all(f.citation for f in findings)
    assert [f.severity for f in findings] == sorted((f.severity for f in findings),
                                                    key=["error", "warning", "info"].index)


def test_items_only_a_person_can_confirm_are_listed(demo):
    info = rules(presubmission_check(*demo, "wl-crm"), "info")
    assert {"person.compliance_opinion", "person.committee_resolution", "person.report_form"} <= info


def test_documents_not_updated_after_a_change_are_an_error(demo):
    assert "documents.stale" in rules(presubmission_check(*demo, "wl-internet-banking"), "error")


def test_overdue_report_is_an_error(clean):
    portfolio, _, catalog = clean
    workload = portfolio.workloads[0]
    late = workload.model_copy(update={"events": (*workload.events, type(workload.events[0])(
        kind="continuity_material_change", date=workload.events[0].date.replace(year=2026, month=5)))})
    changed = portfolio.model_copy(update={"workloads": (late,)})
    assessment = assess(changed, catalog, changed.institution.as_of)
    assert "report.overdue" in rules(presubmission_check(changed, assessment, catalog, "wl-clean"), "error")


def test_clean_workload_has_only_confirmations(clean):
    findings = presubmission_check(*clean, "wl-clean")
    assert findings and {f.severity for f in findings} == {"info"}


def test_missing_or_contradicted_contract_clauses_are_errors_when_reviewed(clean):
    portfolio, _, catalog = clean
    review = {"data_destruction": {"status": "contradicted"}, "data": {"status": "missing"},
              "confidentiality": {"status": "partly"}}
    assessment = assess(portfolio, catalog, portfolio.institution.as_of,
                        evidence=Evidence(contract={"wl-clean": review}))
    findings = presubmission_check(portfolio, assessment, catalog, "wl-clean")
    assert {"contract.clause_contradicted", "contract.clause_missing"} <= rules(findings, "error")
    assert {"contract.clause_partly", "contract.clause_not_reviewed"} <= rules(findings, "warning")


def test_failed_configuration_scan_is_a_warning(clean):
    portfolio, _, catalog = clean
    scan = {"wl-clean": {"logging.e1": [{"id": "audit_logging_enabled", "status": "fail"}]}}
    assessment = assess(portfolio, catalog, portfolio.institution.as_of, evidence=Evidence(safeguards=scan))
    assert "safeguards.scan_failed" in rules(presubmission_check(portfolio, assessment, catalog, "wl-clean"), "warning")


def test_unknown_workload_is_an_input_error(demo):
    with pytest.raises(InputError):
        presubmission_check(*demo, "wl-nope")


def test_package_writes_the_check_as_markdown_and_json(demo_package):
    out, _ = demo_package
    data = json.loads((out / "wl-crm" / f"{FILES['presubmission']}.json").read_text(encoding="utf-8"))
    assert data["schema"] == "fincloud.presubmission/1" and data["ready"] is False
    assert data["counts"]["error"] >= 4
    markdown = (out / "wl-crm" / f"{FILES['presubmission']}.md").read_text(encoding="utf-8")
    assert "제출 불가" in markdown and "blocker.data_outside_korea" in markdown
