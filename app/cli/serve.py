"""`attest serve`: run the API (starting an embedded PostgreSQL when none is configured)."""

from __future__ import annotations

import typer
import uvicorn

from app.cli.database import connected_url, console, ready_database_url
from app.config import get_settings


def serve(
    host: str = typer.Option(None, help="Interface to bind (default ATTEST_HOST or 127.0.0.1)."),
    port: int = typer.Option(None, help="Port (default ATTEST_PORT or 8000)."),
    workers: int = typer.Option(1, min=1, help="Worker processes (needs DATABASE_URL if > 1)."),
) -> None:
    """Run the Attest API server."""
    settings = get_settings()
    if workers > 1 and not settings.database_url:
        raise typer.BadParameter(
            "Several workers need DATABASE_URL (the embedded server is per process)."
        )
    ready_database_url()
    host, port = host or settings.host, port or settings.port
    console.print(
        f"[bold]Attest[/] on http://{host}:{port}  (API explorer: http://{host}:{port}/docs)",
        soft_wrap=True,
    )
    uvicorn.run("app.main:app", host=host, port=port, workers=workers, log_level="info")


def migrate_command(
    revision: str = typer.Argument("head", help="Target revision."),
    down: bool = typer.Option(False, "--down", help="Downgrade to REVISION instead (e.g. base)."),
) -> None:
    """Apply (or roll back) database migrations."""
    from app.db import migrate

    url = connected_url()
    if down:
        migrate.downgrade(url, revision)
    else:
        migrate.upgrade(url, revision)
    console.print(f"Database at revision {revision}.")
