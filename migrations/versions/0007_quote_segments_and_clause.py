"""Quotes in several segments, and the reported clause around a partial quote.

A split quote ('“A,” he said, “B.”') is one utterance: one row whose `segments` list each
quoted piece's offsets into the document, in order, and whose `text` is the pieces joined
with a space; `start` is the first segment's start and `end` the last one's end. Most quotes
have one segment, start..end, which is what every quote already stored gets. A partial quote
keeps only the quoted words as its text ('a gift to developers') and carries the reported
clause they sit in ('the plan “a gift to developers” at a council meeting') as
`clause_start`/`clause_end`.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SEGMENTS_CHECK = "jsonb_typeof(segments) = 'array' AND segments <> '[]'::jsonb"
# Both or neither: a comparison with one NULL is NULL, which a CHECK lets through.
CLAUSE_CHECK = (
    "(clause_start IS NULL AND clause_end IS NULL) OR (clause_start IS NOT NULL "
    "AND clause_end IS NOT NULL AND 0 <= clause_start AND clause_start < clause_end)"
)


def upgrade() -> None:
    op.add_column(
        "quotes", sa.Column("segments", postgresql.JSONB(astext_type=sa.Text()), nullable=True)
    )
    op.execute(
        "UPDATE quotes SET segments = "
        "jsonb_build_array(jsonb_build_object('start', start, 'end', \"end\"))"
    )
    op.alter_column("quotes", "segments", nullable=False)
    op.add_column("quotes", sa.Column("clause_start", sa.Integer(), nullable=True))
    op.add_column("quotes", sa.Column("clause_end", sa.Integer(), nullable=True))
    op.create_check_constraint(op.f("ck_quotes_segments"), "quotes", SEGMENTS_CHECK)
    op.create_check_constraint(op.f("ck_quotes_clause"), "quotes", CLAUSE_CHECK)


def downgrade() -> None:
    op.drop_constraint(op.f("ck_quotes_clause"), "quotes", type_="check")
    op.drop_constraint(op.f("ck_quotes_segments"), "quotes", type_="check")
    op.drop_column("quotes", "clause_end")
    op.drop_column("quotes", "clause_start")
    op.drop_column("quotes", "segments")
