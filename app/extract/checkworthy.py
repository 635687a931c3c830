"""What in a sentence can be checked: quantities, named entities, status changes, comparisons.

Pure text processing. The features serve two purposes: scoring which sentences of a document
are worth turning into claims, and comparing a claim with a sentence that may state it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that report that something started, stopped or changed: the stuff of news claims.
STATUS_CHANGES = _wordset(
    """
    suspended suspends suspend halted halts halt paused stopped ended ends cancelled canceled
    scrapped launched launches launch started starts began begun opened closed shut resumed
    resumes restarted resigned resigns quit fired sacked dismissed appointed elected named
    nominated hired arrested charged convicted sentenced acquitted jailed released freed
    banned bans approved approves rejected rejects vetoed signed passed repealed withdrew
    withdrawn withdraws deployed deploys expanded expands cut cuts raised raises lowered
    increased increases decreased decreases doubled tripled halved rose rises risen fell
    falls fallen dropped surged plunged collapsed killed died injured wounded attacked
    invaded captured seized announced declared agreed agrees refused refuses imposed lifted
    merged acquired bought sold bankrupt expelled sanctioned evacuated postponed delayed
    """
)
# Superlatives and records; comparatives count only with "than" (see _COMPARATIVE).
COMPARISONS = _wordset(
    """
    most least fewest highest lowest largest smallest biggest record longest shortest
    fastest slowest oldest youngest richest poorest deadliest costliest
    """
)
_COMPARATIVE = re.compile(r"\b(?:more|less|fewer|\w+er)\s+than\b", re.IGNORECASE)
# Auxiliaries and copulas: in "X is temporarily suspended", what follows says something of X.
_AUXILIARIES = _wordset(
    "is are was were has have had will would can could did does do am be been being"
)
_OPINION = re.compile(r"\b(I|we)\s+(think|believe|feel|hope|guess|suppose)\b", re.IGNORECASE)
# Capitalised words that open sentences without naming anything.
_SENTENCE_STARTERS = _wordset(
    """
    a an the this that these those there here it its he she we they i you his her our their my
    your in on at by for from with without to of as if when while after before since until
    but and or so yet nor not no yes also however meanwhile still then now today yesterday
    what why how who whom which where one other another some many most all any each every
    speaking asking possible according mr mrs ms dr sir question answer again should would
    could can will did does do is are was were have has had
    """
)
_TITLES = _wordset("mr mrs ms dr sir dame lord lady prof")

_SMALL_NUMBERS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
)
_NUMBER_WORDS = {
    word: value
    for value, word in enumerate(_SMALL_NUMBERS.split())
    if value > 1  # "one of the best" is not a quantity
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80}
_SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
_QUANTITY = re.compile(
    r"(?<![\w.])(?P<currency>[$€£¥])?"
    r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\b(?:"
    + "|".join(_NUMBER_WORDS)
    + r")\b)"
    r"(?P<scale>\s?(?:hundred|thousand|million|billion|trillion)\b|(?:bn|mn|tn|k|m)\b)?"
    r"(?P<percent>\s?(?:%|per\s?cent\b|percent\b))?"
    r"(?:[\s\-]+(?P<unit>[A-Za-z]\w*))?",
    re.IGNORECASE,
)
_NOT_UNITS = _wordset(
    "of the a an and or in on at to for from by with as than but is are was were that which"
)
_WORD = re.compile(r"[A-Za-z][\w’'\-]*")
_POSSESSIVE = re.compile(r"[’']s$")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number as written, its value, and the word it counts (if any)."""

    text: str
    value: float
    unit: str | None


@dataclass(frozen=True, slots=True)
class CheckWorthiness:
    score: float  # 0..1
    reasons: tuple[str, ...]


def quantities(text: str) -> list[Quantity]:
    """Every number in the text with its value and unit ('430-strong' counts 'strong')."""
    found: list[Quantity] = []
    for match in _QUANTITY.finditer(text):
        value = _value(match["number"])
        if match["scale"]:
            value *= _SCALES[match["scale"].strip().lower()]
        unit = _unit(match)
        counted = unit is not None and not (match["percent"] or match["currency"])
        end = match.end("unit") if counted else _number_end(match)
        found.append(Quantity(text[match.start() : end], value, unit))
    return found


def _number_end(match: re.Match[str]) -> int:
    return max(match.end(group) for group in ("number", "scale", "percent") if match[group])


def _value(number: str) -> float:
    lowered = number.lower()
    if lowered in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[lowered])
    return float(number.replace(",", ""))


def _unit(match: re.Match[str]) -> str | None:
    if match["percent"]:
        return "%"
    if match["currency"]:
        return match["currency"]
    unit = (match["unit"] or "").split("-")[0].lower()
    if not unit or unit in _NOT_UNITS:
        return None
    return _singular(unit)


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def entities(text: str) -> set[str]:
    """Capitalised names and acronyms, lower-cased without possessives ('NATO’s' -> 'nato')."""
    names: set[str] = set()
    sentence_start = True
    for match in _WORD.finditer(text):
        word = match.group(0)
        bare = _POSSESSIVE.sub("", word).strip("-’'")
        if bare[:1].isupper() and not _is_starter(bare, sentence_start):
            names.add(bare.lower())
        sentence_start = text[match.end() : match.end() + 2].strip()[:1] in {".", "?", "!"}
    return names


def _is_starter(word: str, sentence_start: bool) -> bool:
    lowered = word.lower()
    if lowered in _TITLES or word == "I":
        return True
    if not sentence_start or (len(word) > 1 and word.isupper()):
        return False
    return lowered in _SENTENCE_STARTERS or lowered.endswith("ing") or lowered.endswith("ly")


def same_entity(a: str, b: str) -> bool:
    """'iraq' and 'iraqi' name the same thing; short names must match exactly."""
    shorter, longer = sorted((a, b), key=len)
    return shorter == longer or (len(shorter) >= 4 and longer.startswith(shorter))


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def assertion(claim: str) -> str:
    """What a claim says of its subject: the words after its first auxiliary or copula.

    "NATO's training mission in Iraq is temporarily suspended" asserts "temporarily
    suspended" of its topic. Claims without an auxiliary give an empty string.
    """
    for match in _WORD.finditer(claim):
        if match.group(0).lower() in _AUXILIARIES:
            return claim[match.end() :].strip()
    return ""


def status_changes(text: str) -> list[str]:
    return [w for w in words(text) if w in STATUS_CHANGES]


def comparisons(text: str) -> list[str]:
    found = [w for w in words(text) if w in COMPARISONS]
    return found + [m.group(0).lower() for m in _COMPARATIVE.finditer(text)]


def assess(sentence: str, attributed: bool = False) -> CheckWorthiness:
    """How worth checking a sentence is, with the reasons, given whether someone is quoted."""
    score, reasons = 0.0, []
    numbers = quantities(sentence)
    if numbers:
        score += 0.35
        reasons.append("states a number: " + ", ".join(q.text for q in numbers[:3]))
    changes = status_changes(sentence)
    if changes:
        score += 0.3
        reasons.append("reports a change: " + ", ".join(dict.fromkeys(changes)))
    compared = comparisons(sentence)
    if compared:
        score += 0.15
        reasons.append("compares: " + ", ".join(dict.fromkeys(compared)))
    if attributed:
        score += 0.2
        reasons.append("attributed to a speaker")
    named = entities(sentence)
    if named and score > 0:
        score += 0.1
        reasons.append("names: " + ", ".join(sorted(named)[:4]))
    score, reasons = _discount(sentence, score, reasons)
    return CheckWorthiness(round(max(0.0, min(1.0, score)), 3), tuple(reasons))


def _discount(sentence: str, score: float, reasons: list[str]) -> tuple[float, list[str]]:
    if sentence.rstrip(" ”\"’'").endswith("?"):
        score -= 0.3
        reasons.append("a question, not an assertion")
    if len(words(sentence)) < 5:
        score -= 0.2
        reasons.append("too short to stand alone")
    if _OPINION.search(sentence):
        score -= 0.15
        reasons.append("an opinion")
    return score, reasons
