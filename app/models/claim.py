"""Claims under review and the evidence passages anchored to them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Computed,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Text,
    func,
)
from sqlalchemy.dialects.postgresql import ARRAY, TSVECTOR
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, CreatedMixin, IdMixin, Vocabulary, one_of
from app.models.document import Document
from app.models.quote import Quote
from app.models.text_index import SMALL_PENDING_LIST
from app.vocabulary import ClaimStatus, Stance


class Claim(IdMixin, CreatedMixin, Base):
    __tablename__ = "claims"
    __table_args__ = (
        one_of("status", ClaimStatus),
        CheckConstraint("rating_value BETWEEN 1 AND 5", name="rating_value"),
        Index("ix_claims_tags", "tags", postgresql_using="gin"),
        Index("ix_claims_tsv", "tsv", postgresql_using="gin", postgresql_with=SMALL_PENDING_LIST),
        Index("ix_claims_status_id", "status", "id"),
    )

    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str | None] = mapped_column(Text)
    tags: Mapped[list[str]] = mapped_column(ARRAY(Text), server_default="{}")
    notes: Mapped[str | None] = mapped_column(Text)
    status: Mapped[ClaimStatus] = mapped_column(
        Vocabulary(ClaimStatus, 16), server_default=ClaimStatus.unreviewed
    )
    rating_value: Mapped[int | None] = mapped_column(Integer)
    rating_label: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )
    tsv: Mapped[str] = mapped_column(
        TSVECTOR, Computed("to_tsvector('english', text)", persisted=True)
    )

    evidence: Mapped[list[Evidence]] = relationship(
        back_populates="claim", passive_deletes=True, order_by="Evidence.id"
    )


class Evidence(IdMixin, CreatedMixin, Base):
    __tablename__ = "evidence"
    __table_args__ = (
        one_of("stance", Stance),
        CheckConstraint('0 <= start AND start < "end"', name="offsets"),
        Index("ix_evidence_claim_id_id", "claim_id", "id"),
        Index("ix_evidence_document_id", "document_id"),
    )

    claim_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("claims.id", ondelete="CASCADE"))
    document_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("documents.id", ondelete="CASCADE")
    )
    quote_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("quotes.id", ondelete="SET NULL"), index=True
    )
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    exact: Mapped[str] = mapped_column(Text)
    prefix: Mapped[str] = mapped_column(Text)
    suffix: Mapped[str] = mapped_column(Text)
    stance: Mapped[Stance] = mapped_column(Vocabulary(Stance, 12))
    note: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[str | None] = mapped_column(Text)

    claim: Mapped[Claim] = relationship(back_populates="evidence")
    document: Mapped[Document] = relationship()
    quote: Mapped[Quote | None] = relationship()
