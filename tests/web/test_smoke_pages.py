"""Every workspace page renders for the assessor on the demo data (rule: the workspace shows the
engine's decisions for every workload; WORKSPACE.md "One loop")."""

import pytest

from fincloud.web.workspace.models import Workload

TABS = ["", "scope/", "importance/", "evaluation/", "safeguards/", "exit-plan/", "timeline/", "events/new/", "edit/"]


@pytest.mark.parametrize("tab", TABS)
def test_every_workload_tab_renders_for_every_demo_workload(assessor, tab):
    for w in Workload.objects.all():
        response = assessor.get(f"/workloads/{w.key}/{tab}")
        assert response.status_code == 200, (w.key, tab)


def test_dashboard_counts_match_the_engine(assessor, demo):
    from fincloud.web.workspace.assessment import compute

    result = compute(demo).assessment
    from fincloud.web.workspace.assessment import ensure_current
    from fincloud.web.workspace.views.dashboard import dashboard_context

    response = assessor.get("/")
    assert response.status_code == 200
    counts = dashboard_context(demo, ensure_current(demo), "ko")["counts"]
    assert f'<div class="big">{counts["in_scope"]}</div>' in response.content.decode()
    assert counts["total"] == len(result.workloads)
    assert counts["in_scope"] == sum(1 for w in result.workloads if w.in_scope)
    assert counts["critical"] == sum(1 for w in result.workloads if w.in_scope and w.importance.critical)
