"""Hand-written contract articles for the *tuning* part of the evaluation corpus.

Each article is written the way Korean cloud contracts phrase it (several phrasings per
clause, negated and limited variants, filler articles that mention the same words in other
senses). ``build_tuning.py`` assembles contracts from them and records, per article, which
required clauses it satisfies, partly satisfies or contradicts: the gold labels.

Placeholders: {I} institution alias, {P} provider alias, {IN} institution name, {PN} provider name.
The held-out contracts (heldout/) are written separately and share no text with this file.
"""

from __future__ import annotations

# (title, paragraphs, labels). labels: clause id -> status the article gives that clause.
Article = tuple[str, list[str], dict[str, str]]

POSITIVE: dict[str, list[Article]] = {
    "scope_of_service": [
        ("서비스의 범위", ["{P}이 {I}에게 제공하는 클라우드서비스의 대상 업무는 {WORK}로 하며, 해당 업무를 처리하는 시스템의 구성과 서비스 명세는 별표 1과 같다."],
         {"scope_of_service": "satisfied"}),
        ("이용 대상 업무 및 시스템", ["① {I}가 클라우드서비스를 이용하는 대상 업무는 {WORK}이다.", "② 제1항의 업무를 처리하는 시스템은 가상 서버, 데이터베이스 및 백업 스토리지로 구성되며 상세 내역은 별표 1에 따른다."],
         {"scope_of_service": "satisfied"}),
    ],
    "data": [
        ("데이터의 소유", ["① {P}가 서비스를 통하여 처리하는 {I}의 모든 데이터는 {I}의 소유로 하며, {I}는 언제든지 이를 조회, 수정, 삭제할 수 있다.", "② {P}는 {I}의 데이터에 대하여 어떠한 권리도 주장할 수 없다."],
         {"data": "satisfied"}),
        ("위탁 데이터", ["{I}가 위탁하는 데이터의 종류는 고객 기본정보, 거래내역 및 상담기록으로 하며, 위탁 데이터에 대한 모든 권리는 {I}에게 귀속된다."],
         {"data": "satisfied"}),
    ],
    "change_notification": [
        ("중요 변경사항의 통지", ["{P}는 재위탁 업체의 변경, 데이터센터의 이전 등 이 계약의 중요 사항에 변경이 있는 경우 변경 30일 전까지 {I}에게 서면으로 통지하여야 한다."],
         {"change_notification": "satisfied"}),
        ("변경의 통보", ["{P}는 서비스 제공 방식, 재수탁자 등 계약 내용에 영향을 미치는 중요한 변경이 예정된 때에는 지체 없이 {I}에게 통보한다."],
         {"change_notification": "satisfied"}),
    ],
    "supervisory_access": [
        ("감독기관의 검사 등", ["① {P}는 금융위원회, 금융감독원 및 {I}의 내·외부 감사인이 서비스와 관련된 시설, 시스템 및 자료에 접근하여 조사하는 것을 허용하고 이에 적극 협조하여야 한다.", "② {P}는 제1항에 따른 자료 제출 요구를 정당한 사유 없이 거부할 수 없다."],
         {"supervisory_access": "satisfied", "supervisory_inspection": "satisfied"}),
        ("검사 협조", ["{P}는 금융감독당국의 검사에 협조한다.", ],
         {"supervisory_access": "satisfied", "supervisory_inspection": "satisfied"}),
        ("감사", ["① {I}의 감사부서 및 {I}가 지정한 외부감사인은 {P}의 업무 수행에 대하여 현장 점검을 실시할 수 있으며, {P}는 이에 응하여야 한다.", "② {P}는 금융감독원이 {I}에 대한 검사와 관련하여 요구하는 자료를 지체 없이 제출하고 현장 검사를 수용한다."],
         {"supervisory_access": "satisfied", "supervisory_inspection": "satisfied"}),
    ],
    "drills_cooperation": [
        ("훈련 및 취약점 점검", ["① {P}는 {I}가 실시하는 비상대응훈련, 재해복구전환훈련 및 침해사고 대응훈련에 참여하고 필요한 지원을 제공한다.", "② {P}는 자신이 관리하는 인프라 영역에 대하여 연 1회 이상 취약점 분석·평가를 수행하고 그 조치 결과를 {I}에게 통지한다."],
         {"drills_cooperation": "satisfied"}),
        ("보안 점검 협조", ["{P}는 {I}의 모의해킹 및 취약점 점검이 원활히 수행될 수 있도록 협조하여야 한다."],
         {"drills_cooperation": "satisfied"}),
    ],
    "security_level": [
        ("보안관리 수준", ["{P}는 금융분야 클라우드서비스 제공자 안전성 평가 기준의 서비스 제공기준을 {I}가 요구하는 수준으로 상시 충족하여야 한다."],
         {"security_level": "satisfied"}),
        ("인증의 유지", ["{P}는 계약기간 동안 클라우드서비스 보안인증(CSAP)과 정보보호 관리체계(ISMS-P) 인증을 유지하고, 인증 갱신 결과를 {I}에게 제출한다."],
         {"security_level": "satisfied"}),
    ],
    "security_requirements": [
        ("정보보호 및 서비스 연속성", ["① {P}는 {I}의 정보를 보호하기 위하여 관계 법령에 따른 정보보호 의무를 다하여야 한다.", "② {P}는 장애 예방 및 재해복구 체계를 마련하여 서비스 연속성을 보장하고, {I}의 업무 연속성 계획 이행에 협조한다."],
         {"security_requirements": "satisfied"}),
        ("보안 요구사항", ["{P}는 {I}의 정보보호 정책에 따른 보안 조치를 이행하고, 서비스가 중단 없이 제공되도록 이중화 및 백업 체계를 유지한다."],
         {"security_requirements": "satisfied"}),
    ],
    "termination_right": [
        ("계약의 해지", ["① {I}는 다음 각 호의 어느 하나에 해당하는 경우 위약금 등 불이익 없이 이 계약을 해지할 수 있다.", "1. {P}가 관련 법령 또는 이 계약상의 의무를 위반한 경우", "2. {P}의 서비스 제공이 {I}의 업무에 악영향을 미치거나 미칠 우려가 있는 경우"],
         {"termination_right": "satisfied"}),
        ("해지", ["{I}는 {P}의 귀책사유로 보안사고가 발생하여 서비스에 중대한 영향이 있는 경우 즉시 이 계약을 해지할 수 있다."],
         {"termination_right": "satisfied"}),
    ],
    "sla_monitoring": [
        ("서비스 수준 협약", ["① {P}는 별표 2에 정한 서비스 수준(SLA)을 유지하고 월별 측정 결과를 {I}에게 보고한다.", "② {I}는 서비스 수준이 미달된 경우 {P}에게 시정조치를 요구할 수 있으며, {P}는 별표 2에 따른 서비스 크레딧을 제공한다."],
         {"sla_monitoring": "satisfied"}),
        ("서비스 품질 관리", ["{I}는 {P}가 약정한 가용률을 준수하는지 상시 모니터링할 수 있으며, 가용률이 약정 수준에 미치지 못하는 경우 {P}에게 개선계획의 제출과 재발 방지 조치를 요구할 수 있다."],
         {"sla_monitoring": "satisfied"}),
    ],
    "confidentiality": [
        ("비밀유지", ["{P}는 이 계약의 이행 과정에서 알게 된 {I}의 고객정보 및 영업비밀을 제3자에게 누설하거나 이 계약의 목적 외로 사용하여서는 아니 된다."],
         {"confidentiality": "satisfied"}),
        ("고객정보의 보호", ["{P}는 {I}의 고객정보를 안전하게 보호하여야 하며, 계약 종료 후에도 비밀유지 의무를 부담한다."],
         {"confidentiality": "satisfied"}),
    ],
    "data_destruction": [
        ("데이터의 파기", ["{P}는 계약이 종료되거나 해지된 때에는 {I}의 데이터를 복구 불가능한 방법으로 파기하고 파기 확인서를 {I}에게 제출하여야 한다."],
         {"data_destruction": "satisfied"}),
        ("종료 시 정보의 삭제", ["이 계약이 만료된 경우 {P}는 백업 및 재위탁된 영역을 포함하여 {I}의 정보를 모두 삭제하고 그 결과를 {I}에게 통지한다."],
         {"data_destruction": "satisfied"}),
    ],
    "legal_compliance_reporting": [
        ("법령 준수 및 보고", ["① {P}는 전자금융거래법, 신용정보법 등 위탁 업무와 관련된 법령을 준수한다.", "② {P}는 서비스와 관련하여 침해사고가 발생한 경우 지체 없이 {I}에게 보고하여야 한다."],
         {"legal_compliance_reporting": "satisfied"}),
        ("관계 법령의 준수", ["{P}는 관계 법령 및 금융 분야 자율규제를 준수하며, 법령 위반 사실을 알게 된 때에는 즉시 {I}에게 보고한다."],
         {"legal_compliance_reporting": "satisfied"}),
    ],
    "processing_location": [
        ("정보처리 위치", ["{P}는 {I}의 정보를 별표 3에 기재된 국내 데이터센터에서만 처리하며, 금융감독원 또는 {I}의 요청이 있는 경우 데이터 처리가 실제 수행되는 위치를 시·군 단위까지 고지한다."],
         {"processing_location": "satisfied"}),
        ("데이터센터", ["서비스가 제공되는 데이터센터의 소재지는 서울특별시 강서구 및 경기도 평택시로 하며, {P}는 이를 변경하려는 경우 {I}에게 사전에 통지한다."],
         {"processing_location": "satisfied", "change_notification": "satisfied"}),
    ],
    "emergency_access": [
        ("비상대책", ["① {P}는 서비스 제공이 중단되는 경우에도 {I}가 자신의 데이터에 접근할 수 있도록 비상 접근 절차를 마련한다.", "② {P}는 장애 발생 시 신속한 복구를 위하여 국내에 상주 인력을 두고 대응 절차를 {I}에게 사전에 알린다."],
         {"emergency_access": "satisfied"}),
        ("서비스 중단 시 조치", ["{P}의 파산, 영업정지 등으로 서비스 중단이 예상되는 경우 {P}는 {I}가 데이터를 추출할 수 있도록 필요한 접근권한과 기술 지원을 제공하여야 한다."],
         {"emergency_access": "satisfied"}),
    ],
    "transition_support": [
        ("업무의 이전", ["① 계약이 종료되는 경우 {P}는 {I}가 다른 클라우드서비스 제공자 또는 자체 시스템으로 업무를 이전할 수 있도록 필요한 지원을 하여야 한다.", "② {P}는 계약 체결일부터 3개월 이내에 전환계획을 수립하여 {I}와 합의하여야 한다."],
         {"transition_support": "satisfied"}),
        ("이전 지원", ["{P}는 {I}의 업무를 다른 수탁자에게 이관하는 경우 충분한 이전 기간을 보장하고 데이터 이관을 지원하며, 이관 절차는 별표 4의 종료 계획에 따른다."],
         {"transition_support": "satisfied"}),
    ],
    "major_events": [
        ("합병 등 중요 상황", ["{P}가 합병, 분할 또는 영업양도를 하거나 이 계약상의 지위를 제3자에게 양도하려는 경우 사전에 {I}에게 통지하고 {I}의 동의를 받아야 하며, {I}는 이를 이유로 계약을 해지할 수 있다."],
         {"major_events": "satisfied", "termination_right": "satisfied"}),
        ("권리의무의 양도", ["{P}는 {I}의 사전 서면 승인 없이 이 계약상의 지위를 양도할 수 없으며, {P}의 최대주주가 변경되는 경우 지체 없이 {I}에게 알려야 한다."],
         {"major_events": "satisfied"}),
    ],
    "subcontracting": [
        ("재위탁", ["① {P}는 {I}의 사전 서면 동의를 받은 경우에 한하여 업무의 일부를 재위탁할 수 있다.", "② {P}는 재수탁자가 이 계약의 내용을 준수하도록 관리·감독하여야 하며, 재수탁자의 고의 또는 과실은 {P}의 고의 또는 과실로 본다.", "③ {P}는 재위탁 업무의 범위 또는 재수탁자를 변경하려는 경우 {I}에게 미리 통지하고 동의를 받아야 한다."],
         {"subcontracting_consent": "satisfied", "subcontractor_oversight": "satisfied", "change_notification": "satisfied"}),
        ("하도급", ["{P}는 {I}의 승인 없이 서비스 제공 업무를 하도급할 수 없으며, 승인을 받아 하도급한 경우에도 하수급인의 행위에 대하여 {I}에게 책임을 진다."],
         {"subcontracting_consent": "satisfied", "subcontractor_oversight": "satisfied"}),
    ],
    "access_control": [
        ("접근통제", ["{P}는 {I}의 데이터에 대한 접근권한을 업무상 필요한 최소한의 인원에게만 부여하고, 접근기록을 보관하여야 한다."],
         {"access_control": "satisfied"}),
        ("권한 관리", ["{P}는 비인가자가 {I}의 시스템 및 데이터에 접근하지 못하도록 다중인증 등 접근 통제 조치를 적용한다."],
         {"access_control": "satisfied"}),
    ],
    "liability": [
        ("손해배상", ["① {P}가 이 계약을 위반하거나 {P}의 귀책사유로 전산사고가 발생하여 {I} 또는 {I}의 고객에게 손해가 발생한 경우 {P}는 그 손해를 배상하여야 한다.", "② {I}가 고객에게 먼저 배상한 경우 {I}는 {P}에게 구상권을 행사할 수 있다."],
         {"liability": "satisfied"}),
        ("책임", ["{P}는 서비스 장애 또는 정보 유출로 {I}에게 발생한 직접 및 간접 피해에 대하여 배상 책임을 진다."],
         {"liability": "satisfied"}),
    ],
    "jurisdiction": [
        ("관할법원", ["이 계약과 관련하여 발생한 분쟁에 관한 소송은 서울중앙지방법원을 관할 법원으로 한다."],
         {"jurisdiction": "satisfied"}),
        ("분쟁해결", ["① 이 계약에 관한 분쟁은 당사자 간 협의로 해결한다.", "② 제1항의 협의가 이루어지지 않는 경우 민사소송법에 따른 관할법원에 소를 제기할 수 있으며, 당사자 일방이 외국사업자인 경우 대한민국 법원이 국제 재판관할권을 가진다."],
         {"jurisdiction": "satisfied"}),
    ],
}

# Articles that negate or limit an obligation: the clause must never come out satisfied.
NEGATED: dict[str, Article] = {
    "data_destruction": ("데이터의 처리", ["계약 종료 후 {P}는 데이터 파기 의무를 부담하지 아니한다."], {"data_destruction": "contradicted"}),
    "supervisory_access": ("검사", ["{P}는 감독당국 및 {I}의 감사인의 조사에 대하여 {P}가 동의하는 경우에 한하여 자료를 제공한다."],
                           {"supervisory_access": "contradicted", "supervisory_inspection": "contradicted"}),
    "confidentiality": ("비밀유지", ["{P}는 {I}의 정보에 대하여 별도의 비밀유지 의무를 지지 않는다."], {"confidentiality": "contradicted"}),
    "subcontracting_consent": ("재위탁", ["{P}는 {I}의 동의 없이도 업무의 전부 또는 일부를 재위탁할 수 있다."], {"subcontracting_consent": "contradicted"}),
    "liability": ("면책", ["{P}는 서비스의 이용과 관련하여 {I}에게 발생한 어떠한 손해에 대하여도 배상 책임을 지지 아니한다."], {"liability": "contradicted"}),
    "drills_cooperation": ("훈련", ["{P}는 {I}의 재해복구훈련에 협조할 의무가 없다."], {"drills_cooperation": "contradicted"}),
    "emergency_access": ("서비스 중단", ["서비스 제공이 중단된 경우 {I}의 데이터에 대한 접근은 {P}의 단독 재량에 따른다."], {"emergency_access": "contradicted"}),
}

# Articles that mention clause words in another sense (they must not be counted).
DISTRACTORS: list[Article] = [
    ("정의", ["이 계약에서 사용하는 용어의 뜻은 다음과 같다.", "1. \"서비스\"란 {P}가 제공하는 클라우드컴퓨팅서비스를 말한다.", "2. \"데이터\"란 {I}가 서비스에 저장하는 전자적 정보를 말한다.", "3. \"장애\"란 서비스를 정상적으로 이용할 수 없는 상태를 말한다."], {}),
    ("계약기간", ["이 계약의 기간은 계약 체결일부터 3년으로 하며, 기간 만료 1개월 전까지 어느 당사자도 이의를 제기하지 않으면 1년씩 자동 연장된다."], {}),
    ("이용요금", ["① {I}는 별표 2에 따른 이용요금을 매월 말일까지 {P}에게 지급한다.", "② {P}는 이용요금을 변경하려는 경우 60일 전까지 {I}에게 통지하여야 한다."], {}),
    ("지식재산권", ["서비스와 관련된 소프트웨어 및 문서에 관한 지식재산권은 {P}에게 귀속한다."], {}),
    ("불가항력", ["천재지변, 전쟁 그 밖의 불가항력으로 인하여 이 계약상의 의무를 이행할 수 없는 경우 해당 당사자는 그 책임을 지지 아니한다."], {}),
    ("통지의 방법", ["이 계약에 따른 통지는 서면 또는 전자우편으로 하며, 상대방에게 도달한 때에 효력이 발생한다."], {}),
    ("계약의 변경", ["이 계약의 변경은 당사자 쌍방이 서명한 서면 합의로만 할 수 있다."], {}),
    ("세금", ["이 계약에 따른 거래에 부과되는 부가가치세는 {I}가 부담한다."], {}),
    ("권리의 불포기", ["어느 당사자가 이 계약상의 권리를 행사하지 아니하더라도 이를 그 권리의 포기로 보지 아니한다."], {}),
    ("{P}의 해지", ["{P}는 {I}가 이용요금을 3개월 이상 연체한 경우 이 계약을 해지할 수 있다."], {}),
    ("분리가능성", ["이 계약의 일부 조항이 무효인 경우에도 나머지 조항의 효력에는 영향을 미치지 아니한다."], {}),
    ("교육", ["{P}는 서비스 운영 인력에게 연 2회 이상 보안 교육을 실시한다."], {}),
]
