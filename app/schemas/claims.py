"""Claims, their evidence, suggestions and candidates as the API shows and accepts them."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import AliasPath, BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic.json_schema import JsonDict

from app.schemas.common import ApiModel, EndOffset, Id, Offset, reading_through
from app.vocabulary import ClaimStatus, EntityType, SpeakerKind, Stance

CLAIM_EXAMPLE = "NATO's training mission in Iraq is temporarily suspended"
EXACT_EXAMPLE = "which is temporarily suspended because of the Iran crisis"


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
                    "kind": "status",
                    "tags": ["nato", "iraq"],
                    "notes": "Stoltenberg announced the pause on 6 January 2020.",
                },
                {
                    "text": "NATO's training mission for Iraqi forces is 430 strong",
                    "from": {"document_id": 1, "start": 2312, "end": 2370, "stance": "supports"},
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
                    "note": "The FT reports the suspension three days after NATO announced it.",
                },
                {"quote_id": 12, "stance": "supports"},
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
            "examples": [{"document_id": 2, "start": 461, "end": 533, "stance": "supports"}]
        },
    )
    document_id: Id
    start: Offset
    end: EndOffset
    stance: Stance = Stance.supports
    note: str | None = Field(default=None, max_length=5000)


NATO_DOCUMENT: JsonDict = {
    "id": 2,
    "title": "NATO addresses Middle East tensions",
    "publisher": "NATO",
    "published_at": "2020-01-06T15:00:00Z",
    "url": None,
}
STOLTENBERG: JsonDict = {"id": 1, "name": "Jens Stoltenberg", "kind": "person"}


class EvidenceOut(ApiModel):
    # Read from an `EvidenceView`: the evidence and the speaker of its words.
    model_config = reading_through("evidence") | ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": 2,
                    "claim_id": 1,
                    "document": NATO_DOCUMENT,
                    "quote_id": None,
                    "speaker": STOLTENBERG,
                    "start": 3243,
                    "end": 3335,
                    "exact": "We have suspended our training mission now, because of the "
                    "security situation on the ground.",
                    "prefix": "ion from the Iraqi authorities. ",
                    "suffix": " But we are ready to restart the",
                    "stance": "supports",
                    "note": None,
                    "created_by": "desk-editor",
                    "created_at": "2020-01-10T09:30:00Z",
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
                    "document": NATO_DOCUMENT,
                    "start": 478,
                    "end": 508,
                    "text": "temporarily suspended training",
                    "sentence": {
                        "passage_id": 41,
                        "start": 290,
                        "end": 534,
                        "text": "Speaking after the meeting of NATO’s North Atlantic Council, "
                        "Secretary-General Jens Stoltenberg stressed that the safety of NATO’s "
                        "personnel in Iraq is paramount and that the Alliance had temporarily "
                        "suspended training activities on the ground.",
                    },
                    "score": 1.0974,
                    "why": [
                        "shares 5 of 6 terms: iraq, nato, suspend, temporarili, train",
                        "names in common: iraq, nato",
                        "closest wording (61% alike): “temporarily suspended training”",
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
                    "passage_id": 23,
                    "start": 2287,
                    "end": 2430,
                    "text": "Possible options include expanding the 430-strong training mission "
                    "for Iraqi forces, which is temporarily suspended because of the Iran crisis.",
                    "score": 0.75,
                    "reasons": [
                        "states a number: 430-strong",
                        "reports a change: suspended",
                        "names: iran, iraqi",
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
