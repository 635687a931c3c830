"""Page furniture is skipped, and every offset slices the text exactly."""

from __future__ import annotations

import pytest

from app.extract.pipeline import extract
from tests.extract.conftest import corpus_paths, read_exact


def test_read_also_link_is_not_attributed_to_anyone_nearby(ft):
    assert not [q for q in ft.quotes if "frogs in boiling water" in q.text]


def test_sign_up_and_related_lines_carry_no_quotes():
    text = (
        "“This is a milestone,” said Fiona MacLeod, chief executive of Northwind Energy.\n\n"
        "Related: “Record profits” for Northwind, says chairman\n\n"
        "Sign up to our newsletter for “the best stories” every morning\n"
    )
    quotes = extract(text).quotes
    assert [q.text for q in quotes] == ["This is a milestone,"]


@pytest.mark.parametrize("path", corpus_paths(), ids=lambda p: p.name)
def test_every_quote_offset_slices_the_document_exactly(path):
    text = read_exact(path)
    for quote in extract(text).quotes:
        pieces = [text[s.start : s.end] for s in quote.segments]
        assert " ".join(pieces) == quote.text
        assert (quote.start, quote.end) == (quote.segments[0].start, quote.segments[-1].end)
        if quote.clause is not None:
            assert quote.clause.start <= quote.start and quote.end <= quote.clause.end
        if quote.mention is not None:
            assert text[quote.mention.start : quote.mention.end] == quote.mention.text


def test_offsets_survive_windows_line_endings():
    text = "Intro line.\r\n\r\n“We will win,” said Ana Lopez.\r\n"
    quote = extract(text).quotes[0]
    assert text[quote.start : quote.end] == "We will win,"


def test_confidence_is_a_probability_like_number(ft):
    assert all(0.0 <= q.confidence <= 1.0 for q in ft.quotes)
