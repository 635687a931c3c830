"""Speakers (people, organisations, groups) and every alias they are known by."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    ForeignKey,
    Index,
    Text,
    UniqueConstraint,
    func,
    literal_column,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.sql.elements import ColumnElement

from app.models.base import Base, CreatedMixin, IdMixin, Vocabulary, one_of
from app.vocabulary import SpeakerKind


class Speaker(IdMixin, CreatedMixin, Base):
    __tablename__ = "speakers"
    __table_args__ = (one_of("kind", SpeakerKind),)

    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[SpeakerKind] = mapped_column(
        Vocabulary(SpeakerKind, 20), server_default=SpeakerKind.person
    )
    description: Mapped[str | None] = mapped_column(Text)
    affiliation: Mapped[str | None] = mapped_column(Text)
    # A merged speaker is kept as a record pointing at the speaker it was merged into.
    merged_into_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("speakers.id", ondelete="SET NULL"), index=True
    )

    aliases: Mapped[list[SpeakerAlias]] = relationship(
        back_populates="speaker", passive_deletes=True, order_by="SpeakerAlias.id"
    )


class SpeakerAlias(IdMixin, CreatedMixin, Base):
    __tablename__ = "speaker_aliases"
    __table_args__ = (
        UniqueConstraint("speaker_id", "normalised"),
        Index(
            "ix_speaker_aliases_normalised",
            "normalised",
            postgresql_ops={"normalised": "text_pattern_ops"},
        ),
    )

    speaker_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("speakers.id", ondelete="CASCADE")
    )
    alias: Mapped[str] = mapped_column(Text)
    normalised: Mapped[str] = mapped_column(Text)

    speaker: Mapped[Speaker] = relationship(back_populates="aliases")

    @classmethod
    def last_word(cls) -> ColumnElement[str]:
        """The alias's last word: people are matched on their surname."""
        # A literal, not a bound parameter, so the query's expression is the index's.
        return func.substring(cls.normalised, literal_column("'[^ ]+$'"))


Index("ix_speaker_aliases_last_word", SpeakerAlias.last_word())
