"""The SQLAlchemy engine and session factory, created once per process."""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import Engine, create_engine, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

from app.config import get_settings
from app.db import transaction
from app.db.embedded import embedded_pgdata, start_embedded


def database_url() -> str:
    """The configured URL, or the embedded server's when none is configured."""
    settings = get_settings()
    url = settings.database_url or start_embedded(settings.data_dir)
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def describe_database() -> str:
    """Which database the configuration names, in words (a password is never shown)."""
    settings = get_settings()
    if settings.database_url:
        try:
            url = make_url(settings.database_url).render_as_string(hide_password=True)
        except ArgumentError:
            return "DATABASE_URL (not a database URL)"
        return f"{url} (DATABASE_URL)"
    return f"embedded PostgreSQL in {embedded_pgdata(settings.data_dir)}"


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
    """Sessions that write only inside `transaction.write()` (app/db/transaction.py)."""
    factory = sessionmaker(get_engine(), expire_on_commit=False)
    transaction.guard(factory)
    return factory
