"""Reading and correcting quotes."""

from __future__ import annotations


def _stoltenberg_quote(client, editor, reader, payload) -> dict:
    document = client.post("/documents", json=payload, headers=editor).json()
    quotes = client.get(
        f"/documents/{document['id']}/quotes", params={"limit": 200}, headers=reader
    ).json()
    return next(q for q in quotes["items"] if q["speaker"]["name"] == "Jens Stoltenberg")


def test_a_quote_carries_its_speaker_and_the_mention_that_attributed_it(
    client, editor, reader, ft_payload
):
    quote = _stoltenberg_quote(client, editor, reader, ft_payload)
    mention = quote["speaker"]["mention"]
    text = ft_payload["text"]
    assert text[mention["start"] : mention["end"]] == mention["text"]
    pieces = [text[segment["start"] : segment["end"]] for segment in quote["segments"]]
    assert " ".join(pieces) == quote["text"]


def test_quotes_filter_by_kind_and_speaker(client, editor, reader, ft_payload, nato_payload):
    client.post("/documents", json=ft_payload, headers=editor)
    client.post("/documents", json=nato_payload, headers=editor)
    questions = client.get(
        "/quotes", params={"kind": "question", "limit": 200}, headers=reader
    ).json()["items"]
    assert questions and {q["kind"] for q in questions} == {"question"}
    speaker_id = questions[0]["speaker"]["id"]
    by_speaker = client.get("/quotes", params={"speaker_id": speaker_id}, headers=reader).json()[
        "items"
    ]
    assert {q["speaker"]["id"] for q in by_speaker} == {speaker_id}


def test_quotes_filter_by_publication_date(client, editor, reader, ft_payload, nato_payload):
    client.post("/documents", json=ft_payload, headers=editor)
    nato = client.post("/documents", json=nato_payload, headers=editor).json()
    early = client.get(
        "/quotes", params={"until": "2020-01-07T00:00:00Z", "limit": 200}, headers=reader
    ).json()["items"]
    assert early and {q["document_id"] for q in early} == {nato["id"]}


def test_an_editor_can_confirm_and_reattribute_a_quote(client, editor, reader, ft_payload):
    quote = _stoltenberg_quote(client, editor, reader, ft_payload)
    major = client.get("/speakers", params={"q": "Claudia Major"}, headers=reader).json()["items"][
        0
    ]
    response = client.patch(
        f"/quotes/{quote['id']}",
        json={"speaker_id": major["id"], "status": "confirmed"},
        headers=editor,
    )
    assert response.status_code == 200
    assert response.json()["speaker"]["name"] == "Claudia Major"
    assert response.json()["status"] == "confirmed"
    assert client.get(f"/quotes/{quote['id']}", headers=reader).json()["status"] == "confirmed"


def test_a_correction_is_audited_with_before_and_after(client, editor, reader, ft_payload, session):
    from sqlalchemy import select

    from app.models import AuditEntry

    quote = _stoltenberg_quote(client, editor, reader, ft_payload)
    client.patch(f"/quotes/{quote['id']}", json={"status": "rejected"}, headers=editor)
    entry = session.scalars(select(AuditEntry).where(AuditEntry.entity_type == "quote")).one()
    assert entry.before["status"] == "auto"
    assert entry.after["status"] == "rejected"
    assert entry.actor == "test-editor"


def test_reattributing_to_an_unknown_speaker_is_refused(client, editor, reader, ft_payload):
    quote = _stoltenberg_quote(client, editor, reader, ft_payload)
    response = client.patch(f"/quotes/{quote['id']}", json={"speaker_id": 987654}, headers=editor)
    assert response.status_code == 422
    assert response.json()["field"] == "speaker_id"


def test_an_empty_correction_is_refused(client, editor, reader, ft_payload):
    quote = _stoltenberg_quote(client, editor, reader, ft_payload)
    assert client.patch(f"/quotes/{quote['id']}", json={}, headers=editor).status_code == 422


def test_an_unknown_status_names_the_field(client, editor, reader, ft_payload):
    quote = _stoltenberg_quote(client, editor, reader, ft_payload)
    response = client.patch(f"/quotes/{quote['id']}", json={"status": "maybe"}, headers=editor)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "status"


def test_unknown_quote_is_a_404(client, reader):
    assert client.get("/quotes/424242", headers=reader).status_code == 404
