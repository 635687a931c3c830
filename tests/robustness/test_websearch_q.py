"""Web search text (`q`) of any syntax is a 200 or a 422 on every endpoint that takes one, never
PostgreSQL's "tsquery stack too small": a run of `-` (NOT) means what PostgreSQL would make of
it if its parser's stack were deeper (NOT NOT x is x)."""

from __future__ import annotations

import itertools

import psycopg
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import make_url

from app.services.errors import Unprocessable
from app.services.websearch import websearch_text
from tests.robustness.archive import archive_fixture  # noqa: F401
from tests.robustness.conftest import PROBLEM

# Every operation whose `q` is web search syntax, and the one whose `q` is an alias prefix.
WEBSEARCH_Q = {"/search", "/claims", "/speakers/{speaker_id}/quotes"}
OTHER_Q = {"/speakers"}

SYNTAX = [
    "-", "- ", "--", "-" * 40, "- " * 35, '"', " ", "or", "OR", "!", "&", "|", "(", ")", "<",
    ":", "*", "'", "\\", "\t", "\n", "nato", "iraq", "training", "mission", "the", "a", "x-y",
    "or-", "é", "\u3000", "\u00a0", "\u200b",
]  # fmt: skip
websearch_texts = st.lists(st.sampled_from(SYNTAX), max_size=40).map("".join)


def _q_endpoints(archive) -> list[tuple[str, dict[str, str]]]:
    ids = archive.ids
    return [
        *(
            ("/search", {"type": kind, "sort": sort})
            for kind in ("passage", "quote", "claim")
            for sort in ("relevance", "recent")
        ),
        ("/claims", {}),
        (f"/speakers/{ids['speaker_id']}/quotes", {}),
    ]


def _found(client, headers, url, params, q) -> list[int]:
    response = client.get(url, params={**params, "q": q, "limit": 200}, headers=headers)
    assert response.status_code == 200, (url, params, q, response.text)
    return [item["id"] for item in response.json()["items"]]


def test_every_operation_taking_q_is_known_as_web_search_or_not(client):
    spec = client.app.openapi()
    taking_q = {
        path
        for path, operations in spec["paths"].items()
        for operation in operations.values()
        if any(p["name"] == "q" for p in operation.get("parameters", []))
    }
    assert taking_q == WEBSEARCH_Q | OTHER_Q


@pytest.mark.parametrize(
    ("q", "meaning"),
    [
        ("iraq " + "-" * 33 + "training", "iraq -training"),
        ("iraq " + "-" * 34 + "training", "iraq training"),
        ("training " + "- " * 60 + "iraq", "training iraq"),
        ("training " + "- " * 61 + "iraq", "training -iraq"),
        ("-" * 40, "-"),
        ('training "' + "-" * 40 + '"', "training"),
    ],
    ids=["33-dashes", "34-dashes", "dash-space-x60", "dash-space-x61", "dashes-only", "in-quotes"],
)
def test_a_long_run_of_not_finds_what_its_parity_finds_on_every_endpoint(
    client, reader, archive, q, meaning
):
    for url, params in _q_endpoints(archive):
        assert _found(client, reader, url, params, q) == _found(
            client, reader, url, params, meaning
        ), (url, params)


def test_a_run_of_not_through_characters_some_locales_read_as_space_is_a_422_problem(
    client, reader, archive
):
    for url, params in _q_endpoints(archive):
        q = "training " + "-\u3000" * 40 + "iraq"
        response = client.get(url, params={**params, "q": q}, headers=reader)
        assert response.status_code == 422, (url, response.text)
        assert response.headers["content-type"] == PROBLEM
        assert response.json()["field"] == "q"


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(q=websearch_texts)
@example(q="-" * 33)
@example(q="- " * 60)
@example(q='-"' * 40 + "nato")
def test_any_web_search_text_is_a_200_or_a_422_on_every_endpoint(client, reader, archive, q):
    for url, params in _q_endpoints(archive):
        response = client.get(url, params={**params, "q": q}, headers=reader)
        assert response.status_code in (200, 422), (url, params, q, response.text)
        if response.status_code == 422:
            assert response.headers["content-type"] == PROBLEM


# Documents of one to four words of a small vocabulary, in every order: enough for any two
# tsqueries over those words that differ in meaning to differ in what they match.
VOCABULARY = ["nato", "iraq", "training", "mission"]
DOCUMENTS = sorted(
    {" ".join(words) for n in range(5) for words in itertools.permutations(VOCABULARY, n)}
)


@pytest.fixture(scope="module")
def postgres(database_url):
    url = make_url(database_url).set(drivername="postgresql").render_as_string(False)
    with psycopg.connect(url, autocommit=True) as connection:
        yield connection


def _matching(connection, q: str) -> list[str]:
    rows = connection.execute(
        "SELECT d FROM unnest(%s::text[]) AS d"
        " WHERE to_tsvector('english', d) @@ websearch_to_tsquery('english', %s) ORDER BY d",
        (DOCUMENTS, q),
    )
    return [row[0] for row in rows]


@settings(max_examples=400, deadline=None, derandomize=True, database=None)
@given(q=websearch_texts)
@example(q="iraq " + "-" * 31 + "nato")
@example(q='nato -"-" -- -"iraq training"')
@example(q="or -" + "- " * 20 + '"nato" or')
def test_shortened_text_parses_and_matches_what_postgresql_matches_for_the_original(postgres, q):
    try:
        shortened = websearch_text(q)
    except Unprocessable:
        return  # a 422, covered above
    matched = _matching(postgres, shortened)  # never "tsquery stack too small"
    try:
        original = _matching(postgres, q)
    except psycopg.errors.InternalError:  # the parser's stack overflowed
        return
    assert matched == original, (q, shortened)
