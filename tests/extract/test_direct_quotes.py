"""Direct and partial quotes: quotation marks and the verbs that attribute them."""

from __future__ import annotations

from app.extract.pipeline import extract
from tests.extract.conftest import quote_containing


def test_quote_then_role_and_verb_is_attributed_to_the_person_with_that_role(ft):
    quote = quote_containing(ft, "I strongly believe")
    assert quote.kind == "direct"
    assert quote.cue == "told"
    assert quote.speaker == "Jens Stoltenberg"
    assert quote.mention.text == "the secretary-general"


def test_split_quote_is_one_quote_of_two_segments(ft):
    quote = quote_containing(ft, "Sometimes we have to do that")
    assert quote.kind == "direct"
    assert len(quote.segments) == 2
    assert quote.text.startswith("I strongly believe")
    assert quote.speaker == "Jens Stoltenberg"


def test_split_quote_joins_its_pieces_and_keeps_their_offsets():
    text = (
        "“We will not close the harbour,” the mayor, Ana Ruiz, said on Tuesday. "
        "“Not this winter, not ever.”"
    )
    (quote,) = extract(text).quotes
    assert [text[s.start : s.end] for s in quote.segments] == [
        "We will not close the harbour,",
        "Not this winter, not ever.",
    ]
    assert quote.text == "We will not close the harbour, Not this winter, not ever."
    assert (quote.speaker, quote.cue) == ("Ana Ruiz", "said")


def test_quote_split_by_a_comma_attribution_is_one_utterance():
    text = "“The pier is safe,” said Tom Hale, “and it will stay open all summer.”"
    (quote,) = extract(text).quotes
    assert len(quote.segments) == 2
    assert quote.speaker == "Tom Hale"


def test_a_new_attribution_starts_a_new_quote():
    text = (
        "“The pier is safe,” said Tom Hale. “It is a disgrace,” said Ana Ruiz, who chairs "
        "the harbour board."
    )
    quotes = extract(text).quotes
    assert [(q.speaker, len(q.segments)) for q in quotes] == [("Tom Hale", 1), ("Ana Ruiz", 1)]


def test_quote_running_over_paragraphs_is_one_quote():
    text = (
        "The coach, Mia Berg, spoke after the match. “We were poor in the first half. "
        "Nobody can deny that.\n\n“In the second half we played like champions.”"
    )
    quotes = [q for q in extract(text).quotes if "champions" in q.text]
    assert len(quotes) == 1
    assert len(quotes[0].segments) == 2
    assert quotes[0].text.startswith("We were poor")


def test_partial_quote_carries_its_reported_clause():
    text = "Ruiz said the plan was “a gift to developers” and would be withdrawn."
    (quote,) = [q for q in extract(text).quotes if q.kind == "partial"]
    assert quote.text == "a gift to developers"
    assert text[quote.clause.start : quote.clause.end] == (
        "the plan was “a gift to developers” and would be withdrawn"
    )


def test_partial_quote_before_its_verb_carries_the_clause_before_it():
    text = "The levy is “simply unaffordable” for small shops, Oliver Grant said."
    (quote,) = [q for q in extract(text).quotes if q.kind == "partial"]
    assert text[quote.clause.start : quote.clause.end] == (
        "The levy is “simply unaffordable” for small shops"
    )


def test_said_then_speaker_inversion():
    text = (
        '"It\'s a bottleneck on top of a bottleneck," said Lars Jensen, chief executive of '
        "Vespucci Maritime, a consultancy."
    )
    quote = quote_containing(extract(text), "bottleneck")
    assert (quote.kind, quote.cue, quote.speaker) == ("direct", "said", "Lars Jensen")


def test_quote_text_excludes_the_quotation_marks():
    text = "“We will not back down,” the minister said."
    quote = extract(text).quotes[0]
    assert quote.text == "We will not back down,"
    assert text[quote.start : quote.end] == quote.text


def test_colon_introduced_quote_goes_to_the_subject_before_the_colon():
    text = (
        "Scotland's energy minister, Gillian Martin, welcomed the opening: \"Projects like this "
        'create jobs and cut bills."'
    )
    quote = quote_containing(extract(text), "Projects like this")
    assert quote.kind == "direct"
    assert quote.speaker == "Gillian Martin"


def test_quote_running_over_two_paragraphs_keeps_its_speaker():
    text = (
        "“The first thing we did was close the bridge,” said Inspector Mark Hughes. “Then we "
        "started knocking on doors.\n\n"
        "“By midnight we had spoken to every family on the street.”\n"
    )
    extraction = extract(text)
    last = quote_containing(extraction, "By midnight")
    assert last.kind == "direct"
    assert last.speaker == "Mark Hughes"


def test_quote_only_paragraph_continues_previous_paragraphs_speaker():
    text = (
        "“We’ve had diggers outside our shop for eight months,” said Priya Patel, who runs a "
        "newsagent on Mill Road.\n\n"
        "“If they can finish the job, fine. If they can’t, they should stop making promises.”\n"
    )
    quote = quote_containing(extract(text), "If they can finish")
    assert quote.speaker == "Priya Patel"
    assert quote.cue is None


def test_single_quotes_inside_double_quotes_stay_part_of_the_outer_quote():
    text = (
        "Rossi recalled a conversation with a guide. “He told me, ‘I have walked this route "
        "for forty years,’” said Elena Rossi."
    )
    quotes = extract(text).quotes
    outer = [q for q in quotes if q.text.startswith("He told me, ‘I have walked")]
    assert len(outer) == 1 and outer[0].speaker == "Elena Rossi"
    # The inner quote is also extracted, as the words of the person she cites.
    inner = [q for q in quotes if q.text.startswith("I have walked")]
    assert len(inner) == 1 and inner[0].speaker is None


def test_british_single_quotes_are_direct_quotes():
    text = "‘We were robbed,’ said manager Sean Dyche after the match."
    quote = extract(text).quotes[0]
    assert (quote.text, quote.speaker) == ("We were robbed,", "Sean Dyche")


def test_partial_quote_is_attributed_to_the_speaker_of_the_sentence(ft):
    quote = quote_containing(ft, "diplomatic formula")
    assert quote.kind == "partial"
    assert quote.speaker == "Claudia Major"


def test_partial_quote_inside_a_reported_clause_follows_the_clause_verb(ft):
    quote = quote_containing(ft, "some time")
    assert quote.kind == "partial"
    assert quote.cue == "adding"
    assert quote.speaker == "Jens Stoltenberg"


def test_scare_quoted_term_is_not_a_quote(ft):
    assert not [q for q in ft.quotes if q.text == "rebadging"]


def test_title_of_a_work_is_not_a_quote():
    text = "Her fourth novel, “The Winter Harbour”, has sold a million copies in 20 languages."
    assert extract(text).quotes == ()


def test_a_curly_quote_inside_a_quote_stays_inside_it():
    text = (
        "The letters kept coming.\n\n"
        "“I’d rather live in what he calls “hell” than in his country,” said Ana Ruiz."
    )
    (quote,) = extract(text).quotes
    assert quote.text.startswith("I’d rather live")
    assert quote.speaker == "Ana Ruiz"


def test_an_unclosed_mark_is_a_typo_and_the_next_quote_stands_alone():
    text = "The vote was close. “We will win, she said. “Nobody doubts it,” said Ana Ruiz."
    quote = quote_containing(extract(text), "Nobody doubts")
    assert quote.text == "Nobody doubts it,"


def test_a_split_quote_with_a_no_break_space_after_the_attribution_is_one_quote():
    text = "The vote was close. “We will win,” Hale said.\u00a0“Nobody doubts it.”"
    (quote,) = extract(text).quotes
    assert len(quote.segments) == 2
