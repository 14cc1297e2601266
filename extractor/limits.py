"""Settings of the limits an article's work is bounded by, and the per-field item cap
(README, "Limits")."""

from __future__ import annotations

import os
from typing import Any

from pydantic import BaseModel

DEFAULT_MAX_ITEMS = 2000
MAX_ITEMS_ENV = "EXTRACTOR_MAX_ITEMS"
_MENTION_LISTS = ("mentions", "position_mentions")


def limit_setting(value: Any, env: str, default: int, what: str) -> int:
    """A limit: ``value``, else the environment variable ``env``, else ``default``."""
    if value is None:
        raw = os.environ.get(env, "").strip()
        if not raw:
            return default
        try:
            value = int(raw.replace("_", ""))
        except ValueError:
            raise ValueError(f"{env}={raw!r} is not a whole number") from None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{what} must be a whole number of at least 1, not {value!r}")
    return value


def max_items_setting(value: Any = None) -> int:
    """The per-field item cap: ``value``, else the environment's $EXTRACTOR_MAX_ITEMS, else 2,000."""
    return limit_setting(value, MAX_ITEMS_ENV, DEFAULT_MAX_ITEMS, "the item cap (max_items)")


def has_mentions(item: BaseModel) -> bool:
    return any(name in type(item).model_fields for name in _MENTION_LISTS)


def _size(item: BaseModel) -> int:
    """What an item counts against the cap: 1, or for officials and awards their mentions."""
    if not has_mentions(item):
        return 1
    return max(1, sum(len(getattr(item, name, ())) for name in _MENTION_LISTS))


def cap_items(items: list[Any], limit: int) -> tuple[list[Any], int, int]:
    """The field's first items within ``limit``: (kept, dropped, total), counted in items, or for
    officials and awards in mentions (name and position mentions), so that the cap bounds the
    offsets and evidence a record holds. The item that reaches the cap keeps its first mentions."""
    sizes = [_size(item) for item in items]
    total = sum(sizes)
    if total <= limit:
        return items, 0, total
    kept, room = [], limit
    for item, size in zip(items, sizes):
        if room <= 0:
            break
        if size > room:
            update, left = {}, room
            for name in _MENTION_LISTS:
                if name in type(item).model_fields:
                    update[name] = getattr(item, name)[:left]
                    left -= len(update[name])
            item, size = item.model_copy(update=update), room
        kept.append(item)
        room -= size
    return kept, total - (limit - room), total


