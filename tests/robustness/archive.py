"""A small archive in which every list of the API has something to list, and the lists' URLs.

`archive` stores our two sample documents of data/ (quotes by several speakers) and a claim
made from a span of one of them (so it has evidence and history). The lists are read from the
OpenAPI document: every GET operation with a `cursor` parameter, with its path ids filled in,
so a list added later is covered without naming it here. A test module takes the fixture with
`from tests.robustness.archive import archive_fixture`.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any

import pytest

from tests.conftest import ARTICLE, TRANSCRIPT, sample_payload

CLAIM_WORDS = "38 per cent of capacity"
SAMPLES = [sample_payload(ARTICLE), sample_payload(TRANSCRIPT)]

# Lists that page differently depending on a parameter: each way is a list of its own.
VARIANTS: dict[str, list[dict[str, str]]] = {
    "/search": [
        {"q": "reservoirs", "type": kind, "sort": sort}
        for kind in ("passage", "quote", "claim")
        for sort in ("relevance", "recent")
    ],
    "/speakers/{speaker_id}/quotes": [{}, {"q": "reservoirs"}],
}


@dataclass(frozen=True)
class Archive:
    ids: dict[str, int]
    lists: list[tuple[str, dict[str, str]]]  # (URL, parameters) of each list


def cursor_of(raw: bytes | str) -> str:
    """A cursor as the API writes them: URL-safe base64 without padding."""
    data = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def json_cursor(value: Any) -> str:
    return cursor_of(json.dumps(value))


def list_operations(spec: dict[str, Any]) -> list[str]:
    """The paths of every GET operation that pages with a cursor."""
    return [
        path
        for path, operations in spec["paths"].items()
        if any(p["name"] == "cursor" for p in operations.get("get", {}).get("parameters", []))
    ]


def store_archive(client, headers: dict[str, str]) -> dict[str, int]:
    """Store the two sample documents and a claim made from a span of the first, with a key that
    may write; the ids of a document, a speaker and the claim."""
    documents = []
    for payload in SAMPLES:
        response = client.post("/documents", json=payload, headers=headers)
        assert response.status_code in (200, 201), response.text
        documents.append(response.json())
    article = documents[0]
    start = article["text"].index(CLAIM_WORDS)
    origin = {"document_id": article["id"], "start": start, "end": start + len(CLAIM_WORDS)}
    claim = client.post(
        "/claims",
        json={"text": "The Calder Valley's reservoirs are at 38 per cent", "from": origin},
        headers=headers,
    )
    assert claim.status_code == 201, claim.text
    speakers = client.get("/speakers", params={"q": "ellery"}, headers=headers).json()
    return {
        "document_id": article["id"],
        "speaker_id": speakers["items"][0]["id"],
        "claim_id": claim.json()["id"],
    }


@pytest.fixture(name="archive")
def archive_fixture(client, editor) -> Archive:
    ids = store_archive(client, editor)
    lists = [
        (path.format(**ids), params)
        for path in list_operations(client.app.openapi())
        for params in VARIANTS.get(path, [{}])
    ]
    return Archive(ids, lists)
