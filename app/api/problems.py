"""RFC 9457 problem+json responses for every error the API returns."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException
from starlette.routing import Match

from app.services.errors import DomainError, integrity_error

log = logging.getLogger("attest.api")
PROBLEM_JSON = "application/problem+json"
RETRY_AFTER_SECONDS = 5


def problem(
    status: int,
    detail: str | None,
    request: Request,
    title: str | None = None,
    headers: Mapping[str, str] | None = None,
    **extensions: Any,
) -> JSONResponse:
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": title or HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "instance": request.url.path,
        **extensions,
    }
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def _field_path(location: tuple[Any, ...]) -> str:
    parts = [str(p) for p in location if p not in ("body",)]
    return ".".join(parts) or "body"


async def _on_validation(request: Request, error: RequestValidationError) -> JSONResponse:
    errors = [
        {"field": _field_path(tuple(e["loc"])), "message": e["msg"], "type": e["type"]}
        for e in error.errors()
    ]
    fields = ", ".join(sorted({e["field"] for e in errors}))
    return problem(422, f"Invalid input in: {fields}.", request, "Validation failed", errors=errors)


async def _on_domain(request: Request, error: DomainError) -> JSONResponse:
    headers = {"WWW-Authenticate": "Bearer"} if error.status == 401 else None
    return problem(error.status, error.detail, request, error.title, headers, **error.extensions)


async def _on_http(request: Request, error: HTTPException) -> JSONResponse:
    headers = error.headers
    if error.status_code == 405:
        headers = {**(headers or {}), "Allow": ", ".join(_allowed_methods(request))}
    return problem(error.status_code, str(error.detail), request, headers=headers)


def _allowed_methods(request: Request) -> list[str]:
    """Every method routed for the path: Starlette lists only the first route's in `Allow`."""
    methods: set[str] = set()
    for route in request.app.router.routes:
        match, _ = route.matches(request.scope)
        if match != Match.NONE:
            methods |= getattr(route, "methods", None) or set()
    return sorted(methods)


# SQLSTATEs of failures that a retry resolves: nothing was written, the client may try again.
TRANSIENT = {
    "40P01": "A concurrent change conflicted with this one (deadlock); nothing was saved.",
    "40001": "A concurrent change conflicted with this one; nothing was saved.",
    "55P03": "A row this needs is locked by another change; nothing was saved.",
    "57014": "The database took too long to answer; nothing was saved.",
}


def unavailable(
    request: Request,
    detail: str = "The database is unreachable; retry shortly.",
    **extensions: Any,
) -> JSONResponse:
    """503 with Retry-After: nothing was done, the client may try again shortly."""
    return problem(
        503,
        detail,
        request,
        "Service unavailable",
        {"Retry-After": str(RETRY_AFTER_SECONDS)},
        **extensions,
    )


async def _on_database(request: Request, error: DBAPIError) -> JSONResponse:
    transient = TRANSIENT.get(getattr(error.orig, "sqlstate", None) or "")
    if transient:
        log.warning("transient database failure: %s", error.orig)
        return unavailable(request, transient + " Retry shortly.")
    if isinstance(error, OperationalError) or error.connection_invalidated:
        log.warning("database unavailable: %s", error.orig)
        return unavailable(request)
    refused = integrity_error(error.orig) if isinstance(error, IntegrityError) else None
    if refused is not None:
        # A row a concurrent change removed, or a constraint the validation did not foresee:
        # the transaction rolled back, so nothing is half-written.
        log.warning("database refused a write: %s", error.orig)
        return await _on_domain(request, refused)
    if isinstance(error, DataError):
        # A value the database cannot hold (out of range, malformed) that validation let through.
        log.warning("database refused a value: %s", error.orig)
        return problem(422, "A value is outside what the database can store.", request)
    log.exception("database error")
    return problem(500, "An unexpected database error occurred.", request)


async def _on_pool_timeout(request: Request, error: PoolTimeout) -> JSONResponse:
    return unavailable(request)


async def _on_unexpected(request: Request, error: Exception) -> JSONResponse:
    log.exception("unhandled error")
    return problem(500, "An unexpected error occurred; it has been logged.", request)


def install(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _on_validation)  # type: ignore[arg-type]
    app.add_exception_handler(DomainError, _on_domain)  # type: ignore[arg-type]
    app.add_exception_handler(HTTPException, _on_http)  # type: ignore[arg-type]
    app.add_exception_handler(DBAPIError, _on_database)  # type: ignore[arg-type]
    app.add_exception_handler(PoolTimeout, _on_pool_timeout)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _on_unexpected)
