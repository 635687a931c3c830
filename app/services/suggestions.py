"""Suggested evidence: sentences anywhere in the database that may state a claim.

PostgreSQL full-text search (English stemming) gathers every sentence sharing any of the
claim's words through the GIN index; Python then re-ranks the best of them on:

- how much of the claim's wording they share, each word weighted by its rarity among all
  sentences, and the words of what the claim asserts (after "is", "has"...) weighted double:
  "are at 38 per cent of capacity" says more than "Calder Valley Water's reservoirs", which
  only names the topic;
- numbers: the same number agrees; a different number of the same thing conflicts;
- capitalised names in common;
- a fuzzy alignment of the claim on the sentence, which also picks the words to anchor.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz
from sqlalchemy import Row, cast, func, literal, select
from sqlalchemy.dialects.postgresql import TSQUERY
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from app.extract.checkworthy import assertion, entities, quantities, same_entity, words
from app.models import Document, Passage, text_index
from app.services import claims, evidence
from app.vocabulary import PassageKind

POOL = 200  # sentences fetched from the index before re-ranking
ASSERTION_WEIGHT = 2.0
TOPIC_ONLY_FACTOR = 0.5
NUMBER_AGREES = 0.15
NUMBER_CONFLICTS = 0.25
ENTITY_BONUS = 0.04
ENTITY_BONUS_MAX = 0.12
ALIGNMENT_WEIGHT = 0.15
RANK_WEIGHT = 0.05
MIN_ALIGNMENT = 60.0  # below this the whole sentence is the best anchor
REACH = 3  # words beyond the aligned span that may still extend it
_TOKEN = re.compile(r"\w[\w’'-]*")


@dataclass(frozen=True, slots=True)
class Terms:
    """The claim's lexemes, each with its weight (rarity, doubled for asserted words)."""

    weights: dict[str, float]
    asserted: frozenset[str]

    @property
    def total(self) -> float:
        return sum(self.weights.values())


@dataclass(frozen=True, slots=True)
class Sentence:
    passage_id: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A sentence that may state the claim, and its best-matching words (`start`..`end`)."""

    document: Document
    sentence: Sentence
    start: int
    end: int
    text: str
    score: float
    why: tuple[str, ...]


def suggest(session: Session, claim_id: int, limit: int = 10) -> list[Suggestion]:
    """The sentences most likely to state the claim, best first, excluding its evidence."""
    claim = claims.get_claim(session, claim_id)
    lexemes, asserted = _lexemes(session, claim.text)
    if not lexemes:
        return []
    query = _any_of(lexemes)
    terms = _weigh(session, lexemes, asserted, query)
    linked = evidence.evidence_spans(session, claim_id)
    scored = [
        _score(claim.text, terms, row)
        for row in _pool(session, query, _any_of(sorted(asserted)) if asserted else None)
        if not _overlaps(row.Passage, linked)
    ]
    scored.sort(key=lambda s: (-s.score, s.document.id, s.sentence.start))
    return scored[:limit]


def _lexemes(session: Session, text: str) -> tuple[list[str], frozenset[str]]:
    """The claim's stemmed content words, and those of what it asserts."""
    row = session.execute(
        select(
            func.tsvector_to_array(func.to_tsvector("english", text)),
            func.tsvector_to_array(func.to_tsvector("english", assertion(text))),
        )
    ).one()
    everything = _without_compounds(row[0])
    return everything, frozenset(row[1]) & set(everything)


def _without_compounds(lexemes: Iterable[str]) -> list[str]:
    """Drop '430-strong' when '430' and 'strong' are there too, not to count it twice."""
    present = set(lexemes)
    return sorted(
        lexeme
        for lexeme in present
        if "-" not in lexeme or not all(part in present for part in lexeme.split("-") if part)
    )


def _any_of(lexemes: list[str]) -> ColumnElement[Any]:
    """A tsquery matching any of the lexemes, taken as already stemmed."""
    quoted = " | ".join(
        "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'" for lexeme in lexemes
    )
    return cast(literal(quoted), TSQUERY)


def _matches(query: ColumnElement[Any]) -> ColumnElement[bool]:
    return text_index.matches(Passage, query)


def _weigh(
    session: Session, lexemes: list[str], asserted: frozenset[str], query: ColumnElement[Any]
) -> Terms:
    """Weight each lexeme by its inverse frequency among all sentences."""
    counts = session.execute(
        select(
            *(func.count().filter(_matches(_any_of([lexeme]))) for lexeme in lexemes),
        ).where(Passage.kind == PassageKind.sentence, _matches(query))
    ).one()
    sentences = (
        session.scalar(select(func.count()).where(Passage.kind == PassageKind.sentence)) or 1
    )
    weights = {
        lexeme: math.log(1 + sentences / (count or 1))
        * (ASSERTION_WEIGHT if lexeme in asserted else 1.0)
        for lexeme, count in zip(lexemes, counts, strict=True)
    }
    return Terms(weights, asserted)


def _pool(
    session: Session, query: ColumnElement[Any], asserting: ColumnElement[Any] | None = None
) -> list[Row]:
    """The best-ranked sentences sharing any of the claim's words.

    In a large archive the sentences that merely name the topic can fill the whole pool, so
    those sharing what the claim asserts are gathered separately and added.
    """
    rows = {row.Passage.id: row for row in _ranked(session, query, _matches(query))}
    if asserting is not None:
        for row in _ranked(session, query, _matches(asserting)):
            rows.setdefault(row.Passage.id, row)
    return list(rows.values())


def _ranked(
    session: Session, query: ColumnElement[Any], condition: ColumnElement[bool]
) -> list[Row]:
    rank = func.ts_rank_cd(Passage.tsv, query)
    lexemes = func.tsvector_to_array(Passage.tsv).label("lexemes")
    return list(
        session.execute(
            select(Passage, Document, lexemes, rank.label("rank"))
            .join(Document, Document.id == Passage.document_id)
            .where(Passage.kind == PassageKind.sentence, condition)
            .order_by(rank.desc(), Passage.id)
            .limit(POOL)
        ).all()
    )


def _overlaps(passage: Passage, spans: list[tuple[int, int, int]]) -> bool:
    return any(
        document_id == passage.document_id and start < passage.end and passage.start < end
        for document_id, start, end in spans
    )


def _score(claim: str, terms: Terms, row: Row) -> Suggestion:
    passage: Passage = row.Passage
    shared = [lexeme for lexeme in terms.weights if lexeme in set(row.lexemes)]
    score = sum(terms.weights[lexeme] for lexeme in shared) / terms.total
    why = [f"shares {len(shared)} of {len(terms.weights)} terms: {', '.join(shared)}"]
    if terms.asserted and not terms.asserted & set(shared):
        score *= TOPIC_ONLY_FACTOR
        why.append("names the topic but not what the claim says of it")
    bonus, reasons = _numbers(claim, passage.text)
    score += bonus
    why += reasons
    bonus, reasons = _entities(claim, passage.text)
    score += bonus
    why += reasons
    ratio, start, end = _align(claim, passage.text)
    score += ALIGNMENT_WEIGHT * ratio / 100 + RANK_WEIGHT * min(1.0, float(row.rank))
    why.append(f"closest wording ({ratio:.0f}% alike): “{passage.text[start:end]}”")
    return Suggestion(
        document=row.Document,
        sentence=Sentence(passage.id, passage.start, passage.end, passage.text),
        start=passage.start + start,
        end=passage.start + end,
        text=passage.text[start:end],
        score=round(score, 4),
        why=tuple(why),
    )


def _numbers(claim: str, sentence: str) -> tuple[float, list[str]]:
    """Agreeing numbers add to the score; a different count of the same thing takes away."""
    wanted, found = quantities(claim), quantities(sentence)
    if not wanted or not found:
        return 0.0, []
    agreeing = [q for q in wanted if any(q.value == f.value for f in found)]
    if agreeing:
        names = ", ".join(dict.fromkeys(q.text for q in agreeing))
        return NUMBER_AGREES, [f"numbers agree: {names}"]
    conflicts = [
        (q, f) for q in wanted for f in found if q.unit and q.unit == f.unit and q.value != f.value
    ]
    if conflicts:
        q, f = conflicts[0]
        return -NUMBER_CONFLICTS, [f"a different number of {q.unit}: “{f.text}”, not “{q.text}”"]
    return 0.0, []


def _entities(claim: str, sentence: str) -> tuple[float, list[str]]:
    mine, theirs = entities(claim), entities(sentence)
    shared = sorted(name for name in mine if any(same_entity(name, other) for other in theirs))
    if not shared:
        return 0.0, []
    return min(ENTITY_BONUS_MAX, ENTITY_BONUS * len(shared)), [
        f"names in common: {', '.join(shared)}"
    ]


def _align(claim: str, sentence: str) -> tuple[float, int, int]:
    """How alike the claim's wording is to its best-matching words in the sentence, and where."""
    alignment = fuzz.partial_ratio_alignment(claim.lower(), sentence.lower())
    if alignment is None or alignment.score < MIN_ALIGNMENT:
        score = alignment.score if alignment else 0.0
        return score, 0, len(sentence)
    start, end = _snap(sentence, alignment.dest_start, alignment.dest_end)
    return alignment.score, *_trim(sentence, start, end, words(claim))


def _trim(sentence: str, start: int, end: int, claim_words: list[str]) -> tuple[int, int]:
    """Fit the span to the words echoing the claim: trim the edges, reach nearby echoes."""
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(sentence)]
    echoing = [_echoes(sentence[s:e], claim_words) for s, e in tokens]
    inside = [i for i, (s, e) in enumerate(tokens) if start <= s and e <= end and echoing[i]]
    if not inside:
        return start, end
    first, last = inside[0], inside[-1]
    while nearby := [i for i in range(first - REACH, first) if i >= 0 and echoing[i]]:
        first = nearby[0]
    while nearby := [
        i for i in range(last + 1, last + 1 + REACH) if i < len(tokens) and echoing[i]
    ]:
        last = nearby[-1]
    return tokens[first][0], tokens[last][1]


def _echoes(word: str, claim_words: list[str]) -> bool:
    """The same word or, roughly, the same stem ('Iraqi' echoes 'Iraq')."""
    word = word.lower()
    for other in claim_words:
        prefix = min(5, len(word), len(other))
        if prefix >= 4 and word[:prefix] == other[:prefix]:
            return True
    return False


def _snap(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span to whole words and trim spaces and punctuation at its edges."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return (start, end) if end > start else (0, len(text))
