"""Documents and passages as the API shows and accepts them."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, model_validator
from pydantic.json_schema import JsonDict

from app.schemas.common import ApiModel, Timestamp, reading_through
from app.vocabulary import DocumentKind, PassageKind, SourceFormat

# The examples come from the sample documents in data/ (our own writing), as stored by
# `attest ingest data/`: the article is document 1, the press-conference transcript document 2.
# tests/test_examples.py checks them against the samples.
ARTICLE_TITLE = "Hosepipe ban for the Calder Valley as reservoirs fall to 38 per cent"
ARTICLE_EXCERPT = (
    "Households across the Calder Valley will be banned from using hosepipes from 1 July, after "
    "the driest spring in the region for more than sixty years left its reservoirs at 38 per "
    "cent of capacity.\n\n"
    "“We have not seen the reservoirs this low in June since records began,” Ms Ellery said. "
    "“Every litre that stays in a reservoir this summer is a litre we can still supply in "
    "September.”"
)


class DocumentIn(BaseModel):
    """A document to ingest: a title and exactly one of `text` or `html`."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "title": ARTICLE_TITLE,
                    "text": ARTICLE_EXCERPT,
                    "publisher": "Valley Herald",
                    "kind": "article",
                    "published_at": "2024-06-21T07:30:00+01:00",
                    "authors": ["Nadia Kerr"],
                }
            ]
        },
    )

    title: str = Field(min_length=1, max_length=1000)
    text: str | None = Field(default=None, description="Plain text, stored exactly as given.")
    html: str | None = Field(default=None, description="An HTML page; its main text is stored.")
    url: HttpUrl | None = None
    publisher: str | None = Field(default=None, max_length=300)
    authors: list[str] = Field(default_factory=list, max_length=50)
    published_at: Timestamp | None = None
    kind: DocumentKind = DocumentKind.article
    language: str = Field(default="en", min_length=2, max_length=16)

    @model_validator(mode="after")
    def _exactly_one_body(self) -> DocumentIn:
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of 'text' or 'html'")
        return self


ARTICLE_EXAMPLE: JsonDict = {
    "id": 1,
    "title": ARTICLE_TITLE,
    "url": None,
    "publisher": "Valley Herald",
    "authors": ["Nadia Kerr"],
    "published_at": "2024-06-21T06:30:00Z",
    "kind": "article",
    "language": "en",
    "source_format": "text",
    "content_sha256": "5f021596608545d9a0fb383735ffe228d5e3d52f17f2475659c4031f84904957",
    "length": 1744,
    "created_at": "2024-06-21T07:02:11Z",
}


class DocumentOut(ApiModel):
    model_config = ConfigDict(json_schema_extra={"examples": [ARTICLE_EXAMPLE]})

    id: int
    title: str
    url: str | None
    publisher: str | None
    authors: list[str]
    published_at: datetime | None
    kind: DocumentKind
    language: str
    source_format: SourceFormat
    content_sha256: str
    length: int = Field(description="Characters in the stored text.")
    created_at: datetime


_DETAIL_EXAMPLE = ARTICLE_EXAMPLE | {
    "text": f"{ARTICLE_TITLE}\n\nHouseholds across the Calder Valley will be banned …",
    "passage_count": 28,
    "quote_count": 12,
}


class DocumentDetail(DocumentOut):
    # Read from a service result with the counts (`documents.DocumentView`, `Ingested`).
    model_config = ConfigDict(json_schema_extra={"examples": [_DETAIL_EXAMPLE]}) | reading_through(
        "document"
    )

    text: str = Field(description="The exact stored text; every offset points into it.")
    passage_count: int
    quote_count: int


class IngestResult(DocumentDetail):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                _DETAIL_EXAMPLE | {"created": True, "extraction": "12 quotes by 4 speakers found"}
            ]
        }
    )

    created: bool = Field(description="False when the same content was already stored.")
    extraction: str = Field(description="What the extraction pipeline did with the text.")


class PassageOut(ApiModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": 7,
                    "kind": "sentence",
                    "ordinal": 3,
                    "paragraph": 2,
                    "start": 337,
                    "end": 486,
                    "text": "Ruth Ellery, the company's chief executive, said the restrictions "
                    "would stay in place until the reservoirs recovered, which could take until "
                    "October.",
                }
            ]
        }
    )

    id: int
    kind: PassageKind
    ordinal: int
    paragraph: int
    start: int
    end: int
    text: str
