"""Audit log entries as the API shows them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import ConfigDict, Field

from app.schemas.common import ApiModel


class AuditEntryOut(ApiModel):
    """One recorded change: who did what to which entity, with its state before and after."""

    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "id": 42,
                    "actor": "politics-desk",
                    "action": "correct",
                    "entity_type": "quote",
                    "entity_id": 7,
                    "before": {"speaker_id": None, "kind": "direct", "status": "auto"},
                    "after": {"speaker_id": 1, "kind": "direct", "status": "confirmed"},
                    "at": "2020-01-09T12:30:00Z",
                }
            ]
        },
    )

    id: int
    actor: str = Field(description="The name of the API key (or `cli`) that made the change.")
    action: str = Field(description="e.g. `create`, `delete`, `correct`, `merge`, `revoke`.")
    entity_type: str = Field(description="e.g. `document`, `quote`, `speaker`, `api_key`.")
    entity_id: int | None
    before: dict[str, Any] | None = Field(description="The entity's state before; null on create.")
    after: dict[str, Any] | None = Field(description="The entity's state after; null on delete.")
    at: datetime
