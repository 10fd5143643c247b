"""Shared helpers: the catalog and concepts are loaded once (the analyser takes seconds)."""

from __future__ import annotations

from pathlib import Path

import pytest

from fincloud.catalog import load_catalog
from fincloud.evidence.contracts.concepts import load_concepts
from fincloud.evidence.contracts.review import ContractReview, review_contract

PREAMBLE = '주식회사 한결은행(이하 "갑"이라 한다)과 주식회사 구름클라우드(이하 "을"이라 한다)는 다음과 같이 계약을 체결한다.\n'
EN_PREAMBLE = 'This Agreement is made between Alder Bank (the "Customer") and Nimbus Cloud Ltd. (the "Provider").\n'


def korean_font() -> str:
    packaged = Path(__file__).resolve().parents[2] / "src" / "fincloud" / "documents" / "fonts" / "NanumGothic.ttf"
    return str(packaged if packaged.exists() else Path("/usr/share/fonts/truetype/nanum/NanumGothic.ttf"))


@pytest.fixture(scope="session")
def catalog():
    return load_catalog()


@pytest.fixture(scope="session")
def concepts(catalog):
    return load_concepts(Path(catalog.data_dir))


@pytest.fixture
def review_text(tmp_path, catalog, concepts):
    """Review a contract given as text (the preamble naming 갑 and 을 is prepended, unless another
    one — EN_PREAMBLE, or "" for a document that brings its own — is given)."""

    def run(body: str, *, critical: bool = True, preamble: str = PREAMBLE) -> ContractReview:
        path = tmp_path / "contract.txt"
        path.write_text(preamble + body, encoding="utf-8")
        return review_contract(path, critical=critical, catalog=catalog, concepts=concepts)

    return run


def status(review: ContractReview, clause_id: str) -> str:
    return next(c.status for c in review.clauses if c.id == clause_id)
