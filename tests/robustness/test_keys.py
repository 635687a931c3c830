"""The key lifecycle from the command line: create (secret shown once), list, use, revoke."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from app.cli import cli


@pytest.fixture
def attest(db):
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(cli, ["keys", *args])

    return run


def _secret(output: str) -> str:
    return next(line for line in output.splitlines() if line.startswith("att_"))


def test_create_prints_a_secret_that_works_once_stored(attest, client):
    created = attest("create", "politics-desk", "--role", "editor")
    assert created.exit_code == 0, created.output
    headers = {"Authorization": f"Bearer {_secret(created.output)}"}
    assert client.get("/documents", headers=headers).status_code == 200


def test_list_shows_names_and_roles_but_never_secrets(attest, client):
    secret = _secret(attest("create", "politics-desk", "--role", "editor").output)
    listing = attest("list")
    assert listing.exit_code == 0
    assert "politics-desk" in listing.output and "editor" in listing.output
    assert secret not in listing.output


def test_a_used_key_records_when_it_was_last_used(attest, client, session):
    from sqlalchemy import select

    from app.models import ApiKey

    secret = _secret(attest("create", "politics-desk").output)
    client.get("/documents", headers={"Authorization": f"Bearer {secret}"})
    assert session.scalar(select(ApiKey.last_used_at).where(ApiKey.name == "politics-desk"))


def test_revoke_stops_the_key_at_once(attest, client):
    secret = _secret(attest("create", "politics-desk", "--role", "editor").output)
    assert attest("revoke", "politics-desk").exit_code == 0
    response = client.get("/documents", headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == 401


@pytest.mark.parametrize(
    "args",
    [
        ("create", "politics-desk", "--role", "superuser"),
        ("create", "   "),
        ("revoke", "no-such-key"),
    ],
)
def test_bad_key_commands_exit_non_zero_with_a_message(attest, args):
    result = attest(*args)
    assert result.exit_code == 1
    assert result.output.strip()


def test_a_second_key_with_the_same_name_is_refused(attest):
    attest("create", "politics-desk")
    again = attest("create", "politics-desk", "--role", "admin")
    assert again.exit_code == 1
    assert "already exists" in again.output
