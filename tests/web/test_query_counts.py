"""No N+1 queries on the busiest pages (issue 4 performance: dashboard, workload list, workload
detail): each page makes a small fixed number of queries, and that number does not grow when the
portfolio grows — checked on the demo (13 workloads) and again after 200 more synthetic workloads on
5 more providers. The pages read cached engine results (WORKSPACE.md "One loop"), so their cost is
rows and aggregates, not one query per workload."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from fincloud.portfolio.loader import parse_portfolio
from fincloud.portfolio.synth import synth_portfolio
from fincloud.web.workspace.bridge import import_portfolio, institution_data
from fincloud.web.workspace.models import Workload

# Upper bounds per page: session, user, profile, institution, cache check, the page's own queries,
# the session save. Measured 9 on each page; two spare for harmless framework changes.
MAX_QUERIES = {"dashboard": 11, "workload list": 11, "workload list (filtered)": 11, "workload detail": 11}


def _pages(detail_key: str) -> dict[str, str]:
    return {
        "dashboard": "/",
        "workload list": "/workloads/?page=1",
        "workload list (filtered)": "/workloads/?importance=critical&service_model=SaaS&attention=overdue&page=1",
        "workload detail": f"/workloads/{detail_key}/",
    }


def _count(client, url: str) -> int:
    client.get(url)  # the first request after a change recomputes the cache; count the steady state
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def _grow(inst, workloads: int = 200, providers: int = 5) -> None:
    data = synth_portfolio(workloads, providers, seed=11)
    data["institution"] = institution_data(inst)
    import_portfolio(parse_portfolio(data, name="synthetic"), actor="test", institution=inst)


@pytest.mark.parametrize("page", list(MAX_QUERIES))
def test_page_query_count_is_bounded(assessor, demo, page, django_assert_max_num_queries):
    url = _pages(demo.workloads.order_by("key").first().key)[page]
    assessor.get(url)
    with django_assert_max_num_queries(MAX_QUERIES[page]):
        response = assessor.get(url)
    assert response.status_code == 200


def test_query_counts_do_not_grow_with_the_number_of_workloads(assessor, demo, django_assert_max_num_queries):
    first = demo.workloads.order_by("key").first().key
    before = {name: _count(assessor, url) for name, url in _pages(first).items()}
    assert min(before.values()) >= 4, before  # the counting sees the page's queries (session, user, rows…)

    _grow(demo)
    assert Workload.objects.filter(institution=demo).count() >= 213
    after = {name: _count(assessor, url) for name, url in _pages(first).items()}
    assert after == before

    synthetic = Workload.objects.filter(institution=demo, key__startswith="wl-").order_by("key").last().key
    detail_url = _pages(synthetic)["workload detail"]
    assessor.get(detail_url)
    with django_assert_max_num_queries(before["workload detail"]):
        assert assessor.get(detail_url).status_code == 200
    for page, url in _pages(first).items():
        with django_assert_max_num_queries(MAX_QUERIES[page]):
            assert assessor.get(url).status_code == 200


def _recompute_queries(inst) -> int:
    from fincloud.web.workspace.assessment import ensure_current
    from fincloud.web.workspace.bridge import bump

    bump(inst)
    with CaptureQueriesContext(connection) as ctx:
        ensure_current(inst)
    return len(ctx.captured_queries)


def test_cache_recompute_query_count_does_not_grow_with_the_number_of_workloads(demo):
    """Recomputing the engine results after a change (every save bumps the revision) reads the
    portfolio in a fixed number of queries, whatever its size."""
    small = _recompute_queries(demo)
    _grow(demo)
    large = _recompute_queries(demo)
    assert large <= small + 2, (small, large)
