"""Speakers, aliases and merges as the API shows and accepts them."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import JsonDict

from app.schemas.common import ApiModel, Id, reading_through
from app.vocabulary import SpeakerKind


class AliasOut(ApiModel):
    alias: str
    normalised: str


# Ruth Ellery as `attest ingest data/` stores her: quoted in both sample documents.
ELLERY_EXAMPLE: JsonDict = {
    "id": 1,
    "name": "Ruth Ellery",
    "kind": "person",
    "description": "the company's chief executive",
    "affiliation": "Calder Valley Water",
    "merged_into_id": None,
}


class SpeakerOut(ApiModel):
    model_config = ConfigDict(
        from_attributes=True, json_schema_extra={"examples": [ELLERY_EXAMPLE]}
    )

    id: int
    name: str
    kind: SpeakerKind
    description: str | None
    affiliation: str | None
    merged_into_id: int | None


class SpeakerDetail(SpeakerOut):
    # Read from a `SpeakerView`: the speaker with their aliases, quote count, first and last seen.
    model_config = reading_through("speaker") | ConfigDict(
        json_schema_extra={
            "examples": [
                ELLERY_EXAMPLE
                | {
                    "aliases": [
                        {"alias": "Ruth Ellery", "normalised": "ruth ellery"},
                        {
                            "alias": "the company's chief executive",
                            "normalised": "company's chief executive",
                        },
                        {"alias": "Ms Ellery", "normalised": "ms ellery"},
                        {
                            "alias": "Chief Executive of Calder Valley Water",
                            "normalised": "chief executive of calder valley water",
                        },
                    ],
                    "quote_count": 9,
                    "first_seen": "2024-06-20T10:00:00Z",
                    "last_seen": "2024-06-21T06:30:00Z",
                }
            ]
        }
    )

    aliases: list[AliasOut]
    quote_count: int
    first_seen: datetime | None = Field(description="Earliest publication date of a quote.")
    last_seen: datetime | None


class AliasIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"alias": "the Calder Valley Water chief"}]}
    )
    alias: str = Field(min_length=1, max_length=300)


class MergeIn(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"into": 1}]})
    into: Id = Field(description="The speaker that keeps the quotes and aliases.")
