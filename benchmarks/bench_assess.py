"""Benchmark: load + validate + assess synthetic portfolios (not a timed test; prints its figures).

Targets (issue 3): 10,000 workloads on 200 providers in ≤ 2 s wall and ≤ 500 MB peak memory on the
2-core machine, time growing linearly with workloads. Each size runs in a fresh process so that its
peak resident memory is its own. JSON is the format for large portfolios (PyYAML's parser runs at
roughly 1 MB/s); the YAML figure is printed for information.

    .venv/bin/python benchmarks/bench_assess.py [--sizes 1000 10000 50000] [--providers 200]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = r"""
import json, resource, sys, time
t0 = time.perf_counter()
from fincloud.catalog import load_catalog
from fincloud.engine import assess
from fincloud.portfolio.loader import load_portfolio
from fincloud.yamlio import bulk_allocation
catalog = load_catalog()
t1 = time.perf_counter()
portfolio = load_portfolio(sys.argv[1])
t2 = time.perf_counter()
with bulk_allocation():
    result = assess(portfolio, catalog, portfolio.institution.as_of)
t3 = time.perf_counter()
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"import_and_catalog": t1 - t0, "load": t2 - t1, "assess": t3 - t2, "total": t3 - t0,
                  "workloads": len(result.workloads), "peak_mb": peak_mb}))
"""


def run(path: Path) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", CHILD, str(path)], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    parser.add_argument("--providers", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the best is reported")
    args = parser.parse_args()

    from fincloud.portfolio.synth import synth_portfolio

    print(f"fincloud assessment benchmark — {args.providers} providers, best of {args.repeat} runs, fresh process each")
    print(f"{'workloads':>10} {'format':>6} {'load s':>8} {'assess s':>9} {'total s':>8} {'µs/wl':>7} {'peak MB':>8}")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            data = synth_portfolio(n, args.providers)
            path = Path(tmp) / f"synth-{n}.json"
            path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            best = min((run(path) for _ in range(args.repeat)), key=lambda r: r["load"] + r["assess"])
            work = best["load"] + best["assess"]
            rows.append((n, work))
            print(f"{n:>10} {'json':>6} {best['load']:>8.3f} {best['assess']:>9.3f} {best['total']:>8.3f} "
                  f"{work / n * 1e6:>7.1f} {best['peak_mb']:>8.0f}")
            if n == 10000:
                import yaml

                ypath = Path(tmp) / "synth-10000.yaml"
                ypath.write_text(yaml.dump(data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper),
                                           allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
                y = run(ypath)
                print(f"{n:>10} {'yaml':>6} {y['load']:>8.3f} {y['assess']:>9.3f} {y['total']:>8.3f} "
                      f"{(y['load'] + y['assess']) / n * 1e6:>7.1f} {y['peak_mb']:>8.0f}   (information)")
    if len(rows) >= 2:
        (n0, t0), (n1, t1) = rows[0], rows[-1]
        print(f"growth: {n1 / n0:.0f}× workloads → {t1 / t0:.1f}× time (linear would be {n1 / n0:.0f}×)")
    print("targets: 10,000 workloads ≤ 2 s total (load + validation + assessment, plus start-up), ≤ 500 MB peak")


if __name__ == "__main__":
    main()
