"""Routes for the audit log: who changed what, and when (admins only)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.api.deps import Admin, BigintId, Cursor, Limit, SessionDep
from app.schemas.audit import AuditEntryOut
from app.schemas.common import PROBLEM_RESPONSES, PageOut, Timestamp
from app.services import audit

router = APIRouter(prefix="/audit", tags=["audit"], responses=PROBLEM_RESPONSES)


@router.get(
    "",
    summary="List audit entries, newest first",
    description="Every change made through the API or the CLI, filtered by entity, actor or time.",
    response_model=PageOut[AuditEntryOut],
)
def list_audit_entries(
    session: SessionDep,
    _: Admin,
    entity_type: Annotated[
        str | None, Query(max_length=50, description="e.g. `document`, `quote`, `speaker`")
    ] = None,
    entity_id: Annotated[BigintId | None, Query(description="Only this entity's entries")] = None,
    actor: Annotated[
        str | None, Query(max_length=200, description="An API key's name, e.g. `politics-desk`")
    ] = None,
    since: Annotated[Timestamp | None, Query(description="Recorded at or after")] = None,
    until: Annotated[Timestamp | None, Query(description="Recorded before")] = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> PageOut[AuditEntryOut]:
    page = audit.list_entries(
        session,
        entity_type=entity_type,
        entity_id=entity_id,
        actor=actor,
        since=since,
        until=until,
        cursor=cursor,
        limit=limit,
    )
    return PageOut[AuditEntryOut].model_validate(page)
