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


STOLTENBERG_EXAMPLE: JsonDict = {
    "id": 1,
    "name": "Jens Stoltenberg",
    "kind": "person",
    "description": "Nato’s secretary-general",
    "affiliation": "Nato",
    "merged_into_id": None,
}


class SpeakerOut(ApiModel):
    model_config = ConfigDict(
        from_attributes=True, json_schema_extra={"examples": [STOLTENBERG_EXAMPLE]}
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
                STOLTENBERG_EXAMPLE
                | {
                    "aliases": [
                        {"alias": "Jens Stoltenberg", "normalised": "jens stoltenberg"},
                        {"alias": "Mr Stoltenberg", "normalised": "mr stoltenberg"},
                        {
                            "alias": "Nato’s secretary-general",
                            "normalised": "nato's secretary-general",
                        },
                    ],
                    "quote_count": 24,
                    "first_seen": "2020-01-06T15:00:00Z",
                    "last_seen": "2020-01-09T12:00:00Z",
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
        extra="forbid", json_schema_extra={"examples": [{"alias": "Nato’s secretary-general"}]}
    )
    alias: str = Field(min_length=1, max_length=300)


class MergeIn(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"into": 1}]})
    into: Id = Field(description="The speaker that keeps the quotes and aliases.")
