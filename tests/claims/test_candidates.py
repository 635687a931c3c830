"""Claim candidates: a document's check-worthy sentences, and turning one into a claim."""

from __future__ import annotations


def _candidates(client, reader, document_id: int, **params: object) -> list[dict]:
    response = client.get(
        f"/documents/{document_id}/claim-candidates", params=params, headers=reader
    )
    assert response.status_code == 200, response.text
    return response.json()


def test_candidates_are_sentences_of_the_document_best_first(client, reader, seeds):
    ft = seeds["ft"]
    found = _candidates(client, reader, ft["id"], limit=50)
    assert found
    assert [c["score"] for c in found] == sorted((c["score"] for c in found), reverse=True)
    for candidate in found:
        assert ft["text"][candidate["start"] : candidate["end"]] == candidate["text"]
        assert candidate["reasons"]


def test_the_sentence_with_a_count_and_a_suspension_is_among_the_top_three(client, reader, seeds):
    top = _candidates(client, reader, seeds["ft"]["id"], limit=3)
    assert any("430-strong" in c["text"] for c in top)


def test_sentences_inside_stored_quotes_are_marked_as_attributed(client, reader, seeds):
    found = _candidates(client, reader, seeds["nato"]["id"], limit=200, min_score=0)
    suspended = next(c for c in found if c["text"].startswith("We have suspended our training"))
    assert "attributed to a speaker" in suspended["reasons"]


def test_min_score_leaves_out_weaker_sentences(client, reader, seeds):
    everything = _candidates(client, reader, seeds["ft"]["id"], limit=200, min_score=0)
    strong = _candidates(client, reader, seeds["ft"]["id"], limit=200, min_score=0.6)
    assert 0 < len(strong) < len(everything)
    assert all(c["score"] >= 0.6 for c in strong)


def test_a_candidate_becomes_a_claim_with_its_first_evidence_in_one_call(
    client, editor, reader, seeds
):
    ft = seeds["ft"]
    best = _candidates(client, reader, ft["id"], limit=1)[0]
    origin = {"document_id": ft["id"], "start": best["start"], "end": best["end"]}
    response = client.post("/claims", json={"from": origin, "tags": ["iraq"]}, headers=editor)
    assert response.status_code == 201
    claim = response.json()
    assert claim["text"] == best["text"]
    evidence = client.get(f"/claims/{claim['id']}/evidence", headers=reader).json()["items"]
    assert [(e["start"], e["end"], e["stance"]) for e in evidence] == [
        (best["start"], best["end"], "supports")
    ]


def test_candidates_of_an_unknown_document_are_a_404(client, reader):
    response = client.get("/documents/999/claim-candidates", headers=reader)
    assert response.status_code == 404
