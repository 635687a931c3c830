"""Claims: creation (optionally from a span that becomes its first evidence), review, history."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.db.transaction import write
from app.models import AuditEntry, Claim, Document, Evidence
from app.services import audit, evidence, websearch
from app.services.errors import NotFound, Unprocessable
from app.services.pagination import Page, keyset, page_of
from app.vocabulary import AuditAction, ClaimStatus, EntityType, Stance

EDITABLE = ("text", "kind", "tags", "notes", "status", "rating_value", "rating_label")


@dataclass(frozen=True, slots=True)
class Origin:
    """A span of a stored document stating the claim, to keep as its first evidence."""

    document_id: int
    start: int
    end: int
    stance: Stance = Stance.supports
    note: str | None = None


@dataclass(frozen=True, slots=True)
class ClaimSummary:
    claim: Claim
    evidence_count: int
    first_appearance: evidence.EvidenceView | None


def create_claim(
    session: Session,
    *,
    text: str | None,
    kind: str | None,
    tags: list[str],
    notes: str | None,
    origin: Origin | None,
    actor: str,
) -> Claim:
    """Store a claim; with an origin, its first evidence too, in the same transaction."""
    with write(session):
        document = _origin_document(session, origin) if origin else None
        where = _origin_anchor(document, origin) if document and origin else None
        claim_text = text if text is not None else where.exact if where else ""
        claim = Claim(
            text=" ".join(claim_text.split()),
            kind=kind,
            tags=tags,
            notes=notes,
            created_by=actor,
        )
        session.add(claim)
        session.flush()
        session.refresh(claim)
        audit.record(
            session, actor, AuditAction.create, EntityType.claim, claim.id, None, _state(claim)
        )
        if document and where and origin:
            evidence.attach(session, claim, document, where, origin.stance, origin.note, actor)
    return claim


def _origin_document(session: Session, origin: Origin) -> Document:
    document = evidence.locked_document(session, origin.document_id)
    if document is None:
        raise Unprocessable(
            f"Document {origin.document_id} does not exist.", field="from.document_id"
        )
    return document


def _origin_anchor(document: Document, origin: Origin) -> evidence.Anchor:
    try:
        return evidence.anchor(document.text, None, origin.start, origin.end)
    except Unprocessable as error:
        raise Unprocessable(error.detail, field="from.start") from error


def _state(claim: Claim) -> dict[str, Any]:
    """What a claim's history shows of it: its editable fields, the text included."""
    return audit.snapshot(claim, frozenset({"tsv"}))


def get_claim(session: Session, claim_id: int) -> Claim:
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFound(f"Claim {claim_id} does not exist.")
    return claim


def summarise(session: Session, claim_id: int) -> ClaimSummary:
    """A claim with its evidence count and first appearance."""
    claim = get_claim(session, claim_id)
    count = session.scalar(
        select(func.count()).select_from(Evidence).where(Evidence.claim_id == claim_id)
    )
    return ClaimSummary(claim, count or 0, evidence.first_appearance(session, claim_id))


def list_claims(
    session: Session,
    *,
    status: ClaimStatus | None = None,
    tag: str | None = None,
    q: str | None = None,
    cursor: str | None = None,
    limit: int = 50,
) -> Page[Claim]:
    """Claims, newest first; q searches their text with English stemming."""
    query = select(Claim)
    if status:
        query = query.where(Claim.status == status)
    if tag:
        query = query.where(Claim.tags.contains([tag]))
    if q and q.strip():
        query = query.where(Claim.tsv.op("@@")(websearch.tsquery(q)))
    rows = session.scalars(keyset(query, [Claim.id], cursor, limit, descending=True)).all()
    return page_of(rows, limit, lambda c: [c.id])


def update_claim(session: Session, claim_id: int, changes: dict[str, Any], actor: str) -> Claim:
    """Apply the given changes, recording before and after of the fields that changed."""
    with write(session):
        claim = session.get(Claim, claim_id, with_for_update=True)
        if claim is None:
            raise NotFound(f"Claim {claim_id} does not exist.")
        if "text" in changes:
            changes["text"] = " ".join(changes["text"].split())
        changed = {
            field: value
            for field, value in changes.items()
            if field in EDITABLE and getattr(claim, field) != value
        }
        if changed:
            before = {field: getattr(claim, field) for field in changed}
            for field, value in changed.items():
                setattr(claim, field, value)
            audit.record(
                session, actor, AuditAction.update, EntityType.claim, claim.id, before, changed
            )
    session.refresh(claim)
    return claim


def history(
    session: Session, claim_id: int, cursor: str | None = None, limit: int = 50
) -> Page[AuditEntry]:
    """Every change to a claim and its evidence, oldest first."""
    get_claim(session, claim_id)
    mine = {"claim_id": claim_id}
    query = select(AuditEntry).where(
        or_(
            (AuditEntry.entity_type == EntityType.claim) & (AuditEntry.entity_id == claim_id),
            (AuditEntry.entity_type == EntityType.evidence)
            & (AuditEntry.after.contains(mine) | AuditEntry.before.contains(mine)),
        )
    )
    rows = session.scalars(keyset(query, [AuditEntry.id], cursor, limit)).all()
    return page_of(rows, limit, lambda entry: [entry.id])
