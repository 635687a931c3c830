"""Quotation marks: where quoted material opens and closes, across paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Two apostrophes stand for a double mark in some wire and archive feeds: ''It's over,''
_DOUBLE_MARK = re.compile(r"[“”\"]|''")
_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))[‘'](?=[^\W\d_]|\d|\.\.\.|…)", re.MULTILINE)
_SINGLE_CLOSE_CHARS = frozenset("’'")
_OPENING_CONTEXT = frozenset(" \t\n([{—–-/")


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """Material between an opening and a closing mark, within one paragraph."""

    start: int  # first character of the content
    end: int  # one past the last character of the content
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark, None when it runs on to the next paragraph
    paragraph: int
    continues: bool  # re-opened at the start of a paragraph, continuing the previous one


def find_quoted_spans(
    text: str, paragraphs: list[tuple[int, int]], skip: set[int]
) -> list[QuotedSpan]:
    """Top-level quotations (double marks, or single marks used as the outer level)."""
    spans: list[QuotedSpan] = []
    open_run = False
    for index, (p_start, p_end) in enumerate(paragraphs):
        if index in skip:
            open_run = False
            continue
        found = _double_spans(text, p_start, p_end, index)
        if not found:
            found = _single_spans(text, p_start, p_end, index)
        found = [_mark_continuation(span, open_run, text) for span in found]
        spans.extend(found)
        open_run = bool(found) and found[-1].close_mark is None
    return spans


def _mark_continuation(span: QuotedSpan, open_run: bool, text: str) -> QuotedSpan:
    at_paragraph_start = text[span.open_mark - 1 : span.open_mark].strip() == "" or (
        span.open_mark == 0
    )
    if open_run and at_paragraph_start and _is_first_mark_of_paragraph(text, span):
        return QuotedSpan(
            span.start, span.end, span.open_mark, span.close_mark, span.paragraph, True
        )
    return span


def _is_first_mark_of_paragraph(text: str, span: QuotedSpan) -> bool:
    line_start = text.rfind("\n", 0, span.open_mark) + 1
    return text[line_start : span.open_mark].strip() == ""


def _double_spans(text: str, start: int, end: int, paragraph: int) -> list[QuotedSpan]:
    spans: list[QuotedSpan] = []
    opened: int | None = None
    inner = 0  # “curly” quotes open inside the current one: 'what he calls “hell” than ...'
    for match in _DOUBLE_MARK.finditer(text, start, end):
        position, mark = match.start(), match.group(0)
        if opened is None:
            if mark == "“" or (mark in _AMBIGUOUS and _looks_like_opening(text, position, start)):
                opened, width = position, len(mark)
            elif mark == "”" and _opens_paragraph(text, position, start):
                opened, width = position, 1  # ”Fear. I am afraid ...”: a typo for “
        elif mark == "“":
            if text.count("”", position, end) > inner + 1:
                inner += 1  # closed twice later on: a quote within the quote
            else:
                opened, width = position, 1  # an unclosed mark is a typo: trust this one
        elif mark == "”" and inner:
            inner -= 1
        else:
            close = position + len(mark) - 1
            _add(spans, text, opened, position, paragraph, close, width)
            opened = None
    if opened is not None:
        _add(spans, text, opened, end, paragraph, None, width)
    return spans


_AMBIGUOUS = frozenset(('"', "''"))


def _opens_paragraph(text: str, position: int, paragraph_start: int) -> bool:
    return position == paragraph_start and text[position + 1 : position + 2].isalpha()


def _single_spans(text: str, start: int, end: int, paragraph: int) -> list[QuotedSpan]:
    """Outer single quotes, as in British tabloids: ‘We will win,’ he said."""
    spans: list[QuotedSpan] = []
    position = start
    while True:
        opening = _SINGLE_OPEN.search(text, position, end)
        if opening is None:
            return spans
        close = _single_close(text, opening.end(), end)
        if close is None:
            if _runs_to_paragraph_end(text, opening.start(), start):
                _add(spans, text, opening.start(), end, paragraph, None)
            return spans
        _add(spans, text, opening.start(), close, paragraph, close)
        position = close + 1


def nested_single_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the contents of ‘single’ quotes inside text[start:end]."""
    spans: list[tuple[int, int]] = []
    position = start
    while True:
        opening = _SINGLE_OPEN.search(text, position, end)
        if opening is None:
            return spans
        close = _single_close(text, opening.end(), end)
        if close is None:
            return spans
        inner_start, inner_end = opening.end(), close
        while inner_end > inner_start and text[inner_end - 1] in " \t":
            inner_end -= 1
        if inner_end > inner_start:
            spans.append((inner_start, inner_end))
        position = close + 1


def _single_close(text: str, start: int, end: int) -> int | None:
    for position in range(start, end):
        if text[position] in _SINGLE_CLOSE_CHARS:
            after = text[position + 1 : position + 2]
            before = text[position - 1 : position]
            # An apostrophe sits between letters (it’s) or ends a plural possessive (Allies’ ).
            if (after == "" or not after.isalpha()) and before and not before.isspace():
                if before == "s" and after == " " and not _quote_end_likely(text, position):
                    continue
                return position
    return None


def _quote_end_likely(text: str, position: int) -> bool:
    following = text[position + 1 : position + 24].lstrip()
    return bool(re.match(r"(?:said|says|added|told|asked|he|she|they|according)\b", following))


def _runs_to_paragraph_end(text: str, opening: int, paragraph_start: int) -> bool:
    return text[paragraph_start:opening].strip() == ""


def _looks_like_opening(text: str, position: int, floor: int) -> bool:
    return position == floor or text[position - 1] in _OPENING_CONTEXT


def _looks_like_closing(text: str, position: int, ceiling: int) -> bool:
    after = text[position + 1 : position + 2]
    return after == "" or position + 1 >= ceiling or not after.isalnum()


def _add(
    spans: list[QuotedSpan],
    text: str,
    opened: int,
    stop: int,
    paragraph: int,
    close: int | None,
    width: int = 1,
) -> None:
    start, end = opened + width, stop
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(QuotedSpan(start, end, opened, close, paragraph, False))
