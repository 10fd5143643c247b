"""Every reason code the engine emits has Korean and English wording (UI and documents are Korean first)."""

from __future__ import annotations

import re
from pathlib import Path

from fincloud.engine.provider_evaluation import COMPREHENSIVE_TRIGGERS, REGULAR_TRIGGERS
from fincloud.messages import MESSAGES, render

ENGINE = Path(__file__).parents[2] / "src" / "fincloud" / "engine"


def _emitted_codes() -> set[str]:
    codes: set[str] = set()
    for path in ENGINE.glob("*.py"):
        codes |= set(re.findall(r'code="([a-z_]+\.[a-z_0-9]+)"', path.read_text(encoding="utf-8")))
        codes |= set(re.findall(r'"([a-z_]+\.[a-z_0-9]+)" if ', path.read_text(encoding="utf-8")))
    from fincloud.catalog import load_catalog

    codes |= {f"scope.{r.id}" for r in load_catalog().scope_rules.not_applies if r.decides}
    codes |= {f"reevaluation.{k}" for k in COMPREHENSIVE_TRIGGERS | REGULAR_TRIGGERS}
    return codes


def test_every_emitted_code_has_korean_and_english() -> None:
    codes = _emitted_codes()
    assert len(codes) > 40
    missing = sorted(c for c in codes if c not in MESSAGES)
    assert missing == []
    for code in codes:
        ko, en = MESSAGES[code]
        assert ko and en and ko != en


def test_rendering_the_demo_leaves_no_placeholder() -> None:
    """No '{param}' survives rendering of any reason in the demo assessment, in either language."""
    from fincloud.catalog import load_catalog
    from fincloud.engine import assess
    from fincloud.portfolio.loader import load_portfolio

    demo = Path(__file__).parents[2] / "src" / "fincloud" / "demo" / "demo-portfolio.yaml"
    p = load_portfolio(demo)
    a = assess(p, load_catalog(), p.institution.as_of)
    reasons = []
    for w in a.workloads:
        reasons += list(w.scope_reasons) + list(w.blockers)
        if w.importance:
            reasons += list(w.importance.warnings) + list(w.importance.reasons)
            reasons += [s.basis for s in w.importance.items.values() if s.basis]
            pe = w.provider_evaluation
            reasons += [*pe.comprehensive.reasons, *pe.regular.reasons, *pe.certificates, *pe.reevaluations,
                        *pe.notes, *[i.reason for i in pe.items if i.reason]]
            reasons += [*w.report.reasons, *[i.reason for i in w.report.items if i.reason]]
            reasons += [o.reason for o in w.obligations if o.reason]
    reasons += list(a.concentration.flags)
    assert len(reasons) > 100
    for r in reasons:
        for lang in ("ko", "en"):
            text = render(r.code, r.params, lang)
            assert "{" not in text and text != r.code, (r.code, lang, text)
