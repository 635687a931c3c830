"""POST /verify: did they really say that, where first, and was it altered?"""

from __future__ import annotations

FT_QUOTE = (
    "I strongly believe that the best way we can fight international terrorism is not always "
    "by deploying Nato troops . . . in combat operations"
)
MISQUOTE = "The best way to fight terrorism is not deploying Nato troops in combat"


def _at(document: dict, match: dict) -> str:
    return document["text"][match["start"] : match["end"]]


def test_exact_words_are_verbatim_with_offsets_into_the_stored_text(seeded, verify):
    body = verify("We agree Iran must never acquire a nuclear weapon.")
    assert body["verdict"] == "verbatim"
    match = body["matches"][0]
    assert match["document_id"] == seeded["nato"]["id"]
    assert _at(seeded["nato"], match) == "We agree Iran must never acquire a nuclear weapon"
    assert match["source_text"] == _at(seeded["nato"], match)
    assert match["similarity"] == 1.0


def test_quote_marks_case_dashes_and_spacing_do_not_count(seeded, verify):
    claimed = (
        '"i strongly believe that the best way we can fight INTERNATIONAL terrorism is not '
        'always by deploying NATO troops... in combat   operations"'
    )
    body = verify(claimed)
    assert body["verdict"] == "verbatim"
    assert _at(seeded["ft"], body["matches"][0]).endswith("in combat operations")
    dashed = verify("Nato, with its tools as a defence alliance — is not well equipped")
    assert dashed["verdict"] == "verbatim"


def test_ellipsis_shortened_quote_is_verbatim_when_each_fragment_appears_in_order(seeded, verify):
    body = verify("I strongly believe that the best way ... is not always by deploying Nato troops")
    assert body["verdict"] == "verbatim"
    match = body["matches"][0]
    assert _at(seeded["ft"], match).startswith("I strongly believe that the best way we can")
    assert _at(seeded["ft"], match).endswith("deploying Nato troops")


def test_ellipsis_fragments_out_of_order_are_not_verbatim(seeded, verify):
    body = verify("is not always by deploying Nato troops … I strongly believe that the best way")
    assert body["verdict"] != "verbatim"


def test_quote_spanning_two_source_sentences_is_verbatim(seeded, verify):
    claimed = (
        "In everything that we do, the safety of our personnel is paramount. As such, we have "
        "for the time being suspended our training on the ground."
    )
    body = verify(claimed)
    assert body["verdict"] == "verbatim"
    assert body["matches"][0]["document_id"] == seeded["nato"]["id"]


def test_misquote_is_altered_with_a_word_level_diff_against_the_ft_sentence(seeded, verify):
    body = verify(MISQUOTE)
    assert body["verdict"] == "altered"
    match = body["matches"][0]
    assert match["document_id"] == seeded["ft"]["id"]
    assert _at(seeded["ft"], match).startswith("the best way we can fight international")
    ops = {(op["op"], op["source"], op["claimed"]) for op in body["diff"]}
    assert ("replace", "we can", "to") in ops
    assert ("delete", "international", "") in ops
    assert ("delete", "always by", "") in ops
    assert body["diff"] == match["diff"]


def test_reworded_quote_is_a_paraphrase(seeded, verify):
    body = verify(
        "Rather than sending alliance troops to fight, training local forces is the best way "
        "to tackle international terrorism"
    )
    assert body["verdict"] == "paraphrase"
    assert body["matches"][0]["document_id"] == seeded["ft"]["id"]


def test_words_never_said_are_not_found(seeded, verify):
    body = verify("We will raise taxes on the rich to pay for new hospitals in Brussels")
    assert body == {
        "verdict": "not_found",
        "speaker_verdict": "unknown",
        "said_by": [],
        "text": "We will raise taxes on the rich to pay for new hospitals in Brussels",
        "speaker": None,
        "diff": [],
        "matches": [],
        "first_appearance": None,
    }


def test_match_names_the_speaker_and_confirms_the_one_asked_about(seeded, verify):
    body = verify(FT_QUOTE, speaker="Stoltenberg")
    match = body["matches"][0]
    assert match["attributed_to"]["name"] == "Jens Stoltenberg"
    assert match["speaker_matches"] is True


def test_real_quote_put_in_the_wrong_mouth_is_flagged(seeded, verify):
    body = verify(FT_QUOTE, speaker="Donald Trump")
    assert body["verdict"] == "misattributed"
    assert body["matches"][0]["speaker_matches"] is False


def test_speaker_matches_is_null_when_no_speaker_is_asked_about(seeded, verify):
    body = verify(FT_QUOTE)
    assert body["matches"][0]["speaker_matches"] is None


def test_first_appearance_is_the_earliest_published_document(client, editor, verify):
    sentence = (
        "“We cannot wait for the next flood before we fund the river defences,” the mayor of "
        "Leeds, Priya Sharma, said on Tuesday."
    )
    for day, publisher in (("2021-03-04", "Yorkshire Post"), ("2021-03-02", "Leeds Echo")):
        payload = {
            "title": f"Mayor calls for flood funding ({publisher})",
            "text": f"{sentence}\n\nThe council meets next week. Report filed {day}.",
            "publisher": publisher,
            "published_at": f"{day}T09:00:00Z",
        }
        assert client.post("/documents", json=payload, headers=editor).status_code == 201
    body = verify("We cannot wait for the next flood before we fund the river defences")
    assert body["verdict"] == "verbatim"
    assert len(body["matches"]) == 2
    assert body["first_appearance"]["publisher"] == "Leeds Echo"
    assert body["first_appearance"]["published_at"].startswith("2021-03-02")


def test_text_without_words_is_rejected_as_problem_json(seeded, client, reader):
    response = client.post("/verify", json={"text": " … — “ ” "}, headers=reader)
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
