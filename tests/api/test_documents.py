"""Ingesting and reading documents through the API."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from tests.conftest import FT, seed_text

PROBLEM = "application/problem+json"


def test_ingest_returns_201_with_the_stored_document(client, editor, ft_payload):
    response = client.post("/documents", json=ft_payload, headers=editor)
    assert response.status_code == 201
    body = response.json()
    assert body["created"] is True
    assert body["text"] == seed_text(FT)
    assert body["publisher"] == "Financial Times"
    assert body["quote_count"] > 0


def test_passages_slice_the_stored_text_exactly(client, editor, reader, ft_payload, nato_payload):
    for payload in (ft_payload, nato_payload):
        document = client.post("/documents", json=payload, headers=editor).json()
        text, cursor, seen = document["text"], None, 0
        while True:
            page = client.get(
                f"/documents/{document['id']}/passages",
                params={"limit": 200, **({"cursor": cursor} if cursor else {})},
                headers=reader,
            ).json()
            for passage in page["items"]:
                assert text[passage["start"] : passage["end"]] == passage["text"]
                seen += 1
            cursor = page["next_cursor"]
            if cursor is None:
                break
        assert seen == document["passage_count"]


def test_paragraphs_of_the_transcript_are_stored_in_order(client, editor, reader, nato_payload):
    document = client.post("/documents", json=nato_payload, headers=editor).json()
    page = client.get(
        f"/documents/{document['id']}/passages", params={"kind": "paragraph"}, headers=reader
    ).json()
    texts = [p["text"] for p in page["items"]]
    assert texts[0] == "NATO addresses Middle East tensions"
    assert "I have just chaired a meeting of the North Atlantic Council." in texts
    assert [p["ordinal"] for p in page["items"]] == sorted(p["ordinal"] for p in page["items"])


def test_same_content_again_returns_200_with_the_existing_document(client, editor, ft_payload):
    first = client.post("/documents", json=ft_payload, headers=editor).json()
    again = client.post("/documents", json={**ft_payload, "title": "Other"}, headers=editor)
    assert again.status_code == 200
    assert again.json()["id"] == first["id"]
    assert again.json()["created"] is False
    assert again.json()["quote_count"] == first["quote_count"]


def test_two_concurrent_posts_of_one_document_store_it_once(client, editor, reader, nato_payload):
    def post(_: int) -> tuple[int, int]:
        response = client.post("/documents", json=nato_payload, headers=editor)
        return response.status_code, response.json()["id"]

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(post, range(4)))
    assert sorted(status for status, _ in results) == [200, 200, 200, 201]
    assert len({document_id for _, document_id in results}) == 1
    listing = client.get("/documents", headers=reader).json()
    assert len(listing["items"]) == 1


def test_html_is_reduced_to_its_main_text_with_metadata(client, editor):
    html = (
        "<html><head><title>Hosepipe ban for the valley</title>"
        '<meta property="og:site_name" content="Valley Herald">'
        '<meta property="article:published_time" content="2024-06-21"></head>'
        "<body><nav>Home | News | Sport</nav><article><h1>Hosepipe ban for the valley</h1>"
        "<p>Ruth Ellery, chief executive of Calder Valley Water, defended the hosepipe ban on "
        "Thursday but said the best way to protect supplies was by mending leaking mains rather "
        "than by asking households to go without.</p>"
        "<p>“We are asking everyone to do their part,” Ms Ellery said on Thursday.</p>"
        "</article><footer>Copyright Valley Herald Ltd</footer></body></html>"
    )
    response = client.post(
        "/documents", json={"title": "Hosepipe ban", "html": html}, headers=editor
    )
    assert response.status_code == 201
    body = response.json()
    assert body["source_format"] == "html"
    assert "mending leaking mains" in body["text"]
    assert "Home | News" not in body["text"]
    assert body["publisher"] == "Valley Herald"
    assert body["published_at"].startswith("2024-06-21")


def test_text_and_html_together_are_refused_naming_the_problem(client, editor):
    response = client.post(
        "/documents",
        json={"title": "Both", "text": "Some text.", "html": "<p>x</p>"},
        headers=editor,
    )
    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM
    assert "exactly one of 'text' or 'html'" in response.text


def test_missing_title_names_the_field(client, editor):
    response = client.post("/documents", json={"text": "Mr Stoltenberg said."}, headers=editor)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "title"


def test_empty_text_is_refused(client, editor):
    response = client.post("/documents", json={"title": "Empty", "text": "  \n "}, headers=editor)
    assert response.status_code == 422
    assert response.json()["field"] == "text"


def test_nul_bytes_are_refused_and_nothing_is_stored(client, editor, reader):
    response = client.post(
        "/documents", json={"title": "NUL", "text": "Nato said\u0000 it would."}, headers=editor
    )
    assert response.status_code == 422
    assert client.get("/documents", headers=reader).json()["items"] == []


def test_html_without_article_text_is_refused(client, editor):
    response = client.post(
        "/documents", json={"title": "x", "html": "<html></html>"}, headers=editor
    )
    assert response.status_code == 422
    assert response.json()["field"] == "html"


def test_unknown_document_is_a_404_problem(client, reader):
    response = client.get("/documents/999999", headers=reader)
    assert response.status_code == 404
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["detail"] == "Document 999999 does not exist."


def test_bodies_over_the_size_limit_get_413(client, editor):
    huge = {"title": "Huge", "text": "word " * (1_100_000)}
    response = client.post("/documents", json=huge, headers=editor)
    assert response.status_code == 413
    assert response.headers["content-type"] == PROBLEM


def test_list_filters_by_publisher_kind_and_dates(client, editor, reader, ft_payload, nato_payload):
    client.post("/documents", json=ft_payload, headers=editor)
    client.post("/documents", json=nato_payload, headers=editor)

    def titles(**params: str) -> list[str]:
        return [
            d["title"]
            for d in client.get("/documents", params=params, headers=reader).json()["items"]
        ]

    assert titles(publisher="NATO") == ["NATO addresses Middle East tensions"]
    assert titles(kind="article") == [ft_payload["title"]]
    assert titles(since="2020-01-07T00:00:00Z") == [ft_payload["title"]]
    assert titles(until="2020-01-07T00:00:00Z") == ["NATO addresses Middle East tensions"]


def test_pagination_is_stable_when_documents_arrive_between_pages(client, editor, reader):
    for n in range(5):
        client.post(
            "/documents",
            json={"title": f"Brief {n}", "text": f"NATO said item {n}."},
            headers=editor,
        )
    first = client.get("/documents", params={"limit": 2}, headers=reader).json()
    client.post(
        "/documents", json={"title": "Late", "text": "NATO said late news."}, headers=editor
    )
    second = client.get(
        "/documents", params={"limit": 2, "cursor": first["next_cursor"]}, headers=reader
    ).json()
    third = client.get(
        "/documents", params={"limit": 2, "cursor": second["next_cursor"]}, headers=reader
    ).json()
    seen = [d["title"] for page in (first, second, third) for d in page["items"]]
    assert seen == ["Brief 4", "Brief 3", "Brief 2", "Brief 1", "Brief 0"]
    assert third["next_cursor"] is None


def test_a_forged_cursor_is_a_client_error(client, reader):
    response = client.get("/documents", params={"cursor": "not-a-cursor"}, headers=reader)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "query.cursor"


def test_delete_removes_passages_quotes_and_evidence(
    client, editor, admin, reader, ft_payload, session
):
    from sqlalchemy import func, select

    from app.db.transaction import write
    from app.models import Claim, Evidence, Passage, Quote

    document = client.post("/documents", json=ft_payload, headers=editor).json()
    with write(session):
        claim = Claim(text="NATO's training mission for Iraqi forces is 430 strong")
        session.add(claim)
        session.flush()
        start = document["text"].index("430-strong")
        session.add(
            Evidence(
                claim_id=claim.id,
                document_id=document["id"],
                start=start,
                end=start + 10,
                exact="430-strong",
                prefix="",
                suffix="",
                stance="supports",
            )
        )
    response = client.delete(f"/documents/{document['id']}", headers=admin)
    assert response.status_code == 204
    for model in (Passage, Quote, Evidence):
        assert session.scalar(select(func.count()).select_from(model)) == 0
    assert client.get(f"/documents/{document['id']}", headers=reader).status_code == 404


def test_every_write_goes_to_the_audit_log(client, editor, admin, ft_payload, session):
    from sqlalchemy import select

    from app.models import AuditEntry

    document = client.post("/documents", json=ft_payload, headers=editor).json()
    client.delete(f"/documents/{document['id']}", headers=admin)
    entries = session.scalars(select(AuditEntry).where(AuditEntry.entity_type == "document")).all()
    assert [(e.actor, e.action) for e in entries] == [
        ("test-editor", "create"),
        ("test-admin", "delete"),
    ]
    assert entries[1].before["title"] == ft_payload["title"]


def test_document_quotes_come_in_reading_order(client, editor, reader, nato_payload):
    document = client.post("/documents", json=nato_payload, headers=editor).json()
    items = client.get(
        f"/documents/{document['id']}/quotes", params={"limit": 200}, headers=reader
    ).json()["items"]
    assert len(items) == document["quote_count"]
    assert [q["start"] for q in items] == sorted(q["start"] for q in items)
    for quote in items:
        pieces = [document["text"][s["start"] : s["end"]] for s in quote["segments"]]
        assert " ".join(pieces) == quote["text"]
        assert (quote["start"], quote["end"]) == (
            quote["segments"][0]["start"],
            quote["segments"][-1]["end"],
        )


def test_stored_text_cannot_be_changed(client, editor, ft_payload, session):
    import pytest
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    document = client.post("/documents", json=ft_payload, headers=editor).json()
    with pytest.raises(DBAPIError, match="immutable"), session.begin():
        session.execute(
            text("UPDATE documents SET text = 'x' WHERE id = :id"), {"id": document["id"]}
        )


def test_a_cursor_from_another_list_is_invalid_input(client, editor, reader, nato_payload):
    document = client.post("/documents", json=nato_payload, headers=editor).json()
    for n in range(3):
        client.post(
            "/documents", json={"title": f"B{n}", "text": f"NATO said {n}."}, headers=editor
        )
    documents_cursor = client.get("/documents", params={"limit": 1}, headers=reader).json()
    response = client.get(
        f"/documents/{document['id']}/passages",
        params={"cursor": documents_cursor["next_cursor"]},
        headers=reader,
    )
    assert response.status_code == 422
    assert response.json()["field"] == "cursor"
