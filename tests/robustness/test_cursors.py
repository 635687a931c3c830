"""Cursors are opaque, but a client can send anything as one: whatever it decodes to, every list
answers 2xx or 4xx, and a cursor of the wrong shape or types is a 422 problem, never SQL
comparing a bigint with a string."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.robustness.archive import archive_fixture, cursor_of, json_cursor  # noqa: F401
from tests.robustness.conftest import PROBLEM

# Decodes to a list, but not to a position of any list of the API.
FORGED = [
    ["a"],
    [True],
    [False],
    [None],
    [[1]],
    [{"id": 1}],
    [1.5],
    ["2020-01-01", 2],
    [True, 1],
    [1, "1"],
    [[1, 2], 3],
    [1, 2, 3],
    [],
]

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
)
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner),
    max_leaves=6,
)
# Mostly lists one to three wide, as cursors are, with anything inside.
cursor_values = st.lists(json_values, min_size=1, max_size=3) | json_values


def _first_page_cursor(client, headers, url, params) -> str | None:
    return client.get(url, params={**params, "limit": 1}, headers=headers).json()["next_cursor"]


@pytest.mark.parametrize("forged", FORGED, ids=json.dumps)
def test_a_cursor_of_the_wrong_shape_or_types_is_a_422_problem_on_every_list(
    client, admin, archive, forged
):
    for url, params in archive.lists:
        response = client.get(url, params={**params, "cursor": json_cursor(forged)}, headers=admin)
        assert response.status_code == 422, (url, params, response.text)
        assert response.headers["content-type"] == PROBLEM


def test_a_cursor_of_another_list_is_a_422_problem_not_a_page(client, admin, archive):
    # The passages of a document page on (start, id); a search by relevance on
    # [rank, [id, ceiling]]: neither fits the other.
    passages = f"/documents/{archive.ids['document_id']}/passages"
    by_relevance = _first_page_cursor(client, admin, "/search", {"q": "reservoirs"})
    by_position = _first_page_cursor(client, admin, passages, {})
    assert by_relevance and by_position
    assert client.get(passages, params={"cursor": by_relevance}, headers=admin).status_code == 422
    response = client.get(
        "/search", params={"q": "reservoirs", "cursor": by_position}, headers=admin
    )
    assert response.status_code == 422


def test_every_list_pages_on_the_cursor_it_issued(client, admin, archive):
    for url, params in archive.lists:
        cursor = _first_page_cursor(client, admin, url, params)
        if cursor is None:
            continue
        response = client.get(url, params={**params, "cursor": cursor, "limit": 1}, headers=admin)
        assert response.status_code == 200, (url, params, response.text)


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(value=cursor_values)
@example(value=["a"])
@example(value=[[1]])
@example(value=[True, [1, 2]])
@example(value=[2**70])
@example(value=[1.0, [2**70, -(2**70)]])
def test_any_base64_of_any_json_is_a_2xx_or_4xx_on_every_list(client, admin, archive, value):
    cursor = json_cursor(value)
    for url, params in archive.lists:
        response = client.get(url, params={**params, "cursor": cursor}, headers=admin)
        assert response.status_code < 500, (url, params, value, response.text)


@settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(raw=st.binary(max_size=40) | st.sampled_from(["[1e400]", "[-1e400, 1]", '["\\ud800"]']))
def test_any_bytes_as_a_cursor_are_a_2xx_or_4xx_on_every_list(client, admin, archive, raw):
    cursor = cursor_of(raw)
    for url, params in archive.lists:
        response = client.get(url, params={**params, "cursor": cursor}, headers=admin)
        assert response.status_code < 500, (url, params, raw, response.text)
