"""Suggested evidence: sentences from the whole database that state a claim in other words."""

from __future__ import annotations

from tests.claims.conftest import SUSPENDED

# The passages stating SUSPENDED in the hand annotations of the seeds (corpus/gold/seeds.json).
GOLD_SUSPENDED = (
    "which is temporarily suspended because of the Iran crisis",
    "the Alliance had temporarily suspended training activities on the ground",
    "we have for the time being suspended our training on the ground",
    "We have suspended our training mission now, because of the security situation on the ground",
)


def _suggest(client, reader, claim_id: int, limit: int = 5) -> list[dict]:
    response = client.get(
        f"/claims/{claim_id}/suggestions", params={"limit": limit}, headers=reader
    )
    assert response.status_code == 200, response.text
    return response.json()


def _covers(suggestion: dict, document: dict, words: str) -> bool:
    start = document["text"].index(words)
    return (
        suggestion["document"]["id"] == document["id"]
        and suggestion["start"] < start + len(words)
        and start < suggestion["end"]
    )


def test_the_suspended_training_claim_finds_all_four_gold_passages_in_its_top_5(
    client, reader, seeds, make_claim
):
    claim = make_claim(SUSPENDED)
    top = _suggest(client, reader, claim["id"], limit=5)
    for words in GOLD_SUSPENDED:
        document = next(d for d in seeds.values() if words in d["text"])
        assert any(_covers(s, document, words) for s in top), words


def test_a_claim_worded_differently_finds_the_sentences_that_state_it(
    client, reader, seeds, make_claim
):
    claim = make_claim("Training of Iraqi forces by NATO was suspended")
    top = _suggest(client, reader, claim["id"], limit=4)
    assert all("suspended" in s["sentence"]["text"] for s in top)


def test_suggestions_anchor_words_of_their_sentence(client, reader, seeds, make_claim):
    claim = make_claim(SUSPENDED)
    texts = {d["id"]: d["text"] for d in seeds.values()}
    for suggestion in _suggest(client, reader, claim["id"], limit=10):
        sentence = suggestion["sentence"]
        assert (
            texts[suggestion["document"]["id"]][suggestion["start"] : suggestion["end"]]
            == (suggestion["text"])
        )
        assert sentence["start"] <= suggestion["start"] < suggestion["end"] <= sentence["end"]


def test_suggestions_come_best_first_with_reasons(client, reader, seeds, make_claim):
    claim = make_claim(SUSPENDED)
    top = _suggest(client, reader, claim["id"], limit=10)
    assert [s["score"] for s in top] == sorted((s["score"] for s in top), reverse=True)
    assert top[0]["why"][0].startswith("shares ")
    assert top[0]["document"]["title"]


def test_sentences_that_only_name_the_topic_rank_below_those_stating_the_claim(
    client, reader, seeds, make_claim
):
    claim = make_claim(SUSPENDED)
    top = _suggest(client, reader, claim["id"], limit=10)
    topic_only = [s for s in top if "suspend" not in s["sentence"]["text"]]
    stating = [s for s in top if "suspend" in s["sentence"]["text"]]
    assert topic_only and stating
    assert min(s["score"] for s in stating) > max(s["score"] for s in topic_only)
    assert "names the topic but not what the claim says of it" in topic_only[0]["why"]


def test_the_same_number_in_other_words_counts_as_agreement(client, reader, seeds, make_claim):
    claim = make_claim("NATO has 430 personnel training Iraqi forces")
    best = _suggest(client, reader, claim["id"], limit=1)[0]
    assert "430-strong" in best["sentence"]["text"]
    assert any(reason.startswith("numbers agree") for reason in best["why"])


def test_a_different_number_of_the_same_thing_lowers_the_score(client, reader, seeds, make_claim):
    right = make_claim("NATO's training mission for Iraqi forces is 430 strong")
    wrong = make_claim("NATO's training mission for Iraqi forces is 500 strong")

    def sentence_with_430(claim: dict) -> dict:
        return next(
            s
            for s in _suggest(client, reader, claim["id"], limit=10)
            if "430-strong" in s["sentence"]["text"]
        )

    agreeing, conflicting = sentence_with_430(right), sentence_with_430(wrong)
    assert conflicting["score"] < agreeing["score"]
    assert any("different number of strong" in reason for reason in conflicting["why"])


def test_sentences_already_linked_as_evidence_are_not_suggested(
    client, editor, reader, seeds, make_claim
):
    claim = make_claim(SUSPENDED)
    best = _suggest(client, reader, claim["id"], limit=1)[0]
    accepted = client.post(
        f"/claims/{claim['id']}/suggestions/accept",
        json={"document_id": best["document"]["id"], "start": best["start"], "end": best["end"]},
        headers=editor,
    )
    assert accepted.status_code == 201
    assert accepted.json()["exact"] == best["text"]
    after = _suggest(client, reader, claim["id"], limit=10)
    assert best["sentence"]["passage_id"] not in {s["sentence"]["passage_id"] for s in after}


def test_accepting_offsets_outside_the_document_is_refused(client, editor, seeds, make_claim):
    claim = make_claim(SUSPENDED)
    response = client.post(
        f"/claims/{claim['id']}/suggestions/accept",
        json={"document_id": seeds["ft"]["id"], "start": 10**6, "end": 10**6 + 5},
        headers=editor,
    )
    assert response.status_code == 422


def test_a_claim_of_only_common_words_has_no_suggestions(client, reader, seeds, make_claim):
    claim = make_claim("It is what it is")
    assert _suggest(client, reader, claim["id"]) == []


def test_suggestions_for_an_unknown_claim_are_a_404(client, reader, seeds):
    response = client.get("/claims/999/suggestions", headers=reader)
    assert response.status_code == 404
