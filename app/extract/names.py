"""Normalising speaker names and aliases, and telling when two names can be one person."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from app.extract.lexicon import wordset

HONORIFICS = wordset(
    """
    mr mrs ms miss mx dr prof professor sir dame lord lady rev sen senator rep
    representative gov governor president pm minister secretary-general general gen
    chancellor judge justice ambassador mayor chief captain capt colonel col lieutenant
    lt major maj sergeant sgt secretary king queen prince princess pope father sister
    brother
    """
)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"', "‐": "-", "–": "-"})
_SPACES = re.compile(r"\s+")
_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+")


@lru_cache(maxsize=8192)
def normalise_alias(surface: str) -> str:
    """Case-folded, accent- and punctuation-normalised form used to compare aliases."""
    text = unicodedata.normalize("NFKC", surface).translate(_APOSTROPHES).casefold()
    text = _SPACES.sub(" ", text).strip(" .,;:\"'")
    return _LEADING_ARTICLE.sub("", text)


def name_tokens(name: str) -> list[str]:
    """The words of a person's name without the honorifics or titles in front of it.

    Only leading titles go: in 'Ms Major' or 'John King' the last word is the surname.
    """
    return list(_name_tokens(name))


@lru_cache(maxsize=8192)
def _name_tokens(name: str) -> tuple[str, ...]:
    words = [w.strip(".,") for w in normalise_alias(name).split(" ")]
    words = [w for w in words if w]
    while len(words) > 1 and words[0] in HONORIFICS:
        words.pop(0)
    words = _join_particles(words)
    if len(words) == 1 and words[0] in HONORIFICS and len(name.split()) == 1:
        return ()  # a bare title ("President") names nobody in particular
    return tuple(words)


_PARTICLES = wordset("de da di du del della van von der den la le bin ibn al el ter ten dos das")


def _join_particles(words: list[str]) -> list[str]:
    """'Marieke de Vries' → ['marieke', 'de vries']: the particle belongs to the surname."""
    joined: list[str] = []
    pending: list[str] = []
    for index, word in enumerate(words):
        if word in _PARTICLES and index < len(words) - 1 and (index > 0 or len(words) > 1):
            pending.append(word)
            continue
        joined.append(" ".join([*pending, word]))
        pending = []
    return joined


def surname(name: str) -> str | None:
    tokens = name_tokens(name)
    return tokens[-1] if tokens else None


def is_full_name(name: str) -> bool:
    """A name with at least a given name and a surname, e.g. 'Jens Stoltenberg'."""
    return len(name_tokens(name)) >= 2


def names_compatible(a: str, b: str) -> bool:
    """Whether two person names can denote the same person.

    'Mr Stoltenberg' fits 'Jens Stoltenberg'; 'Erna Solberg' does not fit 'Jens Solberg'.
    """
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb or ta[-1] != tb[-1]:
        return False
    given_a, given_b = ta[:-1], tb[:-1]
    if not given_a or not given_b:
        return True
    return _given_names_fit(given_a, given_b)


def _given_names_fit(a: list[str], b: list[str]) -> bool:
    first_a, first_b = a[0], b[0]
    if first_a == first_b:
        return True
    # An initial fits a name that starts with it: "J. Stoltenberg" and "Jens Stoltenberg".
    return (len(first_a) == 1 and first_b.startswith(first_a)) or (
        len(first_b) == 1 and first_a.startswith(first_b)
    )
