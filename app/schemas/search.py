"""Search results as the API shows them."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.quotes import SpanOut
from app.services.search import Hit
from app.vocabulary import SearchType


class SearchHitOut(BaseModel):
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


def hit_out(hit: Hit) -> SearchHitOut:
    return SearchHitOut(
        type=hit.type,
        id=hit.id,
        kind=hit.kind,
        text=hit.text,
        snippet=hit.snippet,
        rank=hit.rank,
        document_id=hit.document_id,
        title=hit.title,
        publisher=hit.publisher,
        published_at=hit.published_at,
        start=hit.start,
        end=hit.end,
        speaker_id=hit.speaker_id,
        speaker_name=hit.speaker_name,
        segments=(
            None if hit.segments is None else [SpanOut.model_validate(s) for s in hit.segments]
        ),
        clause=(
            None
            if hit.clause_start is None or hit.clause_end is None
            else SpanOut(start=hit.clause_start, end=hit.clause_end)
        ),
    )
