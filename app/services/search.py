"""Full-text search over passages, quotes and claims, with filters, snippets and keyset pages.

Both orders start from the newest matches. `recent` pages on id descending (most recently stored
first). `relevance` ranks by ts_rank, but only among the RANKED most recently stored matches:
ranking every match of a common word means reading every matching row from the heap (a word in
5 % of 1.7 M passages: 85,000 rows, 300+ ms), while a bounded candidate set keeps the cost flat.
Matches are read in windows of ids, newest first, each sized from the density of matches seen so
far; the text index carries id buckets (app/models/text_index.py), so a window reads only its own
matches from the heap whatever the planner expects the words to match. The relevance cursor
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
from typing import Any

from sqlalchemy import BigInteger, Select, and_, cast, exists, func, literal, select
from sqlalchemy.dialects.postgresql import ARRAY, DOUBLE_PRECISION
from sqlalchemy.orm import Session, joinedload
from sqlalchemy.sql.elements import ColumnElement

from app.models import Claim, Document, Evidence, Passage, Quote, text_index
from app.models.quote import Span
from app.services import websearch
from app.services.pagination import Page, decode_cursor, encode_cursor
from app.vocabulary import QuoteStatus, SearchSort, SearchType

RANKED = 400
# Windows of ids read in turn, newest first: the first this wide, the next sized from the
# density of matches seen (16 times wider after finding none), down to the first id.
# Each is at least as wide as all before it, so there are at most about log2(ids) of them.
FIRST_WINDOW = 16_384
EMPTY_WINDOW_GROWTH = 16
WINDOW_MARGIN = 2.0
HEADLINE_OPTIONS = "StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=12, MaxFragments=2"
# The cursors: `[id]` of the last hit by recency; `[rank, [id, ceiling]]` by relevance.
RECENT_CURSOR = (int,)
RELEVANCE_CURSOR = (float, (int, int))


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
    # Quotes only: their segments ({"start", "end"} each) and a partial quote's clause.
    segments: list[dict[str, int]] | None
    clause: Span | None


def search(
    session: Session,
    q: str,
    type: SearchType = SearchType.passage,
    filters: Filters | None = None,
    sort: SearchSort = SearchSort.relevance,
    cursor: str | None = None,
    limit: int = 20,
) -> Page[Hit]:
    """One page of the rows of `type` matching the websearch query q."""
    query = websearch.tsquery(q)
    source = _SOURCES[type](filters or Filters())
    if sort == SearchSort.relevance:
        return _relevance_page(session, type, source, query, cursor, limit)
    return _recent_page(session, type, source, query, cursor, limit)


def _recent_page(
    session: Session,
    type: SearchType,
    source: Source,
    query: Any,
    cursor: str | None,
    limit: int,
) -> Page[Hit]:
    """The newest matches below the cursor's id."""
    ceiling = None
    if cursor:
        (last_id,) = decode_cursor(cursor, RECENT_CURSOR)
        ceiling = last_id - 1
    page = _recent_matches(session, source, query, ceiling, limit + 1)
    items = _hits(session, type, source, query, page[:limit])
    more = len(page) > limit and items
    return Page(items, encode_cursor([items[-1].id]) if more else None)


def _relevance_page(
    session: Session,
    type: SearchType,
    source: Source,
    query: Any,
    cursor: str | None,
    limit: int,
) -> Page[Hit]:
    """Rank the recent candidates in SQL, pick the page in Python, fetch only its rows."""
    last, ceiling = _relevance_cursor(cursor)
    ranked = _recent_matches(session, source, query, ceiling, RANKED)
    if not ranked:
        return Page([], None)
    ceiling = max(id_ for id_, _ in ranked)
    ordered = sorted(ranked, key=lambda pair: (-pair[1], pair[0]))
    if last:
        ordered = [(i, r) for i, r in ordered if r < last[0] or (r == last[0] and i > last[1])]
    page = ordered[: limit + 1]
    items = _hits(session, type, source, query, page[:limit])
    more = len(page) > limit and items
    return Page(items, encode_cursor([items[-1].rank, [items[-1].id, ceiling]]) if more else None)


def _hits(
    session: Session,
    type: SearchType,
    source: Source,
    query: Any,
    ranked: list[tuple[int, float]],
) -> list[Hit]:
    """The hits for (id, rank) pairs, in their order, with snippets."""
    table = source.table
    # Joined to an unnested array so that each row is one primary key lookup.
    wanted = (
        func.unnest(cast([i for i, _ in ranked], ARRAY(BigInteger)))
        .table_valued("id")
        .render_derived()
    )
    rows_query = source.hits.add_columns(
        func.ts_headline("english", table.text, query, HEADLINE_OPTIONS).label("snippet"),
    ).join(wanted, wanted.c.id == table.id)
    rows = {row["id"]: row for row in session.execute(rows_query).mappings()}
    return [_hit(type, {**rows[i], "rank": rank}) for i, rank in ranked if i in rows]


def _relevance_cursor(cursor: str | None) -> tuple[tuple[float, int] | None, int | None]:
    """The last (rank, id) returned and the candidates' ceiling id, or Nones on the first page."""
    if not cursor:
        return None, None
    last_rank, (last_id, ceiling) = decode_cursor(cursor, RELEVANCE_CURSOR)
    return (float(last_rank), last_id), ceiling


def _recent_matches(
    session: Session, source: Source, query: Any, ceiling: int | None, wanted: int
) -> list[tuple[int, float]]:
    """(id, rank) of the `wanted` most recently stored matches at or below the ceiling id,
    newest first, read window by window of ids going back in time."""
    newest = session.scalar(select(func.max(source.table.id))) or 0
    # A ceiling above the newest id (a forged cursor, even one past bigint) reads from the newest.
    top = newest if ceiling is None else min(ceiling, newest)
    found: list[tuple[int, float]] = []
    high, width = top, FIRST_WINDOW
    while high > 0 and len(found) < wanted:
        low = max(high - width, 0)
        found += _window(session, source, query, low, high, wanted - len(found))
        width = _next_width(top - low, len(found), wanted)
        high = low
    return found


def _window(
    session: Session, source: Source, query: Any, low: int, high: int, wanted: int
) -> list[tuple[int, float]]:
    """(id, rank) of the newest `wanted` matches with low < id <= high, newest first."""
    table = source.table
    matching = select(table.id, table.tsv).where(source.match(query, low, high), *source.conditions)
    # Sorting on id + 0 keeps PostgreSQL from walking the primary key backwards through a
    # range where the words are rare; it reads the index's matches and sorts them instead.
    recent = matching.order_by((table.id + 0).desc()).limit(wanted).subquery()
    rank = cast(func.ts_rank(recent.c.tsv, query), DOUBLE_PRECISION)
    rows = session.execute(select(recent.c.id, rank).order_by(recent.c.id.desc())).all()
    return [(int(id_), float(rank_)) for id_, rank_ in rows]


def _next_width(covered: int, found: int, wanted: int) -> int:
    """The next window: at the density of matches seen so far, room for those still wanted
    with a margin; much wider after finding none. At least as wide as all ids read so far, so
    that matches bunched among the newest rows cannot make the windows creep back."""
    if not found:
        return covered * EMPTY_WINDOW_GROWTH
    return max(covered, math.ceil((wanted - found) * WINDOW_MARGIN * covered / found))


def _hit(type: SearchType, row: dict[str, Any]) -> Hit:
    """A hit from its row: the hit's columns (`Source.hits`), its snippet and its rank."""
    values = dict(row)
    start, end = values.pop("clause_start"), values.pop("clause_end")
    clause = None if start is None or end is None else Span(start, end)
    return Hit(type=type, clause=clause, **values)


@dataclass(frozen=True)
class Source:
    """What one search type reads: its table, the filters on that table's own columns, and
    the columns of a hit (joined to the document for its title). A bucketed table's text index
    carries id buckets (app/models/text_index.py); claims, a small table, have a plain one."""

    table: Any
    conditions: list[ColumnElement[bool]]
    hits: Select  # its columns vary with the search type
    bucketed: bool

    def match(self, query: Any, low: int, high: int) -> ColumnElement[bool]:
        """Rows matching the tsquery with low < id <= high, through the text index."""
        table = self.table
        if self.bucketed and low > 0:
            return text_index.matches_between(table, query, low, high)
        matching = text_index.matches(table, query) if self.bucketed else table.tsv.op("@@")(query)
        return and_(matching, table.id > low, table.id <= high)


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


# The quote-only columns of a hit, empty for passages and claims.
_NOT_QUOTES = tuple(
    literal(None).label(name) for name in ("segments", "clause_start", "clause_end")
)


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
        *_NOT_QUOTES,
    ).join(Document, Document.id == Passage.document_id)
    return Source(Passage, conditions, hits, bucketed=True)


def _quotes(filters: Filters) -> Source:
    conditions = [Quote.status != QuoteStatus.rejected, *_own_filters(Quote, filters)]
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
        Quote.segments,
        Quote.clause_start,
        Quote.clause_end,
    ).join(Document, Document.id == Quote.document_id)
    return Source(Quote, conditions, hits, bucketed=True)


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
        *_NOT_QUOTES,
    )
    return Source(Claim, conditions, hits, bucketed=False)


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


_SOURCES = {SearchType.passage: _passages, SearchType.quote: _quotes, SearchType.claim: _claims}


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
        SearchType.quote,
        Filters(speaker_id=speaker_id, kind=kind),
        SearchSort.relevance,
        cursor,
        limit,
    )
    ids = [hit.id for hit in page.items]
    loaded = session.scalars(
        select(Quote).where(Quote.id.in_(ids)).options(joinedload(Quote.document))
    ).all()
    by_id = {quote.id: quote for quote in loaded}
    return Page([by_id[i] for i in ids], page.next_cursor)
