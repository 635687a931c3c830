"""Indirect speech: a speech verb and the clause it reports."""

from __future__ import annotations

from app.extract.pipeline import extract
from tests.extract.conftest import quote_containing


def test_said_clause_without_that_is_an_indirect_quote(ft):
    quote = quote_containing(ft, "the best way to do this was by training local forces")
    assert quote.kind == "indirect"
    assert quote.cue == "said"
    assert quote.text.startswith("the best way")
    assert quote.speaker == "Jens Stoltenberg"


def test_leading_that_is_not_part_of_the_reported_clause():
    text = "Mr Osei said on Friday that his client would appeal against the sentence."
    quote = extract(text).quotes[0]
    assert quote.text == "his client would appeal against the sentence"


def test_adding_continuation_becomes_its_own_quote(ft):
    quote = quote_containing(ft, "consultations with allies")
    assert quote.cue == "adding"
    assert quote.kind == "indirect"
    assert quote.speaker == "Jens Stoltenberg"


def test_clause_before_comma_she_added_is_reported_speech(ft):
    quote = quote_containing(ft, "Most allies have little appetite")
    assert (quote.kind, quote.cue, quote.speaker) == ("indirect", "added", "Claudia Major")
    assert quote.mention.text == "she"


def test_writers_participle_after_the_clause_is_left_out(ft):
    quote = quote_containing(ft, "the 29 member-alliance expand its role")
    assert quote.text.endswith("conflict zones")
    assert quote.speaker == "Donald Trump"


def test_unnamed_group_is_a_speaker(ft):
    quote = quote_containing(ft, "Nato has tended to respond")
    assert quote.speaker == "Analysts and diplomats"
    speaker = next(s for s in ft.speakers if s.name == "Analysts and diplomats")
    assert speaker.kind == "group"


def test_according_to_an_organisations_document_names_the_organisation(ft):
    quote = quote_containing(ft, "emphasised the value of Nato")
    assert quote.cue == "according to"
    assert quote.speaker == "White House"


def test_passive_hearsay_is_not_attributed():
    text = "United's players are said to be frustrated by the lack of new signings."
    assert extract(text).quotes == ()


def test_added_to_is_not_speech():
    text = "The strike added to the pressure on the government, which faces an election in May."
    assert extract(text).quotes == ()
