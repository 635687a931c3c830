"""Documents and passages as the API shows and accepts them."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, model_validator

from app.schemas.common import ApiModel

DocumentKind = Literal["article", "transcript", "press_release", "interview", "other"]

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
    published_at: datetime | None = None
    kind: DocumentKind = "article"
    language: str = Field(default="en", min_length=2, max_length=16)

    @model_validator(mode="after")
    def _exactly_one_body(self) -> DocumentIn:
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of 'text' or 'html'")
        return self


class DocumentOut(ApiModel):
    id: int
    title: str
    url: str | None
    publisher: str | None
    authors: list[str]
    published_at: datetime | None
    kind: str
    language: str
    source_format: str
    content_sha256: str
    length: int = Field(description="Characters in the stored text.")
    created_at: datetime


class DocumentDetail(DocumentOut):
    text: str = Field(description="The exact stored text; every offset points into it.")
    passage_count: int
    quote_count: int


class IngestResult(DocumentDetail):
    created: bool = Field(description="False when the same content was already stored.")
    extraction: str = Field(description="What the extraction pipeline did with the text.")


class PassageOut(ApiModel):
    id: int
    kind: Literal["paragraph", "sentence"]
    ordinal: int
    paragraph: int
    start: int
    end: int
    text: str
