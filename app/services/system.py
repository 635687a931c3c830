"""The service's own state: is the database there, and at which migration."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session


def schema_revision(session: Session) -> str | None:
    """The migration the database is at; raises the driver's error when it cannot be reached."""
    return session.execute(text("SELECT version_num FROM alembic_version")).scalar()
