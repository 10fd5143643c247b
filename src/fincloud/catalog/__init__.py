"""The guide as data: one file per table under ``editions/<edition>/``, loaded into frozen models.

Names are imported lazily (PEP 562) so that a command which never touches the catalog does not pay
for building its models at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fincloud.catalog.constants import DEFAULT_EDITION

if TYPE_CHECKING:
    from fincloud.catalog.loader import Catalog, available_editions, load_catalog, load_rubric

__all__ = ["DEFAULT_EDITION", "Catalog", "available_editions", "load_catalog", "load_rubric"]


def __getattr__(name: str) -> Any:
    if name in ("Catalog", "available_editions", "load_catalog", "load_rubric"):
        from fincloud.catalog import loader

        return getattr(loader, name)
    raise AttributeError(name)
