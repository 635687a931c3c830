"""Aligning a circulating quote with a source text, word by word, with offsets into the source.

Words are compared after normalisation (Unicode normalisation form, case, curly or straight quotes
and apostrophes, dashes, spacing and punctuation do not count); every word keeps its offsets in
the source so a match points into the stored text exactly, as it is stored. An ellipsis in the
claimed quote splits it into fragments that must appear in order in the same source.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from rapidfuzz import fuzz

Verdict = Literal["verbatim", "altered", "paraphrase"]
OpName = Literal["equal", "insert", "delete", "replace"]

# Combining marks that NFC leaves decomposed (no precomposed form) stay inside their word.
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_WORD = re.compile(rf"\w[\w{_MARKS}]*(?:['’]\w[\w{_MARKS}]*)*")
_ELLIPSIS = re.compile(r"…|\.\s*\.\s*\.(?:\s*\.)*|\[\s*(?:\.\s*){3}\]|\[…\]")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
# Words that carry no content of their own, for the order-free paraphrase comparison.
_FUNCTION_TEXT = (
    "a an the and or but if of to in on at by for with from as is are was were be been being "
    "it its this that these those we i you he she they our my your his her their them us me "
    "not no do does did have has had will would can could should may might must so than then "
    "there here what which who whom whose when where why how all any some very just also"
)
_FUNCTION_WORDS = frozenset(_FUNCTION_TEXT.split())
# Order-preserving share of the claimed words found in the source for "altered".
ALTERED_MIN_COVERAGE = 0.6
ALTERED_MIN_RATIO = 0.55
# Share of the claimed content words (in any order) found in the source for "paraphrase".
PARAPHRASE_MIN_CONTENT = 0.6
PARAPHRASE_MIN_WORDS = 3


@dataclass(frozen=True, slots=True)
class Word:
    norm: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class DiffOp:
    op: OpName
    source: str
    claimed: str


@dataclass(frozen=True, slots=True)
class Alignment:
    verdict: Verdict
    start: int  # offsets into the source as given (plus the offset passed to align)
    end: int
    similarity: float  # 0..1
    diff: tuple[DiffOp, ...]


def normalise_word(word: str) -> str:
    return unicodedata.normalize("NFKC", word).translate(_APOSTROPHES).casefold()


@dataclass(frozen=True, slots=True)
class Composed:
    """A text in Unicode normalisation form C, and where each of its characters came from.

    "café" typed as "cafe" and a combining accent is composed to four characters; all four
    point back into the text as given, so a span found in the composed text (`span`) maps to
    the same words in the original. `starts`/`ends` are None when the text was already NFC
    (the common case, checked in C): offsets are then the same in both.
    """

    text: str
    starts: list[int] | None = None  # per composed character: where it starts in the original
    ends: list[int] | None = None  # per composed character: where it ends in the original

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original offsets of the composed text's characters start..end (end > start)."""
        if self.starts is None or self.ends is None:
            return start, end
        return self.starts[start], self.ends[end - 1]


def composed(text: str) -> Composed:
    """The text in NFC with each character's origin (see Composed).

    The text is cut before every character that cannot combine with the one before it (a
    starter after which the pair is already NFC), each piece is composed on its own, and an
    unchanged piece keeps its characters' own offsets; a changed one ("e" + accent) maps all
    its composed characters to the whole piece.
    """
    if unicodedata.is_normalized("NFC", text):
        return Composed(text)
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    first = 0
    for index in range(1, len(text) + 1):
        if index < len(text) and (
            unicodedata.combining(text[index])
            or not unicodedata.is_normalized("NFC", text[index - 1 : index + 1])
        ):
            continue
        piece = text[first:index]
        nfc = unicodedata.normalize("NFC", piece)
        if nfc == piece:
            starts.extend(range(first, index))
            ends.extend(range(first + 1, index + 1))
        else:
            starts.extend([first] * len(nfc))
            ends.extend([index] * len(nfc))
        pieces.append(nfc)
        first = index
    return Composed("".join(pieces), starts, ends)


def words(text: str, offset: int = 0) -> list[Word]:
    """The words of text with their offsets (plus offset); punctuation and dashes are dropped.

    Words are read from the text's NFC form, so "café" is one word however it was typed; the
    offsets are those of the text as given.
    """
    form = composed(text)
    found = []
    for match in _WORD.finditer(form.text):
        start, end = form.span(match.start(), match.end())
        found.append(Word(normalise_word(match.group()), start + offset, end + offset))
    return found


def fragments(claimed: str) -> list[list[Word]]:
    """The words of each part of a quote between ellipses (offsets into claimed)."""
    breaks = [m.start() for m in _ELLIPSIS.finditer(claimed)]
    parts: list[list[Word]] = [[] for _ in range(len(breaks) + 1)]
    for word in words(claimed):
        parts[sum(1 for b in breaks if b < word.start)].append(word)
    return [part for part in parts if part]


def normalised(text: str) -> str:
    """Words only, normalised and single-spaced: what 'the same words' means here."""
    return " ".join(w.norm for w in words(text))


def stem(word: str) -> str:
    """A crude suffix strip, enough to let 'deploying' meet 'deploy' in a paraphrase."""
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def content_words(tokens: list[Word]) -> set[str]:
    return {stem(w.norm) for w in tokens if w.norm not in _FUNCTION_WORDS}


def align(claimed: str, source: str, offset: int = 0) -> Alignment | None:
    """How claimed appears in source (verbatim, altered or paraphrased), or None if it does not."""
    parts = fragments(claimed)
    source_words = words(source, offset)
    if not parts or not source_words:
        return None
    texts = _Texts(source, offset, claimed)
    exact = _exact(parts, source_words, texts)
    if exact is not None or not _may_resemble(parts, source_words):
        return exact
    return _approximate(parts, source_words, texts)


def _may_resemble(parts: list[list[Word]], source: list[Word]) -> bool:
    """A cheap necessary condition for "altered" or "paraphrase", checked before the fuzzy
    alignment: enough of the claimed words (or content words) occur somewhere in the source."""
    claimed = [w for part in parts for w in part]
    present = {w.norm for w in source}
    covered = sum(1 for w in claimed if w.norm in present)
    return covered / len(claimed) >= ALTERED_MIN_COVERAGE or _paraphrases(claimed, source)


@dataclass(frozen=True, slots=True)
class _Texts:
    """The two texts, to show diff operations in their own spelling and punctuation."""

    source: str
    offset: int
    claimed: str

    def of_source(self, tokens: list[Word], first: int, stop: int) -> str:
        return _slice(self.source, tokens, first, stop, self.offset)

    def of_claimed(self, tokens: list[Word], first: int, stop: int) -> str:
        return _slice(self.claimed, tokens, first, stop, 0)


def _slice(text: str, tokens: list[Word], first: int, stop: int, offset: int) -> str:
    if first >= stop:
        return ""
    return text[tokens[first].start - offset : tokens[stop - 1].end - offset]


def _exact(parts: list[list[Word]], source: list[Word], texts: _Texts) -> Alignment | None:
    norms = [w.norm for w in source]
    position, spans = 0, []
    for part in parts:
        found = _find(norms, [w.norm for w in part], position)
        if found is None:
            return None
        spans.append((found, found + len(part)))
        position = found + len(part)
    first, last = source[spans[0][0]], source[spans[-1][1] - 1]
    diff = tuple(
        DiffOp("equal", texts.of_source(source, a, b), texts.of_claimed(part, 0, len(part)))
        for (a, b), part in zip(spans, parts, strict=True)
    )
    return Alignment("verbatim", first.start, last.end, 1.0, diff)


def _find(haystack: list[str], needle: list[str], start: int) -> int | None:
    width = len(needle)
    for index in range(start, len(haystack) - width + 1):
        if haystack[index : index + width] == needle:
            return index
    return None


def _joined(tokens: list[Word]) -> str:
    return " ".join(w.norm for w in tokens)


def _approximate(parts: list[list[Word]], source: list[Word], texts: _Texts) -> Alignment | None:
    position, windows, ops = 0, [], []
    matched = claimed_total = window_total = 0
    for part in parts:
        window = _window(part, source, position)
        claimed_total += len(part)
        if window is None:
            ops.append(DiffOp("insert", "", texts.of_claimed(part, 0, len(part))))
            continue
        first, stop = window
        windows.append(window)
        part_ops, part_matched = _diff(source[first:stop], part, texts)
        ops.extend(part_ops)
        matched += part_matched
        window_total += stop - first
        position = stop
    claimed_words = [w for part in parts for w in part]
    if windows:
        first, stop = windows[0][0], windows[-1][1]
    else:
        first, stop = 0, len(source)
    coverage = matched / claimed_total
    ratio = 2 * matched / (claimed_total + window_total) if window_total else 0.0
    start, end = source[first].start, source[stop - 1].end
    similarity = fuzz.ratio(_joined(source[first:stop]), _joined(claimed_words)) / 100
    if windows and coverage >= ALTERED_MIN_COVERAGE and ratio >= ALTERED_MIN_RATIO:
        return Alignment("altered", start, end, round(similarity, 3), tuple(ops))
    if _paraphrases(claimed_words, source[first:stop]) or _paraphrases(claimed_words, source):
        region = source[first:stop] if _paraphrases(claimed_words, source[first:stop]) else source
        start, end = region[0].start, region[-1].end
        similarity = fuzz.token_set_ratio(_joined(region), _joined(claimed_words)) / 100
        return Alignment("paraphrase", start, end, round(similarity, 3), tuple(ops))
    return None


def _paraphrases(claimed: list[Word], region: list[Word]) -> bool:
    wanted = content_words(claimed)
    if len(wanted) < PARAPHRASE_MIN_WORDS:
        return False
    return len(wanted & content_words(region)) / len(wanted) >= PARAPHRASE_MIN_CONTENT


def _window(part: list[Word], source: list[Word], position: int) -> tuple[int, int] | None:
    """The stretch of source words (from position on) that best matches the fragment."""
    rest = source[position:]
    if not rest:
        return None
    needle, haystack = _joined(part), _joined(rest)
    located = fuzz.partial_ratio_alignment(needle, haystack)
    if located is None or located.score == 0:
        return None
    # Widen the located stretch by the fragment's length on both sides, then keep the span of
    # the words that actually align, so added or dropped words stay inside the window.
    char_to_word = _char_index(rest)
    centre_first = char_to_word[min(located.dest_start, len(char_to_word) - 1)]
    centre_last = char_to_word[max(min(located.dest_end, len(char_to_word)) - 1, 0)]
    low = max(0, centre_first - len(part))
    high = min(len(rest), centre_last + 1 + len(part))
    blocks = _dense_blocks(rest[low:high], part)
    if not blocks:
        return None
    return position + low + blocks[0][0], position + low + blocks[-1][1]


def _char_index(tokens: list[Word]) -> list[int]:
    """For each character of the space-joined words, the index of its word."""
    index: list[int] = []
    for number, word in enumerate(tokens):
        index.extend([number] * (len(word.norm) + 1))
    return index


def _dense_blocks(region: list[Word], part: list[Word]) -> list[tuple[int, int]]:
    """Matching word runs as (first, stop) in region, without lone stragglers far from the rest."""
    matcher = SequenceMatcher(None, [w.norm for w in region], [w.norm for w in part], False)
    blocks = [(b.a, b.a + b.size) for b in matcher.get_matching_blocks() if b.size]
    while len(blocks) > 1 and _straggles(blocks[0], blocks[1], region):
        blocks.pop(0)
    while len(blocks) > 1 and _straggles(blocks[-1], blocks[-2], region):
        blocks.pop()
    return blocks


def _straggles(block: tuple[int, int], neighbour: tuple[int, int], region: list[Word]) -> bool:
    """A lone matching word far from the others (a function word need not be far)."""
    if block[1] - block[0] != 1:
        return False
    gap = neighbour[0] - block[1] if neighbour[0] >= block[1] else block[0] - neighbour[1]
    return gap > (3 if region[block[0]].norm in _FUNCTION_WORDS else 8)


def _diff(source: list[Word], claimed: list[Word], texts: _Texts) -> tuple[list[DiffOp], int]:
    """Word-level edit operations turning the source words into the claimed ones."""
    matcher = SequenceMatcher(None, [w.norm for w in source], [w.norm for w in claimed], False)
    ops, matched = [], 0
    for name, a1, a2, b1, b2 in matcher.get_opcodes():
        if name == "equal":
            matched += a2 - a1
        ops.append(DiffOp(name, texts.of_source(source, a1, a2), texts.of_claimed(claimed, b1, b2)))
    return ops, matched
