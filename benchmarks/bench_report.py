"""Time to write one workload's report package (target: at most 3 s on a 2-core machine).

Run: ``.venv/bin/python benchmarks/bench_report.py [WORKLOAD_ID] [--cold]``

Prints wall-clock and CPU seconds for the first (cold: font subset cut and cached) and
following (warm: subset cached) packages, and the split per step. Not a timed test: machines
differ and a shared CI runner is noisy. ``--cold`` uses an empty font cache folder, as a first
run on a new machine would.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if "--cold" in sys.argv:
        os.environ["FINCLOUD_CACHE_DIR"] = tempfile.mkdtemp(prefix="fincloud-bench-cache-")
    workload = args[0] if args else "wl-internet-banking"

    from fincloud.catalog import load_catalog
    from fincloud.documents.package import write_package
    from fincloud.engine import assess
    from fincloud.portfolio.loader import load_portfolio

    portfolio = load_portfolio(ROOT / "src" / "fincloud" / "demo" / "demo-portfolio.yaml")
    catalog = load_catalog()
    assessment = assess(portfolio, catalog, portfolio.institution.as_of)
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(3):
            steps: list[tuple[float, str]] = []
            record = steps.append
            wall, cpu = time.perf_counter(), time.process_time()
            write_package(portfolio, assessment, catalog, Path(tmp) / f"run{run}", workload_ids=[workload],
                          progress=lambda m, record=record: record((time.perf_counter(), m)))
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            label = "cold" if run == 0 else "warm"
            print(f"run {run + 1} ({label}): {wall:.2f} s wall, {cpu:.2f} s CPU — {workload}")
            if run == 0:
                start = time.perf_counter() - wall
                previous = start
                for moment, message in steps:
                    print(f"    {moment - previous:5.2f} s  {message}")
                    previous = moment
    print(f"load average: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
