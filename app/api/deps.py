"""Request dependencies: a database session and the caller's API key."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Annotated

from annotated_types import Ge, Le
from fastapi import Depends, Query
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import AfterValidator
from sqlalchemy.orm import Session

from app.config import get_settings
from app.db.engine import get_sessionmaker
from app.services import keys
from app.services.errors import Forbidden, Unauthorized
from app.services.keys import Principal
from app.services.pagination import DEFAULT_LIMIT, MAX_LIMIT, BadCursor, decode_cursor
from app.vocabulary import Role

bearer = HTTPBearer(auto_error=False, description="An Attest API key: `attest keys create`.")


def get_session() -> Iterator[Session]:
    with get_sessionmaker()() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


def _principal(
    credentials: HTTPAuthorizationCredentials | None, session: Session, needed: Role
) -> Principal:
    if credentials is None:
        if needed == Role.reader and get_settings().public_reads:
            return keys.ANONYMOUS_READER
        raise Unauthorized("Send an API key as 'Authorization: Bearer KEY'.")
    principal = keys.authenticate(session, credentials.credentials)
    if principal is None:
        raise Unauthorized("The API key is unknown or revoked.")
    if not principal.can(needed):
        raise Forbidden(
            f"This needs the {needed} role; the key {principal.name!r} is {principal.role}."
        )
    return principal


def _requiring(role: Role) -> Callable[..., Principal]:
    def dependency(
        session: SessionDep,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    ) -> Principal:
        return _principal(credentials, session, role)

    return dependency


Reader = Annotated[Principal, Depends(_requiring(Role.reader))]
Editor = Annotated[Principal, Depends(_requiring(Role.editor))]
Admin = Annotated[Principal, Depends(_requiring(Role.admin))]

BIGINT_MAX = 2**63 - 1
# Ids are PostgreSQL bigints: a larger number can name nothing, so it is refused as invalid input.
BigintId = Annotated[int, Ge(1), Le(BIGINT_MAX)]

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")]


def _issued_cursor(value: str | None) -> str | None:
    """Refuse up front, as invalid input (422), a cursor that is no base64 of a JSON list; the
    service paging the list checks the list's length and element types against its keys."""
    if value is None:
        return None
    try:
        decode_cursor(value)
    except BadCursor:
        raise ValueError("not a cursor this API issued; pass a page's next_cursor") from None
    return value


Cursor = Annotated[
    str | None,
    Query(max_length=500, description="`next_cursor` of the previous page."),
    AfterValidator(_issued_cursor),
]
DEFAULT_PAGE = DEFAULT_LIMIT
