"""write_package: the folder appears whole or not at all, and holds every file of 제14조의2제5항."""

from __future__ import annotations

import logging

import pytest

from fincloud.documents import package as package_module
from fincloud.documents.labels import FILES
from fincloud.documents.package import write_package
from fincloud.errors import InputError

SIX = ("checklist", "importance", "provider_evaluation", "safeguards", "committee", "contract")


def test_package_has_the_six_documents_in_docx_and_pdf_and_the_workload_files(demo_package):
    out, result = demo_package
    for workload in ("wl-crm", "wl-analytics"):
        names = {p.name for p in (out / workload).iterdir()}
        for key in SIX:
            assert f"{FILES[key]}.docx" in names and f"{FILES[key]}.pdf" in names
        assert {FILES["questionnaire"], FILES["calendar"], FILES["summary"],
                f"{FILES['presubmission']}.md", f"{FILES['presubmission']}.json"} <= names
    assert (out / FILES["summary"]).is_file() and (out / FILES["calendar"]).is_file()
    assert sorted(n for n in (FILES[k] for k in SIX)) == [FILES[k] for k in SIX]  # 01_ … 06_ sort in order
    assert not result.ready  # wl-crm is blocked
    assert result.unsupported_characters == set()


def test_pdfs_are_written_without_missing_glyphs(demo, tmp_path, caplog):
    portfolio, assessment, catalog = demo
    with caplog.at_level(logging.WARNING, logger="fpdf"):
        write_package(portfolio, assessment, catalog, tmp_path / "out", workload_ids=["wl-homepage"])
    assert not [r for r in caplog.records if "missing" in r.getMessage()]


def test_a_failure_midway_leaves_no_folder_and_no_temporary_files(demo, tmp_path, monkeypatch):
    portfolio, assessment, catalog = demo
    calls = {"n": 0}
    real = package_module.write_docx

    def failing(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("disk full")
        return real(*args, **kwargs)

    monkeypatch.setattr(package_module, "write_docx", failing)
    with pytest.raises(OSError, match="disk full"):
        write_package(portfolio, assessment, catalog, tmp_path / "out", workload_ids=["wl-analytics"])
    assert list(tmp_path.iterdir()) == []


def test_a_failure_while_overwriting_keeps_the_old_package(demo, tmp_path, monkeypatch):
    portfolio, assessment, catalog = demo
    out = tmp_path / "out"
    out.mkdir()
    (out / "old.txt").write_text("previous package")
    monkeypatch.setattr(package_module.questionnaire_xlsx, "write_questionnaire",
                        lambda *a, **k: (_ for _ in ()).throw(RuntimeError("boom")))
    with pytest.raises(RuntimeError):
        write_package(portfolio, assessment, catalog, out, workload_ids=["wl-analytics"], overwrite=True)
    assert [p.name for p in tmp_path.iterdir()] == ["out"]
    assert (out / "old.txt").read_text() == "previous package"


def test_a_non_empty_folder_is_refused_without_overwrite(demo, tmp_path):
    portfolio, assessment, catalog = demo
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    with pytest.raises(InputError, match="not empty"):
        write_package(portfolio, assessment, catalog, out, workload_ids=["wl-analytics"])
    assert (out / "keep.txt").read_text() == "mine"


def test_overwrite_replaces_the_old_package_whole(demo, tmp_path):
    portfolio, assessment, catalog = demo
    out = tmp_path / "out"
    out.mkdir()
    (out / "stale.txt").write_text("old")
    write_package(portfolio, assessment, catalog, out, workload_ids=["wl-analytics"], overwrite=True)
    assert not (out / "stale.txt").exists()
    assert (out / "wl-analytics" / f"{FILES['importance']}.pdf").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


@pytest.mark.parametrize("workload_id", ["wl-nope", "wl-youtube"])
def test_unknown_or_out_of_scope_workload_names_the_allowed_ids(demo, tmp_path, workload_id):
    portfolio, assessment, catalog = demo
    with pytest.raises(InputError) as error:
        write_package(portfolio, assessment, catalog, tmp_path / "out", workload_ids=[workload_id])
    assert "wl-crm" in str(error.value) and "wl-youtube" not in str(error.value).split("allowed:")[1]
    assert not (tmp_path / "out").exists()


def test_progress_reports_each_document(demo, tmp_path):
    portfolio, assessment, catalog = demo
    messages: list[str] = []
    write_package(portfolio, assessment, catalog, tmp_path / "out", workload_ids=["wl-analytics"],
                  progress=messages.append)
    assert any(FILES["committee"] in m for m in messages)


def test_english_package_renders_english_titles(demo, tmp_path):
    portfolio, assessment, catalog = demo
    out = tmp_path / "out"
    write_package(portfolio, assessment, catalog, out, workload_ids=["wl-analytics"], lang="en")
    assert "Pre-submission check" in (out / "wl-analytics" / f"{FILES['presubmission']}.md").read_text(encoding="utf-8")


def test_package_refuses_a_missing_parent_folder(demo, tmp_path) -> None:
    """A mistyped output path is an error, never a silently created tree of folders."""
    import pytest

    from fincloud.documents.package import write_package
    from fincloud.errors import InputError

    portfolio, assessment, catalog = demo
    with pytest.raises(InputError, match="does not exist"):
        write_package(portfolio, assessment, catalog, tmp_path / "typo" / "out", workload_ids=["wl-crm"])
    assert not (tmp_path / "typo").exists()
