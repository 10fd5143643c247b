"""Logging and alerting: 가이드 제5장 2 6) 로깅, 8) 보안 모니터링.

Every service and user logged (제13조제4항), records kept ≥ 1 year (제13조제1항제11호), the
log store encrypted and not reachable from outside, integrity validated (권고), and real-time
alerts on changes to accounts, permissions, security groups, network policy and storage
(8) 나. 추가 사항).
"""

from __future__ import annotations

from fincloud.evidence.config.checks import check
from fincloud.evidence.config.checks.base import ACCOUNT, absent
from fincloud.evidence.config.checks.exposure import bucket_exposure
from fincloud.evidence.config.model import Estate, Finding

#: 감독규정 제13조제1항제11호: 가동기록은 1년 이상 보존.
MIN_RETENTION_DAYS = 365
#: The change categories an alert must cover, as the guide lists them.
ALERT_CATEGORIES = {
    "iam": "accounts and permissions (IAM)",
    "security_group": "security groups",
    "network": "network policy (ACL, routes, VPC)",
    "storage": "storage policy and access",
}


@check("audit_logging_enabled")
def audit_logging_enabled(estate: Estate) -> list[Finding]:
    trails = estate.of("audit_trail")
    if not trails:
        return absent(estate, "audit trail")
    out = []
    for t in trails:
        a = t.attrs
        problems = [msg for key, msg in (
            ("enabled", "logging is stopped"),
            ("multi_region", "single-region trail (all regions must be logged)"),
            ("global_events", "global service events (IAM, console sign-in) excluded"),
            ("management_events", "not all management events (read and write) recorded"),
        ) if a.get(key) is False]
        unknown = [key for key in ("enabled", "multi_region", "management_events") if a.get(key) is None]
        if problems:
            out.append(Finding(t.address, "fail", "; ".join(problems)))
        elif unknown:
            out.append(Finding(t.address, "cannot_tell", "not in input: " + ", ".join(unknown)))
        else:
            out.append(Finding(t.address, "pass", "multi-region trail of all management events, logging on"))
    return out


@check("log_retention_1y")
def log_retention_1y(estate: Estate) -> list[Finding]:
    out = []
    for g in estate.of("log_group"):
        days = g.attrs.get("retention_days")
        if not days:
            out.append(Finding(g.address, "pass", "kept indefinitely (no expiry)"))
        elif days < MIN_RETENTION_DAYS:
            out.append(Finding(g.address, "fail", f"kept {days} days < {MIN_RETENTION_DAYS}"))
        else:
            out.append(Finding(g.address, "pass", f"kept {days} days"))
    for b in estate.of("bucket"):
        if not b.attrs.get("is_log_storage"):
            continue
        days = b.attrs.get("expiration_days")
        if days is not None and days < MIN_RETENTION_DAYS:
            out.append(Finding(b.address, "fail", f"log objects expire after {days} days < {MIN_RETENTION_DAYS}"))
        else:
            out.append(Finding(b.address, "pass", "log objects kept indefinitely" if days is None else f"log objects kept {days} days"))
    if not out and not estate.of("audit_trail"):
        return absent(estate, "audit log storage")
    return out


@check("log_encrypted")
def log_encrypted(estate: Estate) -> list[Finding]:
    out = []
    for t in estate.of("audit_trail"):
        key = t.attrs.get("kms_key")
        if key:
            out.append(Finding(t.address, "pass", f"encrypted with KMS key {key}"))
        elif t.attrs.get("customer_managed_key") is None:
            out.append(Finding(t.address, "cannot_tell", "KMS key not known until apply"))
        else:
            out.append(Finding(t.address, "fail", "trail logs not encrypted with a KMS key (S3 default encryption only)"))
    for g in estate.of("log_group"):
        key = g.attrs.get("kms_key")
        if key:
            out.append(Finding(g.address, "pass", f"encrypted with KMS key {key}"))
        elif g.attrs.get("customer_managed_key") is None:
            out.append(Finding(g.address, "cannot_tell", "KMS key not known until apply"))
        else:
            out.append(Finding(g.address, "fail", "log group not encrypted with a KMS key"))
    if not out:
        return absent(estate, "audit log storage")
    return out


@check("log_not_public")
def log_not_public(estate: Estate) -> list[Finding]:
    trails = estate.of("audit_trail")
    log_buckets = [b for b in estate.of("bucket") if b.attrs.get("is_log_storage")]
    out = [Finding(b.address, *bucket_exposure(b)) for b in log_buckets]
    seen = {b.address for b in log_buckets} | {b.attrs.get("name") for b in log_buckets}
    for t in trails:
        storage = t.attrs.get("log_storage")
        if storage and storage not in seen:
            out.append(Finding(t.address, "cannot_tell", f"log bucket {storage} is not in this input"))
        elif not storage:
            out.append(Finding(t.address, "cannot_tell", "log storage not known from this input"))
    if not out:
        return absent(estate, "audit log storage")
    return out


@check("log_integrity_validation")
def log_integrity_validation(estate: Estate) -> list[Finding]:
    trails = estate.of("audit_trail")
    if not trails:
        return absent(estate, "audit trail")
    out = []
    for t in trails:
        v = t.attrs.get("integrity_validation")
        out.append(Finding(t.address, "pass" if v else ("fail" if v is False else "cannot_tell"),
                           {True: "log file integrity validation on", False: "log file integrity validation off"}.get(v, "integrity validation not in input")))
    return out


@check("alerts_on_security_changes")
def alerts_on_security_changes(estate: Estate) -> list[Finding]:
    rules = estate.of("alert_rule")
    out = []
    covered: set[str] = set()
    for r in rules:
        covers = set(r.attrs.get("covers") or ()) & set(ALERT_CATEGORIES)
        if not covers:
            continue
        names = ", ".join(ALERT_CATEGORIES[c] for c in sorted(covers))
        if r.attrs.get("notifies") is False:
            out.append(Finding(r.address, "fail", f"matches changes to {names} but notifies no one (no alarm action/target)"))
            continue
        covered |= covers
        out.append(Finding(r.address, "pass", f"alerts on changes to {names}"))
    for category, name in ALERT_CATEGORIES.items():
        if category in covered:
            continue
        if estate.complete:
            out.append(Finding(ACCOUNT, "fail", f"no real-time alert on changes to {name}"))
        else:
            out.append(Finding(ACCOUNT, "cannot_tell", f"no alert on changes to {name} in this {estate.source_kind} input; it may be managed elsewhere"))
    return out
