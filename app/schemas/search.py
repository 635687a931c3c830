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
                    "id": 20,
                    "kind": "sentence",
                    "text": "According to the Water Services Board, Calder Valley Water missed "
                    "its leakage target in each of the last three years.",
                    "snippet": "According to the Water Services Board, Calder Valley Water missed "
                    "its <mark>leakage</mark> <mark>target</mark> in each of the last three years",
                    "rank": 0.0991,
                    "document_id": 1,
                    "title": "Hosepipe ban for the Calder Valley as reservoirs fall to 38 per cent",
                    "publisher": "Valley Herald",
                    "published_at": "2024-06-21T06:30:00Z",
                    "start": 1187,
                    "end": 1304,
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
