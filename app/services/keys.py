"""API keys: creation (shown once), listing, revocation and authentication."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.db.transaction import write
from app.models import ApiKey
from app.services import audit
from app.services.errors import Conflict, NotFound, Unprocessable
from app.vocabulary import AuditAction, EntityType, Role

KEY_PREFIX = "att_"
LAST_USED_RESOLUTION = timedelta(minutes=1)


@dataclass(frozen=True)
class Principal:
    """Who is making a request: a key's name and role."""

    name: str
    role: Role

    def can(self, role: Role) -> bool:
        return self.role.rank >= role.rank


ANONYMOUS_READER = Principal(name="anonymous", role=Role.reader)


def hash_key(key: str) -> str:
    # Keys are 256-bit random tokens, so a fast hash is enough: there is nothing to brute-force.
    return hashlib.sha256(key.encode()).hexdigest()


def create_key(
    session: Session, name: str, role: Role | str, *, actor: str
) -> tuple[ApiKey, str]:
    """Create a key and return it with its secret, which is never stored nor shown again."""
    if role not in set(Role):
        raise Unprocessable(f"Role must be one of {', '.join(Role)}.", field="role")
    role = Role(role)
    if not name.strip():
        raise Unprocessable("A key needs a name.", field="name")
    secret = KEY_PREFIX + secrets.token_urlsafe(32)
    key = ApiKey(name=name.strip(), role=role, key_hash=hash_key(secret), prefix=secret[:10])
    with write(session):
        session.add(key)
        try:
            session.flush()
        except IntegrityError as error:
            raise Conflict(f"A key named {name!r} already exists.", field="name") from error
        audit.record(
            session,
            actor,
            AuditAction.create,
            EntityType.api_key,
            key.id,
            None,
            {"name": key.name, "role": role},
        )
    return key, secret


def list_keys(session: Session) -> list[ApiKey]:
    return list(session.scalars(select(ApiKey).order_by(ApiKey.id)))


def revoke_key(session: Session, name: str, *, actor: str) -> ApiKey:
    with write(session):
        key = session.scalar(select(ApiKey).where(ApiKey.name == name).with_for_update())
        if key is None:
            raise NotFound(f"No key named {name!r}.")
        if key.revoked_at is None:
            key.revoked_at = datetime.now(UTC)
            audit.record(
                session,
                actor,
                AuditAction.revoke,
                EntityType.api_key,
                key.id,
                {"revoked": False},
                {"revoked": True},
            )
    return key


def authenticate(session: Session, secret: str) -> Principal | None:
    """The principal of a live key, or None for an unknown or revoked one."""
    row = session.execute(
        select(ApiKey.id, ApiKey.name, ApiKey.role, ApiKey.last_used_at).where(
            ApiKey.key_hash == hash_key(secret), ApiKey.revoked_at.is_(None)
        )
    ).first()
    if row is not None and _stale(row.last_used_at):
        # Refreshed at most once a minute, in a transaction of its own: a write per request
        # would serialise every concurrent request made with one key on that key's row lock.
        with write(session):
            session.execute(
                update(ApiKey).where(ApiKey.id == row.id).values(last_used_at=datetime.now(UTC))
            )
    return None if row is None else Principal(name=row.name, role=row.role)


def _stale(last_used_at: datetime | None) -> bool:
    return last_used_at is None or datetime.now(UTC) - last_used_at > LAST_USED_RESOLUTION
