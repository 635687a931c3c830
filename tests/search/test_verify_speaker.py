"""`/verify` with a speaker: `speaker_verdict` says whether that speaker said the words, and the
overall verdict is `misattributed` when the words are found only under someone else."""

from __future__ import annotations

import pytest

HARBOUR = (
    "Fennick harbour keeps its lighthouse crew\n\n"
    "Harbour board chair Miriam Okonkwo spoke to reporters on the quay on Tuesday.\n\n"
    "“The lighthouse keepers will return to Fennick Point before the winter storms arrive,” "
    "Okonkwo said.\n\n"
    "Councillor Tobias Venn was less hopeful about the island services.\n\n"
    "“Nobody should pretend the ferry timetable can survive another round of cuts,” Venn said.\n\n"
    "The gulls nesting on the old customs house roof were counted again this spring.\n"
)
KEEPERS = "The lighthouse keepers will return to Fennick Point before the winter storms arrive"
GULLS = "The gulls nesting on the old customs house roof were counted again this spring"
# The same words said by Venn in another paper: found under both speakers.
ECHO = (
    "Venn echoes the harbour chair\n\n"
    "At the evening council meeting Councillor Tobias Venn repeated the promise.\n\n"
    "“The lighthouse keepers will return to Fennick Point before the winter storms arrive,” "
    "Venn said.\n"
)


@pytest.fixture
def harbour(client, editor) -> dict:
    payload = {
        "title": "Fennick harbour keeps its lighthouse crew",
        "text": HARBOUR,
        "publisher": "Fennick Gazette",
        "kind": "article",
        "published_at": "2025-03-04T09:00:00Z",
    }
    response = client.post("/documents", json=payload, headers=editor)
    assert response.status_code == 201, response.text
    return response.json()


def _speaker(client, editor, name: str) -> dict:
    response = client.get("/speakers", params={"q": name}, headers=editor)
    assert response.status_code == 200, response.text
    [speaker] = [s for s in response.json()["items"] if s["name"] == name]
    return speaker


def test_words_of_the_speaker_asked_match(harbour, verify):
    body = verify(KEEPERS, speaker="Miriam Okonkwo")
    assert body["speaker_verdict"] == "matches"
    assert body["verdict"] == "verbatim"


def test_the_speaker_asked_by_an_alias_matches(harbour, client, editor, verify):
    okonkwo = _speaker(client, editor, "Miriam Okonkwo")
    response = client.post(
        f"/speakers/{okonkwo['id']}/aliases",
        json={"alias": "Fennick harbour chief"},
        headers=editor,
    )
    assert response.status_code in (200, 201), response.text
    body = verify(KEEPERS, speaker="Fennick harbour chief")
    assert body["speaker_verdict"] == "matches"


def test_words_said_by_someone_else_are_misattributed_naming_who_said_them(
    harbour, client, editor, verify
):
    okonkwo = _speaker(client, editor, "Miriam Okonkwo")
    body = verify(KEEPERS, speaker="Tobias Venn")
    assert body["speaker_verdict"] == "misattributed"
    assert body["said_by"] == [{"speaker_id": okonkwo["id"], "name": "Miriam Okonkwo"}]


def test_the_overall_verdict_is_misattributed_when_found_only_under_someone_else(harbour, verify):
    body = verify(KEEPERS, speaker="Tobias Venn")
    assert body["verdict"] == "misattributed"
    assert body["matches"][0]["verdict"] == "verbatim"
    assert body["matches"][0]["speaker_matches"] is False


def test_words_found_under_the_speaker_asked_and_someone_else_match(
    harbour, client, editor, verify
):
    payload = {"title": "Venn echoes the harbour chair", "text": ECHO, "kind": "article"}
    assert client.post("/documents", json=payload, headers=editor).status_code == 201
    body = verify(KEEPERS, speaker="Tobias Venn")
    assert body["speaker_verdict"] == "matches"
    assert body["verdict"] == "verbatim"
    assert body["said_by"] == []


def test_speaker_verdict_is_unknown_when_no_speaker_is_asked(harbour, verify):
    body = verify(KEEPERS)
    assert body["speaker_verdict"] == "unknown"
    assert body["verdict"] == "verbatim"


def test_speaker_verdict_is_unknown_when_the_matching_words_have_no_speaker(harbour, verify):
    body = verify(GULLS, speaker="Tobias Venn")
    assert body["matches"][0]["attributed_to"] is None
    assert body["speaker_verdict"] == "unknown"
    assert body["verdict"] == "verbatim"
    assert body["said_by"] == []
