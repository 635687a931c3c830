"""Route for full-text search over passages, quotes and claims."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.api.deps import Cursor, Limit, Reader, SessionDep
from app.schemas.common import PROBLEM_RESPONSES, PageOut, Timestamp
from app.schemas.search import SearchHitOut
from app.services import search as searching
from app.vocabulary import SearchSort, SearchType

router = APIRouter(prefix="/search", tags=["search"], responses=PROBLEM_RESPONSES)


@router.get(
    "",
    summary="Search passages, quotes or claims with web search syntax",
    description=(
        'PostgreSQL `websearch_to_tsquery` syntax: `"exact phrase"`, `or`, `-excluded`. '
        "`sort=relevance` (default) ranks by ts_rank the 400 most recently stored matches "
        "(all of them when fewer match), so a very common word stays fast; older matches of "
        "such a word are reached with `sort=recent` or narrower filters. `sort=recent` lists "
        "every match, most recently stored first. Both page with an opaque cursor that is "
        "stable when rows are added."
    ),
    response_model=PageOut[SearchHitOut],
)
def search(
    session: SessionDep,
    _: Reader,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=500,
            description='e.g. `"hosepipe ban" reservoirs -leaks`',
            examples=['"hosepipe ban" reservoirs', "leakage target"],
        ),
    ],
    type: SearchType = SearchType.passage,
    speaker_id: Annotated[int | None, Query(ge=1)] = None,
    document_id: Annotated[int | None, Query(ge=1)] = None,
    publisher: Annotated[str | None, Query(max_length=300, examples=["Valley Herald"])] = None,
    kind: Annotated[
        str | None,
        Query(
            max_length=40, description="Passage kind (paragraph, sentence), quote or claim kind."
        ),
    ] = None,
    since: Annotated[Timestamp | None, Query(description="Published at or after")] = None,
    until: Annotated[Timestamp | None, Query(description="Published before")] = None,
    sort: SearchSort = SearchSort.relevance,
    cursor: Cursor = None,
    limit: Limit = 20,
) -> PageOut[SearchHitOut]:
    filters = searching.Filters(speaker_id, document_id, publisher, kind, since, until)
    page = searching.search(session, q, type, filters, sort, cursor, limit)
    return PageOut[SearchHitOut].model_validate(page)
