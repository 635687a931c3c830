"""Files for `attest ingest`: a .txt file's metadata from a JSON sidecar (`story.json` beside
`story.txt`) or from front matter at its top, and a title that is never a credit line. Other
files are read by `app.services.sources`.

Front matter is YAML between two `---` lines at the very top of the file; it is not stored
with the text. The sidecar is a JSON object with the same fields and wins over front matter
field by field. Fields: title, publisher, author (or authors, a list), url, kind,
published_at (ISO 8601, with time and zone) and language.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from app.extract.boilerplate import is_boilerplate, is_separator
from app.schemas.documents import DocumentIn
from app.services import sources
from app.services.sources import Source

TITLE_MAX = 200  # a longer first line is a paragraph, not a headline
HEADLINE_WORDS = 14  # a full stop after more words than this ends a sentence of the story
# "---" alone on a line opens and closes front matter ("..." may close it, as in YAML).
_FRONT_MATTER = re.compile(
    r"\A\ufeff?---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M
)
# The block must open with a `field:`, or the text merely opens with a rule.
_FIELD = re.compile(r"\A\s*[A-Za-z_][\w-]*[ \t]*:")
_LEADING_BLANK_LINES = re.compile(r"\A(?:[ \t]*\r?\n)+")
_BYLINE = re.compile(r"^By\s+[A-Z][^.!?:]{0,80}$")  # "By Helen Warrell in Brussels"


def expand(paths: list[Path]) -> list[Path]:
    """The files to ingest, without the JSON sidecars of the .txt files among them."""
    files = sources.expand(paths)
    texts = {path.with_suffix("") for path in files if path.suffix.lower() == ".txt"}
    return [path for path in files if not (path.with_suffix("") in texts and _is_sidecar(path))]


def read_sources(path: Path) -> Iterator[Source]:
    if path.suffix.lower() == ".txt":
        yield _read_text(path)
    else:
        yield from sources.read_sources(path)


def _sidecar_of(path: Path) -> Path | None:
    sidecar = path.with_suffix(".json")
    return sidecar if sidecar.is_file() and _is_sidecar(sidecar) else None


def _is_sidecar(path: Path) -> bool:
    """A .json beside a .txt is its sidecar unless it holds documents itself (a list, or an
    object with a `text` or `html`); one that cannot be read is a sidecar, to be reported."""
    if path.suffix.lower() != ".json":
        return False
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return True
    return isinstance(data, dict) and not ({"text", "html"} & data.keys())


def _read_text(path: Path) -> Source:
    origin = str(path)
    try:
        with path.open(encoding="utf-8", newline="") as file:  # keep \r\n: offsets are exact
            content = file.read()
    except (OSError, UnicodeDecodeError) as error:
        return Source(origin, None, f"cannot read: {error}")
    try:
        metadata, text = _front_matter(content)
        sidecar = _sidecar_of(path)
        if sidecar is not None:
            metadata |= _sidecar_metadata(sidecar)
        metadata = _normalised(metadata)
    except ValueError as error:
        return Source(origin, None, str(error))
    if not metadata.get("title"):
        metadata["title"] = title_of_text(text) or path.stem.replace("-", " ")
    try:
        return Source(origin, DocumentIn.model_validate({**metadata, "text": text}))
    except ValidationError as error:
        reasons = "; ".join(
            f"{'.'.join(map(str, e['loc'])) or 'document'}: {e['msg']}" for e in error.errors()
        )
        return Source(origin, None, reasons)


def _front_matter(content: str) -> tuple[dict[str, Any], str]:
    """The front matter's fields and the text after it (the whole text when there is none)."""
    match = _FRONT_MATTER.match(content)
    if match is None or not _FIELD.match(match.group(1)):
        return {}, content
    try:
        fields = yaml.safe_load(match.group(1))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        problem = getattr(error, "problem", None) or "cannot be read"
        raise ValueError(
            f"front matter is not valid YAML: {problem}{where}; quote a value that holds ': '"
        ) from error
    if not isinstance(fields, dict):
        raise ValueError("front matter must be fields, one 'name: value' a line")
    return fields, _LEADING_BLANK_LINES.sub("", content[match.end() :])


def _sidecar_metadata(sidecar: Path) -> dict[str, Any]:
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ValueError(f"{sidecar.name}: cannot read: {error}") from error
    except ValueError as error:
        raise ValueError(f"{sidecar.name}: invalid JSON: {error}") from error
    if not isinstance(data, dict):
        raise ValueError(f"{sidecar.name}: a sidecar is one JSON object of fields")
    return data


def _normalised(metadata: dict[str, Any]) -> dict[str, Any]:
    """Fields as DocumentIn takes them: `author` as `authors`, empty fields left out."""
    metadata = {str(key): value for key, value in metadata.items() if value is not None}
    for body in ("text", "html"):
        if body in metadata:
            raise ValueError(f"metadata cannot give the {body}: it is the file's")
    if "author" in metadata:
        if "authors" in metadata:
            raise ValueError("give author or authors, not both")
        author = metadata.pop("author")
        metadata["authors"] = author if isinstance(author, list) else [author]
    for key in ("title", "publisher", "url", "kind", "language"):
        if isinstance(metadata.get(key), int | float):  # YAML reads `title: 1984` as a number
            metadata[key] = str(metadata[key])
    return metadata


def title_of_text(text: str) -> str | None:
    """The first line, unless it is a credit ("Via Financial Times", "Photo: …", "Reporting
    by …"), a byline or a separator (then the next): None when that line is a paragraph."""
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if is_boilerplate(line) or is_separator(line) or _BYLINE.match(line):
            continue
        return None if _paragraph(line) else line
    return None


def _paragraph(line: str) -> bool:
    """A long line, or a sentence of more words than a headline has: the story has begun."""
    return len(line) > TITLE_MAX or (line.endswith(".") and len(line.split()) > HEADLINE_WORDS)
