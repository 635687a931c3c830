"""Full-text search over passages, quotes and claims, with filters, snippets and keyset pages.

Two orders. `recent` pages on id descending (most recently stored first), which PostgreSQL can
serve by walking the primary key backwards and stopping after one page even when millions of rows
match. `relevance` ranks by ts_rank, but only among the RANKED most recently stored matches: ranking
every match of a common word means reading every matching row from the heap (a word in 5 % of 1.7 M
passages: 85,000 rows, 300+ ms), while a bounded candidate set keeps the cost flat. Candidates are
found in windows of recent ids, sized from the planner's estimate of matches, so that the GIN index
and the id range intersect and only the window's matches are read from the heap. The cursor
carries (rank, (id, ceiling)), the ceiling being the newest candidate's id, so later pages rank
exactly the same candidate set even when rows are added. Filters read the row's own columns
(publisher and published_at are copies of the document's), so the candidates are found without a
join; only the page's rows are joined to their documents. Snippets (ts_headline) are computed only
for the rows of the page returned.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import BigInteger, Select, cast, exists, func, literal, select
from sqlalchemy.dialects.postgresql import ARRAY, DOUBLE_PRECISION
from sqlalchemy.orm import Session, joinedload
from sqlalchemy.sql.elements import ColumnElement

from app.models import Claim, Document, Evidence, Passage, Quote
from app.services.pagination import BadCursor, Page, decode_cursor, encode_cursor

SearchType = Literal["passage", "quote", "claim"]
SortOrder = Literal["relevance", "recent"]
RANKED = 400
# Recent-id windows tried in turn: the first sized from the planner's estimate of matches, the
# next from the density of matches seen (64 times wider after an empty one), up to every id.
MIN_WINDOW = 10_000
EMPTY_WINDOW_GROWTH = 64
WINDOW_MARGIN = 2.0
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
    query = func.websearch_to_tsquery("english", q)
    source = _SOURCES[type](filters or Filters())
    table = source.table
    conditions = [table.tsv.op("@@")(query), *source.conditions]
    if sort == "relevance":
        return _relevance_page(session, type, source, conditions, query, cursor, limit)
    # As double precision: a real would come back rounded and the cursor would not match it.
    rank = cast(func.ts_rank(table.tsv, query), DOUBLE_PRECISION).label("rank")
    matching = source.hits.where(*conditions).add_columns(rank)
    statement = _recent_page(matching, table.id, cursor, limit).subquery()
    snippet = func.ts_headline("english", statement.c.text, query, HEADLINE_OPTIONS)
    paged = select(statement, snippet.label("snippet")).order_by(statement.c.id.desc())
    rows = session.execute(paged).mappings().all()
    items = [_hit(type, row) for row in rows[:limit]]
    more = len(rows) > limit and items
    return Page(items, encode_cursor([items[-1].id]) if more else None)


def _relevance_page(
    session: Session,
    type: SearchType,
    source: Source,
    conditions: list[ColumnElement[bool]],
    query: Any,
    cursor: str | None,
    limit: int,
) -> Page[Hit]:
    """Rank the recent candidates in SQL, pick the page in Python, fetch only its rows."""
    table = source.table
    last, ceiling = _relevance_cursor(cursor)
    ranked = _recent_candidates(session, table, conditions, query, ceiling)
    if not ranked:
        return Page([], None)
    ceiling = max(id_ for id_, _ in ranked)
    ordered = sorted(ranked, key=lambda pair: (-pair[1], pair[0]))
    if last:
        ordered = [(i, r) for i, r in ordered if r < last[0] or (r == last[0] and i > last[1])]
    page = ordered[: limit + 1]
    ranks = dict(page)
    # Joined to an unnested array so that each row is one primary key lookup.
    wanted = (
        func.unnest(cast([i for i, _ in page], ARRAY(BigInteger)))
        .table_valued("id")
        .render_derived()
    )
    rows_query = source.hits.add_columns(
        func.ts_headline("english", table.text, query, HEADLINE_OPTIONS).label("snippet"),
        literal(0.0).label("rank"),
    ).join(wanted, wanted.c.id == table.id)
    rows = {row["id"]: row for row in session.execute(rows_query).mappings()}
    items = [_hit(type, {**rows[i], "rank": ranks[i]}) for i, _ in page[:limit] if i in rows]
    more = len(page) > limit and items
    return Page(items, encode_cursor([items[-1].rank, [items[-1].id, ceiling]]) if more else None)


def _relevance_cursor(cursor: str | None) -> tuple[tuple[float, int] | None, int | None]:
    """The last (rank, id) returned and the candidates' ceiling id, or Nones on the first page."""
    if not cursor:
        return None, None
    # Two wide like every cursor of the API: [rank, [id, ceiling]].
    last_rank, position = decode_cursor(cursor, 2)
    if not (isinstance(position, list) and len(position) == 2):
        raise BadCursor("The cursor is not one this API issued.", field="cursor")
    last_id, ceiling = position
    if not all(isinstance(value, int | float) for value in (last_rank, last_id, ceiling)):
        raise BadCursor("The cursor is not one this API issued.", field="cursor")
    return (float(last_rank), int(last_id)), int(ceiling)


def _recent_candidates(
    session: Session,
    table: Any,
    conditions: list[ColumnElement[bool]],
    query: Any,
    ceiling: int | None,
) -> list[tuple[int, float]]:
    """(id, rank) of the RANKED most recently stored matches at or below the ceiling id."""
    id_ = table.id
    top = ceiling if ceiling is not None else session.scalar(select(func.max(id_)))
    if top is None:
        return []
    matching = select(id_, table.tsv).where(*conditions, id_ <= top)
    # Sorting on id + 0 keeps PostgreSQL from walking the primary key backwards through a
    # window where the word is rare; it intersects the GIN index with an id range instead.
    recent = matching.order_by((id_ + 0).desc()).limit(RANKED)
    width = _first_width(top, _estimated_rows(session, matching))
    while True:
        floor = top - width
        window = (recent.where(id_ > floor) if floor > 0 else recent).subquery()
        rank = cast(func.ts_rank(window.c.tsv, query), DOUBLE_PRECISION)
        found = session.execute(select(window.c.id, rank)).all()
        if len(found) == RANKED or floor <= 0:
            return [(int(row[0]), float(row[1])) for row in found]
        width = _wider(width, len(found))


def _estimated_rows(session: Session, statement: Select[Any]) -> float:
    """The planner's estimate of the rows a statement returns (planning only, no execution)."""
    compiled = statement.compile(dialect=session.get_bind().dialect)
    plan = session.connection().exec_driver_sql(
        f"EXPLAIN (FORMAT JSON) {compiled}", compiled.params
    )
    return float(plan.scalar_one()[0]["Plan"]["Plan Rows"])


def _first_width(top: int, estimate: float) -> int:
    """A window of recent ids expected to hold RANKED matches with a margin.

    When the planner expects few matches in the whole table it will not intersect the GIN
    index with an id range anyway (words that are each common but rare together are estimated
    as independent), so every window would read every match: one query over all ids is cheaper.
    """
    if estimate <= RANKED * WINDOW_MARGIN:
        return top
    return max(MIN_WINDOW, math.ceil(top * RANKED * WINDOW_MARGIN / estimate))


def _wider(width: int, found: int) -> int:
    """The next window: at the density of matches just seen, room for RANKED and a margin."""
    if not found:
        return width * EMPTY_WINDOW_GROWTH
    return max(2 * width, math.ceil(width * RANKED * WINDOW_MARGIN / found))


def _recent_page(statement: Any, id_: Any, cursor: str | None, limit: int) -> Any:
    if cursor:
        (last_id,) = decode_cursor(cursor, 1)
        statement = statement.where(id_ < last_id)
    return statement.order_by(id_.desc()).limit(limit + 1)


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


@dataclass(frozen=True)
class Source:
    """What one search type reads: its table, the filters on that table's own columns, and
    the columns of a hit (joined to the document for its title)."""

    table: Any
    conditions: list[ColumnElement[bool]]
    hits: Select[Any]


def _kind_and_dates(kind: Any, date: Any, filters: Filters) -> list[ColumnElement[bool]]:
    """The kind filter and the since/until range, on the given columns."""
    conditions = []
    if filters.kind:
        conditions.append(kind == filters.kind)
    if filters.since:
        conditions.append(date >= filters.since)
    if filters.until:
        conditions.append(date < filters.until)
    return conditions


def _own_filters(table: Any, filters: Filters) -> list[ColumnElement[bool]]:
    """Filters on the row's own columns; publisher and date are copies of the document's."""
    conditions = _kind_and_dates(table.kind, table.published_at, filters)
    if filters.publisher:
        conditions.append(table.publisher == filters.publisher)
    if filters.document_id is not None:
        conditions.append(table.document_id == filters.document_id)
    return conditions


def _passages(filters: Filters) -> Source:
    conditions = _own_filters(Passage, filters)
    if filters.speaker_id is not None:
        # Passages where the speaker is quoted: a quote of theirs overlaps the passage.
        conditions.append(
            exists().where(
                Quote.document_id == Passage.document_id,
                Quote.speaker_id == filters.speaker_id,
                Quote.start < Passage.end,
                Quote.end > Passage.start,
            )
        )
    hits = select(
        Passage.id,
        Passage.text,
        Passage.kind,
        Passage.document_id,
        Document.title,
        Passage.publisher,
        Passage.published_at,
        Passage.start,
        Passage.end,
        literal(None).label("speaker_id"),
        literal(None).label("speaker_name"),
    ).join(Document, Document.id == Passage.document_id)
    return Source(Passage, conditions, hits)


def _quotes(filters: Filters) -> Source:
    conditions = [Quote.status != "rejected", *_own_filters(Quote, filters)]
    if filters.speaker_id is not None:
        conditions.append(Quote.speaker_id == filters.speaker_id)
    hits = select(
        Quote.id,
        Quote.text,
        Quote.kind,
        Quote.document_id,
        Document.title,
        Quote.publisher,
        Quote.published_at,
        Quote.start,
        Quote.end,
        Quote.speaker_id,
        Quote.speaker_name,
    ).join(Document, Document.id == Quote.document_id)
    return Source(Quote, conditions, hits)


def _claims(filters: Filters) -> Source:
    conditions = _kind_and_dates(Claim.kind, Claim.created_at, filters)
    evidence = _claim_evidence(filters)
    if evidence is not None:
        conditions.append(evidence)
    hits = select(
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
    return Source(Claim, conditions, hits)


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


_SOURCES = {"passage": _passages, "quote": _quotes, "claim": _claims}


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
