"""Health, version, the OpenAPI document and migrations."""

from __future__ import annotations

import uuid

from tests.conftest import create_database, drop_database


def test_health_reports_the_database(client):
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"


def test_version_names_the_service(client):
    assert client.get("/version").json()["name"] == "attest"


def test_every_operation_is_tagged_and_summarised(client):
    spec = client.get("/openapi.json").json()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            assert operation.get("tags"), f"{method} {path} has no tag"
            assert operation.get("summary"), f"{method} {path} has no summary"


def test_the_ingest_example_comes_from_the_seed_documents(client):
    spec = client.get("/openapi.json").json()
    examples = spec["components"]["schemas"]["DocumentIn"]["examples"]
    assert "Stoltenberg" in examples[0]["text"]


def test_migrations_go_up_down_and_up_on_an_empty_database(server_url):
    from sqlalchemy import create_engine, inspect

    from app.db import migrate

    url = create_database(server_url, f"attest_migrations_{uuid.uuid4().hex[:8]}")
    try:
        migrate.upgrade(url)
        migrate.downgrade(url, "base")
        engine = create_engine(url)
        assert inspect(engine).get_table_names() == ["alembic_version"]
        engine.dispose()
        migrate.upgrade(url)
        engine = create_engine(url)
        assert {"documents", "passages", "quotes", "speakers", "claims", "evidence"} <= set(
            inspect(engine).get_table_names()
        )
        engine.dispose()
    finally:
        drop_database(url)


def test_response_models_carry_seed_examples(client):
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    for name in ("DocumentOut", "DocumentDetail", "IngestResult", "PassageOut", "QuoteOut"):
        assert schemas[name]["examples"], f"{name} has no example"
    assert schemas["SpeakerDetail"]["examples"][0]["name"] == "Jens Stoltenberg"
