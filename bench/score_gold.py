"""Score the quote engine on every gold set, side by side.

Gold sets: the seeds, dev, dev2, held-out and holdout sets, and, when the PolNeAR corpus is given
(`--polnear PATH` or ATTEST_POLNEAR), PolNeAR dev by its own labels (bench/score_polnear.py) and
our canonical-speaker gold over PolNeAR articles (bench/corpus/polnear/canonical.json: offsets
and speaker names only; the article texts are read from the corpus).

Matching: a gold quote's span is given as offsets, or found by locating its text in the document
(each occurrence is tried). Gold sets list a split quote's pieces one by one, so each segment of
a predicted quote is matched on its own. A prediction matches a gold quote when the overlap
covers at least 80% of the gold span and the predicted start lies within 10 characters of the
gold start; matching is one-to-one and greedy. A match is attributed-correct when the predicted
speaker, normalised, is the gold speaker or one of its "accept" names ("unknown" accepts a null
speaker).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from app.extract.names import normalise_alias  # noqa: E402
from app.extract.pipeline import ExtractedQuote, extract  # noqa: E402
from bench import polnear  # noqa: E402
from bench.score_polnear import score_articles  # noqa: E402

CANONICAL_GOLD = REPO / "bench" / "corpus" / "polnear" / "canonical.json"
# Our own sample transcripts, one per published format (issue 16), scored per format too.
TRANSCRIPT_GOLD = REPO / "tests" / "extract" / "transcripts" / "gold.json"

MIN_COVER = 0.8
MAX_START_SHIFT = 10


@dataclass
class DocScore:
    document: str
    gold: int = 0
    predicted: int = 0
    span_matches: int = 0
    no_speaker: int = 0  # matched quotes the engine gave no speaker
    correct: int = 0
    kind_correct: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    wrong_speaker: list[str] = field(default_factory=list)
    wrong_kind: list[str] = field(default_factory=list)


def default_gold() -> Path:
    return REPO.parent / "shared" / "corpus" / "gold" / "seeds.json"


def gold_spans(text: str, gold: dict) -> list[tuple[int, int]]:
    """Where the gold quote is: its offsets, else every place its text occurs."""
    if "start" in gold:
        return [(gold["start"], gold["end"])]
    quote_text = gold["text"]
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


def pieces(quote: ExtractedQuote) -> list[ExtractedQuote]:
    """A quote as the gold sets list it: one entry for each segment of a split quote."""
    if len(quote.segments) == 1:
        return [quote]
    return [replace(quote, start=s.start, end=s.end) for s in quote.segments]


def score_document(text: str, doc: dict, name: str) -> DocScore:
    predictions = [piece for quote in extract(text).quotes for piece in pieces(quote)]
    score = DocScore(name, gold=len(doc["quotes"]), predicted=len(predictions))
    used: set[int] = set()
    for gold in doc["quotes"]:
        spans = gold_spans(text, gold)
        shown = text[spans[0][0] : spans[0][1]] if spans else gold.get("text", "")
        hit = _first_match(predictions, used, spans)
        if hit is None:
            score.misses.append(f"[{gold['kind']}] {gold['speaker']}: {shown[:80]}")
            continue
        used.add(hit)
        pred = predictions[hit]
        score.span_matches += 1
        score.no_speaker += pred.speaker is None
        score.kind_correct += pred.kind == gold["kind"]
        if pred.kind != gold["kind"]:
            score.wrong_kind.append(f"got {pred.kind} want {gold['kind']}: {shown[:70]}")
        if acceptable(gold, pred.speaker):
            score.correct += 1
        else:
            score.wrong_speaker.append(
                f"got {pred.speaker!r} want {gold['speaker']!r}: {shown[:70]}"
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
        spans = gold_spans(text, gold)
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

    @property
    def no_speaker(self) -> int:
        return sum(d.no_speaker for d in self.documents)

    @property
    def matched(self) -> int:
        return sum(d.span_matches for d in self.documents)


def score_gold(
    gold_path: Path, corpus: Path | None = None, texts: dict[str, str] | None = None
) -> Summary:
    """Load a gold file and score every document in it: documents named by "document" are
    files beside the gold (or under corpus); those named by "article" are looked up in texts."""
    data = json.loads(gold_path.read_text(encoding="utf-8"))
    base = corpus if corpus is not None else _corpus_for(gold_path)
    documents = []
    for doc in data["documents"]:
        name = doc.get("document") or doc["article"]
        text = texts[name] if "article" in doc and texts is not None else _read(base / name)
        documents.append(score_document(text, doc, name))
    return summarise(documents)


def summarise(documents: list[DocScore]) -> Summary:
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


def gold_sets(corpus: Path | None) -> list[tuple[str, Path]]:
    seeds = (corpus / "gold" / "seeds.json") if corpus else default_gold()
    sets = [("seeds", seeds)]
    sets += [(name, REPO / "bench" / "corpus" / name / "gold.json") for name in _OUR_SETS]
    sets.append(("transcripts", TRANSCRIPT_GOLD))
    return sets


_OUR_SETS = ("dev", "dev2", "heldout", "holdout")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="corpus root (default ../shared/corpus)")
    parser.add_argument("--gold", type=Path, action="append", help="only these gold files")
    parser.add_argument("--polnear", type=Path, help="PolNeAR git directory or checkout")
    parser.add_argument("--verbose", action="store_true", help="every miss and wrong speaker")
    args = parser.parse_args(argv)
    sets = [(str(p), p) for p in args.gold] if args.gold else gold_sets(args.corpus)
    where = polnear.location(args.polnear)
    rows: list[tuple[str, Summary]] = []
    try:
        corpus = polnear.Corpus(where) if where is not None else None
        for title, gold_path in sets:
            base = args.corpus if args.corpus and gold_path.parent.name == "gold" else None
            rows.append((title, score_gold(gold_path, base)))
        dev = corpus.articles("dev") if corpus is not None else []
        if corpus is not None and not args.gold and CANONICAL_GOLD.is_file():
            texts = {a.key: a.text for a in dev + corpus.articles("train")}
            rows.append(("polnear canonical", score_gold(CANONICAL_GOLD, texts=texts)))
    except (OSError, ValueError, KeyError) as error:
        print(f"cannot load a gold set: {error}", file=sys.stderr)
        return 1
    if args.verbose:
        for title, summary in rows:
            report(summary, title)
    print_table(rows)
    for title, summary in rows:
        if title == "transcripts":
            print_per_document(summary)
    if dev and not args.gold:
        print_polnear_labels(dev)
    elif where is None:
        print("(PolNeAR not given: --polnear PATH or ATTEST_POLNEAR adds its dev split)")
    return 0


def print_table(rows: list[tuple[str, Summary]]) -> None:
    print(
        f"{'gold set':20} {'docs':>5} {'quotes':>7} {'attributed F1':>14} {'span F1':>8} "
        f"{'no speaker':>11}"
    )
    for title, summary in rows:
        quotes = sum(d.gold for d in summary.documents)
        share = summary.no_speaker / summary.matched if summary.matched else 0.0
        print(
            f"{title:20} {len(summary.documents):5} {quotes:7} {summary.attributed_f1:14.3f} "
            f"{summary.span_f1:8.3f} {summary.no_speaker:5} ({share:4.1%})"
        )


def print_per_document(summary: Summary) -> None:
    """Attributed F1 of each document of a set, e.g. each transcript format."""
    cells = [
        f"{Path(d.document).stem} {f1(d.correct, d.predicted, d.gold)[2]:.2f}"
        for d in summary.documents
    ]
    print("  per format: " + ", ".join(cells))


def print_polnear_labels(dev: list[polnear.Article]) -> None:
    tally = score_articles(dev)
    share = tally.no_speaker / tally.lenient if tally.lenient else 0.0
    print(
        f"PolNeAR dev by its own labels ({len(dev)} articles, {tally.gold} quoted "
        f"attributions): quote F1 {tally.f1(tally.lenient):.3f} at 0.3 overlap, "
        f"{tally.f1(tally.strict):.3f} at 0.8; source right {tally.source_accuracy:.3f}; "
        f"found without a speaker {tally.no_speaker} ({share:.1%})"
    )


if __name__ == "__main__":
    raise SystemExit(main())
