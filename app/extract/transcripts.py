"""Transcripts: speaker-labelled turns, reporters' questions and speeches under a heading."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.extract.boilerplate import is_heading, is_separator
from app.extract.candidates import Candidate
from app.extract.labels import Label, read_label, speaker_key
from app.extract.mentions import NAME_CHAIN, OWNER_CHAIN, RawMention

_QUESTIONER = re.compile(
    rf"(?P<label>{NAME_CHAIN})[ \t]*\[(?P<bracket>[^\]\n]{{1,40}})\]"
    r"[^.?!\n]{0,80}[.?!][ \t]+(?=\S)"
)
_HEADING = re.compile(
    rf"(?:(?P<owner>{OWNER_CHAIN})[’']s[ \t]+(?:speech|remarks|statement|address|opening[ \t]+"
    r"remarks|introductory[ \t]+remarks|opening[ \t]+statement|press[ \t]+conference|"
    r"keynote(?:[ \t]+speech)?)|(?:Speech|Remarks|Statement|Address|Opening[ \t]+remarks|"
    r"Opening[ \t]+statement|Keynote[ \t]+speech|Press[ \t]+conference|Transcript)[ \t]+(?:by|of)"
    rf"[ \t]+(?P<by>[^,\n.]{{3,80}}?))(?:[ \t]+(?:following|after|at|to|on|during)\b[^\n]*)?"
    r"[ \t]*[.:]?[ \t]*$"
)
# "Thanks. Amy Larkin, KXRN News. What will ...?": a reporter introduces herself, then asks.
_SELF_INTRODUCTION = re.compile(
    r"(?:(?:Thanks|Thank[ \t]+you|Hi|Hello|Yes|Sure|Morning|Afternoon|Evening|Good[ \t]+"
    r"(?:morning|afternoon|evening))\b[^.!?\n]{0,30}[.,!][ \t]+)?"
    rf"(?P<label>{NAME_CHAIN})[ \t]*,[ \t]*(?P<outlet>[A-Z][^.?!\n,]{{1,60}})[.][ \t]+(?=\S)"
)
_GREETINGS = frozenset(("thanks", "thank", "hi", "hello", "yes", "sure", "okay", "ok", "well"))
# Who a role label stands for, as the header of a record names them.
_CAPS_NAME = r"[A-Z][A-Z’'\-]+(?:[ \t]+[A-Z]\.)?(?:[ \t]+[A-Z][A-Z’'\-]+){1,3}"
_JUDGE = re.compile(
    rf"(?:HONORABLE|Honorable|HON\.|Hon\.|JUDGE|Judge)[ \t]+(?P<name>{_CAPS_NAME}|{NAME_CHAIN})"
)
_WITNESS = re.compile(
    rf"(?:(?:DIRECT|CROSS|REDIRECT|RECROSS)[- ]EXAMINATION[ \t]+OF[ \t]+(?P<name>{_CAPS_NAME}))"
    rf"|(?P<sworn>{_CAPS_NAME}|{NAME_CHAIN}),[ \t]+(?:having[ \t]+been|being)[ \t]+"
    r"(?:first[ \t]+)?(?:duly[ \t]+)?sworn"
)
_MODERATED_BY = re.compile(
    rf"\b(?:moderated|chaired|hosted)[ \t]+by[ \t]+(?:[a-z][\w\-]*[ \t]+){{0,3}}"
    rf"(?P<name>{NAME_CHAIN})"
)
_MODERATOR = re.compile(r"\b(?:moderator|moderating|host|chair(?:ing)?)\b", re.IGNORECASE)
_NAME_IN_HEADER = re.compile(NAME_CHAIN)
# Labels for whoever runs the session; their lines are housekeeping unless they ask something.
_CHAIR_LABELS = frozenset(
    ["moderator", "chair", "chairman", "chairwoman", "chairperson", "host", "speaker"]
)
# '(BEGIN VIDEO CLIP)', '[09:12:41]', '(COMMERCIAL BREAK)', 'END 1:31 P.M. EDT': directions.
_STAGE_DIRECTION = re.compile(r"^(?:[\[(][^\])\n]{1,60}[\])]\.?|END\b[^a-z]{0,40})$")
_MIN_LABELLED_TURNS = 2
_WORD = re.compile(r"[^\W\d_]{2,}")
_DATELINE = re.compile(r"^[A-Z][A-Z .,’'\-]{2,40}[ \t]+[—–-][ \t]")
_THIRD_PERSON_SAID = re.compile(
    r"\b(?:he|she|they|[A-Z][\w’'\-]+)[ \t]+(?:said|says|told|tells|added|adds|asked)\b"
    r"|\b(?:said|says|added|asked)[ \t]+(?:the[ \t]+)?[A-Z]?[a-z]+"
)


@dataclass(frozen=True, slots=True)
class Turn:
    """Who holds the floor: their label mention and whether they are asking."""

    mention: RawMention | None
    kind: str  # "transcript" | "question" | "housekeeping"
    key: str = ""  # the label's surname or role, to know the same speaker's later labels
    answer_label: bool = False  # "A:" in an interview, answered by the interviewee


@dataclass
class _Cast:
    """The people a record's header names for its role labels."""

    judge: RawMention | None = None
    witness: RawMention | None = None
    examiner: RawMention | None = None
    moderator: RawMention | None = None


def transcript_quotes(
    text: str, paragraphs: list[tuple[int, int]], skip: set[int]
) -> tuple[list[Candidate], set[int]]:
    """Quotes from transcript sections, and the paragraphs they use up."""
    labels = _labels(text, paragraphs, skip)
    metadata = {i for i, label in labels.items() if label.kind == "metadata"}
    labelled = sum(label.kind in ("turn", "question", "answer") for label in labels.values())
    headed = any(i not in skip and _HEADING.match(text, *p) for i, p in enumerate(paragraphs))
    if labelled < _MIN_LABELLED_TURNS and not headed:
        return [], set()
    cast = _cast(text, paragraphs, labels, metadata)
    askers = _askers(text, paragraphs, labels)
    found: list[Candidate] = []
    consumed: set[int] = set()
    turn: Turn | None = None
    for index, (p_start, p_end) in enumerate(paragraphs):
        if index in skip or index in metadata:
            continue
        paragraph = text[p_start:p_end]
        if is_separator(paragraph) or (labels and _STAGE_DIRECTION.match(paragraph)):
            consumed.add(index)
            continue
        heading = _HEADING.match(text, p_start, p_end)
        if heading:
            turn = Turn(_heading_mention(heading), "transcript")
            consumed.add(index)
            continue
        label = labels.get(index)
        if label is None and _is_section_heading(paragraph):
            turn = None  # 'SUPERDELEGATES.', 'THE TOTAL.': a new section of the page
            continue
        if label is not None and label.kind == "examiner":
            cast.examiner, turn = label.mention, None  # 'BY MR. CALLOWAY:' starts his questions
            consumed.add(index)
            continue
        opened = _open_turn(text, p_start, p_end, label, cast, labelled)
        if opened is None and turn is not None and labelled >= _MIN_LABELLED_TURNS:
            opened = _self_introduction(text, p_start, p_end)
        if opened is not None:
            turn, body_start = opened
            turn = _as_question_if_asker(turn, askers, "?" in paragraph)
            consumed.add(index)
            if turn.key in cast_chairs(cast) or turn.key in _CHAIR_LABELS:
                if not _ends_with_question(text, p_start, p_end):
                    turn = Turn(turn.mention, "housekeeping", turn.key)
                    continue
                turn = Turn(turn.mention, "question", turn.key)
            method = "transcript:question-label" if turn.kind == "question" else "transcript:label"
            found.append(_quote(text, body_start, p_end, turn, "label", method, index, 0.95))
        elif turn is not None and _reads_as_reporting(paragraph):
            turn = None
        elif turn is not None:
            consumed.add(index)
            if turn.kind == "housekeeping":
                continue
            found.append(
                _quote(text, p_start, p_end, turn, None, "transcript:continued-turn", index, 0.85)
            )
    return found, consumed


def _labels(text: str, paragraphs: list[tuple[int, int]], skip: set[int]) -> dict[int, Label]:
    """Each paragraph's opening label; a first line that reads as a title has none."""
    labels: dict[int, Label] = {}
    for index, (start, end) in enumerate(paragraphs):
        if index in skip:
            continue
        label = read_label(text, start, end)
        if label is None:
            continue
        if index == 0 and label.kind == "turn" and is_heading(text[start:end]):
            continue  # 'Interview: the mayor on housing'
        if label.kind == "turn" and _is_title_case(text[label.body : end]):
            continue  # "Bernie Sanders: ‘It Is Not A Radical Idea’": a headline, not a turn
        if label.kind in ("turn", "question") and not _WORD.search(text, label.body, end):
            continue  # 'Hillary Clinton: 1,769.': a figure in a table, not something said
        labels[index] = label
    return labels


def _cast(
    text: str, paragraphs: list[tuple[int, int]], labels: dict[int, Label], metadata: set[int]
) -> _Cast:
    """The judge, the witness and the moderator the header names, read before the first turn."""
    first_turn = min((i for i, lb in labels.items() if lb.kind != "metadata"), default=0)
    header_end = paragraphs[first_turn][0] if paragraphs else 0
    header = text[:header_end]
    cast = _Cast()
    judge = _JUDGE.search(header)
    if judge is not None:
        cast.judge = _header_mention(judge, "name", "The Court", "judge")
    witness = _WITNESS.search(text)
    if witness is not None:
        group = "name" if witness.group("name") else "sworn"
        cast.witness = _header_mention(witness, group, None, "witness")
    moderated = _MODERATED_BY.search(header)
    if moderated is not None:
        cast.moderator = _header_mention(moderated, "name", "moderator", "moderator")
    else:
        cast.moderator = _listed_moderator(text, paragraphs, metadata)
    return cast


def cast_chairs(cast: _Cast) -> set[str]:
    """Keys of the labels that chair the session: the moderator's surname, when known."""
    if cast.moderator is None:
        return set()
    return {speaker_key(cast.moderator.text)}


def _header_mention(
    match: re.Match[str], group: str, description: str | None, role: str
) -> RawMention:
    return RawMention(
        match.start(group), match.end(group), match.group(group), "name", description, role
    )


def _listed_moderator(
    text: str, paragraphs: list[tuple[int, int]], metadata: set[int]
) -> RawMention | None:
    """'PARTICIPANTS: ...; Kate Polglase, press officer (moderator)'."""
    for index in sorted(metadata):
        start, end = paragraphs[index]
        for part in re.finditer(r"[^;\n]+", text[start:end]):
            if _MODERATOR.search(part.group(0)):
                name = _NAME_IN_HEADER.search(text, start + part.start(), start + part.end())
                if name is not None:
                    return RawMention(name.start(), name.end(), name.group(0), "name")
    return None


def _open_turn(
    text: str, start: int, end: int, label: Label | None, cast: _Cast, labelled: int
) -> tuple[Turn, int] | None:
    if labelled < _MIN_LABELLED_TURNS:
        return None
    if label is not None:
        return _turn_from_label(text, label, cast, end), _body_start(text, label, end)
    asker = _QUESTIONER.match(text, start, end)
    if asker is not None:
        mention = RawMention(asker.start("label"), asker.end("label"), asker["label"], "name")
        return Turn(mention, "question", speaker_key(mention.text)), asker.end()
    return None


def _turn_from_label(text: str, label: Label, cast: _Cast, end: int) -> Turn:
    if label.kind == "answer":
        if cast.witness is not None:
            return Turn(cast.witness, "transcript", "witness")
        return Turn(None, "transcript", answer_label=True)
    if label.kind == "question":
        if cast.examiner is not None and label.mention is None:
            return Turn(cast.examiner, "question", speaker_key(cast.examiner.text))
        introduced = _introduction(text, label.body, end)
        if introduced is not None:  # 'QUESTION: Henrik Dahl, Radio Nordvik. Will ...?'
            mention = _questioner(introduced)
            return Turn(mention, "question", speaker_key(mention.text))
        return Turn(label.mention, "question")
    if label.key == "court" and cast.judge is not None:
        return Turn(cast.judge, "transcript", "court")
    if label.key == "moderator" and cast.moderator is not None:
        return Turn(cast.moderator, "transcript", "moderator")
    return Turn(label.mention, "transcript", label.key)


def _body_start(text: str, label: Label, end: int) -> int:
    """Where the turn's words begin: after a questioner's own introduction, if any."""
    if label.kind == "question" and label.mention is None:
        introduced = _introduction(text, label.body, end)
        if introduced is not None:
            return introduced.end()
    return label.body


def _introduction(text: str, start: int, end: int) -> re.Match[str] | None:
    """A questioner's own name and outlet ('Henrik Dahl, Radio Nordvik.', 'Said, Al Quds.');
    'Thanks, Carla.' is a greeting and 'Carla, on trade' an address, not an introduction."""
    introduced = _SELF_INTRODUCTION.match(text, start, end)
    if introduced is None or introduced["label"].split()[0].lower() in _GREETINGS:
        return None
    return introduced


def _questioner(introduced: re.Match[str]) -> RawMention:
    """The reporter by name when the name is full, else the outlet they gave."""
    group = "label" if len(introduced["label"].split()) >= 2 else "outlet"
    kind = "name" if group == "label" else "org"
    return RawMention(introduced.start(group), introduced.end(group), introduced[group], kind)


def _ends_with_question(text: str, start: int, end: int) -> bool:
    return text[start:end].rstrip(" \t”\"’')").endswith("?")


def _askers(text: str, paragraphs: list[tuple[int, int]], labels: dict[int, Label]) -> set[str]:
    """Labels whose turns often ask (a third or more): the interviewer, a member asking the PM."""
    turns: dict[str, list[bool]] = {}
    for index, label in labels.items():
        if label.kind != "turn" or not label.key:
            continue
        start, end = paragraphs[index]
        turns.setdefault(label.key, []).append("?" in text[start:end])
    return {key for key, asked in turns.items() if any(asked) and 3 * sum(asked) >= len(asked)}


def _self_introduction(text: str, start: int, end: int) -> tuple[Turn, int] | None:
    """'Thanks. Amy Larkin, KXRN News. What will ...?': the question starts after the name."""
    intro = _introduction(text, start, end)
    if intro is None or not _ends_with_question(text, start, end):
        return None
    mention = _questioner(intro)
    return Turn(mention, "question", speaker_key(mention.text)), intro.end()


def _as_question_if_asker(turn: Turn, askers: set[str], asks: bool) -> Turn:
    """An asker's turn is a question when it asks something; their welcome or 'Nothing
    further' is a turn like any other."""
    if turn.kind == "question":
        if turn.key:
            askers.add(turn.key)
        if asks or turn.key not in askers:
            return turn
        return Turn(turn.mention, "transcript", turn.key)
    if turn.key and turn.key in askers and asks:
        return Turn(turn.mention, "question", turn.key)
    return turn


def _is_section_heading(paragraph: str) -> bool:
    """A short line in capitals ('PLEDGED DELEGATES.') between parts of a page."""
    letters = [c for c in paragraph if c.isalpha()]
    return bool(letters) and len(paragraph.split()) <= 8 and all(c.isupper() for c in letters)


def _is_title_case(body: str) -> bool:
    words = [w.strip("‘’“”\"'(") for w in body.split()]
    words = [w for w in words if w[:1].isalpha() and w != "I"]
    capitalised = sum(w[0].isupper() for w in words)
    return len(words) >= 5 and capitalised >= 0.75 * len(words)


def _reads_as_reporting(paragraph: str) -> bool:
    """A paragraph that quotes someone with a speech verb, or opens with a dateline, is the
    story again, not more of the speaker's turn."""
    if _DATELINE.match(paragraph):
        return True
    return any(mark in paragraph for mark in '“”"') and bool(_THIRD_PERSON_SAID.search(paragraph))


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
