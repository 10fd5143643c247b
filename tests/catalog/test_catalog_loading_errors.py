"""A broken edition or institution rubric is refused with the reason (catalog/loader.py, integrity.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from fincloud.catalog import available_editions, load_catalog, load_rubric
from fincloud.catalog.loader import EDITIONS_DIR
from fincloud.errors import InputError

GUIDE_RUBRIC = EDITIONS_DIR / "fsi-2023" / "importance_rubric.yaml"


def _rubric_data() -> dict:
    return yaml.safe_load(GUIDE_RUBRIC.read_text(encoding="utf-8"))


def _write(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "my-rubric.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_default_edition_is_fsi_2023_and_loads_cached(catalog) -> None:
    """ARCHITECTURE.md: an assessment records the edition it used; the catalog is loaded once."""
    assert available_editions() == ["fsi-2023"]
    assert catalog.edition.id == "fsi-2023"
    assert load_catalog() is catalog


def test_unknown_edition_names_the_allowed_editions() -> None:
    """A new regulation edition is a new folder; asking for one that does not exist lists those that do."""
    with pytest.raises(InputError) as exc:
        load_catalog("fsi-2099")
    (problem,) = exc.value.problems
    assert "fsi-2099" in problem.message
    assert problem.field == "edition"
    assert problem.allowed is not None and "fsi-2023" in problem.allowed


def test_the_guides_rubric_file_loads_as_an_institution_rubric(tmp_path: Path) -> None:
    """부록1 is an example each institution may replace with its own file of the same shape."""
    rubric = load_rubric(_write(tmp_path, _rubric_data()))
    assert len(rubric.items) == 13


def test_institution_rubric_that_drops_an_item_is_refused_with_the_file_named(tmp_path: Path) -> None:
    """shared/spec/portfolio.md: importance.items has exactly the 13 ids, so a rubric must define all 13."""
    data = _rubric_data()
    data["items"] = [it for it in data["items"] if it["id"] != "oversight"]
    path = _write(tmp_path, data)
    with pytest.raises(InputError) as exc:
        load_rubric(path)
    problems = exc.value.problems
    assert all(p.file == str(path) for p in problems)
    items_problem = next(p for p in problems if p.field == "items")
    assert items_problem.allowed is not None and "oversight" in items_problem.allowed


def test_institution_rubric_whose_criterion_points_do_not_add_up_is_refused(tmp_path: Path) -> None:
    """부록1: each 평가기준's 배점 is the sum of its items' 배점 (20/30/30/10/10)."""
    data = _rubric_data()
    next(c for c in data["criteria"] if c["id"] == "outage_impact")["points"] = 35
    path = _write(tmp_path, data)
    with pytest.raises(InputError) as exc:
        load_rubric(path)
    (problem,) = exc.value.problems
    assert problem.file == str(path)
    assert problem.field == "criteria.outage_impact.points"
    assert "35" in problem.message and "30" in problem.message


def test_institution_rubric_with_a_yaml_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    """Every input error names file and line (errors.py): a rubric that is not YAML is no exception."""
    text = GUIDE_RUBRIC.read_text(encoding="utf-8").replace("  high: 1.0 ", "  high: [1.0 ", 1)
    path = tmp_path / "broken-rubric.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_rubric(path)
    (problem,) = exc.value.problems
    assert problem.file == str(path)
    assert problem.line is not None
    assert "YAML" in problem.message


def test_institution_rubric_with_an_unknown_key_names_the_line(tmp_path: Path) -> None:
    """Catalog models forbid unknown keys (models.py): a typo must fail loudly, not drop a rule."""
    data = _rubric_data()
    data["weigths"] = data.pop("weights")
    path = _write(tmp_path, data)
    with pytest.raises(InputError) as exc:
        load_rubric(path)
    fields = {p.field: p for p in exc.value.problems}
    assert "weigths" in fields
    assert fields["weigths"].line is not None
    assert fields["weigths"].file == str(path)


def test_missing_rubric_file_is_an_input_error(tmp_path: Path) -> None:
    """A rubric path that does not exist is the user's input problem, not a crash."""
    with pytest.raises(InputError) as exc:
        load_rubric(tmp_path / "absent.yaml")
    assert "not found" in exc.value.problems[0].message
