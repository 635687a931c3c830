"""Pronouns: which earlier person, group or organisation a 'he', 'she' or 'they' points back to."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from app.extract.entities import Entity, Registry
from app.extract.lexicon import PRONOUN_GENDER

_LOOKBACK_SENTENCES = 6


@dataclass(frozen=True, slots=True)
class Sighting:
    """An entity named or referred to at some offset."""

    position: int
    entity: Entity
    subject: bool  # grammatical subject of its clause, which pronouns prefer
    sentence: int
    speaker: bool = False  # the source of a quote or a speech verb


class Discourse:
    """Who has been mentioned where, so that pronouns can be resolved in reading order."""

    def __init__(self, registry: Registry, sentence_starts: list[int]) -> None:
        self.registry = registry
        self.sentence_starts = sentence_starts
        self.sightings: list[Sighting] = []

    def sentence_of(self, position: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, position) - 1)

    def see(self, entity: Entity, position: int, subject: bool, speaker: bool = False) -> None:
        sighting = Sighting(position, entity, subject, self.sentence_of(position), speaker)
        self.sightings.append(sighting)
        self.registry.note(entity, position)

    def resolve(self, pronoun: str, position: int, after_quote: bool = False) -> Entity | None:
        """The entity a pronoun at position most plausibly refers to, or None. After a quote
        ('“...,” he said') the last person quoted within two sentences comes first: news copy
        keeps one speaker across consecutive quotes."""
        word = pronoun.lower()
        sentence = self.sentence_of(position)
        earlier = [
            s
            for s in self.sightings
            if s.position < position and sentence - s.sentence <= _LOOKBACK_SENTENCES
        ]
        if word in ("they", "it"):
            return _latest_collective(earlier, word)
        gender = PRONOUN_GENDER.get(word)
        people = [
            s
            for s in earlier
            if s.entity.kind == "person" and (gender is None or s.entity.gender in (None, gender))
        ]
        chosen = (after_quote and _last_speaker(people, sentence)) or _by_centering(
            people, sentence
        )
        if chosen is not None and chosen.gender is None and gender is not None:
            chosen.gender = gender  # "she" fixes who she is for later pronouns
        return chosen


def _last_speaker(people: list[Sighting], sentence: int) -> Entity | None:
    speakers = [s for s in people if s.speaker and sentence - s.sentence <= 2]
    return max(speakers, key=lambda s: s.position).entity if speakers else None


def _by_centering(people: list[Sighting], sentence: int) -> Entity | None:
    """Prefer the subject of the nearest sentence that names anyone, then the latest mention."""
    for index in range(sentence, sentence - _LOOKBACK_SENTENCES - 1, -1):
        here = [s for s in people if s.sentence == index]
        if not here:
            continue
        subjects = sorted((s for s in here if s.subject), key=lambda s: s.position)
        if subjects:
            return subjects[0].entity
        return max(here, key=lambda s: s.position).entity
    return None


def _latest_collective(earlier: list[Sighting], word: str) -> Entity | None:
    kinds = ("group", "organisation") if word == "they" else ("organisation",)
    pool = [s for s in earlier if s.entity.kind in kinds]
    return max(pool, key=lambda s: s.position).entity if pool else None
