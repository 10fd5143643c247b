"""Continuity: 가이드 제5장 1 1) 데이터 백업, 2) 이중화.

Regular backups (감독규정 제13조제1항제8호, 제14조제8호), backups of configuration files and
machine images (1) 나. 추가 사항), redundancy of main equipment (제23조제7항) — for critical
workloads across zones or regions.
"""

from __future__ import annotations

from fincloud.evidence.config.checks import check
from fincloud.evidence.config.checks.base import absent
from fincloud.evidence.config.checks.importance import critical
from fincloud.evidence.config.model import Estate, Finding

MIN_BACKUP_RETENTION_DAYS = 7


@check("backups_enabled")
def backups_enabled(estate: Estate) -> list[Finding]:
    out = []
    for db in estate.of("database"):
        days = db.attrs.get("backup_retention_days")
        if days is None:
            out.append(Finding(db.address, "cannot_tell", "backup retention not known from this input"))
        elif days < MIN_BACKUP_RETENTION_DAYS:
            out.append(Finding(db.address, "fail", f"automated backups kept {days} day(s) < {MIN_BACKUP_RETENTION_DAYS}"
                               + (" (backups off)" if days == 0 else "")))
        else:
            out.append(Finding(db.address, "pass", f"automated backups kept {days} days"))
    for r in estate.of("volume", "server"):
        covered = r.attrs.get("backed_up")
        what = "volume" if r.kind == "volume" else "server image"
        if covered is True:
            out.append(Finding(r.address, "pass", f"{what} covered by a backup plan or snapshot policy"))
        elif covered is False:
            out.append(Finding(r.address, "fail", f"{what} in no backup plan or snapshot policy"))
        else:
            out.append(Finding(r.address, "cannot_tell", f"no backup plan or snapshot policy in this input; {what} backups may be managed elsewhere"))
    return out


@check("configuration_recorded")
def configuration_recorded(estate: Estate) -> list[Finding]:
    recorders = estate.of("config_recorder")
    if not recorders:
        return absent(estate, "configuration recorder (configuration history/backup)")
    out = []
    for rec in recorders:
        allr, enabled = rec.attrs.get("all_resources"), rec.attrs.get("enabled")
        if allr is False:
            out.append(Finding(rec.address, "fail", "records only some resource types"))
        elif enabled is False:
            out.append(Finding(rec.address, "fail", "recorder is stopped"))
        elif enabled is None:
            out.append(Finding(rec.address, "cannot_tell", "recorder status not in input"))
        else:
            out.append(Finding(rec.address, "pass", "records all supported resources"))
    return out


@check("multi_az")
def multi_az(estate: Estate) -> list[Finding]:
    crit = critical(estate)
    reason = estate.context.critical_reason or ""
    out = []
    for db in estate.of("database"):
        multi = db.attrs.get("multi_az")
        if multi is True:
            out.append(Finding(db.address, "pass", "replicated across availability zones"))
        elif multi is None:
            out.append(Finding(db.address, "cannot_tell", "zone redundancy not known from this input"))
        elif crit:
            out.append(Finding(db.address, "fail", "single availability zone for a critical workload" + (f" ({reason})" if reason else "")))
        elif crit is False:
            out.append(Finding(db.address, "not_applicable", "single zone; workload is not critical" + (f" ({reason})" if reason else "")))
        else:
            out.append(Finding(db.address, "cannot_tell", "single availability zone; whether the workload is critical is not given (--workload or --critical)"))
    return out
