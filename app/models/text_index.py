"""The full-text index of passages and quotes: each row's lexemes plus two naming its id buckets.

Migration 0005 indexes `tsv || attest_id_bucket(id)` (GIN), the bucket lexemes being
'#<id >> 13>' and '##<id >> 17>'. ANDing a query with the buckets of an id range
(`attest_id_buckets`: fine buckets for a narrow range, coarse ones for a wide range) makes GIN
intersect the two inside the index, so a window of recent ids costs only the window's matches,
however many rows the planner expects the words to match. A condition must be written on the
indexed expression itself, as `matches` writes it, for PostgreSQL to use the index at all.
Ids are identities, from 1: a range starting at 0 holds them all.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, func
from sqlalchemy.sql.elements import ColumnElement

INDEXED_EXPRESSION = "(tsv || attest_id_bucket(id))"


def indexed_sql(alias: str) -> str:
    """The indexed expression in raw SQL, on a table aliased `alias`."""
    return f"({alias}.tsv || attest_id_bucket({alias}.id))"


# Every GIN scan reads the whole pending list of new entries: kept small (migration 0006).
SMALL_PENDING_LIST = {"gin_pending_list_limit": 256}


def indexed(table: Any) -> ColumnElement[Any]:
    return table.tsv.op("||")(func.attest_id_bucket(table.id))


def matches(table: Any, query: Any) -> ColumnElement[bool]:
    """Rows whose text matches the tsquery, found through the index."""
    return indexed(table).op("@@")(query)


def matches_between(table: Any, query: Any, low: int, high: int) -> ColumnElement[bool]:
    """Matching rows with low < id <= high; only that range's matches are read from the heap."""
    in_buckets = query.op("&&")(func.attest_id_buckets(low, high))
    # A query of stop words only is empty, and `'' && buckets` is the buckets: every row in them.
    has_words = func.numnode(query) > 0
    return and_(has_words, indexed(table).op("@@")(in_buckets), table.id > low, table.id <= high)
