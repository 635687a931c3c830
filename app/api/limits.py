"""ASGI middleware enforcing what a request may carry: a bounded body, and only storable text.

Both run before routing, so every route (including ones added later) is covered.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.problems import problem

# PostgreSQL text cannot hold NUL, and UTF-8 cannot encode a lone surrogate (JSON can write one).
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
JSON_BODY_METHODS = {"POST", "PUT", "PATCH"}


class BodyTooLarge(Exception):
    pass


class BodySizeLimit:
    """Checks Content-Length up front and counts streamed bytes, so no large body is buffered."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(scope, send)
            return
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                raise BodyTooLarge
            return message

        try:
            await self.app(scope, counting_receive, send)
        except BodyTooLarge:
            await self._refuse(scope, send)

    async def _refuse(self, scope: Scope, send: Send) -> None:
        body: dict[str, Any] = {
            "type": "about:blank",
            "title": "Content too large",
            "status": 413,
            "detail": f"Request bodies are limited to {self.max_bytes} bytes.",
            "instance": scope.get("path"),
        }
        payload = json.dumps(body).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/problem+json"),
                    (b"content-length", str(len(payload)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": payload})


class StorableText:
    """Refuses NUL, lone surrogates and non-UTF-8 bytes in the path, query or JSON body: 422.

    PostgreSQL would reject them deep inside a write; refusing them up front names the field.
    Bodies that are not valid JSON pass through untouched for FastAPI to report.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        fields = list(_unstorable_in_url(scope))
        if scope["method"] in JSON_BODY_METHODS and _is_json(scope):
            body = await _read_body(receive)
            fields += _unstorable_in_body(body)
            receive = _replay(body)
        if fields:
            await _refuse(fields, scope, receive, send)
            return
        await self.app(scope, receive, send)


def _is_json(scope: Scope) -> bool:
    content_type = dict(scope["headers"]).get(b"content-type", b"").decode("latin-1").lower()
    return "json" in content_type


async def _read_body(receive: Receive) -> bytes:
    chunks: list[bytes] = []
    while True:
        message = await receive()
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks)


def _replay(body: bytes) -> Receive:
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


def _unstorable_in_url(scope: Scope) -> Iterator[str]:
    if UNSTORABLE.search(scope["path"]):
        yield "path"
    query = scope["query_string"].decode("latin-1")
    for name, value in parse_qsl(query, keep_blank_values=True, errors="surrogateescape"):
        if UNSTORABLE.search(name) or UNSTORABLE.search(value):
            yield f"query.{UNSTORABLE.sub('?', name)}"


def _unstorable_in_body(body: bytes) -> list[str]:
    try:
        document = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError:
        return ["body"]
    except ValueError:  # malformed JSON: FastAPI reports where
        return []
    return list(_unstorable_in_json(document, ()))


def _unstorable_in_json(value: Any, path: tuple[str, ...]) -> Iterator[str]:
    if isinstance(value, str):
        if UNSTORABLE.search(value):
            yield ".".join(path) or "body"
    elif isinstance(value, dict):
        for key, item in value.items():
            name = UNSTORABLE.sub("?", key)
            if name != key:
                yield ".".join((*path, name))
            yield from _unstorable_in_json(item, (*path, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _unstorable_in_json(item, (*path, str(index)))


async def _refuse(fields: list[str], scope: Scope, receive: Receive, send: Send) -> None:
    message = "holds a NUL character, a lone surrogate or bytes that are not UTF-8"
    errors = [{"field": f, "message": message, "type": "unstorable_text"} for f in fields]
    detail = f"Invalid input in: {', '.join(sorted(set(fields)))}."
    response = problem(422, detail, Request(scope), "Validation failed", errors=errors)
    await response(scope, receive, send)
