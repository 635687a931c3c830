"""Routes for documents: ingest, read, list, passages, quotes, delete."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from app.api.deps import Admin, Cursor, Editor, Limit, Reader, SessionDep
from app.schemas.common import PROBLEM_RESPONSES, PageOut, Timestamp
from app.schemas.documents import (
    DocumentDetail,
    DocumentIn,
    DocumentOut,
    IngestResult,
    PassageOut,
)
from app.schemas.quotes import QuoteOut
from app.services import documents, quotes
from app.vocabulary import DocumentKind, PassageKind, QuoteKind

router = APIRouter(prefix="/documents", tags=["documents"], responses=PROBLEM_RESPONSES)


@router.post(
    "",
    summary="Ingest a document",
    description=(
        "Stores the text (or the main text of `html`), splits it into passages and runs the "
        "quote engine. The same content again returns 200 with the stored document."
    ),
    status_code=status.HTTP_201_CREATED,
    response_model=IngestResult,
    responses={200: {"model": IngestResult, "description": "Already stored"}},
)
def ingest_document(
    payload: DocumentIn, session: SessionDep, principal: Editor, response: Response
) -> IngestResult:
    result = documents.ingest(session, payload, principal.name)
    if not result.created:
        response.status_code = status.HTTP_200_OK
    return IngestResult.model_validate(result)


@router.get("", summary="List documents, newest first", response_model=PageOut[DocumentOut])
def list_documents(
    session: SessionDep,
    _: Reader,
    publisher: Annotated[str | None, Query(max_length=300)] = None,
    kind: DocumentKind | None = None,
    since: Annotated[Timestamp | None, Query(description="Published at or after")] = None,
    until: Annotated[Timestamp | None, Query(description="Published before")] = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> PageOut[DocumentOut]:
    page = documents.list_documents(
        session,
        publisher=publisher,
        kind=kind,
        since=since,
        until=until,
        cursor=cursor,
        limit=limit,
    )
    return PageOut[DocumentOut].model_validate(page)


@router.get("/{document_id}", summary="Get a document with its text", response_model=DocumentDetail)
def get_document(document_id: int, session: SessionDep, _: Reader) -> DocumentDetail:
    return DocumentDetail.model_validate(documents.get_document(session, document_id))


@router.get(
    "/{document_id}/passages",
    summary="List a document's paragraphs and sentences in reading order",
    response_model=PageOut[PassageOut],
)
def list_passages(
    document_id: int,
    session: SessionDep,
    _: Reader,
    kind: PassageKind | None = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> PageOut[PassageOut]:
    page = documents.list_passages(session, document_id, kind, cursor, limit)
    return PageOut[PassageOut].model_validate(page)


@router.get(
    "/{document_id}/quotes",
    summary="List a document's quotes in reading order",
    response_model=PageOut[QuoteOut],
)
def list_document_quotes(
    document_id: int,
    session: SessionDep,
    _: Reader,
    kind: QuoteKind | None = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> PageOut[QuoteOut]:
    documents.require_document(session, document_id)
    page = quotes.list_quotes(
        session, document_id=document_id, kind=kind, cursor=cursor, limit=limit
    )
    return PageOut[QuoteOut].model_validate(page)


@router.delete(
    "/{document_id}",
    summary="Delete a document with its passages, quotes and evidence",
    status_code=status.HTTP_204_NO_CONTENT,
)
def delete_document(document_id: int, session: SessionDep, principal: Admin) -> Response:
    documents.delete_document(session, document_id, principal.name)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
