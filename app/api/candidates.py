"""Route for claim candidates: the check-worthy sentences of a document."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.api.deps import Reader, SessionDep
from app.schemas.claims import CandidateOut
from app.schemas.common import PROBLEM_RESPONSES
from app.services import candidates

router = APIRouter(prefix="/documents", tags=["claims"], responses=PROBLEM_RESPONSES)


@router.get(
    "/{document_id}/claim-candidates",
    summary="Sentences of a document worth checking, best first",
    description=(
        "Scores each sentence on the numbers it states, changes it reports (suspended, "
        "launched, resigned...), comparisons (more, highest...) and whether a stored quote "
        "attributes it to someone; questions, opinions and fragments score lower. Turn one "
        "into a claim with `POST /claims` and `from: {document_id, start, end}`."
    ),
    response_model=list[CandidateOut],
)
def claim_candidates(
    document_id: int,
    session: SessionDep,
    _: Reader,
    limit: Annotated[int, Query(ge=1, le=200, description="How many sentences.")] = 20,
    min_score: Annotated[float, Query(ge=0, le=1, description="Leave out lower scores.")] = 0.3,
) -> list[CandidateOut]:
    found = candidates.claim_candidates(session, document_id, limit, min_score)
    return [CandidateOut.model_validate(c) for c in found]
