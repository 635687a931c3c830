"""GET /search and GET /speakers/{id}/quotes?q=: full-text search with filters and pages."""

from __future__ import annotations

import pytest


def _search(client, headers, **params) -> dict:
    response = client.get("/search", params=params, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


def test_passages_matching_a_phrase_are_found_with_highlighted_snippets(seeded, client, reader):
    body = _search(client, reader, q='"acquire a nuclear weapon"', kind="sentence")
    assert [hit["text"] for hit in body["items"]] == [
        "We agree Iran must never acquire a nuclear weapon."
    ]
    assert "<mark>nuclear</mark> <mark>weapon</mark>" in body["items"][0]["snippet"]


def test_hits_carry_offsets_into_the_stored_document(seeded, client, reader):
    body = _search(client, reader, q="Sahel antiterrorism")
    hit = body["items"][0]
    document = seeded["ft"]
    assert hit["document_id"] == document["id"]
    assert document["text"][hit["start"] : hit["end"]] == hit["text"]
    assert hit["publisher"] == "Financial Times"


def test_websearch_syntax_excludes_words_with_a_minus(seeded, client, reader):
    everything = _search(client, reader, q="training Iran", kind="paragraph")
    without_ft = _search(client, reader, q="training Iran -rebadging", kind="paragraph")
    assert any("rebadging" in hit["text"] for hit in everything["items"])
    assert not any("rebadging" in hit["text"] for hit in without_ft["items"])


def test_publisher_filter_keeps_one_publishers_passages(seeded, client, reader):
    body = _search(client, reader, q="terrorism", publisher="NATO")
    assert body["items"]
    assert {hit["document_id"] for hit in body["items"]} == {seeded["nato"]["id"]}


def test_date_filters_use_the_publication_date(seeded, client, reader):
    before_ft = _search(client, reader, q="terrorism", until="2020-01-08T00:00:00Z")
    after_nato = _search(client, reader, q="terrorism", since="2020-01-08T00:00:00Z")
    assert {h["document_id"] for h in before_ft["items"]} == {seeded["nato"]["id"]}
    assert {h["document_id"] for h in after_nato["items"]} == {seeded["ft"]["id"]}


def test_document_filter_and_kind_filter_combine(seeded, client, reader):
    body = _search(client, reader, q="Nato", document_id=seeded["ft"]["id"], kind="paragraph")
    assert body["items"]
    assert all(hit["kind"] == "paragraph" for hit in body["items"])
    assert {hit["document_id"] for hit in body["items"]} == {seeded["ft"]["id"]}


def test_quote_search_returns_speakers_and_filters_by_speaker(seeded, client, reader):
    body = _search(client, reader, q="Middle East", type="quote")
    speakers = {hit["speaker_name"] for hit in body["items"]}
    assert "Claudia Major" in speakers
    major = next(h["speaker_id"] for h in body["items"] if h["speaker_name"] == "Claudia Major")
    only_major = _search(client, reader, q="Middle East", type="quote", speaker_id=major)
    assert only_major["items"]
    assert {hit["speaker_name"] for hit in only_major["items"]} == {"Claudia Major"}


def test_passages_can_be_filtered_to_where_a_speaker_is_quoted(seeded, client, reader):
    quotes = _search(client, reader, q="diplomatic formula", type="quote")
    major = quotes["items"][0]["speaker_id"]
    body = _search(client, reader, q="Nato", speaker_id=major, kind="sentence")
    assert body["items"]
    assert all(hit["document_id"] == seeded["ft"]["id"] for hit in body["items"])
    assert any("not well equipped" in hit["text"] for hit in body["items"])


def test_claims_are_searchable(seeded, client, editor, reader):
    created = client.post(
        "/claims",
        json={"text": "The valley has never had a hosepipe ban before", "kind": "fact"},
        headers=editor,
    )
    assert created.status_code == 201, created.text
    body = _search(client, reader, q="hosepipe ban", type="claim")
    assert [hit["text"] for hit in body["items"]] == [
        "The valley has never had a hosepipe ban before"
    ]


def test_relevance_pages_cover_every_hit_once_in_rank_order(seeded, client, reader):
    full = _search(client, reader, q="Nato", limit=200)
    seen, ranks, cursor = [], [], None
    while True:
        params = {"q": "Nato", "limit": 3, **({"cursor": cursor} if cursor else {})}
        page = _search(client, reader, **params)
        seen += [hit["id"] for hit in page["items"]]
        ranks += [hit["rank"] for hit in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [hit["id"] for hit in full["items"]]
    assert len(seen) == len(set(seen)) > 3
    assert ranks == sorted(ranks, reverse=True)


def test_recent_order_pages_are_stable_when_a_document_arrives_between_pages(
    seeded, client, editor, reader
):
    first = _search(client, reader, q="terrorism", sort="recent", limit=2)
    newer = {
        "title": "Allies discuss terrorism",
        "text": "Allies discussed terrorism in Brussels on Friday.",
        "publisher": "Wire",
    }
    assert client.post("/documents", json=newer, headers=editor).status_code == 201
    second = _search(
        client, reader, q="terrorism", sort="recent", limit=2, cursor=first["next_cursor"]
    )
    first_ids = [hit["id"] for hit in first["items"]]
    second_ids = [hit["id"] for hit in second["items"]]
    assert first_ids == sorted(first_ids, reverse=True)
    assert max(second_ids) < min(first_ids)


def test_a_cursor_the_api_did_not_issue_is_a_problem(seeded, client, reader):
    response = client.get("/search", params={"q": "Nato", "cursor": "not-a-cursor"}, headers=reader)
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")


@pytest.mark.parametrize("sort", ["recent", "relevance"])
def test_a_cursor_past_every_id_starts_from_the_newest_match(seeded, client, reader, sort):
    import base64
    import json

    position = [2**70] if sort == "recent" else [1.0, [2**70, 2**70]]
    cursor = base64.urlsafe_b64encode(json.dumps(position).encode()).decode().rstrip("=")
    page = _search(client, reader, q="Nato", sort=sort, limit=3, cursor=cursor)
    assert len(page["items"]) == 3


@pytest.mark.parametrize("sort", ["recent", "relevance"])
def test_a_query_of_stop_words_finds_nothing(straddling, client, reader, sort):
    assert _search(client, reader, q="the", sort=sort)["items"] == []


def test_empty_query_is_rejected(seeded, client, reader):
    response = client.get("/search", params={"q": ""}, headers=reader)
    assert response.status_code == 422


def test_speaker_quotes_can_be_searched_with_q(seeded, client, reader):
    quotes = _search(client, reader, q="diplomatic formula", type="quote")
    major = quotes["items"][0]["speaker_id"]
    response = client.get(f"/speakers/{major}/quotes", params={"q": "Middle East"}, headers=reader)
    assert response.status_code == 200
    texts = [quote["text"] for quote in response.json()["items"]]
    assert texts
    assert all("Middle East" in text for text in texts)
    everything = client.get(f"/speakers/{major}/quotes", headers=reader).json()["items"]
    assert len(everything) > len(texts)


@pytest.mark.parametrize("first_window", [1, 7, 16_384])
def test_relevance_ranks_exactly_the_most_recent_matches_however_the_windows_are_sized(
    straddling, client, reader, monkeypatch, first_window
):
    from app.services import search

    monkeypatch.setattr(search, "RANKED", 5)
    monkeypatch.setattr(search, "FIRST_WINDOW", first_window)
    newest = _search(client, reader, q="Nato", sort="recent", limit=5)["items"]
    ranked = _search(client, reader, q="Nato", limit=10)["items"]
    assert {hit["id"] for hit in ranked} == {hit["id"] for hit in newest}
    assert [hit["rank"] for hit in ranked] == sorted((hit["rank"] for hit in ranked), reverse=True)


@pytest.mark.parametrize("first_window", [1, 16_384])
def test_recent_pages_list_every_match_newest_first_however_the_windows_are_sized(
    straddling, client, reader, monkeypatch, first_window
):
    from app.services import search

    monkeypatch.setattr(search, "FIRST_WINDOW", first_window)
    everything = _search(client, reader, q="training", sort="recent", limit=200)["items"]
    seen, cursor = [], None
    while True:
        params = {"q": "training", "sort": "recent", "limit": 2}
        page = _search(client, reader, **params, **({"cursor": cursor} if cursor else {}))
        seen += [hit["id"] for hit in page["items"]]
        if (cursor := page["next_cursor"]) is None:
            break
    assert seen == [hit["id"] for hit in everything]
    assert seen == sorted(seen, reverse=True)
    assert min(seen) < 3 * 8192 <= max(seen)


def test_matches_bunched_among_the_newest_rows_are_read_in_few_windows(
    session, client, editor, reader, monkeypatch
):
    """One old match, 100,000 ids back, behind many new ones: the windows double, not creep."""
    from sqlalchemy import text

    from app.db.transaction import write
    from app.services import search

    def store(number: int) -> None:
        words = f"Reporters asked about the drone strike, update {number}. It was confirmed."
        document = {"title": f"Drone strike {number}", "text": words, "publisher": "Wire"}
        assert client.post("/documents", json=document, headers=editor).status_code == 201

    store(0)
    with write(session):
        session.execute(
            text("SELECT setval('passages_id_seq', nextval('passages_id_seq') + 100000)")
        )
    for number in range(1, 7):
        store(number)
    windows = []
    read_window = search._window
    monkeypatch.setattr(search, "FIRST_WINDOW", 1)
    monkeypatch.setattr(search, "RANKED", 14)
    monkeypatch.setattr(
        search, "_window", lambda *args: windows.append(args[3:5]) or read_window(*args)
    )
    found = _search(client, reader, q="drone strike", limit=50)["items"]
    assert len(found) == 14
    span = max(hit["id"] for hit in found) - min(hit["id"] for hit in found)
    assert len(windows) <= span.bit_length() + 1
