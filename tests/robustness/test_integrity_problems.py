"""Integrity violations the database raises become RFC 9457 problems, never a 500."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from app.db.transaction import write
from app.services.errors import integrity_error
from tests.robustness.conftest import PROBLEM


def _refusal(statement: str) -> BaseException:
    """The psycopg error the database raises for the statement (rolled back)."""
    from app.db.engine import get_engine

    with pytest.raises(IntegrityError) as raised, get_engine().begin() as connection:
        connection.execute(text(statement))
    return raised.value.orig


@pytest.mark.parametrize(
    ("statement", "status"),
    [
        # Evidence for a document that is not there (deleted a moment before).
        (
            'INSERT INTO evidence (claim_id, document_id, start, "end", exact, prefix, suffix,'
            " stance) VALUES (1, 4096, 0, 4, 'NATO', '', '', 'supports')",
            422,
        ),
        # The same alias twice for one speaker.
        (
            "INSERT INTO speaker_aliases (speaker_id, alias, normalised) "
            "SELECT speaker_id, alias, normalised FROM speaker_aliases LIMIT 1",
            409,
        ),
        # A claim status outside the model's list.
        ("UPDATE claims SET status = 'pending' WHERE id = 1", 422),
    ],
    ids=["foreign key", "unique", "check"],
)
def test_each_kind_of_integrity_violation_maps_to_a_client_problem(
    client, editor, report, statement, status
):
    claim = client.post("/claims", json={"text": "The mission was suspended"}, headers=editor)
    assert claim.json()["id"] == 1
    problem = integrity_error(_refusal(statement))
    assert problem is not None and problem.status == status
    assert "Nothing was saved" in problem.detail


def test_a_foreign_key_violation_reaching_the_api_is_a_422_problem(
    client, editor, report, monkeypatch
):
    from app.services import evidence

    def insert_for_a_missing_document(session, claim_id, **_):
        with write(session):
            session.execute(
                text(
                    'INSERT INTO evidence (claim_id, document_id, start, "end", exact, prefix,'
                    " suffix, stance) VALUES (:c, 4096, 0, 4, 'NATO', '', '', 'supports')"
                ),
                {"c": claim_id},
            )

    monkeypatch.setattr(evidence, "add_evidence", insert_for_a_missing_document)
    claim = client.post("/claims", json={"text": "The mission was suspended"}, headers=editor)
    body = {"document_id": report["id"], "exact": "suspended"}
    response = client.post(f"/claims/{claim.json()['id']}/evidence", json=body, headers=editor)
    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["constraint"] == "fk_evidence_document_id_documents"
    assert "does not exist" in response.json()["detail"]
