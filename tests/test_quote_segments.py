"""Split quotes (one quote in several segments) and partial quotes' reported clauses, from the
quote engine through the store, the API, search, verification, backup and migration 0007."""

from __future__ import annotations

import itertools
import json
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, inspect, select, text
from sqlalchemy.exc import IntegrityError

from app.db.transaction import write
from tests.conftest import create_database, drop_database

HARBOUR = {
    "title": "Mayor rules out closing the harbour",
    "text": (
        "“We will not close the harbour,” the mayor, Ana Ruiz, said on Tuesday. "
        "“Not this winter, not ever.”\n\n"
        "Fishing crews had feared that the old berths would be sold to a hotel group. "
        "Ruiz called the plan “a gift to developers” at a council meeting.\n\n"
        "The port authority said it would publish its own figures next month.\n"
    ),
    "publisher": "Coastal Courier",
    "kind": "article",
    "published_at": "2024-11-05T09:00:00Z",
}
FIRST_PIECE = "We will not close the harbour,"
SECOND_PIECE = "Not this winter, not ever."
PARTIAL = "a gift to developers"


def _at(document_text: str, span: dict[str, int]) -> str:
    return document_text[span["start"] : span["end"]]


def _joined(document_text: str, quote: dict[str, Any]) -> str:
    return " ".join(_at(document_text, segment) for segment in quote["segments"])


@pytest.fixture
def harbour(client, editor) -> dict[str, Any]:
    response = client.post("/documents", json=HARBOUR, headers=editor)
    assert response.status_code == 201, response.text
    return response.json()


@pytest.fixture
def harbour_quotes(client, reader, harbour) -> list[dict[str, Any]]:
    response = client.get(f"/documents/{harbour['id']}/quotes", headers=reader)
    assert response.status_code == 200, response.text
    return response.json()["items"]


def _containing(quotes: list[dict[str, Any]], words: str) -> list[dict[str, Any]]:
    return [q for q in quotes if words in q["text"]]


# The engine's side (commit a182fab): '“A,” X said. “B.”' is one quote in two segments.
def test_a_split_quote_is_one_quote_with_a_segment_per_piece(harbour, harbour_quotes):
    document = HARBOUR["text"]
    [quote] = _containing(harbour_quotes, "We will not close the harbour")
    assert not [q for q in harbour_quotes if q is not quote and SECOND_PIECE in q["text"]]
    first, second = quote["segments"]
    assert _at(document, first) == FIRST_PIECE
    assert _at(document, second) == SECOND_PIECE
    assert quote["text"] == f"{FIRST_PIECE} {SECOND_PIECE}"
    assert (quote["start"], quote["end"]) == (first["start"], second["end"])
    assert quote["speaker"]["name"] == "Ana Ruiz"
    assert quote["clause"] is None


def test_a_partial_quote_carries_the_reported_clause_around_its_words(harbour_quotes):
    document = HARBOUR["text"]
    [quote] = _containing(harbour_quotes, PARTIAL)
    assert quote["kind"] == "partial"
    assert quote["text"] == PARTIAL == _at(document, quote)
    assert quote["segments"] == [{"start": quote["start"], "end": quote["end"]}]
    clause = quote["clause"]
    assert clause is not None
    assert clause["start"] < quote["start"] and quote["end"] < clause["end"]
    reported = _at(document, clause)
    assert f"the plan “{PARTIAL}” at a council meeting" in reported
    assert "Ruiz" not in reported and "Fishing" not in reported


def test_every_quote_is_its_segments_joined_and_only_partial_quotes_have_a_clause(
    client, editor, reader, harbour, ft_payload, nato_payload
):
    for payload in (ft_payload, nato_payload):
        assert client.post("/documents", json=payload, headers=editor).status_code == 201
    for document in client.get("/documents", headers=reader).json()["items"]:
        body = client.get(f"/documents/{document['id']}", headers=reader).json()["text"]
        quotes = client.get(
            f"/documents/{document['id']}/quotes", params={"limit": 200}, headers=reader
        ).json()["items"]
        assert quotes
        for quote in quotes:
            segments = quote["segments"]
            assert segments and quote["text"] == _joined(body, quote)
            assert (quote["start"], quote["end"]) == (segments[0]["start"], segments[-1]["end"])
            assert all(a["end"] <= b["start"] for a, b in itertools.pairwise(segments))
            if quote["kind"] != "partial":
                assert quote["clause"] is None, quote


def test_every_quote_route_shows_segments_and_clause(client, reader, harbour, harbour_quotes):
    by_id = {q["id"]: q for q in harbour_quotes}
    [partial] = _containing(harbour_quotes, PARTIAL)
    speaker_id = partial["speaker"]["id"]
    routes = [
        ("/quotes", {}),
        (f"/speakers/{speaker_id}/quotes", {}),
        (f"/speakers/{speaker_id}/quotes", {"q": "developers"}),
    ]
    for path, params in routes:
        items = client.get(path, params=params, headers=reader).json()["items"]
        assert items, path
        for item in items:
            expected = by_id[item["id"]]
            assert (item["segments"], item["clause"]) == (
                expected["segments"],
                expected["clause"],
            ), path
    one = client.get(f"/quotes/{partial['id']}", headers=reader).json()
    assert (one["segments"], one["clause"]) == (partial["segments"], partial["clause"])


def test_an_editors_correction_keeps_segments_and_clause(client, editor, harbour_quotes):
    [partial] = _containing(harbour_quotes, PARTIAL)
    corrected = client.patch(
        f"/quotes/{partial['id']}", json={"status": "confirmed"}, headers=editor
    ).json()
    assert (corrected["segments"], corrected["clause"]) == (partial["segments"], partial["clause"])


def test_quote_search_hits_carry_segments_and_clause_and_passages_do_not(
    client, reader, harbour_quotes
):
    [partial] = _containing(harbour_quotes, PARTIAL)
    hits = client.get(
        "/search", params={"q": "developers", "type": "quote"}, headers=reader
    ).json()["items"]
    [hit] = [h for h in hits if h["id"] == partial["id"]]
    assert (hit["segments"], hit["clause"]) == (partial["segments"], partial["clause"])
    passages = client.get("/search", params={"q": "developers"}, headers=reader).json()["items"]
    assert passages and all(h["segments"] is None and h["clause"] is None for h in passages)
    claims = client.get("/search", params={"q": "harbour", "type": "claim"}, headers=reader)
    assert claims.status_code == 200


# The engine's side again: the split quote is one hit, in two segments.
def test_a_split_quote_is_found_by_search_as_one_hit(client, reader, harbour):
    hits = client.get(
        "/search", params={"q": "harbour winter", "type": "quote"}, headers=reader
    ).json()["items"]
    [hit] = hits
    assert [_at(HARBOUR["text"], s) for s in hit["segments"]] == [FIRST_PIECE, SECOND_PIECE]


def test_the_openapi_document_describes_segments_and_clause(client):
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    for name in ("QuoteOut", "SearchHitOut"):
        properties = schemas[name]["properties"]
        assert properties["segments"]["description"], name
        assert properties["clause"]["description"], name
    span = schemas["SpanOut"]["properties"]
    assert set(span) == {"start", "end"} and all(p["description"] for p in span.values())
    example = schemas["QuoteOut"]["examples"][0]
    assert example["segments"] == [{"start": example["start"], "end": example["end"]}]


def test_bulk_ingestion_stores_segments_and_clause(session):
    from app.models import Quote
    from app.schemas.documents import DocumentIn
    from app.services import documents

    prepared = documents.prepare(DocumentIn(**HARBOUR))
    [result] = documents.store_many(session, [prepared], "cli")
    assert result.created
    stored = {
        q.text: q
        for q in session.scalars(select(Quote).where(Quote.document_id == result.document.id))
    }
    for extracted in prepared.extraction.quotes:
        row = stored[extracted.text]
        assert row.segments == [{"start": s.start, "end": s.end} for s in extracted.segments]
        clause = (extracted.clause.start, extracted.clause.end) if extracted.clause else None
        assert (row.clause_start, row.clause_end) == (clause or (None, None))
    assert any(q.clause_start is not None for q in stored.values())


@pytest.mark.parametrize(
    ("change", "constraint"),
    [
        ("segments = '[]'", "ck_quotes_segments"),
        ('segments = \'{"start": 0, "end": 5}\'', "ck_quotes_segments"),
        ("segments = NULL", "segments"),
        ("clause_start = 3, clause_end = NULL", "ck_quotes_clause"),
        ("clause_start = NULL, clause_end = 9", "ck_quotes_clause"),
        ("clause_start = 9, clause_end = 9", "ck_quotes_clause"),
        ("clause_start = -1, clause_end = 9", "ck_quotes_clause"),
    ],
)
def test_the_database_refuses_empty_segments_and_half_a_clause(
    session, harbour, change, constraint
):
    with pytest.raises(IntegrityError, match=constraint), session.begin():
        session.execute(
            text(f"UPDATE quotes SET {change} WHERE document_id = :d"), {"d": harbour["id"]}
        )


def test_verify_gives_document_offsets_across_a_split_quotes_segments(
    client, reader, session, harbour
):
    """A split quote stored as the engine shapes it: claimed words across both segments match
    the quote verbatim, and the offsets point at the first piece's start and the last's end."""
    document = HARBOUR["text"]
    first = document.index(FIRST_PIECE)
    second = document.index(SECOND_PIECE)
    segments = [
        {"start": first, "end": first + len(FIRST_PIECE)},
        {"start": second, "end": second + len(SECOND_PIECE)},
    ]
    with write(session):
        session.execute(
            text("DELETE FROM quotes WHERE document_id = :d AND start < :end"),
            {"d": harbour["id"], "end": segments[1]["end"]},
        )
        session.execute(
            text(
                'INSERT INTO quotes (document_id, kind, start, "end", text, segments, '
                "confidence, method) VALUES (:d, 'direct', :start, :end, :text, "
                "CAST(:segments AS jsonb), 0.95, 'direct:quote-then-X-said')"
            ),
            {
                "d": harbour["id"],
                "start": segments[0]["start"],
                "end": segments[1]["end"],
                "text": f"{FIRST_PIECE} {SECOND_PIECE}",
                "segments": json.dumps(segments),
            },
        )
    claimed = "We will not close the harbour. Not this winter, not ever."
    response = client.post("/verify", json={"text": claimed}, headers=reader)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["verdict"] == "verbatim"
    match = body["matches"][0]
    assert (match["start"], match["end"]) == (segments[0]["start"], segments[1]["end"] - 1)
    assert match["source_text"] == "We will not close the harbour, Not this winter, not ever"


# Backup -------------------------------------------------------------------------------------


@pytest.fixture
def empty_database(server_url: str) -> Iterator[Engine]:
    from app.db import migrate

    url = create_database(server_url, f"attest_segments_{uuid.uuid4().hex[:8]}")
    migrate.upgrade(url)
    engine = create_engine(url)
    yield engine
    engine.dispose()
    drop_database(url)


QUOTE_SHAPE = text(
    'SELECT id, text, start, "end", segments, clause_start, clause_end FROM quotes ORDER BY id'
)


def test_export_and_import_keep_segments_and_clauses(harbour, tmp_path, empty_database):
    from app.db.engine import get_engine
    from app.services import backup

    backup.export(get_engine(), tmp_path / "export")
    exported = [json.loads(line) for line in (tmp_path / "export" / "quotes.jsonl").open()]
    assert all(row["segments"] for row in exported)
    assert any(row["clause_start"] is not None for row in exported)
    backup.import_(empty_database, tmp_path / "export")
    with get_engine().connect() as original, empty_database.connect() as restored:
        assert restored.execute(QUOTE_SHAPE).all() == original.execute(QUOTE_SHAPE).all()


# Migration 0007 ------------------------------------------------------------------------------


def _quote_columns(engine: Engine) -> set[str]:
    return {column["name"] for column in inspect(engine).get_columns("quotes")}


def test_migration_0007_gives_stored_quotes_one_segment_and_goes_down_and_up(server_url):
    from app.db import migrate

    url = create_database(server_url, f"attest_0007_{uuid.uuid4().hex[:8]}")
    engine = create_engine(url)
    try:
        migrate.upgrade(url, "0006")
        with engine.begin() as conn:
            document_id = conn.execute(
                text(
                    "INSERT INTO documents (title, text, content_sha256) VALUES "
                    "('Harbour', :text, repeat('b', 64)) RETURNING id"
                ),
                {"text": HARBOUR["text"]},
            ).scalar_one()
            conn.execute(
                text(
                    'INSERT INTO quotes (document_id, kind, start, "end", text, confidence, '
                    "method) VALUES (:d, 'direct', 1, 31, :t, 0.9, 'direct:quote-then-X-said'), "
                    "(:d, 'partial', 200, 220, 'a gift to developers', 0.9, 'partial')"
                ),
                {"d": document_id, "t": FIRST_PIECE},
            )
        migrate.upgrade(url, "0007")
        with engine.connect() as conn:
            rows = conn.execute(
                text('SELECT start, "end", segments, clause_start, clause_end FROM quotes')
            ).all()
        assert sorted(rows) == [
            (1, 31, [{"start": 1, "end": 31}], None, None),
            (200, 220, [{"start": 200, "end": 220}], None, None),
        ]
        with pytest.raises(IntegrityError, match="ck_quotes_segments"), engine.begin() as conn:
            conn.execute(text("UPDATE quotes SET segments = '[]'"))

        migrate.downgrade(url, "0006")
        assert not {"segments", "clause_start", "clause_end"} & _quote_columns(engine)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM quotes")).scalar_one() == 2
        migrate.upgrade(url)
        assert {"segments", "clause_start", "clause_end"} <= _quote_columns(engine)
    finally:
        engine.dispose()
        drop_database(url)
