"""A claim's review and evidence in open formats: schema.org ClaimReview, W3C Web Annotations."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app.config import get_settings
from app.models import Claim, Document
from app.services import claims, evidence
from app.services.evidence import EvidenceView, SpeakerInfo
from app.vocabulary import SpeakerKind

SCHEMA_ORG = "https://schema.org"
ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
BEST_RATING, WORST_RATING = 5, 1
EXPORT_LIMIT = 1000  # evidence items in one export
# What a stance means for the annotation's body, in W3C motivation terms.
STANCE_PURPOSE = "classifying"


def _all_evidence(session: Session, claim_id: int) -> list[EvidenceView]:
    return evidence.list_evidence(session, claim_id, limit=EXPORT_LIMIT).items


def claim_review(session: Session, claim_id: int, base_url: str) -> dict[str, Any]:
    """The claim's review as schema.org ClaimReview JSON-LD."""
    claim = claims.get_claim(session, claim_id)
    views = _all_evidence(session, claim_id)
    item: dict[str, Any] = {"@type": "Claim", "appearance": _appearances(views, base_url)}
    if views:
        first = views[0]
        item["firstAppearance"] = _creative_work(first.evidence.document, base_url)
        if first.speaker is not None:
            item["author"] = _agent(first.speaker)
        if first.evidence.document.published_at is not None:
            item["datePublished"] = first.evidence.document.published_at.date().isoformat()
    return {
        "@context": SCHEMA_ORG,
        "@type": "ClaimReview",
        "url": f"{base_url}/claims/{claim.id}",
        "claimReviewed": claim.text,
        "itemReviewed": item,
        "reviewRating": _rating(claim),
        "author": _newsroom(),
        "datePublished": claim.updated_at.date().isoformat(),
    }


def _appearances(views: list[EvidenceView], base_url: str) -> list[dict[str, Any]]:
    """One CreativeWork per document the claim appears in, oldest first."""
    seen: dict[int, dict[str, Any]] = {}
    for view in views:
        document = view.evidence.document
        seen.setdefault(document.id, _creative_work(document, base_url))
    return list(seen.values())


def _creative_work(document: Document, base_url: str) -> dict[str, Any]:
    work: dict[str, Any] = {
        "@type": "CreativeWork",
        "url": document.url or f"{base_url}/documents/{document.id}",
        "headline": document.title,
    }
    if document.published_at is not None:
        work["datePublished"] = document.published_at.date().isoformat()
    if document.publisher:
        work["publisher"] = {"@type": "Organization", "name": document.publisher}
    return work


def _agent(speaker: SpeakerInfo) -> dict[str, Any]:
    kind = "Person" if speaker.kind in (None, SpeakerKind.person) else "Organization"
    return {"@type": kind, "name": speaker.name}


def _rating(claim: Claim) -> dict[str, Any]:
    """The editor's 1–5 rating when there is one; otherwise only the review status in words."""
    rating: dict[str, Any] = {
        "@type": "Rating",
        "bestRating": BEST_RATING,
        "worstRating": WORST_RATING,
        "alternateName": claim.rating_label or claim.status.replace("_", " "),
    }
    if claim.rating_value is not None:
        rating["ratingValue"] = claim.rating_value
    return rating


def _newsroom() -> dict[str, Any]:
    settings = get_settings()
    newsroom: dict[str, Any] = {"@type": "Organization", "name": settings.organisation_name}
    if settings.organisation_url:
        newsroom["url"] = settings.organisation_url
    return newsroom


def annotation_collection(session: Session, claim_id: int, base_url: str) -> dict[str, Any]:
    """The claim's evidence as a W3C AnnotationCollection with one embedded page."""
    claim = claims.get_claim(session, claim_id)
    views = _all_evidence(session, claim_id)
    collection = f"{base_url}/claims/{claim.id}/annotations"
    return {
        "@context": ANNOTATION_CONTEXT,
        "id": collection,
        "type": "AnnotationCollection",
        "label": f"Evidence for the claim: {claim.text}",
        "total": len(views),
        "first": {
            "id": f"{collection}#page-1",
            "type": "AnnotationPage",
            "partOf": collection,
            "startIndex": 0,
            "items": [_annotation(claim, view, base_url) for view in views],
        },
    }


def _annotation(claim: Claim, view: EvidenceView, base_url: str) -> dict[str, Any]:
    item = view.evidence
    document = item.document
    body: list[dict[str, Any]] = [
        {
            "type": "TextualBody",
            "purpose": "describing",
            "value": claim.text,
            "format": "text/plain",
            "language": "en",
        },
        {"type": "TextualBody", "purpose": STANCE_PURPOSE, "value": item.stance},
    ]
    if item.note:
        body.append({"type": "TextualBody", "purpose": "commenting", "value": item.note})
    target: dict[str, Any] = {
        # The offsets count characters of the stored text, so that is the source; the
        # original page (whose markup would shift them) is only the scope.
        "source": f"{base_url}/documents/{document.id}",
        "selector": [
            {
                "type": "TextQuoteSelector",
                "exact": item.exact,
                "prefix": item.prefix,
                "suffix": item.suffix,
            },
            {"type": "TextPositionSelector", "start": item.start, "end": item.end},
        ],
    }
    if document.url:
        target["scope"] = document.url
    annotation: dict[str, Any] = {
        "id": f"{base_url}/claims/{claim.id}/evidence/{item.id}",
        "type": "Annotation",
        "motivation": "assessing",
        "created": item.created_at.isoformat(),
        "body": body,
        "target": target,
    }
    if item.created_by:
        annotation["creator"] = {"name": item.created_by}
    return annotation
