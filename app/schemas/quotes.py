"""Quotes as the API shows them and the corrections it accepts."""

from __future__ import annotations

from datetime import datetime

from pydantic import AliasPath, BaseModel, ConfigDict, Field, model_validator

from app.schemas.common import ApiModel, Id
from app.vocabulary import QuoteKind, QuoteStatus


class MentionOut(ApiModel):
    text: str
    start: int
    end: int


class SpanOut(ApiModel):
    """A stretch of the document's text: offsets into `documents.text`, end exclusive."""

    start: int = Field(ge=0, description="Offset of the first character.")
    end: int = Field(ge=0, description="Offset just past the last character.")


class QuoteSpeakerOut(ApiModel):
    id: int | None
    name: str | None
    mention: MentionOut | None


class QuoteOut(ApiModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": 4,
                    "document_id": 1,
                    "text": "Sometimes we have to do that, but the best way is to enable local "
                    "forces to fight terrorism themselves.",
                    "start": 884,
                    "end": 987,
                    "segments": [{"start": 884, "end": 987}],
                    "clause": None,
                    "kind": "direct",
                    "cue": None,
                    "speaker": {
                        "id": 1,
                        "name": "Jens Stoltenberg",
                        "mention": {"text": "the secretary-general", "start": 821, "end": 842},
                    },
                    "confidence": 0.75,
                    "status": "auto",
                    "method": "direct:continuation",
                    "published_at": "2020-01-09T12:00:00Z",
                }
            ]
        }
    )

    id: int
    document_id: int
    text: str = Field(
        description="The quoted words without their quotation marks; for a quote split by its "
        "attribution, the segments' texts joined with a space."
    )
    start: int = Field(description="Offset into the document text where the first segment starts.")
    end: int = Field(description="Offset into the document text where the last segment ends.")
    segments: list[SpanOut] = Field(
        min_length=1,
        description="The quoted pieces in reading order, as offsets into the document text. "
        "One for most quotes (equal to `start`..`end`); several when the attribution "
        "interrupts the quote: '“A,” she said, “B.”' is one quote in two segments.",
    )
    clause: SpanOut | None = Field(
        description="For a partial quote, the reported clause its quoted words sit in: in "
        "'Ruiz called the plan “a gift to developers” at a meeting', `text` is 'a gift to "
        "developers' and the clause 'the plan “a gift to developers” at a meeting'. Null for "
        "other quotes."
    )
    kind: QuoteKind
    cue: str | None
    speaker: QuoteSpeakerOut = Field(validation_alias="attribution")
    confidence: float
    status: QuoteStatus
    method: str
    published_at: datetime | None = Field(
        default=None, validation_alias=AliasPath("document", "published_at")
    )


class QuotePatch(BaseModel):
    """A correction by an editor; only the fields given change."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"speaker_id": 1, "status": "confirmed"}]},
    )
    speaker_id: Id | None = None
    kind: QuoteKind | None = None
    status: QuoteStatus | None = None

    @model_validator(mode="after")
    def _something_to_change(self) -> QuotePatch:
        if not self.model_fields_set:
            raise ValueError("give at least one of speaker_id, kind, status")
        return self
