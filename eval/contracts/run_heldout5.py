"""Score the fifth held-out set (gold_heldout5.yaml, heldout5/r01–r06) with run_eval's scoring.

    .venv/bin/python eval/contracts/run_heldout5.py | tee eval/contracts/heldout5/RUN_round5.txt

The set was written by an independent author; its texts and gold file are checked against
heldout5/SHA256SUMS (recorded before any run) and the run stops with exit 1 on a mismatch.
Scoring, report and exit code are those of run_eval.py (this script only adds the set).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import run_eval  # noqa: E402  (eval/contracts/run_eval.py; not a package)

GOLD = HERE / "gold_heldout5.yaml"
SUMS = HERE / "heldout5" / "SHA256SUMS"


def main() -> int:
    if not run_eval.verify_checksums(SUMS):
        return 1
    catalog = run_eval.load_catalog()
    run_eval.get_analyser()
    concepts = run_eval.load_concepts(Path(catalog.data_dir))
    print(f"analyser + concepts loaded in {run_eval.load_time():.2f} s (analyser only)")
    _f1, negated = run_eval.evaluate("heldout5", [GOLD], catalog, concepts)
    return 1 if negated > 0 else 0


if __name__ == "__main__":
    sys.exit(main())
