"""Write a portfolio back to the file format of ``shared/spec/portfolio.md``.

The web workspace imports a file, keeps it in its database and must export it again without losing
anything the format can hold; the CLI uses the same function. Values equal to the format's
defaults are left out, so an exported file reads like a hand-written one.
"""

from __future__ import annotations

import json
from typing import Any

import yaml

from fincloud.portfolio.model import Portfolio


def portfolio_data(portfolio: Portfolio) -> dict[str, Any]:
    """Plain data (dates as ISO strings) that :func:`fincloud.portfolio.loader.parse_portfolio` reads back."""
    return portfolio.model_dump(mode="json", exclude_defaults=True)


def dumps_portfolio(portfolio: Portfolio, *, fmt: str = "yaml") -> str:
    data = portfolio_data(portfolio)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)
