"""POST /verify matches words whatever their Unicode normalisation form (composed "é" or "e"
followed by a combining accent), and its offsets still point into the stored text as it is."""

from __future__ import annotations

import unicodedata

import pytest

SAID = (
    "VIENNA — Ursula Müller said the café in Brüssel would reopen after the summit, and that "
    "Zoë Brontë had signed the lease on Friday."
)
CLAIMED = "the café in Brüssel would reopen after the summit"


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.fixture
def store(client, editor):
    def post(text: str) -> dict:
        body = {"title": "Café reopens", "text": text, "publisher": "Wiener Zeitung"}
        response = client.post("/documents", json=body, headers=editor)
        assert response.status_code == 201, response.text
        return response.json()

    return post


def test_a_composed_quote_is_verbatim_in_a_decomposed_text_with_offsets_into_it(store, verify):
    stored = store(_nfd(SAID))
    assert stored["text"] == _nfd(SAID)  # kept as sent
    body = verify(_nfc(CLAIMED))
    assert body["verdict"] == "verbatim"
    match = body["matches"][0]
    assert stored["text"][match["start"] : match["end"]] == _nfd(CLAIMED)
    assert match["source_text"] == _nfd(CLAIMED)


def test_a_decomposed_quote_is_verbatim_in_a_composed_text(store, verify):
    stored = store(_nfc(SAID))
    body = verify(_nfd(CLAIMED))
    assert body["verdict"] == "verbatim"
    match = body["matches"][0]
    assert stored["text"][match["start"] : match["end"]] == _nfc(CLAIMED)


def test_an_altered_composed_quote_is_found_in_a_decomposed_text(store, verify):
    stored = store(_nfd(SAID))
    body = verify(_nfc("the café in Brüssel will reopen straight after the summit"))
    assert body["verdict"] == "altered"
    match = body["matches"][0]
    assert stored["text"][match["start"] : match["end"]] == _nfd(CLAIMED)


def test_a_decomposed_name_at_the_end_of_a_quote_keeps_its_accent_inside_the_match(store, verify):
    stored = store(_nfd(SAID))
    body = verify(_nfc("and that Zoë Brontë"))
    assert body["verdict"] == "verbatim"
    match = body["matches"][0]
    assert stored["text"][match["start"] : match["end"]] == _nfd("and that Zoë Brontë")
