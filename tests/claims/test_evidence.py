"""Anchoring evidence to the exact words of a document, and reading it back."""

from __future__ import annotations

from tests.claims.conftest import span_of

FT_WORDS = "which is temporarily suspended because of the Iran crisis"
NATO_WORDS = "We have suspended our training mission now, because of the security situation"


def _add(client, editor, claim_id: int, **body: object):
    return client.post(f"/claims/{claim_id}/evidence", json=body, headers=editor)


def test_exact_words_are_anchored_with_offsets_and_32_characters_of_context(
    client, editor, seeds, make_claim
):
    ft, claim = seeds["ft"], make_claim()
    response = _add(client, editor, claim["id"], document_id=ft["id"], exact=FT_WORDS)
    assert response.status_code == 201
    evidence, text = response.json(), ft["text"]
    assert text[evidence["start"] : evidence["end"]] == FT_WORDS
    assert evidence["prefix"] == text[evidence["start"] - 32 : evidence["start"]]
    assert evidence["suffix"] == text[evidence["end"] : evidence["end"] + 32]
    assert evidence["stance"] == "supports"


def test_offsets_alone_anchor_the_words_between_them(client, editor, seeds, make_claim):
    ft, claim = seeds["ft"], make_claim()
    response = _add(client, editor, claim["id"], document_id=ft["id"], **span_of(ft, FT_WORDS))
    assert response.status_code == 201
    assert response.json()["exact"] == FT_WORDS


def test_context_is_shorter_at_the_start_of_a_document(client, editor, seeds, make_claim):
    nato, claim = seeds["nato"], make_claim("NATO addresses Middle East tensions")
    response = _add(client, editor, claim["id"], document_id=nato["id"], start=0, end=4)
    assert response.json()["prefix"] == ""
    assert response.json()["exact"] == "NATO"


def test_words_not_in_the_document_are_refused_with_the_reason(client, editor, seeds, make_claim):
    claim = make_claim()
    response = _add(
        client, editor, claim["id"], document_id=seeds["ft"]["id"], exact="NATO pulled out of Iraq"
    )
    assert response.status_code == 422
    assert response.json()["field"] == "exact"
    assert "do not occur" in response.json()["detail"]


def test_words_found_twice_are_refused_until_offsets_choose_one(client, editor, seeds, make_claim):
    nato, claim = seeds["nato"], make_claim("NATO addresses Middle East tensions")
    words = "NATO addresses Middle East tensions"
    ambiguous = _add(client, editor, claim["id"], document_id=nato["id"], exact=words)
    assert ambiguous.status_code == 422
    occurrences = ambiguous.json()["occurrences"]
    assert len(occurrences) == nato["text"].count(words) == 2
    chosen = _add(
        client, editor, claim["id"], document_id=nato["id"], exact=words, **occurrences[1]
    )
    assert chosen.status_code == 201
    assert chosen.json()["start"] == occurrences[1]["start"]


def test_offsets_beyond_the_text_are_refused(client, editor, seeds, make_claim):
    ft, claim = seeds["ft"], make_claim()
    end = len(ft["text"]) + 1
    response = _add(client, editor, claim["id"], document_id=ft["id"], start=end - 10, end=end)
    assert response.status_code == 422
    assert response.json()["field"] == "start"


def test_start_after_end_is_refused(client, editor, seeds, make_claim):
    claim = make_claim()
    response = _add(client, editor, claim["id"], document_id=seeds["ft"]["id"], start=50, end=40)
    assert response.status_code == 422


def test_offsets_that_disagree_with_the_exact_words_are_refused(client, editor, seeds, make_claim):
    ft, claim = seeds["ft"], make_claim()
    span = span_of(ft, FT_WORDS)
    shifted = {"start": span["start"] + 1, "end": span["end"] + 1}
    response = _add(client, editor, claim["id"], document_id=ft["id"], exact=FT_WORDS, **shifted)
    assert response.status_code == 422
    assert response.json()["found"] == ft["text"][shifted["start"] : shifted["end"]]


def test_straight_apostrophes_find_the_curly_ones_of_the_text(client, editor, seeds, make_claim):
    nato, claim = seeds["nato"], make_claim()
    response = _add(
        client,
        editor,
        claim["id"],
        document_id=nato["id"],
        exact="safety of NATO's personnel in Iraq",
    )
    assert response.status_code == 201
    assert response.json()["exact"] == "safety of NATO’s personnel in Iraq"


def test_the_same_words_twice_for_one_claim_conflict(client, editor, seeds, make_claim):
    ft, claim = seeds["ft"], make_claim()
    _add(client, editor, claim["id"], document_id=ft["id"], exact=FT_WORDS)
    again = _add(client, editor, claim["id"], document_id=ft["id"], exact=FT_WORDS)
    assert again.status_code == 409


def test_evidence_for_an_unknown_document_is_refused(client, editor, make_claim):
    claim = make_claim()
    response = _add(client, editor, claim["id"], document_id=999, exact=FT_WORDS)
    assert response.status_code == 422
    assert response.json()["field"] == "document_id"


def test_evidence_for_an_unknown_claim_is_a_404(client, editor, seeds):
    response = _add(client, editor, 999, document_id=seeds["ft"]["id"], exact=FT_WORDS)
    assert response.status_code == 404


def test_evidence_citing_a_quote_takes_its_span_and_speaker(
    client, editor, reader, seeds, make_claim
):
    nato, claim = seeds["nato"], make_claim()
    quotes = client.get(
        f"/documents/{nato['id']}/quotes", params={"limit": 200}, headers=reader
    ).json()["items"]
    quote = next(q for q in quotes if q["speaker"]["name"] == "Jens Stoltenberg")
    response = _add(client, editor, claim["id"], quote_id=quote["id"], stance="mentions")
    assert response.status_code == 201
    evidence = response.json()
    assert (evidence["start"], evidence["end"]) == (quote["start"], quote["end"])
    assert evidence["quote_id"] == quote["id"]
    assert evidence["speaker"]["name"] == "Jens Stoltenberg"


def test_evidence_inside_a_stored_quote_is_attributed_to_its_speaker(
    client, editor, seeds, make_claim
):
    claim = make_claim()
    response = _add(client, editor, claim["id"], document_id=seeds["nato"]["id"], exact=NATO_WORDS)
    assert response.json()["speaker"]["name"] == "Jens Stoltenberg"
    assert response.json()["speaker"]["kind"] == "person"


def test_narration_has_no_speaker(client, editor, seeds, make_claim):
    claim = make_claim()
    response = _add(client, editor, claim["id"], document_id=seeds["ft"]["id"], exact=FT_WORDS)
    assert response.json()["speaker"] is None


def test_evidence_is_listed_oldest_publication_first(client, editor, reader, seeds, make_claim):
    claim = make_claim()
    _add(client, editor, claim["id"], document_id=seeds["ft"]["id"], exact=FT_WORDS)
    _add(client, editor, claim["id"], document_id=seeds["nato"]["id"], exact=NATO_WORDS)
    items = client.get(f"/claims/{claim['id']}/evidence", headers=reader).json()["items"]
    assert [e["document"]["publisher"] for e in items] == ["NATO", "Financial Times"]
    assert items[0]["document"]["title"] == "NATO addresses Middle East tensions"


def test_evidence_pages_follow_publication_order(client, editor, reader, seeds, make_claim):
    claim = make_claim()
    _add(client, editor, claim["id"], document_id=seeds["ft"]["id"], exact=FT_WORDS)
    _add(client, editor, claim["id"], document_id=seeds["nato"]["id"], exact=NATO_WORDS)
    first = client.get(f"/claims/{claim['id']}/evidence", params={"limit": 1}, headers=reader)
    cursor = first.json()["next_cursor"]
    second = client.get(
        f"/claims/{claim['id']}/evidence", params={"limit": 1, "cursor": cursor}, headers=reader
    ).json()
    assert first.json()["items"][0]["document"]["publisher"] == "NATO"
    assert second["items"][0]["document"]["publisher"] == "Financial Times"
    assert second["next_cursor"] is None


def test_an_editor_removes_evidence(client, editor, reader, seeds, make_claim):
    claim = make_claim()
    added = _add(client, editor, claim["id"], document_id=seeds["ft"]["id"], exact=FT_WORDS)
    url = f"/claims/{claim['id']}/evidence/{added.json()['id']}"
    assert client.delete(url, headers=reader).status_code == 403
    assert client.delete(url, headers=editor).status_code == 204
    assert client.get(f"/claims/{claim['id']}/evidence", headers=reader).json()["items"] == []
    assert client.delete(url, headers=editor).status_code == 404


def test_the_first_appearance_is_the_earliest_published_with_its_speaker(
    client, editor, reader, seeds, make_claim
):
    claim = make_claim()
    _add(client, editor, claim["id"], document_id=seeds["ft"]["id"], exact=FT_WORDS)
    _add(client, editor, claim["id"], document_id=seeds["nato"]["id"], exact=NATO_WORDS)
    first = client.get(f"/claims/{claim['id']}", headers=reader).json()["first_appearance"]
    assert first["document"]["publisher"] == "NATO"
    assert first["published_at"].startswith("2020-01-06")
    assert first["speaker"]["name"] == "Jens Stoltenberg"


def test_the_timeline_runs_in_publication_order_with_speakers(
    client, editor, reader, seeds, make_claim
):
    claim = make_claim()
    _add(client, editor, claim["id"], document_id=seeds["ft"]["id"], exact=FT_WORDS)
    _add(client, editor, claim["id"], document_id=seeds["nato"]["id"], exact=NATO_WORDS)
    timeline = client.get(f"/claims/{claim['id']}/timeline", headers=reader).json()["items"]
    assert [(t["published_at"][:10], t["speaker"] and t["speaker"]["name"]) for t in timeline] == [
        ("2020-01-06", "Jens Stoltenberg"),
        ("2020-01-09", None),
    ]
