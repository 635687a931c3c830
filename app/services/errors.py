"""Domain errors raised by services and rendered by the API as problem+json."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A failure the client can act on; status and title follow RFC 9457."""

    status = 400
    title = "Bad request"

    def __init__(self, detail: str, **extensions: Any) -> None:
        super().__init__(detail)
        self.detail = detail
        self.extensions = extensions


class NotFound(DomainError):
    status = 404
    title = "Not found"


class Conflict(DomainError):
    status = 409
    title = "Conflict"


class Unprocessable(DomainError):
    status = 422
    title = "Unprocessable content"


class Unauthorized(DomainError):
    status = 401
    title = "Unauthorized"


class Forbidden(DomainError):
    status = 403
    title = "Forbidden"


# Integrity violations (SQLSTATE class 23) the database raises when a concurrent change beat a
# request to a row, or a value broke a constraint, as the problem the client can act on.
_INTEGRITY = {
    "23503": (
        Unprocessable,
        "A row this refers to does not exist (it may have just been deleted).",
    ),
    "23505": (Conflict, "This already exists."),
    "23P01": (Conflict, "This conflicts with a stored row."),
    "23514": (Unprocessable, "A value breaks a rule of the data model."),
    "23502": (Unprocessable, "A required value is missing."),
}


def integrity_error(error: BaseException | None) -> DomainError | None:
    """The problem an integrity violation (a psycopg error) stands for, or None for others.

    A foreign key violated by an insert or update (the row it names is gone) is a 422, like any
    reference to a row that does not exist; one violated by a delete (the row is still referred
    to) is a 409, as are unique and exclusion violations; check and not-null violations are 422.
    Only the constraint's name is shown: the database's detail may quote stored values.
    """
    sqlstate = getattr(error, "sqlstate", None) or ""
    if not sqlstate.startswith("23"):
        return None
    diagnostic = getattr(error, "diag", None)
    message = getattr(diagnostic, "message_primary", None) or ""
    constraint = getattr(diagnostic, "constraint_name", None)
    extensions = {"constraint": constraint} if constraint else {}
    if sqlstate == "23503" and message.startswith("update or delete on"):
        return Conflict("Other rows still refer to this one; nothing was changed.", **extensions)
    kind, detail = _INTEGRITY.get(sqlstate, (Conflict, "This conflicts with a stored row."))
    return kind(f"{detail} Nothing was saved.", **extensions)
