"""Who commits: every write is one transaction, opened and committed by `write(session)`.

A session reads without ceremony: its first query begins a transaction that only reads (the
API key check, a lookup, the answer), and closing the session (the end of a request, of a CLI
command) rolls it back. A write is the service function that makes it, inside `with
write(session):`, which ends those reads, begins the transaction, commits it on leaving the
block and rolls it back on an error. Nothing else commits: `guard` makes the sessions of the
application's factory refuse a commit, a flush of changed objects or an ORM insert, update or
delete outside `write`, so a write cannot ride along on someone else's commit.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

WRITING = "attest.writing"


class UnownedWrite(RuntimeError):
    """A write outside `write()`: a bug in the code, never the client's fault."""


@contextmanager
def write(session: Session) -> Iterator[None]:
    """One transaction for a service's write: begun here, committed when the block ends."""
    if session.info.get(WRITING):
        raise UnownedWrite("A write inside a write: a service's write is one transaction.")
    if session.in_transaction():
        # Only reads happened since the session's last write (the guard refuses anything
        # else), so there is nothing to keep: end them, so the write sees the latest rows.
        session.rollback()
    session.info[WRITING] = True
    try:
        with session.begin():
            yield
    finally:
        session.info.pop(WRITING, None)


def guard(factory: sessionmaker[Session]) -> None:
    """Make the factory's sessions refuse to write outside `write()`."""
    event.listen(factory, "before_commit", _refuse_commit)
    event.listen(factory, "before_flush", _refuse_flush)
    event.listen(factory, "do_orm_execute", _refuse_dml)


def _refuse_commit(session: Session) -> None:
    if not session.info.get(WRITING):
        raise UnownedWrite("Commit only through app.db.transaction.write().")


def _refuse_flush(session: Session, context: Any, instances: Any) -> None:
    if not session.info.get(WRITING):
        raise UnownedWrite("Changed objects outside app.db.transaction.write().")


def _refuse_dml(state: ORMExecuteState) -> None:
    if (state.is_insert or state.is_update or state.is_delete) and not state.session.info.get(
        WRITING
    ):
        raise UnownedWrite("An insert, update or delete outside app.db.transaction.write().")
