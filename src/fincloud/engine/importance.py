"""Importance assessment (감독규정 제14조의2제1항제1호; 가이드 제3장, 부록1) in its three steps.

1. 처리정보 분류: the workload's most sensitive information class sets the threshold.
2. 업무 영향 평가: each of the 13 items is banded into 상/중/하/해당없음 and scores
   points × weight (100/50/20/0 %).
3. 최종 판단: the score at or above the class's threshold (20/40/60/80) makes the work 중요.

Scores recorded by hand earlier (``{points: N}``) are kept exactly as recorded, so the guide's own
worked example reproduces; every recorded value that is no valid value of its item, or that
contradicts the workload's information class, is warned about, never silently fixed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fincloud.catalog.models import LEVELS, ImportanceRubric, Level, Measure, RubricItem
from fincloud.engine.result import ImportanceResult, ItemScore, Reason
from fincloud.portfolio.model import AmountRatio, AsNeeded, CountRatio, NewService, RecordedPoints, Workload

CITATION = "감독규정 제14조의2제1항제1호; 가이드 부록1"
_EPS = 1e-9
_RANK = {lvl: i for i, lvl in enumerate(LEVELS)}  # high=0 … none=3


# Ties in sensitivity (고유식별정보, 개인신용정보) are named in the guide's printed order.
_ORDER = {"unique_id": 0, "personal_credit": 1, "financial": 2, "business": 3, "public": 4}


def information_class(workload: Workload, rubric: ImportanceRubric) -> str:
    """The most sensitive class the workload processes (1단계 처리정보 분류)."""
    return min(workload.information, key=lambda c: (rubric.information_class(c).rank, _ORDER.get(c, 9)))


def band(value: float, measure: Measure) -> Level:
    """Band a raw measure by each band's bound; a value in a printed gap takes the highest band reached."""
    for level in ("high", "medium", "low"):
        bound = getattr(measure, level)
        if bound is None:
            continue
        if (measure.compare == "at_least" and value >= bound - _EPS) or (
            measure.compare == "at_most" and value <= bound + _EPS
        ):
            return level  # type: ignore[return-value]
    return "none"


def _higher(a: Level, b: Level) -> Level:
    return a if _RANK[a] <= _RANK[b] else b


@dataclass(frozen=True)
class _ItemTable:
    """An item's points per level and its measures, precomputed once per rubric."""

    item: RubricItem
    points: dict[str, float]
    primary: str | None
    bounds: dict[str, tuple[bool, tuple[tuple[Level, float], ...]]]  # measure -> (at_least, ((level, bound), ...))
    memo: dict[Any, ItemScore]  # raw value -> its (immutable, shared) score; many workloads share values
    derived: str | None = None  # the item's ``derived_from`` (read once per item, not once per workload)
    # warning code, recorded points (exact bits), class -> its (read-only, shared) reason: the warning
    # depends on nothing else, so the workloads that recorded the same value share it
    warned: dict[tuple[str, str, str], Reason] = field(default_factory=dict)


_PLAIN = frozenset({str, int, float, bool})
_RECORDED, _MISSING = object(), object()  # memo keys that no raw value can equal
_MEMO_LIMIT = 100_000  # distinct values remembered per item (bounded for long-running processes)
_TABLES: dict[int, tuple[ImportanceRubric, dict[str, _ItemTable]]] = {}


def _tables(rubric: ImportanceRubric) -> dict[str, _ItemTable]:
    hit = _TABLES.get(id(rubric))
    if hit is not None and hit[0] is rubric:
        return hit[1]
    tables = {it.id: _ItemTable(
        it, {lvl: round(it.points * rubric.weights[lvl], 4) for lvl in LEVELS}, next(iter(it.measures), None),
        {kind: (m.compare == "at_least",
                tuple((lvl, getattr(m, lvl)) for lvl in ("high", "medium", "low") if getattr(m, lvl) is not None))
         for kind, m in it.measures.items()},
        {}, it.derived_from,
    ) for it in rubric.items}
    _TABLES[id(rubric)] = (rubric, tables)
    return tables


_DECISIONS: dict[tuple[Any, ...], tuple[Reason]] = {}
_CLASSES: dict[int, tuple[ImportanceRubric, dict[str, Any]]] = {}


def _classes(rubric: ImportanceRubric) -> dict[str, Any]:
    hit = _CLASSES.get(id(rubric))
    if hit is None or hit[0] is not rubric:
        hit = _CLASSES[id(rubric)] = (rubric, {ic.id: ic for ic in rubric.information_classes})
    return hit[1]


def points_for(item: RubricItem, level: Level, rubric: ImportanceRubric) -> float:
    return _tables(rubric)[item.id].points[level]


def level_for_points(item: RubricItem, points: float, rubric: ImportanceRubric) -> Level | None:
    for level, value in _tables(rubric)[item.id].points.items():
        if abs(value - points) < 1e-6:
            return level  # type: ignore[return-value]
    return None


def _band_fast(value: float, at_least: bool, bounds: tuple[tuple[Level, float], ...]) -> Level:
    """:func:`band` over precomputed bounds (the same rule, without attribute look-ups)."""
    for level, bound in bounds:
        if (value >= bound - _EPS) if at_least else (value <= bound + _EPS):
            return level
    return "none"


def _measured(table: _ItemTable, raw: Any) -> tuple[Level, str, dict[str, Any]]:
    """Level of a raw value (count, ratio, amount, hours, category or flag) for one item."""
    item = table.item
    iid = item.id
    if isinstance(raw, str):
        if raw in item.categories:
            level = item.categories[raw]
            return level, "importance.category", {"item": iid, "value": raw, "level": level, "band": item.bands[level]}
        return raw, "importance.level_given", {"item": iid, "level": raw}  # type: ignore[return-value]
    if isinstance(raw, NewService):
        return item.flags["new_service"], "importance.new_service", {"item": iid}
    if isinstance(raw, AsNeeded):
        return item.flags["as_needed"], "importance.as_needed", {"item": iid}
    if isinstance(raw, CountRatio):
        values = {k: v for k, v in (("count", raw.count), ("ratio", raw.ratio)) if v is not None}
    elif isinstance(raw, AmountRatio):
        values = {k: v for k, v in (("amount", raw.amount), ("ratio", raw.ratio)) if v is not None}
    else:  # a bare number: the item's primary measure (count, amount or hours)
        values = {table.primary: raw}  # type: ignore[dict-item]
    level: Level = "none"
    for kind, value in values.items():
        level = _higher(level, _band_fast(value, *table.bounds[kind]))  # two measures: the higher level wins
    return level, "importance.measured", {"item": iid, "values": values, "level": level}


def assess_importance(
    workload: Workload, rubric: ImportanceRubric, *, provider_workloads: int, rubric_name: str = "guide"
) -> ImportanceResult:
    """Score the 13 items and decide 중요/비중요 against the class threshold.

    ``provider_workloads`` is the count of the institution's *other* in-scope workloads on the same
    provider, used when ``provider_dependency`` is ``auto`` (기준 4: 동일 CSP에 대한 업무 의존도).
    """
    tables = _tables(rubric)
    classes = _classes(rubric)
    cls = min((classes[c] for c in workload.information), key=lambda ic: (ic.rank, _ORDER.get(ic.id, 9)))
    cls_id = cls.id
    given = workload.importance
    items: dict[str, ItemScore] = {}
    warnings: list[Reason] = []
    missing: list[str] = []
    for table in tables.values():
        item = table.item
        derived = table.derived
        raw = getattr(given, item.id, None)
        derived_level: Level | None = None
        if derived == "information_class":
            derived_level = cls.level
        elif derived == "provider_workloads" and raw.__class__ is str and raw == "auto":
            raw = provider_workloads
        if type(raw) is RecordedPoints:
            points = raw.points
            level = level_for_points(item, points, rubric)
            if level is None:
                wkey = ("importance.points_not_a_level", points.hex(), "")
                warning = table.warned.get(wkey)
                if warning is None:
                    warning = Reason(
                        code="importance.points_not_a_level",
                        params={"item": item.id, "points": points,
                                "allowed": list(table.points.values())},
                        citation=CITATION,
                    )
                    if len(table.warned) < _MEMO_LIMIT:
                        table.warned[wkey] = warning
                warnings.append(warning)
            if derived_level is not None and abs(points - table.points[derived_level]) > 1e-6:
                wkey = ("importance.information_type_contradicts", points.hex(), cls_id)
                warning = table.warned.get(wkey)
                if warning is None:
                    warning = Reason(
                        code="importance.information_type_contradicts",
                        params={"item": item.id, "points": points, "class": cls_id,
                                "expected": table.points[derived_level], "level": derived_level},
                        citation=CITATION,
                    )
                    if len(table.warned) < _MEMO_LIMIT:
                        table.warned[wkey] = warning
                warnings.append(warning)
            # keyed as the model compares (by its value), without pydantic's Python-level hash
            rkey = (_RECORDED, points)
            score = table.memo.get(rkey)
            if score is None:
                score = table.memo[rkey] = ItemScore(level, points, item.points, "importance.recorded_points",
                                                     {"item": item.id, "points": points})
            items[item.id] = score
            continue
        if derived_level is not None:
            score = table.memo.get(cls_id)
            if score is None:
                score = table.memo[cls_id] = ItemScore(derived_level, table.points[derived_level], item.points,
                                                       "importance.information_class",
                                                       {"item": item.id, "class": cls_id})
            items[item.id] = score
            continue
        if raw is None:
            missing.append(item.id)
            wkey = ("importance.missing_item", "", "")
            warning = table.warned.get(wkey)
            if warning is None:
                warning = table.warned[wkey] = Reason(code="importance.missing_item", params={"item": item.id},
                                                      citation=CITATION)
            warnings.append(warning)
            score = table.memo.get(_MISSING)
            if score is None:
                score = table.memo[_MISSING] = ItemScore(None, 0.0, item.points)
            items[item.id] = score
            continue
        auto = derived == "provider_workloads" and given.provider_dependency == "auto"
        # A measure model (CountRatio, …) is keyed by its class and field values: equal to keying by the model
        # (frozen models compare by those), without pydantic's Python-level __hash__ and __eq__.
        key = (raw, auto) if raw.__class__ in _PLAIN else (raw.__class__, tuple(raw.__dict__.values()), auto)
        score = table.memo.get(key)
        if score is None:
            level, code, params = _measured(table, raw)
            if auto:
                code, params = "importance.provider_dependency_auto", {"item": item.id, "count": provider_workloads,
                                                                       "level": level}
            score = ItemScore(level, table.points[level], item.points, code, params)
            if len(table.memo) < _MEMO_LIMIT:
                table.memo[key] = score
        items[item.id] = score

    score = round(sum(s.points for s in items.values()), 4)
    threshold = cls.threshold
    critical = score >= threshold - _EPS
    # The decision reason depends only on these four values: workloads with equal ones share it (read-only).
    dkey = (score, threshold, threshold.__class__, cls_id, critical)
    decision = _DECISIONS.get(dkey)
    if decision is None:
        decision = (Reason(code="importance.decision",
                           params={"score": score, "threshold": threshold, "class": cls_id, "critical": critical},
                           citation=CITATION),)
        if len(_DECISIONS) < _MEMO_LIMIT:
            _DECISIONS[dkey] = decision
    reasons = list(decision)
    if missing and not critical:
        ceiling = round(score + sum(items[i].max_points for i in missing), 4)
        if ceiling >= threshold - _EPS:
            critical = True  # incomplete and could reach the threshold: treat as 중요 until assessed
            reasons.append(Reason(code="importance.incomplete_treated_critical",
                                  params={"missing": missing, "ceiling": ceiling, "threshold": threshold},
                                  citation=CITATION))
    return ImportanceResult(
        information_class=cls_id, score=score, threshold=threshold, critical=critical, items=items,
        warnings=tuple(warnings), complete=not missing, missing_items=tuple(missing),
        reasons=tuple(reasons), rubric=rubric_name,
    )
