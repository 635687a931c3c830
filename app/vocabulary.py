"""Every closed vocabulary of the data model and the API, each spelled once.

Models type their columns with these (and generate their CHECK constraints from them: `one_of`
in app/models/base.py), schemas and query parameters validate with them, services compare with
them. Members are named as their values, so a member's name, value and str() are one spelling.
tests/test_vocabulary.py checks that the CHECK constraints the migrations made equal these.
"""

from __future__ import annotations

from enum import StrEnum


class SpeakerKind(StrEnum):
    person = "person"
    organisation = "organisation"
    group = "group"


class QuoteKind(StrEnum):
    direct = "direct"
    partial = "partial"
    indirect = "indirect"
    transcript = "transcript"
    question = "question"


class QuoteStatus(StrEnum):
    """`auto` as the engine found it; `confirmed` or `rejected` by an editor."""

    auto = "auto"
    confirmed = "confirmed"
    rejected = "rejected"


class ClaimStatus(StrEnum):
    unreviewed = "unreviewed"
    in_review = "in_review"
    supported = "supported"
    disputed = "disputed"
    false = "false"
    misleading = "misleading"
    unverifiable = "unverifiable"


class Stance(StrEnum):
    """How a piece of evidence bears on its claim."""

    supports = "supports"
    contradicts = "contradicts"
    mentions = "mentions"


class DocumentKind(StrEnum):
    article = "article"
    transcript = "transcript"
    press_release = "press_release"
    interview = "interview"
    other = "other"


class SourceFormat(StrEnum):
    """What a document was ingested from: plain text, or an HTML page's main text."""

    text = "text"
    html = "html"


class PassageKind(StrEnum):
    paragraph = "paragraph"
    sentence = "sentence"


class Role(StrEnum):
    """An API key's role, in rank order: each role may do what the ones before it may."""

    reader = "reader"
    editor = "editor"
    admin = "admin"

    @property
    def rank(self) -> int:
        return list(Role).index(self)


class SearchType(StrEnum):
    """What `GET /search` looks through."""

    passage = "passage"
    quote = "quote"
    claim = "claim"


class SearchSort(StrEnum):
    relevance = "relevance"
    recent = "recent"


class Verdict(StrEnum):
    """Was it said? The verdict of `POST /verify`; a match is never `not_found` or
    `misattributed` (the words found, but only under someone else than the speaker asked)."""

    verbatim = "verbatim"
    altered = "altered"
    paraphrase = "paraphrase"
    misattributed = "misattributed"
    not_found = "not_found"


class SpeakerVerdict(StrEnum):
    """Was it said by the speaker asked about? The `speaker_verdict` of `POST /verify`."""

    matches = "matches"
    misattributed = "misattributed"
    unknown = "unknown"


class EntityType(StrEnum):
    """What an audit entry is about."""

    document = "document"
    quote = "quote"
    speaker = "speaker"
    claim = "claim"
    evidence = "evidence"
    api_key = "api_key"


class AuditAction(StrEnum):
    """What an audit entry records."""

    create = "create"
    delete = "delete"
    update = "update"
    correct = "correct"
    add = "add"
    add_alias = "add_alias"
    remove_alias = "remove_alias"
    merge = "merge"
    revoke = "revoke"
