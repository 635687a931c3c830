"""Documents and passages as the API shows and accepts them."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, model_validator
from pydantic.json_schema import JsonDict

from app.schemas.common import ApiModel, Timestamp, reading_through
from app.vocabulary import DocumentKind, PassageKind, SourceFormat

SEED_TEXT_EXAMPLE = (
    "Jens Stoltenberg, Nato’s secretary-general, welcomed Washington’s push for greater action "
    "against international terrorism but said the best way to do this was by training local "
    "forces rather than deploying alliance troops to fight.\n\n"
    "“Sometimes we have to do that, but the best way is to enable local forces to fight "
    "terrorism themselves,” the secretary-general told reporters in Brussels on Thursday."
)


class DocumentIn(BaseModel):
    """A document to ingest: a title and exactly one of `text` or `html`."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "title": "Nato chief warns alliance unlikely to deploy extra combat troops",
                    "text": SEED_TEXT_EXAMPLE,
                    "publisher": "Financial Times",
                    "kind": "article",
                    "published_at": "2020-01-09T12:00:00Z",
                    "authors": ["Helen Warrell"],
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


FT_DOCUMENT_EXAMPLE: JsonDict = {
    "id": 1,
    "title": "Nato chief warns alliance unlikely to deploy extra combat troops to Middle East",
    "url": None,
    "publisher": "Financial Times",
    "authors": [],
    "published_at": "2020-01-09T12:00:00Z",
    "kind": "article",
    "language": "en",
    "source_format": "text",
    "content_sha256": "ab5978cf9dbb0bf2c2445aef0a15c5e762f8a85cfed215b65f6344ebb2787449",
    "length": 4187,
    "created_at": "2026-11-23T09:30:00Z",
}


class DocumentOut(ApiModel):
    model_config = ConfigDict(json_schema_extra={"examples": [FT_DOCUMENT_EXAMPLE]})

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


_DETAIL_EXAMPLE = FT_DOCUMENT_EXAMPLE | {
    "text": "Via Financial Times\n\nNato’s chief has warned the military alliance is unlikely …",
    "passage_count": 42,
    "quote_count": 19,
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
                _DETAIL_EXAMPLE | {"created": True, "extraction": "19 quotes by 5 speakers found"}
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
                    "id": 8,
                    "kind": "sentence",
                    "ordinal": 3,
                    "paragraph": 3,
                    "start": 450,
                    "end": 675,
                    "text": "His remarks came after Donald Trump this week demanded the 29 "
                    "member-alliance expand its role in Middle East conflict zones, creating a "
                    "possible new US flashpoint with European partners that are reluctant to make "
                    "such a move.",
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
