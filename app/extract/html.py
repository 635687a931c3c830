"""Main text and metadata of an HTML page, via trafilatura."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import trafilatura


@dataclass(frozen=True)
class HtmlArticle:
    text: str
    title: str | None
    authors: tuple[str, ...]
    published: date | None
    publisher: str | None
    url: str | None
    language: str | None


def article_from_html(html: str) -> HtmlArticle | None:
    """The page's main text and metadata, or None when the page has no article text."""
    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if document is None or isinstance(document, dict) or not (document.text or "").strip():
        return None  # a dict only comes back when as_dict=True is asked for
    return HtmlArticle(
        text=document.text or "",
        title=document.title or None,
        authors=_split_authors(document.author),
        published=_parse_date(document.date),
        publisher=document.sitename or None,
        url=document.url or None,
        language=document.language or None,
    )


def _split_authors(author: str | None) -> tuple[str, ...]:
    if not author:
        return ()
    return tuple(name.strip() for name in author.split(";") if name.strip())


def _parse_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None
