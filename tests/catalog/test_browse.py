"""``fincloud catalog``: show any entry by the id a user meets elsewhere, search the verbatim text, export all."""

from __future__ import annotations

import json

import pytest

from fincloud.catalog import Catalog
from fincloud.catalog.browse import TABLES, export, list_tables, search, show
from fincloud.errors import InputError


@pytest.mark.parametrize(
    ("key", "table", "field", "value"),
    [
        ("11.2.1", "provider_items", "number", "11.2.1"),
        ("11.2.1.", "provider_items", "number", "11.2.1"),   # as printed in the PDF, with a trailing dot
        ("logging.e1", "safeguards", "id", "logging.e1"),
        ("backup.e1", "continuity", "id", "backup.e1"),
        ("logging", "safeguards", "id", "logging"),
        ("supervisory_access", "contract_clauses", "id", "supervisory_access"),
        ("rto", "importance_rubric", "id", "rto"),
        ("CSAP", "certifications", "scheme", "CSAP"),
        ("csap", "certifications", "scheme", "CSAP"),
    ],
)
def test_show_finds_an_entry_by_any_id(catalog: Catalog, key: str, table: str, field: str, value: str) -> None:
    """browse.py: a 별표 2의2 number, 제5장 requirement or topic id, 별표 2의5 clause id, 부록1 item id or scheme."""
    entry = show(catalog, key)
    assert entry["table"] == table
    assert entry["data"][field] == value


def test_show_of_an_item_names_its_domain_and_subdomain(catalog: Catalog) -> None:
    """감독규정 <별표 2의2>: 11.2.1 sits in 11. 물리적 보안 / 11.2 정보처리 시설 및 장비보호."""
    data = show(catalog, "11.2.1")["data"]
    assert data["domain"] == "11. 물리적 보안"
    assert data["subdomain_name"] == "정보처리 시설 및 장비보호"
    assert data["kind"] == "essential"


def test_show_of_a_table_name_gives_the_whole_table(catalog: Catalog) -> None:
    """``fincloud catalog show provider_items`` prints the whole 별표 2의2 table."""
    entry = show(catalog, "provider_items")
    assert entry["table"] == "provider_items"
    assert len(entry["data"]["items"]) == 54


def test_show_of_an_unknown_id_is_an_input_error_listing_what_is_allowed(catalog: Catalog) -> None:
    """errors.py: input a user can act on — name what was asked and what would be accepted."""
    with pytest.raises(InputError) as exc:
        show(catalog, "nope")
    (problem,) = exc.value.problems
    assert "nope" in problem.message
    assert problem.allowed is not None and "provider_items" in problem.allowed


def test_search_wireless_finds_item_11_1_2(catalog: Catalog) -> None:
    """감독규정 <별표 2의2> 11.1.2 전산실 내 무선통신망 사용 제한."""
    hits = search(catalog, "무선통신망")
    assert "11.1.2" in [h.id for h in hits]
    assert all("무선통신망" in h.text.replace(" ", "") for h in hits)


def test_search_with_the_guides_own_dot_finds_supervisory_access(catalog: Catalog) -> None:
    """<별표 2의5> 가: "감독당국 또는 내외부 감사인의 조사․접근 수용 의무" (the guide prints U+2024)."""
    assert "supervisory_access" in [h.id for h in search(catalog, "조사\u2024접근")]


@pytest.mark.parametrize(
    "dot",
    [
        pytest.param("\u00b7", id="U+00B7-middle-dot"),
        pytest.param("\u318d", id="U+318D-hangul-araea"),
        pytest.param("\u2219", id="U+2219-bullet-operator"),
        pytest.param("\uff65", id="U+FF65-halfwidth-dot"),
        pytest.param("\u2024", id="U+2024-one-dot-leader"),
    ],
)
def test_search_ignores_which_middle_dot_the_user_types(catalog: Catalog, dot: str) -> None:
    """browse.search docstring: "spacing and middle dots ignored", so "조사·접근" finds 별표 2의5 가
    "조사․접근 수용 의무" (supervisory_access) whichever of the look-alike dots is typed."""
    assert "supervisory_access" in [h.id for h in search(catalog, f"조사{dot}접근")]


def test_search_requires_every_word(catalog: Catalog) -> None:
    """browse.search: entries containing every word of the query."""
    one = [h.id for h in search(catalog, "무선통신망")]
    both = [h.id for h in search(catalog, "무선통신망 전산실")]
    assert "11.1.2" in both
    assert "network.e1" in one and "network.e1" not in both
    assert set(both) < set(one)


def test_search_with_no_words_is_an_input_error(catalog: Catalog) -> None:
    """An empty query is the user's mistake, reported plainly."""
    with pytest.raises(InputError):
        search(catalog, "   ")


def test_list_tables_counts_match_the_guide(catalog: Catalog) -> None:
    """``fincloud catalog list``: 54 별표 2의2 items, 13 부록1 items, 7 certifications, 22 clauses."""
    counts = {name: n for name, _, n in list_tables(catalog)}
    assert set(counts) == set(TABLES)
    assert counts["provider_items"] == 54
    assert counts["importance_rubric"] == 13
    assert counts["certifications"] == 7
    assert counts["contract_clauses"] == 22
    assert all(n > 0 for n in counts.values())


def test_export_has_every_table_and_is_json(catalog: Catalog) -> None:
    """``fincloud catalog export``: the edition plus every table, as plain JSON-serialisable data."""
    data = export(catalog)
    assert set(data) == {"edition", *TABLES}
    assert data["edition"]["id"] == "fsi-2023"
    assert len(data["provider_items"]["items"]) == 54
    assert len(data["contract_clauses"]["clauses"]) == 22
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
