"""Shared fixtures for the quote engine's tests: the seed and development corpora."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.extract.pipeline import ExtractedQuote, Extraction, extract

REPO = Path(__file__).resolve().parents[2]
SEEDS_GOLD = REPO.parent / "shared" / "corpus" / "gold" / "seeds.json"
DEV_DIR = REPO / "bench" / "corpus" / "dev"


def read_exact(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()


def corpus_paths() -> list[Path]:
    seeds = sorted((REPO.parent / "shared" / "corpus" / "seeds").glob("*.txt"))
    return seeds + sorted(DEV_DIR.glob("*.txt"))


def quote_containing(extraction: Extraction, fragment: str) -> ExtractedQuote:
    """The extracted quote whose text contains fragment (fails the test if there is none)."""
    found = [q for q in extraction.quotes if fragment in q.text]
    assert found, f"no quote containing {fragment!r}: {[q.text for q in extraction.quotes]}"
    return min(found, key=lambda q: len(q.text))


@pytest.fixture(scope="session")
def ft_text() -> str:
    path = REPO.parent / "shared" / "corpus" / "seeds" / "ft-nato-middle-east.txt"
    if not path.exists():
        pytest.skip("seed corpus not available")
    return read_exact(path)


@pytest.fixture(scope="session")
def ft(ft_text: str) -> Extraction:
    return extract(ft_text)


@pytest.fixture(scope="session")
def nato_transcript() -> Extraction:
    path = REPO.parent / "shared" / "corpus" / "seeds" / "nato-addresses-middle-east-tensions.txt"
    if not path.exists():
        pytest.skip("seed corpus not available")
    return extract(read_exact(path))
