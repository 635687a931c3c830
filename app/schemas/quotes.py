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
                    "text": "a failure of planning, not of rainfall",
                    "start": 905,
                    "end": 943,
                    "segments": [{"start": 905, "end": 943}],
                    "clause": {"start": 896, "end": 1014},
                    "kind": "partial",
                    "cue": "called",
                    "speaker": {
                        "id": 2,
                        "name": "Sanjay Mehra",
                        "mention": {"text": "Councillor Sanjay Mehra", "start": 817, "end": 840},
                    },
                    "confidence": 0.9,
                    "status": "auto",
                    "method": "partial:X-said-then-quote",
                    "published_at": "2024-06-21T06:30:00Z",
                },
                {
                    "id": 2,
                    "document_id": 1,
                    "text": "We have not seen the reservoirs this low in June since records began, "
                    "Every litre that stays in a reservoir this summer is a litre we can still "
                    "supply in September.",
                    "start": 489,
                    "end": 671,
                    "segments": [{"start": 489, "end": 558}, {"start": 577, "end": 671}],
                    "clause": None,
                    "kind": "direct",
                    "cue": "said",
                    "speaker": {
                        "id": 1,
                        "name": "Ruth Ellery",
                        "mention": {"text": "Ms Ellery", "start": 560, "end": 569},
                    },
                    "confidence": 0.95,
                    "status": "auto",
                    "method": "direct:quote-then-X-said",
                    "published_at": "2024-06-21T06:30:00Z",
                },
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
