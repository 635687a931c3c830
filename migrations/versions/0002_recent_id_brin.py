"""BRIN indexes on passages.id and quotes.id for relevance search over recent-id windows.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Tiny (a few hundred kB at 1.7 M rows) and built in about a second: ids grow with the heap.
INDEXES = (("ix_passages_id_brin", "passages"), ("ix_quotes_id_brin", "quotes"))


def upgrade() -> None:
    for name, table in INDEXES:
        op.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING brin (id) "
            "WITH (pages_per_range = 8)"
        )


def downgrade() -> None:
    for name, _ in INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
