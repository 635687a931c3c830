"""The `attest` command line."""

from __future__ import annotations

import typer

from app.cli import backup, extract, ingest, keys, serve, verify

cli = typer.Typer(
    name="attest",
    help="Attest: quotes, speakers and claims for newsrooms.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
)
cli.command("serve")(serve.serve)
cli.command("migrate")(serve.migrate_command)
cli.command("ingest")(ingest.ingest)
cli.command("extract")(extract.extract)
cli.command("verify")(verify.verify)
cli.add_typer(keys.keys_cli, name="keys")
cli.command("export")(backup.export_command)
cli.command("import")(backup.import_command)


def main() -> None:
    cli()
