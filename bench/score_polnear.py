"""Score the quote engine on PolNeAR by the corpus's own labels.

Gold quotes are PolNeAR attributions whose content holds quotation marks; predictions are the
engine's quotes other than indirect speech and other than quotes nested inside another quote
(PolNeAR gives each word one label, so it marks only the outer one). A prediction left
unmatched that overlaps one of
PolNeAR's other attributions (a transcript turn, say) is out of this measure, not a false
positive. Each
side is compared as the set of letters and digits it covers, so quotation marks, spaces and a
split quote's cue in between count for nothing: a split quote is one gold attribution and must be
one prediction (its segments) to match at a high overlap. A pair overlaps by
|shared| / max(|gold|, |prediction|); matching is one-to-one, best overlap first.

The source is right when the prediction's mention overlaps the gold source span, or when the gold
source's words are a name or alias of the predicted speaker.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.extract.names import normalise_alias
from app.extract.pipeline import ExtractedQuote, Extraction, extract
from bench.polnear import Article, Attribution

LENIENT, STRICT = 0.3, 0.8
QUOTED_KINDS = frozenset({"direct", "partial", "question", "transcript"})


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    lenient: int = 0  # matched at 0.3 overlap
    strict: int = 0  # matched at 0.8 overlap
    sourced: int = 0  # lenient matches whose gold names a source
    source_right: int = 0
    no_speaker: int = 0  # lenient matches the engine gave no speaker
    wrong_sources: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("gold", "predicted", "lenient", "strict", "sourced", "source_right"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.no_speaker += other.no_speaker
        self.wrong_sources += other.wrong_sources

    def f1(self, matched: int) -> float:
        total = self.gold + self.predicted
        return 2 * matched / total if total else 0.0

    @property
    def source_accuracy(self) -> float:
        return self.source_right / self.sourced if self.sourced else 0.0


def letters(text: str, spans: list[tuple[int, int]]) -> frozenset[int]:
    return frozenset(i for s, e in spans for i in range(s, e) if text[i].isalnum())


def overlap(a: frozenset[int], b: frozenset[int]) -> float:
    return len(a & b) / max(len(a), len(b)) if a and b else 0.0


def quote_spans(quote: ExtractedQuote) -> list[tuple[int, int]]:
    """What a prediction covers: its segments, and for a partial quote the clause around it."""
    spans = [(s.start, s.end) for s in quote.segments]
    if quote.clause is not None:
        spans.append((quote.clause.start, quote.clause.end))
    return spans


def score_article(article: Article) -> Tally:
    text = article.text
    extraction = extract(text)
    golds = [a for a in article.attributions if article.is_quoted(a)]
    preds = [q for q in extraction.quotes if q.kind in QUOTED_KINDS and not _nested(q, extraction)]
    gold_sets = [letters(text, list(g.content)) for g in golds]
    pred_sets = [letters(text, quote_spans(p)) for p in preds]
    pairs = sorted(
        (
            (overlap(g, p), gi, pi)
            for gi, g in enumerate(gold_sets)
            for pi, p in enumerate(pred_sets)
            if not g.isdisjoint(p)
        ),
        reverse=True,
    )
    tally = Tally(gold=len(golds), predicted=len(preds))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for ratio, gi, pi in pairs:
        if ratio < LENIENT or gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        tally.lenient += 1
        tally.strict += ratio >= STRICT
        _score_source(tally, article, golds[gi], preds[pi], extraction)
    others = [letters(text, list(a.content)) for a in article.attributions if a not in golds]
    tally.predicted -= sum(
        1
        for pi, p in enumerate(pred_sets)
        if pi not in used_pred and any(overlap(o, p) >= LENIENT for o in others)
    )
    return tally


def _score_source(
    tally: Tally, article: Article, gold: Attribution, pred: ExtractedQuote, found: Extraction
) -> None:
    tally.no_speaker += pred.speaker is None
    if not gold.source:
        return
    tally.sourced += 1
    if _source_right(article, gold, pred, found):
        tally.source_right += 1
        return
    source = " ".join(article.text[s:e] for s, e in gold.source)
    tally.wrong_sources.append(
        f"{article.name[:40]}: got {pred.speaker!r} "
        f"({pred.mention.text if pred.mention else None!r}) want {source!r}: {pred.text[:60]!r}"
    )


def _source_right(
    article: Article, gold: Attribution, pred: ExtractedQuote, found: Extraction
) -> bool:
    mention = pred.mention
    if mention is not None and any(s < mention.end and mention.start < e for s, e in gold.source):
        return True
    if pred.speaker is None:
        return False
    wanted = normalise_alias(" ".join(article.text[s:e] for s, e in gold.source))
    speaker = next((s for s in found.speakers if s.name == pred.speaker), None)
    aliases = speaker.aliases if speaker is not None else (pred.speaker,)
    return any(normalise_alias(alias) == wanted for alias in aliases)


def _nested(quote: ExtractedQuote, found: Extraction) -> bool:
    """A quote inside another quote's words: PolNeAR gives each word one label, so it marks
    the outer quote only."""
    return any(
        other is not quote and other.start <= quote.start and quote.end <= other.end
        for other in found.quotes
        if other.kind in QUOTED_KINDS and (other.start, other.end) != (quote.start, quote.end)
    )


def score_articles(articles: list[Article]) -> Tally:
    total = Tally()
    for article in articles:
        total.add(score_article(article))
    return total
