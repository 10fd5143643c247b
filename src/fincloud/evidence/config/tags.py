"""The tag convention by which a resource says what data it holds and what role it plays.

Configuration cannot tell whether a database holds personal credit information; the
institution says so with tags, the same on every provider (documented in
``docs/inventory-format.md``):

- ``fincloud:data-class`` = comma-separated information classes of the portfolio format
  (``unique_id``, ``personal_credit``, ``financial``, ``business``, ``public``);
- ``fincloud:role`` = ``public_web`` for a public web server (DMZ) or ``internal``.
"""

from __future__ import annotations

DATA_CLASS_TAG = "fincloud:data-class"
ROLE_TAG = "fincloud:role"
INFORMATION_CLASSES = frozenset({"unique_id", "personal_credit", "financial", "business", "public"})
ROLES = frozenset({"public_web", "internal"})


def data_classes_from_tags(tags: dict[str, str]) -> frozenset[str]:
    raw = tags.get(DATA_CLASS_TAG)
    if not raw:
        return frozenset()
    return frozenset(p.strip() for p in raw.replace(";", ",").split(",") if p.strip())


def role_from_tags(tags: dict[str, str]) -> str | None:
    role = tags.get(ROLE_TAG)
    return role.strip() if role else None
