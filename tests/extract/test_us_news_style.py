"""Attribution in US and wire news style: titles with full stops, party tags, verbs and
punctuation that real published copy uses. One behaviour per test, our own sentences."""

from __future__ import annotations

from app.extract.pipeline import extract
from tests.extract.conftest import quote_containing

LEAD = "The vote in the statehouse was close. "


def test_title_with_a_full_stop_is_not_the_speaker():
    text = LEAD + "Sen. Maria Lopez said the water bill was “dead on arrival.”"
    quote = quote_containing(extract(text), "dead on arrival")
    assert quote.speaker == "Maria Lopez"


def test_military_rank_abbreviation_belongs_to_the_name():
    text = LEAD + "“We are ready,” said Lt. Col. Ray Dunn, who leads the guard unit."
    assert quote_containing(extract(text), "We are ready").speaker == "Ray Dunn"


def test_party_tag_in_commas_is_skipped():
    text = LEAD + "Sen. Maria Lopez, D-Ariz., said the bill would not pass this year."
    quote = quote_containing(extract(text), "would not pass")
    assert quote.speaker == "Maria Lopez"


def test_party_tag_in_brackets_after_an_inverted_speaker_is_skipped():
    text = LEAD + "“This bill is dead,” said Tom Hale (R-Ohio)."
    assert quote_containing(extract(text), "This bill is dead").speaker == "Tom Hale"


def test_party_tag_in_brackets_before_the_verb_is_skipped():
    text = LEAD + "Rep. Tom Hale (R-Ohio) told reporters the bill was dead."
    assert quote_containing(extract(text), "the bill was dead").speaker == "Tom Hale"


def test_person_with_an_office_in_apposition_is_the_speaker_not_the_office():
    text = (
        "Dana Cole, the U.S. attorney for the Eastern District, said in a news release that "
        "the two men had “defrauded thousands of pensioners.”"
    )
    quote = quote_containing(extract(text), "defrauded thousands")
    assert quote.speaker == "Dana Cole"


def test_question_mark_inside_quotes_does_not_cut_off_the_attribution():
    text = LEAD + "“Why now?” Graham asked. “Why not last year?”"
    quote = quote_containing(extract(text), "Why now?")
    assert quote.speaker == "Graham"


def test_exclamation_inside_quotes_keeps_the_inverted_attribution():
    text = LEAD + "“Not one more cent!” shouted Ana Ruiz from the gallery."
    assert quote_containing(extract(text), "Not one more cent").speaker == "Ana Ruiz"


def test_said_to_an_audience_is_speech():
    text = LEAD + "“We will win this,” Hale said to cheers at the rally."
    assert quote_containing(extract(text), "We will win this").speaker == "Hale"


def test_said_of_someone_is_speech():
    text = LEAD + "“He has never run anything,” Hale said of his rival."
    assert quote_containing(extract(text), "never run anything").speaker == "Hale"


def test_said_to_be_is_not_speech():
    text = LEAD + "The governor is said to be furious about the leak."
    assert extract(text).quotes == ()


def test_shot_back_attributes_the_quote_before_it():
    text = LEAD + "“She wants to look tough tonight,” Hale shot back."
    assert quote_containing(extract(text), "look tough").speaker == "Hale"


def test_barked_attributes_the_quote_before_it():
    text = LEAD + "“Go back to your seats,” Mayor Ruiz barked at the crowd."
    assert quote_containing(extract(text), "Go back").speaker == "Ruiz"


def test_reiterated_reports_a_clause():
    text = LEAD + "Lopez reiterated that the bill had no chance in the House."
    assert quote_containing(extract(text), "no chance").speaker == "Lopez"


def test_a_report_that_is_never_named_speaks_under_its_description():
    text = (
        "The agency published its findings on Monday. “The harbour is safe for swimmers,” "
        "the report stated."
    )
    assert quote_containing(extract(text), "safe for swimmers").speaker == "report"


def test_an_outlet_described_but_not_named_is_the_speaker():
    text = LEAD + "The network said the senator's claim was false."
    assert quote_containing(extract(text), "claim was false").speaker == "network"


def test_an_unnamed_company_noun_stays_without_a_speaker():
    text = LEAD + "The ministry said the figures were provisional."
    assert quote_containing(extract(text), "provisional").speaker is None


def test_person_of_an_institution_is_the_speaker_not_the_institution():
    text = LEAD + "Rachel Kim of the Harbour Institute said the figures were worrying."
    assert quote_containing(extract(text), "figures were worrying").speaker == "Rachel Kim"


def test_inverted_speaker_with_an_institution_after_it():
    text = LEAD + "“It is over,” said Tom Hale of the Harbour Trust."
    assert quote_containing(extract(text), "It is over").speaker == "Tom Hale"


def test_the_city_a_company_is_based_in_is_not_part_of_its_name():
    text = LEAD + "Denver-based Summit Airways said it would cut 40 flights."
    assert quote_containing(extract(text), "cut 40 flights").speaker == "Summit Airways"


def test_a_participle_opening_the_sentence_is_not_a_speaker():
    text = LEAD + "Holding a placard, the protester said the plan was “a scandal.”"
    assert quote_containing(extract(text), "a scandal").speaker != "Holding"


def test_a_source_introduced_without_a_name_speaks_under_its_description():
    text = LEAD + "“There is no plan,” said a senior council member who supports the mayor."
    assert quote_containing(extract(text), "There is no plan").speaker == "senior council member"


def test_a_role_pointing_back_to_someone_unnamed_stays_without_a_speaker():
    text = LEAD + "“There is nothing to fear,” the councillor said."
    assert quote_containing(extract(text), "nothing to fear").speaker is None


def test_a_verb_after_a_new_clause_does_not_attribute_the_quote_before_it():
    text = (
        "The agency said the minister “fully backs” the plan, although one adviser privately "
        "described it as “a shambles”."
    )
    assert quote_containing(extract(text), "fully backs").speaker != "adviser"


def test_middle_initial_with_a_full_stop_stays_in_the_name():
    text = LEAD + "Charles B. Ranger said the ticket was strong."
    assert quote_containing(extract(text), "ticket was strong").speaker == "Charles B. Ranger"


def test_party_label_before_a_name_is_not_part_of_it():
    text = LEAD + "Republican Dale Warner said the debate was “rigged.”"
    assert quote_containing(extract(text), "rigged").speaker == "Dale Warner"


def test_capitalised_conjunction_does_not_join_the_speaker_phrase():
    text = LEAD + "While his advisers said the plan was sound, the senator hesitated."
    assert quote_containing(extract(text), "plan was sound").speaker == "his advisers"


def test_two_apostrophes_work_as_quotation_marks():
    text = LEAD + "''It's more tinkering at the edges,'' said Alan Cole, an economist."
    quote = quote_containing(extract(text), "tinkering")
    assert (quote.text, quote.speaker) == ("It's more tinkering at the edges,", "Alan Cole")


def test_split_quote_in_two_apostrophe_marks_is_one_utterance():
    text = LEAD + "''It is over,'' said Alan Cole, an economist. ''Nobody will fund it.''"
    (quote,) = extract(text).quotes
    assert len(quote.segments) == 2


def test_closing_mark_typed_at_a_paragraph_start_opens_the_quote():
    text = LEAD + "\n\n”Fear. I am afraid of what comes next,” said Ana Ruiz."
    quote = quote_containing(extract(text), "afraid of what comes")
    assert quote.speaker == "Ana Ruiz"


def test_name_after_a_dash_signs_the_quote_before_it():
    text = LEAD + "\n\n“Maybe we can build a wall around him.” ― Steve Quinley."
    assert quote_containing(extract(text), "build a wall").speaker == "Steve Quinley"


def test_paragraph_after_an_introduction_ending_in_a_colon_is_a_block_quote():
    text = (
        LEAD + "\n\nThe host, Rob Lamb, added:\n\n"
        "This reeks of fear. She cannot win without rigging it.\n\nThe show ended at noon."
    )
    quote = quote_containing(extract(text), "reeks of fear")
    assert (quote.kind, quote.speaker) == ("direct", "Rob Lamb")
    assert not [q for q in extract(text).quotes if "ended at noon" in q.text]


def test_quote_opening_the_paragraph_after_a_colon_line_belongs_to_its_speaker():
    text = LEAD + "\n\nDr. Ana Ward stated:\n\n“The council is not listening to us.”"
    assert quote_containing(extract(text), "not listening").speaker == "Ana Ward"


def test_one_quoted_word_after_a_named_speakers_verb_is_a_partial_quote():
    text = LEAD + "Lopez tweeted that the governor's plan was “disgusting” and should go."
    quote = quote_containing(extract(text), "disgusting")
    assert (quote.kind, quote.speaker) == ("partial", "Lopez")


def test_so_called_word_is_a_scare_quote_even_after_a_verb():
    text = LEAD + "Lopez said that so-called “smart” meters would be fitted in May."
    assert not [q for q in extract(text).quotes if q.text == "smart"]


def test_accused_of_attributes_the_quoted_words():
    text = LEAD + "Lopez accused the governor of being “asleep at the wheel” all year."
    assert quote_containing(extract(text), "asleep at the wheel").speaker == "Lopez"


def test_show_title_with_the_full_stop_inside_the_marks_is_not_a_quote():
    text = LEAD + "Lopez made the case on “Meet the Voters.”"
    assert extract(text).quotes == ()


def test_role_written_before_a_name_without_a_comma_names_the_person():
    text = LEAD + "“Any candidate needs money,” said Hale campaign spokesman Rob Gidley."
    assert quote_containing(extract(text), "needs money").speaker == "Rob Gidley"


def test_long_appositive_with_a_place_after_an_inverted_speaker():
    text = (
        LEAD + "“It's an expensive model,” said Tom Doyle, a professor of economics at "
        "Harbour University in Nashville, Tennessee."
    )
    assert quote_containing(extract(text), "expensive model").speaker == "Tom Doyle"


def test_appositive_naming_a_job_at_a_body_keeps_the_person_as_speaker():
    text = (
        LEAD + "Megan Hale, senior associate for organizing at the Harbour Institute for "
        "School Reform, said parents still want local schools."
    )
    assert quote_containing(extract(text), "want local schools").speaker == "Megan Hale"


def test_a_home_town_after_a_name_is_not_the_speaker():
    text = LEAD + "Sharon Vale, Birmingham, said she had voted for him twice."
    assert quote_containing(extract(text), "voted for him").speaker == "Sharon Vale"


def test_a_weekday_between_the_verb_and_that_is_not_part_of_the_report():
    text = LEAD + "Hale said Friday that his campaign had not spent much on ads."
    quote = quote_containing(extract(text), "campaign had not")
    assert quote.text == "his campaign had not spent much on ads"


def test_an_addressee_with_an_article_before_that_is_skipped():
    text = LEAD + "Hale is telling a veterans group that the navy is “depleted” and must grow."
    quote = next(q for q in extract(text).quotes if q.kind == "indirect")
    assert quote.text.startswith("the navy is")


def test_state_before_an_office_is_a_noun_not_a_speech_verb():
    text = LEAD + "The Ohio state attorney general is confirming that the charity is unlisted."
    quote = quote_containing(extract(text), "charity is unlisted")
    assert quote.text.startswith("the charity")


def test_an_email_described_but_not_named_is_the_speaker():
    text = LEAD + "“We absolutely need to win the states ahead,” the email said."
    assert quote_containing(extract(text), "win the states").speaker == "email"


def test_time_words_opening_a_sentence_are_not_speakers():
    text = LEAD + "Minutes later, the aide sent a message saying, “done and dusted.”"
    assert quote_containing(extract(text), "done and dusted").speaker != "Minutes"


def test_a_programme_title_after_told_is_not_a_quote():
    text = LEAD + "She told ABC’s “Good Morning Harbour” that the plan was sound."
    assert not [q for q in extract(text).quotes if q.text.startswith("Good Morning")]


def test_a_body_named_with_connectives_is_named_whole():
    text = LEAD + "The nonpartisan Commission on Harbour Debates says the microphone failed."
    quote = quote_containing(extract(text), "microphone failed")
    assert quote.speaker == "Commission on Harbour Debates"


def test_a_body_whose_name_ends_in_its_kind_is_named_whole():
    text = LEAD + "United Harbours Citizenship and Immigration Services said it would vet more."
    quote = quote_containing(extract(text), "vet more")
    assert quote.speaker == "United Harbours Citizenship and Immigration Services"


def test_an_opening_participle_clause_belongs_to_the_main_subject():
    text = LEAD + "Claiming the criticism was unfair, Hale told the station that it was staged."
    assert quote_containing(extract(text), "the criticism was unfair").speaker == "Hale"


def test_a_capitalised_weekday_after_the_name_is_skipped():
    text = LEAD + "Citing a new report, Hale on Tuesday said he wants four tax changes."
    assert quote_containing(extract(text), "four tax changes").speaker == "Hale"


def test_an_epithet_with_a_party_and_an_office_points_to_the_person_in_focus():
    text = (
        LEAD
        + "Tom Hale toured Ohio. The Republican presidential nominee said the map favoured him."
    )
    assert quote_containing(extract(text), "map favoured").speaker == "Tom Hale"


def test_a_clip_described_but_not_named_is_the_speaker():
    text = LEAD + "The clip says Hale “has a passion for defending the wrong people.”"
    assert quote_containing(extract(text), "has a passion").speaker == "clip"


def test_a_progressive_verb_belongs_to_the_subject_before_its_auxiliary():
    text = LEAD + "Mayor Ana Ruiz is demanding that the campaign stop using the photo."
    assert quote_containing(extract(text), "stop using the photo").speaker == "Ana Ruiz"
