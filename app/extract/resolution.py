"""Turning speaker mentions into entities, in reading order, so pronouns see what came before."""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass

from app.extract.candidates import Candidate
from app.extract.coreference import Discourse
from app.extract.entities import INDEFINITE, Entity, Registry
from app.extract.given_names import is_given_name
from app.extract.lexicon import (
    DOCUMENT_NOUNS,
    MEDIA_NOUNS,
    ORG_WORDS,
    ROLE_NOUNS,
    TITLES,
    wordset,
)
from app.extract.mentions import (
    NAME_CHAIN_RE,
    OWNER_RE,
    RawMention,
    is_org_name,
    mention_at,
    role_before,
    split_title,
)
from app.extract.names import name_tokens
from app.extract.passages import sentence_spans
from app.extract.subjects import sentence_subject

_PREPOSITIONS = wordset(
    """
    with of to by for from on at in about against into than like between among and or
    """
)
_LEADING_ARTICLE = re.compile(r"^(?:[Tt]he|[Aa]n?)\s+")
# "The Croatian striker": a nationality and an occupation stand in for the person just named.
_NATIONALITY_ROLE = re.compile(r"^[Tt]he\s+[A-Z][a-z]+(?:ian|ese|ish|an|ch|i)\s+[a-z\-]+$")
# "The New York businessman", "the Vermont senator", "the GOP nominee": an epithet for the
# person in focus, written with a place, party or body before the role.
_EPITHET_ROLE = re.compile(r"^[Tt]he\s+(?:[A-Z][\w.\-]*\s+){1,3}(?:[a-z\-]+\s+)?[a-z\-]+$")
_HONORIFIC_TITLE = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Lord|Lady)\.?\s+\S")
# "Secretary of State, ..." at the start of a question, or "..., Mr Sec Gen, ..." inside it.
_VOCATIVE_BODY = (
    r"((?:Mr|Mrs|Ms|Madam|Madame|Mister|Dr|Professor|Minister|Secretary|General|Chief|"
    r"Councillor|Sir|Senator|President|Commissioner|Mayor|Prime)(?:[ \t]+(?:of[ \t]+)?"
    r"[A-Z][\w.’'\-]*){0,3})(?=[,?]|\s+that\b)"
)
_VOCATIVE = re.compile(_VOCATIVE_BODY)
_VOCATIVE_INSIDE = re.compile(r"(?:(?<=[.?!]\s)|(?<=,\s))" + _VOCATIVE_BODY)
_TITLE_LIKE = TITLES | ROLE_NOUNS | frozenset(("state", "secretary"))
_INHERIT_KINDS = frozenset(("direct", "partial", "indirect"))
# Groups that stand for unnamed sources rather than a body that can be quoted by name.
_ANONYMOUS = re.compile(
    r"(?:\b(?:people|persons?|sources|insiders)$|\b(?:familiar|close|briefed|knowledge|involved)"
    r"\b|^(?:one|two|three|some|many|most|all|each|both|none|several)\s+of\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Resolved:
    candidate: Candidate
    entity: Entity | None
    mention: RawMention | None


def resolve_speakers(
    text: str, paragraphs: list[tuple[int, int]], prose: list[int], candidates: list[Candidate]
) -> list[Resolved]:
    """Each candidate with the entity its mention denotes (or the quote it continues)."""
    registry = Registry()
    named = _named_mentions(text, paragraphs, prose)
    speaker_names = [c.mention for c in candidates if c.mention and c.mention.kind == "name"]
    known_surnames = _surnames_in_use(named + speaker_names) | _speaker_surnames(speaker_names)
    introducing = [m for m in named if _introduces_person(m, known_surnames)]
    for mention in introducing + speaker_names:
        if len(name_tokens(split_title(mention.text)[1])) >= 2:
            registry.register_person(mention)
    sentence_starts = [s for p in paragraphs for s, _ in sentence_spans(text, *p)]
    discourse = Discourse(registry, sentence_starts)
    speakers = _resolve_in_order(text, registry, discourse, named, candidates)
    resolved = _partials_inside_reports(_inherit(candidates, speakers, discourse))
    _vocatives_as_aliases(text, resolved)
    return resolved


def _resolve_in_order(
    text: str,
    registry: Registry,
    discourse: Discourse,
    named: list[RawMention],
    candidates: list[Candidate],
) -> dict[int, Entity | None]:
    """Walk the text once: names are seen, speaker mentions resolved against what was seen."""
    events: list[tuple[int, int, RawMention | Candidate]] = [(m.start, 0, m) for m in named]
    events += [(c.mention.start, 1, c) for c in candidates if c.mention is not None]
    events.sort(key=lambda e: (e[0], e[1]))
    speakers: dict[int, Entity | None] = {}
    quoted = _QuotedWords(candidates)
    for position, _, item in events:
        if isinstance(item, RawMention):
            entity = _sighted(registry, item, position)
            if entity is not None:
                # A name inside someone's quoted words is who they talk about; a later "he
                # said" still points to the speaker, so it is seen but never as a subject.
                subject = _is_subject(text, item) and not quoted.holds(position)
                discourse.see(entity, position, subject)
            continue
        mention = item.mention
        if mention is None:
            continue  # only candidates with a mention are events
        if item.embedded and mention.kind in ("pronoun", "descriptor"):
            speakers[id(item)] = None  # "he said" inside an answer: someone in the anecdote
            continue
        if _capitalised_only_as_opener(text, mention):
            speakers[id(item)] = None  # "Hours later, ...": an ordinary word, not a name
            continue
        after_quote = item.kind == "direct" and mention.start >= item.end
        entity = _resolve_mention(registry, discourse, mention, item.label_kind, after_quote)
        if entity is not None and entity.kind == "person" and entity.affiliation:
            employer = registry.existing_organisation(entity.affiliation)
            if employer is not None:
                discourse.see(employer, position, False)
        if _is_person_label(item) and (entity is None or entity.kind != "person"):
            entity = registry.register_person(mention)  # 'REYES:' is a person, unresolved
        speakers[id(item)] = entity
        if entity is not None:
            discourse.see(entity, position, True, speaker=True)
    return speakers


def _capitalised_only_as_opener(text: str, mention: RawMention) -> bool:
    """A one-word 'name' ending in -ing that opens its sentence and is never capitalised inside
    one ('Holding a sign, ...', 'According') is a participle, not a name."""
    word = mention.text
    if mention.kind != "name" or " " in word or not word.endswith("ing"):
        return False
    if not _opens_sentence(text, mention.start):
        return False
    return not any(
        not _opens_sentence(text, found.start())
        for found in re.finditer(rf"\b{re.escape(word)}\b", text)
    )


def _opens_sentence(text: str, position: int) -> bool:
    before = text[max(0, position - 4) : position].rstrip(" \t“\"‘'(")
    return before == "" or before[-1] in ".!?\n:—–-"


class _QuotedWords:
    """Where the direct and partial quotes' words are, to ask whether an offset is inside."""

    def __init__(self, candidates: list[Candidate]) -> None:
        spans = sorted(
            (c.start, c.end) for c in candidates if c.kind in ("direct", "partial", "transcript")
        )
        self._starts = [s for s, _ in spans]
        self._spans = spans

    def holds(self, position: int) -> bool:
        index = bisect.bisect_right(self._starts, position) - 1
        return index >= 0 and position < self._spans[index][1]


def _sighted(registry: Registry, mention: RawMention, position: int) -> Entity | None:
    if mention.kind == "name":
        titled = _HONORIFIC_TITLE.match(mention.text) is not None  # "Ms Ruiz was defiant"
        return registry.person_for_name(mention, position, create=titled)
    if mention.kind == "group":
        return registry.group(_bare(mention.text))
    if mention.text[:1].isupper() and _bare(mention.text)[:1].isupper():
        return registry.organisation(_bare(mention.text))
    return None


def _resolve_mention(
    registry: Registry,
    discourse: Discourse,
    mention: RawMention,
    label_kind: str | None,
    after_quote: bool = False,
) -> Entity | None:
    if mention.kind == "pronoun":
        return discourse.resolve(mention.text, mention.start, after_quote)
    if mention.kind == "descriptor":
        return discourse.resolve("", mention.start)  # "the Italian": the person in focus
    if mention.kind == "name":
        person = registry.person_for_name(mention, mention.start)
        return person if person is not None else registry.organisation(_bare(mention.text))
    if mention.kind == "role":
        found = registry.person_for_role(mention, mention.start)
        found = found or registry.organisation_for_role(mention)
        if found is None and _NATIONALITY_ROLE.match(mention.text) and mention.role not in TITLES:
            return discourse.resolve("", mention.start)  # "the Croatian striker": in focus
        if found is None and _EPITHET_ROLE.match(mention.text):
            return discourse.resolve("", mention.start)
        return found or _anonymous_source(registry, mention)
    if mention.kind == "group":
        if _ANONYMOUS.search(mention.text):
            return None  # "the people said", "a person familiar with the matter": unnamed
        return registry.group(_bare(mention.text))
    if mention.text[:1].islower() or _bare(mention.text)[:1].islower():
        named = registry.named_organisation_like(_bare(mention.text))  # "the ministry"
        return named or _described(registry, mention)
    return registry.organisation(_bare(mention.text))


def _anonymous_source(registry: Registry, mention: RawMention) -> Entity | None:
    """'a senior aide', 'one former minister': a source introduced without a name speaks under
    that description. 'The defender' points back to someone and stays unresolved instead."""
    if not INDEFINITE.match(mention.text):
        return None
    return registry.group(INDEFINITE.sub("", mention.text))


def _described(registry: Registry, mention: RawMention) -> Entity | None:
    """A document or outlet the text describes but never names ('the report', 'the network')
    is the speaker under that description, so its words are not left without one. A company
    or public body ('the ministry') that was never named stays unresolved."""
    phrase = _bare(mention.text)
    if phrase.split()[-1].lower() not in DOCUMENT_NOUNS | MEDIA_NOUNS:
        return None
    return registry.organisation(phrase)


def _vocatives_as_aliases(text: str, resolved: list[Resolved]) -> None:
    """'Mr Sec Gen, will you ...?' names the person who answers, when exactly one person does."""
    for index, item in enumerate(resolved):
        if item.candidate.kind != "question":
            continue
        answers = []
        for later in resolved[index + 1 :]:
            if later.candidate.kind == "question":
                break
            if later.candidate.kind == "transcript" and later.entity is not None:
                answers.append(later.entity)
        people = {id(e): e for e in answers if e.kind == "person"}
        if len(people) != 1:
            continue
        c = item.candidate
        person = next(iter(people.values()))
        opening = _VOCATIVE.match(text, c.start, c.end)
        for vocative in ([opening] if opening else []) + list(
            _VOCATIVE_INSIDE.finditer(text, c.start + 1, c.end)
        ):
            if _addresses(vocative.group(1), person):
                person.add_alias(vocative.group(1))


def _addresses(vocative: str, person: Entity) -> bool:
    """'Mr Sec Gen' or 'Secretary of State' (titles only), or a title and this person's surname."""
    words = [w.strip(".").lower() for w in vocative.split()]
    surnames = {name_tokens(n)[-1] for n in person.names if name_tokens(n)}
    return all(w in _TITLE_LIKE or len(w) <= 3 or w in surnames for w in words[1:])


def _partials_inside_reports(resolved: list[Resolved]) -> list[Resolved]:
    """Quoted words inside a reported clause are the words of whoever the clause reports."""
    reports = [r for r in resolved if r.candidate.kind == "indirect" and r.entity is not None]
    if not reports:
        return resolved
    out: list[Resolved] = []
    for item in resolved:
        c = item.candidate
        if c.kind == "partial" and item.entity is None:
            outer = next(
                (
                    r
                    for r in reports
                    if r.candidate.start <= c.start and c.end <= r.candidate.end + 1
                ),
                None,
            )
            if outer is not None:
                item = Resolved(c, outer.entity, outer.mention)
        out.append(item)
    return out


def _is_person_label(candidate: Candidate) -> bool:
    mention = candidate.mention
    return (
        candidate.method.startswith("transcript:")
        and mention is not None
        and mention.kind == "name"
        and candidate.cue == "label"
        and not any(w.lower() in ORG_WORDS for w in mention.text.split())
    )


def _inherit(
    candidates: list[Candidate], speakers: dict[int, Entity | None], discourse: Discourse
) -> list[Resolved]:
    """Continuations take the speaker of the quote before them (or after, in the same paragraph)."""
    resolved: list[Resolved] = []
    last: Resolved | None = None
    for index, candidate in enumerate(candidates):
        if candidate.label_kind == "answer":
            resolved.append(Resolved(candidate, _most_seen_person(discourse), None))
            continue
        if not candidate.inherits:
            item = Resolved(candidate, speakers.get(id(candidate)), candidate.mention)
        else:
            source = _source_for(candidate, candidates, index, last, speakers)
            item = Resolved(
                candidate, source.entity if source else None, source.mention if source else None
            )
            if source is None:
                candidate.confidence *= 0.5
        resolved.append(item)
        if candidate.kind in _INHERIT_KINDS and (item.entity is not None or item.mention):
            last = item
    return resolved


def _source_for(
    candidate: Candidate,
    candidates: list[Candidate],
    index: int,
    last: Resolved | None,
    speakers: dict[int, Entity | None],
) -> Resolved | None:
    if last is not None and last.candidate.paragraph == candidate.paragraph:
        return last
    if candidate.method == "direct:multi-paragraph-continuation" and last is not None:
        return last
    for later in candidates[index + 1 :]:
        if later.paragraph != candidate.paragraph:
            break
        if later.kind == "direct" and speakers.get(id(later)) is not None:
            return Resolved(later, speakers[id(later)], later.mention)
    # A paragraph that is nothing but a quote continues the previous paragraph's speaker.
    if last is not None and candidate.paragraph - last.candidate.paragraph == 1:
        candidate.confidence *= 0.8
        return last
    return None


def _named_mentions(
    text: str, paragraphs: list[tuple[int, int]], readable: list[int]
) -> list[RawMention]:
    """Names of people anywhere in the readable text, and groups that open a sentence."""
    found: list[RawMention] = []
    for index in readable:
        start, end = paragraphs[index]
        for match in NAME_CHAIN_RE.finditer(text, start, end):
            mention = mention_at(text, match.start(), end)
            if mention is not None and mention.kind == "name":
                if mention.role is None:
                    mention = _with_role_before(text, start, mention)
                found.append(mention)
            elif mention is None:
                found.extend(_possessive_name(text, match))
        for s_start, s_end in sentence_spans(text, start, end):
            subject = sentence_subject(text, s_start, s_end)
            if subject is not None and subject.kind in ("group", "org"):
                found.append(subject)
    return found


def _with_role_before(text: str, floor: int, mention: RawMention) -> RawMention:
    described = role_before(text, floor, mention.start)
    if described is None:
        return mention
    description, role, affiliation = described
    return dataclasses.replace(mention, description=description, role=role, affiliation=affiliation)


def _possessive_name(text: str, match: re.Match[str]) -> list[RawMention]:
    """'Sara Lindqvist's fourth novel' still mentions Sara Lindqvist."""
    owner = OWNER_RE.match(text, match.start())
    if owner is None:
        return []
    surface = owner.group(1)
    return [RawMention(owner.start(1), owner.end(1), surface, "name")]


def _introduces_person(mention: RawMention, known_surnames: set[str]) -> bool:
    """A full name with a title, a role, a known given name, or a surname that is used on its
    own elsewhere ('Mr Berg') introduces a person; 'Middle East' does not."""
    if mention.kind != "name":
        return False
    title, bare = split_title(mention.text)
    tokens = name_tokens(bare)
    if len(tokens) < 2:
        return False
    return (
        bool(title or mention.description)
        or _known_given_name(bare)
        or (tokens[-1] in known_surnames)
    )


def _surnames_in_use(mentions: list[RawMention]) -> set[str]:
    """Surnames that appear with a title or as a speaker on their own ('Mr Berg said')."""
    found: set[str] = set()
    for mention in mentions:
        title, bare = split_title(mention.text)
        tokens = name_tokens(bare)
        if len(tokens) == 1 and title:
            found.add(tokens[0])
    return found


def _speaker_surnames(mentions: list[RawMention]) -> set[str]:
    """A surname used alone as a speaker ('Brennan said', a 'VEGA:' label) is someone's."""
    found: set[str] = set()
    for mention in mentions:
        tokens = name_tokens(split_title(mention.text)[1])
        if len(tokens) == 1 and not (is_org_name(mention.text) and not mention.text.isupper()):
            found.add(tokens[0])
    return found


def _known_given_name(bare: str) -> bool:
    return is_given_name(name_tokens(bare)[0])


def _is_subject(text: str, mention: RawMention) -> bool:
    if text[mention.end : mention.end + 2] in ("’s", "'s"):
        return False
    before = text[max(0, mention.start - 20) : mention.start].split()
    return not before or before[-1].lower() not in _PREPOSITIONS


def _most_seen_person(discourse: Discourse) -> Entity | None:
    counts: dict[int, tuple[int, Entity]] = {}
    for sighting in discourse.sightings:
        if sighting.entity.kind == "person":
            n, _ = counts.get(id(sighting.entity), (0, sighting.entity))
            counts[id(sighting.entity)] = (n + 1, sighting.entity)
    return max(counts.values(), key=lambda pair: pair[0])[1] if counts else None


def _bare(surface: str) -> str:
    return _LEADING_ARTICLE.sub("", surface.strip())
