"""Property-based fuzzing of every operation in the OpenAPI schema, in-process.

Schemathesis generates valid and invalid requests from the schema and checks that none gets a
5xx and that every response is one the schema documents (status code, content type, body).
Examples are derandomised and bounded so CI is reproducible and quick.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import checks

from app.main import create_app
from tests.robustness.conftest import ALLIANCE_REPORT

# Not the data-acceptance checks: the API rightly refuses some schema-valid requests (a speaker
# merged into itself, an empty correction) and coerces some loose ones (1 for "1") like pydantic.
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_headers_conformance,
    checks.response_schema_conformance,
    checks.allow_header_conformance,
    checks.ignored_auth,
]

# Built without touching the database: requests reach it only once the test's fixtures run.
schema = schemathesis.openapi.from_asgi("/openapi.json", create_app())


@pytest.fixture
def stored(client: Any, editor: dict[str, str]) -> None:
    """A document with quotes and speakers, so generated small ids often name real rows."""
    response = client.post("/documents", json=ALLIANCE_REPORT, headers=editor)
    assert response.status_code == 201, response.text


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_no_operation_errors_or_breaks_its_schema(case, stored, admin):
    case.call_and_validate(headers=admin, checks=CHECKS)
