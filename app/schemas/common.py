"""Shapes shared by every resource: pages of results and problem details."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any, Generic, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

T = TypeVar("T")
_ISO_DATE = re.compile(r"\s*\d{4}-\d{2}-\d{2}")


def _iso_8601_text(value: object) -> object:
    """Only ISO 8601 text (or a datetime from Python): pydantic reads numbers and numeric text
    ("2020", ".5", "1.5e3") as Unix seconds, so `since=2020` would mean 1970-01-01T00:33:40Z."""
    if isinstance(value, date) or (isinstance(value, str) and _ISO_DATE.match(value)):
        return value
    raise ValueError(
        "expected an ISO 8601 date or date-time, such as 2020-01-09 or 2020-01-09T12:00:00Z"
    )


# Every date the API accepts: ISO 8601 text only.
Timestamp = Annotated[datetime, BeforeValidator(_iso_8601_text)]


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
