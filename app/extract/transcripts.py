"""Transcripts: speaker-labelled turns, reporters' questions and speeches under a heading."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.extract.boilerplate import is_separator
from app.extract.candidates import Candidate
from app.extract.mentions import NAME_CHAIN, OWNER_CHAIN, RawMention

_LABEL = re.compile(
    rf"(?P<label>Q|A|Question|Answer|QUESTION|ANSWER|Interviewer|(?:{NAME_CHAIN})|"
    r"[A-Z][A-Z.’'\- ]{1,40}?)[ \t]*(?:\[(?P<bracket>[^\]\n]{1,40})\])?[ \t]*:[ \t]+(?=\S)"
)
_QUESTIONER = re.compile(
    rf"(?P<label>{NAME_CHAIN})[ \t]*\[(?P<bracket>[^\]\n]{{1,40}})\]"
    r"[^.?!\n]{0,80}[.?!][ \t]+(?=\S)"
)
_HEADING = re.compile(
    rf"(?:(?P<owner>{OWNER_CHAIN})[’']s[ \t]+(?:speech|remarks|statement|address|opening[ \t]+"
    r"remarks|introductory[ \t]+remarks|opening[ \t]+statement|press[ \t]+conference|"
    r"keynote(?:[ \t]+speech)?)|(?:Speech|Remarks|Statement|Address|Opening[ \t]+remarks|"
    r"Opening[ \t]+statement|Keynote[ \t]+speech|Press[ \t]+conference|Transcript)[ \t]+(?:by|of)"
    r"[ \t]+(?P<by>[^,\n.]{3,80}?))[ \t]*[.:]?[ \t]*$"
)
_QUESTION_LABELS = frozenset(["q", "question", "interviewer"])
_ANSWER_LABELS = frozenset(["a", "answer"])
_MIN_LABELLED_TURNS = 2


@dataclass(frozen=True, slots=True)
class Turn:
    """Who holds the floor: their label mention and whether they are asking."""

    mention: RawMention | None
    kind: str  # "transcript" | "question"
    answer_label: bool = False  # "A:" in an interview, answered by the interviewee


def transcript_quotes(
    text: str, paragraphs: list[tuple[int, int]], skip: set[int]
) -> tuple[list[Candidate], set[int]]:
    """Quotes from transcript sections, and the paragraphs they use up."""
    labelled = sum(1 for i, p in enumerate(paragraphs) if i not in skip and _label(text, p))
    headed = any(i not in skip and _HEADING.match(text, *p) for i, p in enumerate(paragraphs))
    if labelled < _MIN_LABELLED_TURNS and not headed:
        return [], set()
    found: list[Candidate] = []
    consumed: set[int] = set()
    turn: Turn | None = None
    askers: set[str] = set()  # people who asked a question once are asking when they speak again
    for index, (p_start, p_end) in enumerate(paragraphs):
        if index in skip:
            continue
        if is_separator(text[p_start:p_end]):
            consumed.add(index)
            continue
        heading = _HEADING.match(text, p_start, p_end)
        if heading:
            turn = Turn(_heading_mention(heading), "transcript")
            consumed.add(index)
            continue
        opened = _open_turn(text, p_start, p_end, labelled >= _MIN_LABELLED_TURNS)
        if opened is not None:
            turn, body_start, cue = opened
            turn = _as_question_if_asker(turn, askers)
            method = "transcript:question-label" if turn.kind == "question" else "transcript:label"
            found.append(_quote(text, body_start, p_end, turn, cue, method, index, 0.95))
            consumed.add(index)
        elif turn is not None:
            found.append(
                _quote(text, p_start, p_end, turn, None, "transcript:continued-turn", index, 0.85)
            )
            consumed.add(index)
    return found, consumed


def _open_turn(text: str, start: int, end: int, labels_count: bool) -> tuple[Turn, int, str] | None:
    if not labels_count:
        return None
    label = _label(text, (start, end))
    if label is not None:
        return _turn_from_label(label), label.end(), "label"
    asker = _QUESTIONER.match(text, start, end)
    if asker is not None:
        mention = _label_mention(asker, "label")
        return Turn(mention, "question"), asker.end(), "label"
    return None


def _as_question_if_asker(turn: Turn, askers: set[str]) -> Turn:
    key = turn.mention.text.casefold() if turn.mention else ""
    if turn.kind == "question":
        askers.add(key)
        return turn
    return Turn(turn.mention, "question") if key and key in askers else turn


def _label(text: str, span: tuple[int, int]) -> re.Match[str] | None:
    match = _LABEL.match(text, *span)
    if match is None or len(match.group("label").split()) > 4:
        return None
    return match


def _turn_from_label(label: re.Match[str]) -> Turn:
    word = label.group("label").lower()
    if word in _QUESTION_LABELS:
        mention = _label_mention(label, "bracket") if label.group("bracket") else None
        return Turn(mention, "question")
    if word in _ANSWER_LABELS:
        return Turn(None, "transcript", answer_label=True)
    return Turn(_label_mention(label, "label"), "transcript")


def _label_mention(match: re.Match[str], group: str) -> RawMention:
    surface = match.group(group)
    kind = "org" if group == "bracket" else "name"
    return RawMention(match.start(group), match.end(group), surface, kind)


def _heading_mention(heading: re.Match[str]) -> RawMention:
    group = "owner" if heading.group("owner") else "by"
    return RawMention(heading.start(group), heading.end(group), heading.group(group), "name")


def _quote(
    text: str,
    start: int,
    end: int,
    turn: Turn,
    cue: str | None,
    method: str,
    paragraph: int,
    confidence: float,
) -> Candidate:
    while end > start and text[end - 1].isspace():
        end -= 1
    candidate = Candidate(start, end, turn.kind, cue, turn.mention, method, confidence, paragraph)
    candidate.label_kind = "answer" if turn.answer_label else None
    return candidate
