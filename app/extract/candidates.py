"""A quote found in the text, before its speaker mention is resolved to an entity."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.extract.mentions import RawMention


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    kind: str  # direct | partial | indirect | transcript | question
    cue: str | None
    mention: RawMention | None
    method: str
    confidence: float
    paragraph: int
    # Continuations take the speaker of a neighbouring quote instead of a mention of their own.
    inherits: bool = False
    # Transcript turns name their speaker in a label that is resolved like any mention.
    label_kind: str | None = None
    # Found inside a transcript turn: its pronouns point into the turn, not the story.
    embedded: bool = False
    # A split quote's pieces, in order; empty for a quote in one piece (start..end).
    segments: list[tuple[int, int]] = field(default_factory=list)
    # A partial quote's reported clause, when it reaches beyond the quoted words.
    clause: tuple[int, int] | None = None
