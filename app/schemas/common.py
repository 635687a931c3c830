"""Shapes shared by every resource: pages of results and problem details."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any, Generic, TypeVar

from pydantic import (
    AliasChoices,
    AliasGenerator,
    AliasPath,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
)

T = TypeVar("T")

BIGINT_MAX = 2**63 - 1  # ids are PostgreSQL bigints
INTEGER_MAX = 2**31 - 1  # offsets into a text are PostgreSQL integers

# Ids and offsets in a request body: JSON integers only. In pydantic's default (lax) mode `true`
# would be taken for 1, `false` for 0, "12" for 12 and 3.0 for 3. Beyond the column's range a
# number can name nothing, so it is invalid input too.
Id = Annotated[int, Field(strict=True, ge=1, le=BIGINT_MAX)]
Offset = Annotated[int, Field(strict=True, ge=0, le=INTEGER_MAX)]
EndOffset = Annotated[int, Field(strict=True, ge=1, le=INTEGER_MAX)]
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
    """A response read with `model_validate` from an ORM row or a service result's attributes
    (fields whose attribute has another name say so with `validation_alias`)."""

    model_config = ConfigDict(from_attributes=True, validate_by_name=True)


def reading_through(row: str) -> ConfigDict:
    """The config of a response read from a service result that adds to an ORM row: each field
    is the result's attribute of that name, or else the row's (the result's attribute `row`),
    as `DocumentDetail` reads `passage_count` from the result and `title` from its document."""
    return ConfigDict(
        alias_generator=AliasGenerator(
            validation_alias=lambda name: AliasChoices(name, AliasPath(row, name))
        )
    )


class PageOut(ApiModel, Generic[T]):
    # Read from a service's `Page` (app/services/pagination.py).
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


PROBLEM_JSON = "application/problem+json"
ResponsesDoc = dict[int | str, dict[str, Any]]


def problem_response(description: str, **extra: Any) -> dict[str, Any]:
    """An answer documented as an RFC 9457 problem (the schema is moved from application/json
    to application/problem+json when the OpenAPI document is built: app/main.py)."""
    return {"model": Problem, "content": {PROBLEM_JSON: {}}, "description": description, **extra}


RETRY_AFTER = {
    "Retry-After": {
        "description": "Seconds to wait before retrying.",
        "schema": {"type": "integer"},
    }
}
UNAVAILABLE = problem_response(
    "The database is unreachable or a concurrent change conflicted with this one; nothing was "
    "saved: retry after `Retry-After` seconds",
    headers=RETRY_AFTER,
)

# What any request may be answered before or besides its route's own answers: the body limit and
# the refusal of unstorable text (app/api/limits.py) run before routing, on every path.
REQUEST_RESPONSES: ResponsesDoc = {
    413: problem_response("The request body is over the size limit"),
    422: problem_response("Invalid input"),
}

# Every route that reads the database with a key.
PROBLEM_RESPONSES: ResponsesDoc = {
    401: problem_response("Missing or unknown API key"),
    403: problem_response("The key's role does not allow this"),
    404: problem_response("Not found"),
    **REQUEST_RESPONSES,
    503: UNAVAILABLE,
}


def conflict(description: str) -> ResponsesDoc:
    return {409: problem_response(description)}
