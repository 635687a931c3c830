"""Initial schema: documents, passages, speakers, quotes, claims, evidence, audit log, API keys.

Revision ID: 0001
Revises:
Create Date: 2026-11-23 00:38:02.767453
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Every offset in the system points into documents.text, so the text may never change.
PROTECT_TEXT_FUNCTION = """
CREATE FUNCTION attest_protect_document_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.text IS DISTINCT FROM OLD.text THEN
        RAISE EXCEPTION 'documents.text is immutable' USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
END $$
"""


def upgrade() -> None:
    op.create_table(
        "api_keys",
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("key_hash", sa.String(length=64), nullable=False),
        sa.Column("prefix", sa.String(length=12), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint("role IN ('reader', 'editor', 'admin')", name=op.f("ck_api_keys_role")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_keys")),
        sa.UniqueConstraint("key_hash", name=op.f("uq_api_keys_key_hash")),
        sa.UniqueConstraint("name", name=op.f("uq_api_keys_name")),
    )
    op.create_table(
        "audit_log",
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("entity_type", sa.Text(), nullable=False),
        sa.Column("entity_id", sa.BigInteger(), nullable=True),
        sa.Column("before", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("after", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column(
            "at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
        ),
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_index("ix_audit_log_actor_id", "audit_log", ["actor", "id"], unique=False)
    op.create_index("ix_audit_log_at", "audit_log", ["at"], unique=False)
    op.create_index(
        "ix_audit_log_entity", "audit_log", ["entity_type", "entity_id", "id"], unique=False
    )
    op.create_table(
        "claims",
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=True),
        sa.Column("tags", postgresql.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=16), server_default="unreviewed", nullable=False),
        sa.Column("rating_value", sa.Integer(), nullable=True),
        sa.Column("rating_label", sa.Text(), nullable=True),
        sa.Column("created_by", sa.Text(), nullable=True),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "tsv",
            postgresql.TSVECTOR(),
            sa.Computed("to_tsvector('english', text)", persisted=True),
            nullable=False,
        ),
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "status IN ('unreviewed', 'in_review', 'supported', 'disputed', 'false', 'misleading', 'unverifiable')",
            name=op.f("ck_claims_status"),
        ),
        sa.CheckConstraint("rating_value BETWEEN 1 AND 5", name=op.f("ck_claims_rating_value")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claims")),
    )
    op.create_index("ix_claims_status_id", "claims", ["status", "id"], unique=False)
    op.create_index("ix_claims_tags", "claims", ["tags"], unique=False, postgresql_using="gin")
    op.create_index("ix_claims_tsv", "claims", ["tsv"], unique=False, postgresql_using="gin")
    op.create_table(
        "documents",
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("publisher", sa.Text(), nullable=True),
        sa.Column("authors", postgresql.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("kind", sa.String(length=20), server_default="article", nullable=False),
        sa.Column("language", sa.String(length=16), server_default="en", nullable=False),
        sa.Column("source_format", sa.String(length=10), server_default="text", nullable=False),
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "kind IN ('article', 'transcript', 'press_release', 'interview', 'other')",
            name=op.f("ck_documents_kind"),
        ),
        sa.CheckConstraint(
            "source_format IN ('text', 'html')", name=op.f("ck_documents_source_format")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("content_sha256", name=op.f("uq_documents_content_sha256")),
    )
    op.create_index(
        "ix_documents_published_at_id", "documents", ["published_at", "id"], unique=False
    )
    op.create_index("ix_documents_publisher_id", "documents", ["publisher", "id"], unique=False)
    op.create_table(
        "speakers",
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=20), server_default="person", nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("affiliation", sa.Text(), nullable=True),
        sa.Column("merged_into_id", sa.BigInteger(), nullable=True),
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "kind IN ('person', 'organisation', 'group')", name=op.f("ck_speakers_kind")
        ),
        sa.ForeignKeyConstraint(
            ["merged_into_id"],
            ["speakers.id"],
            name=op.f("fk_speakers_merged_into_id_speakers"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_speakers")),
    )
    op.create_index(
        op.f("ix_speakers_merged_into_id"), "speakers", ["merged_into_id"], unique=False
    )
    op.create_table(
        "passages",
        sa.Column("document_id", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("paragraph", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column(
            "tsv",
            postgresql.TSVECTOR(),
            sa.Computed("to_tsvector('english', text)", persisted=True),
            nullable=False,
        ),
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.CheckConstraint("kind IN ('paragraph', 'sentence')", name=op.f("ck_passages_kind")),
        sa.CheckConstraint('0 <= start AND start < "end"', name=op.f("ck_passages_offsets")),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_passages_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_passages")),
        sa.UniqueConstraint(
            "document_id", "kind", "ordinal", name=op.f("uq_passages_document_id_kind_ordinal")
        ),
    )
    op.create_index("ix_passages_tsv", "passages", ["tsv"], unique=False, postgresql_using="gin")
    op.create_table(
        "quotes",
        sa.Column("document_id", sa.BigInteger(), nullable=False),
        sa.Column("speaker_id", sa.BigInteger(), nullable=True),
        sa.Column("speaker_name", sa.Text(), nullable=True),
        sa.Column("mention_text", sa.Text(), nullable=True),
        sa.Column("mention_start", sa.Integer(), nullable=True),
        sa.Column("mention_end", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("cue", sa.Text(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("status", sa.String(length=10), server_default="auto", nullable=False),
        sa.Column("method", sa.Text(), nullable=False),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "tsv",
            postgresql.TSVECTOR(),
            sa.Computed("to_tsvector('english', text)", persisted=True),
            nullable=False,
        ),
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "kind IN ('direct', 'partial', 'indirect', 'transcript', 'question')",
            name=op.f("ck_quotes_kind"),
        ),
        sa.CheckConstraint(
            "status IN ('auto', 'confirmed', 'rejected')", name=op.f("ck_quotes_status")
        ),
        sa.CheckConstraint('0 <= start AND start < "end"', name=op.f("ck_quotes_offsets")),
        sa.CheckConstraint("confidence BETWEEN 0 AND 1", name=op.f("ck_quotes_confidence")),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_quotes_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["speaker_id"],
            ["speakers.id"],
            name=op.f("fk_quotes_speaker_id_speakers"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quotes")),
    )
    op.create_index("ix_quotes_document_id_start", "quotes", ["document_id", "start"], unique=False)
    op.create_index("ix_quotes_speaker_id_id", "quotes", ["speaker_id", "id"], unique=False)
    op.create_index("ix_quotes_tsv", "quotes", ["tsv"], unique=False, postgresql_using="gin")
    op.create_table(
        "speaker_aliases",
        sa.Column("speaker_id", sa.BigInteger(), nullable=False),
        sa.Column("alias", sa.Text(), nullable=False),
        sa.Column("normalised", sa.Text(), nullable=False),
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["speaker_id"],
            ["speakers.id"],
            name=op.f("fk_speaker_aliases_speaker_id_speakers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_speaker_aliases")),
        sa.UniqueConstraint(
            "speaker_id", "normalised", name=op.f("uq_speaker_aliases_speaker_id_normalised")
        ),
    )
    op.create_index(
        "ix_speaker_aliases_normalised",
        "speaker_aliases",
        ["normalised"],
        unique=False,
        postgresql_ops={"normalised": "text_pattern_ops"},
    )
    op.create_table(
        "evidence",
        sa.Column("claim_id", sa.BigInteger(), nullable=False),
        sa.Column("document_id", sa.BigInteger(), nullable=False),
        sa.Column("quote_id", sa.BigInteger(), nullable=True),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("exact", sa.Text(), nullable=False),
        sa.Column("prefix", sa.Text(), nullable=False),
        sa.Column("suffix", sa.Text(), nullable=False),
        sa.Column("stance", sa.String(length=12), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_by", sa.Text(), nullable=True),
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "stance IN ('supports', 'contradicts', 'mentions')", name=op.f("ck_evidence_stance")
        ),
        sa.CheckConstraint('0 <= start AND start < "end"', name=op.f("ck_evidence_offsets")),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_evidence_claim_id_claims"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_evidence_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["quote_id"],
            ["quotes.id"],
            name=op.f("fk_evidence_quote_id_quotes"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence")),
    )
    op.create_index("ix_evidence_claim_id_id", "evidence", ["claim_id", "id"], unique=False)
    op.create_index("ix_evidence_document_id", "evidence", ["document_id"], unique=False)
    op.create_index(op.f("ix_evidence_quote_id"), "evidence", ["quote_id"], unique=False)

    op.execute(PROTECT_TEXT_FUNCTION)
    op.execute(
        "CREATE TRIGGER documents_text_immutable BEFORE UPDATE OF text ON documents "
        "FOR EACH ROW EXECUTE FUNCTION attest_protect_document_text()"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS documents_text_immutable ON documents")
    op.execute("DROP FUNCTION IF EXISTS attest_protect_document_text()")
    op.drop_index(op.f("ix_evidence_quote_id"), table_name="evidence")
    op.drop_index("ix_evidence_document_id", table_name="evidence")
    op.drop_index("ix_evidence_claim_id_id", table_name="evidence")
    op.drop_table("evidence")
    op.drop_index(
        "ix_speaker_aliases_normalised",
        table_name="speaker_aliases",
        postgresql_ops={"normalised": "text_pattern_ops"},
    )
    op.drop_table("speaker_aliases")
    op.drop_index("ix_quotes_tsv", table_name="quotes", postgresql_using="gin")
    op.drop_index("ix_quotes_speaker_id_id", table_name="quotes")
    op.drop_index("ix_quotes_document_id_start", table_name="quotes")
    op.drop_table("quotes")
    op.drop_index("ix_passages_tsv", table_name="passages", postgresql_using="gin")
    op.drop_table("passages")
    op.drop_index(op.f("ix_speakers_merged_into_id"), table_name="speakers")
    op.drop_table("speakers")
    op.drop_index("ix_documents_publisher_id", table_name="documents")
    op.drop_index("ix_documents_published_at_id", table_name="documents")
    op.drop_table("documents")
    op.drop_index("ix_claims_tsv", table_name="claims", postgresql_using="gin")
    op.drop_index("ix_claims_tags", table_name="claims", postgresql_using="gin")
    op.drop_index("ix_claims_status_id", table_name="claims")
    op.drop_table("claims")
    op.drop_index("ix_audit_log_entity", table_name="audit_log")
    op.drop_index("ix_audit_log_at", table_name="audit_log")
    op.drop_index("ix_audit_log_actor_id", table_name="audit_log")
    op.drop_table("audit_log")
    op.drop_table("api_keys")
