"""Evaluate contract review against the gold labels: precision, recall, F1 per clause and overall.

    .venv/bin/python eval/contracts/run_eval.py               # tuning and held-out, reported apart
    .venv/bin/python eval/contracts/run_eval.py --set tuning  # only the tuning set
    .venv/bin/python eval/contracts/run_eval.py --set heldout --heldout GOLD.yaml --sums DIR/SHA256SUMS

The tuning set is gold_tuning.yaml (generated from clause_library.py by build_tuning.py) plus
gold_tuning_written.yaml (contracts written by hand, including the first held-out set, w01–w04)
plus gold_tuning_heldout2.yaml (the second held-out set, n01–n06) plus gold_tuning_heldout3.yaml
(the third held-out set, n07–n12) plus gold_heldout.yaml (the fourth held-out set, n13–n16, seen
in round 4) plus gold_heldout5.yaml / gold_heldout6.yaml / gold_heldout7.yaml (the fifth to seventh
held-out sets, each by an independent author, seen after their single runs) plus
gold_tuning8_a/b/c.yaml (tuning8/, written in round 8 by three independent authors as tuning
material, labelled by LABELLING.md). Earlier held-out sets keep their file names and folders so that
their SHA256SUMS and RUN_round*.txt records stay valid.

The round-8 held-out slot had four parts, gold_heldout8a.yaml … gold_heldout8d.yaml (heldout8a/ …
heldout8d/), each by its own independent author and frozen by its own SHA256SUMS; it was run once
(heldout8a/RUN_round8.txt) and is tuning material since. The held-out slot is now round 9
(gold_heldout9.yaml, heldout9/SHA256SUMS), not written yet. `--heldout GOLD [--sums SUMS]`
(repeatable) names other parts. Before a slot is run, every file a gold names and the gold file itself
must be listed in its checksum list with a matching sha256 (exit 1 otherwise); when a gold file or a
checksum list does not exist yet, the script says so and skips the slot (exit 2 when the held-out
slot was asked for alone with `--set heldout`).

Scoring, per (contract, required clause): the gold label is satisfied / partly / contradicted,
or missing when the clause is not listed. A prediction is a true positive when its status
equals a non-missing gold status *and* one of its passages (risks, for contradicted) lies in
an article the gold names. A predicted non-missing status that is not a true positive is a
false positive; a gold non-missing label that is not a true positive is a false negative.
Separately counted, and required to be zero: a contradicted clause predicted satisfied.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

import yaml

from fincloud.catalog import load_catalog
from fincloud.evidence.contracts.analyser import get_analyser, load_time
from fincloud.evidence.contracts.concepts import load_concepts
from fincloud.evidence.contracts.review import review_contract

HERE = Path(__file__).resolve().parent
SETS = {
    "tuning": [HERE / "gold_tuning.yaml", HERE / "gold_tuning_written.yaml", HERE / "gold_tuning_heldout2.yaml",
               HERE / "gold_tuning_heldout3.yaml", HERE / "gold_heldout.yaml", HERE / "gold_heldout5.yaml",
               HERE / "gold_heldout6.yaml", HERE / "gold_heldout7.yaml",
               HERE / "gold_tuning8_a.yaml", HERE / "gold_tuning8_b.yaml", HERE / "gold_tuning8_c.yaml",
               HERE / "gold_tuning8_d.yaml", HERE / "gold_tuning8_e.yaml", HERE / "gold_tuning8_f.yaml",
               HERE / "gold_tuning8_g.yaml", HERE / "gold_tuning8_h.yaml", HERE / "gold_tuning8_j.yaml",
               HERE / "gold_tuning8_k.yaml", HERE / "gold_tuning8_n.yaml",
               HERE / "gold_tuning8_l.yaml", HERE / "gold_tuning8_m.yaml", HERE / "gold_tuning8_o.yaml",
               HERE / "gold_tuning8_p.yaml",
               # the round-8 held-out parts, run once (heldout8a/RUN_round8.txt) and seen since
               HERE / "gold_heldout8a.yaml", HERE / "gold_heldout8b.yaml", HERE / "gold_heldout8c.yaml",
               HERE / "gold_heldout8d.yaml"],
}
# The held-out slot of round 9: to be written by independent authors and frozen before its single run.
# Until then the script says so and scores the tuning set alone.
HELDOUT_PARTS: list[tuple[Path, Path]] = [
    (HERE / "gold_heldout9.yaml", HERE / "heldout9" / "SHA256SUMS"),
]
HELDOUT_GOLD, HELDOUT_SUMS = HELDOUT_PARTS[0]


def verify_checksums(sums: Path, gold: Path | None = None) -> bool:
    """Check the held-out files and gold against the checksums recorded before tuning.

    With `gold`, also require that the gold file and every contract it names are listed.
    """
    ok = True
    listed: set[Path] = set()
    for line in sums.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        digest, name = line.split(maxsplit=1)
        # names are relative to eval/contracts/ (as in heldout5/SHA256SUMS) or to the list's folder
        rel = name.strip().lstrip("*")
        target = next((c.resolve() for c in (HERE / rel, sums.parent / rel) if c.is_file()), (HERE / rel).resolve())
        listed.add(target)
        if not target.is_file():
            print(f"CHECKSUM FILE MISSING: {name.strip()}")
            ok = False
            continue
        actual = hashlib.sha256(target.read_bytes()).hexdigest()
        if actual != digest:
            print(f"CHECKSUM MISMATCH: {name.strip()} (recorded {digest[:12]}…, now {actual[:12]}…)")
            ok = False
    if gold is not None:
        needed = [gold.resolve()] + [
            (HERE / e["file"]).resolve() for e in yaml.safe_load(gold.read_text(encoding="utf-8"))["contracts"]
        ]
        for path in needed:
            if path not in listed:
                print(f"NOT IN CHECKSUM LIST: {path.relative_to(HERE) if path.is_relative_to(HERE) else path}")
                ok = False
    print(f"held-out checksums ({sums.parent.name}/{sums.name}): {'verified' if ok else 'FAILED'}")
    return ok


def heldout_missing(gold: Path, sums: Path) -> str | None:
    """Why the held-out set cannot be run yet, or None when its gold and checksum list exist."""
    absent = [p for p in (gold, sums) if not p.is_file()]
    if not absent:
        return None
    names = ", ".join(str(p.relative_to(HERE)) if p.is_relative_to(HERE) else str(p) for p in absent)
    return (f"HELD-OUT SET ABSENT (not there yet): {names} not found; "
            "nothing was scored for the held-out slot")


_ARTICLE = re.compile(r"제\s*\d+\s*조(?:\s*의\s*\d+)?")
_ANNEX = re.compile(r"(별표|별첨|별지|부록|부속서|주문서|신청서|Annex|Schedule|Appendix|Exhibit)\s*([0-9A-Za-z]*)", re.IGNORECASE)


def _articles(locations: list[str]) -> set[str]:
    """The places named: articles ("제7조", "제7조의2", also inside "특약 제3조") and annexes
    ("별표 1", "Exhibit A"), written the same way whatever the spacing or case."""
    found: set[str] = set()
    for loc in locations:
        found.update(re.sub(r"\s+", "", m.group(0)) for m in _ARTICLE.finditer(loc))
        found.update(f"{m.group(1).lower()}{m.group(2).lower()}" for m in _ANNEX.finditer(loc))
    return found


def evaluate(name: str, gold_paths: list[Path], catalog, concepts) -> tuple[float, int]:
    gold = {"contracts": []}
    part_of: dict[str, str] = {}
    for gold_path in gold_paths:
        for entry in yaml.safe_load(gold_path.read_text(encoding="utf-8"))["contracts"]:
            gold["contracts"].append(entry)
            part_of[entry["file"]] = gold_path.name
    by_part: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # tp, fp, fn
    misses: list[str] = []
    negated_as_satisfied = 0
    exact = total = 0
    started = time.perf_counter()
    for entry in gold["contracts"]:
        path = HERE / entry["file"]
        review = review_contract(path, critical=entry["critical"], catalog=catalog, concepts=concepts)
        risks_by_clause = defaultdict(list)
        for r in review.risks:
            risks_by_clause[r.clause].append(r.location)
        labels = entry.get("clauses") or {}
        for clause in review.clauses:
            g = labels.get(clause.id, {"status": "missing", "at": []})
            p = clause.status
            locations = [x.location for x in clause.passages] + (risks_by_clause[clause.id] if p in ("contradicted", "partly") else [])
            located = bool(_articles(locations) & _articles(g["at"])) if g["status"] != "missing" else True
            total += 1
            exact += p == g["status"] and located
            tp = g["status"] != "missing" and p == g["status"] and located
            c = counts[clause.id]
            b = by_part[part_of[entry["file"]]]
            if tp:
                c[0] += 1
                b[0] += 1
            else:
                if p != "missing":
                    c[1] += 1
                    b[1] += 1
                if g["status"] != "missing":
                    c[2] += 1
                    b[2] += 1
                if p != g["status"] or not located:
                    where = ", ".join(locations) or "-"
                    misses.append(f"{entry['file']}: {clause.id}: gold {g['status']} {g['at']} / got {p} at {where}")
            if g["status"] == "contradicted" and p == "satisfied":
                negated_as_satisfied += 1
    elapsed = time.perf_counter() - started
    print(f"\n== {name} set ({len(gold['contracts'])} documents, {total} clause decisions, {elapsed:.2f} s) ==")
    print(f"{'clause':30} {'P':>6} {'R':>6} {'F1':>6}   tp  fp  fn")
    tot = [0, 0, 0]
    for clause_id in [c.id for c in catalog.contract_clauses]:
        if clause_id not in counts:
            continue
        tp, fp, fn = counts[clause_id]
        tot = [a + b for a, b in zip(tot, (tp, fp, fn), strict=True)]
        p, r, f = _prf(tp, fp, fn)
        print(f"{clause_id:30} {p:6.3f} {r:6.3f} {f:6.3f}  {tp:3d} {fp:3d} {fn:3d}")
    p, r, f = _prf(*tot)
    print(f"{'OVERALL':30} {p:6.3f} {r:6.3f} {f:6.3f}  {tot[0]:3d} {tot[1]:3d} {tot[2]:3d}")
    if len(by_part) > 1:
        for part, (tp, fp, fn) in by_part.items():
            p, r, f = _prf(tp, fp, fn)
            print(f"  of which {part:26} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (tp {tp}, fp {fp}, fn {fn})")
    print(f"status accuracy (exact status and place): {exact}/{total} = {exact / total:.3f}")
    print(f"contradicted clauses counted as satisfied: {negated_as_satisfied}")
    print(f"misses ({len(misses)}):")
    for m in misses:
        print("  - " + m)
    return f, negated_as_satisfied


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=["tuning", "heldout", "all"], default="all")
    parser.add_argument("--heldout", type=Path, action="append", default=None,
                        help="held-out gold file; repeat for a slot of several parts "
                             "(default: gold_heldout9.yaml)")
    parser.add_argument("--sums", type=Path, action="append", default=None,
                        help="SHA256SUMS of each --heldout, in the same order (default: SHA256SUMS in "
                             "the folder of the gold's first contract)")
    args = parser.parse_args(argv)
    if args.heldout is None:
        parts = [(g.resolve(), s.resolve()) for g, s in HELDOUT_PARTS]
    else:
        sums_given = [x.resolve() for x in args.sums or []]
        parts = []
        for i, g in enumerate(args.heldout):
            gold = g.resolve()
            if i < len(sums_given):
                sums = sums_given[i]
            elif gold.is_file():
                first = yaml.safe_load(gold.read_text(encoding="utf-8"))["contracts"][0]["file"]
                sums = (HERE / first).parent / "SHA256SUMS"
            else:
                sums = gold.parent / "SHA256SUMS"
            parts.append((gold, sums))
    names = ("tuning", "heldout") if args.set == "all" else (args.set,)
    if "heldout" in names:
        absent = [why for gold, sums in parts if (why := heldout_missing(gold, sums))]
        if absent:
            for why in absent:
                print(why)
            if args.set == "heldout":
                return 2
            names = ("tuning",)
    catalog = load_catalog()
    get_analyser()
    concepts = load_concepts(Path(catalog.data_dir))
    print(f"analyser + concepts loaded in {load_time():.2f} s (analyser only)")
    failed = False
    for name in names:
        if name == "heldout":
            if not all([verify_checksums(sums, gold) for gold, sums in parts]):
                failed = True
                continue
            golds = [gold for gold, _sums in parts]
            label = " + ".join(g.name for g in golds)
            _f1, negated = evaluate(f"heldout ({label})", golds, catalog, concepts)
        else:
            _f1, negated = evaluate(name, SETS[name], catalog, concepts)
        failed |= negated > 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
