"""Where editions live and which one is the default: importable without loading any model."""

from pathlib import Path

EDITIONS_DIR = Path(__file__).parent / "editions"
DEFAULT_EDITION = "fsi-2023"
