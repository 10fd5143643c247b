"""The DOCX and XLSX files open in LibreOffice without repair and print Hangul in NanumGothic.

DOCX files are converted with a font configuration that has no Nanum font at all, which
proves the embedded font subset is what LibreOffice uses; the XLSX (a format that cannot embed
fonts) is converted with the package's font folder available.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from fincloud.documents.fonts import FONT_DIR
from fincloud.documents.labels import FILES

pytestmark = pytest.mark.slow

TITLES = {
    "checklist": "정보처리 위탁 관련 서류 체크리스트",
    "importance": "업무 중요도 평가 기준 및 결과",
    "provider_evaluation": "클라우드서비스 제공자 건전성",
    "safeguards": "업무 연속성 계획 및 안전성 확보조치 체크리스트",
    "committee": "정보보호위원회 안건",
    "contract": "이용계약서 기재사항 체크리스트",
}


def _tools() -> None:
    for tool in ("soffice", "pdffonts", "pdftotext"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed (apt install libreoffice-core poppler-utils)")


def _convert(files: list[Path], out: Path, font_dirs: list[Path], tmp: Path) -> None:
    config = tmp / "fonts.conf"
    dirs = "".join(f"<dir>{d}</dir>" for d in font_dirs)
    config.write_text(f'<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>{dirs}'
                      f"<cachedir>{tmp / 'fc-cache'}</cachedir></fontconfig>")
    env = {"FONTCONFIG_FILE": str(config), "HOME": str(tmp), "PATH": "/usr/bin:/bin"}
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp / 'lo-profile'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(out), *map(str, files)],
                   check=True, capture_output=True, timeout=300, env=env)


def _fonts(pdf: Path) -> str:
    return subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout


def _squash(text: str) -> str:
    """Text without whitespace: LibreOffice may space "제14조" as "제 14 조" when extracting."""
    return "".join(text.split())


def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout


def test_docx_files_convert_with_the_embedded_nanum_font_and_korean_title(demo_package, tmp_path):
    _tools()
    out, _ = demo_package
    docs = [out / "wl-crm" / f"{FILES[key]}.docx" for key in TITLES]
    dejavu = [d for d in (Path("/usr/share/fonts/truetype/dejavu"),) if d.is_dir()]
    _convert(docs, tmp_path / "pdf", dejavu, tmp_path)
    for key, title in TITLES.items():
        pdf = tmp_path / "pdf" / f"{FILES[key]}.pdf"
        assert "NanumGothic" in _fonts(pdf), key
        assert _squash(title) in _squash(_text(pdf)), key


def test_questionnaire_xlsx_converts_and_prints_korean_in_nanum(demo_package, tmp_path):
    _tools()
    out, _ = demo_package
    _convert([out / "wl-crm" / FILES["questionnaire"]], tmp_path / "pdf", [FONT_DIR], tmp_path)
    pdf = tmp_path / "pdf" / FILES["questionnaire"].replace(".xlsx", ".pdf")
    assert "NanumGothic" in _fonts(pdf)
    assert "자가점검표" in _squash(_text(pdf))


def test_generated_pdfs_embed_nanum_and_carry_the_korean_title(demo_package):
    _tools()
    out, _ = demo_package
    for key, title in TITLES.items():
        pdf = out / "wl-analytics" / f"{FILES[key]}.pdf"
        fonts = _fonts(pdf)
        assert "NanumGothic" in fonts and " yes yes " in fonts
        assert _squash(title) in _squash(_text(pdf)), key
