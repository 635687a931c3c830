"""`attest export` and `attest import`: the whole database as JSON Lines, and back."""

from __future__ import annotations

from pathlib import Path

import typer

from app.cli.database import console, ready_database_url, reporting_errors
from app.db.engine import get_engine
from app.services import backup


def export_command(
    path: Path = typer.Argument(..., help="A new (or empty) folder to write the export into."),
) -> None:
    """Export every table as JSON Lines, with a manifest of schema revision and row counts."""
    ready_database_url()
    with reporting_errors():
        manifest = backup.export(get_engine(), path)
    total = sum(manifest.tables.values())
    console.print(f"Exported {total} rows from {len(manifest.tables)} tables to {path}.")


def import_command(
    path: Path = typer.Argument(..., help="A folder written by `attest export`."),
) -> None:
    """Restore an export into an empty database (refused if the database holds any rows)."""
    ready_database_url()
    with reporting_errors():
        manifest = backup.import_(get_engine(), path)
    total = sum(manifest.tables.values())
    console.print(f"Imported {total} rows into {len(manifest.tables)} tables from {path}.")
