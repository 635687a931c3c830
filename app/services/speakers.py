"""Speakers across documents: resolving extracted names, aliases, merges and statistics."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, delete, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session, selectinload

from app.db.transaction import write
from app.extract.lexicon import PRONOUNS
from app.extract.names import is_full_name, names_compatible, normalise_alias, surname
from app.extract.pipeline import ExtractedSpeaker
from app.models import Document, Quote, Speaker, SpeakerAlias
from app.services import audit
from app.services.errors import Conflict, NotFound, Unprocessable
from app.services.pagination import Page, keyset, page_of
from app.vocabulary import AuditAction, EntityType, QuoteStatus, SpeakerKind


@dataclass(frozen=True)
class SpeakerView:
    """A speaker (aliases loaded) with the number of their quotes and when they were first and
    last quoted."""

    speaker: Speaker
    quote_count: int
    first_seen: datetime | None
    last_seen: datetime | None


@dataclass(frozen=True)
class Resolved:
    """The stored speakers a document names, each locked until its transaction ends."""

    by_name: dict[str, Speaker]  # extracted canonical name -> live speaker
    by_alias: dict[str, Speaker]  # normalised mention -> the one live speaker known by it


def resolve_all(
    session: Session, extracted: Iterable[ExtractedSpeaker], mentions: list[str]
) -> Resolved:
    """The stored speakers that extracted ones denote (creating those that match nobody), and
    the speakers the archive knows by the mentions the text could not resolve.

    People match on a compatible name with the same surname; when several stored people fit,
    a new speaker is made rather than guessing (two people who share a surname are never
    merged silently). Organisations and groups match on an identical alias.

    Matching reads under per-name advisory locks, taken in one global order; then every stored
    speaker the document will name is locked in id order (`lock_live`), so a merge cannot move
    them away before the quotes naming them are stored, and one merged meanwhile is followed
    to the speaker it went into; only then are they updated (full name, aliases). No row lock
    is ever waited for while another speaker row is held out of order.
    """
    ordered = sorted(extracted, key=lock_key)
    created: dict[str, Speaker] = {}
    matched: dict[str, Speaker] = {}
    for speaker in ordered:
        _lock_name(session, speaker)
        found = (
            _match_person(session, speaker)
            if speaker.kind == SpeakerKind.person
            else _match_by_alias(session, speaker)
        )
        if found is None:
            # A row no other transaction sees yet: nothing to lock, and the next names of
            # this document already match it.
            created[speaker.name] = _create(session, speaker)
        else:
            matched[speaker.name] = found
    archive = known_by_alias(session, mentions)
    live = lock_live(session, {s.id for s in (*matched.values(), *archive.values())})
    by_name = dict(created)
    for speaker in ordered:
        if speaker.name in matched:
            by_name[speaker.name] = live[matched[speaker.name].id]
            _learn(session, by_name[speaker.name], speaker)
    return Resolved(by_name, {n: live[s.id] for n, s in archive.items()})


def _create(session: Session, extracted: ExtractedSpeaker) -> Speaker:
    speaker = Speaker(
        name=extracted.name,
        kind=SpeakerKind(extracted.kind),
        description=extracted.description,
        affiliation=extracted.affiliation,
    )
    session.add(speaker)
    session.flush()
    add_aliases(session, speaker.id, (extracted.name, *extracted.aliases))
    return speaker


def _learn(session: Session, speaker: Speaker, extracted: ExtractedSpeaker) -> None:
    """What a document tells of a stored (and locked) speaker: full name, details, aliases."""
    if is_full_name(extracted.name) and not is_full_name(speaker.name):
        speaker.name = extracted.name  # "Ms Ellery" learns her full name
    if speaker.description is None and extracted.description:
        speaker.description = extracted.description
    if speaker.affiliation is None and extracted.affiliation:
        speaker.affiliation = extracted.affiliation
    add_aliases(session, speaker.id, (extracted.name, *extracted.aliases))


def lock_live(session: Session, speaker_ids: Iterable[int]) -> dict[int, Speaker]:
    """Lock the speakers (in id order) and map each to the live speaker it is, or was merged
    into by a merge committed since it was read (following chains, locking those too).

    The lock (FOR NO KEY UPDATE) keeps merges away until the transaction ends; it does not
    block readers, nor inserts that merely refer to the speaker.
    """
    pending, rows = set(speaker_ids), dict[int, Speaker]()
    while pending:
        locked = session.scalars(
            select(Speaker)
            .where(Speaker.id.in_(pending))
            .order_by(Speaker.id)
            .with_for_update(key_share=True)
            .execution_options(populate_existing=True)
        ).all()
        rows.update((s.id, s) for s in locked)
        pending = {s.merged_into_id for s in locked if s.merged_into_id is not None} - set(rows)
    live = {}
    for speaker_id in rows:
        current = rows[speaker_id]
        while current.merged_into_id is not None:
            current = rows[current.merged_into_id]
        live[speaker_id] = current
    return live


def lock_key(extracted: ExtractedSpeaker) -> str:
    """The name whose lock serialises ingests that may create this speaker."""
    key = surname(extracted.name) if extracted.kind == SpeakerKind.person else None
    return key or normalise_alias(extracted.name)


def _lock_name(session: Session, extracted: ExtractedSpeaker) -> None:
    """Serialise concurrent ingests that may create the same speaker."""
    key = lock_key(extracted)
    session.execute(select(func.pg_advisory_xact_lock(func.hashtext("speaker:" + key))))


def _match_person(session: Session, extracted: ExtractedSpeaker) -> Speaker | None:
    last = surname(extracted.name)
    if not last:
        return None
    matching = select(SpeakerAlias.speaker_id).where(SpeakerAlias.last_word() == last)
    candidates = session.scalars(
        select(Speaker)
        .where(
            Speaker.kind == SpeakerKind.person,
            Speaker.merged_into_id.is_(None),
            Speaker.id.in_(matching),
        )
        .options(selectinload(Speaker.aliases))
    ).all()
    exact = normalise_alias(extracted.name)
    same = [s for s in candidates if any(a.normalised == exact for a in s.aliases)]
    if len(same) == 1 and is_full_name(extracted.name):
        return same[0]
    fitting = [s for s in candidates if names_compatible(s.name, extracted.name)]
    return fitting[0] if len(fitting) == 1 else None


def _match_by_alias(session: Session, extracted: ExtractedSpeaker) -> Speaker | None:
    return session.scalar(
        select(Speaker)
        .join(SpeakerAlias)
        .where(
            Speaker.kind == extracted.kind,
            Speaker.merged_into_id.is_(None),
            SpeakerAlias.normalised == normalise_alias(extracted.name),
        )
        .order_by(Speaker.id)
        .limit(1)
    )


def known_by_alias(session: Session, surfaces: list[str]) -> dict[str, Speaker]:
    """Normalised surface → the one live speaker the archive knows by that alias ('the water
    chief', added by an editor). Forms that several speakers share, and pronouns, name no one."""
    wanted = {normalise_alias(s) for s in surfaces} - PRONOUNS - {""}
    if not wanted:
        return {}
    rows = session.execute(
        select(SpeakerAlias.normalised, Speaker)
        .join(Speaker, Speaker.id == SpeakerAlias.speaker_id)
        .where(SpeakerAlias.normalised.in_(wanted), Speaker.merged_into_id.is_(None))
    ).all()
    found: dict[str, list[Speaker]] = {}
    for normalised, speaker in rows:
        found.setdefault(normalised, []).append(speaker)
    return {n: speakers[0] for n, speakers in found.items() if len(speakers) == 1}


def add_aliases(session: Session, speaker_id: int, aliases: tuple[str, ...]) -> list[str]:
    """Store the new surface forms of a speaker; returns those that were new."""
    rows = {normalise_alias(a): a.strip() for a in aliases if a.strip()}
    rows.pop("", None)
    if not rows:
        return []
    statement = (
        insert(SpeakerAlias)
        .values([{"speaker_id": speaker_id, "alias": a, "normalised": n} for n, a in rows.items()])
        .on_conflict_do_nothing(index_elements=["speaker_id", "normalised"])
        .returning(SpeakerAlias.alias)
    )
    return list(session.scalars(statement))


def get_speaker(session: Session, speaker_id: int) -> Speaker:
    speaker = session.get(Speaker, speaker_id, options=[selectinload(Speaker.aliases)])
    if speaker is None:
        raise NotFound(f"Speaker {speaker_id} does not exist.")
    return speaker


def describe(session: Session, speaker: Speaker) -> SpeakerView:
    """The speaker with their quote count (rejected quotes aside) and first and last seen."""
    seen = func.coalesce(Document.published_at, Document.created_at)
    row = session.execute(
        select(func.count(Quote.id), func.min(seen), func.max(seen))
        .join(Document, Document.id == Quote.document_id)
        .where(Quote.speaker_id == speaker.id, Quote.status != QuoteStatus.rejected)
    ).one()
    return SpeakerView(speaker, quote_count=row[0], first_seen=row[1], last_seen=row[2])


def list_speakers(
    session: Session, q: str | None, kind: SpeakerKind | None, cursor: str | None, limit: int
) -> Page[Speaker]:
    query = select(Speaker).where(Speaker.merged_into_id.is_(None))
    if kind:
        query = query.where(Speaker.kind == kind)
    if q and normalise_alias(q):
        needle = normalise_alias(q).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        matching = select(SpeakerAlias.speaker_id).where(
            or_(
                SpeakerAlias.normalised.like(f"{needle}%"),
                SpeakerAlias.normalised.like(f"% {needle}%"),
            )
        )
        query = query.where(Speaker.id.in_(matching))
    rows = session.scalars(keyset(query, [Speaker.id], cursor, limit)).all()
    return page_of(rows, limit, lambda s: [s.id])


def _locked(
    session: Session, speaker_ids: Iterable[int], *, key_share: bool = False
) -> dict[int, Speaker]:
    """The speakers that exist among the ids, their rows locked in id order and read afresh."""
    rows = session.scalars(
        select(Speaker)
        .where(Speaker.id.in_(sorted(set(speaker_ids))))
        .order_by(Speaker.id)
        .with_for_update(key_share=key_share)
        .options(selectinload(Speaker.aliases))
        .execution_options(populate_existing=True)
    ).all()
    return {s.id: s for s in rows}


def _live(speaker: Speaker | None, speaker_id: int, action: str) -> Speaker:
    if speaker is None:
        raise NotFound(f"Speaker {speaker_id} does not exist.")
    if speaker.merged_into_id is not None:
        raise Conflict(
            f"Speaker {speaker.id} was already merged into {speaker.merged_into_id}; {action}.",
            merged_into_id=speaker.merged_into_id,
        )
    return speaker


def _holders(session: Session, normalised: str, speaker_id: int) -> list[Speaker]:
    """The other live speakers known by this normalised alias, in id order."""
    return list(
        session.scalars(
            select(Speaker)
            .join(SpeakerAlias, SpeakerAlias.speaker_id == Speaker.id)
            .where(
                SpeakerAlias.normalised == normalised,
                Speaker.id != speaker_id,
                Speaker.merged_into_id.is_(None),
            )
            .order_by(Speaker.id)
        )
    )


def add_alias(
    session: Session, speaker_id: int, alias: str, actor: str, *, force: bool = False
) -> Speaker:
    """Add an alias to a live speaker; a merged one is refused, as the alias would be lost.

    An alias another live speaker already has is a 409 naming that speaker, unless `force`
    (an admin's decision, checked by the API): one name for two people makes search and
    attribution ambiguous. Two adds of one alias wait for each other (an advisory lock on the
    normalised form), so the second sees the first's alias.
    """
    normalised = normalise_alias(alias)
    if not normalised:
        raise Unprocessable("The alias has no letters or digits.", field="alias")
    with write(session):
        session.execute(select(func.pg_advisory_xact_lock(func.hashtext("alias:" + normalised))))
        locked = _locked(session, [speaker_id], key_share=True)
        speaker = _live(locked.get(speaker_id), speaker_id, "add the alias to that speaker")
        holders = _holders(session, normalised, speaker_id)
        if holders and not force:
            other = holders[0]
            raise Conflict(
                f"The alias {alias.strip()!r} already belongs to speaker {other.id} "
                f"({other.name}); an admin may add it anyway with force=true.",
                speaker={"id": other.id, "name": other.name},
                speakers=[{"id": s.id, "name": s.name} for s in holders],
            )
        added = add_aliases(session, speaker_id, (alias,))
        if added:
            after: dict[str, Any] = {"alias": alias}
            if holders:
                after["forced"] = True
                after["also_alias_of"] = [{"id": s.id, "name": s.name} for s in holders]
            audit.record(
                session,
                actor,
                AuditAction.add_alias,
                EntityType.speaker,
                speaker_id,
                None,
                after,
            )
    session.refresh(speaker, ["aliases"])
    return speaker


def remove_alias(session: Session, speaker_id: int, alias: str, actor: str) -> Speaker:
    """Remove an alias (given as written or normalised) from a live speaker; the speaker's
    canonical name is kept (409), an alias the speaker does not have is a 404."""
    normalised = normalise_alias(alias)
    with write(session):
        locked = _locked(session, [speaker_id], key_share=True)
        speaker = _live(locked.get(speaker_id), speaker_id, "remove the alias from that speaker")
        row = next((a for a in speaker.aliases if a.normalised == normalised), None)
        if not normalised or row is None:
            raise NotFound(f"Speaker {speaker_id} has no alias {alias!r}.")
        if normalised == normalise_alias(speaker.name):
            raise Conflict(
                f"{row.alias!r} is the canonical name of speaker {speaker_id}; it cannot be "
                "removed.",
                speaker={"id": speaker.id, "name": speaker.name},
            )
        before = {"alias": row.alias, "normalised": row.normalised}
        session.execute(delete(SpeakerAlias).where(SpeakerAlias.id == row.id))
        audit.record(
            session,
            actor,
            AuditAction.remove_alias,
            EntityType.speaker,
            speaker_id,
            before,
            None,
        )
    session.refresh(speaker, ["aliases"])
    return speaker


def merge(session: Session, speaker_id: int, into_id: int, actor: str) -> Speaker:
    """Move one speaker's quotes and aliases to another; the merged one stays as a record.

    Both speakers are locked (in id order, so two merges sharing a speaker wait for each other
    instead of deadlocking) and read again before anything is decided: of two merges racing
    (A into B and B into A, or A into B and B into C) the second sees the first's outcome and
    is refused with a 409. The moved quotes are locked in id order too, as a document's
    deletion locks its quotes. Ingests and corrections naming either speaker hold a lock on it
    that this waits for, so no quote is left on a speaker merged away.
    """
    if speaker_id == into_id:
        raise Unprocessable("A speaker cannot be merged into itself.", field="into")
    with write(session):
        locked = _locked(session, [speaker_id, into_id])
        source = _live(locked.get(speaker_id), speaker_id, "merge the speaker it went into")
        target = _live(locked.get(into_id), into_id, "merge into the speaker it went into")
        session.scalars(
            select(Quote.id)
            .where(Quote.speaker_id == source.id)
            .order_by(Quote.id)
            .with_for_update()
        ).all()
        moved = cast(
            CursorResult[Any],
            session.execute(
                update(Quote).where(Quote.speaker_id == source.id).values(speaker_id=target.id)
            ),
        ).rowcount
        aliases = tuple(a.alias for a in source.aliases)
        add_aliases(session, target.id, aliases)
        source.merged_into_id = target.id
        audit.record(
            session,
            actor,
            AuditAction.merge,
            EntityType.speaker,
            source.id,
            {"speaker_id": source.id, "name": source.name},
            {"merged_into": target.id, "quotes_moved": moved, "aliases": list(aliases)},
        )
    session.refresh(target, ["aliases"])
    return target
