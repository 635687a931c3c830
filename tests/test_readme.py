"""The README's Configuration table names every setting the app reads, and only those."""

from __future__ import annotations

import re

from pydantic import AliasChoices

from app.config import Settings
from tests.conftest import REPO


def _section(title: str) -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"^## {title}\n(.*?)(?=^## |\Z)", readme, re.S | re.M)
    assert match, f"README has no {title} section"
    return match.group(1)


def _documented_variables() -> set[str]:
    """Every `NAME` in the first column of the Configuration table."""
    names: set[str] = set()
    for line in _section("Configuration").splitlines():
        cells = line.split("|")
        if line.startswith("|") and len(cells) > 2:
            names.update(re.findall(r"`([A-Z][A-Z0-9_]+)`", cells[1]))
    return names


def _variables_read() -> set[str]:
    prefix = Settings.model_config.get("env_prefix", "")
    names = set()
    for name, field in Settings.model_fields.items():
        alias = field.validation_alias
        if isinstance(alias, AliasChoices):
            names.add(str(alias.choices[0]))  # the documented spelling; the others are aliases
        else:
            names.add(f"{prefix}{name}".upper())
    return names


def test_the_configuration_table_lists_every_setting():
    assert _documented_variables() == _variables_read()


def test_each_default_in_the_table_is_the_settings_default():
    table = _section("Configuration")
    defaults = {
        "ATTEST_POOL_SIZE": Settings.model_fields["pool_size"].default,
        "ATTEST_STATEMENT_TIMEOUT_MS": Settings.model_fields["statement_timeout_ms"].default,
        "ATTEST_MAX_BODY_BYTES": Settings.model_fields["max_body_bytes"].default,
        "ATTEST_ORGANISATION_NAME": Settings.model_fields["organisation_name"].default,
    }
    for variable, default in defaults.items():
        row = next(line for line in table.splitlines() if f"`{variable}`" in line)
        assert f"`{default}`" in row, row


def test_the_front_matter_example_ingests_as_documented(db, session, tmp_path):
    import yaml
    from sqlalchemy import select
    from typer.testing import CliRunner

    from app.cli import cli
    from app.models import Document

    [example] = re.findall(r"```text\n(---\n.*?)```", _section("Command line"), re.S)
    _, front_matter, body = example.split("---\n", 2)
    fields = yaml.safe_load(front_matter)
    (tmp_path / "story.txt").write_text(example, encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", "--jobs", "1", str(tmp_path / "story.txt")])
    assert result.exit_code == 0, result.output
    document = session.scalars(select(Document)).one()
    assert document.text == body
    assert (document.title, document.publisher, document.authors, document.url) == (
        fields["title"],
        fields["publisher"],
        [fields["author"]],
        fields["url"],
    )
    assert document.kind == fields["kind"]
    assert document.published_at == fields["published_at"]  # the same instant, zone and all
