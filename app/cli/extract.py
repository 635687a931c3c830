"""`attest extract FILE...`: find and attribute quotes in text files, without a database."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from app.extract.pipeline import Extraction, extraction_to_dict
from app.extract.pipeline import extract as extract_quotes


def extract(
    files: list[Path] = typer.Argument(..., help="Plain-text news files to read (UTF-8)."),
    as_json: bool = typer.Option(
        False, "--json", help="Print quotes and speakers as JSON (offsets index the file's text)."
    ),
) -> None:
    """Find every quote in the given files and say who said it."""
    documents = []
    for path in files:
        try:
            with path.open(encoding="utf-8", newline="") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError) as error:
            typer.echo(f"error: cannot read {path}: {error}", err=True)
            raise typer.Exit(code=2) from None
        documents.append((path, extract_quotes(text)))
    if as_json:
        payload = [
            {"document": str(path), **extraction_to_dict(extraction)}
            for path, extraction in documents
        ]
        typer.echo(json.dumps({"documents": payload}, ensure_ascii=False, indent=2))
        return
    console = Console()
    for path, extraction in documents:
        console.print(_table(str(path), extraction))


def _table(title: str, extraction: Extraction) -> Table:
    table = Table(title=title, show_lines=False)
    for column in ("kind", "speaker", "cue", "conf", "quote", "why"):
        table.add_column(column, overflow="fold")
    for quote in extraction.quotes:
        mention = f"{quote.speaker or '—'} ({quote.mention.text})" if quote.mention else "—"
        text = quote.text if len(quote.text) <= 120 else quote.text[:117] + "..."
        table.add_row(
            quote.kind, mention, quote.cue or "", f"{quote.confidence:.2f}", text, quote.method
        )
    return table
