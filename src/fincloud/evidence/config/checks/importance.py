"""What a resource holds and how critical its workload is, from tags or the workload.

Configuration never says whether a store holds personal credit information or whether the
workload is critical (중요업무). The institution says so per resource with tags, or for the
whole input with ``--workload`` (the engine's assessment) or ``--critical``; when nobody
says, the answer is ``None`` and checks that depend on it answer ``cannot_tell``.
"""

from __future__ import annotations

from fincloud.evidence.config.model import Estate, Resource


def holds(estate: Estate, r: Resource, classes: frozenset[str]) -> bool | None:
    """Whether ``r`` holds any of ``classes``: its tags first, then the workload's information."""
    if r.data_classes:
        return bool(r.data_classes & classes)
    info = estate.context.information
    if info is not None:
        return bool(info & classes)
    return None


def critical(estate: Estate) -> bool | None:
    return estate.context.critical
