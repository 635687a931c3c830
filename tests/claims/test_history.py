"""A claim's history: every change to it and its evidence, who made it, before and after."""

from __future__ import annotations

from tests.claims.conftest import SUSPENDED

FT_WORDS = "which is temporarily suspended because of the Iran crisis"


def _history(client, reader, claim_id: int) -> list[dict]:
    return client.get(f"/claims/{claim_id}/history", headers=reader).json()["items"]


def test_history_starts_with_the_creation(client, reader, make_claim):
    claim = make_claim()
    entries = _history(client, reader, claim["id"])
    assert [(e["action"], e["entity_type"], e["actor"]) for e in entries] == [
        ("create", "claim", "test-editor")
    ]
    assert entries[0]["after"]["text"] == SUSPENDED


def test_a_change_records_only_the_changed_fields_before_and_after(
    client, editor, reader, make_claim
):
    claim = make_claim()
    client.patch(f"/claims/{claim['id']}", json={"status": "in_review", "tags": []}, headers=editor)
    change = _history(client, reader, claim["id"])[-1]
    assert change["action"] == "update"
    assert change["before"] == {"status": "unreviewed"}
    assert change["after"] == {"status": "in_review"}


def test_a_change_to_nothing_new_is_not_recorded(client, editor, reader, make_claim):
    claim = make_claim()
    client.patch(f"/claims/{claim['id']}", json={"status": "unreviewed"}, headers=editor)
    assert len(_history(client, reader, claim["id"])) == 1


def test_history_includes_evidence_added_and_removed_oldest_first(
    client, editor, reader, seeds, make_claim
):
    claim = make_claim()
    added = client.post(
        f"/claims/{claim['id']}/evidence",
        json={"document_id": seeds["ft"]["id"], "exact": FT_WORDS},
        headers=editor,
    ).json()
    client.patch(f"/claims/{claim['id']}", json={"status": "supported"}, headers=editor)
    client.delete(f"/claims/{claim['id']}/evidence/{added['id']}", headers=editor)
    entries = _history(client, reader, claim["id"])
    assert [(e["action"], e["entity_type"]) for e in entries] == [
        ("create", "claim"),
        ("add", "evidence"),
        ("update", "claim"),
        ("delete", "evidence"),
    ]
    assert entries[1]["after"]["exact"] == FT_WORDS
    assert entries[3]["before"]["id"] == added["id"] and entries[3]["after"] is None
    assert [e["id"] for e in entries] == sorted(e["id"] for e in entries)


def test_history_leaves_out_other_claims(client, editor, reader, seeds, make_claim):
    mine, other = make_claim(), make_claim("NATO has 29 member states")
    client.post(
        f"/claims/{other['id']}/evidence",
        json={"document_id": seeds["ft"]["id"], "exact": "the 29 member-alliance"},
        headers=editor,
    )
    assert len(_history(client, reader, mine["id"])) == 1
