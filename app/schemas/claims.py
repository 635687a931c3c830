"""Claims, their evidence, suggestions and candidates as the API shows and accepts them."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import AliasPath, BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic.json_schema import JsonDict

from app.schemas.common import ApiModel, EndOffset, Id, Offset, reading_through
from app.vocabulary import ClaimStatus, EntityType, SpeakerKind, Stance

# The examples come from the sample documents in data/, as `attest ingest data/` stores them
# (document 1 the article, 2 the press conference); tests/test_examples.py checks them.
CLAIM_EXAMPLE = "Calder Valley Water's reservoirs are at 38 per cent of capacity"
EXACT_EXAMPLE = "reservoirs at 38 per cent of capacity"


def _clean_tags(tags: list[str]) -> list[str]:
    """Trimmed, without blanks or repeats, in the order given."""
    return list(dict.fromkeys(tag.strip() for tag in tags if tag.strip()))


class OriginIn(BaseModel):
    """A span of a stored document that states the claim: it becomes the first evidence."""

    model_config = ConfigDict(extra="forbid")
    document_id: Id
    start: Offset
    end: EndOffset
    stance: Stance = Stance.supports
    note: str | None = Field(default=None, max_length=5000)


class ClaimIn(BaseModel):
    """A claim to track; with `from`, its text defaults to the span's words."""

    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
        json_schema_extra={
            "examples": [
                {
                    "text": CLAIM_EXAMPLE,
                    "kind": "statistic",
                    "tags": ["drought", "water"],
                    "notes": "Ruth Ellery gave the figure at the press conference on 20 June 2024.",
                },
                {
                    "text": "Calder Valley Water missed its leakage target three years running",
                    "from": {"document_id": 1, "start": 1226, "end": 1303, "stance": "supports"},
                },
            ]
        },
    )
    text: str | None = Field(default=None, min_length=1, max_length=2000)
    kind: str | None = Field(default=None, max_length=100)
    tags: list[str] = Field(default_factory=list, max_length=30)
    notes: str | None = Field(default=None, max_length=10_000)
    origin: OriginIn | None = Field(default=None, alias="from")

    @field_validator("tags")
    @classmethod
    def _tags(cls, tags: list[str]) -> list[str]:
        return _clean_tags(tags)

    @model_validator(mode="after")
    def _text_or_origin(self) -> ClaimIn:
        if self.text is None and self.origin is None:
            raise ValueError("give the claim's 'text', or 'from' a span of a document")
        if self.text is not None and not self.text.strip():
            raise ValueError("the claim's text is blank")
        return self


class ClaimPatch(BaseModel):
    """A change to a claim; only the fields given change (`null` clears optional ones)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"status": "supported", "rating_value": 5, "rating_label": "True"}]
        },
    )
    text: str | None = Field(default=None, min_length=1, max_length=2000)
    kind: str | None = Field(default=None, max_length=100)
    tags: list[str] | None = Field(default=None, max_length=30)
    notes: str | None = Field(default=None, max_length=10_000)
    status: ClaimStatus | None = None
    rating_value: int | None = Field(default=None, strict=True, ge=1, le=5)
    rating_label: str | None = Field(default=None, max_length=100)

    @field_validator("tags")
    @classmethod
    def _tags(cls, tags: list[str] | None) -> list[str] | None:
        return None if tags is None else _clean_tags(tags)

    @model_validator(mode="after")
    def _something_to_change(self) -> ClaimPatch:
        if not self.model_fields_set:
            raise ValueError("give at least one field to change")
        for required in ("text", "status", "tags"):
            if required in self.model_fields_set and getattr(self, required) is None:
                raise ValueError(f"'{required}' cannot be null")
        if self.text is not None and not self.text.strip():
            raise ValueError("the claim's text is blank")
        return self


class DocumentRef(ApiModel):
    id: int
    title: str
    publisher: str | None
    published_at: datetime | None
    url: str | None


class SpeakerRef(ApiModel):
    id: int | None
    name: str
    kind: SpeakerKind | None


class AppearanceOut(ApiModel):
    """Where and when a claim was first published, and by whom."""

    # Read from an `EvidenceView`.
    model_config = reading_through("evidence")

    evidence_id: int = Field(validation_alias=AliasPath("evidence", "id"))
    document: DocumentRef
    published_at: datetime | None = Field(
        validation_alias=AliasPath("evidence", "document", "published_at")
    )
    speaker: SpeakerRef | None
    exact: str


class ClaimOut(ApiModel):
    id: int
    text: str
    kind: str | None
    tags: list[str]
    notes: str | None
    status: ClaimStatus
    rating_value: int | None
    rating_label: str | None
    created_by: str | None
    created_at: datetime
    updated_at: datetime


class ClaimDetail(ClaimOut):
    # Read from a `ClaimSummary`: the claim, its evidence count and first appearance.
    model_config = reading_through("claim")

    evidence_count: int
    first_appearance: AppearanceOut | None = Field(
        description="The earliest published evidence; null while the claim has none."
    )


class EvidenceIn(BaseModel):
    """Words of a stored document that bear on the claim.

    Give `document_id` with `exact` (the words), or `start`/`end` (offsets into the stored
    text), or both to pick one occurrence; or give `quote_id` to cite a stored quote.
    """

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "document_id": 1,
                    "exact": EXACT_EXAMPLE,
                    "stance": "supports",
                    "note": "The Valley Herald repeats the figure the next day.",
                },
                {"quote_id": 13, "stance": "supports"},
            ]
        },
    )
    document_id: Id | None = None
    exact: str | None = Field(default=None, min_length=1, max_length=10_000)
    start: Offset | None = None
    end: EndOffset | None = None
    quote_id: Id | None = None
    stance: Stance = Stance.supports
    note: str | None = Field(default=None, max_length=5000)

    @model_validator(mode="after")
    def _one_way_to_anchor(self) -> EvidenceIn:
        if (self.start is None) != (self.end is None):
            raise ValueError("give 'start' and 'end' together")
        located = self.exact is not None or self.start is not None
        if self.quote_id is not None:
            if located:
                raise ValueError("with 'quote_id' the quote's own span is used: omit exact/start")
            return self
        if self.document_id is None or not located:
            raise ValueError("give 'document_id' with 'exact' or 'start'/'end', or a 'quote_id'")
        return self


class AcceptIn(BaseModel):
    """A suggestion to keep as evidence: its document and offsets, and the stance."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"document_id": 1, "start": 228, "end": 265, "stance": "supports"}]
        },
    )
    document_id: Id
    start: Offset
    end: EndOffset
    stance: Stance = Stance.supports
    note: str | None = Field(default=None, max_length=5000)


ARTICLE_DOCUMENT: JsonDict = {
    "id": 1,
    "title": "Hosepipe ban for the Calder Valley as reservoirs fall to 38 per cent",
    "publisher": "Valley Herald",
    "published_at": "2024-06-21T06:30:00Z",
    "url": None,
}
TRANSCRIPT_DOCUMENT: JsonDict = {
    "id": 2,
    "title": "Press conference: summer water restrictions",
    "publisher": "Calder Valley Water",
    "published_at": "2024-06-20T10:00:00Z",
    "url": None,
}
ELLERY: JsonDict = {"id": 1, "name": "Ruth Ellery", "kind": "person"}


class EvidenceOut(ApiModel):
    # Read from an `EvidenceView`: the evidence and the speaker of its words.
    model_config = reading_through("evidence") | ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": 1,
                    "claim_id": 1,
                    "document": TRANSCRIPT_DOCUMENT,
                    "quote_id": None,
                    "speaker": ELLERY,
                    "start": 486,
                    "end": 531,
                    "exact": "our reservoirs are at 38 per cent of capacity",
                    "prefix": "lley for more than sixty years, ",
                    "suffix": ". At this time of year they are ",
                    "stance": "supports",
                    "note": None,
                    "created_by": "desk-editor",
                    "created_at": "2024-06-21T09:30:00Z",
                }
            ]
        }
    )
    id: int
    claim_id: int
    document: DocumentRef
    quote_id: int | None
    speaker: SpeakerRef | None = Field(
        description="From the cited quote, or a stored quote whose span contains the evidence."
    )
    start: int = Field(description="TextPositionSelector start (characters into the text).")
    end: int
    exact: str = Field(description="TextQuoteSelector: the words,")
    prefix: str = Field(description="the 32 characters before them,")
    suffix: str = Field(description="and the 32 after.")
    stance: Stance
    note: str | None
    created_by: str | None
    created_at: datetime


class TimelineEntry(ApiModel):
    # Read from an `EvidenceView`.
    model_config = reading_through("evidence")

    evidence_id: int = Field(validation_alias=AliasPath("evidence", "id"))
    published_at: datetime | None = Field(
        validation_alias=AliasPath("evidence", "document", "published_at")
    )
    document: DocumentRef
    speaker: SpeakerRef | None
    stance: Stance
    exact: str


class HistoryEntry(ApiModel):
    id: int
    at: datetime
    actor: str
    action: str
    entity_type: Literal[EntityType.claim, EntityType.evidence]
    entity_id: int | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None


class SentenceOut(ApiModel):
    passage_id: int
    start: int
    end: int
    text: str


class SuggestionOut(ApiModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "document": ARTICLE_DOCUMENT,
                    "start": 228,
                    "end": 265,
                    "text": "reservoirs at 38 per cent of capacity",
                    "sentence": {
                        "passage_id": 4,
                        "start": 70,
                        "end": 266,
                        "text": "Households across the Calder Valley will be banned from using "
                        "hosepipes from 1 July, after the driest spring in the region for more "
                        "than sixty years left its reservoirs at 38 per cent of capacity.",
                    },
                    "score": 1.3123,
                    "why": [
                        "shares 7 of 8 terms: 38, calder, capac, cent, per, reservoir, valley",
                        "numbers agree: 38 per cent",
                        "names in common: calder, valley",
                        "closest wording (81% alike): “reservoirs at 38 per cent of capacity”",
                    ],
                }
            ]
        }
    )
    document: DocumentRef
    start: int = Field(description="Start of the best-matching words inside the sentence.")
    end: int
    text: str
    sentence: SentenceOut
    score: float
    why: list[str]


class CandidateOut(ApiModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "passage_id": 4,
                    "start": 70,
                    "end": 266,
                    "text": "Households across the Calder Valley will be banned from using "
                    "hosepipes from 1 July, after the driest spring in the region for more than "
                    "sixty years left its reservoirs at 38 per cent of capacity.",
                    "score": 0.9,
                    "reasons": [
                        "states a number: 1 July, sixty years, 38 per cent",
                        "reports a change: banned",
                        "compares: more than",
                        "names: calder, households, july, valley",
                    ],
                }
            ]
        }
    )
    passage_id: int
    start: int
    end: int
    text: str
    score: float
    reasons: list[str]
