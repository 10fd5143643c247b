"""portfolio/loader.py: a bad portfolio file is refused with every problem located (file, line, field, allowed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fincloud.errors import InputError, Problem
from fincloud.portfolio.loader import load_portfolio

from .bad_inputs import (
    ALL_CASES,
    BASE,
    BASE_JSON,
    LOCATION_BUGS,
    Bad,
    insert_after,
    line_containing,
    params,
    replace_line,
)


def _problems(path: Path) -> list[Problem]:
    with pytest.raises(InputError) as exc:
        load_portfolio(path)
    assert exc.value.problems, "an InputError always carries at least one problem"
    return exc.value.problems


def _the_problem(problems: list[Problem], case: Bad) -> Problem:
    if case.field is None:
        return problems[0]
    matching = [p for p in problems if p.field == case.field]
    assert matching, f"{case.rule}: no problem names field {case.field!r}: {[p.render() for p in problems]}"
    return matching[0]


def test_the_base_files_are_valid(write_portfolio) -> None:
    """The cases below break one thing each in files that are otherwise valid (YAML and JSON alike)."""
    from_yaml = load_portfolio(write_portfolio(BASE))
    from_json = load_portfolio(write_portfolio(BASE_JSON, "portfolio.json"))
    assert from_yaml == from_json
    assert [w.id for w in from_yaml.workloads] == ["wl-1"]


NAMED = params(ALL_CASES, LOCATION_BUGS)


@pytest.mark.parametrize("case", NAMED)
def test_bad_portfolio_names_file_line_field_and_allowed_values(write_portfolio, case: Bad) -> None:
    """shared/spec/portfolio.md: errors name the file, the line and the key; errors.py: and what is allowed."""
    path = write_portfolio(case.text, case.name)
    problem = _the_problem(_problems(path), case)
    assert problem.file == str(path), case.rule
    assert problem.line == case.line, f"{case.rule}: {problem.render()}"
    messages = (case.message,) if isinstance(case.message, str) else case.message
    assert any(m in problem.message for m in messages), f"{case.rule}: {problem.render()}"
    if case.allowed is not None:
        assert problem.allowed is not None and case.allowed in problem.allowed, f"{case.rule}: {problem.render()}"
    rendered = problem.render()
    assert rendered.startswith(f"{path}:{case.line}"), rendered


# Cases where the loader adds an echo problem (xfail(strict) until fixed; none today).
ECHOES: dict[str, str] = {}
ONLY_ONE = params(ALL_CASES, ECHOES)


@pytest.mark.parametrize("case", ONLY_ONE)
def test_bad_portfolio_reports_only_the_mistake_made(write_portfolio, case: Bad) -> None:
    """One mistake, one problem: no echo errors that would send the author after things that are fine."""
    problems = _problems(write_portfolio(case.text, case.name))
    assert len(problems) == 1, [p.render() for p in problems]


def test_duplicate_provider_does_not_hide_the_first_providers_regions(write_portfolio) -> None:
    """A duplicate provider id is one mistake: workloads on the first provider keep its regions, and the
    only problem reported is the duplicate (the second entry must not replace the first)."""
    text = insert_after(BASE, 9, "  - id: csp-a\n    name: B클라우드\n    regions: [{id: other-region, country: KR}]")
    problems = _problems(write_portfolio(text))
    assert [p.field for p in problems] == ["providers.1.id"], [p.render() for p in problems]


def test_ratio_above_one_says_ratios_run_from_0_to_1(write_portfolio) -> None:
    """spec {ratio: r}: the allowed values must tell the author what a ratio is (0 to 1), not only its shape."""
    problem = _problems(write_portfolio(replace_line(BASE, 18, "      external_orgs: {ratio: 1.5}")))[0]
    text = (problem.message + " " + (problem.allowed or "")).lower()
    assert any(s in text for s in ("0 to 1", "0–1", "0-1", "between 0 and 1", "at most 1", "≤ 1", "<= 1",
                                         "less than or equal to 1")), text


def test_negative_points_say_points_are_not_negative(write_portfolio) -> None:
    """spec {points: N}: the allowed values must say N is 0 or more."""
    problem = _problems(write_portfolio(replace_line(BASE, 19, "      rto: {points: -1}")))[0]
    text = (problem.message + " " + (problem.allowed or "")).lower()
    assert any(s in text for s in ("≥ 0", ">= 0", "0 or more", "non-negative", "not negative", "at least 0",
                                         "greater than or equal to 0")), text


def test_several_problems_are_reported_at_once(write_portfolio) -> None:
    """portfolio/loader.py: "All problems found are reported together" — the author fixes them in one pass."""
    text = replace_line(BASE, 3, "  kind: bnak")
    text = replace_line(text, 14, "    service_model: iaas")
    text = replace_line(text, 20, "    contract: {signed_on: 2026-02-30}")
    text = insert_after(text, 7, "    colour: red")   # shifts the lines after 7 by one
    problems = _problems(write_portfolio(text))
    located = {p.field: p.line for p in problems}
    assert located == {"institution.kind": 3, "providers.0.colour": 8, "workloads.0.service_model": 15,
                       "workloads.0.contract.signed_on": 21}


def test_several_reference_problems_are_reported_at_once(write_portfolio) -> None:
    """Unknown provider, unknown region and duplicate ids are all listed, each on its own line."""
    text = BASE + ("  - id: wl-1\n    name: 업무2\n    provider: csp-z\n    service_model: IaaS\n"
                   "    region: kr-central\n    information: [public]\n"
                   "  - id: wl-3\n    name: 업무3\n    provider: csp-a\n    service_model: IaaS\n"
                   "    region: mars\n    information: [public]\n")
    problems = _problems(write_portfolio(text))
    located = {p.field: p.line for p in problems}
    assert located == {"workloads.1.id": 21, "workloads.1.provider": 23, "workloads.2.region": 31}


def test_file_not_found_names_the_file(tmp_path: Path) -> None:
    """errors.py: a missing file is an input problem with the file named, not a traceback."""
    path = tmp_path / "absent.yaml"
    (problem,) = _problems(path)
    assert problem.file == str(path)
    assert "not found" in problem.message


def test_a_directory_is_refused(tmp_path: Path) -> None:
    """A folder given where a file is expected is named as such."""
    (problem,) = _problems(tmp_path)
    assert problem.file == str(tmp_path)
    assert "directory" in problem.message


def test_a_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    """yamlio: files are UTF-8; an EUC-KR file (common for Korean documents) is refused with the reason."""
    path = tmp_path / "euc-kr.yaml"
    path.write_bytes(BASE.encode("euc-kr"))
    (problem,) = _problems(path)
    assert problem.file == str(path)
    assert "UTF-8" in problem.message


def test_tab_indented_json_still_names_file_and_field(write_portfolio) -> None:
    """JSON that YAML cannot read (tab indentation) is parsed as JSON; problems still name file and field."""
    data = json.loads(BASE_JSON)
    data["workloads"][0]["servce"] = 1
    path = write_portfolio(json.dumps(data, ensure_ascii=False, indent="\t"), "tabs.json")
    (problem,) = _problems(path)
    assert problem.file == str(path)
    assert problem.field == "workloads.0.servce"


def test_tab_indented_json_with_a_malformed_line_names_it(write_portfolio) -> None:
    """JSON syntax errors name the line the JSON parser gives, tabs or not."""
    text = json.dumps(json.loads(BASE_JSON), ensure_ascii=False, indent="\t").replace('"kind": "bank",', '"kind": "bank"')
    (problem,) = _problems(write_portfolio(text, "tabs.json"))
    assert "malformed JSON" in problem.message
    assert problem.line == line_containing(text, '"as_of"')


def test_tab_indented_json_with_a_duplicate_key_is_refused(write_portfolio) -> None:
    """A key given twice is refused in YAML and in JSON (yamlio: "duplicate keys are errors"), however indented."""
    text = json.dumps(json.loads(BASE_JSON), ensure_ascii=False, indent="\t")
    text = text.replace('"kind": "bank"', '"kind": "bnak", "kind": "bank"')
    problems = _problems(write_portfolio(text, "tabs.json"))
    assert any("duplicate key" in p.message for p in problems)


def test_unknown_key_inside_a_measure_is_named(write_portfolio) -> None:
    """spec: "Unknown keys are an error with the file, line and key named" — also inside ``{ratio: r}``."""
    problem = _problems(write_portfolio(replace_line(BASE, 18, "      external_orgs: {cnt: 3}")))[0]
    assert problem.field == "workloads.0.importance.external_orgs.cnt", problem.render()
    assert problem.line == 18


@pytest.mark.parametrize("value", [
    pytest.param("2.5", id="fraction-for-a-count"),
    pytest.param("true", id="boolean"),
    pytest.param("[1, 2]", id="list"),
])
def test_wrong_value_for_an_importance_item_speaks_the_files_language(write_portfolio, value: str) -> None:
    """errors.py: "Errors a user can act on" — a message names the value and the field, never a Python function."""
    problem = _problems(write_portfolio(replace_line(BASE, 18, f"      external_orgs: {value}")))[0]
    assert problem.field == "workloads.0.importance.external_orgs"
    assert problem.line == 18
    assert "_value_kind" not in problem.message and "tag" not in problem.message, problem.render()
