"""Fixtures for claims: the two seed documents stored, and a helper to create claims."""

from __future__ import annotations

from collections.abc import Callable

import pytest

SUSPENDED = "NATO's training mission in Iraq is temporarily suspended"


@pytest.fixture
def seeds(client, editor, ft_payload, nato_payload) -> dict[str, dict]:
    """The FT article and the NATO transcript, stored through the API."""
    ft = client.post("/documents", json=ft_payload, headers=editor)
    nato = client.post("/documents", json=nato_payload, headers=editor)
    assert ft.status_code == 201 and nato.status_code == 201
    return {"ft": ft.json(), "nato": nato.json()}


@pytest.fixture
def make_claim(client, editor) -> Callable[..., dict]:
    def make(text: str = SUSPENDED, **fields: object) -> dict:
        response = client.post("/claims", json={"text": text, **fields}, headers=editor)
        assert response.status_code == 201, response.text
        return response.json()

    return make


def span_of(document: dict, words: str) -> dict[str, int]:
    start = document["text"].index(words)
    return {"start": start, "end": start + len(words)}
