"""Lines that belong to the page, not the story: links, sign-ups, credits and headings."""

from __future__ import annotations

import re

_BOILERPLATE_START = re.compile(
    r"^\s*(?:READ\s+(?:ALSO|MORE|NEXT)|Read\s+(?:also|more|next)|Related(?:\s+\w+)?\s*:|RELATED|"
    r"See\s+also|Sign\s+up|Subscribe|Follow\s+(?:us|@)|Click\s+here|Advertisement|"
    r"Photo(?:graph)?\s*:|Picture\s*:|Image\s*:|Credit\s*:|Source\s*:|Via\s|Copyright|©|"
    r"Share\s+(?:this|on)|Watch\s*:|Listen\s*:|Recommended|Most\s+read|More\s+from|"
    r"Additional\s+reporting|Reporting\s+by|Editing\s+by|Writing\s+by|Top\s+stories)",
)
_CREDIT_ANYWHERE = re.compile(
    r"\((?:Picture|Photo|Image)\s+(?:source|credit)|Getty\s+Images|/\s*(?:AFP|Reuters|AP)\s*$|"
    r"\bAll\s+rights\s+reserved\b|\bnewsletter\b.*\b(?:sign|inbox)\b",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(
    r"^\s*(?:\*+|\[\s*(?:\.\.\.|…)\s*\]|(?:\*\s*)+|-{3,}|_{3,}|…|\.\.\.|#+)[.…]*\s*$"
)
_SENTENCE_PUNCTUATION = re.compile(r"[.!?:;”\"’']\s*$")


def is_boilerplate(paragraph: str) -> bool:
    """Navigation, promotion and credit lines that must never carry a quote."""
    return bool(_BOILERPLATE_START.match(paragraph) or _CREDIT_ANYWHERE.search(paragraph))


def is_separator(paragraph: str) -> bool:
    """'***', '[...]' and similar marks between parts of a transcript."""
    return bool(_SEPARATOR.match(paragraph))


def is_heading(paragraph: str) -> bool:
    """A short line without closing punctuation: a headline, crosshead or caption."""
    words = paragraph.split()
    return len(words) <= 14 and not _SENTENCE_PUNCTUATION.search(paragraph)
