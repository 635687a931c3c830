"""`attest ingest`: store documents from files in batches, with a progress bar and a summary."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from itertools import islice
from pathlib import Path

import typer
from rich.progress import Progress
from sqlalchemy.orm import Session

from app.cli.database import console, ready_database_url
from app.db.engine import get_sessionmaker
from app.services import documents
from app.services.documents import Prepared
from app.services.errors import DomainError
from app.services.sources import Source, expand, read_sources


def ingest(
    paths: list[Path] = typer.Argument(..., help=".txt, .html, .json or .jsonl files, or folders."),
    actor: str = typer.Option("cli", help="Name recorded in the audit log."),
    batch_size: int = typer.Option(64, min=1, help="Documents prepared together."),
    jobs: int = typer.Option(
        os.cpu_count() or 1, min=1, help="Processes running the quote engine."
    ),
) -> None:
    """Ingest documents: passages, quotes and speakers are stored for each."""
    missing = [p for p in paths if not p.exists()]
    if missing:
        console.print(f"[red]No such file: {', '.join(map(str, missing))}[/]")
        raise typer.Exit(2)
    ready_database_url()
    files = expand(paths)
    outcome: Counter[str] = Counter()
    with ExitStack() as stack:
        progress = stack.enter_context(Progress(console=console))
        session = stack.enter_context(get_sessionmaker()())
        pool = stack.enter_context(ProcessPoolExecutor(jobs)) if jobs > 1 else None
        mapper = pool.map if pool else map
        task = progress.add_task("Ingesting", total=len(files))
        for batch in _batches(files, batch_size):
            sources = [source for path in batch for source in read_sources(path)]
            prepared = mapper(_prepare, sources)
            for source, ready in zip(sources, prepared, strict=True):
                outcome.update(_store(session, source, ready, actor))
            progress.advance(task, len(batch))
    console.print(
        f"[bold]{outcome['created']}[/] stored, {outcome['existing']} already there, "
        f"{outcome['failed']} failed; {outcome['quotes']} quotes found."
    )
    if outcome["failed"]:
        raise typer.Exit(1)


def _batches(files: list[Path], size: int) -> Iterator[list[Path]]:
    iterator = iter(files)
    while batch := list(islice(iterator, size)):
        yield batch


def _prepare(source: Source) -> Prepared | str:
    """Text processing only, so it can run in a worker process; errors come back as text."""
    if source.payload is None:
        return source.error or "unreadable"
    try:
        return documents.prepare(source.payload)
    except DomainError as error:
        return error.detail


def _store(session: Session, source: Source, ready: Prepared | str, actor: str) -> Counter[str]:
    if isinstance(ready, str):
        console.print(f"[red]{source.origin}[/]: {ready}")
        return Counter(failed=1)
    try:
        result = documents.store(session, ready, actor)
    except DomainError as error:
        console.print(f"[red]{source.origin}[/]: {error.detail}")
        return Counter(failed=1)
    return Counter({"created" if result.created else "existing": 1, "quotes": result.quote_count})
