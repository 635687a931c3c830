"""Speakers, aliases and merges as the API shows and accepts them."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.common import ApiModel


class AliasOut(ApiModel):
    alias: str
    normalised: str


class SpeakerOut(ApiModel):
    id: int
    name: str
    kind: Literal["person", "organisation", "group"]
    description: str | None
    affiliation: str | None
    merged_into_id: int | None


class SpeakerDetail(SpeakerOut):
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
    into: int = Field(description="The speaker that keeps the quotes and aliases.", ge=1)
