"""The `attest` command line against the test database."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from app.cli import cli
from tests.conftest import ARTICLE, SAMPLES, TRANSCRIPT


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def _body(name: str) -> str:
    """A sample's text as stored: the file after its front matter."""
    return (SAMPLES / name).read_text(encoding="utf-8").split("---\n", 2)[2]


def test_ingest_stores_text_files_and_summarises(runner, db, session):
    from sqlalchemy import select

    from app.models import Document

    result = runner.invoke(cli, ["ingest", str(SAMPLES / ARTICLE), str(SAMPLES / TRANSCRIPT)])
    assert result.exit_code == 0, result.output
    assert "2 stored, 0 already there, 0 failed" in result.output
    stored = session.scalars(select(Document).order_by(Document.id)).all()
    assert [d.text for d in stored] == [_body(ARTICLE), _body(TRANSCRIPT)]


def test_ingest_twice_reports_the_documents_as_already_there(runner, db):
    runner.invoke(cli, ["ingest", str(SAMPLES)])
    result = runner.invoke(cli, ["ingest", str(SAMPLES)])
    assert "0 stored, 2 already there" in result.output


def test_the_quick_start_samples_ingest_with_their_metadata_and_quotes(runner, db, session):
    """`attest ingest data/`, as the README's quick start runs it: an article and a
    press-conference transcript, with every kind of quote, one speaker known in both."""
    from sqlalchemy import select

    from app.models import Document, Quote, Speaker

    result = runner.invoke(cli, ["ingest", "--jobs", "1", str(SAMPLES)])
    assert result.exit_code == 0, result.output
    assert "2 stored, 0 already there, 0 failed" in result.output
    documents = session.scalars(select(Document).order_by(Document.published_at)).all()
    assert [(d.kind, d.publisher) for d in documents] == [
        ("transcript", "Calder Valley Water"),
        ("article", "Valley Herald"),
    ]
    kinds = set(session.scalars(select(Quote.kind)))
    assert kinds == {"direct", "partial", "indirect", "transcript", "question"}
    [ellery] = session.scalars(select(Speaker).where(Speaker.name == "Ruth Ellery")).all()
    quoted_in = session.scalars(select(Quote.document_id).where(Quote.speaker_id == ellery.id))
    assert set(quoted_in) == {d.id for d in documents}


def test_ingest_reads_metadata_from_json_lines(runner, db, session, tmp_path):
    from sqlalchemy import select

    from app.models import Document

    lines = [
        {
            "title": "Press conference: summer water restrictions",
            "text": _body(TRANSCRIPT),
            "publisher": "Calder Valley Water",
            "kind": "transcript",
            "published_at": "2024-06-20T10:00:00Z",
        },
        {
            "title": "Brief",
            "text": "The water company has warned that the ban could last into the autumn.",
        },
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    result = runner.invoke(cli, ["ingest", str(path)])
    assert result.exit_code == 0, result.output
    transcript = session.scalars(
        select(Document).where(Document.publisher == "Calder Valley Water")
    ).one()
    assert transcript.kind == "transcript"


def test_ingest_reports_bad_records_and_keeps_the_good_ones(runner, db, session, tmp_path):
    from sqlalchemy import func, select

    from app.models import Document

    path = tmp_path / "mixed.jsonl"
    path.write_text(
        '{"title": "Good", "text": "Mr Mehra said the company should do more."}\n'
        '{"title": "Bad"}\n'
        "not json\n",
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["ingest", str(path)])
    assert result.exit_code == 1
    assert "1 stored, 0 already there, 2 failed" in result.output
    assert session.scalar(select(func.count()).select_from(Document)) == 1


def test_ingest_of_a_missing_file_exits_2(runner, db, tmp_path):
    result = runner.invoke(cli, ["ingest", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert "No such file" in result.output


def test_keys_create_prints_the_secret_once_and_list_hides_it(runner, db):
    created = runner.invoke(cli, ["keys", "create", "desk", "--role", "editor"])
    assert created.exit_code == 0, created.output
    secret = created.output.strip().splitlines()[-1]
    assert secret.startswith("att_")
    listed = runner.invoke(cli, ["keys", "list"])
    assert "desk" in listed.output and "editor" in listed.output
    assert secret not in listed.output


def test_keys_revoke_disables_the_key(runner, client):
    secret = runner.invoke(cli, ["keys", "create", "desk"]).output.strip().splitlines()[-1]
    assert (
        client.get("/documents", headers={"Authorization": f"Bearer {secret}"}).status_code == 200
    )
    assert runner.invoke(cli, ["keys", "revoke", "desk"]).exit_code == 0
    assert (
        client.get("/documents", headers={"Authorization": f"Bearer {secret}"}).status_code == 401
    )


def test_keys_create_refuses_an_unknown_role(runner, db):
    result = runner.invoke(cli, ["keys", "create", "desk", "--role", "owner"])
    assert result.exit_code == 1
    assert "Role must be one of" in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["keys", "create", "desk"],
        ["keys", "list"],
        ["keys", "revoke", "nobody"],
        ["migrate"],
        ["ingest", str(SAMPLES / TRANSCRIPT)],
        ["verify", "training activities", "--json"],
        ["export", "{tmp}/export"],
        ["import", "{tmp}/nothing"],
    ],
    ids=[
        "keys create",
        "keys list",
        "keys revoke",
        "migrate",
        "ingest",
        "verify",
        "export",
        "import",
    ],
)
def test_every_command_on_the_database_names_it_on_one_line(
    runner, db, database_url, tmp_path, args
):
    from sqlalchemy import make_url

    args = [arg.format(tmp=tmp_path) for arg in args]
    result = runner.invoke(cli, args, terminal_width=40)
    shown = make_url(database_url).render_as_string(hide_password=True)
    assert f"Database: {shown} (DATABASE_URL)\n" in result.stderr, result.output
    assert "Database:" not in result.stdout  # machine-readable output stays clean


def test_the_database_line_hides_a_password(monkeypatch):
    from app.config import get_settings
    from app.db.engine import describe_database

    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://desk:s3cret@db.example:5432/attest")
    get_settings.cache_clear()
    try:
        described = describe_database()
    finally:
        get_settings.cache_clear()
    assert "s3cret" not in described
    assert described == "postgresql+psycopg://desk:***@db.example:5432/attest (DATABASE_URL)"


def test_an_embedded_database_left_in_var_by_an_older_version_is_pointed_out(tmp_path, monkeypatch):
    from app.cli.database import legacy_database
    from app.config import get_settings

    (tmp_path / "var" / "postgres").mkdir(parents=True)
    (tmp_path / "var" / "postgres" / "PG_VERSION").write_text("16\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("ATTEST_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    get_settings.cache_clear()
    try:
        assert legacy_database() == tmp_path / "var" / "postgres"
        monkeypatch.setenv("ATTEST_DATA_DIR", "var")  # chosen explicitly: nothing to point out
        get_settings.cache_clear()
        assert legacy_database() is None
    finally:
        get_settings.cache_clear()


def test_migrate_to_a_revision_stops_there(server_url, monkeypatch):
    import uuid

    import psycopg
    from sqlalchemy import make_url

    from app.config import get_settings
    from tests.conftest import create_database, drop_database

    url = create_database(server_url, f"attest_migrate_{uuid.uuid4().hex[:8]}")
    monkeypatch.setenv("DATABASE_URL", url)
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(cli, ["migrate", "0003"])
        assert result.exit_code == 0, result.output
        plain = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(plain) as connection:
            [(revision,)] = connection.execute("SELECT version_num FROM alembic_version")
        assert revision == "0003"
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()
        drop_database(url)


def test_cli_writes_are_audited_as_the_os_user(runner, db, session, monkeypatch):
    from sqlalchemy import select

    from app.models import AuditEntry

    monkeypatch.setenv("LOGNAME", "hwarrell")  # what getpass reads first for the user's name
    assert runner.invoke(cli, ["ingest", "--jobs", "1", str(SAMPLES / TRANSCRIPT)]).exit_code == 0
    assert runner.invoke(cli, ["keys", "create", "desk"]).exit_code == 0
    assert runner.invoke(cli, ["keys", "revoke", "desk"]).exit_code == 0
    entries = session.execute(select(AuditEntry.entity_type, AuditEntry.actor)).all()
    assert {entity for entity, _ in entries} >= {"document", "api_key"}
    assert {actor for _, actor in entries} == {"cli:hwarrell"}


def test_an_actor_given_to_ingest_is_recorded_as_given(runner, db, session):
    from sqlalchemy import select

    from app.models import AuditEntry

    result = runner.invoke(
        cli, ["ingest", "--jobs", "1", "--actor", "feed-bot", str(SAMPLES / TRANSCRIPT)]
    )
    assert result.exit_code == 0, result.output
    assert set(session.scalars(select(AuditEntry.actor))) == {"feed-bot"}
