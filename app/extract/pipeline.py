"""The quote engine: find every quote in a news text and say who said it, and why we think so."""

from __future__ import annotations

from dataclasses import dataclass

from app.extract.boilerplate import is_boilerplate, is_heading, is_separator
from app.extract.candidates import Candidate
from app.extract.direct import block_quotes, direct_quotes
from app.extract.document import Layout
from app.extract.passages import paragraph_spans
from app.extract.quotes import find_quoted_spans
from app.extract.reported import reported_speech
from app.extract.resolution import Resolved, resolve_speakers
from app.extract.transcripts import transcript_quotes
from app.extract.utterances import joined_utterances
from app.vocabulary import QuoteKind, SpeakerKind


@dataclass(frozen=True, slots=True)
class Mention:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ExtractedSpeaker:
    name: str  # canonical name
    kind: SpeakerKind
    aliases: tuple[str, ...]  # every surface form seen in this text, pronouns excluded
    description: str | None  # role, e.g. "Nato’s secretary-general"
    affiliation: str | None  # e.g. "Nato"


@dataclass(frozen=True, slots=True)
class ExtractedQuote:
    text: str  # the quoted words without their quotation marks; a split quote's segments joined
    start: int  # start of the first segment
    end: int  # end of the last segment
    kind: QuoteKind
    cue: str | None  # the speech verb or label that attributed it; None for a continuation
    speaker: str | None  # canonical name, or None when it cannot be resolved
    mention: Mention | None  # the mention that attributed it
    confidence: float  # 0..1
    method: str  # the rule that found and attributed it
    # '“A,” he said, “B.”' is one utterance in two segments; most quotes have one.
    segments: tuple[Span, ...]
    # A partial quote's reported clause around its quoted words ('called the plan “a disaster”').
    clause: Span | None = None


@dataclass(frozen=True, slots=True)
class Extraction:
    quotes: tuple[ExtractedQuote, ...]
    speakers: tuple[ExtractedSpeaker, ...]


def extract(text: str) -> Extraction:
    """All quotes in text, each with its speaker, cue, offsets and the rule that found it."""
    paragraphs = paragraph_spans(text)
    boiler = {i for i, (s, e) in enumerate(paragraphs) if is_boilerplate(text[s:e])}
    transcript, consumed = transcript_quotes(text, paragraphs, boiler)
    prose = [
        i
        for i, (s, e) in enumerate(paragraphs)
        if i not in boiler
        and i not in consumed
        and not _not_prose(text[s:e])
        and not (i == 0 and _is_headline(text[s:e]))
    ]
    turns = {c.paragraph for c in transcript}
    readable_turns = sorted(set(prose) | turns)
    not_prose = set(range(len(paragraphs))) - set(readable_turns)
    quoted = find_quoted_spans(text, paragraphs, not_prose)
    layout = Layout(text, paragraphs, readable_turns, quoted)
    asking = {c.paragraph for c in transcript if c.kind == "question"}
    found = [
        c
        for c in direct_quotes(layout) + block_quotes(layout) + reported_speech(layout)
        if c.paragraph not in turns or _embedded_in_turn(c, c.paragraph in asking)
    ]
    candidates = _without_overlaps(found) + transcript
    candidates.sort(key=lambda c: c.start)
    readable = [i for i in range(len(paragraphs)) if i not in boiler and i not in consumed]
    resolved = resolve_speakers(text, paragraphs, readable, candidates)
    return _assemble(text, joined_utterances(text, resolved))


def extraction_to_dict(extraction: Extraction) -> dict:
    """{"quotes": [...], "speakers": [...]} in the shape `attest extract --json` prints."""
    return {
        "quotes": [_quote_dict(q) for q in extraction.quotes],
        "speakers": [
            {
                "name": s.name,
                "kind": s.kind,
                "aliases": list(s.aliases),
                "description": s.description,
                "affiliation": s.affiliation,
            }
            for s in extraction.speakers
        ],
    }


def _quote_dict(quote: ExtractedQuote) -> dict:
    mention = quote.mention
    return {
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
        "kind": quote.kind,
        "cue": quote.cue,
        "speaker": {
            "name": quote.speaker,
            "mention": (
                {"text": mention.text, "start": mention.start, "end": mention.end}
                if mention
                else None
            ),
        },
        "confidence": quote.confidence,
        "method": quote.method,
        "segments": [{"start": s.start, "end": s.end} for s in quote.segments],
        "clause": (
            {"start": quote.clause.start, "end": quote.clause.end} if quote.clause else None
        ),
    }


def _embedded_in_turn(candidate: Candidate, in_question: bool) -> bool:
    """Speech reported inside a transcript turn ('X told us that ...') is a quote of its own when
    it names who said it; the turn's own 'I said' is not. In a question only what unnamed groups
    say counts ('some businesses say ...'); the rest is the reporter's framing."""
    if candidate.inherits or candidate.cue is None or candidate.mention is None:
        return False
    if candidate.mention.text.lower() == "it":
        return False  # "it tells me supply is starting to matter": a figure of speech
    if in_question and candidate.mention.kind != "group":
        return False
    candidate.embedded = True
    return True


def _not_prose(paragraph: str) -> bool:
    return is_separator(paragraph) or (is_heading(paragraph) and not _has_quote_mark(paragraph))


def _is_headline(paragraph: str) -> bool:
    """The first line, short and without a full stop once its closing quote is set aside."""
    return is_heading(paragraph.rstrip().rstrip("”\"’'"))


def _has_quote_mark(paragraph: str) -> bool:
    return any(mark in paragraph for mark in '“”"‘')


def _without_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """Two finds of the same words: keep the one with the stronger rule.

    Candidates are visited by start; only kept finds of the same kind that still reach past
    the current start can overlap it, so each is compared with a handful, not with all."""
    kept: list[Candidate] = []
    reaching: dict[str, list[int]] = {}  # kind -> indexes into kept that may still overlap
    for candidate in sorted(candidates, key=lambda c: (c.start, -c.end)):
        live = [i for i in reaching.get(candidate.kind, []) if kept[i].end > candidate.start]
        duplicate = next((i for i in live if _same_span(kept[i], candidate)), None)
        if duplicate is None or candidate.method == "direct:nested":
            live.append(len(kept))
            kept.append(candidate)
        elif candidate.confidence > kept[duplicate].confidence:
            kept[duplicate] = candidate
        reaching[candidate.kind] = live
    return kept


def _same_span(a: Candidate, b: Candidate) -> bool:
    overlap = min(a.end, b.end) - max(a.start, b.start)
    return overlap > 0.8 * min(a.end - a.start, b.end - b.start)


def _assemble(text: str, resolved: list[Resolved]) -> Extraction:
    quotes: list[ExtractedQuote] = []
    speakers: dict[int, ExtractedSpeaker] = {}
    for item in resolved:
        c, entity, mention = item.candidate, item.entity, item.mention
        name = entity.canonical if entity is not None else None
        segments = tuple(Span(s, e) for s, e in (c.segments or [(c.start, c.end)]))
        quotes.append(
            ExtractedQuote(
                " ".join(text[s.start : s.end] for s in segments),
                c.start,
                c.end,
                QuoteKind(c.kind),
                c.cue,
                name,
                Mention(mention.text, mention.start, mention.end) if mention else None,
                round(c.confidence * (1.0 if entity is not None else 0.7), 2),
                c.method,
                segments,
                Span(*c.clause) if c.clause else None,
            )
        )
        if entity is not None and id(entity) not in speakers:
            speakers[id(entity)] = ExtractedSpeaker(
                entity.canonical,
                SpeakerKind(entity.kind),
                tuple(_aliases(entity.canonical, entity.aliases)),
                entity.description,
                entity.affiliation,
            )
    return Extraction(tuple(quotes), tuple(speakers.values()))


def _aliases(canonical: str, aliases: list[str]) -> list[str]:
    return [canonical] + [a for a in aliases if a != canonical]
