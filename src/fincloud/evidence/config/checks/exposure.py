"""Nothing reachable by the public: 가이드 제5장 2 3) 네트워크 보안 고려사항
"서버·DB 등에 대해 Public 권한 사용 금지를 기본 원칙으로" (감독규정 제15조제1항제3호).
"""

from __future__ import annotations

from fincloud.evidence.config.checks import check
from fincloud.evidence.config.model import Estate, Finding, Resource, Status
from fincloud.evidence.config.readers.policy import public_grant

PUBLIC_ACLS = frozenset({"public-read", "public-read-write", "authenticated-read", "website"})
BLOCK_FLAGS = ("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets")


def bucket_exposure(b: Resource) -> tuple[Status, str]:
    """Whether one bucket is or may become public, and why.

    An inventory states ``public`` directly; an AWS bucket is judged by its ACL, its policy
    and its public-access block, because a bucket without a block can be opened by one
    later ACL or policy change (the guide's "설정 오류를 통한 정보 유출").
    """
    a = b.attrs
    if "public" in a and "acl" not in a:
        public = a.get("public")
        if public is None:
            return "cannot_tell", "public access not in input"
        return ("fail", a.get("public_reason") or "publicly accessible") if public else ("pass", "not publicly accessible")
    block = a.get("public_access_block") or {}
    problems = []
    acl = a.get("acl")
    if acl in PUBLIC_ACLS and not (block.get("block_public_acls") or block.get("ignore_public_acls")):
        problems.append(f"ACL {acl}")
    statements = a.get("policy_statements")
    grant = public_grant(statements) if statements else None
    if grant and not (block.get("block_public_policy") and block.get("restrict_public_buckets")):
        problems.append(grant)
    if not a.get("public_access_block"):
        problems.append("no public access block (bucket or account)")
    else:
        off = [f for f in BLOCK_FLAGS if not block.get(f)]
        if off:
            problems.append("public access block leaves " + ", ".join(off) + " off")
    if problems:
        return "fail", "; ".join(problems)
    return "pass", "all four public access block settings on" + (" (account-wide block)" if a.get("account_public_access_block") else "")


@check("no_public_storage")
def no_public_storage(estate: Estate) -> list[Finding]:
    return [Finding(b.address, *bucket_exposure(b)) for b in estate.of("bucket")]


@check("no_public_databases")
def no_public_databases(estate: Estate) -> list[Finding]:
    out = []
    for db in estate.of("database"):
        public = db.attrs.get("publicly_accessible")
        if public is None:
            out.append(Finding(db.address, "cannot_tell", "public accessibility not known from this input"))
        elif public:
            out.append(Finding(db.address, "fail", "publicly_accessible = true (reachable from the internet)"))
        else:
            out.append(Finding(db.address, "pass", "not publicly accessible"))
    return out


@check("no_public_servers")
def no_public_servers(estate: Estate) -> list[Finding]:
    """Servers get no public address unless they are designated public web servers (DMZ)."""
    out = []
    for s in estate.of("server"):
        public = s.attrs.get("public_ip")
        if public is None:
            out.append(Finding(s.address, "cannot_tell", "public IP assignment not known from this input"))
        elif not public:
            out.append(Finding(s.address, "pass", "no public IP"))
        elif s.role == "public_web":
            out.append(Finding(s.address, "pass", "public IP on a designated public web server (DMZ placement: public_web_in_dmz)"))
        else:
            out.append(Finding(s.address, "fail", "public IP on a server not designated as public web server (fincloud:role=public_web)"))
    return out
