"""Benchmark: review a generated 100-page contract (not a timed test).

    .venv/bin/python benchmarks/bench_contracts.py [--pages 100] [--format txt|docx|pdf]

Prints the analyser load time (kiwipiepy model + concept conjugation, paid once per process)
separately from the review time (read, split, match, negation analysis), which the target
bounds at 1 s for 100 pages.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "eval" / "contracts"))

import build_tuning  # noqa: E402  (the corpus builder makes realistic articles and annexes)

from fincloud.catalog import load_catalog  # noqa: E402
from fincloud.evidence.contracts.analyser import get_analyser  # noqa: E402
from fincloud.evidence.contracts.concepts import load_concepts  # noqa: E402
from fincloud.evidence.contracts.readers import read_document  # noqa: E402
from fincloud.evidence.contracts.review import review_contract  # noqa: E402

CHARS_PER_PAGE = 1800


def make_contract(pages: int, directory: Path, fmt: str) -> Path:
    spec = dict(build_tuning.CONTRACTS[5])  # the full contract with long annexes
    spec["annex_pages"] = max(pages - 2, 0)
    text, _ = build_tuning.build(spec, random.Random(7))
    path = directory / f"bench_{pages}p.{fmt}"
    if fmt == "txt":
        path.write_text(build_tuning._paginate(text), encoding="utf-8")
    elif fmt == "docx":
        build_tuning._write_docx(text, path)
    else:
        build_tuning._write_pdf(text, path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--format", choices=["txt", "docx", "pdf"], default="txt")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = make_contract(args.pages, Path(tmp), args.format)
        doc = read_document(path)
        chars = sum(len(b.text) for b in doc.blocks)
        start = time.perf_counter()
        catalog = load_catalog()
        catalog_load = time.perf_counter() - start
        start = time.perf_counter()
        get_analyser()
        analyser_load = time.perf_counter() - start
        start = time.perf_counter()
        concepts = load_concepts(Path(catalog.data_dir))
        concepts_load = time.perf_counter() - start
        print(f"document: {path.name}, {chars:,} characters ≈ {chars / CHARS_PER_PAGE:.0f} pages, {len(doc.blocks)} blocks")
        print(f"catalog load: {catalog_load:.2f} s; analyser load: {analyser_load:.2f} s; concepts compile: {concepts_load:.2f} s")
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            review = review_contract(path, critical=True, catalog=catalog, concepts=concepts)
            times.append(time.perf_counter() - start)
        print(f"review (wall, {args.repeat} runs): best {min(times):.3f} s, worst {max(times):.3f} s")
        print(f"result: {review.summary}, risks {len(review.risks)}")


if __name__ == "__main__":
    main()
