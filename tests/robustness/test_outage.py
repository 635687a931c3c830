"""A database outage: 503 problem with Retry-After while it lasts, recovery on its own after.

The outage is staged on a private embedded PostgreSQL (pgserver) in a temporary folder, never on
the shared server other test runs use.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.robustness.conftest import PROBLEM

os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp")


class PrivateServer:
    """An embedded PostgreSQL that a test may stop and start."""

    def __init__(self, folder: Path) -> None:
        import pgserver

        # The test stops and deletes it itself; pgserver's exit hook is left nothing to do.
        self._server = pgserver.get_server(folder, cleanup_mode=None)
        uri = self._server.get_uri()
        self.url = "postgresql+psycopg://" + uri.removeprefix("postgresql://")

    def stop(self) -> None:
        import pgserver

        pgserver.pg_ctl(
            ["-w", "-m", "fast", "stop"],
            pgdata=self._server.pgdata,
            user=self._server.system_user,
        )

    def start(self) -> None:
        with self._server._lock:
            self._server.ensure_postgres_running()


def _use_database(url: str | None) -> None:
    from app.config import get_settings
    from app.db.engine import get_engine, get_sessionmaker

    if get_engine.cache_info().currsize:
        get_engine().dispose()
    if url is None:
        os.environ.pop("DATABASE_URL", None)
    else:
        os.environ["DATABASE_URL"] = url
    for cached in (get_settings, get_engine, get_sessionmaker):
        cached.cache_clear()


@pytest.fixture
def server() -> Iterator[PrivateServer]:
    from app.db import migrate

    # Not under pytest's basetemp: concurrent pytest runs reset its permissions to 0700,
    # which locks out the unprivileged user pgserver runs PostgreSQL as.
    folder = Path(tempfile.mkdtemp(prefix="attest-outage-"))
    folder.chmod(0o755)
    server = PrivateServer(folder / "pg")
    previous = os.environ.get("DATABASE_URL")
    try:
        migrate.upgrade(server.url)
        _use_database(server.url)
        yield server
    finally:
        _use_database(previous)
        server.start()
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def api(server: PrivateServer) -> Iterator[tuple[Any, dict[str, str]]]:
    from fastapi.testclient import TestClient

    from app.db.engine import get_sessionmaker
    from app.main import create_app
    from app.services.keys import create_key

    with get_sessionmaker()() as session:
        _, secret = create_key(session, "night-desk", "reader", actor="test")
    with TestClient(create_app(), raise_server_exceptions=False) as client:
        yield client, {"Authorization": f"Bearer {secret}"}


def _assert_unavailable(response: Any) -> None:
    assert response.status_code == 503, response.text
    assert response.headers["content-type"] == PROBLEM
    assert int(response.headers["retry-after"]) > 0
    assert response.json()["status"] == 503


def test_reads_and_health_answer_503_while_the_database_is_down(server, api):
    client, key = api
    assert client.get("/documents", headers=key).status_code == 200
    server.stop()
    _assert_unavailable(client.get("/documents", headers=key))
    health = client.get("/health")
    _assert_unavailable(health)
    assert health.json()["database"] == "unreachable"


def test_the_service_recovers_by_itself_when_the_database_returns(server, api):
    client, key = api
    assert client.get("/documents", headers=key).status_code == 200
    server.stop()
    _assert_unavailable(client.get("/documents", headers=key))
    server.start()
    assert client.get("/health").json()["database"] == "ok"
    assert client.get("/documents", headers=key).status_code == 200
