"""The FastAPI application."""

from __future__ import annotations

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
    return app


app = create_app()
