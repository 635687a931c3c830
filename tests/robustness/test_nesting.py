"""A JSON body nested absurdly deep is a 422 problem, refused before authentication, and logs
nothing: Python's JSON parser gives up near 1,000 levels with RecursionError."""

from __future__ import annotations

import json
import logging

import pytest

from app.api.limits import MAX_JSON_DEPTH
from tests.robustness.conftest import ALLIANCE_REPORT, PROBLEM

JSON = {"Content-Type": "application/json"}


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def _document_with_authors(depth: int) -> bytes:
    """The alliance report with `authors` nested `depth` arrays deep."""
    report = json.dumps({**ALLIANCE_REPORT, "authors": None})
    return report.replace('"authors": null', f'"authors": {_nested(depth)}').encode()


def _assert_too_deep(response) -> None:
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == PROBLEM
    body = response.json()
    assert body["status"] == 422
    assert body["errors"] == [
        {
            "field": "body",
            "message": f"nested deeper than {MAX_JSON_DEPTH} levels",
            "type": "json_too_deep",
        }
    ]


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", "/documents"),
        ("POST", "/claims"),
        ("PATCH", "/claims/1"),
        ("POST", "/verify"),
        ("POST", "/speakers/1/merge"),
        ("POST", "/no/such/route"),
    ],
)
def test_a_body_a_thousand_levels_deep_is_a_422_problem_without_a_key(client, method, path):
    response = client.request(method, path, content=_document_with_authors(1000), headers=JSON)
    _assert_too_deep(response)


def test_a_body_far_deeper_than_the_parser_goes_is_a_422_problem(client, editor):
    response = client.post("/documents", content=_nested(100_000), headers={**editor, **JSON})
    _assert_too_deep(response)


def test_one_level_past_the_limit_is_refused_with_a_key(client, editor):
    body = _document_with_authors(MAX_JSON_DEPTH)  # the document object adds one level
    _assert_too_deep(client.post("/documents", content=body, headers={**editor, **JSON}))


def test_a_body_at_the_limit_reaches_the_route_and_its_validation(client, editor):
    body = _document_with_authors(MAX_JSON_DEPTH - 1)
    response = client.post("/documents", content=body, headers={**editor, **JSON})
    assert response.status_code == 422, response.text
    assert {e["field"] for e in response.json()["errors"]} == {"authors.0"}


def test_an_over_deep_body_logs_no_traceback(client, caplog):
    with caplog.at_level(logging.INFO):
        client.post("/documents", content=_document_with_authors(5000), headers=JSON)
    assert [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info] == []


def test_an_unstorable_string_deep_inside_a_body_is_still_named(client, editor):
    body = json.dumps({**ALLIANCE_REPORT, "authors": [[["Helen\x00 Warrell"]]]}).encode()
    response = client.post("/documents", content=body, headers={**editor, **JSON})
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["authors.0.0.0"]
