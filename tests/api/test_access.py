"""API keys and roles."""

from __future__ import annotations


def test_reads_without_a_key_get_401_problem(client):
    response = client.get("/documents")
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["www-authenticate"] == "Bearer"


def test_an_unknown_key_gets_401(client):
    response = client.get("/documents", headers={"Authorization": "Bearer att_nonsense"})
    assert response.status_code == 401


def test_a_reader_cannot_write(client, reader, ft_payload):
    response = client.post("/documents", json=ft_payload, headers=reader)
    assert response.status_code == 403
    assert "editor" in response.json()["detail"]


def test_an_editor_cannot_delete(client, editor, ft_payload):
    document = client.post("/documents", json=ft_payload, headers=editor).json()
    assert client.delete(f"/documents/{document['id']}", headers=editor).status_code == 403


def test_public_reads_allow_gets_without_a_key_but_not_writes(client, ft_payload, monkeypatch):
    from app.config import get_settings

    monkeypatch.setenv("ATTEST_PUBLIC_READS", "true")
    get_settings.cache_clear()
    try:
        assert client.get("/documents").status_code == 200
        assert client.post("/documents", json=ft_payload).status_code == 401
    finally:
        monkeypatch.delenv("ATTEST_PUBLIC_READS")
        get_settings.cache_clear()


def test_a_revoked_key_stops_working(client, session):
    from app.services.keys import create_key, revoke_key

    _, secret = create_key(session, "desk-tool", "reader", actor="test")
    headers = {"Authorization": f"Bearer {secret}"}
    assert client.get("/documents", headers=headers).status_code == 200
    revoke_key(session, "desk-tool", actor="test")
    assert client.get("/documents", headers=headers).status_code == 401


def test_keys_are_stored_only_as_hashes(session):
    from sqlalchemy import select

    from app.models import ApiKey
    from app.services.keys import create_key

    _, secret = create_key(session, "desk-tool", "editor", actor="test")
    stored = session.scalars(select(ApiKey)).one()
    assert secret not in (stored.key_hash, stored.prefix)
    assert len(stored.key_hash) == 64
