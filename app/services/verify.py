"""Verifying a circulating quote: where were the words said, by whom, first, and were they changed?

Candidates come from the full-text GIN indexes of paragraph passages and stored quotes (on the
expression described in `app/models/text_index.py`) with a query built from the quote's rarest
lexemes; each candidate is then aligned word by word in Python (`app/extract/alignment.py`),
which decides the verdict and the exact offsets.
"""

from __future__ import annotations

import itertools
import math
import time
import unicodedata
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.extract.alignment import Alignment, DiffOp, align, fragments
from app.extract.names import names_compatible, normalise_alias
from app.models.text_index import indexed_sql
from app.services.errors import Unprocessable
from app.vocabulary import PassageKind, QuoteStatus, SpeakerKind, SpeakerVerdict, Verdict

VERDICT_ORDER = (Verdict.verbatim, Verdict.altered, Verdict.paraphrase)
RAREST_LEXEMES = 6
CANDIDATES = 40
RANKED_POOL = 1_000
MAX_MATCHES = 20
STATS_TTL_SECONDS = 600.0

# Paragraphs cover every sentence; quotes add spans that cross a paragraph break. A relaxed
# query over common words can hold tens of thousands of rows (template sentences repeated in
# many documents): only the first :pool matches the bitmap scan meets are ranked, so the heap
# reads stay bounded (deterministic for a given table state). The scans are MATERIALIZED CTEs,
# read lazily, so the planner plans them whole (GIN bitmap) instead of hoping a sequential scan
# under a LIMIT meets enough matches early.
CANDIDATES_SQL = text(
    f"""
    WITH paragraph_hits AS MATERIALIZED (
        SELECT p.id, p.document_id, p.start, p.text, p.tsv FROM passages p
        WHERE {indexed_sql("p")} @@ CAST(:query AS tsquery)
          AND p.kind = '{PassageKind.paragraph}'
    ), quote_hits AS MATERIALIZED (
        SELECT q.id, q.document_id, q.start, q.text, q.segments, q.tsv FROM quotes q
        WHERE {indexed_sql("q")} @@ CAST(:query AS tsquery)
          AND q.status <> '{QuoteStatus.rejected}'
    ), hits AS (
        (SELECT p.document_id, p.start, p.text, NULL::jsonb AS segments, NULL::bigint AS quote_id
         FROM (SELECT * FROM paragraph_hits LIMIT :pool) p
         ORDER BY ts_rank(p.tsv, CAST(:query AS tsquery)) DESC, p.id
         LIMIT :limit)
        UNION ALL
        (SELECT q.document_id, q.start, q.text, q.segments, q.id
         FROM (SELECT * FROM quote_hits LIMIT :pool) q
         ORDER BY ts_rank(q.tsv, CAST(:query AS tsquery)) DESC, q.id
         LIMIT :limit)
    )
    SELECT h.document_id, h.start, h.text, h.segments, h.quote_id,
           d.title, d.publisher, d.published_at
    FROM hits h JOIN documents d ON d.id = h.document_id
    """
)
# A lazily read CTE keeps the GIN bitmap plan; EXISTS over the bare table would be planned as
# a sequential scan hoping to meet a match early, reading all 1.7 M rows for an absent word.
IN_ARCHIVE_SQL = text(
    f"""
    WITH hits AS MATERIALIZED (SELECT 1 FROM passages p
                         WHERE {indexed_sql("p")} @@ CAST(:query AS tsquery))
    SELECT EXISTS (SELECT 1 FROM hits)
    """
)
# When every rare lexeme is present the words were probably said verbatim, perhaps many
# times: take the earliest published candidates so that the first appearance is right.
EARLIEST_SQL = text(
    f"""
    SELECT p.document_id, p.start, p.text, NULL::jsonb AS segments, NULL::bigint AS quote_id,
           d.title, d.publisher, d.published_at
    FROM passages p JOIN documents d ON d.id = p.document_id
    WHERE {indexed_sql("p")} @@ CAST(:query AS tsquery)
      AND p.kind = '{PassageKind.paragraph}'
    ORDER BY d.published_at ASC NULLS LAST, p.id
    LIMIT :limit
    """
)
ATTRIBUTION_SQL = text(
    f"""
    SELECT DISTINCT ON (m.i) m.i, q.id, q.speaker_id,
           coalesce(s.name, q.speaker_name) AS speaker_name, s.kind
    FROM unnest(CAST(:docs AS bigint[]), CAST(:starts AS int[]), CAST(:ends AS int[]))
         WITH ORDINALITY AS m(document_id, start, "end", i)
    JOIN quotes q ON q.document_id = m.document_id AND q.start < m."end" AND q."end" > m.start
    LEFT JOIN speakers s ON s.id = q.speaker_id
    WHERE q.status <> '{QuoteStatus.rejected}'
    ORDER BY m.i, least(q."end", m."end") - greatest(q.start, m.start) DESC, q.confidence DESC
    """
)


@dataclass(frozen=True)
class Attribution:
    """The stored quote overlapping a match most, and its speaker."""

    quote_id: int
    speaker_id: int | None
    name: str | None


@dataclass(frozen=True)
class Match:
    document_id: int
    title: str
    publisher: str | None
    published_at: datetime | None
    start: int
    end: int
    source_text: str
    verdict: Verdict
    similarity: float
    diff: tuple[DiffOp, ...]
    attributed_to: Attribution | None = None
    speaker_matches: bool | None = None


@dataclass(frozen=True)
class Speaker:
    """Who actually said the words, when it is not the speaker asked about."""

    speaker_id: int | None
    name: str


@dataclass(frozen=True)
class Verification:
    text: str  # the words as claimed
    speaker: str | None
    verdict: Verdict
    matches: list[Match]
    first_appearance: Match | None
    speaker_verdict: SpeakerVerdict = SpeakerVerdict.unknown
    said_by: tuple[Speaker, ...] = ()

    @property
    def diff(self) -> tuple[DiffOp, ...]:
        return self.matches[0].diff if self.matches else ()


def verify(session: Session, claimed: str, speaker: str | None = None) -> Verification:
    """Find where the claimed words (or nearly these words) appear and who said them."""
    if not fragments(claimed):
        raise Unprocessable("The text has no words to look for.", field="text")
    lexemes, needed = _rarest_lexemes(session, claimed)
    if not lexemes and not needed:
        raise Unprocessable(
            "The text has only very common words; give a longer part of the quote.", field="text"
        )
    candidates = _candidates(session, lexemes) if len(lexemes) >= needed else []
    matches = _best_per_place(_aligned(claimed, candidates))[:MAX_MATCHES]
    matches = _attributed(session, matches, speaker)
    if not matches:
        return Verification(claimed, speaker, Verdict.not_found, [], None)
    speaker_verdict, said_by = _speaker_verdict(matches, speaker)
    verdict = (
        Verdict.misattributed
        if speaker_verdict == SpeakerVerdict.misattributed
        else matches[0].verdict
    )
    return Verification(
        claimed, speaker, verdict, matches, _first(matches), speaker_verdict, said_by
    )


def _speaker_verdict(
    matches: list[Match], asked: str | None
) -> tuple[SpeakerVerdict, tuple[Speaker, ...]]:
    """Were the words said by the speaker asked about? `matches` when any match is attributed
    to them; `misattributed` when none is and some are attributed to someone else (who, best
    match first, each once); `unknown` when no speaker is asked or no match has a speaker."""
    if not asked:
        return SpeakerVerdict.unknown, ()
    if any(match.speaker_matches for match in matches):
        return SpeakerVerdict.matches, ()
    others: dict[tuple[int | None, str], Speaker] = {}
    for match in matches:
        attributed = match.attributed_to
        if match.speaker_matches is False and attributed and attributed.name:
            key = (attributed.speaker_id, attributed.name)
            others.setdefault(key, Speaker(attributed.speaker_id, attributed.name))
    if others:
        return SpeakerVerdict.misattributed, tuple(others.values())
    return SpeakerVerdict.unknown, ()


# Each lexeme of the quote in NFC, with its spelling in NFD: PostgreSQL indexes words as they
# are stored, so a "café" stored with a combining accent is another lexeme than a composed one.
# The two forms of a word have the same positions in the quote.
LEXEME_FORMS_SQL = text(
    """
    SELECT c.lexeme, d.lexeme
    FROM unnest(to_tsvector('english', :composed)) WITH ORDINALITY c
    LEFT JOIN unnest(to_tsvector('english', :decomposed)) d ON d.positions = c.positions
    ORDER BY c.ordinality
    """
)

# A lexeme as looked up: its spellings in either Unicode normalisation form (one or two).
Lexeme = tuple[str, ...]


def _lexemes(session: Session, claimed: str) -> list[Lexeme]:
    """The quote's lexemes, each with its composed and decomposed spelling when they differ."""
    forms = {
        "composed": unicodedata.normalize("NFC", claimed),
        "decomposed": unicodedata.normalize("NFD", claimed),
    }
    rows = session.execute(LEXEME_FORMS_SQL, forms).all()
    return [(nfc,) if nfd in (None, nfc) else (nfc, nfd) for nfc, nfd in rows]


def _rarest_lexemes(session: Session, claimed: str) -> tuple[list[Lexeme], int]:
    """The quote's lexemes found in the archive, rarest first, and how many must be found.

    Rarity comes from the planner's statistics, longest first on ties. A lexeme no passage
    holds (a word added in the circulating version) is left out: it could only make every
    candidate query fail. When fewer than half of the (up to 6) lexemes looked for exist
    anywhere, no passage can hold half of them, the loosest query: nothing to look up.
    """
    found = _lexemes(session, claimed)
    frequency = _lexeme_frequencies(session)
    floor = min(frequency.values(), default=0.0)

    def rarity(lexeme: Lexeme) -> tuple[float, int]:
        known = [frequency[form] for form in lexeme if form in frequency]
        return (sum(known) if known else floor, -len(lexeme[0]))

    chosen: list[Lexeme] = []
    for lexeme in sorted(found, key=rarity):
        if len(chosen) == RAREST_LEXEMES:
            break
        if any(form in frequency for form in lexeme) or _in_archive(session, lexeme):
            chosen.append(lexeme)
    return chosen, math.ceil(min(RAREST_LEXEMES, len(found)) / 2)


def _in_archive(session: Session, lexeme: Lexeme) -> bool:
    """Whether any passage holds a lexeme too rare for the statistics (a short GIN probe)."""
    return bool(session.scalar(IN_ARCHIVE_SQL, {"query": _quoted(lexeme)}))


_stats_cache: dict[str, tuple[float, dict[str, float]]] = {}


def _lexeme_frequencies(session: Session) -> dict[str, float]:
    """Share of passages holding each common lexeme, from ANALYZE's statistics (cached)."""
    database = session.get_bind().engine.url.database or ""
    cached = _stats_cache.get(database)
    if cached and time.monotonic() - cached[0] < STATS_TTL_SECONDS:
        return cached[1]
    row = session.execute(
        text(
            "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats "
            "WHERE schemaname = current_schema() AND tablename = 'passages' AND attname = 'tsv'"
        )
    ).first()
    frequencies = dict(zip(row[0], row[1], strict=False)) if row and row[0] else {}
    _stats_cache[database] = (time.monotonic(), frequencies)
    return frequencies


def _quoted(lexeme: Lexeme) -> str:
    """A lexeme as a tsquery operand: any of its spellings."""
    forms = ["'" + form.replace("\\", "\\\\").replace("'", "''") + "'" for form in lexeme]
    return forms[0] if len(forms) == 1 else "(" + " | ".join(forms) + ")"


def _all_of(lexemes: list[Lexeme]) -> str:
    return " & ".join(_quoted(lexeme) for lexeme in lexemes)


def _at_least(lexemes: list[Lexeme], size: int) -> str:
    """A tsquery true when at least size of the lexemes are present, in any order."""
    groups = itertools.combinations(lexemes, size)
    return " | ".join(f"({_all_of(list(group))})" for group in groups)


def _relaxed(lexemes: list[Lexeme]) -> list[str]:
    """Looser queries tried in turn: all lexemes but one, then at least half of them."""
    half = max(1, math.ceil(len(lexemes) / 2))
    sizes = sorted({len(lexemes) - 1, half} - {0, len(lexemes)}, reverse=True)
    return [_at_least(lexemes, size) for size in sizes if size >= half]


def _candidates(session: Session, lexemes: list[Lexeme]) -> list[dict]:
    """Passages and quotes holding all the rare lexemes; failing that, most of them."""
    everything = _all_of(lexemes)
    rows = session.execute(EARLIEST_SQL, {"query": everything, "limit": CANDIDATES}).mappings()
    found = [dict(row) for row in rows]
    found += _ranked(session, everything)
    for query in _relaxed(lexemes):
        if found:
            break
        found = _ranked(session, query)
    return found


def _ranked(session: Session, query: str) -> list[dict]:
    parameters = {"query": query, "limit": CANDIDATES, "pool": RANKED_POOL}
    return [dict(row) for row in session.execute(CANDIDATES_SQL, parameters).mappings()]


def _aligned(claimed: str, candidates: list[dict]) -> list[Match]:
    """Each candidate aligned with the claim; identical texts (template sentences repeated in
    many documents) are aligned once and the offsets mapped to each place."""
    by_text: dict[str, Alignment | None] = {}
    matches = []
    for row in candidates:
        if row["text"] not in by_text:
            by_text[row["text"]] = align(claimed, row["text"])
        alignment = by_text[row["text"]]
        if alignment is not None:
            matches.append(_match(row, alignment))
    return matches


def _in_document(row: dict, offset: int, *, end: bool) -> int:
    """An offset into a candidate's text as an offset into its document. A quote split by its
    attribution stores its segments' texts joined with a space: an offset past the first
    segment lands in a later one. On a joining space, a start moves to the next segment and an
    end stays at the end of the previous one."""
    segments = row["segments"]
    if not segments or len(segments) == 1:
        return row["start"] + offset
    position = 0
    for segment in segments:
        length = segment["end"] - segment["start"]
        if offset < position + length or (end and offset <= position + length):
            return segment["start"] + max(offset - position, 0)
        position += length + 1
    return segments[-1]["end"]


def _match(row: dict, alignment: Alignment) -> Match:
    """A candidate's alignment (offsets into the candidate's text) as a match in its document."""
    return Match(
        document_id=row["document_id"],
        title=row["title"],
        publisher=row["publisher"],
        published_at=row["published_at"],
        start=_in_document(row, alignment.start, end=False),
        end=_in_document(row, alignment.end, end=True),
        source_text=row["text"][alignment.start : alignment.end],
        verdict=Verdict(alignment.verdict),
        similarity=alignment.similarity,
        diff=alignment.diff,
    )


def _best_per_place(matches: list[Match]) -> list[Match]:
    """One match per place in a document (a paragraph and a quote often find the same words)."""
    ordered = sorted(matches, key=_strength)
    kept: list[Match] = []
    for match in ordered:
        if not any(_overlap(match, other) for other in kept):
            kept.append(match)
    return kept


def _strength(match: Match) -> tuple:
    published = match.published_at.timestamp() if match.published_at else math.inf
    return (VERDICT_ORDER.index(match.verdict), -match.similarity, published, match.document_id)


def _overlap(a: Match, b: Match) -> bool:
    return a.document_id == b.document_id and a.start < b.end and b.start < a.end


def _first(matches: list[Match]) -> Match:
    """The earliest published match among those with the best verdict."""
    best = [m for m in matches if m.verdict == matches[0].verdict]
    return min(best, key=lambda m: (m.published_at is None, m.published_at or 0, m.document_id))


def _attributed(session: Session, matches: list[Match], asked: str | None) -> list[Match]:
    """Each match with the speaker of the stored quote overlapping it most."""
    if not matches:
        return matches
    rows = session.execute(
        ATTRIBUTION_SQL,
        {
            "docs": [m.document_id for m in matches],
            "starts": [m.start for m in matches],
            "ends": [m.end for m in matches],
        },
    ).all()
    by_match = {row.i - 1: row for row in rows}
    aliases = _aliases(session, {row.speaker_id for row in rows if row.speaker_id})
    result = []
    for index, match in enumerate(matches):
        row = by_match.get(index)
        if row is None:
            result.append(match)
            continue
        attribution = Attribution(row.id, row.speaker_id, row.speaker_name)
        names = [*aliases.get(row.speaker_id, []), row.speaker_name or ""]
        same = _same_speaker(asked, names, row.kind) if asked and row.speaker_name else None
        result.append(replace(match, attributed_to=attribution, speaker_matches=same))
    return result


def _aliases(session: Session, speaker_ids: set[int]) -> dict[int, list[str]]:
    if not speaker_ids:
        return {}
    rows = session.execute(
        text("SELECT speaker_id, alias FROM speaker_aliases WHERE speaker_id = ANY(:ids)"),
        {"ids": list(speaker_ids)},
    ).all()
    aliases: dict[int, list[str]] = {}
    for speaker_id, alias in rows:
        aliases.setdefault(speaker_id, []).append(alias)
    return aliases


def _same_speaker(asked: str, names: list[str], kind: str | None) -> bool:
    """Whether the asked name denotes the attributed speaker, through any of their aliases."""
    wanted = normalise_alias(asked)
    if any(normalise_alias(name) == wanted for name in names if name):
        return True
    if kind in (None, SpeakerKind.person):
        return any(names_compatible(name, asked) for name in names if name)
    return False
