"""The `attest` command line."""

from __future__ import annotations

import typer

from app.cli import extract

cli = typer.Typer(
    name="attest",
    help="Attest: quotes, speakers and claims for newsrooms.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
)
cli.command("extract")(extract.extract)


def main() -> None:
    cli()
