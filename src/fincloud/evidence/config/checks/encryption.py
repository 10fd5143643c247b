"""Encryption: 가이드 제5장 2 5) 암호화 및 키 관리, 4) 내부시스템 연계.

Important data encrypted when stored and sent (개인정보보호법 제24조, 신용정보법; 감독규정
제34조제1호 for 전자금융거래), system-to-system channels encrypted (4) 나. 추가 사항),
and "중요한 가상머신에 대해서는 고객 관리 키로 암호화" (5) 다. 권고 사항) with keys whose
life cycle the institution controls (제31조제2항).
"""

from __future__ import annotations

from fincloud.evidence.config.checks import check
from fincloud.evidence.config.checks.importance import critical, holds
from fincloud.evidence.config.model import IMPORTANT_CLASSES, Estate, Finding

STORE_KINDS = ("bucket", "database", "volume", "server")


@check("encryption_in_transit")
def encryption_in_transit(estate: Estate) -> list[Finding]:
    out = []
    for lst in estate.of("listener"):
        proto = str(lst.attrs.get("protocol") or "").upper()
        port = lst.attrs.get("port")
        where = "internal" if lst.attrs.get("internal") else "internet-facing" if lst.attrs.get("internal") is False else ""
        if proto in ("HTTPS", "TLS"):
            out.append(Finding(lst.address, "pass", f"{proto} on port {port}"))
        elif proto == "HTTP" and lst.attrs.get("redirects_to_https"):
            out.append(Finding(lst.address, "pass", f"HTTP on port {port} only redirects to HTTPS"))
        elif proto == "HTTP":
            out.append(Finding(lst.address, "fail", f"plain HTTP on port {port} {where}".rstrip()))
        elif proto in ("TCP", "UDP", "TCP_UDP"):
            out.append(Finding(lst.address, "cannot_tell", f"{proto} passthrough on port {port}: whether the application encrypts is not in the configuration"))
        else:
            out.append(Finding(lst.address, "cannot_tell", "listener protocol not known from this input"))
    return out


@check("encryption_at_rest")
def encryption_at_rest(estate: Estate) -> list[Finding]:
    out = []
    for r in estate.of(*STORE_KINDS):
        enc = r.attrs.get("encrypted")
        label = {"bucket": "bucket", "database": "database storage", "volume": "volume", "server": "root volume"}[r.kind]
        if enc is True:
            how = r.attrs.get("encryption") or (f"KMS key {r.attrs['kms_key']}" if r.attrs.get("kms_key") else "encrypted")
            out.append(Finding(r.address, "pass", f"{label} encrypted ({how})"))
        elif enc is False:
            out.append(Finding(r.address, "fail", f"{label} not encrypted"))
        elif estate.complete or estate.source_kind != "terraform":
            out.append(Finding(r.address, "cannot_tell", f"{label} encryption not in input"))
        else:
            out.append(Finding(r.address, "cannot_tell", f"{label} encryption not set in the configuration; encrypted only if the account's EBS encryption by default is on"))
    return out


@check("customer_managed_keys")
def customer_managed_keys(estate: Estate) -> list[Finding]:
    keys = {k.address: k for k in estate.of("key")}
    out = []
    for k in keys.values():
        if k.attrs.get("symmetric") is False:
            out.append(Finding(k.address, "not_applicable", "asymmetric key: automatic rotation does not apply"))
        elif k.attrs.get("rotation") is True:
            out.append(Finding(k.address, "pass", "customer-managed key with rotation on"))
        elif k.attrs.get("rotation") is False:
            out.append(Finding(k.address, "fail", "customer-managed key with rotation off"))
        else:
            out.append(Finding(k.address, "cannot_tell", "key rotation not in input"))
    crit = critical(estate)
    for r in estate.of(*STORE_KINDS):
        important = holds(estate, r, IMPORTANT_CLASSES)
        if crit:
            important = True
        cmk = r.attrs.get("customer_managed_key")
        key = r.attrs.get("kms_key")
        if cmk is True:
            target = keys.get(key or "")
            if target is None:
                out.append(Finding(r.address, "pass" if important is False else "cannot_tell",
                                   f"customer-managed key {key} (outside this input: rotation not visible)"))
            elif target.attrs.get("rotation") is False and target.attrs.get("symmetric") is not False:
                out.append(Finding(r.address, "fail", f"customer-managed key {key} has rotation off"))
            else:
                out.append(Finding(r.address, "pass", f"customer-managed key {key}"))
            continue
        if important is False:
            out.append(Finding(r.address, "not_applicable", "holds no important data (tags/workload): customer-managed key not required"))
        elif cmk is None:
            out.append(Finding(r.address, "cannot_tell", "encryption key not known from this input"))
        elif important:
            why = ", ".join(sorted(r.data_classes & IMPORTANT_CLASSES)) or ("critical workload" if crit else "workload information")
            out.append(Finding(r.address, "fail", f"important data ({why}) not encrypted with a customer-managed key"
                               + (f" (uses {key})" if key else "")))
        else:
            out.append(Finding(r.address, "cannot_tell", "no customer-managed key; whether it holds important data is not recorded "
                               "(tag fincloud:data-class, or --workload/--critical)"))
    return out
