"""The OpenAPI document declares the bearer key, so /docs offers a working Authorize button."""

from __future__ import annotations

PUBLIC = {("GET", "/health"), ("GET", "/version")}


def _operations(spec: dict) -> dict[tuple[str, str], dict]:
    return {
        (method.upper(), path): operation
        for path, operations in spec["paths"].items()
        for method, operation in operations.items()
    }


def test_the_schema_declares_an_http_bearer_scheme(client):
    schemes = client.get("/openapi.json").json()["components"]["securitySchemes"]
    assert schemes["HTTPBearer"]["type"] == "http"
    assert schemes["HTTPBearer"]["scheme"] == "bearer"


def test_every_operation_but_health_and_version_requires_the_key(client):
    operations = _operations(client.get("/openapi.json").json())
    unprotected = {
        name
        for name, operation in operations.items()
        if {"HTTPBearer": []} not in operation.get("security", [])
    }
    assert unprotected == PUBLIC


def test_the_explorer_page_is_served(client):
    page = client.get("/docs")
    assert page.status_code == 200
    assert "swagger-ui" in page.text and "/openapi.json" in page.text


def test_the_header_the_authorize_button_sends_is_accepted(client, reader):
    scheme, key = reader["Authorization"].split(" ", 1)
    assert client.get("/documents", headers={"Authorization": f"{scheme} {key}"}).status_code == 200
    assert client.get("/documents", headers={"Authorization": f"Basic {key}"}).status_code == 401
