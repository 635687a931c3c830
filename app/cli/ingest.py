"""`attest ingest`: store documents from files in batches, with a progress bar and a summary."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from functools import partial
from itertools import islice
from pathlib import Path
from typing import TypeVar

import typer
from rich.progress import Progress
from rich.text import Text
from sqlalchemy.orm import Session

from app.cli.actor import cli_actor
from app.cli.database import console, ready_database_url
from app.cli.files import expand, read_sources
from app.db.engine import get_sessionmaker
from app.services import documents
from app.services.documents import Prepared
from app.services.errors import DomainError
from app.services.sources import Source

T = TypeVar("T")
# Documents sent to a worker process at a time: fewer round trips than one by one.
PREPARE_CHUNK = 8


def ingest(
    paths: list[Path] = typer.Argument(
        ...,
        help=".txt (metadata from front matter or a story.json beside story.txt), .html, "
        ".json or .jsonl files, or folders.",
    ),
    actor: str | None = typer.Option(
        None, help="Name recorded in the audit log (default: cli:<your user name>)."
    ),
    batch_size: int = typer.Option(
        64, min=1, help="Files read, and documents stored in one transaction, at a time."
    ),
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
    actor = actor or cli_actor()
    files = expand(paths)
    outcome: Counter[str] = Counter()
    with ExitStack() as stack:
        progress = stack.enter_context(Progress(console=console))
        session = stack.enter_context(get_sessionmaker()())
        pool = stack.enter_context(ProcessPoolExecutor(jobs)) if jobs > 1 else None
        mapper = partial(pool.map, chunksize=PREPARE_CHUNK) if pool else map
        task = progress.add_task("Ingesting", total=len(files))
        for batch in _batches(files, batch_size):
            sources = [source for path in batch for source in read_sources(path)]
            # The workers go on preparing while the main process stores what is ready.
            prepared = zip(sources, mapper(_prepare, sources), strict=True)
            for chunk in _batches(prepared, batch_size):
                outcome.update(_store(session, chunk, actor))
            progress.advance(task, len(batch))
    console.print(
        f"[bold]{outcome['created']}[/] stored, {outcome['existing']} already there, "
        f"{outcome['failed']} failed; {outcome['quotes']} quotes found."
    )
    if outcome["failed"]:
        raise typer.Exit(1)


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
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


def _store(
    session: Session, chunk: list[tuple[Source, Prepared | str]], actor: str
) -> Counter[str]:
    """Store the prepared documents of a chunk in one transaction; report the others."""
    outcome: Counter[str] = Counter()
    ready = []
    for source, result in chunk:
        if isinstance(result, str):
            _report(source, result, outcome)
        else:
            ready.append((source, result))
    stored = documents.store_many(session, [prepared for _, prepared in ready], actor)
    for (source, _), written in zip(ready, stored, strict=True):
        if isinstance(written, DomainError):
            _report(source, written.detail, outcome)
        else:
            outcome.update({"created" if written.created else "existing": 1})
            outcome["quotes"] += written.quote_count
    return outcome


def _report(source: Source, problem: str, outcome: Counter[str]) -> None:
    # One line each, as given: no markup read into the problem, no wrapping at the terminal.
    console.print(Text.assemble((source.origin, "red"), f": {problem}"), soft_wrap=True)
    outcome["failed"] += 1
