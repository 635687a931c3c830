"""Keyset pagination with opaque cursors: stable when rows are inserted between pages."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import Select, tuple_
from sqlalchemy.sql.elements import ColumnElement

from app.services.errors import DomainError

T = TypeVar("T")

DEFAULT_LIMIT = 50
MAX_LIMIT = 200


class BadCursor(DomainError):
    status = 422
    title = "Invalid cursor"


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    next_cursor: str | None


def encode_cursor(values: Sequence[Any]) -> str:
    raw = json.dumps(list(values), default=str, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _no_constant(name: str) -> None:
    """Refuse Infinity and NaN, which JSON does not have but Python's parser accepts."""
    raise ValueError(f"{name} is not a cursor value")


def decode_cursor(cursor: str, width: int) -> list[Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()), parse_constant=_no_constant)
    except (binascii.Error, ValueError, UnicodeDecodeError) as error:
        raise BadCursor("The cursor is not one this API issued.", field="cursor") from error
    if not isinstance(values, list) or len(values) != width:
        raise BadCursor("The cursor is not one this API issued.", field="cursor")
    return values


def keyset(
    query: Select[Any],
    keys: Sequence[ColumnElement[Any]],
    cursor: str | None,
    limit: int,
    descending: bool = False,
) -> Select[Any]:
    """Order query by keys and start after the cursor's position; fetches one extra row."""
    if cursor:
        values = decode_cursor(cursor, len(keys))
        position = tuple_(*keys)
        after = position < tuple_(*values) if descending else position > tuple_(*values)
        query = query.where(after)
    order = [key.desc() for key in keys] if descending else list(keys)
    return query.order_by(*order).limit(limit + 1)


def page_of(rows: Sequence[T], limit: int, key_of: Any) -> Page[T]:
    """Cut the extra row fetched by keyset() and make the cursor for the next page."""
    items = list(rows[:limit])
    has_more = len(rows) > limit
    return Page(items, encode_cursor(key_of(items[-1])) if has_more and items else None)
