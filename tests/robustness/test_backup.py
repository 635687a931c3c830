"""Backup: export to JSON Lines, import into an empty database, and nothing changes on the way."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, select, text
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from app.cli import cli
from app.services import backup
from app.services.errors import Conflict
from tests.conftest import create_database, drop_database
from tests.robustness.conftest import ALLIANCE_REPORT


@pytest.fixture
def newsroom(client, editor, admin, ft_payload, nato_payload) -> dict[str, Any]:
    """A database with documents, quotes, speakers (one merged), a claim with evidence, audit."""
    for payload in (ft_payload, nato_payload, ALLIANCE_REPORT):
        assert client.post("/documents", json=payload, headers=editor).status_code == 201
    found = client.get("/speakers", params={"q": "stoltenberg"}, headers=editor).json()["items"]
    older, newer = sorted(s["id"] for s in found)[:2]
    # Merging the older speaker into the newer one makes a row point at a later row.
    merged = client.post(f"/speakers/{older}/merge", json={"into": newer}, headers=admin)
    assert merged.status_code == 200, merged.text
    quote = client.get("/quotes", headers=editor).json()["items"][0]
    client.patch(f"/quotes/{quote['id']}", json={"status": "confirmed"}, headers=editor)
    claim = client.post(
        "/claims",
        json={"text": "NATO suspended its Iraq training", "tags": ["nato"]},
        headers=editor,
    ).json()
    words = "suspended its training mission in Iraq"
    document = client.get("/documents", headers=editor).json()["items"][0]
    evidence = {"document_id": document["id"], "exact": words}
    assert (
        client.post(f"/claims/{claim['id']}/evidence", json=evidence, headers=editor).status_code
        == 201
    )
    return {"merged": older, "into": newer}


@pytest.fixture
def empty_database(server_url: str) -> Iterator[Engine]:
    from app.db import migrate

    url = create_database(server_url, f"attest_restore_{uuid.uuid4().hex[:8]}")
    migrate.upgrade(url)
    engine = create_engine(url)
    yield engine
    engine.dispose()
    drop_database(url)


def _engine() -> Engine:
    from app.db.engine import get_engine

    return get_engine()


def _files(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())}


def _without_time(manifest: str) -> dict[str, Any]:
    data = json.loads(manifest)
    data.pop("exported_at")
    return data


def test_export_writes_one_jsonl_file_per_table_and_a_manifest(newsroom, tmp_path):
    manifest = backup.export(_engine(), tmp_path / "export")
    files = _files(tmp_path / "export")
    assert set(files) == {f"{t.name}.jsonl" for t in backup.tables()} | {"manifest.json"}
    assert json.loads(files["manifest.json"])["schema_revision"] == manifest.schema_revision
    for table, count in manifest.tables.items():
        assert len(files[f"{table}.jsonl"].splitlines()) == count
    assert manifest.tables["documents"] == 3 and manifest.tables["evidence"] == 1


def test_generated_search_vectors_are_not_exported(newsroom, tmp_path):
    backup.export(_engine(), tmp_path / "export")
    first_passage = json.loads((tmp_path / "export" / "passages.jsonl").read_text().splitlines()[0])
    assert "tsv" not in first_passage and "text" in first_passage


def test_export_import_export_round_trips_every_row_exactly(newsroom, tmp_path, empty_database):
    backup.export(_engine(), tmp_path / "first")
    backup.import_(empty_database, tmp_path / "first")
    backup.export(empty_database, tmp_path / "second")
    first, second = _files(tmp_path / "first"), _files(tmp_path / "second")
    assert _without_time(first.pop("manifest.json")) == _without_time(second.pop("manifest.json"))
    assert first == second


def test_an_import_regenerates_search_vectors(newsroom, tmp_path, empty_database):
    backup.export(_engine(), tmp_path / "export")
    backup.import_(empty_database, tmp_path / "export")
    query = text("SELECT count(*) FROM passages WHERE tsv @@ to_tsquery('english', 'terrorism')")
    with _engine().connect() as original, empty_database.connect() as restored:
        expected = original.execute(query).scalar_one()
        assert expected > 0
        assert restored.execute(query).scalar_one() == expected


def test_an_import_keeps_the_merge_that_points_at_a_later_speaker(
    newsroom, tmp_path, empty_database
):
    from app.models import Speaker

    backup.export(_engine(), tmp_path / "export")
    backup.import_(empty_database, tmp_path / "export")
    with Session(empty_database) as session:
        merged = session.get_one(Speaker, newsroom["merged"])
        assert merged.merged_into_id == newsroom["into"]


def test_new_rows_after_an_import_do_not_collide_with_imported_ids(
    newsroom, tmp_path, empty_database
):
    from app.models import Document
    from app.schemas.documents import DocumentIn
    from app.services import documents

    backup.export(_engine(), tmp_path / "export")
    backup.import_(empty_database, tmp_path / "export")
    later = DocumentIn(
        title="Alliance resumes training",
        text="Mr Stoltenberg said the alliance would resume training Iraqi forces next month.",
    )
    with Session(empty_database, expire_on_commit=False) as session:
        stored = documents.ingest(session, later, "night-desk")
        ids = session.scalars(select(Document.id)).all()
    assert stored.document.id == max(ids) and len(set(ids)) == 4


def test_an_import_into_a_database_with_rows_is_refused_and_changes_nothing(newsroom, tmp_path):
    backup.export(_engine(), tmp_path / "export")
    with _engine().connect() as connection:
        before = connection.execute(text("SELECT count(*) FROM audit_log")).scalar_one()
    with pytest.raises(Conflict, match="not empty"):
        backup.import_(_engine(), tmp_path / "export")
    with _engine().connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM audit_log")).scalar_one() == before


def test_a_truncated_export_is_refused_and_leaves_the_database_empty(
    newsroom, tmp_path, empty_database
):
    folder = tmp_path / "export"
    backup.export(_engine(), folder)
    quotes = (folder / "quotes.jsonl").read_text().splitlines(keepends=True)
    (folder / "quotes.jsonl").write_text("".join(quotes[:-1]))
    with pytest.raises(backup.Unprocessable, match=r"quotes\.jsonl"):
        backup.import_(empty_database, folder)
    with empty_database.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM documents")).scalar_one() == 0


def test_export_refuses_a_folder_that_is_not_empty(newsroom, tmp_path):
    (tmp_path / "notes.txt").write_text("desk notes")
    with pytest.raises(Conflict, match="not empty"):
        backup.export(_engine(), tmp_path)


def test_the_cli_exports_and_refuses_to_import_over_existing_rows(newsroom, tmp_path):
    runner = CliRunner()
    exported = runner.invoke(cli, ["export", str(tmp_path / "export")])
    assert exported.exit_code == 0, exported.output
    assert (tmp_path / "export" / "manifest.json").exists()
    refused = runner.invoke(cli, ["import", str(tmp_path / "export")])
    assert refused.exit_code == 1
    assert "not empty" in refused.output


def _next_ids(engine: Engine) -> dict[str, int]:
    """The id each table's identity sequence gives its next row, read without taking one."""
    positions = {}
    with engine.connect() as connection:
        for table in backup.tables():
            sequence = connection.execute(
                text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table.name}
            ).scalar_one()
            if sequence is None:
                continue
            last, called = connection.execute(
                text(f"SELECT last_value, is_called FROM {sequence}")
            ).one()
            positions[table.name] = last + 1 if called else last
    return positions


def test_an_import_gives_new_rows_ids_after_those_deleted_before_the_export(
    newsroom, client, admin, editor, tmp_path, empty_database
):
    from app.models import Document
    from app.schemas.documents import DocumentIn
    from app.services import documents

    late = client.post(
        "/documents",
        json={"title": "Late edition", "text": "Mr Stoltenberg said the talks would go on."},
        headers=editor,
    ).json()
    assert client.delete(f"/documents/{late['id']}", headers=admin).status_code == 204
    backup.export(_engine(), tmp_path / "export")
    backup.import_(empty_database, tmp_path / "export")
    assert _next_ids(empty_database) == _next_ids(_engine())
    later = DocumentIn(title="Talks resume", text="Mr Stoltenberg said the talks resumed today.")
    with Session(empty_database, expire_on_commit=False) as session:
        stored = documents.ingest(session, later, "night-desk")
        assert session.get(Document, late["id"]) is None
    assert stored.document.id > late["id"]


def test_a_malformed_row_is_reported_by_file_line_and_problem_and_nothing_is_imported(
    newsroom, tmp_path, empty_database
):
    folder = tmp_path / "export"
    backup.export(_engine(), folder)
    rows = (folder / "documents.jsonl").read_text().splitlines()
    second = json.loads(rows[1])
    second["published_at"] = "the day before yesterday"
    rows[1] = json.dumps(second)
    (folder / "documents.jsonl").write_text("\n".join(rows) + "\n")
    with pytest.raises(backup.Unprocessable) as refused:
        backup.import_(empty_database, folder)
    assert refused.value.detail.startswith("documents.jsonl line 2: ")
    assert "the day before yesterday" in refused.value.detail
    with empty_database.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM documents")).scalar_one() == 0


def test_a_row_that_is_not_json_is_reported_by_file_and_line(newsroom, tmp_path, empty_database):
    folder = tmp_path / "export"
    backup.export(_engine(), folder)
    rows = (folder / "quotes.jsonl").read_text().splitlines()
    rows[2] = rows[2][: len(rows[2]) // 2]
    (folder / "quotes.jsonl").write_text("\n".join(rows) + "\n")
    with pytest.raises(backup.Unprocessable, match=r"^quotes\.jsonl line 3: not a JSON object"):
        backup.import_(empty_database, folder)


def test_a_row_naming_a_missing_parent_is_reported_by_file_and_line(
    newsroom, tmp_path, empty_database
):
    folder = tmp_path / "export"
    backup.export(_engine(), folder)
    rows = (folder / "evidence.jsonl").read_text().splitlines()
    first = json.loads(rows[0])
    first["document_id"] = 4096
    rows[0] = json.dumps(first)
    (folder / "evidence.jsonl").write_text("\n".join(rows) + "\n")
    with pytest.raises(backup.Unprocessable) as refused:
        backup.import_(empty_database, folder)
    assert refused.value.detail.startswith("evidence.jsonl line 1: ")
    assert "4096" in refused.value.detail


def test_the_cli_reports_a_malformed_row_in_one_line_without_a_traceback(
    newsroom, tmp_path, empty_database, monkeypatch
):
    folder = tmp_path / "export"
    backup.export(_engine(), folder)
    rows = (folder / "claims.jsonl").read_text().splitlines()
    claim = json.loads(rows[0])
    claim["rating_value"] = "five stars"
    rows[0] = json.dumps(claim)
    (folder / "claims.jsonl").write_text("\n".join(rows) + "\n")
    monkeypatch.setenv("DATABASE_URL", empty_database.url.render_as_string(hide_password=False))
    from app.config import get_settings
    from app.db.engine import get_engine, get_sessionmaker

    for cached in (get_settings, get_engine, get_sessionmaker):
        cached.cache_clear()
    try:
        result = CliRunner().invoke(cli, ["import", str(folder)])
    finally:
        monkeypatch.undo()
        for cached in (get_settings, get_engine, get_sessionmaker):
            cached.cache_clear()
    assert result.exit_code == 1
    # The first line names the database (every command on the database says which it uses).
    announced, *lines = result.output.strip().splitlines()
    assert announced.startswith("Database: "), result.output
    assert len(lines) == 1, result.output
    assert lines[0].startswith("claims.jsonl line 1: ") and "five stars" in lines[0]
    with empty_database.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM claims")).scalar_one() == 0
