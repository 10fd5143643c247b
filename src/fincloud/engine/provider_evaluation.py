"""Provider evaluation plan (감독규정 제14조의2제1항제2호·제3항·제8항, <별표 2의2>; 가이드 제4장).

Decides which 별표 2의2 items must be evaluated and which may be skipped (service model,
non-critical work, a recognised certificate), when the comprehensive and regular evaluations are
due, which events call for a new evaluation, whether an FSI representative evaluation can be
relied on, and what blocks the use outright (data localisation, wireless network in the data
centre, open deficiencies not accepted by the committee).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from fincloud.catalog.loader import Catalog
from fincloud.engine.deadlines import deadline, status_for
from fincloud.engine.result import EvaluationSchedule, PlannedItem, ProviderEvaluation, Reason
from fincloud.portfolio.model import Evaluation, Institution, Provider, RepresentativeEvaluation, Workload

ITEMS_CITATION = "감독규정 제14조의2제1항제2호, <별표 2의2>; 가이드 제4장 3"
LOCALISATION_EXEMPT = {"foreign_branch_minor", "pg_overseas_cybermall"}
SENSITIVE = {"unique_id", "personal_credit"}
# Events after the last comprehensive evaluation that call for a new one (가이드 제4장 2 가.)
COMPREHENSIVE_TRIGGERS = {"scope_expansion", "personal_credit_added", "importance_upgrade"}
# Events that allow a regular evaluation regardless of the cycle (가이드 제4장 2 나.)
REGULAR_TRIGGERS = {"provider_security_incident", "infrastructure_rebuild"}


@dataclass(frozen=True)
class RepresentativeValidity:
    evaluation: RepresentativeEvaluation
    valid_until: dt.date


def representative_validity(provider: Provider, catalog: Catalog) -> list[RepresentativeValidity]:
    """Validity of each FSI representative evaluation shared for this provider (가이드 제4장 1 다.).

    Valid from its sharing date to 31 December of the following year, or to the sharing date of
    the next representative evaluation if that comes first.
    """
    month, day = (int(x) for x in catalog.edition.timings.representative_valid_until_month_day.split("-"))
    shared = sorted(provider.representative_evaluations, key=lambda r: r.shared_on)
    out = []
    for i, rep in enumerate(shared):
        until = dt.date(rep.shared_on.year + 1, month, day)
        if i + 1 < len(shared):
            until = min(until, shared[i + 1].shared_on)
        out.append(RepresentativeValidity(rep, until))
    return out


@dataclass(frozen=True)
class CertificateReading:
    """What a provider's certificates allow on a day: skip alternative items, except some domains."""

    schemes: tuple[str, ...]
    still_domains: frozenset[str]
    notes: tuple[Reason, ...]


def read_certificates(provider: Provider, *, catalog: Catalog, as_of: dt.date) -> CertificateReading:
    """Recognised certificates valid on ``as_of`` whose scope covers the facilities and services used
    (<별표 2의2> 전문; 가이드 제4장 3 나.), with a note for every certificate that does not count and why."""
    cite = catalog.certifications.citation
    valid = []
    notes: list[Reason] = []
    for c in provider.certifications:
        scheme = catalog.certification(c.scheme) if c.scheme != "other" else None
        if scheme is None:
            notes.append(Reason(code="certificate.not_recognised", params={"scheme": c.name or c.scheme}, citation=cite))
        elif not c.covers_scope:
            notes.append(Reason(code="certificate.scope_not_covered", params={"scheme": c.scheme}, citation=cite))
        elif c.valid_until < as_of or (c.valid_from is not None and c.valid_from > as_of):
            notes.append(Reason(code="certificate.expired", params={"scheme": c.scheme, "valid_until": c.valid_until},
                                citation=cite))
        else:
            valid.append((c, scheme))
            notes.append(Reason(code="certificate.valid", params={"scheme": c.scheme, "valid_until": c.valid_until},
                                citation=cite))
            if (c.valid_until - as_of).days <= catalog.edition.timings.due_soon_days:
                notes.append(Reason(code="certificate.expiring",
                                    params={"scheme": c.scheme, "valid_until": c.valid_until}))
    # ISMS-P and SOC 2 Type II are not cloud-specific: domain 8 must still be evaluated unless another
    # valid certificate covers it.
    still: set[str] | None = None
    for _, scheme in valid:
        doms = set(scheme.still_evaluate_domains)
        still = doms if still is None else still & doms
    return CertificateReading(schemes=tuple(c.scheme for c, _ in valid), still_domains=frozenset(still or ()),
                              notes=tuple(notes))


def plan_items(service_model: str, *, critical: bool, certs: CertificateReading,
               catalog: Catalog) -> tuple[PlannedItem, ...]:
    """Which 별표 2의2 items apply, and why each skipped one is skipped.

    Depends only on the service model, the importance and the certificates, so callers may share the
    result between workloads (it is immutable).
    """
    planned: list[PlannedItem] = []
    schemes = list(certs.schemes)
    for item in catalog.provider_items:
        if service_model not in item.service_models:
            planned.append(PlannedItem(
                number=item.number, kind=item.kind, required=False, skip_reason="not_applicable_service_model",
                reason=Reason(code="item.not_applicable_service_model",
                              params={"model": service_model, "applies": list(item.service_models)},
                              citation=ITEMS_CITATION)))
        elif item.kind == "essential":
            planned.append(PlannedItem(number=item.number, kind=item.kind, required=True,
                                       reason=Reason(code="item.essential", citation=ITEMS_CITATION)))
        elif not critical:
            planned.append(PlannedItem(
                number=item.number, kind=item.kind, required=False, skip_reason="non_critical",
                reason=Reason(code="item.non_critical", citation="감독규정 제14조의2제1항제2호 단서; " + ITEMS_CITATION)))
        elif schemes and item.domain not in certs.still_domains:
            planned.append(PlannedItem(
                number=item.number, kind=item.kind, required=False, skip_reason="certified",
                reason=Reason(code="item.certified", params={"schemes": schemes},
                              citation=catalog.certifications.citation)))
        elif schemes:
            planned.append(PlannedItem(
                number=item.number, kind=item.kind, required=True,
                reason=Reason(code="item.certified_but_domain", params={"domain": item.domain, "schemes": schemes},
                              citation=catalog.certifications.citation)))
        else:
            planned.append(PlannedItem(number=item.number, kind=item.kind, required=True,
                                       reason=Reason(code="item.alternative_critical", citation=ITEMS_CITATION)))
    return tuple(planned)


def _covers(ev: Evaluation | RepresentativeEvaluation, model: str) -> bool:
    return model in ev.service_models


def comprehensive_schedule(
    workload: Workload, provider: Provider, *, critical: bool, catalog: Catalog, as_of: dt.date,
    reps: list[RepresentativeValidity],
) -> tuple[EvaluationSchedule, list[Reason], int | None]:
    """The comprehensive evaluation: at first use and every 3 years; on-site for critical work.

    The institution's own evaluation counts first; where it is missing, overdue or not adequate, a
    valid FSI representative evaluation of the same scope, adopted by a committee resolution, stands
    in (가이드 제4장 1 다., 2 가.). Returns the schedule, re-evaluation reasons, and the year the
    regular-evaluation cycle counts from.
    """
    own, reeval, own_year = _own_comprehensive(workload, provider, critical=critical, catalog=catalog, as_of=as_of)
    if own.status in ("ok", "due"):
        return own, reeval, own_year
    after = max((r.params["date"] for r in reeval if r.code.removeprefix("reevaluation.") in COMPREHENSIVE_TRIGGERS),
                default=dt.date.min)
    usable = [r for r in reps if _covers(r.evaluation, workload.service_model)
              and after < r.evaluation.shared_on <= as_of]
    if not usable:
        return own, reeval, own_year
    rep = usable[-1]
    t = catalog.edition.timings
    rep_reasons = [*own.reasons, Reason(code="comprehensive.representative",
                                        params={"shared_on": rep.evaluation.shared_on, "valid_until": rep.valid_until},
                                        citation="감독규정 제14조의2제3항; 가이드 제4장 1 다., 2 가.")]
    if rep.valid_until < as_of:
        return own, reeval, own_year
    if rep.evaluation.committee_resolution_on is None:
        status = "required_before_use"
        rep_reasons.append(Reason(code="comprehensive.representative_needs_resolution",
                                  citation="가이드 제4장 2 가. (정보보호위원회 심의·의결을 거쳐 기존 평가 결과 활용 가능)"))
    else:
        status = status_for(rep.valid_until, as_of, soon_days=t.due_soon_days)
    schedule = EvaluationSchedule(method=own.method, due=rep.valid_until, status=status, basis="representative",
                                  last_completed=rep.evaluation.shared_on, reasons=tuple(rep_reasons))
    return schedule, reeval, max(own_year or 0, rep.evaluation.shared_on.year)


def own_comprehensive_evaluations(provider: Provider, service_model: str, as_of: dt.date) -> list[Evaluation]:
    """The provider's comprehensive evaluations covering the service model, done by ``as_of``, oldest first."""
    return sorted(
        (e for e in provider.evaluations
         if e.kind == "comprehensive" and _covers(e, service_model) and e.completed_on <= as_of),
        key=lambda e: e.completed_on,
    )


def _own_comprehensive(
    workload: Workload, provider: Provider, *, critical: bool, catalog: Catalog, as_of: dt.date
) -> tuple[EvaluationSchedule, list[Reason], int | None]:
    t = catalog.edition.timings
    method = "onsite" if critical else "document"
    cite = "가이드 제4장 1 가., 2 가."
    own = own_comprehensive_evaluations(provider, workload.service_model, as_of)
    if not own:
        return (EvaluationSchedule(method=method, status="required_before_use", basis="none",
                                   reasons=(Reason(code="comprehensive.first_use", citation=cite),)), [], None)
    last = own[-1]
    reeval: list[Reason] = []
    for ev in workload.events:
        if ev.kind in COMPREHENSIVE_TRIGGERS and last.completed_on < ev.date <= as_of:
            reeval.append(Reason(code=f"reevaluation.{ev.kind}", params={"date": ev.date}, citation=cite))
    for ev in workload.events:
        if ev.kind in REGULAR_TRIGGERS and last.completed_on < ev.date <= as_of:
            reeval.append(Reason(code=f"reevaluation.{ev.kind}", params={"date": ev.date},
                                 citation="가이드 제4장 2 나."))
    if critical and last.method != "onsite":
        return (EvaluationSchedule(method=method, status="required_before_use", last_completed=last.completed_on,
                                   reasons=(Reason(code="comprehensive.onsite_needed",
                                                   params={"date": last.completed_on}, citation=cite),)),
                reeval, None)
    blocking = [r for r in reeval if r.code.removeprefix("reevaluation.") in COMPREHENSIVE_TRIGGERS]
    if blocking:
        return (EvaluationSchedule(method=method, status="required_before_use", last_completed=last.completed_on,
                                   reasons=tuple(blocking)), reeval, last.completed_on.year)
    due = deadline(last.completed_on, years=t.comprehensive_every_years)
    reasons = [Reason(code="comprehensive.cycle",
                      params={"date": last.completed_on, "years": t.comprehensive_every_years}, citation=cite)]
    joined = workload.contract.signed_on or workload.started_on
    if joined is not None and joined > last.completed_on:
        # 가이드 제4장 2 가.: 기존에 평가를 완료한 서비스와 동일한 범위 내에서 추가로 이용하는 경우, 정보보호위원회
        # 심의·의결을 거쳐 기존 평가 결과 활용 가능.
        reasons.append(Reason(code="comprehensive.reuse_needs_resolution", params={"date": last.completed_on},
                              citation="가이드 제4장 2 가. (기존 평가 결과 활용 ①)"))
    return (EvaluationSchedule(method=method, due=due, status=status_for(due, as_of, soon_days=t.due_soon_days),
                               last_completed=last.completed_on, reasons=tuple(reasons)),
            reeval, last.completed_on.year)


def regular_schedule(
    workload: Workload, provider: Provider, *, critical: bool, catalog: Catalog, as_of: dt.date,
    cycle_year: int | None, reps: list[RepresentativeValidity],
) -> EvaluationSchedule:
    """Regular evaluation: every calendar year after the comprehensive one, by 31 December, in writing.

    Optional for non-critical work (가이드 제4장 2 나.); an FSI representative evaluation shared in the
    year stands in for it.
    """
    cite = "가이드 제4장 1 가., 2 나."
    if not critical:
        return EvaluationSchedule(required=False, method="document", status="not_required",
                                  reasons=(Reason(code="regular.optional_non_critical", citation=cite),))
    if cycle_year is None:
        return EvaluationSchedule(required=True, method="document", status="required_before_use",
                                  reasons=(Reason(code="regular.after_comprehensive", citation=cite),))
    month, day = (int(x) for x in catalog.edition.timings.regular_due_month_day.split("-"))
    year = as_of.year
    done_years = {e.completed_on.year for e in provider.evaluations
                  if _covers(e, workload.service_model) and e.completed_on <= as_of}
    done_years |= {r.evaluation.shared_on.year for r in reps
                   if _covers(r.evaluation, workload.service_model) and r.evaluation.shared_on <= as_of}
    last_done = max((e.completed_on for e in provider.evaluations
                     if _covers(e, workload.service_model) and e.completed_on <= as_of), default=None)
    reasons = [Reason(code="regular.yearly", params={"from_year": cycle_year + 1}, citation=cite)]
    missed = [y for y in range(cycle_year + 1, year) if y not in done_years]
    if missed:
        reasons.append(Reason(code="regular.missed_years", params={"years": missed}, citation=cite))
    if year <= cycle_year or year in done_years:
        due = dt.date(max(year, cycle_year) + 1, month, day)
        return EvaluationSchedule(required=True, method="document", due=due, status="ok",
                                  last_completed=last_done, reasons=tuple(reasons))
    if missed:  # last year's evaluation was never done: it is overdue since its 31 December
        return EvaluationSchedule(required=True, method="document", due=dt.date(missed[-1], month, day),
                                  status="overdue", last_completed=last_done, reasons=tuple(reasons))
    due = dt.date(year, month, day)
    return EvaluationSchedule(required=True, method="document", due=due,
                              status=status_for(due, as_of, soon_days=catalog.edition.timings.due_soon_days),
                              last_completed=last_done, reasons=tuple(reasons))


def latest_evaluation(provider: Provider, service_model: str, as_of: dt.date) -> Evaluation | None:
    """The most recent evaluation (any kind) of the provider covering the service model, up to ``as_of``."""
    return max((e for e in provider.evaluations if service_model in e.service_models and e.completed_on <= as_of),
               key=lambda e: e.completed_on, default=None)


def blockers(
    workload: Workload, provider: Provider, institution: Institution, providers: dict[str, Provider],
    latest: Evaluation | None, *, memo: dict[tuple[object, ...], Reason] | None = None,
) -> list[Reason]:
    """What prevents this use as described (감독규정 제14조의2제8항; 가이드 제4장 2 가. 확인평가).

    ``latest`` is :func:`latest_evaluation` for the workload's provider and service model. With a
    ``memo``, equal blockers (same code and parameters) are one shared, read-only reason.
    """
    def reason(*, code: str, citation: str, **params: object) -> Reason:
        if memo is None:
            return Reason(code=code, params=params, citation=citation)
        key = (code, *((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))
        hit = memo.get(key)
        if hit is None:
            hit = memo[key] = Reason(code=code, params=params, citation=citation)
        return hit

    out: list[Reason] = []
    sensitive = sorted(SENSITIVE & set(workload.information))
    if sensitive and institution.kind not in LOCALISATION_EXEMPT:
        region = next(r for r in provider.regions if r.id == workload.region)
        if region.country != "KR":
            out.append(reason(code="blocker.data_outside_korea",
                              citation="감독규정 제14조의2제8항 단서; <별표 2의2> 11.2.1",
                              region=region.id, country=region.country, classes=sensitive))
        if provider.wireless_in_datacenter:
            out.append(reason(code="blocker.wireless_in_datacenter",
                              citation="감독규정 제14조의2제8항 단서, 제11조제12호; <별표 2의2> 11.1.2",
                              classes=sensitive))
        recovery = providers.get(workload.recovery_provider or "")
        if recovery is not None and all(r.country != "KR" for r in recovery.regions):
            out.append(reason(code="blocker.recovery_outside_korea",
                              citation="감독규정 제14조의2제8항 단서 (해당 정보처리시스템을 국내에 설치)",
                              provider=recovery.id))
    if latest is not None and latest.open_deficiencies and not latest.deficiencies_accepted_by_resolution:
        out.append(reason(code="blocker.open_deficiencies",
                          citation="가이드 제4장 2 가. 확인평가 (리스크 분석, 대체 보완 방안, 정보보호위원회 심의·의결)",
                          count=latest.open_deficiencies, date=latest.completed_on))
    return out


class PlanCache:
    """Memo of the parts of a provider evaluation that many workloads share, for one assessment.

    One assessment has one catalog, one day and providers with unique ids, so a provider's id stands
    for the provider in the keys below; every shared result is immutable or never changed after.
    """

    def __init__(self) -> None:
        self.certs: dict[str, CertificateReading] = {}
        self.reps: dict[str, list[RepresentativeValidity]] = {}
        self.items: dict[tuple[object, ...], tuple[PlannedItem, ...]] = {}
        self.plans: dict[tuple[object, ...], tuple[tuple[str, ...], dict[str, str]]] = {}
        self.regular: dict[tuple[object, ...], EvaluationSchedule] = {}
        self.latest: dict[tuple[str, str], Evaluation | None] = {}
        self.own: dict[tuple[str, str], list[Evaluation]] = {}
        self.comprehensive: dict[tuple[object, ...], tuple[EvaluationSchedule, list[Reason], int | None]] = {}
        self.notes: dict[tuple[bool, str | None], tuple[Reason, ...]] = {}
        self.blockers: dict[tuple[object, ...], Reason] = {}


_TRIGGERS = COMPREHENSIVE_TRIGGERS | REGULAR_TRIGGERS


def _comprehensive_key(workload: Workload, provider: Provider, *, critical: bool, as_of: dt.date,
                       cache: PlanCache) -> tuple[object, ...]:
    """Everything :func:`comprehensive_schedule` reads of the workload, for a given provider and day.

    Besides the provider, service model and importance, it reads only the re-evaluation events after
    the last own comprehensive evaluation (kind and date, in order) and whether the workload joined
    after that evaluation; with no own evaluation, neither (the representative evaluations that may
    stand in are the provider's). Workloads with equal keys get the same schedule.
    """
    okey = (provider.id, workload.service_model)
    own = cache.own.get(okey)
    if own is None:
        own = cache.own[okey] = own_comprehensive_evaluations(provider, workload.service_model, as_of)
    if not own:
        return (*okey, critical)
    done = own[-1].completed_on
    events = tuple((ev.kind, ev.date) for ev in workload.events if ev.kind in _TRIGGERS and done < ev.date <= as_of)
    joined = workload.contract.signed_on or workload.started_on
    return (*okey, critical, events, joined is not None and joined > done)


def evaluate_provider(
    workload: Workload, provider: Provider, institution: Institution, providers: dict[str, Provider], *,
    critical: bool, catalog: Catalog, as_of: dt.date, cache: PlanCache | None = None,
) -> ProviderEvaluation:
    cache = cache or PlanCache()
    certs = cache.certs.get(provider.id)
    if certs is None:
        certs = cache.certs[provider.id] = read_certificates(provider, catalog=catalog, as_of=as_of)
    key = (workload.service_model, critical, certs.schemes, certs.still_domains)
    planned = cache.items.get(key)
    if planned is None:
        planned = cache.items[key] = plan_items(workload.service_model, critical=critical, certs=certs, catalog=catalog)
        cache.plans[key] = (tuple(p.number for p in planned if p.required),
                            {p.number: p.skip_reason for p in planned if p.skip_reason})
    required, skipped = cache.plans[key]
    reps = cache.reps.get(provider.id)
    if reps is None:
        reps = cache.reps[provider.id] = representative_validity(provider, catalog)
    ckey = _comprehensive_key(workload, provider, critical=critical, as_of=as_of, cache=cache)
    shared = cache.comprehensive.get(ckey)
    if shared is None:
        shared = cache.comprehensive[ckey] = comprehensive_schedule(
            workload, provider, critical=critical, catalog=catalog, as_of=as_of, reps=reps)
    comprehensive, reeval, cycle_year = shared
    # The regular schedule depends only on the provider, the service model, the importance and the cycle.
    rkey = (provider.id, workload.service_model, critical, cycle_year)
    regular = cache.regular.get(rkey)
    if regular is None:
        regular = cache.regular[rkey] = regular_schedule(workload, provider, critical=critical, catalog=catalog,
                                                         as_of=as_of, cycle_year=cycle_year, reps=reps)
    lkey = (provider.id, workload.service_model)
    if lkey not in cache.latest:
        cache.latest[lkey] = latest_evaluation(provider, workload.service_model, as_of)
    latest = cache.latest[lkey]
    abroad: str | None = None
    if critical and not SENSITIVE & set(workload.information):
        region = next(r for r in provider.regions if r.id == workload.region)
        if region.country != "KR":
            abroad = region.country
    # The notes depend only on indirect use and the foreign country of critical work: shared (read-only).
    nkey = (workload.scope.via_intermediary, abroad)
    notes = cache.notes.get(nkey)
    if notes is None:
        notes = cache.notes[nkey] = _notes(*nkey)
    return ProviderEvaluation(
        required_items=required,
        skipped_items=skipped,  # shared by every workload of the same plan key: read-only
        items=planned,
        comprehensive=comprehensive,
        regular=regular,
        blockers=tuple(blockers(workload, provider, institution, providers, latest, memo=cache.blockers)),
        reevaluations=tuple(reeval),
        certificates=certs.notes,
        notes=notes,
    )


def _notes(via_intermediary: bool, abroad: str | None) -> tuple[Reason, ...]:
    notes = [_SOUNDNESS_NOTE]
    if via_intermediary:
        notes.append(_INTERMEDIARY_NOTE)
    if abroad is not None:
        # Not a blocker under §14-2⑧ (sensitive information only), but a 2019 no-action letter read
        # 중요업무 abroad as not allowed: worth a person's look.
        notes.append(Reason(code="evaluation.critical_abroad", params={"country": abroad},
                            citation="비조치의견서 190003(’19.2.25., 일반적 효력 없음); 감독규정 제14조의2제8항"))
    return tuple(notes)


_SOUNDNESS_NOTE = Reason(code="evaluation.soundness_own", citation="가이드 제2장 1 나., 제4장 1 다.")
_INTERMEDIARY_NOTE = Reason(code="evaluation.via_intermediary", citation="가이드 제1장 5 가.")
