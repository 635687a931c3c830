"""Routes for claims: review, evidence anchored to exact words, suggestions, history, exports."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response, status
from fastapi.responses import JSONResponse

from app.api.deps import Cursor, Editor, Limit, Reader, SessionDep
from app.schemas.claims import (
    AcceptIn,
    ClaimDetail,
    ClaimIn,
    ClaimOut,
    ClaimPatch,
    EvidenceIn,
    EvidenceOut,
    HistoryEntry,
    SuggestionOut,
    TimelineEntry,
)
from app.schemas.common import PROBLEM_RESPONSES, PageOut, conflict
from app.services import claim_exports, claims, evidence, suggestions
from app.vocabulary import ClaimStatus

router = APIRouter(prefix="/claims", tags=["claims"], responses=PROBLEM_RESPONSES)

JSON_LD = "application/ld+json"
ANNOTATION_JSON_LD = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"'


def _base_url(request: Request) -> str:
    return str(request.base_url).rstrip("/")


@router.post(
    "",
    summary="Track a claim",
    description=(
        "With `from` (a document and offsets), the claim and its first evidence are created "
        "in one transaction; the claim's text then defaults to the span's words."
    ),
    status_code=status.HTTP_201_CREATED,
    response_model=ClaimDetail,
)
def create_claim(payload: ClaimIn, session: SessionDep, principal: Editor) -> ClaimDetail:
    origin = claims.Origin(**payload.origin.model_dump()) if payload.origin else None
    claim = claims.create_claim(
        session,
        text=payload.text,
        kind=payload.kind,
        tags=payload.tags,
        notes=payload.notes,
        origin=origin,
        actor=principal.name,
    )
    return ClaimDetail.model_validate(claims.summarise(session, claim.id))


@router.get("", summary="List claims, newest first", response_model=PageOut[ClaimOut])
def list_claims(
    session: SessionDep,
    _: Reader,
    status: ClaimStatus | None = None,
    tag: Annotated[str | None, Query(max_length=100)] = None,
    q: Annotated[
        str | None,
        Query(max_length=500, description="Words of the claim, stemmed: `reservoirs capacity`"),
    ] = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> PageOut[ClaimOut]:
    page = claims.list_claims(session, status=status, tag=tag, q=q, cursor=cursor, limit=limit)
    return PageOut[ClaimOut].model_validate(page)


@router.get(
    "/{claim_id}",
    summary="Get a claim with its first appearance",
    response_model=ClaimDetail,
)
def get_claim(claim_id: int, session: SessionDep, _: Reader) -> ClaimDetail:
    return ClaimDetail.model_validate(claims.summarise(session, claim_id))


@router.patch(
    "/{claim_id}",
    summary="Change a claim's text, tags, review status or rating",
    response_model=ClaimDetail,
)
def update_claim(
    claim_id: int, payload: ClaimPatch, session: SessionDep, principal: Editor
) -> ClaimDetail:
    changes = payload.model_dump(exclude_unset=True)
    claims.update_claim(session, claim_id, changes, principal.name)
    return ClaimDetail.model_validate(claims.summarise(session, claim_id))


@router.get(
    "/{claim_id}/history",
    summary="Every change to a claim and its evidence, oldest first",
    response_model=PageOut[HistoryEntry],
)
def claim_history(
    claim_id: int, session: SessionDep, _: Reader, cursor: Cursor = None, limit: Limit = 50
) -> PageOut[HistoryEntry]:
    page = claims.history(session, claim_id, cursor, limit)
    return PageOut[HistoryEntry].model_validate(page)


@router.post(
    "/{claim_id}/evidence",
    summary="Anchor evidence to the exact words of a document",
    description=(
        "The words must be in the document: `exact` alone must occur once (curly and straight "
        "quotes and runs of spaces are matched loosely), `start`/`end` must lie inside the "
        "text and agree with `exact` when both are given. With `quote_id` the stored quote's "
        "span is used and its speaker is inherited. Stored as a W3C TextQuoteSelector (with 32 "
        "characters of context each side) and TextPositionSelector."
    ),
    status_code=status.HTTP_201_CREATED,
    response_model=EvidenceOut,
    responses=conflict("These words are already evidence for the claim"),
)
def add_evidence(
    claim_id: int, payload: EvidenceIn, session: SessionDep, principal: Editor
) -> EvidenceOut:
    view = evidence.add_evidence(session, claim_id, **payload.model_dump(), actor=principal.name)
    return EvidenceOut.model_validate(view)


@router.get(
    "/{claim_id}/evidence",
    summary="List a claim's evidence, oldest publication first",
    response_model=PageOut[EvidenceOut],
)
def list_evidence(
    claim_id: int, session: SessionDep, _: Reader, cursor: Cursor = None, limit: Limit = 50
) -> PageOut[EvidenceOut]:
    page = evidence.list_evidence(session, claim_id, cursor, limit)
    return PageOut[EvidenceOut].model_validate(page)


@router.delete(
    "/{claim_id}/evidence/{evidence_id}",
    summary="Remove a piece of evidence",
    status_code=status.HTTP_204_NO_CONTENT,
)
def delete_evidence(
    claim_id: int, evidence_id: int, session: SessionDep, principal: Editor
) -> Response:
    evidence.delete_evidence(session, claim_id, evidence_id, principal.name)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    "/{claim_id}/timeline",
    summary="Where the claim appeared, in publication order, and who said it",
    response_model=PageOut[TimelineEntry],
)
def claim_timeline(
    claim_id: int, session: SessionDep, _: Reader, cursor: Cursor = None, limit: Limit = 50
) -> PageOut[TimelineEntry]:
    page = evidence.list_evidence(session, claim_id, cursor, limit)
    return PageOut[TimelineEntry].model_validate(page)


@router.get(
    "/{claim_id}/suggestions",
    summary="Sentences anywhere in the database that may state the claim, best first",
    description=(
        "Full-text search with English stemming over every sentence (any of the claim's "
        "words), re-ranked on how much of the claim's distinctive wording is shared, "
        "agreeing or conflicting numbers, shared names, and a fuzzy alignment that also picks "
        "the best-matching words. Sentences already linked as evidence are left out. Keep one "
        "with `POST /claims/{id}/suggestions/accept`."
    ),
    response_model=list[SuggestionOut],
)
def claim_suggestions(
    claim_id: int,
    session: SessionDep,
    _: Reader,
    limit: Annotated[int, Query(ge=1, le=50, description="How many suggestions.")] = 10,
) -> list[SuggestionOut]:
    return [SuggestionOut.model_validate(s) for s in suggestions.suggest(session, claim_id, limit)]


@router.post(
    "/{claim_id}/suggestions/accept",
    summary="Keep a suggestion as evidence",
    description="The same as `POST /claims/{id}/evidence` with `document_id`, `start`, `end`.",
    status_code=status.HTTP_201_CREATED,
    response_model=EvidenceOut,
    responses=conflict("These words are already evidence for the claim"),
)
def accept_suggestion(
    claim_id: int, payload: AcceptIn, session: SessionDep, principal: Editor
) -> EvidenceOut:
    view = evidence.add_evidence(
        session,
        claim_id,
        document_id=payload.document_id,
        exact=None,
        start=payload.start,
        end=payload.end,
        quote_id=None,
        stance=payload.stance,
        note=payload.note,
        actor=principal.name,
    )
    return EvidenceOut.model_validate(view)


@router.get(
    "/{claim_id}/claimreview",
    summary="The claim's review as schema.org ClaimReview JSON-LD",
    description=(
        "Rated claims carry `reviewRating.ratingValue` (1–5); unrated ones still export, with "
        "the review status as `alternateName` and no `ratingValue`. The review's author is "
        "the newsroom set by `ATTEST_ORGANISATION_NAME` and `ATTEST_ORGANISATION_URL`."
    ),
    response_class=Response,
    responses={200: {"content": {JSON_LD: {}}, "description": "A ClaimReview"}},
)
def claim_review(claim_id: int, request: Request, session: SessionDep, _: Reader) -> Response:
    body = claim_exports.claim_review(session, claim_id, _base_url(request))
    return _json_ld(body)


@router.get(
    "/{claim_id}/annotations",
    summary="The claim's evidence as W3C Web Annotations",
    description="An AnnotationCollection whose first page holds one Annotation per evidence.",
    response_class=Response,
    responses={
        200: {"content": {ANNOTATION_JSON_LD: {}}, "description": "An AnnotationCollection"}
    },
)
def claim_annotations(claim_id: int, request: Request, session: SessionDep, _: Reader) -> Response:
    body = claim_exports.annotation_collection(session, claim_id, _base_url(request))
    return _json_ld(body, ANNOTATION_JSON_LD)


def _json_ld(body: dict[str, Any], media_type: str = JSON_LD) -> Response:
    return JSONResponse(body, media_type=media_type)
