"""Contract documents and per-clause findings with a person's confirmation (guide 제7장, 별표 2의5)."""
