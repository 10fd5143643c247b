"""Build the tuning contracts (text, DOCX, PDF) and their gold labels from clause_library.py.

Run: ``.venv/bin/python eval/contracts/build_tuning.py`` (writes eval/contracts/tuning/ and
eval/contracts/gold_tuning.yaml). The outputs are committed; rerun only after editing the
library. Gold labels come from the labels written next to each article in the library.
"""

from __future__ import annotations

import random
from pathlib import Path

import yaml
from clause_library import DISTRACTORS, NEGATED, POSITIVE

HERE = Path(__file__).resolve().parent
OUT = HERE / "tuning"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"

PARTIAL = {
    "sla_monitoring": ("서비스 수준", ["{P}는 별표 2에 정한 서비스 수준을 유지하고 {I}가 그 측정 결과를 조회할 수 있도록 한다."], {"sla_monitoring": "partly"}),
    "transition_support": ("이전 지원", ["계약이 종료되는 경우 {P}는 {I}가 다른 사업자에게 데이터를 이전할 수 있도록 지원한다."], {"transition_support": "partly"}),
    "legal_compliance_reporting": ("법령의 준수", ["{P}는 이 계약의 이행과 관련된 법령을 준수한다."], {"legal_compliance_reporting": "partly"}),
    "security_requirements": ("정보보호", ["{P}는 {I}의 정보를 보호하기 위한 보안 조치를 이행할 의무가 있다."], {"security_requirements": "partly"}),
}

ENGLISH = {
    "scope_of_service": "The Provider shall provide the cloud services for the business and systems described in Schedule 1.",
    "data": "All Customer Data shall remain the property of the Customer.",
    "supervisory_access": "The Provider shall permit the regulators and the Customer's auditors to inspect its facilities and records.",
    "confidentiality": "The Provider shall keep all Customer information confidential.",
    "data_destruction": "Upon termination, the Provider shall securely destroy all Customer Data.",
    "jurisdiction": "The Seoul Central District Court shall have jurisdiction over any dispute.",
    "liability": "The Provider shall compensate the Customer for losses caused by the Provider.",
    "termination_right": "The Customer may terminate this Agreement upon a material breach by the Provider.",
}

ALL_KEYS = list(POSITIVE)

CONTRACTS = [
    dict(name="t01_bank_iaas_full", critical=True, IN="주식회사 한결은행", I="갑", PN="주식회사 구름클라우드", P="을",
         work="인터넷뱅킹 및 모바일뱅킹 업무", keys=ALL_KEYS, variant=0, distractors=6, formats=["txt"]),
    dict(name="t02_bank_saas_noncritical_gaps", critical=False, IN="주식회사 새빛은행", I="이용자", PN="주식회사 모아소프트", P="제공자",
         work="인사 및 급여 관리 업무", keys=[k for k in ALL_KEYS if k not in ("drills_cooperation", "sla_monitoring", "security_level", "access_control")],
         variant=1, distractors=4, formats=["txt", "pdf"]),
    dict(name="t03_negated_destruction_access", critical=True, IN="주식회사 다온증권", I="위탁자", PN="주식회사 스카이서버", P="수탁자",
         work="온라인 주식 주문 업무", keys=[k for k in ALL_KEYS if k not in ("data_destruction", "supervisory_access")],
         negated=["data_destruction", "supervisory_access"], variant=0, distractors=5, formats=["txt", "docx"]),
    dict(name="t04_msp_subcontract", critical=True, IN="한마음캐피탈 주식회사", I="갑", PN="주식회사 매니지드원", P="을",
         work="할부금융 심사 시스템 운영 업무", keys=ALL_KEYS, variant=1, distractors=6, formats=["txt"],
         preamble_extra="을은 퍼블릭 클라우드 사업자의 인프라를 이용하여 관리형 서비스(MSP)를 제공하며, 이는 재위탁에 해당한다."),
    dict(name="t05_bilingual_partial", critical=True, IN="Daehan Life Insurance Co., Ltd. 대한생명보험 주식회사", I="고객", PN="CloudNine Korea Ltd. 클라우드나인코리아 유한회사", P="제공자",
         work="보험금 청구 심사 업무", keys=[k for k in ALL_KEYS if k not in ("major_events", "processing_location", "emergency_access")],
         variant=0, distractors=3, formats=["txt"], bilingual=True),
    dict(name="t06_long_60pages", critical=True, IN="주식회사 누리은행", I="갑", PN="주식회사 하이퍼스케일코리아", P="을",
         work="계정계 부수 업무 및 데이터 분석 업무", keys=ALL_KEYS, variant=0, distractors=12, annex_pages=55, formats=["txt", "docx"]),
    dict(name="t07_addendum_short", critical=True, IN="주식회사 바다저축은행", I="갑", PN="주식회사 온클라우드", P="을",
         work="예금 수신 업무", keys=["supervisory_access", "data_destruction", "subcontracting", "processing_location", "emergency_access", "transition_support"],
         variant=1, distractors=0, formats=["txt"], title="클라우드서비스 이용계약 부속합의서"),
    dict(name="t08_negated_many", critical=False, IN="주식회사 별빛카드", I="이용자", PN="주식회사 데이터온", P="제공자",
         work="카드 승인 내역 분석 업무", keys=[k for k in ALL_KEYS if k not in ("confidentiality", "liability", "drills_cooperation", "termination_right")],
         negated=["confidentiality", "liability", "drills_cooperation"], variant=1, distractors=6, formats=["txt"]),
    dict(name="t09_partly_clauses", critical=True, IN="주식회사 미래자산운용", I="위탁자", PN="주식회사 클라우드웍스", P="수탁자",
         work="펀드 회계 업무", keys=[k for k in ALL_KEYS if k not in PARTIAL], partial=list(PARTIAL), variant=0, distractors=5,
         formats=["txt"], numbering="paren"),
    dict(name="t10_pdf_noncritical", critical=False, IN="주식회사 가람은행", I="갑", PN="주식회사 네오클라우드", P="을",
         work="대고객 안내 홈페이지 운영 업무", keys=[k for k in ALL_KEYS if k not in ("major_events",)], variant=1, distractors=4,
         negated=["emergency_access"], formats=["pdf"]),
]


def fill(text: str, c: dict) -> str:
    return text.format(I=c["I"], P=c["P"], IN=c["IN"], PN=c["PN"], WORK=c["work"])


def particles(text: str) -> str:
    """Fix 은/는, 이/가, 을/를, 와/과 after the substituted aliases (final consonant or not)."""
    import re

    def has_final(ch: str) -> bool:
        code = ord(ch) - 0xAC00
        return 0 <= code < 11172 and code % 28 != 0

    pairs = {"은": ("은", "는"), "는": ("은", "는"), "이": ("이", "가"), "가": ("이", "가"), "을": ("을", "를"), "를": ("을", "를"), "과": ("과", "와"), "와": ("과", "와")}

    def fix(m: re.Match) -> str:
        word, p = m.group(1), m.group(2)
        a, b = pairs[p]
        return word + (a if has_final(word[-1]) else b)

    return re.sub(r"(갑|을|이용자|제공자|위탁자|수탁자|고객)(은|는|이|가|을|를|과|와)(?=\s)", fix, text)


def build(c: dict, rng: random.Random) -> tuple[str, dict]:
    lines = [c.get("title", "클라우드컴퓨팅서비스 이용계약서"), ""]
    lines.append(f"{c['IN']}(이하 \"{c['I']}\"라 한다)와 {c['PN']}(이하 \"{c['P']}\"라 한다)는 {c['work']}의 클라우드서비스 이용에 관하여 다음과 같이 계약을 체결한다.")
    if c.get("preamble_extra"):
        lines.append(fill(c["preamble_extra"], c))
    lines.append("")
    articles: list[tuple[str, list[str], dict[str, str], str | None]] = []
    for key in c["keys"]:
        variants = POSITIVE[key]
        title, paras, labels = variants[c["variant"] % len(variants)]
        articles.append((title, paras, labels, key))
    for key in c.get("negated", []):
        title, paras, labels = NEGATED[key]
        articles.append((title, paras, labels, key))
    for key in c.get("partial", []):
        title, paras, labels = PARTIAL[key]
        articles.append((title, paras, labels, key))
    distractors = rng.sample(DISTRACTORS, k=min(c.get("distractors", 0), len(DISTRACTORS)))
    for title, paras, labels in distractors:
        articles.insert(rng.randrange(len(articles) + 1), (title, paras, labels, None))
    gold: dict[str, dict] = {}
    for n, (title, paras, labels, key) in enumerate(articles, start=1):
        heading = f"제{n}조({fill(title, c)})"
        lines.append(heading)
        if c.get("bilingual") and key in ENGLISH:
            lines.append(f"Article {n} {ENGLISH[key]}")
        for p in paras:
            text = particles(fill(p, c))
            if c.get("numbering") == "paren" and text[:1] in CIRCLED:
                text = f"({CIRCLED.index(text[0]) + 1}) " + text[1:].lstrip()
            lines.append(text)
        lines.append("")
        for clause, status in labels.items():
            entry = gold.setdefault(clause, {"status": status, "at": []})
            rank = {"satisfied": 3, "partly": 2, "contradicted": 1}
            if entry["status"] != status:
                # Support and a contradiction in different articles: the clause is undermined.
                if "contradicted" in (entry["status"], status):
                    entry["status"] = "partly"
                elif rank[status] > rank[entry["status"]]:
                    entry["status"] = status
            entry["at"].append(f"제{n}조")
    for annex in range(1, 5):
        lines.append(f"[별표 {annex}] " + ["서비스 명세", "서비스 수준 및 이용요금", "데이터센터 소재지", "종료 계획"][annex - 1])
        lines.append("1. 세부 사항은 계약 체결 시 첨부한 문서와 같다.")
    lines += _long_annexes(c.get("annex_pages", 0), rng)
    lines += ["", "계약 체결일: 2025년 4월 1일", f"{c['I']}: {c['IN']} 대표이사 (인)", f"{c['P']}: {c['PN']} 대표이사 (인)"]
    return "\n".join(lines) + "\n", gold


def _long_annexes(pages: int, rng: random.Random) -> list[str]:
    """Service catalogue and price tables, as the annexes of large contracts are."""
    if not pages:
        return []
    out = ["", "[부록 1] 서비스 카탈로그 및 단가표"]
    families = ["범용", "컴퓨팅 최적화", "메모리 최적화", "스토리지 최적화", "GPU 가속"]
    regions = ["서울 A존", "서울 B존", "서울 C존"]
    n = 0
    while sum(len(x) for x in out) < pages * 1800:
        n += 1
        fam = rng.choice(families)
        out.append(
            f"{n}. {fam} 인스턴스 {rng.choice('cmrig')}{rng.randint(3, 7)}.{rng.choice(['large', 'xlarge', '2xlarge', '4xlarge'])}: "
            f"vCPU {rng.choice([2, 4, 8, 16, 32])}개, 메모리 {rng.choice([4, 8, 16, 32, 64, 128])}GiB, "
            f"제공 위치 {rng.choice(regions)}, 시간당 단가 {rng.randint(40, 4000)}원, 예약 할인율 {rng.randint(10, 45)}%"
        )
    return out


def main() -> None:
    OUT.mkdir(exist_ok=True)
    rng = random.Random(20250401)
    gold = {"contracts": []}
    for c in CONTRACTS:
        text, labels = build(c, rng)
        for fmt in c["formats"]:
            path = OUT / f"{c['name']}.{fmt}"
            if fmt == "txt":
                path.write_text(_paginate(text), encoding="utf-8")
            elif fmt == "docx":
                _write_docx(text, path)
            elif fmt == "pdf":
                _write_pdf(text, path)
            gold["contracts"].append({"file": f"tuning/{path.name}", "critical": c["critical"], "clauses": labels})
    header = "# Tuning set: generated by build_tuning.py from clause_library.py (labels written next to each article).\n"
    (HERE / "gold_tuning.yaml").write_text(header + yaml.safe_dump(gold, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _paginate(text: str, per_page: int = 1800) -> str:
    out, size = [], 0
    for line in text.splitlines():
        if size > per_page and not line.startswith(("①", "②", "③", "1.", "2.")):
            out.append("\f")
            size = 0
        out.append(line)
        size += len(line)
    return "\n".join(out).replace("\n\f\n", "\f\n") + "\n"


def _font() -> str:
    packaged = HERE.parents[1] / "src" / "fincloud" / "documents" / "fonts" / "NanumGothic.ttf"
    return str(packaged if packaged.exists() else Path("/usr/share/fonts/truetype/nanum/NanumGothic.ttf"))


def _write_docx(text: str, path: Path) -> None:
    from docx import Document
    from docx.enum.text import WD_BREAK

    doc = Document()
    size = 0
    for line in text.splitlines():
        para = doc.add_paragraph(line)
        size += len(line)
        if size > 1800:
            para.add_run().add_break(WD_BREAK.PAGE)
            size = 0
    doc.save(str(path))


def _write_pdf(text: str, path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("Nanum", "", _font())
    pdf.set_font("Nanum", size=10)
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    for line in text.splitlines():
        pdf.multi_cell(0, 6, line or " ", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


if __name__ == "__main__":
    main()
