"""Connecting the CLI to the database: the configured one or the embedded one, migrated."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer
from rich.console import Console
from rich.text import Text

from app.config import get_settings
from app.db import migrate
from app.db.engine import database_url
from app.services.errors import DomainError

console = Console(stderr=True)


def ready_database_url(announce: bool = True) -> str:
    """The database URL, after starting the embedded server if needed and migrating to head."""
    settings = get_settings()
    url = database_url()
    if announce:
        if settings.database_url:
            console.print("[bold]Database:[/] DATABASE_URL")
        else:
            folder = (settings.data_dir / "postgres").resolve()
            console.print(f"[bold]Database:[/] embedded PostgreSQL in {folder}")
    migrate.upgrade(url)
    return url


@contextmanager
def reporting_errors() -> Iterator[None]:
    """Turn a service's DomainError into a red message and exit code 1, without a traceback."""
    try:
        yield
    except DomainError as error:
        # One line, as given: no markup read into it, no wrapping at the terminal's width.
        console.print(Text(error.detail, style="red"), soft_wrap=True)
        raise typer.Exit(1) from error
