"""The SQLAlchemy engine and session factory, created once per process."""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import Session, sessionmaker

from app.config import get_settings
from app.db.embedded import start_embedded


def database_url() -> str:
    """The configured URL, or the embedded server's when none is configured."""
    settings = get_settings()
    url = settings.database_url or start_embedded(settings.data_dir)
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


@lru_cache
def get_engine() -> Engine:
    settings = get_settings()
    return create_engine(
        database_url(),
        pool_size=settings.pool_size,
        max_overflow=settings.pool_size,
        pool_pre_ping=True,
        pool_timeout=10,
        connect_args={
            "connect_timeout": 5,
            "options": f"-c statement_timeout={settings.statement_timeout_ms}",
        },
    )


@lru_cache
def get_sessionmaker() -> sessionmaker[Session]:
    return sessionmaker(get_engine(), expire_on_commit=False)
