"""Health and version."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from app import __version__
from app.api.deps import SessionDep
from app.api.problems import unavailable
from app.schemas.common import REQUEST_RESPONSES, RETRY_AFTER, problem_response
from app.services import system

router = APIRouter(tags=["system"], responses=REQUEST_RESPONSES)


@router.get(
    "/health",
    summary="Check the service and its database",
    responses={503: problem_response("The database is unreachable", headers=RETRY_AFTER)},
)
def health(request: Request, session: SessionDep) -> JSONResponse:
    try:
        revision = system.schema_revision(session)
    except Exception as error:  # any failure to reach the database means unhealthy
        detail = f"The database is unreachable: {type(error).__name__}."
        return unavailable(request, detail, database="unreachable")
    return JSONResponse({"status": "ok", "database": "ok", "schema_revision": revision})


@router.get("/version", summary="The service version")
def version() -> dict[str, str]:
    return {"name": "attest", "version": __version__}
