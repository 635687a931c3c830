"""The API keeps its documented contract: ids and offsets are JSON integers (pydantic's lax mode
would take `true` for 1, `false` for 0 and "12" for 12), and every status an operation can
answer is documented, problems as application/problem+json."""

from __future__ import annotations

import pytest

from tests.robustness.archive import archive_fixture  # noqa: F401
from tests.robustness.conftest import PROBLEM

# (method, path, body, the field named): each body is valid but for one value. Paths name the
# archive's document {document_id}, claim {claim_id} and a second speaker {other_speaker_id}.
LOOSE_INTEGERS = [
    ("POST", "/claims", {"text": "Nato", "from": {"document_id": "{document_id}", "start": False,
                                                  "end": 10}}, "from.start"),
    ("POST", "/claims", {"text": "Nato", "from": {"document_id": True, "start": 0, "end": 10}},
     "from.document_id"),
    ("POST", "/claims/{claim_id}/suggestions/accept",
     {"document_id": "{document_id}", "start": False, "end": 10}, "start"),
    ("POST", "/claims/{claim_id}/suggestions/accept",
     {"document_id": "{document_id}", "start": 0, "end": True}, "end"),
    ("POST", "/claims/{claim_id}/evidence", {"document_id": True, "start": 0, "end": 10},
     "document_id"),
    ("POST", "/claims/{claim_id}/evidence",
     {"document_id": "{document_id}", "start": "0", "end": 10}, "start"),
    ("PATCH", "/claims/{claim_id}", {"rating_value": True}, "rating_value"),
    ("PATCH", "/claims/{claim_id}", {"rating_value": 5.0}, "rating_value"),
    ("PATCH", "/quotes/1", {"speaker_id": True}, "speaker_id"),
    ("POST", "/speakers/{other_speaker_id}/merge", {"into": True}, "into"),
    ("POST", "/speakers/{other_speaker_id}/merge", {"into": "1"}, "into"),
]  # fmt: skip


def _filled(value, ids):
    if isinstance(value, dict):
        return {key: _filled(item, ids) for key, item in value.items()}
    if isinstance(value, str) and value.startswith("{") and value.endswith("}"):
        return ids[value[1:-1]]
    return value


@pytest.fixture
def ids(client, reader, archive) -> dict[str, int]:
    speakers = client.get("/speakers", params={"limit": 200}, headers=reader).json()["items"]
    return {**archive.ids, "other_speaker_id": max(s["id"] for s in speakers)}


@pytest.mark.parametrize(("method", "path", "body", "field"), LOOSE_INTEGERS)
def test_a_boolean_string_or_float_where_an_id_or_offset_belongs_is_a_422_naming_it(
    client, admin, ids, method, path, body, field
):
    response = client.request(method, path.format(**ids), json=_filled(body, ids), headers=admin)
    assert response.status_code == 422, response.text
    assert [e["field"] for e in response.json()["errors"]] == [field]


def _responses(spec, method: str, path: str) -> dict:
    return spec["paths"][path][method.lower()]["responses"]


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", "/speakers/{speaker_id}/merge"),
        ("POST", "/speakers/{speaker_id}/aliases"),
        ("POST", "/claims/{claim_id}/evidence"),
        ("POST", "/claims/{claim_id}/suggestions/accept"),
    ],
)
def test_an_operation_that_can_answer_409_documents_it(client, method, path):
    assert "409" in _responses(client.app.openapi(), method, path)


def test_a_merge_of_a_speaker_already_merged_answers_the_documented_409(client, admin, ids):
    source, target = ids["other_speaker_id"], ids["speaker_id"]
    merge = f"/speakers/{source}/merge"
    assert client.post(merge, json={"into": target}, headers=admin).status_code == 200
    again = client.post(merge, json={"into": target}, headers=admin)
    assert again.status_code == 409
    assert "409" in _responses(client.app.openapi(), "POST", "/speakers/{speaker_id}/merge")


def test_every_operation_on_the_database_documents_503_with_retry_after(client):
    spec = client.app.openapi()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            if path == "/version":
                continue
            unavailable = operation["responses"].get("503")
            assert unavailable, (method, path)
            assert "Retry-After" in unavailable["headers"], (method, path)


def test_every_operation_documents_413_and_422_which_any_request_may_get(client):
    spec = client.app.openapi()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            assert {"413", "422"} <= set(operation["responses"]), (method, path)


def test_problems_are_documented_as_problem_json_with_their_schema(client):
    spec = client.app.openapi()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            for status, response in operation["responses"].items():
                if int(status) < 400:
                    continue
                assert list(response["content"]) == [PROBLEM], (method, path, status)
                schema = response["content"][PROBLEM]["schema"]
                assert schema == {"$ref": "#/components/schemas/Problem"}, (method, path, status)
