"""Passages and quotes carry their document's publisher and date, which search filters read."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import create_engine, text

from app.db.transaction import write
from tests.conftest import create_database, drop_database

FT_DATE = datetime(2020, 1, 9, 12, tzinfo=UTC)


def _facets(session, table: str, document_id: int) -> set[tuple]:
    rows = session.execute(
        text(f"SELECT DISTINCT publisher, published_at FROM {table} WHERE document_id = :d"),
        {"d": document_id},
    )
    return {tuple(row) for row in rows}


def test_passages_and_quotes_carry_their_documents_publisher_and_date(seeded, session):
    ft = seeded["ft"]
    for table in ("passages", "quotes"):
        assert _facets(session, table, ft["id"]) == {("Financial Times", FT_DATE)}


def test_a_corrected_publisher_reaches_the_documents_passages_and_quotes(seeded, session):
    ft = seeded["ft"]
    with write(session):
        session.execute(
            text("UPDATE documents SET publisher = 'FT' WHERE id = :d"), {"d": ft["id"]}
        )
    for table in ("passages", "quotes"):
        assert _facets(session, table, ft["id"]) == {("FT", FT_DATE)}


def test_a_passage_cannot_be_given_another_publisher_than_its_documents(seeded, session):
    ft = seeded["ft"]
    with write(session):
        session.execute(
            text("UPDATE passages SET publisher = 'Someone else' WHERE document_id = :d"),
            {"d": ft["id"]},
        )
    assert _facets(session, "passages", ft["id"]) == {("Financial Times", FT_DATE)}


def test_upgrading_an_archive_copies_the_facets_onto_rows_already_stored(server_url):
    from app.db import migrate

    url = create_database(server_url, f"attest_facets_{uuid.uuid4().hex[:8]}")
    engine = create_engine(url)
    try:
        migrate.upgrade(url, "0002")
        with engine.begin() as conn:
            document_id = conn.execute(
                text(
                    "INSERT INTO documents (title, text, content_sha256, publisher, published_at) "
                    "VALUES ('Nato suspends training', 'Nato suspended its training.', "
                    "repeat('a', 64), 'Financial Times', '2020-01-09T12:00:00Z') RETURNING id"
                )
            ).scalar_one()
            conn.execute(
                text(
                    'INSERT INTO passages (document_id, kind, ordinal, paragraph, start, "end", '
                    "text) VALUES (:d, 'paragraph', 0, 0, 0, 28, 'Nato suspended its training.')"
                ),
                {"d": document_id},
            )
        migrate.upgrade(url)
        with engine.connect() as conn:
            stored = conn.execute(text("SELECT publisher, published_at FROM passages")).one()
        assert tuple(stored) == ("Financial Times", FT_DATE)
    finally:
        engine.dispose()
        drop_database(url)
