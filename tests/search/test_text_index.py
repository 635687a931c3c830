"""The text index of passages and quotes: words and id buckets intersected inside the index."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text

from app.models import Passage, Quote, text_index
from app.services import verify
from tests.search.conftest import BUCKET


def _ids(session, table, condition) -> list[int]:
    return list(session.scalars(select(table.id).where(condition).order_by(table.id)))


@pytest.mark.parametrize("table", [Passage, Quote], ids=["passages", "quotes"])
@pytest.mark.parametrize(
    "offsets",
    [(-10, 0), (-1, 1), (-5, 5), (0, 500), (-BUCKET, BUCKET), (-5, 20 * BUCKET), (-5, 10**9)],
    ids=str,
)
def test_a_window_of_ids_holds_exactly_the_matches_inside_it(straddling, session, table, offsets):
    query = func.websearch_to_tsquery("english", "Nato OR training OR said")
    low, high = (3 * BUCKET + offset for offset in offsets)
    everything = _ids(session, table, text_index.matches(table, query))
    inside = _ids(session, table, text_index.matches_between(table, query, low, high))
    assert inside == [id_ for id_ in everything if low < id_ <= high]
    assert len(everything) > len(inside) or offsets[0] == -BUCKET


@pytest.mark.parametrize("words", ["#2 OR #3", "2 OR 3", "Nato -training", '"#3"'])
def test_the_index_finds_the_rows_the_words_alone_match(straddling, session, words):
    query = func.websearch_to_tsquery("english", words)
    found = _ids(session, Passage, text_index.matches(Passage, query))
    assert found == _ids(session, Passage, Passage.tsv.op("@@")(query))


@pytest.mark.parametrize("words", ["the", "-the", "!!!"])
def test_a_query_of_stop_words_matches_nothing_in_a_window(straddling, session, words):
    query = func.websearch_to_tsquery("english", words)
    window = text_index.matches_between(Passage, query, BUCKET, 5 * BUCKET)
    assert _ids(session, Passage, window) == []


def _plan(session, statement, params=None) -> str:
    """The plan PostgreSQL picks with statistics and a sequential scan ruled out."""
    session.execute(text("ANALYZE passages, quotes"))
    session.execute(text("SET LOCAL enable_seqscan = off"))
    rows = session.execute(text(f"EXPLAIN {statement}"), params or {}).scalars()
    return "\n".join(rows)


@pytest.mark.parametrize("table", [Passage, Quote], ids=["passages", "quotes"])
def test_a_condition_written_by_matches_is_answered_by_the_text_index(straddling, session, table):
    query = func.websearch_to_tsquery("english", "training")
    compiled = select(table.id).where(text_index.matches(table, query)).compile()
    assert f"ix_{table.__tablename__}_search" in _plan(session, str(compiled), compiled.params)


def test_verification_probes_the_archive_through_the_text_index(straddling, session):
    plan = _plan(session, verify.IN_ARCHIVE_SQL.text, {"query": "'train'"})
    assert "ix_passages_search" in plan


def test_the_scale_bench_rebuilds_the_text_indexes_as_the_migrations_made_them(session):
    from bench.fill import BULK_BUILT_INDEXES, _index_definitions

    connection = session.connection().connection.driver_connection
    definitions = _index_definitions(connection)
    assert len(definitions) == len(BULK_BUILT_INDEXES)
    assert all("gin_pending_list_limit='256'" in definition for definition in definitions)


@pytest.mark.parametrize("index", ["ix_passages_search", "ix_quotes_search", "ix_claims_tsv"])
def test_the_text_indexes_keep_their_pending_lists_small(session, index):
    options = session.scalar(
        text("SELECT reloptions FROM pg_class WHERE relname = :index"), {"index": index}
    )
    assert options == ["gin_pending_list_limit=256"]
