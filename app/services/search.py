"""Full-text search over passages, quotes and claims, with filters, snippets and keyset pages.

Two orders: `relevance` ranks by ts_rank and pages on (rank, id), the cursor carrying both; `recent`
pages on id descending (most recently stored first), which PostgreSQL can serve by walking the
primary key backwards and stopping after one page even when millions of rows match.
Snippets (ts_headline) are computed only for the rows of the page returned.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import and_, cast, exists, func, literal, or_, select
from sqlalchemy.dialects.postgresql import DOUBLE_PRECISION
from sqlalchemy.orm import Session, joinedload
from sqlalchemy.sql.elements import ColumnElement

from app.models import Claim, Document, Evidence, Passage, Quote
from app.services.pagination import Page, decode_cursor, encode_cursor

SearchType = Literal["passage", "quote", "claim"]
SortOrder = Literal["relevance", "recent"]
HEADLINE_OPTIONS = "StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=12, MaxFragments=2"


@dataclass(frozen=True)
class Filters:
    speaker_id: int | None = None
    document_id: int | None = None
    publisher: str | None = None
    kind: str | None = None
    since: datetime | None = None
    until: datetime | None = None


@dataclass(frozen=True)
class Hit:
    type: SearchType
    id: int
    text: str
    snippet: str
    rank: float
    kind: str | None
    document_id: int | None
    title: str | None
    publisher: str | None
    published_at: datetime | None
    start: int | None
    end: int | None
    speaker_id: int | None
    speaker_name: str | None


def search(
    session: Session,
    q: str,
    type: SearchType = "passage",
    filters: Filters | None = None,
    sort: SortOrder = "relevance",
    cursor: str | None = None,
    limit: int = 20,
) -> Page[Hit]:
    """One page of the rows of `type` matching the websearch query q."""
    filters = filters or Filters()
    query = func.websearch_to_tsquery("english", q)
    table, columns = _TABLES[type](filters)
    # As double precision: a real would come back rounded and the cursor would not match it.
    rank = cast(func.ts_rank(table.tsv, query), DOUBLE_PRECISION).label("rank")
    statement = columns.add_columns(rank).where(table.tsv.op("@@")(query))
    statement = _ordered(statement, table.id, rank, sort, cursor, limit).subquery()
    snippet = func.ts_headline("english", statement.c.text, query, HEADLINE_OPTIONS)
    paged = select(statement, snippet.label("snippet")).order_by(*_order(statement.c, sort))
    rows = session.execute(paged).mappings().all()
    items = [_hit(type, row) for row in rows[:limit]]
    next_cursor = None
    if len(rows) > limit and items:
        last = items[-1]
        next_cursor = encode_cursor([last.rank, last.id] if sort == "relevance" else [last.id])
    return Page(items, next_cursor)


def _ordered(statement: Any, id_: Any, rank: Any, sort: SortOrder, cursor: str | None, limit: int):
    if sort == "relevance":
        if cursor:
            last_rank, last_id = decode_cursor(cursor, 2)
            statement = statement.where(
                or_(rank < last_rank, and_(rank == last_rank, id_ > last_id))
            )
        return statement.order_by(rank.desc(), id_).limit(limit + 1)
    if cursor:
        (last_id,) = decode_cursor(cursor, 1)
        statement = statement.where(id_ < last_id)
    return statement.order_by(id_.desc()).limit(limit + 1)


def _order(columns: Any, sort: SortOrder) -> list[ColumnElement[Any]]:
    if sort == "relevance":
        return [columns.rank.desc(), columns.id]
    return [columns.id.desc()]


def _hit(type: SearchType, row: Any) -> Hit:
    return Hit(
        type=type,
        id=row["id"],
        text=row["text"],
        snippet=row["snippet"],
        rank=row["rank"],
        kind=row["kind"],
        document_id=row["document_id"],
        title=row["title"],
        publisher=row["publisher"],
        published_at=row["published_at"],
        start=row["start"],
        end=row["end"],
        speaker_id=row["speaker_id"],
        speaker_name=row["speaker_name"],
    )


def _document_filters(statement: Any, filters: Filters) -> Any:
    if filters.publisher:
        statement = statement.where(Document.publisher == filters.publisher)
    if filters.since:
        statement = statement.where(Document.published_at >= filters.since)
    if filters.until:
        statement = statement.where(Document.published_at < filters.until)
    return statement


def _passages(filters: Filters) -> tuple[Any, Any]:
    statement = select(
        Passage.id,
        Passage.text,
        Passage.kind,
        Passage.document_id,
        Document.title,
        Document.publisher,
        Document.published_at,
        Passage.start,
        Passage.end,
        literal(None).label("speaker_id"),
        literal(None).label("speaker_name"),
    ).join(Document, Document.id == Passage.document_id)
    statement = _document_filters(statement, filters)
    if filters.document_id is not None:
        statement = statement.where(Passage.document_id == filters.document_id)
    if filters.kind:
        statement = statement.where(Passage.kind == filters.kind)
    if filters.speaker_id is not None:
        # Passages where the speaker is quoted: a quote of theirs overlaps the passage.
        statement = statement.where(
            exists().where(
                Quote.document_id == Passage.document_id,
                Quote.speaker_id == filters.speaker_id,
                Quote.start < Passage.end,
                Quote.end > Passage.start,
            )
        )
    return Passage, statement


def _quotes(filters: Filters) -> tuple[Any, Any]:
    statement = (
        select(
            Quote.id,
            Quote.text,
            Quote.kind,
            Quote.document_id,
            Document.title,
            Document.publisher,
            Document.published_at,
            Quote.start,
            Quote.end,
            Quote.speaker_id,
            Quote.speaker_name,
        )
        .join(Document, Document.id == Quote.document_id)
        .where(Quote.status != "rejected")
    )
    statement = _document_filters(statement, filters)
    if filters.document_id is not None:
        statement = statement.where(Quote.document_id == filters.document_id)
    if filters.kind:
        statement = statement.where(Quote.kind == filters.kind)
    if filters.speaker_id is not None:
        statement = statement.where(Quote.speaker_id == filters.speaker_id)
    return Quote, statement


def _claims(filters: Filters) -> tuple[Any, Any]:
    statement = select(
        Claim.id,
        Claim.text,
        Claim.kind,
        literal(None).label("document_id"),
        literal(None).label("title"),
        literal(None).label("publisher"),
        Claim.created_at.label("published_at"),
        literal(None).label("start"),
        literal(None).label("end"),
        literal(None).label("speaker_id"),
        literal(None).label("speaker_name"),
    )
    if filters.kind:
        statement = statement.where(Claim.kind == filters.kind)
    if filters.since:
        statement = statement.where(Claim.created_at >= filters.since)
    if filters.until:
        statement = statement.where(Claim.created_at < filters.until)
    evidence = _claim_evidence(filters)
    if evidence is not None:
        statement = statement.where(evidence)
    return Claim, statement


def _claim_evidence(filters: Filters) -> ColumnElement[bool] | None:
    """Claims with evidence in the given document, publisher, or quoting the given speaker."""
    if filters.document_id is None and filters.publisher is None and filters.speaker_id is None:
        return None
    condition = exists().where(Evidence.claim_id == Claim.id)
    if filters.document_id is not None:
        condition = condition.where(Evidence.document_id == filters.document_id)
    if filters.publisher is not None:
        condition = condition.where(
            Evidence.document_id.in_(
                select(Document.id).where(Document.publisher == filters.publisher)
            )
        )
    if filters.speaker_id is not None:
        condition = condition.where(
            Evidence.quote_id.in_(select(Quote.id).where(Quote.speaker_id == filters.speaker_id))
        )
    return condition


_TABLES = {"passage": _passages, "quote": _quotes, "claim": _claims}


def speaker_quotes(
    session: Session,
    speaker_id: int,
    q: str,
    kind: str | None = None,
    cursor: str | None = None,
    limit: int = 50,
) -> Page[Quote]:
    """One person's quotes matching q, most relevant first."""
    page = search(
        session,
        q,
        "quote",
        Filters(speaker_id=speaker_id, kind=kind),
        "relevance",
        cursor,
        limit,
    )
    ids = [hit.id for hit in page.items]
    loaded = session.scalars(
        select(Quote).where(Quote.id.in_(ids)).options(joinedload(Quote.document))
    ).all()
    by_id = {quote.id: quote for quote in loaded}
    return Page([by_id[i] for i in ids], page.next_cursor)
