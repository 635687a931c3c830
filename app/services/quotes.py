"""Quotes: listing with filters, reading, and editors' corrections."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from app.db.transaction import write
from app.models import Document, Quote, Speaker
from app.services import audit
from app.services.errors import NotFound, Unprocessable
from app.services.pagination import Page, keyset, page_of
from app.vocabulary import AuditAction, EntityType, QuoteKind

CORRECTABLE = ("speaker_id", "kind", "status")


def get_quote(session: Session, quote_id: int) -> Quote:
    quote = session.get(Quote, quote_id, options=[joinedload(Quote.document)])
    if quote is None:
        raise NotFound(f"Quote {quote_id} does not exist.")
    return quote


def list_quotes(
    session: Session,
    *,
    speaker_id: int | None = None,
    document_id: int | None = None,
    kind: QuoteKind | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    cursor: str | None = None,
    limit: int = 50,
) -> Page[Quote]:
    """Quotes newest first; within one document, in reading order."""
    query = select(Quote).join(Document).options(joinedload(Quote.document))
    if speaker_id is not None:
        query = query.where(Quote.speaker_id == speaker_id)
    if kind:
        query = query.where(Quote.kind == kind)
    if since:
        query = query.where(Document.published_at >= since)
    if until:
        query = query.where(Document.published_at < until)
    if document_id is not None:
        query = query.where(Quote.document_id == document_id)
        query = keyset(query, [Quote.start, Quote.id], cursor, limit)
        return page_of(session.scalars(query).all(), limit, lambda q: [q.start, q.id])
    query = keyset(query, [Quote.id], cursor, limit, descending=True)
    return page_of(session.scalars(query).all(), limit, lambda q: [q.id])


def correct_quote(session: Session, quote_id: int, changes: dict[str, object], actor: str) -> Quote:
    """Apply an editor's correction of speaker, kind or status, recording before and after.

    A new speaker is locked (shared) before the quote, in the order merges lock speakers and
    then quotes: a merge of that speaker waits for the correction and moves the quote with the
    others, or, done first, makes the correction a 422 naming the speaker it went into.
    """
    missing = NotFound(f"Quote {quote_id} does not exist.")
    with write(session):
        if session.get(Quote, quote_id) is None:
            raise missing
        speaker = (
            _speaker(session, changes["speaker_id"])
            if changes.get("speaker_id") is not None
            else None
        )
        quote = session.get(Quote, quote_id, with_for_update=True, populate_existing=True)
        if quote is None:  # its document was deleted meanwhile
            raise missing
        before = {field: getattr(quote, field) for field in CORRECTABLE}
        if "speaker_id" in changes:
            quote.speaker_id = speaker.id if speaker else None
            quote.speaker_name = speaker.name if speaker else None
        for field in ("kind", "status"):
            if changes.get(field) is not None:
                setattr(quote, field, changes[field])
        after = {field: getattr(quote, field) for field in CORRECTABLE}
        audit.record(session, actor, AuditAction.correct, EntityType.quote, quote.id, before, after)
        # Loaded before the commit: a deletion of the document may follow right after it,
        # and the answer must describe what was committed rather than fail.
        session.refresh(quote, ["document"])
    return quote


def _speaker(session: Session, speaker_id: object) -> Speaker:
    """A live speaker to give a quote to, locked against merges until the correction commits."""
    speaker = session.get(
        Speaker, speaker_id, with_for_update={"read": True}, populate_existing=True
    )
    if speaker is None:
        raise Unprocessable(f"Speaker {speaker_id} does not exist.", field="speaker_id")
    if speaker.merged_into_id is not None:
        raise Unprocessable(
            f"Speaker {speaker_id} was merged into {speaker.merged_into_id}; use that one.",
            field="speaker_id",
        )
    return speaker
