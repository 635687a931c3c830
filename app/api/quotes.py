"""Routes for quotes: list with filters, read, correct."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.api.deps import Cursor, Editor, Limit, Reader, SessionDep
from app.schemas.common import PROBLEM_RESPONSES, PageOut, Timestamp
from app.schemas.quotes import QuoteOut, QuotePatch
from app.services import quotes
from app.vocabulary import QuoteKind

router = APIRouter(prefix="/quotes", tags=["quotes"], responses=PROBLEM_RESPONSES)


@router.get("", summary="List quotes, newest first", response_model=PageOut[QuoteOut])
def list_quotes(
    session: SessionDep,
    _: Reader,
    speaker_id: Annotated[int | None, Query(ge=1)] = None,
    document_id: Annotated[int | None, Query(ge=1)] = None,
    kind: QuoteKind | None = None,
    since: Annotated[Timestamp | None, Query(description="Published at or after")] = None,
    until: Annotated[Timestamp | None, Query(description="Published before")] = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> PageOut[QuoteOut]:
    page = quotes.list_quotes(
        session,
        speaker_id=speaker_id,
        document_id=document_id,
        kind=kind,
        since=since,
        until=until,
        cursor=cursor,
        limit=limit,
    )
    return PageOut[QuoteOut].model_validate(page)


@router.get("/{quote_id}", summary="Get a quote", response_model=QuoteOut)
def get_quote(quote_id: int, session: SessionDep, _: Reader) -> QuoteOut:
    return QuoteOut.model_validate(quotes.get_quote(session, quote_id))


@router.patch(
    "/{quote_id}",
    summary="Correct a quote's speaker, kind or status",
    response_model=QuoteOut,
)
def correct_quote(
    quote_id: int, payload: QuotePatch, session: SessionDep, principal: Editor
) -> QuoteOut:
    changes = payload.model_dump(exclude_unset=True)
    return QuoteOut.model_validate(quotes.correct_quote(session, quote_id, changes, principal.name))
