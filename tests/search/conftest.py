"""Fixtures for search and verification: the two seed documents stored through the API."""

from __future__ import annotations

import pytest


@pytest.fixture
def seeded(client, editor, ft_payload, nato_payload) -> dict[str, dict]:
    """The FT article and the NATO transcript, stored; returns them by short name."""
    stored = {}
    for name, payload in (("ft", ft_payload), ("nato", nato_payload)):
        response = client.post("/documents", json=payload, headers=editor)
        assert response.status_code == 201
        stored[name] = response.json()
    return stored


@pytest.fixture
def verify(client, reader):
    """POST /verify as a reader and return the JSON body."""

    def call(text: str, speaker: str | None = None) -> dict:
        response = client.post("/verify", json={"text": text, "speaker": speaker}, headers=reader)
        assert response.status_code == 200, response.text
        return response.json()

    return call


BUCKET = 8192


@pytest.fixture
def straddling(session, client, editor, ft_payload, nato_payload) -> None:
    """The seed documents stored with passage and quote ids on both sides of 3 * BUCKET, a
    boundary of the text index's id buckets (app/models/text_index.py)."""
    from sqlalchemy import text

    from app.db.transaction import write

    with write(session):
        for table in ("passages", "quotes"):
            session.execute(text(f"SELECT setval('{table}_id_seq', 3 * {BUCKET} - 10)"))
    for payload in (ft_payload, nato_payload):
        assert client.post("/documents", json=payload, headers=editor).status_code == 201
