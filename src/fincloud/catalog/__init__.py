"""The guide as data: one file per table under ``editions/<edition>/``, loaded into frozen models."""

from fincloud.catalog.loader import DEFAULT_EDITION, Catalog, available_editions, load_catalog, load_rubric

__all__ = ["DEFAULT_EDITION", "Catalog", "available_editions", "load_catalog", "load_rubric"]
