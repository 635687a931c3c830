"""ASGI middleware enforcing what a request may carry: a bounded body, and only storable text
in a JSON body of bounded depth.

Both run before routing (and before authentication), so every route, including ones added
later, is covered.
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
# No request body of this API nests deeper than 3 levels. A deeper one is refused before it is
# walked: Python's JSON parser raises RecursionError near 1,000 levels, and so would any
# recursive walk over a parsed document.
MAX_JSON_DEPTH = 32


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
    """Refuses NUL, lone surrogates and non-UTF-8 bytes in the path, query or JSON body, and
    JSON bodies nested deeper than MAX_JSON_DEPTH: 422.

    PostgreSQL would reject such text deep inside a write; refusing it up front names the field.
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
            receive = _replay(body)
            try:
                fields += _unstorable_in_body(body)
            except TooDeep:
                await _refuse_depth(scope, receive, send)
                return
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


class TooDeep(Exception):
    pass


def _unstorable_in_body(body: bytes) -> list[str]:
    try:
        document = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError:
        return ["body"]
    except RecursionError as error:  # nested far deeper than MAX_JSON_DEPTH
        raise TooDeep from error
    except ValueError:  # malformed JSON: FastAPI reports where
        return []
    return list(_unstorable_in_json(document))


def _unstorable_in_json(document: Any) -> Iterator[str]:
    """The paths of unstorable strings and keys in document order, walked without recursion;
    raises TooDeep when the document nests deeper than MAX_JSON_DEPTH."""
    # (value, its path, whether its key itself is unstorable), next to visit last.
    pending: list[tuple[Any, tuple[str, ...], bool]] = [(document, (), False)]
    while pending:
        value, path, bad_key = pending.pop()
        if isinstance(value, dict | list) and len(path) >= MAX_JSON_DEPTH:
            raise TooDeep  # the document itself is the first level
        if bad_key:
            yield ".".join(path)
        if isinstance(value, str):
            if UNSTORABLE.search(value):
                yield ".".join(path) or "body"
        elif isinstance(value, dict):
            named = [(UNSTORABLE.sub("?", key), key, item) for key, item in value.items()]
            pending.extend((item, (*path, name), name != key) for name, key, item in named[::-1])
        elif isinstance(value, list):
            items = [(item, (*path, str(i)), False) for i, item in enumerate(value)]
            pending.extend(items[::-1])


async def _refuse(fields: list[str], scope: Scope, receive: Receive, send: Send) -> None:
    message = "holds a NUL character, a lone surrogate or bytes that are not UTF-8"
    errors = [{"field": f, "message": message, "type": "unstorable_text"} for f in fields]
    detail = f"Invalid input in: {', '.join(sorted(set(fields)))}."
    response = problem(422, detail, Request(scope), "Validation failed", errors=errors)
    await response(scope, receive, send)


async def _refuse_depth(scope: Scope, receive: Receive, send: Send) -> None:
    message = f"nested deeper than {MAX_JSON_DEPTH} levels"
    errors = [{"field": "body", "message": message, "type": "json_too_deep"}]
    detail = f"The JSON body is nested deeper than {MAX_JSON_DEPTH} levels."
    response = problem(422, detail, Request(scope), "Validation failed", errors=errors)
    await response(scope, receive, send)
