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
from tests.conftest import FT, NATO, seed_text

METADATA = {
    "title": "Nato chief warns alliance unlikely to deploy extra combat troops to Middle East",
    "publisher": "Financial Times",
    "author": "Helen Warrell",
    "url": "https://www.ft.com/content/nato-middle-east",
    "kind": "article",
    "published_at": "2020-01-09T08:30:00+01:00",
}
FRONT_MATTER = """---
title: "Nato chief warns alliance unlikely to deploy extra combat troops to Middle East"
publisher: Financial Times
author: Helen Warrell
url: https://www.ft.com/content/nato-middle-east
kind: article
published_at: 2020-01-09T08:30:00+01:00
---
"""


def _ingest(*paths: object) -> object:
    return CliRunner().invoke(cli, ["ingest", "--jobs", "1", *map(str, paths)])


def _only_document(session) -> Document:
    return session.scalars(select(Document)).one()


def _has_the_metadata(document: Document) -> None:
    assert document.title == METADATA["title"]
    assert document.publisher == "Financial Times"
    assert document.authors == ["Helen Warrell"]
    assert document.url == METADATA["url"]
    assert document.kind == "article"
    assert document.published_at == datetime(2020, 1, 9, 7, 30, tzinfo=UTC)  # time and zone kept


def test_a_json_sidecar_gives_the_metadata_and_is_not_a_document(db, session, tmp_path):
    (tmp_path / "story.txt").write_text(seed_text(FT), encoding="utf-8")
    (tmp_path / "story.json").write_text(json.dumps(METADATA), encoding="utf-8")
    result = _ingest(tmp_path)
    assert result.exit_code == 0, result.output
    assert "1 stored, 0 already there, 0 failed" in result.output
    document = _only_document(session)
    _has_the_metadata(document)
    assert document.text == seed_text(FT)


def test_a_sidecar_is_read_when_the_text_file_is_named_alone(db, session, tmp_path):
    (tmp_path / "story.txt").write_text(seed_text(FT), encoding="utf-8")
    (tmp_path / "story.json").write_text(json.dumps(METADATA), encoding="utf-8")
    assert _ingest(tmp_path / "story.txt").exit_code == 0
    _has_the_metadata(_only_document(session))


def test_front_matter_gives_the_metadata_and_is_not_stored(db, session, tmp_path):
    (tmp_path / "story.txt").write_text(FRONT_MATTER + seed_text(FT), encoding="utf-8")
    result = _ingest(tmp_path / "story.txt")
    assert result.exit_code == 0, result.output
    document = _only_document(session)
    _has_the_metadata(document)
    assert document.text == seed_text(FT)
    assert "---" not in document.text and "publisher:" not in document.text


def test_front_matter_with_windows_line_ends(db, session, tmp_path):
    text = (FRONT_MATTER + seed_text(NATO)).replace("\n", "\r\n")
    (tmp_path / "story.txt").write_bytes(text.encode())
    assert _ingest(tmp_path / "story.txt").exit_code == 0
    document = _only_document(session)
    assert document.publisher == "Financial Times"
    assert document.text == seed_text(NATO).replace("\n", "\r\n")


def test_the_sidecar_wins_over_front_matter_field_by_field(db, session, tmp_path):
    (tmp_path / "story.txt").write_text(FRONT_MATTER + seed_text(FT), encoding="utf-8")
    (tmp_path / "story.json").write_text(json.dumps({"publisher": "FT"}), encoding="utf-8")
    assert _ingest(tmp_path).exit_code == 0
    document = _only_document(session)
    assert document.publisher == "FT"
    assert document.title == METADATA["title"]


@pytest.mark.parametrize(
    "credit",
    [
        "Via Financial Times",
        "Photo: Getty Images",
        "Photograph: Leon Neal/AFP",
        "Reporting by Robin Emmott; Editing by Alex Richardson",
        "Additional reporting by Sabine Siebold",
        "(Picture source: NATO)",
        "By Helen Warrell",
        "***",
    ],
)
def test_a_credit_line_is_never_the_title(db, session, tmp_path, credit):
    headline = "Nato chief warns alliance unlikely to deploy extra combat troops"
    path = tmp_path / "nato-chief-warns.txt"
    path.write_text(f"{credit}\n\n{headline}\n\n{seed_text(FT)}", encoding="utf-8")
    assert _ingest(path).exit_code == 0
    assert _only_document(session).title == headline


def test_a_story_with_only_a_credit_and_paragraphs_is_titled_after_its_file(db, session):
    from tests.conftest import SEEDS

    assert seed_text(FT).startswith("Via Financial Times")
    assert _ingest(SEEDS / FT).exit_code == 0
    assert _only_document(session).title == "ft nato middle east"


def test_a_text_opening_with_a_rule_is_not_front_matter(db, session, tmp_path):
    text = "---\nNato chief warns of a clash\n---\n\n" + seed_text(NATO)
    (tmp_path / "story.txt").write_text(text, encoding="utf-8")
    assert _ingest(tmp_path / "story.txt").exit_code == 0
    document = _only_document(session)
    assert document.text == text
    assert document.title == "Nato chief warns of a clash"


@pytest.mark.parametrize(
    ("sidecar", "front_matter", "problem"),
    [
        ("{not json", "", "story.json: invalid JSON"),
        (json.dumps({"publisher": "FT", "byline": "x"}), "", "byline"),
        (json.dumps({"kind": "poem"}), "", "kind"),
        (json.dumps({"text": "other words"}) + "x", "", "story.json: invalid JSON"),
        (None, "---\ntitle: Nato: the chief warns\n---\n", "front matter"),
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
    (tmp_path / "story.txt").write_text(front_matter + seed_text(NATO), encoding="utf-8")
    if sidecar is not None:
        (tmp_path / "story.json").write_text(sidecar, encoding="utf-8")
    (tmp_path / "other.txt").write_text(seed_text(FT), encoding="utf-8")
    result = _ingest(tmp_path)
    assert result.exit_code == 1
    assert "1 stored, 0 already there, 1 failed" in result.output
    [line] = [line for line in result.output.splitlines() if "story" in line]
    assert "story.txt" in line and problem in line
    assert session.scalar(select(func.count()).select_from(Document)) == 1


def test_a_json_document_beside_a_text_of_the_same_name_is_still_a_document(
    db, session, tmp_path
):
    (tmp_path / "story.txt").write_text(seed_text(NATO), encoding="utf-8")
    (tmp_path / "story.json").write_text(
        json.dumps({"title": "Another", "text": seed_text(FT)}), encoding="utf-8"
    )
    result = _ingest(tmp_path)
    assert result.exit_code == 0, result.output
    assert "2 stored" in result.output
