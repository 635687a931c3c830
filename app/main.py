"""The FastAPI application."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from app import __version__
from app.api import (
    audit,
    candidates,
    claims,
    documents,
    problems,
    quotes,
    search,
    speakers,
    system,
    verify,
)
from app.api.limits import BodySizeLimit, StorableText
from app.config import get_settings
from app.schemas.common import PROBLEM_JSON

DESCRIPTION = """
Attest stores news **documents**, finds the **quotes** in them and who said them
(**speakers**, with every alias), and tracks **claims** linked to the exact passages
that support or contradict them.

Send an API key as `Authorization: Bearer KEY` (create one with `attest keys create NAME
--role editor`). Lists are paginated: pass the `next_cursor` of one page as `cursor`.
Errors are RFC 9457 `application/problem+json`.
"""

TAGS = [
    {"name": "documents", "description": "Articles, transcripts and press releases."},
    {"name": "quotes", "description": "Who said what, where, and how it was found."},
    {"name": "speakers", "description": "People and organisations with all their aliases."},
    {"name": "audit", "description": "Who changed what, and when (admins only)."},
    {"name": "claims", "description": "Claims with evidence anchored to the exact words."},
    {"name": "verify", "description": "Was it really said? Quotes checked against the archive."},
    {"name": "search", "description": "Full-text search with filters and highlighted snippets."},
    {"name": "system", "description": "Health and version."},
]

ROUTERS = [
    documents.router,
    quotes.router,
    speakers.router,
    claims.router,
    candidates.router,
    verify.router,
    search.router,
    audit.router,
    system.router,
]


def create_app() -> FastAPI:
    app = FastAPI(
        title="Attest",
        version=__version__,
        description=DESCRIPTION,
        openapi_tags=TAGS,
    )
    problems.install(app)
    for router in ROUTERS:
        app.include_router(router)
    app.add_middleware(StorableText)
    app.add_middleware(BodySizeLimit, max_bytes=get_settings().max_body_bytes)
    _document_problems_as_problem_json(app)
    return app


def _document_problems_as_problem_json(app: FastAPI) -> None:
    """Problems are served as application/problem+json, but FastAPI documents a response's model
    under application/json: move each problem response's schema to where it is served."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            spec = build()  # kept as app.openapi_schema
            for operations in spec["paths"].values():
                for operation in operations.values():
                    for response in operation.get("responses", {}).values():
                        content = response.get("content", {})
                        if PROBLEM_JSON in content and "application/json" in content:
                            content[PROBLEM_JSON] = content.pop("application/json")
            return spec
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


app = create_app()
