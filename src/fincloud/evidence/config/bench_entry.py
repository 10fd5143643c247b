"""Run the evidence scan as ``fincloud evidence scan --format json`` does, in a fresh process.

The benchmark times this entry so that the figure includes interpreter start-up, imports,
reading and parsing the file and writing the JSON — what a user waits for — without
depending on the lead-owned top-level CLI being importable.
"""

from __future__ import annotations

import sys

from fincloud.cli.evidence import app

if __name__ == "__main__":
    sys.argv = ["fincloud-evidence", "scan", *sys.argv[1:], "--format", "json"]
    app()
