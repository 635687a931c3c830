"""Every write is one transaction opened and committed by `write()` (app/db/transaction.py);
nothing else commits, and a read request commits nothing."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event, func, select, text, update
from sqlalchemy.orm import Session

from app.db.transaction import UnownedWrite, write
from app.models import ApiKey, Claim


@pytest.fixture
def commits(database_url: str) -> Iterator[list[str]]:
    """The COMMITs the application's engine makes, as they happen."""
    from app.db.engine import get_engine

    made: list[str] = []

    def count(connection: Any) -> None:
        made.append("commit")

    engine = get_engine()
    event.listen(engine, "commit", count)
    yield made
    event.remove(engine, "commit", count)


def test_a_read_request_commits_nothing(
    client: TestClient, reader: dict[str, str], commits: list[str]
) -> None:
    assert client.get("/documents", headers=reader).status_code == 200  # notes the key's use
    commits.clear()
    for path in ("/documents", "/speakers", "/claims", "/quotes"):
        assert client.get(path, headers=reader).status_code == 200
    assert commits == []


def test_a_write_request_commits_once(
    client: TestClient, editor: dict[str, str], commits: list[str]
) -> None:
    assert client.get("/claims", headers=editor).status_code == 200  # notes the key's use
    commits.clear()
    response = client.post("/claims", json={"text": "The ferry runs twice a day"}, headers=editor)
    assert response.status_code == 201
    assert commits == ["commit"]


def test_the_keys_last_use_is_its_own_write(
    client: TestClient, reader: dict[str, str], session: Session, commits: list[str]
) -> None:
    with write(session):
        session.execute(update(ApiKey).values(last_used_at=None))
    commits.clear()
    assert client.get("/claims", headers=reader).status_code == 200
    assert commits == ["commit"]
    assert session.scalar(select(func.count()).where(ApiKey.last_used_at.is_not(None))) == 1


def test_a_write_after_reads_ends_them_and_commits(session: Session) -> None:
    assert session.scalar(select(func.count()).select_from(Claim)) == 0  # begins a read
    with write(session):
        session.add(Claim(text="The bridge reopens in May", tags=[]))
    session.rollback()  # a fresh snapshot: the claim was committed, not merely flushed
    assert session.scalar(select(func.count()).select_from(Claim)) == 1


def test_a_failed_write_keeps_nothing(session: Session) -> None:
    with pytest.raises(ZeroDivisionError), write(session):
        session.add(Claim(text="The bridge reopens in May", tags=[]))
        session.flush()
        _ = 1 / 0
    assert session.scalar(select(func.count()).select_from(Claim)) == 0


@pytest.mark.parametrize(
    "unowned",
    [
        pytest.param(lambda s: s.commit(), id="commit"),
        pytest.param(lambda s: (s.add(Claim(text="Unowned", tags=[])), s.flush()), id="flush"),
        pytest.param(lambda s: s.execute(update(Claim).values(notes="x")), id="orm-update"),
        pytest.param(
            lambda s: (s.execute(text("UPDATE claims SET notes = 'x'")), s.commit()),
            id="sql-then-commit",
        ),
    ],
)
def test_writes_outside_write_are_refused(session: Session, unowned: Any) -> None:
    session.scalar(select(func.count()).select_from(Claim))
    with pytest.raises(UnownedWrite):
        unowned(session)


def test_a_write_inside_a_write_is_refused(session: Session) -> None:
    with pytest.raises(UnownedWrite), write(session), write(session):
        pass
