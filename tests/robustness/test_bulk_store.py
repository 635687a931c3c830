"""Bulk ingestion stores a batch in one transaction without letting one bad document sink it."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import func, select

from app.models import Document, Passage
from app.schemas.documents import DocumentIn
from app.services import documents
from app.services.errors import Unprocessable


def test_a_batch_is_stored_with_every_document_and_its_passages(session, ft_payload, nato_payload):
    batch = [documents.prepare(DocumentIn(**p)) for p in (ft_payload, nato_payload)]
    results = documents.store_many(session, batch, "cli")
    assert [r.created for r in results] == [True, True]
    assert session.scalar(select(func.count()).select_from(Document)) == 2
    assert all(r.passage_count > 0 and r.quote_count > 0 for r in results)


def test_a_document_the_database_refuses_is_reported_and_the_rest_are_stored(
    session, ft_payload, nato_payload
):
    ft, nato = (documents.prepare(DocumentIn(**p)) for p in (ft_payload, nato_payload))
    # A kind the schema's CHECK constraint refuses, as if validation had let it through.
    refused = replace(nato, values={**nato.values, "kind": "leaflet"})
    results = documents.store_many(session, [refused, ft], "cli")
    assert isinstance(results[0], Unprocessable)
    assert "ck_documents_kind" in results[0].detail
    assert results[1].created
    stored = session.scalars(select(Document.title)).all()
    assert stored == [ft_payload["title"]]
    passages = session.scalar(select(func.count(func.distinct(Passage.document_id))))
    assert passages == 1
