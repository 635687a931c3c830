"""Transcripts: speaker-labelled turns, reporters' questions and speeches under a heading."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.extract.boilerplate import is_separator
from app.extract.candidates import Candidate
from app.extract.lexicon import wordset
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
# "Thanks. Amy Larkin, KXRN News. What will ...?": a reporter introduces herself, then asks.
_SELF_INTRODUCTION = re.compile(
    r"(?:(?:Thanks|Thank[ \t]+you|Hi|Hello|Yes|Sure|Morning|Afternoon|Evening|Good[ \t]+"
    r"(?:morning|afternoon|evening))\b[^.!?\n]{0,30}[.,!][ \t]+)?"
    rf"(?P<label>{NAME_CHAIN})[ \t]*,[ \t]*[^.?!\n,]{{2,60}}[.][ \t]+(?=\S)"
)
# Header fields of a transcript ("DATE: ...", "PARTICIPANTS: ..."): metadata, not speakers.
_METADATA_LABELS = wordset(
    """
    transcript location date time venue place participants present speakers attendees
    subject topic event source title headline re note notes embargo contact duration
    recorded published updated byline filed panel panelists panellists summary
    """
)
_MODERATOR = re.compile(r"\b(?:moderator|moderating|host|chair(?:ing)?)\b", re.IGNORECASE)
_NAME_IN_HEADER = re.compile(NAME_CHAIN)
# Labels for whoever runs the session; their lines are housekeeping unless they ask something.
_CHAIR_LABELS = frozenset(["moderator", "chair", "chairman", "chairwoman", "chairperson", "host"])
_QUESTION_LABELS = frozenset(["q", "question", "interviewer"])
_ANSWER_LABELS = frozenset(["a", "answer"])
_MIN_LABELLED_TURNS = 2
_DATELINE = re.compile(r"^[A-Z][A-Z .,’'\-]{2,40}[ \t]+[—–-][ \t]")
_THIRD_PERSON_SAID = re.compile(
    r"\b(?:he|she|they|[A-Z][\w’'\-]+)[ \t]+(?:said|says|told|tells|added|adds|asked)\b"
    r"|\b(?:said|says|added|asked)[ \t]+(?:the[ \t]+)?[A-Z]?[a-z]+"
)


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
    labels = {
        i: label for i, p in enumerate(paragraphs) if i not in skip and (label := _label(text, p))
    }
    metadata = {i for i, label in labels.items() if _is_metadata(label)}
    labelled = len(labels) - len(metadata)
    headed = any(i not in skip and _HEADING.match(text, *p) for i, p in enumerate(paragraphs))
    if labelled < _MIN_LABELLED_TURNS and not headed:
        return [], set()
    moderators = _moderators(text, paragraphs, labels, metadata)
    askers = _askers(text, paragraphs, labels, metadata)
    found: list[Candidate] = []
    consumed: set[int] = set()
    turn: Turn | None = None
    for index, (p_start, p_end) in enumerate(paragraphs):
        if index in skip or index in metadata:
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
        if opened is None and turn is not None and labelled >= _MIN_LABELLED_TURNS:
            opened = _self_introduction(text, p_start, p_end)
        if opened is not None:
            turn, body_start, cue = opened
            turn = _as_question_if_asker(turn, askers)
            consumed.add(index)
            if _label_key(turn) in moderators or _label_key(turn) in _CHAIR_LABELS:
                if not _ends_with_question(text, p_start, p_end):
                    turn = Turn(turn.mention, "housekeeping")
                    continue
                turn = Turn(turn.mention, "question")
            method = "transcript:question-label" if turn.kind == "question" else "transcript:label"
            found.append(_quote(text, body_start, p_end, turn, cue, method, index, 0.95))
        elif turn is not None and _reads_as_reporting(text[p_start:p_end]):
            turn = None
        elif turn is not None:
            consumed.add(index)
            if turn.kind == "housekeeping":
                continue
            found.append(
                _quote(text, p_start, p_end, turn, None, "transcript:continued-turn", index, 0.85)
            )
    return found, consumed


def _is_metadata(label: re.Match[str]) -> bool:
    return " ".join(label.group("label").lower().split()) in _METADATA_LABELS


def _label_key(turn: Turn) -> str:
    return turn.mention.text.casefold().split()[-1] if turn.mention else ""


def _ends_with_question(text: str, start: int, end: int) -> bool:
    return text[start:end].rstrip(" \t”\"’')").endswith("?")


def _moderators(
    text: str, paragraphs: list[tuple[int, int]], labels: dict, metadata: set[int]
) -> set[str]:
    """Surnames of the people a header lists as moderator or host."""
    found: set[str] = set()
    for index in metadata:
        body = text[labels[index].end() : paragraphs[index][1]]
        for part in re.split(r"[;\n]", body):
            if _MODERATOR.search(part):
                name = _NAME_IN_HEADER.search(part)
                if name:
                    found.add(name.group(0).split()[-1].casefold())
    return found


def _askers(
    text: str, paragraphs: list[tuple[int, int]], labels: dict, metadata: set[int]
) -> set[str]:
    """Labels whose turns are mostly questions: the interviewer, or a reporter at a briefing."""
    turns: dict[str, list[bool]] = {}
    for index, label in labels.items():
        if index in metadata:
            continue
        key = label.group("label").casefold().split()[-1]
        turns.setdefault(key, []).append(_ends_with_question(text, *paragraphs[index]))
    return {key for key, asked in turns.items() if any(asked) and 2 * sum(asked) >= len(asked)}


def _self_introduction(text: str, start: int, end: int) -> tuple[Turn, int, str] | None:
    """'Thanks. Amy Larkin, KXRN News. What will ...?': the question starts after the name."""
    intro = _SELF_INTRODUCTION.match(text, start, end)
    if intro is None or not _ends_with_question(text, start, end):
        return None
    if len(intro.group("label").split()) < 2:
        return None
    return Turn(_label_mention(intro, "label"), "question"), intro.end(), "label"


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
    key = _label_key(turn)
    if turn.kind == "question":
        askers.add(key)
        return turn
    return Turn(turn.mention, "question") if key and key in askers else turn


def _label(text: str, span: tuple[int, int]) -> re.Match[str] | None:
    match = _LABEL.match(text, *span)
    if match is None or len(match.group("label").split()) > 4:
        return None
    if not _is_metadata(match) and _is_title_case(text[match.end() : span[1]]):
        return None  # "Bernie Sanders: ‘It Is Not A Radical Idea’": a headline, not a turn
    return match


def _is_title_case(body: str) -> bool:
    words = [w.strip("‘’“”\"'(") for w in body.split()]
    words = [w for w in words if w[:1].isalpha()]
    capitalised = sum(w[0].isupper() for w in words)
    return len(words) >= 4 and capitalised >= 0.75 * len(words)


def _reads_as_reporting(paragraph: str) -> bool:
    """A paragraph that quotes someone with a speech verb, or opens with a dateline, is the
    story again, not more of the speaker's turn."""
    if _DATELINE.match(paragraph):
        return True
    return any(mark in paragraph for mark in '“”"') and bool(_THIRD_PERSON_SAID.search(paragraph))


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
