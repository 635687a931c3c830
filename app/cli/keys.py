"""`attest keys`: create, list and revoke API keys."""

from __future__ import annotations

import typer
from rich.table import Table

from app.cli.actor import cli_actor
from app.cli.database import console, ready_database_url, reporting_errors
from app.db.engine import get_sessionmaker
from app.services import keys

keys_cli = typer.Typer(help="Manage API keys.", no_args_is_help=True)


@keys_cli.command("create")
def create(
    name: str = typer.Argument(..., help="Who or what the key is for, e.g. 'desk-tool'."),
    role: str = typer.Option("reader", help="reader, editor or admin."),
) -> None:
    """Create a key; its secret is printed once and never stored."""
    ready_database_url()
    with reporting_errors(), get_sessionmaker()() as session:
        key, secret = keys.create_key(session, name, role, actor=cli_actor())
    console.print(
        f"Created {key.role} key [bold]{key.name}[/]. Store it now; it is not shown again:"
    )
    typer.echo(secret)


@keys_cli.command("list")
def list_keys() -> None:
    """List keys (names, roles, prefixes; never secrets)."""
    ready_database_url()
    with get_sessionmaker()() as session:
        rows = keys.list_keys(session)
    table = Table("name", "role", "prefix", "created", "last used", "revoked")
    for key in rows:
        table.add_row(
            key.name,
            key.role,
            key.prefix + "…",
            f"{key.created_at:%Y-%m-%d %H:%M}",
            f"{key.last_used_at:%Y-%m-%d %H:%M}" if key.last_used_at else "-",
            f"{key.revoked_at:%Y-%m-%d %H:%M}" if key.revoked_at else "-",
        )
    console.print(table)


@keys_cli.command("revoke")
def revoke(name: str = typer.Argument(..., help="The key's name.")) -> None:
    """Revoke a key at once."""
    ready_database_url()
    with reporting_errors(), get_sessionmaker()() as session:
        keys.revoke_key(session, name, actor=cli_actor())
    console.print(f"Revoked key [bold]{name}[/].")
