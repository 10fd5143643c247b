"""Network separation: 가이드 제5장 2 3) 네트워크 보안.

Internal systems apart from the internet (감독규정 제15조제1항제3호), public web servers in a
separate network (DMZ, 제17조제1항제1호 — "동일 가상 사설 클라우드 내에 별도 컨테이너로만
구분된 경우 논리적으로 분리되었다고 판단될 수 없음"), default security groups denying all
and remote-management ports closed to the internet (다. 권고 사항).
"""

from __future__ import annotations

from fincloud.evidence.config.checks import check
from fincloud.evidence.config.model import Estate, Finding

INTERNET = frozenset({"0.0.0.0/0", "::/0"})
REMOTE_PORTS = {22: "SSH", 3389: "RDP"}


def _port_range(rule: dict) -> tuple[int, int] | None:
    """Inclusive port range a rule opens; ``None`` for all ports (protocol -1/all)."""
    proto = str(rule.get("protocol", "-1")).lower()
    if proto in ("-1", "all"):
        return None
    lo, hi = rule.get("from_port"), rule.get("to_port")
    if lo is None or hi is None:
        return None
    if proto in ("tcp", "6") and int(lo) == 0 and int(hi) in (0, 65535):
        return None
    return int(lo), int(hi)


def _rule_text(rule: dict) -> str:
    rng = _port_range(rule)
    proto = str(rule.get("protocol", "-1"))
    return "all traffic" if rng is None else (f"{rng[0]}/{proto}" if rng[0] == rng[1] else f"{rng[0]}-{rng[1]}/{proto}")


@check("no_ssh_rdp_from_internet")
def no_ssh_rdp_from_internet(estate: Estate) -> list[Finding]:
    out = []
    for sg in estate.of("security_group"):
        rules = sg.attrs.get("rules")
        if rules is None:
            out.append(Finding(sg.address, "cannot_tell", "rules not known from this input"))
            continue
        problems = []
        for rule in rules:
            if rule.get("direction") != "ingress":
                continue
            sources = INTERNET.intersection(rule.get("sources") or ())
            if not sources:
                continue
            proto = str(rule.get("protocol", "-1")).lower()
            if proto not in ("-1", "all", "tcp", "6"):
                continue
            rng = _port_range(rule)
            for port, name in REMOTE_PORTS.items():
                if rng is None or rng[0] <= port <= rng[1]:
                    opened = f"{port}/tcp" if rng and rng[0] == rng[1] else f"{_rule_text(rule)} (includes {name} {port})"
                    by = f" [{rule['defined_by']}]" if rule.get("defined_by") else ""
                    problems.append(f"{opened} from {', '.join(sorted(sources))}{by}")
        if problems:
            out.append(Finding(sg.address, "fail", "; ".join(dict.fromkeys(problems))))
        else:
            out.append(Finding(sg.address, "pass", "SSH/RDP not open to the internet"))
    return out


@check("default_security_group_closed")
def default_security_group_closed(estate: Estate) -> list[Finding]:
    out = []
    for sg in estate.of("security_group"):
        if not sg.attrs.get("default"):
            continue
        rules = sg.attrs.get("rules")
        if rules is None:
            out.append(Finding(sg.address, "cannot_tell", "rules of the default security group not in input"))
        elif rules:
            texts = [f"{r.get('direction')} {_rule_text(r)} {'from' if r.get('direction') == 'ingress' else 'to'} "
                     f"{', '.join(r.get('sources') or ['?'])}" for r in rules]
            prefix = "AWS default rules kept (not managed by aws_default_security_group): " if sg.attrs.get("managed") is False else ""
            out.append(Finding(sg.address, "fail", prefix + "; ".join(texts)))
        else:
            out.append(Finding(sg.address, "pass", "default security group allows no traffic"))
    return out


def _internal(estate: Estate) -> list:
    dbs = estate.of("database")
    servers = [s for s in estate.of("server") if s.role != "public_web" and not s.attrs.get("public_ip")]
    return dbs + servers


@check("internal_in_private_subnets")
def internal_in_private_subnets(estate: Estate) -> list[Finding]:
    """Databases and internal servers only in subnets with no route to an internet gateway."""
    subnets = {s.address: s for s in estate.of("subnet")}
    out = []
    for r in _internal(estate):
        placed = list(r.attrs.get("subnets") or ([r.attrs["subnet"]] if r.attrs.get("subnet") else []))
        if not placed:
            if r.attrs.get("private") is not None:
                ok = bool(r.attrs["private"])
                out.append(Finding(r.address, "pass" if ok else "fail", "in a private network" if ok else "in a network reachable from the internet"))
            else:
                out.append(Finding(r.address, "cannot_tell", "subnet not known from this input"))
            continue
        public = [a for a in placed if subnets.get(a) and subnets[a].attrs.get("public")]
        unknown = [a for a in placed if a not in subnets or subnets[a].attrs.get("public") is None]
        if public:
            reasons = "; ".join(f"{a}: {subnets[a].attrs.get('reason')}" for a in public)
            out.append(Finding(r.address, "fail", f"in public subnet(s) {reasons}"))
        elif unknown:
            out.append(Finding(r.address, "cannot_tell", f"route of subnet(s) {', '.join(unknown)} not known"))
        else:
            out.append(Finding(r.address, "pass", f"private subnet(s) {', '.join(placed)}"))
    return out


@check("public_web_in_dmz")
def public_web_in_dmz(estate: Estate) -> list[Finding]:
    """Public web servers sit in a network (VPC) that holds no internal system."""
    internal_by_net: dict[str, list[str]] = {}
    for r in _internal(estate):
        if r.attrs.get("network"):
            internal_by_net.setdefault(r.attrs["network"], []).append(r.address)
    out = []
    for s in estate.of("server"):
        if s.role != "public_web" and not s.attrs.get("public_ip"):
            continue
        net = s.attrs.get("network")
        if not net:
            out.append(Finding(s.address, "cannot_tell", "network of the public server not known from this input"))
        elif internal_by_net.get(net):
            names = internal_by_net[net]
            more = f" and {len(names) - 3} more" if len(names) > 3 else ""
            out.append(Finding(s.address, "fail", f"public server shares network {net} with internal systems {', '.join(names[:3])}{more}"))
        else:
            out.append(Finding(s.address, "pass", f"network {net} holds no internal system (DMZ)"))
    return out
