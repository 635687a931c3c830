"""Given names and the sex they usually mark, from gender-guesser's dictionary of about 40,000
first names across countries (our own lists knew a third as many of the speakers in our gold)."""

from __future__ import annotations

from functools import cache, lru_cache

from gender_guesser.detector import Detector

_SEX = {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f"}


@cache
def _detector() -> Detector:
    return Detector(case_sensitive=False)


@lru_cache(maxsize=16384)
def given_name_sex(word: str) -> str | None:
    """'m' or 'f' for a given name that usually marks one; None when unknown or either."""
    return _SEX.get(_detector().get_gender(word))


@lru_cache(maxsize=16384)
def is_given_name(word: str) -> bool:
    """Whether the dictionary lists the word as a first name ('Rakeyia' is not; 'Jens' is)."""
    return _detector().get_gender(word) != "unknown"
