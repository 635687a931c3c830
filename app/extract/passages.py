"""Split a document's text into paragraphs and sentences, with offsets into the exact text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from app.extract.cues import CUE_WORD
from app.extract.lexicon import TITLE_ABBREVIATIONS, wordset

PassageKind = Literal["paragraph", "sentence"]

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n(?=\s*\S)")
# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) before whitespace
# and an opening capital, digit or quote. Abbreviations are rejected afterwards.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"'“‘(\[]{0,2}[A-Z0-9])")
# Up to three capitalised words then a speech verb, or the verb first: "Graham asked".
_ATTRIBUTION_AFTER_QUOTE = re.compile(
    rf"[ \t]+(?:(?:[A-Z][\w’'.\-]*[ \t]+){{1,3}}(?:{CUE_WORD.pattern})|(?:{CUE_WORD.pattern})[ \t])"
)
_ABBREVIATIONS = wordset(
    """
    mr mrs ms dr prof sen rep gov gen lt col maj capt sgt st jr sr no vs v inc ltd co
    corp jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e etc al fig
    rev hon
    """
)


@dataclass(frozen=True, slots=True)
class Passage:
    kind: PassageKind
    ordinal: int
    start: int
    end: int
    paragraph: int  # ordinal of the paragraph this passage is (or lies in)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Non-blank lines or blank-line separated blocks, trimmed of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    position = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        _append_trimmed(text, position, match.start(), spans)
        position = match.end()
    _append_trimmed(text, position, len(text), spans)
    return spans


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentences of text[start:end], trimmed, as absolute offsets."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    position = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if (
            _is_abbreviation(text, position, match.start())
            or _is_spaced_ellipsis(text, match)
            or _attribution_follows(text, match)
        ):
            continue
        _append_trimmed(text, position, match.end(), spans)
        position = match.end()
    _append_trimmed(text, position, end, spans)
    return spans


def split_passages(text: str) -> list[Passage]:
    """Every paragraph, then every sentence within it, numbered in reading order."""
    passages: list[Passage] = []
    sentence_ordinal = 0
    for paragraph_ordinal, (p_start, p_end) in enumerate(paragraph_spans(text)):
        passages.append(Passage("paragraph", paragraph_ordinal, p_start, p_end, paragraph_ordinal))
        for s_start, s_end in sentence_spans(text, p_start, p_end):
            passages.append(
                Passage("sentence", sentence_ordinal, s_start, s_end, paragraph_ordinal)
            )
            sentence_ordinal += 1
    return passages


def _append_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def _is_abbreviation(text: str, sentence_start: int, stop: int) -> bool:
    if text[stop] != ".":
        return False
    word_start = stop
    while word_start > sentence_start and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start:stop].lower().lstrip("(\"'“‘")
    return (
        word in _ABBREVIATIONS or word in TITLE_ABBREVIATIONS or (len(word) == 1 and word.isalpha())
    )


def _attribution_follows(text: str, match: re.Match[str]) -> bool:
    """'“Why now?” Graham asked.': a question or exclamation in quotes and its attribution are
    one sentence."""
    return (
        text[match.start()] in "?!"
        and bool(_ATTRIBUTION_AFTER_QUOTE.match(text, match.end()))
        and match.group(0)[-1:] in "\"”’'"
    )


def _is_spaced_ellipsis(text: str, match: re.Match[str]) -> bool:
    """'. . .' inside a sentence (as in transcripts) is not a sentence end."""
    stop = match.start()
    return text[stop] == "." and (
        text[max(0, stop - 2) : stop] == ". " or text[stop + 1 : stop + 3] == " ."
    )
