"""IAM-style policy documents, normalised so checks read statements, not JSON quirks.

AWS lets ``Action``/``Resource`` be a string or a list and ``Principal`` be ``"*"`` or a map;
the same document also arrives from ``aws_iam_policy_document`` data sources as blocks.
"""

from __future__ import annotations

import json
from typing import Any

ADMIN_MANAGED_POLICIES = frozenset({
    "arn:aws:iam::aws:policy/AdministratorAccess",
    "arn:aws-us-gov:iam::aws:policy/AdministratorAccess",
    "arn:aws-cn:iam::aws:policy/AdministratorAccess",
})


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def parse_document(text: Any) -> list[dict[str, Any]] | None:
    """Statements of a JSON policy string; ``None`` when unknown or unreadable."""
    if isinstance(text, dict):
        doc = text
    elif isinstance(text, str) and text.strip():
        try:
            doc = json.loads(text)
        except json.JSONDecodeError:
            return None
    else:
        return None
    if not isinstance(doc, dict):
        return None
    out = []
    for st in _as_list(doc.get("Statement")):
        if not isinstance(st, dict):
            continue
        principal = st.get("Principal")
        principals: list[str] = []
        if principal == "*":
            principals = ["*"]
        elif isinstance(principal, dict):
            for v in principal.values():
                principals.extend(str(p) for p in _as_list(v))
        out.append({
            "effect": st.get("Effect", "Allow"),
            "actions": [str(a) for a in _as_list(st.get("Action"))],
            "not_actions": [str(a) for a in _as_list(st.get("NotAction"))],
            "resources": [str(r) for r in _as_list(st.get("Resource"))],
            "principals": principals,
            "condition": st.get("Condition") or {},
        })
    return out


def statements_from_blocks(blocks: Any) -> list[dict[str, Any]]:
    """Statements of an ``aws_iam_policy_document`` data source's ``statement`` blocks."""
    out = []
    for st in _as_list(blocks):
        if not isinstance(st, dict):
            continue
        principals: list[str] = []
        for p in _as_list(st.get("principals")):
            if isinstance(p, dict):
                principals.extend(str(i) for i in _as_list(p.get("identifiers")))
        condition: dict[str, Any] = {}
        for c in _as_list(st.get("condition")):
            if isinstance(c, dict):
                condition.setdefault(c.get("test", ""), {})[c.get("variable", "")] = c.get("values")
        out.append({
            "effect": st.get("effect") or "Allow",
            "actions": [str(a) for a in _as_list(st.get("actions"))],
            "not_actions": [str(a) for a in _as_list(st.get("not_actions"))],
            "resources": [str(r) for r in _as_list(st.get("resources"))],
            "principals": principals,
            "condition": condition,
        })
    return out


def grants_everything(statements: list[dict[str, Any]]) -> bool:
    """An Allow of every action on every resource (administrator access)."""
    return any(
        st["effect"] == "Allow" and any(a in ("*", "*:*") for a in st["actions"]) and "*" in st["resources"]
        for st in statements
    )


def enforces_mfa(statements: list[dict[str, Any]]) -> bool:
    """A Deny conditioned on ``aws:MultiFactorAuthPresent`` being false (the usual force-MFA policy)."""
    for st in statements:
        if st["effect"] != "Deny":
            continue
        for test, variables in st["condition"].items():
            if not isinstance(variables, dict) or not test.startswith("Bool"):
                continue
            for var, value in variables.items():
                values = [str(v).lower() for v in _as_list(value)]
                if var.lower() == "aws:multifactorauthpresent" and "false" in values:
                    return True
    return False


def public_grant(statements: list[dict[str, Any]]) -> str | None:
    """The first Allow to everyone ("*") without a condition narrowing it, described."""
    for st in statements:
        if st["effect"] == "Allow" and "*" in st["principals"] and not st["condition"]:
            actions = ", ".join(st["actions"] or st["not_actions"]) or "?"
            return f"policy allows {actions} to Principal '*' without condition"
    return None
