"""The OpenAPI examples come from our sample documents in data/, as `attest ingest data/` stores
them (the article is document 1, the press-conference transcript document 2): every text they
quote is the sample's, at the offsets they give."""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

import pytest
from pydantic import BaseModel

from app.schemas import claims, documents, quotes, search, speakers, verify
from tests.conftest import ARTICLE, TRANSCRIPT, sample_payload

ARTICLE_TEXT: str = sample_payload(ARTICLE)["text"]
TRANSCRIPT_TEXT: str = sample_payload(TRANSCRIPT)["text"]
TEXTS = {1: ARTICLE_TEXT, 2: TRANSCRIPT_TEXT}


def examples(model: type[BaseModel]) -> list[dict[str, Any]]:
    extra = model.model_config.get("json_schema_extra")
    assert isinstance(extra, dict), f"{model.__name__} has no examples"
    found = extra["examples"]
    assert isinstance(found, list) and found
    return found


def _same_instant(a: str, b: str) -> bool:
    return datetime.fromisoformat(a) == datetime.fromisoformat(b)


def test_the_ingest_example_is_an_excerpt_of_the_sample_article() -> None:
    [example] = examples(documents.DocumentIn)
    payload = sample_payload(ARTICLE)
    for paragraph in example["text"].split("\n\n"):
        assert paragraph in ARTICLE_TEXT
    assert example["title"] == payload["title"]
    assert (example["publisher"], example["authors"]) == (payload["publisher"], payload["authors"])
    assert _same_instant(example["published_at"], payload["published_at"])


@pytest.mark.parametrize(
    "model", [documents.DocumentOut, documents.DocumentDetail, documents.IngestResult]
)
def test_the_document_examples_are_the_stored_sample_article(model: type[BaseModel]) -> None:
    [example] = examples(model)
    payload = sample_payload(ARTICLE)
    assert example["content_sha256"] == hashlib.sha256(ARTICLE_TEXT.encode()).hexdigest()
    assert example["length"] == len(ARTICLE_TEXT)
    assert (example["title"], example["kind"]) == (payload["title"], payload["kind"])
    assert _same_instant(example["published_at"], payload["published_at"])
    if "text" in example:
        assert ARTICLE_TEXT.startswith(example["text"].removesuffix(" …"))


def test_the_passage_and_search_examples_are_at_their_offsets() -> None:
    [passage] = examples(documents.PassageOut)
    assert ARTICLE_TEXT[passage["start"] : passage["end"]] == passage["text"]
    [hit] = examples(search.SearchHitOut)
    assert TEXTS[hit["document_id"]][hit["start"] : hit["end"]] == hit["text"]


def test_the_quote_examples_are_at_their_offsets() -> None:
    for quote in examples(quotes.QuoteOut):
        text = TEXTS[quote["document_id"]]
        pieces = [text[s["start"] : s["end"]] for s in quote["segments"]]
        assert " ".join(pieces) == quote["text"]
        assert (quote["start"], quote["end"]) == (
            quote["segments"][0]["start"],
            quote["segments"][-1]["end"],
        )
        mention = quote["speaker"]["mention"]
        assert text[mention["start"] : mention["end"]] == mention["text"]
        if quote["clause"]:
            clause = text[quote["clause"]["start"] : quote["clause"]["end"]]
            assert quote["text"] in clause


def test_the_speaker_examples_are_quoted_in_both_samples() -> None:
    for model in (speakers.SpeakerOut, speakers.SpeakerDetail):
        [speaker] = examples(model)
        surname = speaker["name"].split()[-1]
        assert surname in ARTICLE_TEXT and surname.upper() in TRANSCRIPT_TEXT


def test_the_claim_examples_name_words_of_the_samples() -> None:
    with_span = next(e for e in examples(claims.ClaimIn) if "from" in e)["from"]
    assert ARTICLE_TEXT[with_span["start"] : with_span["end"]].startswith("Calder Valley Water")
    located = next(e for e in examples(claims.EvidenceIn) if "exact" in e)
    assert TEXTS[located["document_id"]].count(located["exact"]) == 1
    [accept] = examples(claims.AcceptIn)
    [suggestion] = examples(claims.SuggestionOut)
    assert (accept["start"], accept["end"]) == (suggestion["start"], suggestion["end"])
    text = TEXTS[suggestion["document"]["id"]]
    assert text[suggestion["start"] : suggestion["end"]] == suggestion["text"]
    sentence = suggestion["sentence"]
    assert text[sentence["start"] : sentence["end"]] == sentence["text"]
    [candidate] = examples(claims.CandidateOut)
    assert ARTICLE_TEXT[candidate["start"] : candidate["end"]] == candidate["text"]


def test_the_evidence_example_is_anchored_in_the_transcript() -> None:
    [evidence] = examples(claims.EvidenceOut)
    text = TEXTS[evidence["document"]["id"]]
    start, end = evidence["start"], evidence["end"]
    assert text[start:end] == evidence["exact"]
    assert text[start - 32 : start] == evidence["prefix"]
    assert text[end : end + 32] == evidence["suffix"]


def test_the_verify_examples_are_checked_against_the_samples() -> None:
    assert verify.MISQUOTE not in ARTICLE_TEXT
    assert all(part.strip() in ARTICLE_TEXT for part in verify.SHORTENED.split("..."))
    assert verify.WRONG_SPEAKER in ARTICLE_TEXT
    [answer] = examples(verify.VerifyOut)
    for match in answer["matches"]:
        assert TEXTS[match["document_id"]][match["start"] : match["end"]] == match["source_text"]


def test_the_quote_and_speaker_examples_are_what_the_api_answers_for_the_samples(
    client: Any, editor: dict[str, str], article_payload: Any, transcript_payload: Any
) -> None:
    for payload in (article_payload, transcript_payload):  # as `attest ingest data/` orders them
        assert client.post("/documents", json=payload, headers=editor).status_code == 201
    for quote in examples(quotes.QuoteOut):
        assert client.get(f"/quotes/{quote['id']}", headers=editor).json() == quote
    [speaker] = examples(speakers.SpeakerDetail)
    assert client.get(f"/speakers/{speaker['id']}", headers=editor).json() == speaker
    cited = next(e for e in examples(claims.EvidenceIn) if "quote_id" in e)["quote_id"]
    turn = client.get(f"/quotes/{cited}", headers=editor).json()
    assert "38 per cent of capacity" in turn["text"]
