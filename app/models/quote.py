"""Quotes found in documents, with the speaker and the mention that attributed them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Computed,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    Text,
    func,
)
from sqlalchemy.dialects.postgresql import JSONB, TSVECTOR
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extract.pipeline import Mention, Span  # the engine's own shapes, stored as found
from app.models.base import Base, CreatedMixin, IdMixin, Vocabulary, one_of
from app.models.document import Document, document_facet, search_indexes
from app.models.speaker import Speaker
from app.vocabulary import QuoteKind, QuoteStatus


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who a quote is attributed to (the speaker's id and the name stored with the quote) and
    the mention that attributed it."""

    id: int | None
    name: str | None
    mention: Mention | None


class Quote(IdMixin, CreatedMixin, Base):
    __tablename__ = "quotes"
    __table_args__ = (
        one_of("kind", QuoteKind),
        one_of("status", QuoteStatus),
        CheckConstraint('0 <= start AND start < "end"', name="offsets"),
        CheckConstraint("confidence BETWEEN 0 AND 1", name="confidence"),
        CheckConstraint(
            "jsonb_typeof(segments) = 'array' AND segments <> '[]'::jsonb", name="segments"
        ),
        CheckConstraint(
            "(clause_start IS NULL AND clause_end IS NULL) OR (clause_start IS NOT NULL "
            "AND clause_end IS NOT NULL AND 0 <= clause_start AND clause_start < clause_end)",
            name="clause",
        ),
        Index("ix_quotes_document_id_start", "document_id", "start"),
        Index("ix_quotes_speaker_id_id", "speaker_id", "id"),
        *search_indexes("quotes"),
    )

    document_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("documents.id", ondelete="CASCADE")
    )
    speaker_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("speakers.id", ondelete="SET NULL")
    )
    speaker_name: Mapped[str | None] = mapped_column(Text)
    mention_text: Mapped[str | None] = mapped_column(Text)
    mention_start: Mapped[int | None] = mapped_column(Integer)
    mention_end: Mapped[int | None] = mapped_column(Integer)
    kind: Mapped[QuoteKind] = mapped_column(Vocabulary(QuoteKind, 12))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    # The quoted words; a split quote's segments joined with a space (migration 0007).
    text: Mapped[str] = mapped_column(Text)
    # Each quoted piece as {"start": int, "end": int}, in order; one piece for most quotes.
    segments: Mapped[list[dict[str, int]]] = mapped_column(JSONB)
    # A partial quote's reported clause around its quoted words; both null otherwise.
    clause_start: Mapped[int | None] = mapped_column(Integer)
    clause_end: Mapped[int | None] = mapped_column(Integer)
    cue: Mapped[str | None] = mapped_column(Text)
    confidence: Mapped[float] = mapped_column(Float)
    status: Mapped[QuoteStatus] = mapped_column(
        Vocabulary(QuoteStatus, 10), server_default=QuoteStatus.auto
    )
    method: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )
    tsv: Mapped[str] = mapped_column(
        TSVECTOR, Computed("to_tsvector('english', text)", persisted=True)
    )
    publisher: Mapped[str | None] = document_facet(Text)
    published_at: Mapped[datetime | None] = document_facet(DateTime(timezone=True))

    document: Mapped[Document] = relationship()
    speaker: Mapped[Speaker | None] = relationship()

    @property
    def clause(self) -> Span | None:
        if self.clause_start is None or self.clause_end is None:
            return None
        return Span(self.clause_start, self.clause_end)

    @property
    def mention(self) -> Mention | None:
        if self.mention_text is None or self.mention_start is None or self.mention_end is None:
            return None
        return Mention(self.mention_text, self.mention_start, self.mention_end)

    @property
    def attribution(self) -> Attribution:
        return Attribution(self.speaker_id, self.speaker_name, self.mention)
