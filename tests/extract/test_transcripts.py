"""Transcripts: labelled turns, reporters' questions and speeches under a heading."""

from __future__ import annotations

from app.extract.pipeline import extract
from tests.extract.conftest import quote_containing


def test_speech_heading_makes_following_paragraphs_transcript_quotes(nato_transcript):
    quote = quote_containing(nato_transcript, "I have just chaired a meeting")
    assert (quote.kind, quote.speaker) == ("transcript", "Jens Stoltenberg")


def test_separators_are_not_quotes(nato_transcript):
    assert not [q for q in nato_transcript.quotes if q.text in ("***", "[...]")]


def test_question_label_with_bracket_names_the_outlet(nato_transcript):
    quote = quote_containing(nato_transcript, "Should Iran retaliate")
    assert (quote.kind, quote.speaker) == ("question", "TV 2")


def test_reporter_introducing_himself_asks_a_question(nato_transcript):
    quote = quote_containing(nato_transcript, "Was the criticism")
    assert quote.kind == "question"
    assert quote.speaker == "Philip Lote"
    assert quote.text.startswith("Was the criticism")


def test_later_turn_by_a_questioner_is_a_question(nato_transcript):
    quote = quote_containing(nato_transcript, "Did you understand the assassination")
    assert (quote.kind, quote.speaker) == ("question", "Philip Lote")


def test_unlabelled_paragraph_continues_the_current_turn(nato_transcript):
    quote = quote_containing(nato_transcript, "NATO support, Coalition support")
    assert (quote.kind, quote.speaker) == ("transcript", "Jens Stoltenberg")


def test_capitalised_labels_with_titles_resolve_to_the_plain_name():
    text = (
        "HELEN OKAFOR: Good afternoon.\n\n"
        "PROFESSOR DAVID LUNN: Thank you, Secretary of State.\n\n"
        "Q [ITV News]: What do you say to the nurses?\n"
    )
    extraction = extract(text)
    assert quote_containing(extraction, "Good afternoon").speaker.lower() == "helen okafor"
    assert quote_containing(extraction, "Thank you").speaker.lower() == "david lunn"
    assert quote_containing(extraction, "nurses").kind == "question"


def test_interview_answers_go_to_the_interviewee():
    text = (
        "Sara Lindqvist's fourth novel has sold a million copies. We met Sara Lindqvist in "
        "Stockholm.\n\n"
        "Q: Where did the drowning come from?\n\n"
        "A: From my own fear, really.\n"
    )
    extraction = extract(text)
    assert quote_containing(extraction, "Where did").kind == "question"
    assert quote_containing(extraction, "my own fear").speaker == "Sara Lindqvist"


def test_a_headline_in_label_form_does_not_start_a_transcript():
    text = (
        "Dana Ortiz: ‘It Is Not A Radical Idea’ To Raise The Wage\n\n"
        "Senator Dana Ortiz defended her plan on Sunday.\n\n"
        "“I apologise to nobody for that,” Ortiz said.\n\n"
        "Critics: the plan costs too much, said the chamber of commerce."
    )
    quote = quote_containing(extract(text), "apologise")
    assert quote.kind == "direct"
    assert not [q for q in extract(text).quotes if q.text.startswith("Senator Dana Ortiz")]


def test_reported_paragraph_ends_a_speakers_turn():
    text = (
        "MATTHEWS: Is speculation bad?\n\nLOPEZ: Well, nobody calls a pension speculation.\n\n"
        "It comes down to words.\n\n"
        "“That is the whole fight,” Lopez said later in an interview with the paper."
    )
    assert quote_containing(extract(text), "whole fight").kind == "direct"
