"""The streaming JSON writer writes exactly what ``json.dumps(tree, ensure_ascii=False, indent=2)`` writes.

The ``fincloud.assessment/1`` output is a stable contract (shared/spec/portfolio.md): the fast writer
(orjson, parts shared between workloads encoded once) must not change one byte of it. The reference
below is the straightforward tree the writer replaced, encoded by the standard library.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
from pathlib import Path
from typing import Any

import pytest

from fincloud.catalog import load_catalog
from fincloud.engine import assess
from fincloud.engine.result import Assessment, Reason, WorkloadAssessment
from fincloud.messages import _render, _render_general, render, render_reason
from fincloud.portfolio.loader import load_portfolio, parse_portfolio
from fincloud.portfolio.synth import synth_portfolio
from fincloud.render.json_out import assessment_json, dumps, workload_json, write_json
from tests.engine.builders import AS_OF, portfolio, provider, workload

DEMO = Path(__file__).parents[2] / "src" / "fincloud" / "demo" / "demo-portfolio.yaml"


def _d(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _texts(reasons: Any, lang: str) -> list[str]:
    return [render_reason(r, lang) for r in reasons]


def _details(reasons: Any, lang: str) -> list[dict[str, Any]]:
    return [{"code": r.code, "text": render_reason(r, lang), "citation": r.citation,
             "params": json.loads(json.dumps(r.params, default=str))} for r in reasons]


def _schedule(s: Any, lang: str, *, with_required: bool) -> dict[str, Any]:
    out: dict[str, Any] = {"required": s.required} if with_required else {}
    out.update({"method": s.method, "due": _d(s.due), "status": s.status, "last_completed": _d(s.last_completed),
                "basis": s.basis, "reasons": _texts(s.reasons, lang)})
    return out


def _obligation(o: Any, lang: str) -> dict[str, Any]:
    return {"id": o.id, "workload": o.workload, "provider": o.provider, "due": _d(o.due), "status": o.status,
            "last_done": _d(o.last_done), "citation": o.citation,
            "reason": render_reason(o.reason, lang) if o.reason else None}


def reference_workload(w: WorkloadAssessment, lang: str) -> dict[str, Any]:
    out: dict[str, Any] = {"id": w.id, "name": w.name, "provider": w.provider, "service_model": w.service_model,
                           "in_scope": w.in_scope, "scope_reasons": _texts(w.scope_reasons, lang),
                           "scope_details": _details(w.scope_reasons, lang)}
    if not w.in_scope:
        out.update({"importance": None, "provider_evaluation": None, "contract_clauses": None,
                    "continuity_and_safeguards": None, "report": None, "obligations": [], "blockers": []})
        return out
    i, pe, cc, cs, r = (w.importance, w.provider_evaluation, w.contract_clauses, w.continuity_and_safeguards,
                        w.report)
    assert i and pe and cc and cs and r
    out["importance"] = {
        "information_class": i.information_class, "score": i.score, "threshold": i.threshold, "critical": i.critical,
        "items": {k: {"level": s.level, "points": s.points, "max_points": s.max_points,
                      "basis": render_reason(s.basis, lang) if s.basis else None} for k, s in i.items.items()},
        "warnings": _texts(i.warnings, lang), "warning_details": _details(i.warnings, lang),
        "complete": i.complete, "missing_items": list(i.missing_items), "reasons": _texts(i.reasons, lang),
        "rubric": i.rubric,
        "banding": "raw measures banded by each band's lower bound; with two measures the higher level wins",
    }
    out["provider_evaluation"] = {
        "required_items": list(pe.required_items), "skipped_items": dict(pe.skipped_items),
        "comprehensive": _schedule(pe.comprehensive, lang, with_required=False),
        "regular": _schedule(pe.regular, lang, with_required=True),
        "blockers": [render_reason(b, lang, with_citation=True) for b in pe.blockers],
        "blocker_details": _details(pe.blockers, lang), "reevaluations": _texts(pe.reevaluations, lang),
        "certificates": _texts(pe.certificates, lang), "notes": _texts(pe.notes, lang),
    }
    out["contract_clauses"] = {"required": list(cc.required), "indirect": cc.indirect,
                               "reasons": _texts(cc.reasons, lang), "findings": cc.findings}
    out["continuity_and_safeguards"] = {
        "required": list(cs.required), "recommended": list(cs.recommended), "reasons": _texts(cs.reasons, lang),
        "machine_evidence": {q.id: list(q.machine_evidence) for q in cs.requirements if q.machine_evidence}}
    out["report"] = {
        "required": r.required, "trigger": r.trigger, "due": _d(r.due), "status": r.status,
        "items": [{"trigger": it.trigger, "event_date": _d(it.event_date), "due": _d(it.due), "status": it.status,
                   "immediate": it.immediate, "reported_on": _d(it.reported_on),
                   "reason": render_reason(it.reason, lang) if it.reason else None,
                   "citation": it.reason.citation if it.reason else None} for it in r.items],
        "attachments": list(r.attachments), "reasons": _texts(r.reasons, lang)}
    out["obligations"] = [_obligation(o, lang) for o in w.obligations]
    out["blockers"] = [render_reason(b, lang, with_citation=True) for b in w.blockers]
    if w.exit is not None:
        out["exit"] = {"stage": w.exit.stage, "started_on": _d(w.exit.started_on),
                       "completed_on": _d(w.exit.completed_on), "data_destroyed_on": _d(w.exit.data_destroyed_on),
                       "reasons": _texts(w.exit.reasons, lang)}
    return out


def reference(a: Assessment, lang: str) -> str:
    tree = {
        "schema": a.schema_id, "as_of": a.as_of.isoformat(), "catalog": a.catalog, "institution": a.institution,
        "workloads": [reference_workload(w, lang) for w in a.workloads],
        "providers": [{"id": p.id, "name": p.name, "workloads": p.workloads, "critical_workloads": p.critical_workloads,
                       "share": p.share, "critical_share": p.critical_share, "foreign": p.foreign,
                       "flags": _texts(p.flags, lang)} for p in a.providers],
        "concentration": {"hhi": a.concentration.hhi, "critical_hhi": a.concentration.critical_hhi,
                          "flags": _texts(a.concentration.flags, lang)},
        "obligations": [_obligation(o, lang) for o in a.obligations],
    }
    return json.dumps(tree, ensure_ascii=False, indent=2)


def _demo() -> Assessment:
    p = load_portfolio(DEMO)
    return assess(p, load_catalog(), p.institution.as_of)


def _odd_numbers() -> Assessment:
    """Recorded points json writes in exponent form (1e-05), huge amounts, warnings with float parameters."""
    odd = {"points": 1e-05}
    wls = [workload(id="tiny", importance={"external_orgs": odd, "internal_systems": {"points": 2.5e-07},
                                           "loss": 10**15, "rto": 0.0001}),
           workload(id="plain"), workload(id="abroad", region="us", information=["personal_credit"]),
           workload(id="msp", scope={"via_intermediary": True, "intermediary": "MSP"})]
    return assess(parse_portfolio(portfolio(wls, [provider()])), load_catalog(), AS_OF)


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("build", [_demo, _odd_numbers, lambda: assess(
    parse_portfolio(synth_portfolio(300, 12, seed=3)), load_catalog(), dt.date(2026, 11, 24))],
    ids=["demo", "odd-numbers", "synthetic"])
def test_json_output_is_byte_identical_to_the_standard_encoder(build, lang) -> None:
    a = build()
    expected = reference(a, lang)
    assert dumps(a, lang) == expected
    stream = io.BytesIO()
    write_json(a, stream, lang)
    assert stream.getvalue() == (expected + "\n").encode("utf-8")
    assert assessment_json(a, lang) == json.loads(expected)
    assert workload_json(a.workloads[0], lang) == json.loads(json.dumps(reference_workload(a.workloads[0], lang)))


def test_empty_portfolio_has_an_empty_workload_list() -> None:
    a = assess(parse_portfolio(portfolio([], [provider()])), load_catalog(), AS_OF)
    assert dumps(a) == reference(a, "ko")


def test_remembered_texts_never_confuse_equal_values_of_other_types() -> None:
    """1 == True == 1.0 and 0.0 == -0.0, but they are written differently."""
    texts = [render("blocker.open_deficiencies", {"count": v, "date": dt.date(2026, 1, 2)}, "en")
             for v in (1, True, 1.0, 1, True)]
    assert texts[0] == texts[3] and texts[1] == texts[4]
    assert "True" in texts[1] and "True" not in texts[0]
    zero = render("concentration.high_hhi", {"hhi": 0.0}, "en")
    negative = render("concentration.high_hhi", {"hhi": -0.0}, "en")
    assert zero == _render_general("concentration.high_hhi", {"hhi": 0.0}, "en")
    assert negative == _render_general("concentration.high_hhi", {"hhi": -0.0}, "en")


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_fast_formatting_matches_the_general_one_for_every_demo_reason(lang) -> None:
    a = _demo()
    reasons: list[Reason] = []
    for w in a.workloads:
        reasons += [*w.scope_reasons, *w.blockers, *(o.reason for o in w.obligations if o.reason)]
        if w.importance:
            reasons += [*w.importance.warnings, *w.importance.reasons,
                        *(s.basis for s in w.importance.items.values() if s.basis)]
        if w.provider_evaluation:
            pe = w.provider_evaluation
            reasons += [*pe.comprehensive.reasons, *pe.regular.reasons, *pe.reevaluations, *pe.certificates,
                        *pe.notes, *(p.reason for p in pe.items if p.reason)]
        if w.report:
            reasons += [*w.report.reasons, *(i.reason for i in w.report.items if i.reason)]
        if w.exit:
            reasons += list(w.exit.reasons)
    assert len(reasons) > 100
    for r in reasons:
        assert _render(r.code, r.params, lang) == _render_general(r.code, r.params, lang), r.code


def test_two_processes_write_the_same_bytes(tmp_path, monkeypatch) -> None:
    """The command line encodes a large assessment's second half in a forked copy; the file is unchanged."""
    import fincloud.render.json_out as json_out

    if not hasattr(os, "fork"):
        pytest.skip("no fork on this platform")
    monkeypatch.setattr(json_out, "PARALLEL_MIN_WORKLOADS", 10)
    a = assess(parse_portfolio(synth_portfolio(300, 12, seed=5)), load_catalog(), dt.date(2026, 11, 24))
    expected = (reference(a, "ko") + "\n").encode("utf-8")
    target = tmp_path / "out.json"
    for block in (7, 50, 150, 500):  # an odd or even number of blocks, the last one short; or one block
        monkeypatch.setattr(json_out, "_BLOCK", block)
        with target.open("wb") as out:
            write_json(a, out, "ko", processes=2)
        assert target.read_bytes() == expected, block
    small = _demo()  # below the threshold: one process, same text
    with target.open("wb") as out:
        write_json(small, out, "en", processes=2)
    assert target.read_bytes() == (reference(small, "en") + "\n").encode("utf-8")


def test_when_the_second_process_fails_the_first_writes_the_rest(tmp_path, monkeypatch) -> None:
    import fincloud.render.json_out as json_out

    if not hasattr(os, "fork"):
        pytest.skip("no fork on this platform")
    parent = os.getpid()
    encode = json_out._Renderer.workload_bytes

    def failing_in_the_copy(self, w):
        if os.getpid() != parent and w.id.endswith("5"):
            raise RuntimeError("simulated failure")
        return encode(self, w)

    monkeypatch.setattr(json_out, "PARALLEL_MIN_WORKLOADS", 10)
    monkeypatch.setattr(json_out, "_BLOCK", 20)
    monkeypatch.setattr(json_out._Renderer, "workload_bytes", failing_in_the_copy)
    a = assess(parse_portfolio(synth_portfolio(200, 8, seed=9)), load_catalog(), dt.date(2026, 11, 24))
    target = tmp_path / "out.json"
    with target.open("wb") as out:
        write_json(a, out, "en", processes=2)
    assert target.read_bytes() == (reference(a, "en") + "\n").encode("utf-8")
