"""Portfolio file ⇄ workspace database (WORKSPACE.md "One loop"; issue 4 "API and interchange"):
a file imported and exported again is the same portfolio, and the workspace's rows give the engine
exactly the portfolio the CLI loads, so every workload gets the same decisions on the page as in
``fincloud assess``."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest

from fincloud.catalog import load_catalog
from fincloud.engine import assess
from fincloud.portfolio.dump import portfolio_data
from fincloud.portfolio.loader import load_portfolio, parse_portfolio
from fincloud.portfolio.synth import synth_portfolio
from fincloud.render.json_out import workload_json
from fincloud.web.workspace import bridge
from fincloud.web.workspace.assessment import workload_result
from fincloud.web.workspace.models import Institution

AS_OF = dt.date(2026, 11, 24)
DEMO = Path(str(files("fincloud.demo").joinpath("demo-portfolio.yaml")))


def _import(portfolio) -> Institution:
    return bridge.import_portfolio(portfolio, actor="test")


def _same_decisions(original, inst: Institution) -> None:
    catalog = load_catalog("fsi-2023")
    cli = assess(original, catalog, AS_OF)
    web = assess(bridge.portfolio_from_db(inst), catalog, AS_OF)
    assert [w.id for w in web.workloads] == [w.id for w in cli.workloads]
    for a, b in zip(web.workloads, cli.workloads, strict=True):
        assert workload_json(a, "ko") == workload_json(b, "ko"), a.id
        assert workload_json(a, "en") == workload_json(b, "en"), a.id


def test_demo_portfolio_round_trips_losslessly(db):
    original = load_portfolio(DEMO)
    inst = _import(original)
    assert bridge.export_portfolio(inst) == portfolio_data(original)


def test_demo_portfolio_gives_the_same_decisions_as_the_engine_on_the_file(db):
    original = load_portfolio(DEMO)
    _same_decisions(original, _import(original))


def test_workspace_results_equal_the_cli_json_output(db):
    """The cached per-workload JSON the pages and the API show is the CLI's ``--format json`` entry."""
    inst = _import(load_portfolio(DEMO))
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    cli_path = Path(sys.executable).with_name("fincloud")
    out = subprocess.run([str(cli_path), "assess", str(DEMO), "--format", "json", "--as-of", AS_OF.isoformat(),
                          "--lang", "ko", "--no-evidence"], capture_output=True, env=env, check=True)
    cli = {w["id"]: w for w in json.loads(out.stdout)["workloads"]}
    assert set(cli) == set(inst.workloads.values_list("key", flat=True))
    for w in inst.workloads.all():
        assert workload_result(w, "ko") == cli[w.key], w.key


@pytest.fixture(scope="module")
def synthetic():
    return parse_portfolio(synth_portfolio(300, 20), name="synth")


def test_synthetic_portfolio_round_trips_losslessly(db, synthetic):
    inst = _import(synthetic)
    assert inst.workloads.count() == 300 and inst.providers.count() == 20
    assert bridge.export_portfolio(inst) == portfolio_data(synthetic)


def test_synthetic_portfolio_gives_the_same_decisions(db, synthetic):
    _same_decisions(synthetic, _import(synthetic))


def test_reimporting_the_export_changes_nothing(db):
    """Importing the workspace's own export is a no-op: no row changes, so no workload events."""
    from fincloud.web.audit.models import AuditEvent

    inst = _import(load_portfolio(DEMO))
    exported = bridge.export_portfolio(inst)
    events = AuditEvent.objects.filter(action="workload.import").count()
    bridge.import_portfolio(parse_portfolio(exported), actor="test", institution=inst)
    assert AuditEvent.objects.filter(action="workload.import").count() == events
    assert bridge.export_portfolio(inst) == exported
