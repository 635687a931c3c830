"""The pure text features that make a sentence worth checking."""

from __future__ import annotations

from app.extract.checkworthy import assertion, assess, comparisons, entities, quantities


def test_a_hyphenated_count_keeps_its_number_and_what_it_counts():
    [strength] = quantities("extending the 40-strong repair crew for the Holme aqueduct")
    assert (strength.text, strength.value, strength.unit) == ("40-strong", 40.0, "strong")


def test_scales_currencies_and_percentages_are_read_as_values():
    found = quantities(
        "Calder Valley Water puts €1.5bn of its own cash into new mains; usage rose 3 per cent"
    )
    assert [(q.value, q.unit) for q in found] == [(1.5e9, "€"), (3.0, "%")]


def test_plural_units_are_made_singular_and_numbers_in_words_count():
    found = quantities("Twelve soldiers and 2,500 troops")
    assert [(q.value, q.unit) for q in found] == [(12.0, "soldier"), (2500.0, "troop")]


def test_one_of_is_not_a_quantity_and_model_numbers_are_not_counts():
    assert quantities("one of the best tools we have, said the A1 road engineers") == []


def test_names_and_acronyms_are_entities_but_sentence_openers_are_not():
    names = entities("The safety of CVW’s supply in Holmbridge is paramount, Ms Ellery said.")
    assert names == {"cvw", "holmbridge", "ellery"}


def test_what_a_claim_asserts_follows_its_first_auxiliary():
    assert assertion("The Holme aqueduct is temporarily closed") == "temporarily closed"
    assert assertion("Calder Valley councillors met on 20 June 2024") == ""


def test_comparatives_count_only_with_than():
    assert comparisons("The company could contribute more to river health") == []
    assert comparisons("more than 400 troops, the highest number yet") == ["highest", "more than"]


def test_a_sentence_with_a_number_and_a_status_change_is_worth_checking():
    worth = assess(
        "Options include expanding the 40-strong repair crew for the Holme aqueduct, which is "
        "temporarily closed because of the drought."
    )
    assert worth.score >= 0.7
    assert "states a number: 40-strong" in worth.reasons
    assert "reports a change: closed" in worth.reasons


def test_a_question_is_less_worth_checking_than_the_same_words_asserted():
    asserted = assess("The company imposed a hosepipe ban after 2 dry months.")
    asked = assess("Did the company impose a hosepipe ban after 2 dry months?")
    assert asked.score < asserted.score
    assert "a question, not an assertion" in asked.reasons


def test_an_opinion_scores_lower_than_a_report():
    report = assess("The company suspended repairs in Holmbridge after the storm.")
    opinion = assess("I think the company suspended repairs in Holmbridge after the storm.")
    assert opinion.score < report.score


def test_being_quoted_adds_to_the_score_with_a_reason():
    plain = assess("Councillors called for restraint in the use of water this summer.")
    quoted = assess(
        "Councillors called for restraint in the use of water this summer.", attributed=True
    )
    assert quoted.score > plain.score
    assert "attributed to a speaker" in quoted.reasons
