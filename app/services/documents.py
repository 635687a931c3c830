"""Documents: ingestion (idempotent on content), reading, listing and deletion."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time

from psycopg.types.json import Jsonb
from sqlalchemy import delete, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session

from app.db.transaction import write
from app.extract.html import article_from_html
from app.extract.names import normalise_alias
from app.extract.passages import Passage as TextPassage
from app.extract.passages import split_passages
from app.extract.pipeline import ExtractedQuote, Extraction, extract
from app.models import Document, Evidence, Passage, Quote, Speaker
from app.schemas.documents import DocumentIn
from app.services import audit
from app.services.errors import Conflict, NotFound, Unprocessable
from app.services.pagination import Page, keyset, page_of
from app.services.speakers import resolve_all
from app.vocabulary import (
    AuditAction,
    DocumentKind,
    EntityType,
    PassageKind,
    QuoteKind,
    SourceFormat,
)


@dataclass(frozen=True)
class DocumentView:
    """A stored document with the number of its passages and quotes."""

    document: Document
    passage_count: int
    quote_count: int


@dataclass(frozen=True)
class Ingested(DocumentView):
    created: bool
    extraction: str


@dataclass(frozen=True)
class Prepared:
    """A document's row values and everything derived from its text, computed before any I/O."""

    values: dict[str, object]
    passages: tuple[TextPassage, ...]
    extraction: Extraction


def prepare(payload: DocumentIn) -> Prepared:
    """Validate the body, take HTML's main text, and run the extraction pipeline."""
    values: dict[str, object] = payload.model_dump(exclude={"text", "html"})
    values["url"] = str(payload.url) if payload.url else None
    if payload.html is not None:
        text = _text_from_html(payload.html, values)
        values["source_format"] = SourceFormat.html
    else:
        text = payload.text or ""
        values["source_format"] = SourceFormat.text
    _check_text(text)
    values["text"] = text
    values["content_sha256"] = hashlib.sha256(text.encode()).hexdigest()
    return Prepared(values, tuple(split_passages(text)), extract(text))


def _text_from_html(html: str, values: dict[str, object]) -> str:
    article = article_from_html(html)
    if article is None:
        raise Unprocessable("The HTML has no article text to extract.", field="html")
    values["url"] = values["url"] or article.url
    values["publisher"] = values["publisher"] or article.publisher
    values["authors"] = values["authors"] or list(article.authors)
    if values["published_at"] is None and article.published:
        values["published_at"] = datetime.combine(article.published, time(), tzinfo=UTC)
    return article.text


def _check_text(text: str) -> None:
    if "\x00" in text:
        raise Unprocessable("The text contains NUL characters.", field="text")
    if not text.strip():
        raise Unprocessable("The text is empty.", field="text")


def ingest(session: Session, payload: DocumentIn, actor: str) -> Ingested:
    """Store a document with its passages, quotes and speakers, once per distinct content."""
    prepared = prepare(payload)
    return store(session, prepared, actor)


def store(session: Session, prepared: Prepared, actor: str) -> Ingested:
    with write(session):
        return _write(session, prepared, actor)


def store_many(
    session: Session, batch: Sequence[Prepared], actor: str
) -> list[Ingested | Unprocessable]:
    """Store a batch of documents in one transaction, for bulk ingestion.

    One commit per batch instead of one per document; each document is written under a
    savepoint, so one the database refuses is reported and the others are still stored.
    """
    results: list[Ingested | Unprocessable] = []
    with write(session):
        for prepared in batch:
            try:
                with session.begin_nested():
                    results.append(_write(session, prepared, actor))
            except (DataError, IntegrityError) as error:
                results.append(Unprocessable(f"The database refused the document: {error.orig}"))
    return results


def _write(session: Session, prepared: Prepared, actor: str) -> Ingested:
    """Insert the document with its passages, quotes and speakers, in the open transaction."""
    document = _insert_document(session, prepared)
    if document is None:
        existing = _by_hash(session, str(prepared.values["content_sha256"]))
        if existing is not None:
            passages, quotes = _counts(session, existing.id)
            return Ingested(
                existing,
                passages,
                quotes,
                created=False,
                extraction="already stored; nothing extracted again",
            )
        # The stored copy was deleted since the insert met it: this one is new after all.
        document = _insert_document(session, prepared)
        if document is None:
            raise Conflict("The same content is being stored and deleted at once; retry.")
    passage_count = _store_passages(session, document.id, document.text, prepared.passages)
    quote_count = _store_quotes(session, document.id, prepared.extraction)
    audit.record(
        session,
        actor,
        AuditAction.create,
        EntityType.document,
        document.id,
        None,
        audit.snapshot(document),
    )
    summary = f"{quote_count} quotes by {len(prepared.extraction.speakers)} speakers found"
    return Ingested(document, passage_count, quote_count, created=True, extraction=summary)


def _store_passages(
    session: Session, document_id: int, text: str, passages: tuple[TextPassage, ...]
) -> int:
    rows = [
        {
            "document_id": document_id,
            "kind": PassageKind(p.kind),
            "ordinal": p.ordinal,
            "paragraph": p.paragraph,
            "start": p.start,
            "end": p.end,
            "text": text[p.start : p.end],
        }
        for p in passages
    ]
    _insert_rows(session, Passage, rows)
    return len(rows)


def _store_quotes(session: Session, document_id: int, extraction: Extraction) -> int:
    # Locks are taken in one global order, so two ingests never wait on each other in a cycle;
    # the speakers stay locked until the quotes naming them are committed.
    unresolved = [q.mention.text for q in extraction.quotes if q.speaker is None and q.mention]
    resolved = resolve_all(session, extraction.speakers, unresolved)
    speaker_ids = {name: speaker.id for name, speaker in resolved.by_name.items()}
    rows = [_quote_row(document_id, q, speaker_ids, resolved.by_alias) for q in extraction.quotes]
    _insert_rows(session, Quote, rows)
    return len(rows)


def _quote_row(
    document_id: int,
    q: ExtractedQuote,
    speaker_ids: dict[str, int],
    archive: dict[str, Speaker],
) -> dict[str, object]:
    """A quote as stored. A mention the text alone cannot resolve ('the water chief said') is
    the speaker the archive knows by that alias, and the method says so."""
    known = archive.get(normalise_alias(q.mention.text)) if q.mention and not q.speaker else None
    return {
        "document_id": document_id,
        "speaker_id": known.id if known else speaker_ids.get(q.speaker) if q.speaker else None,
        "speaker_name": known.name if known else q.speaker,
        "mention_text": q.mention.text if q.mention else None,
        "mention_start": q.mention.start if q.mention else None,
        "mention_end": q.mention.end if q.mention else None,
        "kind": QuoteKind(q.kind),
        "start": q.start,
        "end": q.end,
        "text": q.text,
        # Jsonb: COPY would write a plain list as a PostgreSQL array.
        "segments": Jsonb([{"start": s.start, "end": s.end} for s in q.segments]),
        "clause_start": q.clause.start if q.clause else None,
        "clause_end": q.clause.end if q.clause else None,
        "cue": q.cue,
        "confidence": q.confidence,
        "method": f"{q.method}+archive-alias" if known else q.method,
    }


def _insert_rows(session: Session, model: type[Passage] | type[Quote], rows: list[dict]) -> None:
    """COPY the rows within the session's transaction: no per-row round trip or SQL compile."""
    if not rows:
        return
    columns = list(rows[0])
    column_list = ", ".join(f'"{column}"' for column in columns)
    driver = session.connection().connection.driver_connection
    statement = f"COPY {model.__tablename__} ({column_list}) FROM STDIN"
    with driver.cursor() as cursor, cursor.copy(statement) as copy:  # type: ignore[union-attr]
        for row in rows:
            copy.write_row([row[column] for column in columns])


def _insert_document(session: Session, prepared: Prepared) -> Document | None:
    """The new document's row, or None when the same content is stored (a concurrent insert of
    it is waited for)."""
    return session.scalar(
        pg_insert(Document)
        .values(**prepared.values)
        .on_conflict_do_nothing(index_elements=["content_sha256"])
        .returning(Document)
    )


def _by_hash(session: Session, content_sha256: str) -> Document | None:
    query = select(Document).where(Document.content_sha256 == content_sha256)
    return session.scalars(query).one_or_none()


def _counts(session: Session, document_id: int) -> tuple[int, int]:
    passages = session.scalar(
        select(func.count()).select_from(Passage).where(Passage.document_id == document_id)
    )
    quotes = session.scalar(
        select(func.count()).select_from(Quote).where(Quote.document_id == document_id)
    )
    return passages or 0, quotes or 0


def require_document(session: Session, document_id: int) -> Document:
    document = session.get(Document, document_id)
    if document is None:
        raise NotFound(f"Document {document_id} does not exist.")
    return document


def get_document(session: Session, document_id: int) -> DocumentView:
    """A document with its passage and quote counts."""
    return DocumentView(require_document(session, document_id), *_counts(session, document_id))


def list_documents(
    session: Session,
    *,
    publisher: str | None = None,
    kind: DocumentKind | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    cursor: str | None = None,
    limit: int = 50,
) -> Page[Document]:
    """Documents, newest stored first."""
    query = select(Document)
    if publisher:
        query = query.where(Document.publisher == publisher)
    if kind:
        query = query.where(Document.kind == kind)
    if since:
        query = query.where(Document.published_at >= since)
    if until:
        query = query.where(Document.published_at < until)
    rows = session.scalars(keyset(query, [Document.id], cursor, limit, descending=True)).all()
    return page_of(rows, limit, lambda d: [d.id])


def list_passages(
    session: Session, document_id: int, kind: PassageKind | None, cursor: str | None, limit: int
) -> Page[Passage]:
    require_document(session, document_id)
    query = select(Passage).where(Passage.document_id == document_id)
    if kind:
        query = query.where(Passage.kind == kind)
    rows = session.scalars(keyset(query, [Passage.start, Passage.id], cursor, limit)).all()
    return page_of(rows, limit, lambda p: [p.start, p.id])


def delete_document(session: Session, document_id: int, actor: str) -> None:
    """Remove a document with its passages, quotes and evidence (cascading in the database)."""
    with write(session):
        document = session.get(Document, document_id, with_for_update=True)
        if document is None:
            raise NotFound(f"Document {document_id} does not exist.")
        # Its quotes locked in id order, as merges lock the quotes they move: the cascade
        # below then never waits for a merge holding one quote while that merge waits for
        # another this deletion holds.
        session.scalars(
            select(Quote.id)
            .where(Quote.document_id == document_id)
            .order_by(Quote.id)
            .with_for_update()
        ).all()
        evidence = session.scalar(
            select(func.count()).select_from(Evidence).where(Evidence.document_id == document_id)
        )
        before = audit.snapshot(document) | {"evidence_removed": evidence}
        session.execute(delete(Document).where(Document.id == document_id))
        audit.record(
            session, actor, AuditAction.delete, EntityType.document, document_id, before, None
        )
