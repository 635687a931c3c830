"""Reading documents to ingest from files: .txt, .html, .json (one or a list) and .jsonl."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from app.schemas.documents import DocumentIn

SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl")


@dataclass(frozen=True)
class Source:
    """One document read from a file, or the reason it could not be read."""

    origin: str
    payload: DocumentIn | None
    error: str | None = None


def expand(paths: list[Path]) -> list[Path]:
    """Files named, and the supported files inside folders named, in a stable order."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES))
        else:
            files.append(path)
    return files


def read_sources(path: Path) -> Iterator[Source]:
    try:
        with path.open(encoding="utf-8", newline="") as file:  # keep \r\n: offsets are exact
            content = file.read()
    except (OSError, UnicodeDecodeError) as error:
        yield Source(str(path), None, f"cannot read: {error}")
        return
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        for number, line in enumerate(content.splitlines(), 1):
            if line.strip():
                yield _from_json(f"{path}:{number}", line, path)
    elif suffix == ".json":
        yield from _from_json_document(path, content)
    elif suffix in (".html", ".htm"):
        yield _validated(str(path), {"title": path.stem.replace("-", " "), "html": content})
    else:
        yield _validated(str(path), {"title": _title_of_text(content, path), "text": content})


def _from_json_document(path: Path, content: str) -> Iterator[Source]:
    try:
        data = json.loads(content)
    except json.JSONDecodeError as error:
        yield Source(str(path), None, f"invalid JSON: {error}")
        return
    items = data if isinstance(data, list) else [data]
    for index, item in enumerate(items):
        origin = f"{path}[{index}]" if isinstance(data, list) else str(path)
        yield _validated(origin, item, path)


def _from_json(origin: str, line: str, path: Path) -> Source:
    try:
        return _validated(origin, json.loads(line), path)
    except json.JSONDecodeError as error:
        return Source(origin, None, f"invalid JSON: {error}")


def _validated(origin: str, data: object, path: Path | None = None) -> Source:
    if isinstance(data, dict) and "title" not in data and path is not None:
        data = {**data, "title": path.stem.replace("-", " ")}
    try:
        return Source(origin, DocumentIn.model_validate(data))
    except ValidationError as error:
        reasons = "; ".join(
            f"{'.'.join(map(str, e['loc'])) or 'document'}: {e['msg']}" for e in error.errors()
        )
        return Source(origin, None, reasons)


def _title_of_text(content: str, path: Path) -> str:
    first_line = next((line.strip() for line in content.splitlines() if line.strip()), "")
    return first_line[:200] if 0 < len(first_line) <= 200 else path.stem.replace("-", " ")
