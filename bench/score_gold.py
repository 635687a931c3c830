"""Score the quote engine against gold annotations (seeds, or the dev set with --gold).

Matching: a gold quote's span is found by locating its text in the document (each occurrence is
tried). A prediction matches a gold quote when the overlap covers at least 80% of the gold span
and the predicted start lies within 10 characters of the gold start; matching is one-to-one and
greedy. A match is attributed-correct when the predicted speaker, normalised, is the gold speaker
or one of its "accept" names ("unknown" accepts a null speaker).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from app.extract.names import normalise_alias  # noqa: E402
from app.extract.pipeline import ExtractedQuote, extract  # noqa: E402

MIN_COVER = 0.8
MAX_START_SHIFT = 10


@dataclass
class DocScore:
    document: str
    gold: int = 0
    predicted: int = 0
    span_matches: int = 0
    correct: int = 0
    kind_correct: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    wrong_speaker: list[str] = field(default_factory=list)
    wrong_kind: list[str] = field(default_factory=list)


def default_gold() -> Path:
    return REPO.parent / "shared" / "corpus" / "gold" / "seeds.json"


def gold_spans(text: str, quote_text: str) -> list[tuple[int, int]]:
    """Every place the gold text occurs in the document."""
    spans, position = [], text.find(quote_text)
    while position != -1:
        spans.append((position, position + len(quote_text)))
        position = text.find(quote_text, position + 1)
    return spans


def matches(pred: ExtractedQuote, span: tuple[int, int]) -> bool:
    start, end = span
    overlap = min(pred.end, end) - max(pred.start, start)
    return overlap >= MIN_COVER * (end - start) and abs(pred.start - start) <= MAX_START_SHIFT


def acceptable(gold: dict, speaker: str | None) -> bool:
    names = [gold["speaker"], *gold.get("accept", [])]
    if speaker is None:
        return any(n is None or normalise_alias(n) == "unknown" for n in names)
    wanted = normalise_alias(speaker)
    return any(n is not None and normalise_alias(n) == wanted for n in names)


def score_document(text: str, doc: dict, name: str) -> DocScore:
    predictions = list(extract(text).quotes)
    score = DocScore(name, gold=len(doc["quotes"]), predicted=len(predictions))
    used: set[int] = set()
    for gold in doc["quotes"]:
        hit = _first_match(predictions, used, gold_spans(text, gold["text"]))
        if hit is None:
            score.misses.append(f"[{gold['kind']}] {gold['speaker']}: {gold['text'][:80]}")
            continue
        used.add(hit)
        pred = predictions[hit]
        score.span_matches += 1
        score.kind_correct += pred.kind == gold["kind"]
        if pred.kind != gold["kind"]:
            score.wrong_kind.append(f"got {pred.kind} want {gold['kind']}: {gold['text'][:70]}")
        if acceptable(gold, pred.speaker):
            score.correct += 1
        else:
            score.wrong_speaker.append(
                f"got {pred.speaker!r} want {gold['speaker']!r}: {gold['text'][:70]}"
            )
    for index, pred in enumerate(predictions):
        if index in used:
            continue
        if _optional(text, doc, pred):
            score.predicted -= 1
            continue
        score.false_positives.append(f"[{pred.kind}] {pred.speaker}: {pred.text[:80]}")
    return score


def _first_match(
    predictions: list[ExtractedQuote], used: set[int], spans: list[tuple[int, int]]
) -> int | None:
    for span in spans:
        for index, pred in enumerate(predictions):
            if index not in used and matches(pred, span):
                return index
    return None


def _optional(text: str, doc: dict, pred: ExtractedQuote) -> bool:
    for gold in doc.get("optional_quotes", []):
        spans = gold_spans(text, gold["text"])
        if any(matches(pred, span) for span in spans) and (
            pred.speaker is None or acceptable(gold, pred.speaker)
        ):
            return True
    return False


def f1(correct: int, predicted: int, gold: int) -> tuple[float, float, float]:
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    total = precision + recall
    return precision, recall, (2 * precision * recall / total if total else 0.0)


@dataclass
class Summary:
    attributed_f1: float
    span_f1: float
    kind_accuracy: float
    documents: list[DocScore]


def score_gold(gold_path: Path, corpus: Path | None = None) -> Summary:
    """Load a gold file and score every document in it."""
    data = json.loads(gold_path.read_text(encoding="utf-8"))
    base = corpus if corpus is not None else _corpus_for(gold_path)
    documents = []
    for doc in data["documents"]:
        path = base / doc["document"]
        documents.append(score_document(_read(path), doc, doc["document"]))
    gold = sum(d.gold for d in documents)
    predicted = sum(d.predicted for d in documents)
    correct = sum(d.correct for d in documents)
    spans = sum(d.span_matches for d in documents)
    kinds = sum(d.kind_correct for d in documents)
    return Summary(
        f1(correct, predicted, gold)[2],
        f1(spans, predicted, gold)[2],
        kinds / spans if spans else 0.0,
        documents,
    )


def _read(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()


def _corpus_for(gold_path: Path) -> Path:
    """Seeds' gold lives in corpus/gold/ and names documents as 'seeds/x.txt'; dev gold sits
    beside its documents."""
    return gold_path.parent.parent if gold_path.parent.name == "gold" else gold_path.parent


def report(summary: Summary, title: str) -> None:
    print(f"== {title}")
    for doc in summary.documents:
        p, r, f = f1(doc.correct, doc.predicted, doc.gold)
        print(
            f"{doc.document:55} P={p:.2f} R={r:.2f} F1={f:.2f} "
            f"(gold {doc.gold}, pred {doc.predicted})"
        )
        for line in doc.misses:
            print(f"    MISS  {line}")
        for line in doc.wrong_speaker:
            print(f"    WRONG {line}")
        for line in doc.wrong_kind:
            print(f"    KIND  {line}")
        for line in doc.false_positives:
            print(f"    FP    {line}")
    print(
        f"attributed F1 {summary.attributed_f1:.3f}   span F1 {summary.span_f1:.3f}   "
        f"kind accuracy {summary.kind_accuracy:.3f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="corpus root (default ../shared/corpus)")
    parser.add_argument("--gold", type=Path, action="append", help="gold JSON (repeatable)")
    args = parser.parse_args(argv)
    corpus = args.corpus
    golds = args.gold or [
        (corpus / "gold" / "seeds.json") if corpus else default_gold(),
        REPO / "bench" / "corpus" / "dev" / "gold.json",
    ]
    for gold_path in golds:
        try:
            base = corpus if corpus and gold_path.parent.name == "gold" else None
            summary = score_gold(gold_path, base)
        except (OSError, ValueError, KeyError) as error:
            print(f"cannot load {gold_path}: {error}", file=sys.stderr)
            return 1
        report(summary, str(gold_path))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
