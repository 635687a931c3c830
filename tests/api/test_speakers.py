"""Speakers across documents: resolution, search, aliases and merges."""

from __future__ import annotations


def _ingest(client, headers, title: str, text: str, **extra: object) -> dict:
    response = client.post(
        "/documents", json={"title": title, "text": text, **extra}, headers=headers
    )
    assert response.status_code == 201, response.text
    return response.json()


def _speakers(client, headers, q: str) -> list[dict]:
    return client.get("/speakers", params={"q": q}, headers=headers).json()["items"]


def test_one_person_named_differently_in_two_documents_is_one_speaker(client, editor, reader):
    _ingest(
        client,
        editor,
        "Board meeting",
        "Speaking after the meeting, Chief Executive Ruth Ellery stressed that the safety of the "
        "valley's water supply is paramount.",
    )
    _ingest(
        client,
        editor,
        "Company response",
        "“We are asking everyone to do their part,” Ms Ellery said on Thursday.",
    )
    found = _speakers(client, reader, "ellery")
    assert [s["name"] for s in found] == ["Ruth Ellery"]
    detail = client.get(f"/speakers/{found[0]['id']}", headers=reader).json()
    aliases = {a["alias"] for a in detail["aliases"]}
    assert {"Ruth Ellery", "Ms Ellery"} <= aliases
    assert detail["quote_count"] == 2


def test_two_people_sharing_a_surname_are_not_merged(client, editor, reader):
    _ingest(
        client,
        editor,
        "Oslo",
        "Jens Stoltenberg said the alliance had suspended its training mission in Iraq.",
    )
    _ingest(
        client,
        editor,
        "Oslo 2",
        "Camilla Stoltenberg said the institute would publish new figures next week.",
    )
    names = sorted(s["name"] for s in _speakers(client, reader, "stoltenberg"))
    assert names == ["Camilla Stoltenberg", "Jens Stoltenberg"]


def test_speakers_are_found_by_any_alias(client, editor, reader, ft_payload):
    _ingest(client, editor, **ft_payload)
    names = [s["name"] for s in _speakers(client, reader, "Ms Major")]
    assert names == ["Claudia Major"]


def test_speaker_detail_shows_first_and_last_seen(client, editor, reader, ft_payload, nato_payload):
    _ingest(client, editor, **ft_payload)
    _ingest(client, editor, **nato_payload)
    speaker = _speakers(client, reader, "Jens Stoltenberg")[0]
    detail = client.get(f"/speakers/{speaker['id']}", headers=reader).json()
    assert detail["first_seen"].startswith("2020-01-06")
    assert detail["last_seen"].startswith("2020-01-09")


def test_speaker_quotes_lists_only_that_speakers_quotes(client, editor, reader, ft_payload):
    _ingest(client, editor, **ft_payload)
    speaker = _speakers(client, reader, "Claudia Major")[0]
    quotes = client.get(f"/speakers/{speaker['id']}/quotes", headers=reader).json()["items"]
    assert quotes
    assert {q["speaker"]["name"] for q in quotes} == {"Claudia Major"}


def test_an_alias_can_be_added_and_is_searchable(client, editor, reader, ft_payload):
    _ingest(client, editor, **ft_payload)
    speaker = _speakers(client, reader, "Claudia Major")[0]
    response = client.post(
        f"/speakers/{speaker['id']}/aliases", json={"alias": "Dr Claudia Major"}, headers=editor
    )
    assert response.status_code == 200
    assert "Dr Claudia Major" in {a["alias"] for a in response.json()["aliases"]}
    assert [s["id"] for s in _speakers(client, reader, "dr claudia")] == [speaker["id"]]


def test_merge_moves_quotes_and_aliases_and_keeps_a_record(client, editor, admin, reader):
    _ingest(client, editor, "One", "Jens Stoltenberg said the training mission was suspended.")
    _ingest(client, editor, "Two", "Camilla Stoltenberg said new figures would follow.")
    jens, camilla = sorted(_speakers(client, reader, "stoltenberg"), key=lambda s: s["name"])[::-1]
    response = client.post(
        f"/speakers/{camilla['id']}/merge", json={"into": jens["id"]}, headers=admin
    )
    assert response.status_code == 200
    merged = response.json()
    assert merged["quote_count"] == 2
    assert "Camilla Stoltenberg" in {a["alias"] for a in merged["aliases"]}
    record = client.get(f"/speakers/{camilla['id']}", headers=reader).json()
    assert record["merged_into_id"] == jens["id"]
    assert [s["id"] for s in _speakers(client, reader, "stoltenberg")] == [jens["id"]]


def test_merging_into_itself_is_refused(client, editor, admin, reader):
    _ingest(client, editor, "One", "Jens Stoltenberg said the training mission was suspended.")
    speaker = _speakers(client, reader, "stoltenberg")[0]
    response = client.post(
        f"/speakers/{speaker['id']}/merge", json={"into": speaker["id"]}, headers=admin
    )
    assert response.status_code == 422


def test_merge_needs_the_admin_role(client, editor, reader):
    _ingest(client, editor, "One", "Jens Stoltenberg said the training mission was suspended.")
    speaker = _speakers(client, reader, "stoltenberg")[0]
    response = client.post(f"/speakers/{speaker['id']}/merge", json={"into": 99}, headers=editor)
    assert response.status_code == 403


def test_an_alias_an_editor_added_attributes_quotes_in_later_documents(client, editor, reader):
    first = _ingest(
        client,
        editor,
        "Harbour plan",
        "Harbour master Ruth Trelawny said dredging would begin on Monday.",
    )
    quote = client.get(f"/documents/{first['id']}/quotes", headers=reader).json()["items"][0]
    speaker_id = quote["speaker"]["id"]
    added = client.post(
        f"/speakers/{speaker_id}/aliases", json={"alias": "the harbour chief"}, headers=editor
    )
    assert added.status_code in (200, 201), added.text
    later = _ingest(
        client,
        editor,
        "Harbour update",
        "The ferry will keep running. “The berth is safe,” the harbour chief said on Friday.",
    )
    stored = client.get(f"/documents/{later['id']}/quotes", headers=reader).json()["items"]
    quote = next(q for q in stored if "berth is safe" in q["text"])
    assert quote["speaker"]["id"] == speaker_id
    assert quote["method"].endswith("+archive-alias")


def test_an_alias_two_speakers_share_attributes_nothing(client, admin, editor, reader):
    for name in ("Ruth Trelawny", "Simon Beare"):
        doc = _ingest(client, editor, name, f"{name} said the harbour would reopen in May.")
        quote = client.get(f"/documents/{doc['id']}/quotes", headers=reader).json()["items"][0]
        shared = client.post(  # the second one only as an admin's forced decision
            f"/speakers/{quote['speaker']['id']}/aliases",
            json={"alias": "the harbour chief"},
            params={"force": "true"},
            headers=admin,
        )
        assert shared.status_code == 200, shared.text
    later = _ingest(
        client, editor, "Update", "The ferry will run. “It is safe,” the harbour chief said."
    )
    stored = client.get(f"/documents/{later['id']}/quotes", headers=reader).json()["items"]
    assert next(q for q in stored if "It is safe" in q["text"])["speaker"]["id"] is None
