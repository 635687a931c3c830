"""Recording every write in the audit log, inside the writer's transaction."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from app.models import AuditEntry
from app.services.pagination import Page, keyset, page_of
from app.vocabulary import AuditAction, EntityType


def snapshot(entity: Any, exclude: frozenset[str] = frozenset({"tsv", "text"})) -> dict[str, Any]:
    """The entity's column values as JSON-safe data (long texts and vectors left out)."""
    mapper = inspect(entity).mapper
    values = {c.key: getattr(entity, c.key) for c in mapper.column_attrs if c.key not in exclude}
    return json.loads(json.dumps(values, default=str))


def record(
    session: Session,
    actor: str,
    action: AuditAction,
    entity_type: EntityType,
    entity_id: int | None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    session.add(
        AuditEntry(
            actor=actor,
            action=action,
            entity_type=entity_type,
            entity_id=entity_id,
            before=before,
            after=after,
        )
    )


def list_entries(
    session: Session,
    *,
    entity_type: str | None = None,
    entity_id: int | None = None,
    actor: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    cursor: str | None = None,
    limit: int = 50,
    oldest_first: bool = False,
) -> Page[AuditEntry]:
    query = select(AuditEntry)
    if entity_type:
        query = query.where(AuditEntry.entity_type == entity_type)
    if entity_id is not None:
        query = query.where(AuditEntry.entity_id == entity_id)
    if actor:
        query = query.where(AuditEntry.actor == actor)
    if since:
        query = query.where(AuditEntry.at >= since)
    if until:
        query = query.where(AuditEntry.at < until)
    query = keyset(query, [AuditEntry.id], cursor, limit, descending=not oldest_first)
    rows = session.scalars(query).all()
    return page_of(rows, limit, lambda entry: [entry.id])
