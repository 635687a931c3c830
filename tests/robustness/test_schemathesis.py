"""Property-based testing of every operation in the OpenAPI schema, in-process, with schemathesis.

Two runs. Each operation alone: examples from the schema, the coverage phase (boundary and
invalid values of every parameter and body property) and fuzzing, with valid and invalid data.
Then the stateful phase: sequences of calls chained by the links schemathesis infers between
operations (an id one response returns is the path parameter of the next call), so requests
reach rows that exist and the writes interact. Every response is checked:

- not_a_server_error: no 5xx;
- status_code_conformance: every status answered is documented for the operation;
- response_schema_conformance: every body matches the documented schema, problems included;
- negative_data_rejection: a request that breaks the schema (a string or `true` where an
  integer belongs, a missing required field...) is refused with a 4xx;
- and the conformance of content types, headers (Retry-After) and `Allow`, and that a request
  without the key is refused.

Examples are derandomised and bounded so that CI is reproducible and takes a minute or two.
"""

from __future__ import annotations

import os

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis import checks
from sqlalchemy import text

from app.db.engine import get_engine
from app.main import create_app
from app.models import ApiKey, Base
from app.services.keys import hash_key
from tests.robustness.archive import store_archive

CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.response_schema_conformance,
    checks.negative_data_rejection,
    checks.content_type_conformance,
    checks.response_headers_conformance,
    checks.allow_header_conformance,
    checks.ignored_auth,
]

# Built without touching the database: requests reach it only once the tests' fixtures run.
APP = create_app()
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)

# Examples per operation, and sequences of linked calls (twice as many); more with
# ATTEST_FUZZ_EXAMPLES=300 for a deeper run.
EXAMPLES = int(os.environ.get("ATTEST_FUZZ_EXAMPLES", "30"))
QUIET = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much]

# An admin key of a known secret, stored with the archive.
ADMIN_KEY = "att_schemathesis-admin-key"
ADMIN = {"Authorization": f"Bearer {ADMIN_KEY}"}


@schema.auth(refresh_interval=None)
class AdminKey:
    """Every generated request carries the key (as the security scheme says), and schemathesis
    knows it does: it does not count the key as data to break, and `ignored_auth` removes it."""

    def get(self, case, context):
        return ADMIN["Authorization"]

    def set(self, case, data, context):
        case.headers = {**(case.headers or {}), "Authorization": data}


def fresh_archive() -> None:
    """Empty tables with ids from 1 again, the admin key, then two documents with quotes and
    speakers and a claim with evidence, so that generated small ids often name real rows. The
    same every time, so that Hypothesis can replay what it found."""
    tables = ", ".join(t.name for t in Base.metadata.sorted_tables)
    with get_engine().begin() as connection:
        connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
        connection.execute(
            ApiKey.__table__.insert().values(
                name="schemathesis", role="admin", key_hash=hash_key(ADMIN_KEY), prefix="att_schema"
            )
        )
    with TestClient(APP) as client:
        store_archive(client, ADMIN)


@pytest.fixture
def stored(db) -> None:
    fresh_archive()


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=QUIET,
)
def test_no_operation_errors_breaks_its_schema_or_accepts_invalid_data(case, stored):
    case.call_and_validate(checks=CHECKS)


def test_no_sequence_of_linked_calls_errors_or_breaks_the_schema(stored):
    links = schema.as_state_machine()

    class Checked(links):  # type: ignore[misc, valid-type]
        def setup(self):
            fresh_archive()  # each scenario from the same state

        def validate_response(self, response, case, additional_checks=None, **kwargs):
            case.validate_response(response, checks=CHECKS)

    Checked.run(
        settings=settings(
            max_examples=2 * EXAMPLES,
            stateful_step_count=8,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
    )
