"""Creating, reading, listing and reviewing claims."""

from __future__ import annotations

from tests.claims.conftest import SUSPENDED, span_of

PROBLEM = "application/problem+json"


def test_a_new_claim_is_unreviewed_and_records_who_made_it(client, editor, reader):
    response = client.post(
        "/claims",
        json={"text": SUSPENDED, "kind": "status", "tags": ["nato", "iraq"]},
        headers=editor,
    )
    assert response.status_code == 201
    claim = client.get(f"/claims/{response.json()['id']}", headers=reader).json()
    assert claim["text"] == SUSPENDED
    assert claim["status"] == "unreviewed"
    assert claim["tags"] == ["nato", "iraq"]
    assert claim["created_by"] == "test-editor"
    assert claim["evidence_count"] == 0
    assert claim["first_appearance"] is None


def test_tags_are_trimmed_and_repeats_dropped(make_claim):
    claim = make_claim(tags=[" nato", "nato ", "", "iraq"])
    assert claim["tags"] == ["nato", "iraq"]


def test_a_reader_cannot_create_a_claim(client, reader):
    response = client.post("/claims", json={"text": SUSPENDED}, headers=reader)
    assert response.status_code == 403


def test_a_claim_needs_text_or_a_span(client, editor):
    response = client.post("/claims", json={"tags": ["nato"]}, headers=editor)
    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM


def test_an_unknown_claim_is_a_404_problem(client, reader):
    response = client.get("/claims/999", headers=reader)
    assert response.status_code == 404
    assert response.headers["content-type"] == PROBLEM


def test_a_claim_from_a_span_gets_the_words_as_text_and_first_evidence(client, editor, seeds):
    ft = seeds["ft"]
    words = "expanding the 430-strong training mission for Iraqi forces"
    response = client.post(
        "/claims", json={"from": {"document_id": ft["id"], **span_of(ft, words)}}, headers=editor
    )
    assert response.status_code == 201
    claim = response.json()
    assert claim["text"] == words
    assert claim["evidence_count"] == 1
    assert claim["first_appearance"]["exact"] == words
    assert claim["first_appearance"]["document"]["publisher"] == "Financial Times"


def test_a_span_outside_the_document_stores_neither_claim_nor_evidence(
    client, editor, reader, seeds
):
    ft = seeds["ft"]
    origin = {"document_id": ft["id"], "start": 10, "end": len(ft["text"]) + 5}
    response = client.post("/claims", json={"text": SUSPENDED, "from": origin}, headers=editor)
    assert response.status_code == 422
    assert response.json()["field"] == "from.start"
    assert client.get("/claims", headers=reader).json()["items"] == []


def test_claims_filter_by_status_and_tag(client, editor, reader, make_claim):
    suspended = make_claim(SUSPENDED, tags=["iraq"])
    make_claim("NATO has 29 member states", tags=["membership"])
    client.patch(f"/claims/{suspended['id']}", json={"status": "supported"}, headers=editor)
    by_status = client.get("/claims", params={"status": "supported"}, headers=reader).json()
    by_tag = client.get("/claims", params={"tag": "membership"}, headers=reader).json()
    assert [c["id"] for c in by_status["items"]] == [suspended["id"]]
    assert [c["text"] for c in by_tag["items"]] == ["NATO has 29 member states"]


def test_full_text_search_finds_claims_by_stemmed_words(client, reader, make_claim):
    suspended = make_claim(SUSPENDED)
    make_claim("NATO has 29 member states")
    found = client.get("/claims", params={"q": "suspending training"}, headers=reader).json()
    assert [c["id"] for c in found["items"]] == [suspended["id"]]


def test_claims_are_listed_newest_first_across_pages(client, reader, make_claim):
    made = [make_claim(f"NATO has {n} member states")["id"] for n in (27, 28, 29)]
    first = client.get("/claims", params={"limit": 2}, headers=reader).json()
    rest = client.get(
        "/claims", params={"limit": 2, "cursor": first["next_cursor"]}, headers=reader
    ).json()
    assert [c["id"] for c in first["items"] + rest["items"]] == made[::-1]
    assert rest["next_cursor"] is None


def test_an_editor_rates_a_claim(client, editor, make_claim):
    claim = make_claim()
    response = client.patch(
        f"/claims/{claim['id']}",
        json={"status": "supported", "rating_value": 5, "rating_label": "True"},
        headers=editor,
    )
    assert response.status_code == 200
    assert (response.json()["status"], response.json()["rating_value"]) == ("supported", 5)
    assert response.json()["rating_label"] == "True"


def test_a_rating_outside_one_to_five_is_refused(client, editor, make_claim):
    claim = make_claim()
    response = client.patch(f"/claims/{claim['id']}", json={"rating_value": 6}, headers=editor)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "rating_value"


def test_an_unknown_status_is_refused(client, editor, make_claim):
    claim = make_claim()
    response = client.patch(
        f"/claims/{claim['id']}", json={"status": "pants_on_fire"}, headers=editor
    )
    assert response.status_code == 422


def test_the_status_cannot_be_cleared(client, editor, make_claim):
    claim = make_claim()
    response = client.patch(f"/claims/{claim['id']}", json={"status": None}, headers=editor)
    assert response.status_code == 422
