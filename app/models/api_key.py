"""API keys: stored only as SHA-256 hashes, each with a role."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, CreatedMixin, IdMixin

ROLES = ("reader", "editor", "admin")


class ApiKey(IdMixin, CreatedMixin, Base):
    __tablename__ = "api_keys"
    __table_args__ = (CheckConstraint(f"role IN {ROLES}", name="role"),)

    name: Mapped[str] = mapped_column(Text, unique=True)
    role: Mapped[str] = mapped_column(String(10))
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(12))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
