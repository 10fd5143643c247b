"""Cost control: 가이드 제5장 2 1) 계정 관리 다. 권고 — 계정별 비용 지출 상한선, 예산 초과 알림."""

from __future__ import annotations

from fincloud.evidence.config.checks import check
from fincloud.evidence.config.checks.base import absent
from fincloud.evidence.config.model import Estate, Finding


@check("budget_alerts")
def budget_alerts(estate: Estate) -> list[Finding]:
    budgets = estate.of("budget")
    if not budgets:
        return absent(estate, "budget")
    out = []
    for b in budgets:
        limit, notes = b.attrs.get("limit"), b.attrs.get("notifications")
        if not limit:
            out.append(Finding(b.address, "fail", "budget has no spending limit"))
        elif notes is None:
            out.append(Finding(b.address, "cannot_tell", "alert notifications not in input"))
        elif notes == 0:
            out.append(Finding(b.address, "fail", f"limit {limit} {b.attrs.get('unit') or ''} but no alert notification".replace("  ", " ")))
        else:
            out.append(Finding(b.address, "pass", f"limit {limit} {b.attrs.get('unit') or ''}, {notes} alert notification(s)".replace("  ", " ")))
    return out
