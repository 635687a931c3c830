"""Keyset pagination with opaque cursors: stable when rows are inserted between pages.

A cursor is the URL-safe base64 of a JSON list: the position of the last row of a page (its sort
keys), or for search ranked by relevance `[rank, [id, ceiling]]`. Every cursor a client sends
comes back through `decode_cursor`, which checks the list's shape and each element's type
against what the list pages on, so a forged cursor is a 422 problem, never a value of the wrong
type in SQL.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeAlias, TypeVar

from sqlalchemy import Select, tuple_
from sqlalchemy.orm import QueryableAttribute
from sqlalchemy.sql.elements import ColumnElement

from app.services.errors import DomainError

T = TypeVar("T")

DEFAULT_LIMIT = 50
MAX_LIMIT = 200

# What a cursor holds, element by element: `int` (an integer key: any JSON integer; one past
# every id names no row and is harmless), `float` (a floating-point key: any finite JSON number)
# or a nested shape (a list of its own).
Shape: TypeAlias = tuple[Any, ...]
# What a list pages on: columns of its rows, or an expression (an evidence's publication date).
SortKey: TypeAlias = ColumnElement[Any] | QueryableAttribute[Any]


class BadCursor(DomainError):
    status = 422
    title = "Invalid cursor"

    def __init__(
        self, detail: str = "The cursor is not one this API issued.", **extensions: Any
    ) -> None:
        super().__init__(detail, **({"field": "cursor"} | extensions))


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


def decode_cursor(cursor: str, shape: Shape | None = None) -> list[Any]:
    """The values of a cursor this API issued, checked against shape (with None, any list).

    Raises BadCursor for anything else: not base64, not JSON, not a list, a list of another
    length, or an element of another type (true is not an integer here, nor "1", nor 1.5).
    """
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        raw = base64.urlsafe_b64decode(padded.encode())
        values = json.loads(raw, parse_constant=_no_constant)
    except (binascii.Error, ValueError, UnicodeDecodeError, RecursionError) as error:
        raise BadCursor() from error
    if not isinstance(values, list) or (shape is not None and not _fits(values, shape)):
        raise BadCursor()
    return values


def _fits(value: Any, kind: Any) -> bool:
    if isinstance(kind, tuple):
        return (
            isinstance(value, list)
            and len(value) == len(kind)
            and all(_fits(v, k) for v, k in zip(value, kind, strict=True))
        )
    if kind is int:
        return type(value) is int
    if kind is float:
        return type(value) in (int, float) and math.isfinite(value)
    raise TypeError(f"no cursor element of kind {kind!r}")


def key_shape(keys: Sequence[SortKey]) -> Shape:
    """The shape of a cursor over these sort keys, from their SQL types."""
    shape = []
    for key in keys:
        python_type = key.type.python_type
        if python_type is bool or not issubclass(python_type, int | float):
            raise TypeError(f"cannot page on {key} of type {key.type}")
        shape.append(int if issubclass(python_type, int) else float)
    return tuple(shape)


def keyset(
    query: Select[Any],
    keys: Sequence[SortKey],
    cursor: str | None,
    limit: int,
    descending: bool = False,
) -> Select[Any]:
    """Order query by keys and start after the cursor's position; fetches one extra row."""
    if cursor:
        values = decode_cursor(cursor, key_shape(keys))
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
