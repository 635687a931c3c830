"""Quotes as the API shows them and the corrections it accepts."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from app.models import Quote
from app.schemas.common import ApiModel

QuoteKind = Literal["direct", "partial", "indirect", "transcript", "question"]
QuoteStatus = Literal["auto", "confirmed", "rejected"]


class MentionOut(BaseModel):
    text: str
    start: int
    end: int


class QuoteSpeakerOut(BaseModel):
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
    text: str
    start: int
    end: int
    kind: QuoteKind
    cue: str | None
    speaker: QuoteSpeakerOut
    confidence: float
    status: QuoteStatus
    method: str
    published_at: datetime | None = None


class QuotePatch(BaseModel):
    """A correction by an editor; only the fields given change."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"speaker_id": 1, "status": "confirmed"}]},
    )
    speaker_id: int | None = Field(default=None, ge=1)
    kind: QuoteKind | None = None
    status: QuoteStatus | None = None

    @model_validator(mode="after")
    def _something_to_change(self) -> QuotePatch:
        if not self.model_fields_set:
            raise ValueError("give at least one of speaker_id, kind, status")
        return self


def quote_out(quote: Quote) -> QuoteOut:
    """A stored quote (with its document loaded) as the API shows it."""
    mention = None
    if quote.mention_text is not None:
        mention = MentionOut(
            text=quote.mention_text,
            start=quote.mention_start,
            end=quote.mention_end,
        )
    return QuoteOut(
        id=quote.id,
        document_id=quote.document_id,
        text=quote.text,
        start=quote.start,
        end=quote.end,
        kind=quote.kind,
        cue=quote.cue,
        speaker=QuoteSpeakerOut(
            id=quote.speaker_id,
            name=quote.speaker_name,
            mention=mention,
        ),
        confidence=quote.confidence,
        status=quote.status,
        method=quote.method,
        published_at=quote.document.published_at,
    )
