"""Route for verifying a circulating quote against the archive."""

from __future__ import annotations

from fastapi import APIRouter

from app.api.deps import Reader, SessionDep
from app.schemas.common import PROBLEM_RESPONSES
from app.schemas.verify import VerifyIn, VerifyOut
from app.services import verify as verification

router = APIRouter(prefix="/verify", tags=["verify"], responses=PROBLEM_RESPONSES)


@router.post(
    "",
    summary="Did they really say that? Find where a quote appears and whether it was altered",
    description=(
        "Looks for the words (or nearly these words) in every stored document. The verdict is "
        "`verbatim` (same words; quotation marks, case, spacing, dashes and ellipses do not "
        "count; each part between ellipses must appear in order in one source), `altered` "
        "(words added, dropped or changed: see `diff`), `paraphrase` (the same content words in "
        "other wording) or `not_found`. Each match names the speaker the database attributes "
        "the words to and whether that is the `speaker` asked about. With a `speaker`, "
        "`speaker_verdict` says whether they said it: `matches` (some match is theirs, by name "
        "or alias), `misattributed` (found only under someone else, named in `said_by`; the "
        "`verdict` is then `misattributed` too) or `unknown` (the matching words have no "
        "speaker); without one it is `unknown`."
    ),
    response_model=VerifyOut,
)
def verify_quote(payload: VerifyIn, session: SessionDep, _: Reader) -> VerifyOut:
    return VerifyOut.model_validate(verification.verify(session, payload.text, payload.speaker))
