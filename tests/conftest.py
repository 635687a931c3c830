"""Shared fixtures: a real PostgreSQL database for the suite, clean tables, an API client, keys.

With DATABASE_URL set, a fresh database is created on that server for this run (and dropped
afterwards); without it an embedded PostgreSQL is started in a temporary folder.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import psycopg
import pytest
from sqlalchemy import make_url

if TYPE_CHECKING:  # for the annotations; the fixtures import what they use as they run
    from fastapi import FastAPI
    from fastapi.testclient import TestClient
    from sqlalchemy.orm import Session

REPO = Path(__file__).resolve().parents[1]
# The two seed texts are not ours to publish: tests about them read them from the shared corpus
# beside the repository and are skipped where it is absent. Our own sample documents (the
# README's quick start) are in data/.
SEEDS = REPO.parent / "shared" / "corpus" / "seeds"
SAMPLES = REPO / "data"
ARTICLE = "calder-valley-hosepipe-ban.txt"
TRANSCRIPT = "calder-valley-water-press-conference.txt"


def _server_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    configured = os.environ.get("DATABASE_URL")
    if configured:
        return configured
    from app.db.embedded import start_embedded

    return start_embedded(tmp_path_factory.mktemp("embedded-pg"))


def create_database(server_url: str, name: str) -> str:
    url = make_url(server_url).set(drivername="postgresql+psycopg")
    admin = url.set(drivername="postgresql", database="postgres")
    with psycopg.connect(admin.render_as_string(hide_password=False), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return url.set(database=name).render_as_string(hide_password=False)


def drop_database(database_url: str) -> None:
    url = make_url(database_url)
    admin = url.set(drivername="postgresql", database="postgres")
    with psycopg.connect(admin.render_as_string(hide_password=False), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)')


@pytest.fixture(scope="session")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return _server_url(tmp_path_factory)


@pytest.fixture(scope="session")
def database_url(server_url: str) -> Iterator[str]:
    """A migrated database of this test run's own, used by the app under test."""
    from app.config import get_settings
    from app.db import migrate
    from app.db.engine import get_engine, get_sessionmaker

    url = create_database(server_url, f"attest_test_{uuid.uuid4().hex[:10]}")
    migrate.upgrade(url)
    previous = os.environ.get("DATABASE_URL")
    os.environ["DATABASE_URL"] = url
    for cached in (get_settings, get_engine, get_sessionmaker):
        cached.cache_clear()
    yield url
    get_engine().dispose()
    for cached in (get_settings, get_engine, get_sessionmaker):
        cached.cache_clear()
    if previous is None:
        os.environ.pop("DATABASE_URL", None)
    else:
        os.environ["DATABASE_URL"] = previous
    drop_database(url)


@pytest.fixture
def db(database_url: str) -> Iterator[None]:
    """Empty tables before each test that uses the database."""
    from sqlalchemy import text

    from app.db.engine import get_engine
    from app.models import Base

    tables = ", ".join(t.name for t in Base.metadata.sorted_tables)
    with get_engine().begin() as conn:
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    yield


@pytest.fixture
def session(db: None) -> Iterator[Session]:
    from app.db.engine import get_sessionmaker

    with get_sessionmaker()() as session:
        yield session


@pytest.fixture
def app(db: None) -> FastAPI:
    from app.main import create_app

    return create_app()


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    from fastapi.testclient import TestClient

    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


def _key(role: str) -> dict[str, str]:
    from app.db.engine import get_sessionmaker
    from app.services.keys import create_key

    with get_sessionmaker()() as session:
        _, secret = create_key(session, f"test-{role}", role, actor="test")
    return {"Authorization": f"Bearer {secret}"}


@pytest.fixture
def admin(db: None) -> dict[str, str]:
    return _key("admin")


@pytest.fixture
def editor(db: None) -> dict[str, str]:
    return _key("editor")


@pytest.fixture
def reader(db: None) -> dict[str, str]:
    return _key("reader")


def seed_path(name: str) -> Path:
    """A seed text of the shared corpus; the test is skipped when the corpus is absent."""
    path = SEEDS / name
    if not path.exists():
        pytest.skip(
            f"seed corpus not available: no {path} (the shared corpus is not beside the repo)"
        )
    return path


def seed_text(name: str) -> str:
    return seed_path(name).read_text(encoding="utf-8")


FT = "ft-nato-middle-east.txt"
NATO = "nato-addresses-middle-east-tensions.txt"


def sample_payload(name: str) -> dict[str, Any]:
    """A sample document of data/ as `POST /documents` takes it: the text and the metadata of
    its front matter, read as `attest ingest` reads them."""
    from app.cli.files import read_sources

    [source] = read_sources(SAMPLES / name)
    assert source.payload is not None, source.error
    return source.payload.model_dump(mode="json", exclude_none=True)


@pytest.fixture
def article_payload() -> dict[str, Any]:
    return sample_payload(ARTICLE)


@pytest.fixture
def transcript_payload() -> dict[str, Any]:
    return sample_payload(TRANSCRIPT)


@pytest.fixture
def ft_payload() -> dict[str, object]:
    return {
        "title": "The alliance's chief on extra troops for the Middle East",
        "text": seed_text(FT),
        "publisher": "Financial Times",
        "kind": "article",
        "published_at": "2020-01-09T12:00:00Z",
    }


@pytest.fixture
def nato_payload() -> dict[str, object]:
    return {
        "title": seed_text(NATO).splitlines()[0],  # the page's own title
        "text": seed_text(NATO),
        "publisher": "NATO",
        "kind": "transcript",
        "published_at": "2020-01-06T15:00:00Z",
    }
