"""SQLAlchemy models; importing this package registers every table on Base.metadata."""

from app.models.api_key import ApiKey
from app.models.audit import AuditEntry
from app.models.base import Base
from app.models.claim import Claim, Evidence
from app.models.document import Document, Passage
from app.models.quote import Quote
from app.models.speaker import Speaker, SpeakerAlias

__all__ = [
    "ApiKey",
    "AuditEntry",
    "Base",
    "Claim",
    "Document",
    "Evidence",
    "Passage",
    "Quote",
    "Speaker",
    "SpeakerAlias",
]
