"""Evidence is anchored to words typed in either Unicode normalisation form (composed "ü" or
"u" and a combining diaeresis); the anchor's offsets and exact words are the stored text's."""

from __future__ import annotations

import unicodedata

import pytest

REPORT = (
    "BRUSSELS — Officials in Brüssel confirmed that the café would stay closed. Later a "
    "spokesman said the café near the Brüssel station had been searched."
)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.fixture
def store(client, editor):
    def post(text: str) -> dict:
        body = {"title": "Cafés closed", "text": text}
        response = client.post("/documents", json=body, headers=editor)
        assert response.status_code == 201, response.text
        return response.json()

    return post


def _add(client, editor, claim: dict, **body: object):
    return client.post(f"/claims/{claim['id']}/evidence", json=body, headers=editor)


def test_composed_words_anchor_in_a_decomposed_text_at_its_own_offsets(
    client, editor, store, make_claim
):
    document = store(_nfd(REPORT))
    words = "Officials in Brüssel confirmed that the café would stay closed"
    response = _add(client, editor, make_claim(), document_id=document["id"], exact=_nfc(words))
    assert response.status_code == 201, response.text
    evidence = response.json()
    assert document["text"][evidence["start"] : evidence["end"]] == _nfd(words)
    assert evidence["exact"] == _nfd(words)
    assert evidence["suffix"] == document["text"][evidence["end"] : evidence["end"] + 32]


def test_decomposed_words_with_offsets_anchor_in_a_composed_text(client, editor, store, make_claim):
    document = store(_nfc(REPORT))
    words = _nfc("the café would stay closed")
    start = document["text"].index(words)
    response = _add(
        client,
        editor,
        make_claim(),
        document_id=document["id"],
        exact=_nfd(words),
        start=start,
        end=start + len(words),
    )
    assert response.status_code == 201, response.text
    assert response.json()["exact"] == words


def test_composed_words_found_twice_in_a_decomposed_text_list_both_stored_spans(
    client, editor, store, make_claim
):
    document = store(_nfd(REPORT))
    response = _add(client, editor, make_claim(), document_id=document["id"], exact="the café")
    assert response.status_code == 422
    spans = response.json()["occurrences"]
    assert [document["text"][s["start"] : s["end"]] for s in spans] == [_nfd("the café")] * 2
