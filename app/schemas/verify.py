"""Verifying a circulating quote: the question and the answer."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from app.extract.alignment import OpName
from app.schemas.common import ApiModel
from app.vocabulary import Verdict

MISQUOTE = "The best way to fight terrorism is not deploying Nato troops in combat"
SHORTENED = "I strongly believe that the best way ... is not always by deploying Nato troops"


class VerifyIn(BaseModel):
    """A quote as it circulates, and optionally who it is attributed to."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"text": MISQUOTE, "speaker": "Jens Stoltenberg"},
                {"text": SHORTENED},
                {"text": "We agree Iran must never acquire a nuclear weapon.", "speaker": "Trump"},
            ]
        },
    )

    text: str = Field(min_length=1, max_length=2000, description="The words as they circulate.")
    speaker: str | None = Field(
        default=None, max_length=200, description="Who the words are attributed to."
    )


class DiffOpOut(ApiModel):
    op: OpName
    source: str = Field(description="The words in the source (empty for an insert).")
    claimed: str = Field(description="The words as claimed (empty for a delete).")


class AttributedSpeakerOut(ApiModel):
    quote_id: int = Field(description="The stored quote overlapping the match.")
    speaker_id: int | None
    name: str | None


class VerifyMatchOut(ApiModel):
    document_id: int
    title: str
    publisher: str | None
    published_at: datetime | None
    start: int = Field(description="Offset of the matched words in the document text.")
    end: int
    source_text: str = Field(
        description="Exactly document.text[start:end]; for a match across the segments of a "
        "quote split by its attribution, those segments' words joined with a space, without the "
        "attribution between them."
    )
    verdict: Literal[Verdict.verbatim, Verdict.altered, Verdict.paraphrase]
    similarity: float = Field(ge=0, le=1)
    diff: list[DiffOpOut]
    attributed_to: AttributedSpeakerOut | None = Field(
        description="Who the database says spoke these words; null if no stored quote covers them."
    )
    speaker_matches: bool | None = Field(
        description="Is the attributed speaker the one asked about? Null if either is unknown."
    )


class VerifyOut(ApiModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "verdict": "altered",
                    "text": MISQUOTE,
                    "speaker": "Jens Stoltenberg",
                    "diff": [
                        {"op": "equal", "source": "the best way", "claimed": "The best way"},
                        {"op": "replace", "source": "we can", "claimed": "to"},
                        {"op": "equal", "source": "fight", "claimed": "fight"},
                        {"op": "delete", "source": "international", "claimed": ""},
                    ],
                    "matches": [],
                    "first_appearance": None,
                }
            ]
        }
    )

    verdict: Verdict
    text: str
    speaker: str | None
    diff: list[DiffOpOut] = Field(description="Word-level changes against the best match.")
    matches: list[VerifyMatchOut] = Field(description="Best first: verdict, then similarity.")
    first_appearance: VerifyMatchOut | None = Field(
        description="The earliest published match among those with the best verdict."
    )
