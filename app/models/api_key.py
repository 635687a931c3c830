"""API keys: stored only as SHA-256 hashes, each with a role."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, CreatedMixin, IdMixin, Vocabulary, one_of
from app.vocabulary import Role


class ApiKey(IdMixin, CreatedMixin, Base):
    __tablename__ = "api_keys"
    __table_args__ = (one_of("role", Role),)

    name: Mapped[str] = mapped_column(Text, unique=True)
    role: Mapped[Role] = mapped_column(Vocabulary(Role, 10))
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(12))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
