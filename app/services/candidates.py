"""Claim candidates: the sentences of a document most worth checking, best first."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.extract.checkworthy import assess
from app.models import Passage, Quote
from app.services.documents import require_document
from app.vocabulary import PassageKind, QuoteStatus


@dataclass(frozen=True, slots=True)
class Candidate:
    passage_id: int
    start: int
    end: int
    text: str
    score: float
    reasons: tuple[str, ...]


def claim_candidates(
    session: Session, document_id: int, limit: int = 20, min_score: float = 0.3
) -> list[Candidate]:
    """Sentences stating numbers, changes, comparisons or someone's assertion, best first."""
    require_document(session, document_id)
    sentences = session.scalars(
        select(Passage)
        .where(Passage.document_id == document_id, Passage.kind == PassageKind.sentence)
        .order_by(Passage.start)
    ).all()
    quoted = _quote_spans(session, document_id)
    found = []
    for sentence in sentences:
        attributed = any(s < sentence.end and sentence.start < e for s, e in quoted)
        worth = assess(sentence.text, attributed)
        if worth.score >= min_score:
            found.append(
                Candidate(
                    sentence.id,
                    sentence.start,
                    sentence.end,
                    sentence.text,
                    worth.score,
                    worth.reasons,
                )
            )
    found.sort(key=lambda c: (-c.score, c.start))
    return found[:limit]


def _quote_spans(session: Session, document_id: int) -> list[tuple[int, int]]:
    rows = session.execute(
        select(Quote.start, Quote.end).where(
            Quote.document_id == document_id, Quote.status != QuoteStatus.rejected
        )
    ).all()
    return [(row[0], row[1]) for row in rows]
