"""The input example of shared/spec/portfolio.md, verbatim (workload wl-mobile, contract signed 2026-10-01)."""

SPEC_EXAMPLE = """\
institution:
  name: 한빛은행
  kind: bank          # bank | securities | insurance | card | savings_bank | e_finance
                      # | foreign_branch_minor   (외국금융회사 국내지점, 전자금융거래 안전성·신뢰성에 중대한 영향 없음)
                      # | pg_overseas_cybermall  (제50조의2 국외 사이버몰 전자지급결제대행업자)
  as_of: 2026-11-24   # the day the assessment is made for; default: today

providers:
  - id: csp-a
    name: A클라우드
    regions:                       # where the provider processes this institution's data
      - {id: kr-central, country: KR}
    wireless_in_datacenter: false  # 전산실 내 무선통신망
    certifications:
      - scheme: CSAP               # CSAP | ISMS-P | FedRAMP-High | CSA-STAR-Gold | MTCS-L3 | ISO-27017 | SOC2-Type2 | other
        valid_until: 2027-06-30
        covers_scope: true         # the facilities and services used are inside the certified scope
    representative_evaluations:    # 침해사고대응기관(금융보안원) 대표평가 shared with the institution
      - {shared_on: 2025-09-30, service_models: [IaaS]}
    evaluations:                   # the institution's own evaluations of this provider
      - {kind: comprehensive, completed_on: 2024-03-10, method: onsite, service_models: [IaaS]}
      - {kind: regular, completed_on: 2025-11-02, method: document, service_models: [IaaS]}

workloads:
  - id: wl-mobile
    name: 모바일뱅킹 이벤트
    provider: csp-a
    service_model: SaaS            # IaaS | PaaS | SaaS
    region: kr-central             # one of the provider's regions
    information: [financial]       # any of: unique_id | personal_credit | financial | business | public
    scope:                         # 적용 범위 facts; defaults make the workload in scope
      own_processing: true         # 금융회사 자신의 정보처리 업무
      continuous: true             # 계속적 처리 (not one-off)
      commercial: true             # 상용 (free with ads counts as commercial)
      physically_dedicated: false  # 타 사용자와 물리적으로 분리·비공유 전용 구축
      member_only_noncommercial: false  # 지주·금융IT·협회의 소속 구성원 전용 非상용
      simple_web_use: false        # 홍보 목적 유튜브·페이스북 등 단순 이용
      via_intermediary: false      # MSP·재위탁 등 간접 이용 (still in scope)
    importance:                    # the 13 items of 부록1, by item id (table below). Each value is
                                   # a level (high | medium | low | none), the item's measure,
                                   # or {points: N} recorded by hand earlier (kept as recorded,
                                   # warned when N is no level's value for that item)
      external_orgs: 3                       # count of linked external organisations, or {ratio: 0.04}
      internal_systems: 12                   # count, or {ratio: 0.06}
      business_function: customer_direct     # customer_direct | linked_products | support | back_office
      daily_users: {ratio: 0.12}             # count, {ratio: r}, or {new_service: true} (→ none)
      business_impact: high                  # level (업무 중단=high, 지연=medium, 불편=low, 없음=none)
      loss: {ratio: 0.02}                    # amount in KRW, or {ratio: r} of total revenue
      rto: 2                                 # hours
      customer_impact: high                  # level
      # information_type: derived from `information` (unique_id/personal_credit → high,
      #                   financial → medium, business → low, public → none); may be given
      #                   only as {points: N} to keep a recorded score
      provider_dependency: auto              # count of the institution's other in-scope workloads
                                             # on this provider; default auto (counted here)
      cloud_configuration: single_with_backup  # multi_realtime | multi_backup | single_with_backup | single
      compliance_requirements: laws_and_internal  # laws_and_internal | laws_or_internal | provider_policy | none
      oversight: 2                           # supervision of contract/security compliance, times a year
                                             # (0 = none; {as_needed: true} = low)
    contract: {signed_on: 2026-10-01}
    linked_to_internal_network_on: null    # 개발·테스트 후 내부망 연계일
    events:                                # things that happened to this use of cloud
      - {kind: subcontract_change, date: 2026-08-01}
        # kinds: new_contract | provider_merger_or_transfer | subcontract_change
        #        | provider_breach_of_key_terms | evaluation_material_change
        #        | continuity_material_change | importance_upgrade | scope_expansion
        #        | personal_credit_added | provider_security_incident | outage_10min
"""
