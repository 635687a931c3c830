"""Routes for speakers: search, detail, quotes, aliases and merges."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from app.api.deps import Admin, Cursor, Editor, Limit, Reader, SessionDep
from app.schemas.common import PROBLEM_RESPONSES, PageOut, conflict
from app.schemas.quotes import QuoteOut
from app.schemas.speakers import AliasIn, MergeIn, SpeakerDetail, SpeakerOut
from app.services import quotes, search, speakers
from app.services.errors import Forbidden
from app.vocabulary import QuoteKind, Role, SpeakerKind

router = APIRouter(prefix="/speakers", tags=["speakers"], responses=PROBLEM_RESPONSES)


@router.get("", summary="Find speakers by name or alias", response_model=PageOut[SpeakerOut])
def list_speakers(
    session: SessionDep,
    _: Reader,
    q: Annotated[
        str | None,
        Query(max_length=200, description="Name or alias, e.g. `ellery` or `chief executive`"),
    ] = None,
    kind: SpeakerKind | None = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> PageOut[SpeakerOut]:
    page = speakers.list_speakers(session, q, kind, cursor, limit)
    return PageOut[SpeakerOut].model_validate(page)


@router.get(
    "/{speaker_id}",
    summary="Get a speaker with aliases, quote count and first/last seen",
    response_model=SpeakerDetail,
)
def get_speaker(speaker_id: int, session: SessionDep, _: Reader) -> SpeakerDetail:
    speaker = speakers.get_speaker(session, speaker_id)
    return SpeakerDetail.model_validate(speakers.describe(session, speaker))


@router.get(
    "/{speaker_id}/quotes",
    summary="List a speaker's quotes, newest first",
    response_model=PageOut[QuoteOut],
)
def list_speaker_quotes(
    speaker_id: int,
    session: SessionDep,
    _: Reader,
    kind: QuoteKind | None = None,
    cursor: Cursor = None,
    limit: Limit = 50,
    q: Annotated[str | None, Query(max_length=500, description="Words to search for")] = None,
) -> PageOut[QuoteOut]:
    speakers.get_speaker(session, speaker_id)
    if q:  # most relevant first instead of newest first
        page = search.speaker_quotes(session, speaker_id, q, kind, cursor, limit)
    else:
        page = quotes.list_quotes(
            session, speaker_id=speaker_id, kind=kind, cursor=cursor, limit=limit
        )
    return PageOut[QuoteOut].model_validate(page)


@router.post(
    "/{speaker_id}/aliases",
    summary="Add an alias to a speaker",
    description=(
        "An alias another live speaker already has is refused (409, naming that speaker in "
        "`speaker` and every such speaker in `speakers`); an admin may add it anyway with "
        "`force=true` (403 for an editor)."
    ),
    response_model=SpeakerDetail,
    responses=conflict(
        "The alias belongs to another live speaker (named in the problem), or the speaker was "
        "merged into another: add the alias to that one"
    ),
)
def add_alias(
    speaker_id: int,
    payload: AliasIn,
    session: SessionDep,
    principal: Editor,
    force: Annotated[
        bool,
        Query(description="Admins only: add the alias even if another speaker has it."),
    ] = False,
) -> SpeakerDetail:
    if force and not principal.can(Role.admin):
        raise Forbidden(
            f"Forcing an alias needs the admin role; the key {principal.name!r} is "
            f"{principal.role}."
        )
    speaker = speakers.add_alias(session, speaker_id, payload.alias, principal.name, force=force)
    return SpeakerDetail.model_validate(speakers.describe(session, speaker))


@router.delete(
    "/{speaker_id}/aliases/{alias}",
    summary="Remove an alias from a speaker",
    description=(
        "The alias as written or in its normalised form. 404 if the speaker has no such alias; "
        "the speaker's canonical name cannot be removed (409)."
    ),
    response_model=SpeakerDetail,
    responses=conflict(
        "The alias is the speaker's canonical name, or the speaker was merged into another"
    ),
)
def remove_alias(
    speaker_id: int,
    alias: Annotated[str, Path(max_length=300, description="e.g. `Ms Ellery`")],
    session: SessionDep,
    principal: Editor,
) -> SpeakerDetail:
    speaker = speakers.remove_alias(session, speaker_id, alias, principal.name)
    return SpeakerDetail.model_validate(speakers.describe(session, speaker))


@router.post(
    "/{speaker_id}/merge",
    summary="Merge a speaker into another, moving quotes and aliases",
    description="The merged speaker is kept as a record with `merged_into_id` set.",
    response_model=SpeakerDetail,
    responses=conflict("One of the two speakers was already merged into another"),
)
def merge_speaker(
    speaker_id: int, payload: MergeIn, session: SessionDep, principal: Admin
) -> SpeakerDetail:
    target = speakers.merge(session, speaker_id, payload.into, principal.name)
    return SpeakerDetail.model_validate(speakers.describe(session, target))
