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


def test_the_ingest_example_comes_from_the_sample_documents(client):
    from tests.conftest import ARTICLE, sample_payload

    spec = client.get("/openapi.json").json()
    examples = spec["components"]["schemas"]["DocumentIn"]["examples"]
    assert "Ellery" in examples[0]["text"]
    assert examples[0]["text"].split("\n\n")[0] in sample_payload(ARTICLE)["text"]


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


def test_the_models_match_the_schema_the_migrations_make(database_url):
    """Columns (types, nullability), indexes and foreign keys as Alembic compares them, and the
    CHECK constraints by name (Alembic does not compare those)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import CheckConstraint, create_engine, inspect

    from app.models import Base

    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            differences = compare_metadata(context, Base.metadata)
            checks = {
                table.name: {
                    c["name"] for c in inspect(connection).get_check_constraints(table.name)
                }
                for table in Base.metadata.sorted_tables
            }
    finally:
        engine.dispose()
    # An index on an expression is reported removed and added again under the same name: Alembic
    # cannot compare the expression the database renders with the model's.
    index_changes = ("add_index", "remove_index")
    added = {d[1].name for d in differences if d[0] == "add_index"}
    removed = {d[1].name for d in differences if d[0] == "remove_index"}
    unexplained = [
        d for d in differences if not (d[0] in index_changes and d[1].name in added & removed)
    ]
    assert unexplained == []
    for table in Base.metadata.sorted_tables:
        declared = {c.name for c in table.constraints if isinstance(c, CheckConstraint)}
        assert checks[table.name] == declared, table.name


def test_response_models_carry_sample_examples(client):
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    for name in ("DocumentOut", "DocumentDetail", "IngestResult", "PassageOut", "QuoteOut"):
        assert schemas[name]["examples"], f"{name} has no example"
    assert schemas["SpeakerDetail"]["examples"][0]["name"] == "Ruth Ellery"
