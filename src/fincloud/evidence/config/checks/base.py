"""Small helpers shared by the check families."""

from __future__ import annotations

from fincloud.evidence.config.model import Estate, Finding

ACCOUNT = "(account)"


def absent(estate: Estate, what: str) -> list[Finding]:
    """The verdict when an account-wide control is not in the input at all.

    Only an input that describes the whole account proves that the control is missing; a
    Terraform plan is one configuration among several, so there it is ``cannot_tell``.
    """
    if estate.complete:
        return [Finding(ACCOUNT, "fail", f"no {what} in the account")]
    return [Finding(ACCOUNT, "cannot_tell", f"no {what} in this {estate.source_kind} input; "
                    "it may be managed elsewhere (scan the whole account to prove it)")]


def unknown(address: str, what: str) -> Finding:
    return Finding(address, "cannot_tell", f"{what} not known from this input")
