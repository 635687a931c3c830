"""The `attest extract` command and the seed quality gate."""

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from app.cli.extract import extract as extract_command
from bench.score_gold import score_gold
from tests.extract.conftest import DEV_DIR, SEEDS_GOLD

app = typer.Typer()
app.command()(extract_command)
runner = CliRunner()


def test_cli_json_shape(tmp_path):
    doc = tmp_path / "story.txt"
    doc.write_text("“We will win,” said Ana Lopez.\n", encoding="utf-8")
    result = runner.invoke(app, [str(doc), "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    document = payload["documents"][0]
    assert document["document"] == str(doc)
    quote = document["quotes"][0]
    assert {"text", "start", "end", "kind", "cue", "speaker", "confidence"} <= set(quote)
    assert quote["speaker"]["name"] == "Ana Lopez"
    assert quote["speaker"]["mention"] == {"text": "Ana Lopez", "start": 20, "end": 29}
    assert document["speakers"][0]["name"] == "Ana Lopez"


def test_cli_offsets_index_the_file_as_read_with_crlf(tmp_path):
    doc = tmp_path / "crlf.txt"
    doc.write_bytes("Intro.\r\n\r\n“We will win,” said Ana Lopez.\r\n".encode())
    quote = json.loads(runner.invoke(app, [str(doc), "--json"]).output)["documents"][0]["quotes"][0]
    raw = doc.read_bytes().decode("utf-8")
    assert raw[quote["start"] : quote["end"]] == "We will win,"


def test_cli_missing_file_exits_2_without_traceback(tmp_path):
    result = runner.invoke(app, [str(tmp_path / "missing.txt")])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_cli_table_output_names_the_speaker(tmp_path):
    doc = tmp_path / "story.txt"
    doc.write_text("“We will win,” said Ana Lopez.\n", encoding="utf-8")
    result = runner.invoke(app, [str(doc)])
    assert result.exit_code == 0
    assert "Ana Lopez" in result.output


@pytest.mark.skipif(not SEEDS_GOLD.exists(), reason="seed corpus not available")
def test_seed_gold_attributed_f1_is_at_least_090():
    assert score_gold(SEEDS_GOLD).attributed_f1 >= 0.90


def test_dev_set_attributed_f1_is_at_least_080():
    assert score_gold(DEV_DIR / "gold.json").attributed_f1 >= 0.80
