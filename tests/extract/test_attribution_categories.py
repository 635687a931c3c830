"""Attribution rules added for unseen publishing styles, one behaviour per test."""

from __future__ import annotations

from app.extract.pipeline import extract
from tests.extract.conftest import quote_containing

BRIEFING = """TRANSCRIPT: Harbour dredging press conference

LOCATION: Port Authority offices, Dock Street, Falmouth

DATE: Wednesday 2 April

PARTICIPANTS: Harbour Master Ruth Trelawny; Councillor Simon Beare, Cornwall Council; \
Kate Polglase, press officer (moderator)

POLGLASE: Good afternoon. We'll hear from the harbour master first, then questions.

TRELAWNY: Thank you. Dredging of the inner harbour will begin on Monday and last six weeks.

BEARE: The council has set aside two million pounds for the work.

POLGLASE: Questions, please. Keep them short.

Hi. Mark Dunstan, Falmouth Packet. Harbour master, will the ferry keep running?

TRELAWNY: Yes. The ferry berth is outside the dredging zone.
"""

INTERVIEW = """The potter who walked away: Ines Carvalho on clay and quitting

Ines Carvalho left a law firm at 40 to make pots. She talked to Sam Okoro in her studio.

OKORO: Why clay?

CARVALHO: Because it argues back. You cannot rush it.

OKORO: Was leaving the law hard?

CARVALHO: Harder for my mother than for me.

OKORO: Your work sells out in hours now. Does that change how you make it?

CARVALHO: I try not to let it.
"""


def test_metadata_header_lines_are_not_quotes():
    found = extract(BRIEFING)
    assert not [q for q in found.quotes if "Dock Street" in q.text or "2 April" in q.text]
    assert not [q for q in found.quotes if "PARTICIPANTS" in q.text or "Harbour dredging" in q.text]


def test_surname_label_resolves_to_full_name_from_participants_list():
    quote = quote_containing(extract(BRIEFING), "Dredging of the inner harbour")
    assert (quote.kind, quote.speaker) == ("transcript", "Ruth Trelawny")


def test_titles_are_stripped_from_canonical_names_but_kept_as_aliases():
    found = extract(BRIEFING)
    quote = quote_containing(found, "two million pounds")
    assert quote.speaker == "Simon Beare"
    speaker = next(s for s in found.speakers if s.name == "Simon Beare")
    assert any("Councillor" in alias for alias in speaker.aliases)


def test_moderator_housekeeping_lines_are_not_quotes():
    found = extract(BRIEFING)
    assert not [q for q in found.quotes if "Keep them short" in q.text]
    assert not [q for q in found.quotes if "We'll hear from" in q.text]


def test_reporter_self_introduction_starts_a_question_by_the_reporter():
    quote = quote_containing(extract(BRIEFING), "will the ferry keep running")
    assert (quote.kind, quote.speaker) == ("question", "Mark Dunstan")
    assert quote.text.startswith("Harbour master, will")


def test_interviewer_label_turns_are_questions():
    found = extract(INTERVIEW)
    quote = quote_containing(found, "Your work sells out in hours now.")
    assert (quote.kind, quote.speaker) == ("question", "Sam Okoro")


def test_all_caps_surname_label_resolves_to_person_introduced_in_text():
    quote = quote_containing(extract(INTERVIEW), "Because it argues back")
    assert (quote.kind, quote.speaker) == ("transcript", "Ines Carvalho")


def test_unresolved_all_caps_label_is_title_cased_person():
    text = "MORGAN: We start at dawn.\n\nLEWIS: Then we should sleep.\n\nMORGAN: Agreed.\n"
    quote = quote_containing(extract(text), "We start at dawn")
    assert quote.speaker == "Morgan"


def test_multiword_organisation_name_is_taken_whole():
    text = "The National Farmers Union said the drought would cut wheat yields by a third."
    quote = quote_containing(extract(text), "the drought would cut")
    assert quote.speaker == "National Farmers Union"


def test_organisation_with_of_is_taken_whole():
    text = "The Department of Transport said it was reviewing the timetable for the new line."
    quote = quote_containing(extract(text), "it was reviewing the timetable")
    assert quote.speaker == "Department of Transport"


def test_relative_clause_between_subject_and_verb_is_skipped():
    text = (
        "The Rail Safety Board, which advises ministers on signalling, said it would publish "
        "its findings in June."
    )
    quote = quote_containing(extract(text), "it would publish its findings")
    assert quote.speaker == "Rail Safety Board"


def test_determiners_are_never_speaker_names():
    text = 'Supporters queued for hours. One fan said: "It was worth every minute."'
    quote = quote_containing(extract(text), "worth every minute")
    assert quote.speaker == "fan"


def test_the_people_said_is_an_anonymous_source():
    text = (
        "Both banks have hired advisers to review the offer, the people said, asking not to be "
        "named because the talks are private."
    )
    quote = quote_containing(extract(text), "Both banks have hired advisers")
    assert (quote.kind, quote.speaker) == ("indirect", None)


def test_person_familiar_with_the_matter_after_the_clause_is_the_described_source():
    text = (
        "Carrow Logistics is preparing to sell its Spanish warehouses, a person familiar with "
        "the matter said."
    )
    quote = quote_containing(extract(text), "Carrow Logistics is preparing")
    assert (quote.kind, quote.speaker) == ("indirect", "person familiar with the matter")


def test_shadow_role_is_not_the_role():
    text = (
        "Anna Keble, the home secretary, defended the bill. The shadow home secretary, Tom "
        "Achter, said it would fail. The home secretary insisted on Monday that the bill "
        "would pass."
    )
    quote = quote_containing(extract(text), "the bill would pass")
    assert quote.speaker == "Anna Keble"


def test_participle_after_comma_belongs_to_sentence_subject_not_nearest_noun():
    text = (
        "Ivo Marsh rejected calls for a public inquiry into the collapse of the bank, insisting "
        "the regulator had acted properly."
    )
    quote = quote_containing(extract(text), "the regulator had acted properly")
    assert quote.speaker == "Ivo Marsh"


def test_relative_who_clause_speaker_is_the_antecedent():
    text = (
        "The campaign was started by a retired teacher called Oisin Farrell, who describes the "
        'new rules as "a betrayal of rural schools".'
    )
    quote = quote_containing(extract(text), "a betrayal of rural schools")
    assert quote.speaker == "Oisin Farrell"


def test_the_company_said_resolves_to_the_last_company_named():
    text = (
        "Norwell Foods is cutting 200 jobs at its Leeds bakery. Norwell Chief Executive Sarah "
        "Pike told staff on Monday that the site had lost money for three years. The company "
        "said in a statement that it would offer voluntary redundancy first."
    )
    quote = quote_containing(extract(text), "it would offer voluntary redundancy")
    assert quote.speaker == "Norwell Foods"


def test_titled_name_canonical_drops_the_title_and_keeps_it_as_alias():
    text = "Norwell Chief Executive Sarah Pike said the site had lost money for three years."
    found = extract(text)
    assert quote_containing(found, "the site had lost money").speaker == "Sarah Pike"
    assert "Norwell Chief Executive Sarah Pike" in found.speakers[0].aliases


def test_role_noun_phrase_resolves_to_person_introduced_with_role_before_name():
    text = (
        "Rovers boss Neil Carr praised midfielder Tom Ashby after the win. "
        '"Tom ran the game," said the Rovers boss.'
    )
    quote = quote_containing(extract(text), "Tom ran the game")
    assert quote.speaker == "Neil Carr"


def test_role_noun_phrase_without_such_person_has_no_speaker():
    text = 'Rovers won 2-0 at home. "We deserved it," said the goalkeeper.'
    quote = quote_containing(extract(text), "We deserved it")
    assert quote.speaker is None


def test_audience_of_telling_is_not_the_speaker():
    text = (
        "Mia Larsson scored twice at a packed Riverside Stadium, telling Radio Tees: "
        '"I have waited all season for a night like this."'
    )
    quote = quote_containing(extract(text), "I have waited all season")
    assert quote.speaker == "Mia Larsson"


def test_coordinated_reporting_verb_starts_its_own_indirect_quote():
    text = (
        "Ms Vance said the plan was sound, but cautioned that costs could rise sharply next year."
    )
    found = extract(text)
    assert quote_containing(found, "the plan was sound").text == "the plan was sound"
    second = quote_containing(found, "costs could rise")
    assert (second.kind, second.speaker, second.cue) == ("indirect", "Vance", "cautioned")


def test_coordinated_verb_with_its_own_subject_gets_that_subject():
    text = (
        "The chief whip defended the timetable on Tuesday, but senior backbenchers warned it "
        "would cost the party votes in rural seats."
    )
    quote = quote_containing(extract(text), "it would cost the party votes")
    assert quote.speaker == "senior backbenchers"


def test_announce_with_noun_object_is_not_reported_speech():
    text = "Separately, Corvid Motors today announced the launch of an electric van in Spain."
    assert extract(text).quotes == ()


def test_warned_addressee_about_topic_is_not_reported_speech():
    text = "The regulator, which has warned lenders about risky mortgages, opened an inquiry."
    assert extract(text).quotes == ()


def test_speech_noun_with_source_and_that_clause_is_indirect_quote():
    text = (
        "Shares rose 9 per cent amid warnings from traders that the price already reflected a bid."
    )
    quote = quote_containing(extract(text), "the price already reflected a bid")
    assert (quote.kind, quote.speaker) == ("indirect", "traders")


def test_reported_speech_inside_an_answer_turn_is_also_extracted():
    text = (
        "MODERATOR: First question, please.\n\n"
        "Q: Is the bridge safe?\n\n"
        "HALLORAN: The engineers told us that the bridge had passed every test. It is safe.\n"
    )
    found = extract(text)
    embedded = quote_containing(found, "the bridge had passed every test")
    assert (embedded.kind, embedded.cue) == ("indirect", "told")
    assert quote_containing(found, "It is safe").kind == "transcript"


def test_first_person_speech_inside_a_turn_is_not_a_separate_quote():
    text = "Q: What did you tell them?\n\nA: I said that we would need more time.\n"
    assert [q.kind for q in extract(text).quotes] == ["question", "transcript"]


def test_according_to_between_subject_and_verb_reports_the_whole_sentence():
    text = "Carrow, according to one of the people, has been exploring a sale since last year."
    quote = quote_containing(extract(text), "has been exploring a sale")
    assert quote.text.startswith("Carrow, according to")
    assert (quote.kind, quote.speaker) == ("indirect", None)


def test_second_half_of_split_quote_is_direct():
    text = (
        'Ms Ruiz was defiant. "This is about fairness," she said, "but we will protect the '
        'smallest shops."'
    )
    quote = quote_containing(extract(text), "but we will protect")
    assert (quote.kind, quote.speaker) == ("direct", "Ruiz")


def test_single_word_scare_quote_is_not_a_quote():
    text = 'Dr Ana Ortiz said so-called "smart" meters could help households cut their bills.'
    found = extract(text)
    assert not [q for q in found.quotes if q.text == "smart"]
    assert quote_containing(found, "meters could help").speaker == "Ana Ortiz"


def test_parenthetical_speech_verb_after_a_conjunction_is_not_a_clause():
    text = "Her hens are small, hardy and, she insists, better layers than any hybrid."
    assert not [q for q in extract(text).quotes if q.text.endswith("hardy and")]


def test_verb_separated_from_its_quote_by_an_aside_attributes_the_partial():
    text = (
        "Grace Obi keeps a name for the new flats that she refers to, without much warmth, "
        'as "the filing cabinets".'
    )
    quote = quote_containing(extract(text), "the filing cabinets")
    assert (quote.kind, quote.speaker) == ("partial", "Grace Obi")


def test_partial_inside_an_attributed_reported_clause_inherits_its_speaker():
    text = (
        "The landlord, Harbour Estates, said in a statement that it had agreed a new lease "
        "“at a rent both sides consider fair”."
    )
    quote = quote_containing(extract(text), "at a rent both sides consider fair")
    assert (quote.kind, quote.speaker) == ("partial", "Harbour Estates")


def test_name_followed_by_a_verb_phrase_with_commas_is_still_a_name():
    text = (
        "Her son, Samuel Adeyemi, started a petition that gathered 8,000 signatures, and "
        "he says the response surprised them."
    )
    quote = quote_containing(extract(text), "the response surprised them")
    assert quote.speaker == "Samuel Adeyemi"


def test_conceded_with_a_noun_object_is_not_reported_speech():
    text = (
        "Opposition leader Lars Holm conceded defeat early on Sunday after the ruling party won "
        "the most seats."
    )
    assert extract(text).quotes == ()


def test_single_quote_inside_double_after_speech_verb_is_the_cited_persons_quote():
    text = (
        "Maya Tan recalled her first race. “My coach told me, ‘Never look at the scoreboard,’ "
        "and I never have,” Ms Tan said."
    )
    found = extract(text)
    outer = quote_containing(found, "and I never have")
    inner = quote_containing(found, "Never look at the scoreboard")
    assert outer.speaker == "Maya Tan"
    assert (inner.kind, inner.cue, inner.speaker) == ("direct", "told", None)


def test_first_person_nested_quote_is_the_outer_speakers_own_words():
    text = (
        "Maya Tan finished fourth. “I told myself, ‘Just one more lap,’ every single time,” "
        "Ms Tan said."
    )
    inner = quote_containing(extract(text), "Just one more lap")
    assert (inner.kind, inner.speaker) == ("direct", "Maya Tan")


def test_indefinite_description_is_not_an_alias():
    text = (
        "Lena Vogt, a climate economist at the Kiel Institute, said the levy would raise "
        "prices only slightly."
    )
    speaker = extract(text).speakers[0]
    assert speaker.name == "Lena Vogt"
    assert speaker.description.startswith("a climate economist")
    assert not [a for a in speaker.aliases if a.startswith("a climate")]


def test_vocative_in_question_becomes_alias_of_the_only_answering_person():
    text = (
        "MODERATOR: Next question.\n\n"
        "Q [Radio Nord]: Madam Minister, will the ferry subsidy continue?\n\n"
        "INGRID HOLM: Yes, for at least two more years.\n\n"
        "Q [Avisa]: Is General Berg right that the navy needs more ships?\n\n"
        "INGRID HOLM: I will not comment on that.\n"
    )
    speaker = next(s for s in extract(text).speakers if s.name == "Ingrid Holm")
    assert "Madam Minister" in speaker.aliases
    assert "General Berg" not in speaker.aliases


def test_chair_label_housekeeping_is_not_a_quote():
    text = (
        "CHAIR: Good evening. We have one item tonight.\n\n"
        "MERCER: Officers recommend approval of the scheme.\n\n"
        "CHAIR: Thank you. Let's move to the vote.\n"
    )
    assert [q.text for q in extract(text).quotes] == ["Officers recommend approval of the scheme."]


def test_named_group_inside_an_answer_turn_is_quoted():
    text = (
        "Q: Will it flood again?\n\n"
        "MERCER: The new drain will help. Our engineers say it will halve flooding on the lane.\n"
    )
    quote = quote_containing(extract(text), "it will halve flooding")
    assert (quote.kind, quote.speaker) == ("indirect", "Our engineers")


def test_appositive_never_runs_across_a_sentence_end():
    text = (
        "Her former partner, the actor Josh Fenn, said he had sent flowers. "
        "'She is the hardest-working person I know,' said the actor."
    )
    quote = quote_containing(extract(text), "hardest-working person")
    assert quote.speaker == "Josh Fenn"


def test_according_to_an_unnamed_document_is_found_without_a_speaker():
    text = (
        "According to a draft proposal seen by reporters, the plan would cap rent rises at 2 "
        "percent a year."
    )
    quote = quote_containing(extract(text), "the plan would cap rent rises")
    assert (quote.kind, quote.speaker) == ("indirect", None)


def test_occupation_with_age_refers_to_the_person_in_focus():
    text = (
        "Pop star Kelsey Marr has cancelled her tour. The singer, 27, posted a video last night, "
        "telling fans: 'My body needs a break.'"
    )
    quote = quote_containing(extract(text), "My body needs a break")
    assert quote.speaker == "Kelsey Marr"


def test_headline_quote_is_not_extracted():
    text = (
        "Heartbroken Kelsey: 'I'm devastated but I'll be back'\n\nKelsey Marr cancelled her tour."
    )
    assert extract(text).quotes == ()


def test_reported_clause_inside_a_dash_aside_ends_at_the_closing_dash():
    text = "Cod stocks – officials say the decline began in 2015 – have fallen by half."
    quote = quote_containing(extract(text), "the decline began")
    assert quote.text == "the decline began in 2015"


def test_habitual_speech_verb_keeps_its_subject():
    text = (
        "Q: Where did the recipe come from?\n\n"
        'VEGA: My grandmother used to say, "Food that needs explaining is not finished."\n'
    )
    quote = quote_containing(extract(text), "Food that needs explaining")
    assert (quote.kind, quote.cue) == ("direct", "say")


def test_role_written_before_a_name_does_not_hide_the_name():
    text = (
        "His colleague Dr Ana Brandt, a geologist, was blunter: “There is no safe level of "
        "extraction here.”"
    )
    quote = quote_containing(extract(text), "no safe level of extraction")
    assert quote.speaker == "Ana Brandt"
