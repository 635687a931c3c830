"""Shapes shared by every resource: pages of results and problem details."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated, Any, Generic, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

T = TypeVar("T")
_NUMBER = re.compile(r"\s*[-+]?\d+(\.\d*)?\s*")


def _not_unix_seconds(value: object) -> object:
    """Refuse numbers, which pydantic would read as Unix seconds: a filter `since=2020` would
    silently mean 1970-01-01T00:33:40Z."""
    if isinstance(value, int | float) or (isinstance(value, str) and _NUMBER.fullmatch(value)):
        raise ValueError(
            "expected an ISO 8601 date or date-time, such as 2020-01-09 or 2020-01-09T12:00:00Z"
        )
    return value


# Every date the API accepts: ISO 8601 text only.
Timestamp = Annotated[datetime, BeforeValidator(_not_unix_seconds)]


class ApiModel(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class PageOut(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = Field(
        description="Pass as `cursor` to get the next page; null on the last page."
    )


class Problem(BaseModel):
    """An RFC 9457 problem details object."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    errors: list[dict[str, Any]] | None = Field(
        default=None, description="For validation problems: each invalid field and why."
    )


PROBLEM_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": Problem, "content": {"application/problem+json": {}}, "description": text}
    for status, text in {
        401: "Missing or unknown API key",
        403: "The key's role does not allow this",
        404: "Not found",
        422: "Invalid input",
    }.items()
}
