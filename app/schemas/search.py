"""Search results as the API shows them."""

from __future__ import annotations

from datetime import datetime

from pydantic import ConfigDict, Field

from app.schemas.common import ApiModel
from app.schemas.quotes import SpanOut
from app.vocabulary import SearchType


class SearchHitOut(ApiModel):
    # Read from a search hit (`services.search.Hit`).
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "type": "passage",
                    "id": 12,
                    "kind": "sentence",
                    "text": "We remain strongly committed to the fight against international "
                    "terrorism.",
                    "snippet": "We remain strongly committed to the fight against international "
                    "<mark>terrorism</mark>.",
                    "rank": 0.0608,
                    "document_id": 2,
                    "title": "NATO addresses Middle East tensions",
                    "publisher": "NATO",
                    "published_at": "2020-01-06T15:00:00Z",
                    "start": 1853,
                    "end": 1926,
                    "speaker_id": None,
                    "speaker_name": None,
                    "segments": None,
                    "clause": None,
                }
            ]
        }
    )

    type: SearchType
    id: int
    kind: str | None = Field(description="Passage kind, quote kind or claim kind.")
    text: str
    snippet: str = Field(description="The best fragments with matched words in <mark>…</mark>.")
    rank: float = Field(description="ts_rank of the row for the query.")
    document_id: int | None
    title: str | None
    publisher: str | None
    published_at: datetime | None = Field(description="For claims: when the claim was created.")
    start: int | None = Field(description="Offset into the document text (passages and quotes).")
    end: int | None
    speaker_id: int | None
    speaker_name: str | None
    segments: list[SpanOut] | None = Field(
        description="For quotes: the quoted pieces in reading order, as offsets into the "
        "document text (several when the attribution interrupts the quote). Null for passages "
        "and claims."
    )
    clause: SpanOut | None = Field(
        description="For partial quotes: the reported clause their quoted words sit in. Null "
        "otherwise."
    )
