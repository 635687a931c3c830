"""Health and version."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import text

from app import __version__
from app.api.deps import SessionDep
from app.api.problems import PROBLEM_JSON, RETRY_AFTER_SECONDS
from app.schemas.common import REQUEST_RESPONSES, RETRY_AFTER, problem_response

router = APIRouter(tags=["system"], responses=REQUEST_RESPONSES)


@router.get(
    "/health",
    summary="Check the service and its database",
    responses={503: problem_response("The database is unreachable", headers=RETRY_AFTER)},
)
def health(session: SessionDep) -> JSONResponse:
    try:
        revision = session.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except Exception as error:  # any failure to reach the database means unhealthy
        return JSONResponse(
            {
                "type": "about:blank",
                "title": "Service unavailable",
                "status": 503,
                "detail": f"The database is unreachable: {type(error).__name__}.",
                "database": "unreachable",
            },
            status_code=503,
            media_type=PROBLEM_JSON,
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        )
    return JSONResponse({"status": "ok", "database": "ok", "schema_revision": revision})


@router.get("/version", summary="The service version")
def version() -> dict[str, str]:
    return {"name": "attest", "version": __version__}
