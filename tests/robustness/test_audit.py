"""The audit log: every write is recorded with its actor, and admins can read it back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from tests.robustness.conftest import ALLIANCE_REPORT


@dataclass(frozen=True)
class Expected:
    """The audit entry one write must leave behind."""

    actor: str
    action: str
    entity_type: str
    entity_id: int
    before: dict[str, Any] | None
    after: dict[str, Any] | None


def _ingest_document(request: pytest.FixtureRequest) -> Expected:
    client, editor = request.getfixturevalue("client"), request.getfixturevalue("editor")
    document = client.post("/documents", json=ALLIANCE_REPORT, headers=editor).json()
    after = {"title": ALLIANCE_REPORT["title"], "publisher": "Financial Times"}
    return Expected("test-editor", "create", "document", document["id"], None, after)


def _delete_document(request: pytest.FixtureRequest) -> Expected:
    client, admin = request.getfixturevalue("client"), request.getfixturevalue("admin")
    document = request.getfixturevalue("report")
    assert client.delete(f"/documents/{document['id']}", headers=admin).status_code == 204
    before = {"title": ALLIANCE_REPORT["title"], "id": document["id"]}
    return Expected("test-admin", "delete", "document", document["id"], before, None)


def _correct_quote(request: pytest.FixtureRequest) -> Expected:
    client, editor = request.getfixturevalue("client"), request.getfixturevalue("editor")
    quote = request.getfixturevalue("a_quote")
    response = client.patch(f"/quotes/{quote['id']}", json={"status": "rejected"}, headers=editor)
    assert response.status_code == 200, response.text
    return Expected(
        "test-editor", "correct", "quote", quote["id"], {"status": "auto"}, {"status": "rejected"}
    )


def _add_alias(request: pytest.FixtureRequest) -> Expected:
    client, editor = request.getfixturevalue("client"), request.getfixturevalue("editor")
    jens, _ = request.getfixturevalue("two_speakers")
    alias = {"alias": "Nato’s secretary-general"}
    response = client.post(f"/speakers/{jens}/aliases", json=alias, headers=editor)
    assert response.status_code == 200, response.text
    return Expected("test-editor", "add_alias", "speaker", jens, None, alias)


def _remove_alias(request: pytest.FixtureRequest) -> Expected:
    client, editor = request.getfixturevalue("client"), request.getfixturevalue("editor")
    jens, _ = request.getfixturevalue("two_speakers")
    alias = {"alias": "the alliance's chief"}
    assert client.post(f"/speakers/{jens}/aliases", json=alias, headers=editor).status_code == 200
    response = client.delete(f"/speakers/{jens}/aliases/the alliance's chief", headers=editor)
    assert response.status_code == 200, response.text
    return Expected("test-editor", "remove_alias", "speaker", jens, alias, None)


def _merge_speakers(request: pytest.FixtureRequest) -> Expected:
    client, admin = request.getfixturevalue("client"), request.getfixturevalue("admin")
    jens, camilla = request.getfixturevalue("two_speakers")
    response = client.post(f"/speakers/{camilla}/merge", json={"into": jens}, headers=admin)
    assert response.status_code == 200, response.text
    return Expected(
        "test-admin", "merge", "speaker", camilla, {"speaker_id": camilla}, {"merged_into": jens}
    )


CLAIM = "NATO's training mission in Iraq is suspended"
WORDS = "suspended its training mission in Iraq"


def _claim(request: pytest.FixtureRequest) -> dict[str, Any]:
    client, editor = request.getfixturevalue("client"), request.getfixturevalue("editor")
    response = client.post("/claims", json={"text": CLAIM, "tags": ["nato"]}, headers=editor)
    assert response.status_code == 201, response.text
    return response.json()


def _evidence(request: pytest.FixtureRequest, claim_id: int) -> dict[str, Any]:
    client, editor = request.getfixturevalue("client"), request.getfixturevalue("editor")
    document = request.getfixturevalue("report")
    anchor = {"document_id": document["id"], "exact": WORDS, "stance": "supports"}
    response = client.post(f"/claims/{claim_id}/evidence", json=anchor, headers=editor)
    assert response.status_code == 201, response.text
    return response.json()


def _create_claim(request: pytest.FixtureRequest) -> Expected:
    claim = _claim(request)
    return Expected("test-editor", "create", "claim", claim["id"], None, {"text": CLAIM})


def _update_claim(request: pytest.FixtureRequest) -> Expected:
    client, editor = request.getfixturevalue("client"), request.getfixturevalue("editor")
    claim = _claim(request)
    change = {"status": "supported"}
    response = client.patch(f"/claims/{claim['id']}", json=change, headers=editor)
    assert response.status_code == 200, response.text
    return Expected("test-editor", "update", "claim", claim["id"], {"status": "unreviewed"}, change)


def _add_evidence(request: pytest.FixtureRequest) -> Expected:
    added = _evidence(request, _claim(request)["id"])
    return Expected("test-editor", "add", "evidence", added["id"], None, {"exact": WORDS})


def _delete_evidence(request: pytest.FixtureRequest) -> Expected:
    client, editor = request.getfixturevalue("client"), request.getfixturevalue("editor")
    claim = _claim(request)
    added = _evidence(request, claim["id"])
    response = client.delete(f"/claims/{claim['id']}/evidence/{added['id']}", headers=editor)
    assert response.status_code == 204, response.text
    return Expected("test-editor", "delete", "evidence", added["id"], {"exact": WORDS}, None)


def _accept_suggestion(request: pytest.FixtureRequest) -> Expected:
    client, editor = request.getfixturevalue("client"), request.getfixturevalue("editor")
    document, claim = request.getfixturevalue("report"), _claim(request)
    start = document["text"].index(WORDS)
    span = {"document_id": document["id"], "start": start, "end": start + len(WORDS)}
    response = client.post(f"/claims/{claim['id']}/suggestions/accept", json=span, headers=editor)
    assert response.status_code == 201, response.text
    after = {"exact": WORDS, "start": span["start"]}
    return Expected("test-editor", "add", "evidence", response.json()["id"], None, after)


# Every non-GET operation of the API, with a write that exercises it. A new write route fails
# test_every_write_operation_is_covered_by_the_audit_table until it is added here.
AUDITED_WRITES: dict[tuple[str, str], Callable[[pytest.FixtureRequest], Expected]] = {
    ("POST", "/documents"): _ingest_document,
    ("DELETE", "/documents/{document_id}"): _delete_document,
    ("PATCH", "/quotes/{quote_id}"): _correct_quote,
    ("POST", "/speakers/{speaker_id}/aliases"): _add_alias,
    ("DELETE", "/speakers/{speaker_id}/aliases/{alias}"): _remove_alias,
    ("POST", "/speakers/{speaker_id}/merge"): _merge_speakers,
    ("POST", "/claims"): _create_claim,
    ("PATCH", "/claims/{claim_id}"): _update_claim,
    ("POST", "/claims/{claim_id}/evidence"): _add_evidence,
    ("DELETE", "/claims/{claim_id}/evidence/{evidence_id}"): _delete_evidence,
    ("POST", "/claims/{claim_id}/suggestions/accept"): _accept_suggestion,
}

# POST operations that only read (a body too rich for a query string); each must write nothing.
READ_ONLY_POSTS = {("POST", "/verify"): {"text": "the reservoirs this low in June"}}


def _write_operations(client: Any) -> set[tuple[str, str]]:
    spec = client.get("/openapi.json").json()
    return {
        (method.upper(), path)
        for path, operations in spec["paths"].items()
        for method in operations
        if method in {"post", "put", "patch", "delete"}
    }


def _newest_entry(client: Any, admin: dict[str, str], entity_type: str, entity_id: int) -> dict:
    params = {"entity_type": entity_type, "entity_id": entity_id, "limit": 1}
    response = client.get("/audit", params=params, headers=admin)
    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert items, f"no audit entry for {entity_type} {entity_id}"
    return items[0]


def _contains(recorded: dict[str, Any] | None, expected: dict[str, Any] | None) -> bool:
    if expected is None:
        return recorded is None
    return recorded is not None and all(recorded.get(k) == v for k, v in expected.items())


def test_every_write_operation_is_covered_by_the_audit_table(client):
    unaudited = _write_operations(client) - set(AUDITED_WRITES) - set(READ_ONLY_POSTS)
    assert not unaudited, f"write operations without an audit test: {sorted(unaudited)}"


@pytest.mark.parametrize("operation", sorted(AUDITED_WRITES), ids=" ".join)
def test_each_write_records_actor_action_entity_before_and_after(operation, request, client, admin):
    expected = AUDITED_WRITES[operation](request)
    entry = _newest_entry(client, admin, expected.entity_type, expected.entity_id)
    assert (entry["actor"], entry["action"]) == (expected.actor, expected.action)
    assert _contains(entry["before"], expected.before), entry["before"]
    assert _contains(entry["after"], expected.after), entry["after"]


@pytest.mark.parametrize("operation", sorted(READ_ONLY_POSTS), ids=" ".join)
def test_a_read_only_post_records_nothing(operation, client, admin, reader, report):
    before = client.get("/audit", headers=admin).json()["items"]
    response = client.post(operation[1], json=READ_ONLY_POSTS[operation], headers=reader)
    assert response.status_code == 200, response.text
    assert client.get("/audit", headers=admin).json()["items"] == before


def test_a_refused_write_leaves_no_audit_entry(client, admin, reader, a_quote):
    response = client.patch(f"/quotes/{a_quote['id']}", json={"speaker_id": 999}, headers=reader)
    assert response.status_code == 403
    entries = client.get("/audit", params={"entity_type": "quote"}, headers=admin).json()
    assert entries["items"] == []


def test_a_failed_write_leaves_no_audit_entry(client, admin, editor, a_quote):
    response = client.patch(f"/quotes/{a_quote['id']}", json={"speaker_id": 999}, headers=editor)
    assert response.status_code == 422
    entries = client.get("/audit", params={"entity_type": "quote"}, headers=admin).json()
    assert entries["items"] == []


def test_creating_and_revoking_a_key_is_audited(client, admin, session):
    from app.services.keys import create_key, revoke_key

    key, _ = create_key(session, "politics-desk", "editor", actor="ops")
    revoke_key(session, "politics-desk", actor="ops")
    params = {"entity_type": "api_key", "entity_id": key.id}
    entries = client.get("/audit", params=params, headers=admin).json()["items"]
    assert [(e["action"], e["actor"]) for e in entries] == [("revoke", "ops"), ("create", "ops")]
    assert entries[1]["after"] == {"name": "politics-desk", "role": "editor"}


def test_audit_entries_are_listed_newest_first_across_pages(client, admin, ingest):
    ids = [
        ingest(title=f"Briefing {n}", text=f"The minister said talks would resume on day {n}.")[
            "id"
        ]
        for n in range(3)
    ]
    first = client.get("/audit", params={"entity_type": "document", "limit": 2}, headers=admin)
    page = first.json()
    rest = client.get(
        "/audit",
        params={"entity_type": "document", "limit": 2, "cursor": page["next_cursor"]},
        headers=admin,
    ).json()
    listed = [e["entity_id"] for e in page["items"] + rest["items"]]
    assert listed == list(reversed(ids))
    assert rest["next_cursor"] is None


def test_audit_filters_by_actor(client, admin, editor, report, two_speakers):
    jens, camilla = two_speakers
    client.post(f"/speakers/{camilla}/merge", json={"into": jens}, headers=admin)
    by_admin = client.get("/audit", params={"actor": "test-admin"}, headers=admin).json()["items"]
    assert [e["action"] for e in by_admin] == ["merge"]
    by_editor = client.get("/audit", params={"actor": "test-editor"}, headers=admin).json()["items"]
    assert {e["action"] for e in by_editor} == {"create"}


def test_audit_filters_by_time(client, admin, report):
    # The entry is written in the ingest transaction, so it carries the document's created_at.
    at = report["created_at"]
    documents = {"entity_type": "document"}
    since = client.get("/audit", params={**documents, "since": at}, headers=admin).json()
    until = client.get("/audit", params={**documents, "until": at}, headers=admin).json()
    assert [e["entity_id"] for e in since["items"]] == [report["id"]]
    assert until["items"] == []


@pytest.mark.parametrize("role", ["reader", "editor"])
def test_only_admins_read_the_audit_log(client, request, role):
    response = client.get("/audit", headers=request.getfixturevalue(role))
    assert response.status_code == 403
    assert response.headers["content-type"] == "application/problem+json"
