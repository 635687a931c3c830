"""Index each passage's and quote's lexemes together with lexemes naming its id buckets.

Relevance search ranks the most recent matches, found in windows of recent ids. With a plain GIN
index on `tsv` PostgreSQL intersects the words' matches with an id range only when it expects
many matches; it estimates several words as independent, so "offshore wind farms" (three common
words nearly always found together) was expected in 1 row, found in 17,000, and every one of
them was read from the heap (40–90 ms). Adding bucket lexemes to the indexed vector lets a query
AND the words with the buckets of an id range inside the index: only the window's matches reach
the heap (1–3 ms), whatever the planner expects.

Each row has a fine bucket '#<id >> 13>' (8,192 ids) and a coarse one '##<id >> 17>' (131,072
ids). A narrow window is named by its few fine buckets; a wider one by coarse buckets, because
GIN checks the whole query for every row of a bucket it walks: naming 141 fine buckets cost
600 ms where 10 coarse ones cost 16. A window wider than 4 coarse buckets names none: its words
are sparse, and reading all their matches was cheaper. The bucket widths live only here, in `attest_id_bucket`
and `attest_id_buckets`. The BRIN index on passages.id, which served the old windows, is
dropped.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("passages", "quotes")
# A range needing more than MAX_FINE fine buckets is named by coarse ones; one needing more than
# MAX_COARSE coarse ones by none. GIN's cost grows with the buckets named, while a range that
# wide is searched only for words so sparse that reading all their matches is cheaper.
MAX_FINE = 8
MAX_COARSE = 4


def upgrade() -> None:
    # '#' never survives to_tsvector or websearch_to_tsquery, so no word can match a bucket.
    op.execute(
        """
        CREATE FUNCTION attest_id_bucket(id bigint) RETURNS tsvector
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        RETURN array_to_tsvector(ARRAY['#' || (id >> 13)::text, '##' || (id >> 17)::text])
        """
    )
    # Buckets of (low, high]: fine ones when there are at most MAX_FINE, else coarse ones; past
    # MAX_COARSE none (an empty tsquery, so `words && buckets` is just the words: the plain
    # match, which the caller's id conditions then restrict to the range).
    op.execute(
        f"""
        CREATE FUNCTION attest_id_buckets(low bigint, high bigint) RETURNS tsquery
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        RETURN (
            SELECT coalesce(string_agg(quote_literal(level.prefix || bucket), ' | '), '')::tsquery
            FROM (
                SELECT CASE WHEN (high >> 13) - ((low + 1) >> 13) < {MAX_FINE} THEN 13 ELSE 17
                       END AS shift
            ) AS width,
            LATERAL (SELECT CASE width.shift WHEN 13 THEN '#' ELSE '##' END AS prefix) AS level,
            LATERAL generate_series((low + 1) >> width.shift, high >> width.shift) AS bucket
            WHERE (high >> 17) - ((low + 1) >> 17) < {MAX_COARSE}
        )
        """
    )
    for table in TABLES:
        op.execute(
            f"CREATE INDEX ix_{table}_search ON {table} USING gin ((tsv || attest_id_bucket(id)))"
        )
        op.execute(f"DROP INDEX ix_{table}_tsv")
    op.execute("DROP INDEX IF EXISTS ix_passages_id_brin")


def downgrade() -> None:
    op.execute(
        "CREATE INDEX ix_passages_id_brin ON passages USING brin (id) WITH (pages_per_range = 8)"
    )
    for table in TABLES:
        op.execute(f"CREATE INDEX ix_{table}_tsv ON {table} USING gin (tsv)")
        op.execute(f"DROP INDEX ix_{table}_search")
    op.execute("DROP FUNCTION attest_id_buckets(bigint, bigint)")
    op.execute("DROP FUNCTION attest_id_bucket(bigint)")
