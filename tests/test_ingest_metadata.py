"""`attest ingest` of .txt files: metadata from a JSON sidecar or from front matter, and a title
that is never a credit line."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from app.cli import cli
from app.models import Document

# Texts of our own: a story that opens with a credit line and a lede, and a short statement.
STORY = (
    "Via The Harbour Gazette\n\n"
    "The harbour board has voted to close the old ferry pier from March, ending a crossing that "
    "has run for more than a century and leaving island commuters with a forty-minute detour.\n\n"
    "“We cannot keep patching a structure that is falling into the sea,” said Mara Quinlan, who "
    "chairs the board. The vote was seven to two.\n\n"
    "Opponents said the board had ignored a survey that found the pier could be repaired for "
    "half the cost of a new one.\n"
)
STATEMENT = (
    "The ferry company said it would run a replacement bus from the north quay.\n\n"
    "“Nobody will be left without a way across,” its director, Tom Avery, said.\n"
)
METADATA = {
    "title": "Harbour board votes to close the old ferry pier",
    "publisher": "The Harbour Gazette",
    "author": "Lena Brooks",
    "url": "https://harbourgazette.example/ferry-pier",
    "kind": "article",
    "published_at": "2024-02-09T08:30:00+01:00",
}
FRONT_MATTER = """---
title: "Harbour board votes to close the old ferry pier"
publisher: The Harbour Gazette
author: Lena Brooks
url: https://harbourgazette.example/ferry-pier
kind: article
published_at: 2024-02-09T08:30:00+01:00
---
"""


def _ingest(*paths: object) -> object:
    return CliRunner().invoke(cli, ["ingest", "--jobs", "1", *map(str, paths)])


def _only_document(session) -> Document:
    return session.scalars(select(Document)).one()


def _has_the_metadata(document: Document) -> None:
    assert document.title == METADATA["title"]
    assert document.publisher == "The Harbour Gazette"
    assert document.authors == ["Lena Brooks"]
    assert document.url == METADATA["url"]
    assert document.kind == "article"
    assert document.published_at == datetime(2024, 2, 9, 7, 30, tzinfo=UTC)  # time and zone kept


def test_a_json_sidecar_gives_the_metadata_and_is_not_a_document(db, session, tmp_path):
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "story.json").write_text(json.dumps(METADATA), encoding="utf-8")
    result = _ingest(tmp_path)
    assert result.exit_code == 0, result.output
    assert "1 stored, 0 already there, 0 failed" in result.output
    document = _only_document(session)
    _has_the_metadata(document)
    assert document.text == STORY


def test_a_sidecar_is_read_when_the_text_file_is_named_alone(db, session, tmp_path):
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "story.json").write_text(json.dumps(METADATA), encoding="utf-8")
    assert _ingest(tmp_path / "story.txt").exit_code == 0
    _has_the_metadata(_only_document(session))


def test_front_matter_gives_the_metadata_and_is_not_stored(db, session, tmp_path):
    (tmp_path / "story.txt").write_text(FRONT_MATTER + STORY, encoding="utf-8")
    result = _ingest(tmp_path / "story.txt")
    assert result.exit_code == 0, result.output
    document = _only_document(session)
    _has_the_metadata(document)
    assert document.text == STORY
    assert "---" not in document.text and "publisher:" not in document.text


def test_front_matter_with_windows_line_ends(db, session, tmp_path):
    text = (FRONT_MATTER + STATEMENT).replace("\n", "\r\n")
    (tmp_path / "story.txt").write_bytes(text.encode())
    assert _ingest(tmp_path / "story.txt").exit_code == 0
    document = _only_document(session)
    assert document.publisher == "The Harbour Gazette"
    assert document.text == STATEMENT.replace("\n", "\r\n")


def test_the_sidecar_wins_over_front_matter_field_by_field(db, session, tmp_path):
    (tmp_path / "story.txt").write_text(FRONT_MATTER + STORY, encoding="utf-8")
    (tmp_path / "story.json").write_text(json.dumps({"publisher": "Gazette"}), encoding="utf-8")
    assert _ingest(tmp_path).exit_code == 0
    document = _only_document(session)
    assert document.publisher == "Gazette"
    assert document.title == METADATA["title"]


@pytest.mark.parametrize(
    "credit",
    [
        "Via The Harbour Gazette",
        "Photo: Getty Images",
        "Photograph: Leon Neal/AFP",
        "Reporting by Robin Emmott; Editing by Alex Richardson",
        "Additional reporting by Sabine Siebold",
        "(Picture source: Harbour Board)",
        "By Lena Brooks",
        "***",
    ],
)
def test_a_credit_line_is_never_the_title(db, session, tmp_path, credit):
    headline = "Harbour board votes to close the old ferry pier"
    path = tmp_path / "ferry-pier.txt"
    path.write_text(f"{credit}\n\n{headline}\n\n{STORY}", encoding="utf-8")
    assert _ingest(path).exit_code == 0
    assert _only_document(session).title == headline


def test_a_story_with_only_a_credit_and_paragraphs_is_titled_after_its_file(db, session, tmp_path):
    (tmp_path / "ferry-pier-vote.txt").write_text(STORY, encoding="utf-8")
    assert _ingest(tmp_path / "ferry-pier-vote.txt").exit_code == 0
    assert _only_document(session).title == "ferry pier vote"


def test_a_text_opening_with_a_rule_is_not_front_matter(db, session, tmp_path):
    text = "---\nFerry company promises a bus\n---\n\n" + STATEMENT
    (tmp_path / "story.txt").write_text(text, encoding="utf-8")
    assert _ingest(tmp_path / "story.txt").exit_code == 0
    document = _only_document(session)
    assert document.text == text
    assert document.title == "Ferry company promises a bus"


@pytest.mark.parametrize(
    ("sidecar", "front_matter", "problem"),
    [
        ("{not json", "", "story.json: invalid JSON"),
        (json.dumps({"publisher": "Gazette", "byline": "x"}), "", "byline"),
        (json.dumps({"kind": "poem"}), "", "kind"),
        (json.dumps({"text": "other words"}) + "x", "", "story.json: invalid JSON"),
        (None, "---\ntitle: Ferry: the last crossing\n---\n", "front matter"),
        (None, "---\npublished_at: last Tuesday\n---\n", "published_at"),
    ],
    ids=[
        "bad json",
        "unknown field",
        "bad kind",
        "broken document",
        "bad yaml",
        "bad date",
    ],
)
def test_bad_metadata_is_reported_and_the_file_not_stored(
    db, session, tmp_path, sidecar, front_matter, problem
):
    (tmp_path / "story.txt").write_text(front_matter + STATEMENT, encoding="utf-8")
    if sidecar is not None:
        (tmp_path / "story.json").write_text(sidecar, encoding="utf-8")
    (tmp_path / "other.txt").write_text(STORY, encoding="utf-8")
    result = _ingest(tmp_path)
    assert result.exit_code == 1
    assert "1 stored, 0 already there, 1 failed" in result.output
    [line] = [line for line in result.output.splitlines() if "story" in line]
    assert "story.txt" in line and problem in line
    assert session.scalar(select(func.count()).select_from(Document)) == 1


def test_a_json_document_beside_a_text_of_the_same_name_is_still_a_document(db, session, tmp_path):
    (tmp_path / "story.txt").write_text(STATEMENT, encoding="utf-8")
    (tmp_path / "story.json").write_text(
        json.dumps({"title": "Another", "text": STORY}), encoding="utf-8"
    )
    result = _ingest(tmp_path)
    assert result.exit_code == 0, result.output
    assert "2 stored" in result.output
