"""The configuration checks of 제5장, one small function each, grouped by family.

A check is a function ``(estate) -> list[Finding]`` registered with :func:`check`. Its
safeguard, citation and descriptions are data (``evidence_checks.yaml``), never Python, so a
new edition of the guide changes the mapping without touching code. The registry and the
data file must name the same checks; :func:`fincloud.evidence.config.definitions.load`
verifies that on load.
"""

from __future__ import annotations

from collections.abc import Callable

from fincloud.evidence.config.model import Estate, Finding

CheckFunction = Callable[[Estate], list[Finding]]
REGISTRY: dict[str, CheckFunction] = {}


def check(check_id: str) -> Callable[[CheckFunction], CheckFunction]:
    """Register ``fn`` as the implementation of ``check_id``."""

    def register(fn: CheckFunction) -> CheckFunction:
        if check_id in REGISTRY:
            raise RuntimeError(f"check {check_id!r} registered twice")
        REGISTRY[check_id] = fn
        return fn

    return register


def registry() -> dict[str, CheckFunction]:
    """All checks, importing the family modules on first use."""
    from fincloud.evidence.config.checks import (  # noqa: F401
        continuity,
        cost,
        encryption,
        exposure,
        iam,
        logging,
        network,
        region,
    )

    return REGISTRY
