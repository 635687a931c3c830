"""`attest verify`: check a circulating quote against the archive from the command line."""

from __future__ import annotations

import json

import typer
from rich.console import Console
from rich.table import Table

from app.cli.database import ready_database_url
from app.db.engine import get_sessionmaker
from app.schemas.verify import VerifyOut
from app.services import verify as verification
from app.services.errors import DomainError

VERDICT_STYLE = {
    "verbatim": "green",
    "altered": "yellow",
    "paraphrase": "cyan",
    "misattributed": "magenta",
    "not_found": "red",
}


def verify(
    text: str = typer.Argument(..., help="The quote as it circulates."),
    speaker: str | None = typer.Option(None, help="Who the quote is attributed to."),
    as_json: bool = typer.Option(False, "--json", help="Print the API's JSON instead of a table."),
) -> None:
    """Did they really say that? The verdict, the matches and the first appearance."""
    ready_database_url()  # stderr: the JSON on stdout stays clean
    with get_sessionmaker()() as session:
        try:
            result = VerifyOut.model_validate(verification.verify(session, text, speaker))
        except DomainError as error:
            Console(stderr=True).print(f"[red]{error.detail}[/]")
            raise typer.Exit(2) from error
    if as_json:
        print(json.dumps(result.model_dump(mode="json"), indent=2, ensure_ascii=False))
    else:
        _print(result)


def _print(result: VerifyOut) -> None:
    console = Console()
    style = VERDICT_STYLE[result.verdict]
    console.print(f"Verdict: [bold {style}]{result.verdict}[/]")
    if result.speaker:
        console.print(f"Said by {result.speaker}: {result.speaker_verdict}")
    if result.said_by:
        names = ", ".join(f"{s.name} ({s.speaker_id or '—'})" for s in result.said_by)
        console.print(f"[red]Actually said by: {names}[/]")
    if not result.matches:
        return
    table = Table("document", "published", "publisher", "verdict", "score", "said by", "words")
    for match in result.matches:
        said_by = match.attributed_to.name if match.attributed_to else "—"
        if match.speaker_matches is False:
            said_by = f"[red]{said_by} (not {result.speaker})[/]"
        table.add_row(
            f"{match.document_id}: {match.title}",
            match.published_at.date().isoformat() if match.published_at else "—",
            match.publisher or "—",
            match.verdict,
            f"{match.similarity:.2f}",
            said_by,
            match.source_text,
        )
    console.print(table)
    changes = [op for op in result.diff if op.op != "equal"]
    for op in changes:
        console.print(f"  {op.op}: [red]{op.source or '∅'}[/] → [green]{op.claimed or '∅'}[/]")
    first = result.first_appearance
    if first:
        console.print(f"First appearance: document {first.document_id} ({first.publisher})")
