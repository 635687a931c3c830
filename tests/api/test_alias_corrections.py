"""Alias corrections: an alias another speaker has is refused unless an admin forces it, and an
alias can be removed (never the speaker's canonical name); both are audited."""

from __future__ import annotations

import pytest

HARBOUR = (
    "Ingrid Solvang, the harbourmaster, said the northern quay would reopen on Monday. "
    "Tobias Renwick, a councillor, said the ferry timetable was under review."
)


def _ingest(client, editor) -> None:
    response = client.post(
        "/documents", json={"title": "Quay reopening", "text": HARBOUR}, headers=editor
    )
    assert response.status_code == 201, response.text


def _speaker(client, reader, name: str) -> dict:
    found = client.get("/speakers", params={"q": name}, headers=reader).json()["items"]
    assert [s["name"] for s in found] == [name], found
    return found[0]


@pytest.fixture
def solvang(client, editor, reader) -> dict:
    _ingest(client, editor)
    return _speaker(client, reader, "Ingrid Solvang")


@pytest.fixture
def renwick(client, reader, solvang) -> dict:
    return _speaker(client, reader, "Tobias Renwick")


def _aliases(client, reader, speaker_id: int) -> set[str]:
    detail = client.get(f"/speakers/{speaker_id}", headers=reader).json()
    return {a["alias"] for a in detail["aliases"]}


def _add(client, headers, speaker_id: int, alias: str, **params: str):
    return client.post(
        f"/speakers/{speaker_id}/aliases", json={"alias": alias}, params=params, headers=headers
    )


def test_an_alias_of_another_speaker_is_a_409_naming_that_speaker(
    client, editor, reader, solvang, renwick
):
    _add(client, editor, solvang["id"], "the port chief")
    response = _add(client, editor, renwick["id"], "The Port Chief")
    assert response.status_code == 409, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["speaker"] == {"id": solvang["id"], "name": "Ingrid Solvang"}
    assert "Ingrid Solvang" in problem["detail"]
    assert "The Port Chief" not in _aliases(client, reader, renwick["id"])


def test_an_admin_may_force_an_alias_another_speaker_has(
    client, admin, editor, reader, solvang, renwick
):
    _add(client, editor, solvang["id"], "the port chief")
    assert _add(client, admin, renwick["id"], "the port chief").status_code == 409
    response = _add(client, admin, renwick["id"], "the port chief", force="true")
    assert response.status_code == 200, response.text
    assert "the port chief" in _aliases(client, reader, renwick["id"])


def test_an_editor_may_not_force_an_alias(client, editor, reader, solvang, renwick):
    _add(client, editor, solvang["id"], "the port chief")
    response = _add(client, editor, renwick["id"], "the port chief", force="true")
    assert response.status_code == 403, response.text
    assert "the port chief" not in _aliases(client, reader, renwick["id"])


def test_a_forced_alias_is_audited_with_the_speaker_it_also_names(
    client, admin, editor, solvang, renwick
):
    _add(client, editor, solvang["id"], "the port chief")
    assert _add(client, admin, renwick["id"], "the port chief", force="true").status_code == 200
    params = {"entity_type": "speaker", "entity_id": renwick["id"], "limit": 1}
    entry = client.get("/audit", params=params, headers=admin).json()["items"][0]
    assert (entry["actor"], entry["action"]) == ("test-admin", "add_alias")
    assert entry["after"]["forced"] is True
    assert entry["after"]["also_alias_of"] == [{"id": solvang["id"], "name": "Ingrid Solvang"}]


def test_an_editor_removes_an_alias(client, editor, reader, solvang):
    _add(client, editor, solvang["id"], "the quay boss")
    response = client.delete(f"/speakers/{solvang['id']}/aliases/the quay boss", headers=editor)
    assert response.status_code == 200, response.text
    assert "the quay boss" not in {a["alias"] for a in response.json()["aliases"]}
    assert "the quay boss" not in _aliases(client, reader, solvang["id"])


def test_a_removed_alias_no_longer_finds_the_speaker(client, editor, reader, solvang):
    _add(client, editor, solvang["id"], "the quay boss")
    client.delete(f"/speakers/{solvang['id']}/aliases/the quay boss", headers=editor)
    found = client.get("/speakers", params={"q": "quay boss"}, headers=reader).json()["items"]
    assert found == []


def test_removing_an_alias_the_speaker_does_not_have_is_a_404(client, editor, solvang):
    url = f"/speakers/{solvang['id']}/aliases/the lighthouse keeper"
    response = client.delete(url, headers=editor)
    assert response.status_code == 404, response.text
    assert "the lighthouse keeper" in response.json()["detail"]


def test_the_canonical_name_cannot_be_removed(client, editor, reader, solvang):
    response = client.delete(f"/speakers/{solvang['id']}/aliases/Ingrid Solvang", headers=editor)
    assert response.status_code == 409, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert "Ingrid Solvang" in _aliases(client, reader, solvang["id"])


def test_a_reader_may_not_remove_an_alias(client, editor, reader, solvang):
    _add(client, editor, solvang["id"], "the quay boss")
    response = client.delete(f"/speakers/{solvang['id']}/aliases/the quay boss", headers=reader)
    assert response.status_code == 403, response.text
    assert "the quay boss" in _aliases(client, reader, solvang["id"])


def test_removing_an_alias_is_audited(client, admin, editor, solvang):
    _add(client, editor, solvang["id"], "the quay boss")
    client.delete(f"/speakers/{solvang['id']}/aliases/the quay boss", headers=editor)
    params = {"entity_type": "speaker", "entity_id": solvang["id"], "limit": 1}
    entry = client.get("/audit", params=params, headers=admin).json()["items"][0]
    assert (entry["actor"], entry["action"]) == ("test-editor", "remove_alias")
    assert entry["before"]["alias"] == "the quay boss"
    assert entry["after"] is None


def test_the_new_statuses_are_documented(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert "409" in paths["/speakers/{speaker_id}/aliases"]["post"]["responses"]
    remove = paths["/speakers/{speaker_id}/aliases/{alias}"]["delete"]["responses"]
    assert {"403", "404", "409"} <= set(remove)
