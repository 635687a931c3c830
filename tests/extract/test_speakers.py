"""Who said it: names, titles, roles, appositives and pronouns."""

from __future__ import annotations

from app.extract.pipeline import extract
from tests.extract.conftest import quote_containing


def test_appositive_role_becomes_alias_of_the_person(ft):
    speaker = next(s for s in ft.speakers if s.name == "Jens Stoltenberg")
    assert "Nato’s secretary-general" in speaker.aliases
    assert "the secretary-general" in speaker.aliases
    assert speaker.description == "Nato’s secretary-general"
    assert speaker.affiliation == "Nato"


def test_role_mentioned_before_the_person_resolves_forward(ft):
    quote = quote_containing(ft, "unlikely to deploy extra combat troops")
    assert quote.mention.text == "Nato’s chief"
    assert quote.speaker == "Jens Stoltenberg"


def test_canonical_name_strips_the_title():
    text = (
        "Speaking after the meeting, Secretary-General Jens Stoltenberg stressed that the "
        "safety of personnel was paramount."
    )
    quote = extract(text).quotes[0]
    assert quote.speaker == "Jens Stoltenberg"
    assert quote.mention.text == "Secretary-General Jens Stoltenberg"


def test_surname_with_title_resolves_to_the_full_name(ft):
    quote = quote_containing(ft, "For me it’s no surprise")
    assert quote.mention.text == "Mr Stoltenberg"
    assert quote.speaker == "Jens Stoltenberg"


def test_pronoun_prefers_the_subject_of_the_previous_sentence(ft):
    quote = quote_containing(ft, "the transatlantic alliance could build")
    assert quote.mention.text == "He"
    assert quote.speaker == "Jens Stoltenberg"


def test_she_and_he_resolve_to_the_matching_person():
    text = (
        "Anna Berg, who chairs the transport committee, defended the scheme. Her brother, "
        "Tomas Berg, the opposition’s finance spokesman, attacked it.\n\n"
        "He said the council had underestimated the cost of moving utilities.\n\n"
        "She said independent engineers had reviewed the figures twice.\n"
    )
    extraction = extract(text)
    assert quote_containing(extraction, "underestimated").speaker == "Tomas Berg"
    assert quote_containing(extraction, "independent engineers").speaker == "Anna Berg"


def test_two_people_sharing_a_surname_are_told_apart_by_title():
    text = (
        "Anna Berg and her brother Tomas Berg clashed in the chamber.\n\n"
        "“People are tired of waiting,” Ms Berg said.\n\n"
        "“I will not put the council’s finances at risk,” Mr Berg said.\n"
    )
    extraction = extract(text)
    assert quote_containing(extraction, "tired of waiting").speaker == "Anna Berg"
    assert quote_containing(extraction, "finances at risk").speaker == "Tomas Berg"


def test_surname_particle_links_to_the_full_name():
    text = (
        '"We have been patient," said Marieke de Vries, a negotiator for the union.\n\n'
        "De Vries said the union would not return to the table.\n"
    )
    quote = quote_containing(extract(text), "would not return")
    assert quote.speaker == "Marieke de Vries"


def test_an_unnamed_spokesman_is_the_speaker_under_that_description():
    text = "“The bank has cooperated fully with the authorities,” a spokesman said."
    quote = extract(text).quotes[0]
    assert quote.speaker == "spokesman"
    assert quote.mention.text == "a spokesman"


def test_pronoun_without_any_antecedent_is_none():
    text = "“We will appeal,” he said."
    assert extract(text).quotes[0].speaker is None


def test_nationality_descriptor_refers_to_the_person_in_focus():
    text = (
        "“My client is one of the best young forwards in Europe,” Paolo Rinaldi told reporters "
        "in Milan.\n\nThe Italian added that three other clubs had made enquiries.\n"
    )
    quote = quote_containing(extract(text), "three other clubs")
    assert quote.speaker == "Paolo Rinaldi"


def test_a_surname_stays_with_the_person_already_called_by_it():
    text = (
        "Tom Varga spoke in Leeds on Monday. Varga said he would not back the deal. "
        "Critics had attacked Mia Varga, his wife. “I will not stand for it,” Varga said."
    )
    quote = next(q for q in extract(text).quotes if "stand for it" in q.text)
    assert quote.speaker == "Tom Varga"


def test_an_uncommon_given_name_still_marks_the_person_she_refers_to():
    text = "Ffion Hughes runs the workshop on the quay. “Nobody rushes a clock,” she said."
    assert quote_containing(extract(text), "rushes a clock").speaker == "Ffion Hughes"


def test_a_surname_that_is_also_a_first_name_is_not_read_as_a_man():
    text = "Grace Clinton toured the plant on Monday. Clinton said the jobs would stay in Ohio."
    assert quote_containing(extract(text), "jobs would stay").speaker == "Grace Clinton"


def test_a_name_inside_a_quote_does_not_capture_the_next_he_said():
    text = (
        "Carl Berg spoke first at the harbour meeting.\n\n"
        "“Heads must roll after Tom Smith quit the board,” Berg said.\n\n"
        "“Nobody trusts the board any more,” he said."
    )
    assert quote_containing(extract(text), "Nobody trusts").speaker == "Carl Berg"


def test_he_said_after_a_quote_keeps_the_speaker_quoted_just_before():
    text = (
        "“They have the ability to do it,” Carl Berg said of the hackers. "
        "Ivan Orlov has denied any role. “Right now there is little to deter them,” he said."
    )
    assert quote_containing(extract(text), "little to deter").speaker == "Carl Berg"


def test_he_said_in_narrative_still_points_to_the_subject_just_named():
    text = (
        "“We are ready,” Carl Berg said on Monday. Ivan Orlov took the stage next. "
        "He said the union would strike in May."
    )
    assert quote_containing(extract(text), "strike in May").speaker == "Ivan Orlov"
