"""Evidence: anchoring a claim to the exact words of a document, and reading it back.

Each piece of evidence is a W3C Web Annotation anchor: a TextQuoteSelector (the words with
32 characters of context each side) and a TextPositionSelector (offsets into the stored text),
so a reader can jump to the words even if one of the two ever fails to resolve.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Float, cast, extract, func, select
from sqlalchemy.orm import Session, joinedload

from app.db.transaction import write
from app.extract.alignment import composed
from app.models import Claim, Document, Evidence, Quote, Speaker
from app.services import audit
from app.services.errors import Conflict, NotFound, Unprocessable
from app.services.pagination import Page, keyset, page_of
from app.vocabulary import AuditAction, EntityType, QuoteStatus, SpeakerKind, Stance

CONTEXT = 32
# Undated documents sort after every dated one.
UNDATED = 1e12
# Typographic variants an editor may type differently from the stored text.
_TYPOGRAPHY = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " ", "\u2009": " "})


@dataclass(frozen=True, slots=True)
class Anchor:
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str


@dataclass(frozen=True, slots=True)
class SpeakerInfo:
    id: int | None
    name: str
    kind: SpeakerKind | None


@dataclass(frozen=True, slots=True)
class EvidenceView:
    """A piece of evidence with the speaker of the words, when a stored quote says who."""

    evidence: Evidence
    speaker: SpeakerInfo | None


def anchor(text: str, exact: str | None, start: int | None, end: int | None) -> Anchor:
    """Locate the words in the text, or raise Unprocessable saying why they cannot be."""
    if start is not None and end is not None:
        _check_offsets(text, start, end)
        if exact is not None and not _same_words(text[start:end], exact):
            raise Unprocessable(
                f"The text at {start}–{end} is {text[start:end]!r}, not the given exact words.",
                field="exact",
                found=text[start:end],
            )
    elif exact is not None:
        start, end = _locate(text, exact)
    else:
        raise Unprocessable("Give the exact words or start/end offsets.", field="exact")
    return anchor_at(text, start, end)


def anchor_at(text: str, start: int, end: int) -> Anchor:
    return Anchor(
        start=start,
        end=end,
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT) : start],
        suffix=text[end : end + CONTEXT],
    )


def _check_offsets(text: str, start: int, end: int) -> None:
    if not 0 <= start < end <= len(text):
        raise Unprocessable(
            f"Offsets {start}–{end} are outside the text, which has {len(text)} characters "
            "(start must be below end).",
            field="start",
        )
    if not text[start:end].strip():
        raise Unprocessable(f"The text at {start}–{end} is only whitespace.", field="start")


def _locate(text: str, exact: str) -> tuple[int, int]:
    spans = _occurrences(text, exact) or _loose_occurrences(text, exact)
    if not spans:
        raise Unprocessable("The exact words do not occur in the document.", field="exact")
    if len(spans) > 1:
        raise Unprocessable(
            f"The exact words occur {len(spans)} times in the document; give start/end to "
            "choose one.",
            field="exact",
            occurrences=[{"start": s, "end": e} for s, e in spans],
        )
    return spans[0]


def _occurrences(text: str, exact: str) -> list[tuple[int, int]]:
    spans, position = [], text.find(exact)
    while position != -1:
        spans.append((position, position + len(exact)))
        position = text.find(exact, position + 1)
    return spans


def _same_words(stored: str, given: str) -> bool:
    """Whether the given words are the stored ones, in either Unicode normalisation form."""
    if stored == given:
        return True
    return unicodedata.normalize("NFC", stored) == unicodedata.normalize("NFC", given)


def _loose_occurrences(text: str, exact: str) -> list[tuple[int, int]]:
    """Matches that differ only in Unicode normalisation form ("é" composed or as "e" and a
    combining accent), curly quotes or spacing, mapped back to the stored text."""
    loose, starts, ends = _loosen(text)
    needle = _loosen(exact)[0].strip()
    if not needle:
        return []
    return [(starts[s], ends[e - 1]) for s, e in _occurrences(loose, needle)]


def _loosen(text: str) -> tuple[str, list[int], list[int]]:
    """The text in NFC with typography normalised and spaces collapsed, and where each of its
    characters starts and ends in the text as given."""
    form = composed(text)
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for index, char in enumerate(form.text.translate(_TYPOGRAPHY)):
        if char.isspace():
            if chars and chars[-1] == " ":
                continue
            char = " "
        start, end = form.span(index, index + 1)
        chars.append(char)
        starts.append(start)
        ends.append(end)
    return "".join(chars), starts, ends


def locked_claim(session: Session, claim_id: int) -> Claim:
    """The claim, locked so that evidence for it is added one writer at a time."""
    claim = session.get(Claim, claim_id, with_for_update=True)
    if claim is None:
        raise NotFound(f"Claim {claim_id} does not exist.")
    return claim


def locked_document(session: Session, document_id: int) -> Document | None:
    """The document, its row share-locked until the transaction ends: a deletion waits for the
    evidence being anchored to it (and then removes it too), or, committed first, leaves
    nothing to anchor to. The lock (FOR KEY SHARE) does not hold back other writers."""
    return session.get(
        Document,
        document_id,
        with_for_update={"read": True, "key_share": True},
        populate_existing=True,
    )


def _document(session: Session, document_id: int) -> Document:
    document = locked_document(session, document_id)
    if document is None:
        raise Unprocessable(f"Document {document_id} does not exist.", field="document_id")
    return document


def _quote(session: Session, quote_id: int) -> Quote:
    quote = session.get(Quote, quote_id)
    if quote is None:
        raise Unprocessable(f"Quote {quote_id} does not exist.", field="quote_id")
    return quote


def attach(
    session: Session,
    claim: Claim,
    document: Document,
    where: Anchor,
    stance: Stance,
    note: str | None,
    actor: str,
    quote_id: int | None = None,
) -> Evidence:
    """Store evidence inside the caller's transaction, refusing the same span twice."""
    duplicate = session.scalar(
        select(Evidence.id).where(
            Evidence.claim_id == claim.id,
            Evidence.document_id == document.id,
            Evidence.start == where.start,
            Evidence.end == where.end,
        )
    )
    if duplicate is not None:
        raise Conflict(
            f"These words are already evidence {duplicate} for claim {claim.id}.",
            evidence_id=duplicate,
        )
    evidence = Evidence(
        claim_id=claim.id,
        document_id=document.id,
        quote_id=quote_id,
        start=where.start,
        end=where.end,
        exact=where.exact,
        prefix=where.prefix,
        suffix=where.suffix,
        stance=stance,
        note=note,
        created_by=actor,
    )
    evidence.document = document
    session.add(evidence)
    session.flush()
    audit.record(
        session,
        actor,
        AuditAction.add,
        EntityType.evidence,
        evidence.id,
        None,
        audit.snapshot(evidence),
    )
    return evidence


def add_evidence(
    session: Session,
    claim_id: int,
    *,
    document_id: int | None,
    exact: str | None,
    start: int | None,
    end: int | None,
    quote_id: int | None,
    stance: Stance,
    note: str | None,
    actor: str,
) -> EvidenceView:
    """Anchor words of a document (or a stored quote) to a claim."""
    with write(session):
        claim = locked_claim(session, claim_id)
        if quote_id is not None:
            quote = _quote(session, quote_id)
            if document_id is not None and document_id != quote.document_id:
                raise Unprocessable(
                    f"Quote {quote_id} is in document {quote.document_id}, not {document_id}.",
                    field="document_id",
                )
            document_id, start, end = quote.document_id, quote.start, quote.end
        document = _document(session, document_id or 0)
        where = anchor(document.text, exact, start, end)
        evidence = attach(session, claim, document, where, stance, note, actor, quote_id)
        claim.updated_at = func.now()
        # Read back inside the transaction: the document may be deleted right after it commits.
        view = EvidenceView(evidence, speakers_of(session, [evidence]).get(evidence.id))
    return view


def get_evidence(session: Session, claim_id: int, evidence_id: int) -> EvidenceView:
    evidence = session.get(Evidence, evidence_id, options=[joinedload(Evidence.document)])
    if evidence is None or evidence.claim_id != claim_id:
        raise NotFound(f"Claim {claim_id} has no evidence {evidence_id}.")
    return EvidenceView(evidence, speakers_of(session, [evidence]).get(evidence.id))


def delete_evidence(session: Session, claim_id: int, evidence_id: int, actor: str) -> None:
    with write(session):
        claim = locked_claim(session, claim_id)
        # Locked: a deletion of its document may be removing it at the same moment.
        evidence = session.get(Evidence, evidence_id, with_for_update=True, populate_existing=True)
        if evidence is None or evidence.claim_id != claim_id:
            raise NotFound(f"Claim {claim_id} has no evidence {evidence_id}.")
        before = audit.snapshot(evidence)
        session.delete(evidence)
        claim.updated_at = func.now()
        audit.record(
            session, actor, AuditAction.delete, EntityType.evidence, evidence_id, before, None
        )


def publication_order() -> list:
    """Sort key of evidence: publication date (undated last), then the order it was added."""
    published = cast(extract("epoch", Document.published_at), Float)
    return [func.coalesce(published, UNDATED), Evidence.id]


def list_evidence(
    session: Session, claim_id: int, cursor: str | None = None, limit: int = 50
) -> Page[EvidenceView]:
    """A claim's evidence, oldest publication first."""
    if session.get(Claim, claim_id) is None:
        raise NotFound(f"Claim {claim_id} does not exist.")
    keys = publication_order()
    query = (
        select(Evidence, keys[0])
        .join(Document, Document.id == Evidence.document_id)
        .options(joinedload(Evidence.document))
        .where(Evidence.claim_id == claim_id)
    )
    rows = session.execute(keyset(query, keys, cursor, limit)).all()
    page = page_of(rows, limit, lambda row: [row[1], row[0].id])
    items = [row[0] for row in page.items]
    speakers = speakers_of(session, items)
    return Page([EvidenceView(e, speakers.get(e.id)) for e in items], page.next_cursor)


def first_appearance(session: Session, claim_id: int) -> EvidenceView | None:
    page = list_evidence(session, claim_id, limit=1)
    return page.items[0] if page.items else None


def speakers_of(session: Session, items: Iterable[Evidence]) -> dict[int, SpeakerInfo]:
    """Who said each piece of evidence: its quote's speaker, else a quote containing it."""
    items = list(items)
    if not items:
        return {}
    quotes = session.scalars(
        select(Quote)
        .options(joinedload(Quote.speaker))
        .where(
            Quote.document_id.in_({e.document_id for e in items}),
            Quote.status != QuoteStatus.rejected,
        )
    ).all()
    by_id = {q.id: q for q in quotes}
    found: dict[int, SpeakerInfo] = {}
    for evidence in items:
        quote = by_id.get(evidence.quote_id or 0) or _narrowest_containing(quotes, evidence)
        if quote is not None and quote.speaker_name:
            found[evidence.id] = _speaker_info(quote)
    return found


def _narrowest_containing(quotes: Iterable[Quote], evidence: Evidence) -> Quote | None:
    containing = [
        q
        for q in quotes
        if q.document_id == evidence.document_id
        and q.speaker_name
        and q.start <= evidence.start
        and evidence.end <= q.end
    ]
    return min(containing, key=lambda q: q.end - q.start, default=None)


def _speaker_info(quote: Quote) -> SpeakerInfo:
    speaker: Speaker | None = quote.speaker
    if speaker is None:
        return SpeakerInfo(None, quote.speaker_name or "", None)
    return SpeakerInfo(speaker.id, speaker.name, speaker.kind)


def evidence_spans(session: Session, claim_id: int) -> list[tuple[int, int, int]]:
    """(document_id, start, end) of every piece of a claim's evidence."""
    rows = session.execute(
        select(Evidence.document_id, Evidence.start, Evidence.end).where(
            Evidence.claim_id == claim_id
        )
    ).all()
    return [(row[0], row[1], row[2]) for row in rows]
