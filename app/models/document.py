"""Documents and their passages (paragraphs and sentences)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Computed,
    DateTime,
    FetchedValue,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy import text as sql_text
from sqlalchemy.dialects.postgresql import ARRAY, TSVECTOR
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, CreatedMixin, IdMixin, Vocabulary, one_of
from app.models.text_index import INDEXED_EXPRESSION, SMALL_PENDING_LIST
from app.vocabulary import DocumentKind, PassageKind, SourceFormat


def document_facet(type_: type[Text] | DateTime) -> Any:
    """A copy of the document's column, set by a trigger (migration 0003) so that search
    filters apply on the row itself instead of a join."""
    return mapped_column(type_, server_default=FetchedValue(), server_onupdate=FetchedValue())


def search_indexes(table: str) -> tuple[Index, ...]:
    """What search reads on passages and quotes: the text index with id buckets
    (app/models/text_index.py) and the facet copies, each ending in id for recent-id windows."""
    return (
        Index(
            f"ix_{table}_search",
            sql_text(INDEXED_EXPRESSION),
            postgresql_using="gin",
            postgresql_with=SMALL_PENDING_LIST,
        ),
        Index(f"ix_{table}_publisher_id", "publisher", "id"),
        Index(f"ix_{table}_published_at_id", "published_at", "id"),
    )


class Document(IdMixin, CreatedMixin, Base):
    __tablename__ = "documents"
    __table_args__ = (
        one_of("kind", DocumentKind),
        one_of("source_format", SourceFormat),
        Index("ix_documents_published_at_id", "published_at", "id"),
        Index("ix_documents_publisher_id", "publisher", "id"),
    )

    title: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    content_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    url: Mapped[str | None] = mapped_column(Text)
    publisher: Mapped[str | None] = mapped_column(Text)
    authors: Mapped[list[str]] = mapped_column(ARRAY(Text), server_default="{}")
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    kind: Mapped[DocumentKind] = mapped_column(
        Vocabulary(DocumentKind, 20), server_default=DocumentKind.article
    )
    language: Mapped[str] = mapped_column(String(16), server_default="en")
    source_format: Mapped[SourceFormat] = mapped_column(
        Vocabulary(SourceFormat, 10), server_default=SourceFormat.text
    )

    passages: Mapped[list[Passage]] = relationship(
        back_populates="document", passive_deletes=True, order_by="Passage.start"
    )

    @property
    def length(self) -> int:
        """Characters in the stored text."""
        return len(self.text)


class Passage(IdMixin, Base):
    __tablename__ = "passages"
    __table_args__ = (
        one_of("kind", PassageKind),
        CheckConstraint('0 <= start AND start < "end"', name="offsets"),
        UniqueConstraint("document_id", "kind", "ordinal"),
        *search_indexes("passages"),
    )

    document_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("documents.id", ondelete="CASCADE")
    )
    kind: Mapped[PassageKind] = mapped_column(Vocabulary(PassageKind, 10))
    ordinal: Mapped[int] = mapped_column(Integer)
    paragraph: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    tsv: Mapped[str] = mapped_column(
        TSVECTOR, Computed("to_tsvector('english', text)", persisted=True)
    )
    publisher: Mapped[str | None] = document_facet(Text)
    published_at: Mapped[datetime | None] = document_facet(DateTime(timezone=True))

    document: Mapped[Document] = relationship(back_populates="passages")
