"""`attest ingest`: store documents from files, with a progress bar and a summary."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import typer
from rich.progress import Progress
from sqlalchemy.orm import Session

from app.cli.database import console, ready_database_url
from app.db.engine import get_sessionmaker
from app.services import documents
from app.services.errors import DomainError
from app.services.sources import Source, expand, read_sources


def ingest(
    paths: list[Path] = typer.Argument(..., help=".txt, .html, .json or .jsonl files, or folders."),
    actor: str = typer.Option("cli", help="Name recorded in the audit log."),
) -> None:
    """Ingest documents: passages, quotes and speakers are stored for each."""
    missing = [p for p in paths if not p.exists()]
    if missing:
        console.print(f"[red]No such file: {', '.join(map(str, missing))}[/]")
        raise typer.Exit(2)
    ready_database_url()
    files = expand(paths)
    outcome: Counter[str] = Counter()
    quotes = 0
    with Progress(console=console) as progress, get_sessionmaker()() as session:
        task = progress.add_task("Ingesting", total=len(files))
        for path in files:
            for source in read_sources(path):
                status, found = _ingest_one(session, source, actor)
                outcome[status] += 1
                quotes += found
            progress.advance(task)
    console.print(
        f"[bold]{outcome['created']}[/] stored, {outcome['existing']} already there, "
        f"{outcome['failed']} failed; {quotes} quotes found."
    )
    if outcome["failed"]:
        raise typer.Exit(1)


def _ingest_one(session: Session, source: Source, actor: str) -> tuple[str, int]:
    if source.payload is None:
        console.print(f"[red]{source.origin}[/]: {source.error}")
        return "failed", 0
    try:
        result = documents.ingest(session, source.payload, actor)
    except DomainError as error:
        console.print(f"[red]{source.origin}[/]: {error.detail}")
        return "failed", 0
    return ("created" if result.created else "existing"), result.quote_count
