"""Synthetic portfolios for benchmarks: many providers, many workloads, every kind of case.

Deterministic for a given seed, valid against the portfolio contract, and varied enough to take
every branch of the engine (out-of-scope uses, recorded points, representative evaluations,
certificates, foreign regions, development cases, reporting events).
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

CLASSES = ["unique_id", "personal_credit", "financial", "business", "public"]
LEVELS = ["high", "medium", "low", "none"]
SCHEMES = ["CSAP", "ISMS-P", "FedRAMP-High", "CSA-STAR-Gold", "MTCS-L3", "ISO-27017", "SOC2-Type2", "other"]
EVENTS = ["subcontract_change", "provider_merger_or_transfer", "continuity_material_change",
          "evaluation_material_change", "scope_expansion", "provider_security_incident", "outage_10min"]


def _date(rng: random.Random, start: dt.date, days: int) -> dt.date:
    return start + dt.timedelta(days=rng.randrange(days))


def synth_portfolio(workloads: int, providers: int, *, seed: int = 7, as_of: dt.date = dt.date(2026, 11, 24)) -> dict[str, Any]:
    rng = random.Random(seed)
    base = dt.date(2022, 1, 1)
    provs: list[dict[str, Any]] = []
    for i in range(providers):
        foreign = i % 3 == 0
        regions = [{"id": f"r{i}-kr", "country": "KR"}]
        if foreign:
            regions.append({"id": f"r{i}-us", "country": "US"})
        certs = [{"scheme": rng.choice(SCHEMES), "valid_until": _date(rng, dt.date(2026, 1, 1), 900).isoformat(),
                  "covers_scope": rng.random() < 0.85} for _ in range(rng.randrange(3))]
        evals = []
        for _ in range(rng.randrange(4)):
            evals.append({"kind": rng.choice(["comprehensive", "regular"]),
                          "completed_on": _date(rng, base, 1700).isoformat(),
                          "method": rng.choice(["onsite", "document"]),
                          "service_models": rng.sample(["IaaS", "PaaS", "SaaS"], rng.randint(1, 3))})
        reps = [{"shared_on": _date(rng, dt.date(2024, 6, 1), 800).isoformat(),
                 "service_models": ["IaaS", "PaaS"],
                 **({"committee_resolution_on": "2026-01-15"} if rng.random() < 0.5 else {})}
                for _ in range(rng.randrange(2))]
        provs.append({"id": f"csp-{i:04d}", "name": f"제공자 {i:04d}", "country": "US" if foreign else "KR",
                      "regions": regions, "wireless_in_datacenter": rng.random() < 0.03,
                      "certifications": certs, "representative_evaluations": reps, "evaluations": evals})
    wls: list[dict[str, Any]] = []
    for j in range(workloads):
        prov = provs[rng.randrange(providers)]
        info = sorted(set(rng.sample(CLASSES, rng.randint(1, 2))), key=CLASSES.index)
        wl: dict[str, Any] = {
            "id": f"wl-{j:06d}", "name": f"업무 {j:06d}", "provider": prov["id"],
            "service_model": rng.choice(["IaaS", "PaaS", "SaaS"]),
            "region": rng.choice(prov["regions"])["id"], "information": info,
        }
        r = rng.random()
        if r < 0.03:
            wl["scope"] = {"simple_web_use": True}
        elif r < 0.05:
            wl["scope"] = {"own_processing": False}
        elif r < 0.10:
            wl["scope"] = {"via_intermediary": True, "intermediary": "MSP"}
        if rng.random() < 0.1:
            wl["importance"] = {k: {"points": rng.choice([0, 1, 2, 2.5, 5])} for k in (
                "external_orgs", "internal_systems", "business_function", "daily_users", "provider_dependency",
                "cloud_configuration", "compliance_requirements", "oversight")} | {
                "business_impact": rng.choice(LEVELS), "loss": {"ratio": round(rng.random() * 0.2, 3)},
                "rto": rng.choice([1, 3, 12, 24, 48, 72]), "customer_impact": rng.choice(LEVELS)}
        else:
            wl["importance"] = {
                "external_orgs": rng.randrange(80), "internal_systems": {"ratio": round(rng.random() * 0.2, 3)},
                "business_function": rng.choice(["customer_direct", "linked_products", "support", "back_office"]),
                "daily_users": rng.choice([rng.randrange(2_000_000), {"ratio": round(rng.random() * 0.5, 3)},
                                           {"new_service": True}]),
                "business_impact": rng.choice(LEVELS), "loss": rng.randrange(1_000_000_000),
                "rto": rng.choice([1, 3, 12, 24, 48, 72]), "customer_impact": rng.choice(LEVELS),
                "cloud_configuration": rng.choice(["multi_realtime", "multi_backup", "single_with_backup", "single"]),
                "compliance_requirements": rng.choice(["laws_and_internal", "laws_or_internal", "provider_policy", "none"]),
                "oversight": rng.choice([0, 1, 2, 4, {"as_needed": True}]),
            }
        signed = _date(rng, base, (as_of - base).days)
        wl["contract"] = {"signed_on": signed.isoformat()}
        if rng.random() < 0.05:
            wl["development_or_testing"] = True
            if rng.random() < 0.5:
                wl["linked_to_internal_network_on"] = (signed + dt.timedelta(days=rng.randrange(30, 200))).isoformat()
        events = []
        for _ in range(rng.randrange(3)):
            events.append({"kind": rng.choice(EVENTS), "date": _date(rng, signed, max(1, (as_of - signed).days)).isoformat()})
        if events:
            wl["events"] = events
        if rng.random() < 0.5:
            wl["last_drill_on"] = _date(rng, dt.date(2025, 1, 1), 600).isoformat()
            wl["last_continuity_check_on"] = _date(rng, dt.date(2025, 1, 1), 600).isoformat()
        wls.append(wl)
    return {"institution": {"name": "합성은행", "kind": "bank", "as_of": as_of.isoformat()},
            "providers": provs, "workloads": wls}
