"""Helpers for the robustness tests: news documents with quotes by two distinct speakers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

PROBLEM = "application/problem+json"

ALLIANCE_REPORT = {
    "title": "Alliance suspends training mission in Iraq",
    "text": (
        "Jens Stoltenberg said the alliance had suspended its training mission in Iraq after the "
        "killing of Qassem Soleimani.\n\n"
        "Camilla Stoltenberg said the institute would publish new figures on the outbreak next "
        "week."
    ),
    "publisher": "Financial Times",
    "kind": "article",
    "published_at": "2020-01-09T12:00:00Z",
}


@pytest.fixture
def ingest(client: Any, editor: dict[str, str]) -> Callable[..., dict[str, Any]]:
    """Post a document as the editor and return the stored document."""

    def post(payload: dict[str, Any] | None = None, **changes: Any) -> dict[str, Any]:
        response = client.post(
            "/documents", json={**(payload or ALLIANCE_REPORT), **changes}, headers=editor
        )
        assert response.status_code in (200, 201), response.text
        return response.json()

    return post


@pytest.fixture
def report(ingest: Callable[..., dict[str, Any]]) -> dict[str, Any]:
    return ingest()


@pytest.fixture
def two_speakers(client: Any, reader: dict[str, str], report: dict[str, Any]) -> list[int]:
    """Ids of the two Stoltenbergs in the alliance report, the one named Jens first."""
    found = client.get("/speakers", params={"q": "stoltenberg"}, headers=reader).json()["items"]
    assert len(found) == 2, found
    return [s["id"] for s in sorted(found, key=lambda s: s["name"] != "Jens Stoltenberg")]


@pytest.fixture
def a_quote(client: Any, reader: dict[str, str], report: dict[str, Any]) -> dict[str, Any]:
    quotes = client.get(f"/documents/{report['id']}/quotes", headers=reader).json()["items"]
    assert quotes, "the alliance report should yield at least one quote"
    return quotes[0]
