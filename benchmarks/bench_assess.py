"""Benchmark: load + validate + assess + write the JSON of synthetic portfolios (not a timed test; prints its figures).

Targets (issue 3): 10,000 workloads on 200 providers in ≤ 2 s wall and ≤ 500 MB peak memory on the
2-core machine, time growing linearly with workloads. The figure that counts is the real command,
``fincloud assess FILE --format json`` (start-up, loading, validation, assessment and the JSON it
writes, about 18 kB per workload), timed in a fresh process with its output sent to /dev/null;
its phases are then timed one by one in another fresh process. Each size runs in fresh processes
so that its peak resident memory is its own (the largest of the command and the copy it forks to
encode half of the JSON on the second core). JSON is the format for large portfolios (PyYAML's
parser runs at roughly 1 MB/s); the YAML figure is printed for information.

This machine's speed varies by a factor of three or more from one minute to the next, so the time
of 10 million integer additions is printed before and after: compare figures taken at similar speeds.

    .venv/bin/python benchmarks/bench_assess.py [--sizes 1000 10000 50000] [--providers 200]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = r"""
import gc, json, resource, sys, time
t0 = time.perf_counter()
from fincloud.catalog import load_catalog
from fincloud.engine import assess
from fincloud.portfolio.loader import load_portfolio
from fincloud.render.json_out import write_json
from fincloud.yamlio import bulk_allocation
catalog = load_catalog()
t1 = time.perf_counter()
portfolio = load_portfolio(sys.argv[1])
t2 = time.perf_counter()
with bulk_allocation():
    result = assess(portfolio, catalog, portfolio.institution.as_of)
    gc.freeze()  # as the command does: the assessment lives until the end
t3 = time.perf_counter()
with open(sys.argv[2], "wb") as out:
    write_json(result, out, processes=2)  # as the command does
t4 = time.perf_counter()
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"import_and_catalog": t1 - t0, "load": t2 - t1, "assess": t3 - t2, "render": t4 - t3,
                  "total": t4 - t0, "workloads": len(result.workloads), "peak_mb": peak_mb}))
"""

CALIBRATION = "s = 0\nfor i in range(10_000_000):\n    s += i\n"


def calibrate() -> float:
    """Seconds for 10 million integer additions in a fresh interpreter (the machine's current speed)."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", CALIBRATION], check=True)
    return time.perf_counter() - start


def run(path: Path, sink: str = os.devnull) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", CHILD, str(path), sink], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def cli_command() -> list[str]:
    script = shutil.which("fincloud", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-c", "from fincloud.cli.main import main; main()"]


def run_cli(path: Path) -> tuple[float, float]:
    """Wall seconds and peak MB of ``fincloud assess FILE --format json`` with its output to /dev/null."""
    with open(os.devnull, "wb") as sink, tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        proc = subprocess.Popen([*cli_command(), "assess", str(path), "--format", "json"], stdout=sink, stderr=errors)
        _, status, usage = os.wait4(proc.pid, 0)  # the child's own resource usage (its peak memory)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode:
            errors.seek(0)
            raise SystemExit(f"fincloud assess failed ({proc.returncode}): {errors.read().decode()}")
    return wall, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    parser.add_argument("--providers", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the best is reported")
    args = parser.parse_args()

    from fincloud.portfolio.synth import synth_portfolio

    print(f"fincloud assessment benchmark — {args.providers} providers, best of {args.repeat} runs, fresh process each")
    print(f"machine speed: 10M integer additions in {calibrate():.2f} s")
    print(f"{'workloads':>10} {'format':>6} {'start s':>8} {'load s':>7} {'assess s':>9} {'json s':>7} "
          f"{'CLI wall s':>10} {'µs/wl':>7} {'peak MB':>8}")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            data = synth_portfolio(n, args.providers)
            path = Path(tmp) / f"synth-{n}.json"
            path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            wall, peak = min(run_cli(path) for _ in range(args.repeat))
            best = min((run(path) for _ in range(args.repeat)), key=lambda r: r["total"])
            rows.append((n, wall))
            print(f"{n:>10} {'json':>6} {best['import_and_catalog']:>8.3f} {best['load']:>7.3f} {best['assess']:>9.3f} "
                  f"{best['render']:>7.3f} {wall:>10.3f} {wall / n * 1e6:>7.1f} {peak:>8.0f}")
            if n == 10000:
                import yaml

                ypath = Path(tmp) / "synth-10000.yaml"
                ypath.write_text(yaml.dump(data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper),
                                           allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
                y = run(ypath)
                print(f"{n:>10} {'yaml':>6} {y['import_and_catalog']:>8.3f} {y['load']:>7.3f} {y['assess']:>9.3f} "
                      f"{y['render']:>7.3f} {'':>10} {y['total'] / n * 1e6:>7.1f} {y['peak_mb']:>8.0f}   (information, in process)")
    if len(rows) >= 2:
        (n0, t0), (n1, t1) = rows[0], rows[-1]
        print(f"growth: {n1 / n0:.0f}× workloads → {t1 / t0:.1f}× CLI wall time (linear would be {n1 / n0:.0f}×)")
    print(f"machine speed: 10M integer additions in {calibrate():.2f} s")
    print("targets: 10,000 workloads ≤ 2 s CLI wall (start-up, load, validation, assessment, JSON written), "
          "≤ 500 MB peak")


if __name__ == "__main__":
    main()
