"""The pure text features that make a sentence worth checking."""

from __future__ import annotations

from app.extract.checkworthy import assertion, assess, comparisons, entities, quantities


def test_a_hyphenated_count_keeps_its_number_and_what_it_counts():
    [strength] = quantities("expanding the 430-strong training mission for Iraqi forces")
    assert (strength.text, strength.value, strength.unit) == ("430-strong", 430.0, "strong")


def test_scales_currencies_and_percentages_are_read_as_values():
    found = quantities("Trafigura puts €1.5bn of own cash on line; turnout rose 3 per cent")
    assert [(q.value, q.unit) for q in found] == [(1.5e9, "€"), (3.0, "%")]


def test_plural_units_are_made_singular_and_numbers_in_words_count():
    found = quantities("Twelve soldiers and 2,500 troops")
    assert [(q.value, q.unit) for q in found] == [(12.0, "soldier"), (2500.0, "troop")]


def test_one_of_is_not_a_quantity_and_model_numbers_are_not_counts():
    assert quantities("one of the best weapons we have, said the G7") == []


def test_names_and_acronyms_are_entities_but_sentence_openers_are_not():
    names = entities("The safety of NATO’s personnel in Iraq is paramount, Mr Stoltenberg said.")
    assert names == {"nato", "iraq", "stoltenberg"}


def test_what_a_claim_asserts_follows_its_first_auxiliary():
    assert assertion("NATO's training mission in Iraq is temporarily suspended") == (
        "temporarily suspended"
    )
    assert assertion("NATO ambassadors met on 6 January 2020") == ""


def test_comparatives_count_only_with_than():
    assert comparisons("Nato could contribute more to regional stability") == []
    assert comparisons("more than 400 troops, the highest number yet") == ["highest", "more than"]


def test_a_sentence_with_a_number_and_a_status_change_is_worth_checking():
    worth = assess(
        "Possible options include expanding the 430-strong training mission for Iraqi forces, "
        "which is temporarily suspended because of the Iran crisis."
    )
    assert worth.score >= 0.7
    assert "states a number: 430-strong" in worth.reasons
    assert "reports a change: suspended" in worth.reasons


def test_a_question_is_less_worth_checking_than_the_same_words_asserted():
    asserted = assess("The United States triggered Article 5 after 2 attacks.")
    asked = assess("Did the United States trigger Article 5 after 2 attacks?")
    assert asked.score < asserted.score
    assert "a question, not an assertion" in asked.reasons


def test_an_opinion_scores_lower_than_a_report():
    report = assess("Nato suspended training in Iraq after the strike.")
    opinion = assess("I think Nato suspended training in Iraq after the strike.")
    assert opinion.score < report.score


def test_being_quoted_adds_to_the_score_with_a_reason():
    plain = assess("Allies called for restraint and de-escalation in the region.")
    quoted = assess("Allies called for restraint and de-escalation in the region.", attributed=True)
    assert quoted.score > plain.score
    assert "attributed to a speaker" in quoted.reasons
