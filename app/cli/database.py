"""Connecting the CLI to the database: the configured one or the embedded one, migrated."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import typer
from rich.console import Console
from rich.text import Text

from app.config import get_settings
from app.db import migrate
from app.db.embedded import embedded_pgdata
from app.db.engine import database_url, describe_database
from app.services.errors import DomainError

console = Console(stderr=True)
# Where the embedded database lived before it moved to the user's data folder: under the
# folder the command ran in.
LEGACY_DATA_DIR = Path("var")


def ready_database_url() -> str:
    """The database URL, after saying which database it is, starting the embedded server if
    needed and migrating to head."""
    url = connected_url()
    migrate.upgrade(url)
    return url


def connected_url() -> str:
    """The database URL, after saying which database it is (one line on stderr) and starting
    the embedded server if needed; not migrated."""
    announce_database()
    return database_url()


def announce_database() -> None:
    console.print(
        Text.assemble(("Database:", "bold"), f" {describe_database()}"),
        soft_wrap=True,  # one line, however long the path and however narrow the terminal
        highlight=False,
    )
    legacy = legacy_database()
    if legacy is not None:
        console.print(
            Text(
                f"Note: an older embedded database is in {legacy}. To keep using it, set "
                f"ATTEST_DATA_DIR={legacy.parent} (or move its folder to the path above).",
                style="yellow",
            ),
            soft_wrap=True,
        )


def legacy_database() -> Path | None:
    """An embedded database left in ./var/postgres by an older Attest that this command will
    not use: the data folder is the default one and is elsewhere."""
    settings = get_settings()
    if settings.database_url or "data_dir" in settings.model_fields_set:
        return None
    old = embedded_pgdata(LEGACY_DATA_DIR)
    if (old / "PG_VERSION").exists() and old != embedded_pgdata(settings.data_dir):
        return old
    return None


@contextmanager
def reporting_errors() -> Iterator[None]:
    """Turn a service's DomainError into a red message and exit code 1, without a traceback."""
    try:
        yield
    except DomainError as error:
        # One line, as given: no markup read into it, no wrapping at the terminal's width.
        console.print(Text(error.detail, style="red"), soft_wrap=True)
        raise typer.Exit(1) from error
