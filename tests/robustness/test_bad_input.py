"""Malformed and hostile input gets a clear 4xx problem, is never half-written, never crashes."""

from __future__ import annotations

import base64
import json

import pytest
from sqlalchemy import func, select

from app.models import AuditEntry, Document, Passage, Quote
from tests.robustness.conftest import ALLIANCE_REPORT, PROBLEM

BIGINT_MAX = 2**63 - 1


def _assert_problem(response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    body = response.json()
    assert body["status"] == status and body["title"]
    return body


def _stored_rows(session) -> dict[str, int]:
    session.rollback()  # see rows committed by the app since this session last looked
    tables = {"documents": Document, "passages": Passage, "quotes": Quote, "audit": AuditEntry}
    return {
        name: session.scalar(select(func.count()).select_from(model))
        for name, model in tables.items()
    }


def _post_raw(client, headers, body: bytes, content_type: str = "application/json"):
    return client.post(
        "/documents", content=body, headers={**headers, "Content-Type": content_type}
    )


def test_malformed_json_is_a_422_problem(client, editor):
    response = _post_raw(client, editor, b'{"title": "Nato chief warns", "text": ')
    body = _assert_problem(response, 422)
    assert body["errors"][0]["type"] == "json_invalid"


def test_a_wrong_type_names_the_field(client, editor):
    response = client.post(
        "/documents", json={**ALLIANCE_REPORT, "published_at": "last Thursday"}, headers=editor
    )
    body = _assert_problem(response, 422)
    assert [e["field"] for e in body["errors"]] == ["published_at"]


@pytest.mark.parametrize("value", [0, 1578571200, "2020", " 1578571200.5 ", ".5", "1.5e3"])
def test_a_number_as_a_publication_date_is_a_422_naming_the_field(client, editor, session, value):
    response = client.post(
        "/documents", json={**ALLIANCE_REPORT, "published_at": value}, headers=editor
    )
    body = _assert_problem(response, 422)
    assert [e["field"] for e in body["errors"]] == ["published_at"]
    assert "ISO 8601" in body["errors"][0]["message"]
    assert _stored_rows(session)["documents"] == 0


@pytest.mark.parametrize("path", ["/search?q=Nato&", "/documents?", "/quotes?", "/audit?"])
def test_a_bare_year_as_a_date_filter_is_a_422_not_a_date_in_1970(client, admin, path):
    response = client.get(f"{path}since=2020", headers=admin)
    body = _assert_problem(response, 422)
    assert [e["field"] for e in body["errors"]] == ["query.since"]


def test_a_date_filter_takes_a_plain_iso_date(client, reader):
    response = client.get("/search", params={"q": "Nato", "since": "2020-01-09"}, headers=reader)
    assert response.status_code == 200


def test_a_list_where_an_object_belongs_is_a_422_problem(client, editor):
    _assert_problem(client.post("/documents", json=[ALLIANCE_REPORT], headers=editor), 422)


def test_a_body_over_the_limit_is_refused_with_413(client, editor):
    huge = {**ALLIANCE_REPORT, "text": "Mr Stoltenberg said the alliance would stay. " * 150_000}
    body = _assert_problem(client.post("/documents", json=huge, headers=editor), 413)
    assert "limited" in body["detail"]


def test_a_streamed_body_over_the_limit_is_refused_with_413(client, editor):
    def chunks():
        yield b'{"title": "Alliance", "text": "'
        for _ in range(6 * 1024):
            yield b"The secretary-general said the mission would resume. " * 20
        yield b'"}'

    response = client.post(
        "/documents", content=chunks(), headers={**editor, "Content-Type": "application/json"}
    )
    _assert_problem(response, 413)


def test_bytes_that_are_not_utf8_are_a_422_problem(client, editor, session):
    body = json.dumps(ALLIANCE_REPORT).encode().replace(b"Alliance", b"Alli\xe9nce")
    _assert_problem(_post_raw(client, editor, body), 422)
    assert _stored_rows(session)["documents"] == 0


@pytest.mark.parametrize(
    ("field", "value", "named"),
    [
        ("title", "Nato chief\x00 warns", "title"),
        ("text", "Mr Stoltenberg said\x00 the alliance would stay.", "text"),
        ("publisher", "Financial\x00Times", "publisher"),
        ("authors", ["Helen Warrell", "Laura\x00 Pitel"], "authors.1"),
        (
            "html",
            "<html><body><article><p>Mr Stoltenberg\x00 said.</p></article></body></html>",
            "html",
        ),
    ],
)
def test_a_nul_character_in_a_document_field_is_a_422_naming_it(
    client, editor, field, value, named
):
    payload = {**ALLIANCE_REPORT, field: value}
    if field == "html":
        payload.pop("text")
    body = _assert_problem(client.post("/documents", json=payload, headers=editor), 422)
    assert [e["field"] for e in body["errors"]] == [named]


def test_a_nul_character_in_an_alias_is_a_422_naming_it(client, editor, two_speakers):
    response = client.post(
        f"/speakers/{two_speakers[0]}/aliases", json={"alias": "Mr\x00 Stoltenberg"}, headers=editor
    )
    body = _assert_problem(response, 422)
    assert [e["field"] for e in body["errors"]] == ["alias"]


def test_a_nul_character_in_a_query_parameter_is_a_422_naming_it(client, reader):
    response = client.get("/speakers", params={"q": "stolten\x00berg"}, headers=reader)
    body = _assert_problem(response, 422)
    assert [e["field"] for e in body["errors"]] == ["query.q"]


def test_a_lone_surrogate_escaped_in_json_is_a_422_naming_the_field(client, editor):
    body = json.dumps({**ALLIANCE_REPORT, "title": "Nato \\ud83d chief"}).replace("\\\\", "\\")
    response = _post_raw(client, editor, body.encode())
    problem = _assert_problem(response, 422)
    assert [e["field"] for e in problem["errors"]] == ["title"]


def test_a_refused_document_leaves_nothing_behind(client, editor, session):
    payload = {**ALLIANCE_REPORT, "authors": ["Helen Warrell", "Laura\x00 Pitel"]}
    client.post("/documents", json=payload, headers=editor)
    assert _stored_rows(session) == {"documents": 0, "passages": 0, "quotes": 0, "audit": 1}


def test_html_that_is_not_an_article_is_a_422_naming_html(client, editor):
    page = "<html><head><title>Log in</title></head><body><form><input name=u></form></body></html>"
    payload = {"title": "Log in", "html": page}
    body = _assert_problem(client.post("/documents", json=payload, headers=editor), 422)
    assert body["field"] == "html"


@pytest.mark.parametrize("text", ["", "   \n\n\t  "])
def test_empty_text_is_a_422_problem(client, editor, text):
    _assert_problem(
        client.post("/documents", json={**ALLIANCE_REPORT, "text": text}, headers=editor), 422
    )


def test_both_text_and_html_is_a_422_problem(client, editor):
    payload = {**ALLIANCE_REPORT, "html": "<p>Mr Stoltenberg said the mission was over.</p>"}
    _assert_problem(client.post("/documents", json=payload, headers=editor), 422)


@pytest.mark.parametrize(
    "path",
    [
        "/documents/{id}",
        "/documents/{id}/passages",
        "/documents/{id}/quotes",
        "/quotes/{id}",
        "/speakers/{id}",
        "/speakers/{id}/quotes",
    ],
)
def test_an_unknown_id_is_a_404_problem(client, reader, path):
    _assert_problem(client.get(path.format(id=4096), headers=reader), 404)


@pytest.mark.parametrize("id_", [BIGINT_MAX, BIGINT_MAX + 1, 10**30, -(2**63) - 1, 0])
@pytest.mark.parametrize("path", ["/documents/{id}", "/quotes/{id}", "/speakers/{id}/quotes"])
def test_an_id_beyond_bigint_is_a_404_or_422_problem(client, reader, path, id_):
    response = client.get(path.format(id=id_), headers=reader)
    assert response.status_code in (404, 422), response.text
    assert response.headers["content-type"] == PROBLEM


@pytest.mark.parametrize("id_", [BIGINT_MAX + 1, 10**30])
def test_an_id_beyond_bigint_in_a_body_or_query_is_a_4xx_problem(client, editor, a_quote, id_):
    patched = client.patch(f"/quotes/{a_quote['id']}", json={"speaker_id": id_}, headers=editor)
    listed = client.get("/quotes", params={"speaker_id": id_}, headers=editor)
    for response in (patched, listed):
        assert response.status_code in (404, 422), response.text


def test_an_unknown_speaker_in_a_merge_is_a_404(client, admin, two_speakers):
    response = client.post(f"/speakers/{two_speakers[0]}/merge", json={"into": 4096}, headers=admin)
    _assert_problem(response, 404)


def test_a_forged_cursor_is_a_4xx_problem(client, reader):
    for cursor in ["not-a-cursor", "WzEsMiwzXQ", "eyJpZCI6IDF9"]:
        response = client.get("/documents", params={"cursor": cursor}, headers=reader)
        assert 400 <= response.status_code < 500, response.text
        assert response.headers["content-type"] == PROBLEM


@pytest.mark.parametrize(
    ("sort", "position"),
    [
        ("relevance", "[1.0, [1, Infinity]]"),
        ("relevance", "[1.0, [1, NaN]]"),
        ("relevance", "[Infinity, [1, 5]]"),
        ("recent", "[NaN]"),
    ],
)
def test_a_cursor_with_a_number_json_does_not_have_is_a_422_problem(client, reader, sort, position):
    cursor = base64.urlsafe_b64encode(position.encode()).decode()
    params = {"q": "Nato", "sort": sort, "cursor": cursor}
    _assert_problem(client.get("/search", params=params, headers=reader), 422)


INJECTIONS = [
    "Robert'); DROP TABLE documents;--",
    "' OR '1'='1",
    '<script>alert("pwned")</script>',
    '"><img src=x onerror=alert(1)>',
]


@pytest.mark.parametrize("payload", INJECTIONS)
def test_injection_in_text_fields_is_stored_verbatim_and_never_run(client, editor, reader, payload):
    document = {
        "title": f"Council statement {payload}",
        "text": f"The secretary-general said {payload} was not the alliance’s position.",
        "publisher": payload,
        "authors": [payload],
    }
    created = client.post("/documents", json=document, headers=editor)
    assert created.status_code == 201, created.text
    stored = client.get(f"/documents/{created.json()['id']}", headers=reader)
    assert stored.headers["content-type"] == "application/json"
    body = stored.json()
    assert (body["title"], body["text"], body["publisher"], body["authors"]) == (
        document["title"],
        document["text"],
        payload,
        [payload],
    )
    assert client.get("/documents", params={"publisher": payload}, headers=reader).json()["items"]


@pytest.mark.parametrize("payload", INJECTIONS)
def test_injection_in_a_search_or_alias_is_harmless(client, editor, reader, two_speakers, payload):
    added = client.post(
        f"/speakers/{two_speakers[0]}/aliases", json={"alias": f"Mr {payload}"}, headers=editor
    )
    assert added.status_code in (200, 422), added.text
    found = client.get("/speakers", params={"q": payload}, headers=reader)
    assert found.status_code == 200
    assert (
        len(client.get("/speakers", params={"q": "stoltenberg"}, headers=reader).json()["items"])
        == 2
    )


def test_unknown_fields_are_refused_not_ignored(client, editor):
    response = client.post("/documents", json={**ALLIANCE_REPORT, "is_admin": True}, headers=editor)
    body = _assert_problem(response, 422)
    assert [e["field"] for e in body["errors"]] == ["is_admin"]


def _claim_id(client, editor) -> int:
    claim = {"text": "NATO's training mission in Iraq is suspended"}
    return client.post("/claims", json=claim, headers=editor).json()["id"]


@pytest.mark.parametrize(
    ("start", "end"), [(0, 10**6), (10**6, 10**6 + 5), (40, 20), (0, BIGINT_MAX + 1)]
)
def test_evidence_offsets_outside_the_text_are_a_422_problem(client, editor, report, start, end):
    claim_id = _claim_id(client, editor)
    anchor = {"document_id": report["id"], "start": start, "end": end}
    for path in (f"/claims/{claim_id}/evidence", f"/claims/{claim_id}/suggestions/accept"):
        _assert_problem(client.post(path, json=anchor, headers=editor), 422)
    assert client.get(f"/claims/{claim_id}/evidence", headers=editor).json()["items"] == []


def test_a_nul_character_in_a_claim_is_a_422_naming_the_field(client, editor):
    claim = {"text": "NATO's training mission\x00 in Iraq is suspended", "tags": ["iraq\x00"]}
    body = _assert_problem(client.post("/claims", json=claim, headers=editor), 422)
    assert sorted(e["field"] for e in body["errors"]) == ["tags.0", "text"]
