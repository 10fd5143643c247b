"""Accounts and access: 가이드 제5장 2 1) 계정 관리, 2) 접근 통제.

MFA for console and administrator accounts (감독규정 제14조제9호, 제17조제1항제2호), no
access keys on the highest-privilege account, least privilege (권고: 최소한의 범위로 제한),
and the password rules of 감독규정 제32조 and 제13조제1항제12호.
"""

from __future__ import annotations

from fincloud.evidence.config.checks import check
from fincloud.evidence.config.checks.base import absent
from fincloud.evidence.config.model import Estate, Finding

#: 감독규정 제32조제2호가: "분기별 1회 이상 변경" — at most 90 days between changes.
MAX_PASSWORD_AGE_DAYS = 90
MIN_PASSWORD_LENGTH = 8
#: 감독규정 제13조제1항제12호, 제32조제3호: lock after at most 5 failures.
MAX_LOCKOUT_ATTEMPTS = 5


@check("mfa_privileged_users")
def mfa_privileged_users(estate: Estate) -> list[Finding]:
    """Console and administrator users, and the root account, must use a second factor."""
    out = []
    for root in estate.of("root_account"):
        mfa = root.attrs.get("mfa")
        out.append(Finding(root.address, "pass" if mfa else ("fail" if mfa is False else "cannot_tell"),
                           {True: "root account has MFA", False: "root account has no MFA"}.get(mfa, "root MFA state not in input")))
    for user in estate.of("user"):
        console, admin = user.attrs.get("console_access"), user.attrs.get("admin")
        if not console and not admin:
            continue
        why = " and ".join(w for w, on in (("console access", console), ("administrator rights", admin)) if on)
        mfa = user.attrs.get("mfa")
        if mfa is True:
            out.append(Finding(user.address, "pass", f"{why}; MFA required ({user.attrs.get('mfa_note') or 'MFA device active'})"))
        elif mfa is False:
            out.append(Finding(user.address, "fail", f"{why} without MFA"))
        else:
            out.append(Finding(user.address, "cannot_tell", f"{why}; {user.attrs.get('mfa_note') or 'MFA state not in input'}"))
    return out


@check("no_root_access_keys")
def no_root_access_keys(estate: Estate) -> list[Finding]:
    """The root account must hold no access keys (가이드: 최고 권한 계정 사용 최소화, 접근키 삭제)."""
    roots = estate.of("root_account")
    if not roots:
        if estate.source_kind == "terraform":
            return [Finding("(account)", "cannot_tell", "Terraform does not manage the root user; its access keys are not in a plan")]
        return [Finding("(account)", "cannot_tell", "the input has no root_account entry")]
    out = []
    for root in roots:
        keys = root.attrs.get("access_keys")
        if keys is None:
            out.append(Finding(root.address, "cannot_tell", "root access keys not in input"))
        elif keys:
            out.append(Finding(root.address, "fail", f"root account has {int(keys)} active access key(s)"))
        else:
            out.append(Finding(root.address, "pass", "root account has no access keys"))
    return out


@check("least_privilege_policies")
def least_privilege_policies(estate: Estate) -> list[Finding]:
    """No policy may allow every action on every resource; admin rights go to named roles."""
    from fincloud.evidence.config.readers.policy import grants_everything

    out = []
    for p in estate.of("policy"):
        statements = p.attrs.get("statements")
        attached = p.attrs.get("attached_to") or []
        to = f" (attached to {', '.join(attached)})" if attached else ""
        if statements is None:
            out.append(Finding(p.address, "cannot_tell", "policy document not known until apply"))
        elif grants_everything(statements):
            what = p.attrs.get("policy_arn") or "Action '*' on Resource '*'"
            out.append(Finding(p.address, "fail", f"grants {what}{to}"))
        else:
            out.append(Finding(p.address, "pass", f"no statement allows '*' on '*'{to}"))
    return out


@check("password_policy")
def password_policy(estate: Estate) -> list[Finding]:
    """Length ≥ 8 mixing digits, letters and symbols; changed at least quarterly; no reuse (제32조제2호)."""
    policies = estate.of("password_policy")
    if not policies:
        return absent(estate, "password policy")
    out = []
    for p in policies:
        a = p.attrs
        problems, unknowns = [], []
        length = a.get("min_length")
        if length is None:
            unknowns.append("minimum length")
        elif length < MIN_PASSWORD_LENGTH:
            problems.append(f"minimum length {length} < {MIN_PASSWORD_LENGTH}")
        missing = [name for name, key in (("digits", "require_numbers"), ("symbols", "require_symbols")) if a.get(key) is False]
        if a.get("require_lowercase") is False and a.get("require_uppercase") is False:
            missing.append("letters")
        if missing:
            problems.append("does not require " + ", ".join(missing))
        if any(a.get(k) is None for k in ("require_numbers", "require_symbols")):
            unknowns.append("character classes")
        age = a.get("max_age_days")
        if age is None:
            unknowns.append("maximum age")
        elif age == 0:
            problems.append("passwords never expire (quarterly change required)")
        elif age > MAX_PASSWORD_AGE_DAYS:
            problems.append(f"maximum age {age} days > {MAX_PASSWORD_AGE_DAYS}")
        reuse = a.get("reuse_prevention")
        if reuse is None:
            unknowns.append("reuse prevention")
        elif reuse < 1:
            problems.append("no password reuse prevention")
        if problems:
            out.append(Finding(p.address, "fail", "; ".join(problems)))
        elif unknowns:
            out.append(Finding(p.address, "cannot_tell", "not in input: " + ", ".join(unknowns)))
        else:
            out.append(Finding(p.address, "pass", f"length ≥ {length}, mixed classes, max age {age} days, reuse prevention {reuse}"))
    return out


@check("login_lockout")
def login_lockout(estate: Estate) -> list[Finding]:
    """Sign-in locks after at most 5 failures (제13조제1항제12호, 제32조제3호)."""
    policies = estate.of("password_policy")
    if not policies:
        return absent(estate, "password/lockout policy")
    out = []
    for p in policies:
        attempts = p.attrs.get("lockout_attempts")
        if attempts is None:
            note = p.attrs.get("lockout_note") or "lockout threshold not in input"
            out.append(Finding(p.address, "cannot_tell", f"{note}; confirm the identity provider locks after ≤ {MAX_LOCKOUT_ATTEMPTS} failures"))
        elif 0 < attempts <= MAX_LOCKOUT_ATTEMPTS:
            out.append(Finding(p.address, "pass", f"locks after {attempts} failures"))
        else:
            out.append(Finding(p.address, "fail", f"locks after {attempts} failures (> {MAX_LOCKOUT_ATTEMPTS})" if attempts else "no lockout"))
    return out
