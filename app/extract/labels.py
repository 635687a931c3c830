"""Speaker labels that open transcript turns, in the forms transcripts are published in.

'MS. WHITCOMBE:', 'Owen Tremaine (00:00:04):', 'The Prime Minister (Helen Ashworth):',
'Sir Gareth Pryce (Eastfold) (Lab):', 'MARCUS WEBB, CNN ANCHOR:', 'GOV. RUTH HADLEY (R-KS):',
'VASQUEZ (on camera):', 'Q.', 'A:', 'Q Thanks, Carla.', 'Question [Radio Kessel]:',
'BY MR. CALLOWAY:'. A label says who holds the floor; which person that is across the
transcript is settled later, like any other mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.extract.lexicon import ROLE_NOUNS, TITLE_ABBREVIATIONS, TITLES, trie_pattern, wordset
from app.extract.mentions import NAME_CHAIN, RawMention, split_title

# Whose label it is: a name (in capitals or not), optionally with a title written short, or
# a role such as 'The Prime Minister', 'Mr Speaker', 'THE COURT', 'Hon. Members'.
_CAPS_WORD = r"[A-Z][A-Z’'\-]*\.?"
_TITLE = rf"(?:(?i:{trie_pattern(TITLE_ABBREVIATIONS)})\.[ \t]+)"
_WHO = (
    rf"(?:(?:The|THE)[ \t]+)?{_TITLE}?"
    rf"(?:{NAME_CHAIN}|{_CAPS_WORD}(?:[ \t]+{_CAPS_WORD}){{0,3}}|Hon\.[ \t]+Members)"
)
_BRACKETS = r"(?:[ \t]*[\[(][^\])\n]{1,60}[\])])*"
_SPEAKER_LABEL = re.compile(
    rf"(?:Q\d+\.[ \t]*)?(?:\[\d+\][ \t]*)?"  # Hansard's question number and reference
    rf"(?P<who>{_WHO})(?P<brackets>{_BRACKETS})"
    rf"(?:,[ \t]*(?P<role>[A-Z][^:,()\[\]\n]{{1,50}}?)(?P<after>{_BRACKETS}))?"
    r"[ \t]*:[ \t]+(?=\S)"
)
_QUESTION_LABEL = re.compile(
    r"(?:QUESTION|Question|Interviewer|INTERVIEWER|Q)(?:[ \t]*\[(?P<outlet>[^\]\n]{1,40})\])?"
    r"[ \t]*(?::|\.(?=[ \t]))[ \t]+(?=\S)"
    # White House style: 'Q Thanks, Carla.' with no colon
    r"|Q[ \t]+(?=[A-Z“\"‘])"
)
_ANSWER_LABEL = re.compile(r"(?:ANSWER|Answer|A)[ \t]*[.:][ \t]+(?=\S)")
_EXAMINER = re.compile(rf"BY[ \t]+(?P<who>{_TITLE}?{_CAPS_WORD}(?:[ \t]+{_CAPS_WORD})?)[ \t]*:\s*$")
_TIMESTAMP = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?$")
# Brackets that say how or where someone spoke, or for which party: not who.
_MANNER = re.compile(
    r"^(?:voice-over|voice over|on camera|through (?:a )?translator|via (?:tele)?phone|"
    r"off camera|vo|oc|sot|inaudible|[RDI]-[A-Z]{2}|Lab|Con|LD|Lib Dem|SNP|DUP|PC|SDLP|Green|"
    r"Ind|Alliance|R|D|I)$",
    re.IGNORECASE,
)
# Header fields of a transcript ("DATE: ...", "PARTICIPANTS: ..."): metadata, not speakers.
_METADATA = wordset(
    """
    transcript location date time venue place participants present speakers attendees
    subject topic event source title headline re note notes embargo contact duration
    recorded published updated byline filed panel panelists panellists summary appearances
    interview exclusive watch listen analysis opinion update
    """
)
# Roles whose label never names a person: the chair, the bench, the floor.
_ROLE_WORDS = (
    TITLES
    | ROLE_NOUNS
    | wordset(
        """
    speaker members member court moderator host chair chairman chairwoman chairperson
    unidentified unknown male female voice announcer interpreter clerk narrator crowd
    audience reporter reporters hon hon. several multiple
    """
    )
)
_GROUP_LABELS = wordset("members audience crowd reporters several multiple")


@dataclass(frozen=True, slots=True)
class Label:
    """A turn's opening label: who speaks, and where their words begin."""

    body: int  # offset of the first word of the turn
    kind: str  # "turn" | "question" | "answer" | "examiner" | "metadata"
    mention: RawMention | None  # the person, role or outlet the label names
    key: str  # what identifies this speaker across the transcript ('whitcombe', 'court')


def read_label(text: str, start: int, end: int) -> Label | None:
    """The label opening text[start:end], or None when the paragraph opens with none."""
    examiner = _EXAMINER.match(text, start, end)
    if examiner is not None:
        return Label(
            end, "examiner", _person(text, examiner, "who", None), speaker_key(examiner["who"])
        )
    answer = _ANSWER_LABEL.match(text, start, end)
    if answer is not None:
        return Label(answer.end(), "answer", None, "")
    question = _QUESTION_LABEL.match(text, start, end)
    if question is not None:
        outlet = question.group("outlet")
        mention = (
            RawMention(question.start("outlet"), question.end("outlet"), outlet, "org")
            if outlet
            else None
        )
        return Label(question.end(), "question", mention, "")
    return _speaker_label(text, start, end)


def _speaker_label(text: str, start: int, end: int) -> Label | None:
    match = _SPEAKER_LABEL.match(text, start, end)
    if match is None or len(match["who"].split()) > 5:
        return None
    who = " ".join(match["who"].lower().split())
    if who in _METADATA:
        return Label(match.end(), "metadata", None, who)
    bracketed = _bracketed_person(text, match)
    if bracketed is not None:  # 'The Prime Minister (Helen Ashworth):'
        return Label(match.end(), "turn", bracketed, speaker_key(match["who"]))
    if _is_role(match["who"]):
        kind = "group" if who.split()[-1] in _GROUP_LABELS else "role"
        words = match["who"]
        mention = RawMention(
            match.start("who"),
            match.end("who"),
            words,
            kind,
            words,
            _role_of(words),
        )
        return Label(match.end(), "turn", mention, _role_of(words))
    mention = _person(text, match, "who", match.group("role"))
    return Label(match.end(), "turn", mention, speaker_key(match["who"]))


def _bracketed_person(text: str, match: re.Match[str]) -> RawMention | None:
    """A role label with the person in brackets after it; other brackets (a constituency,
    a party, a timestamp, 'voice-over') say nothing about who speaks."""
    if not _is_role(match["who"]):
        return None
    for inner in re.finditer(r"[\[(]([^\])\n]{1,60})[\])]", match["brackets"]):
        content = inner.group(1).strip()
        if _TIMESTAMP.match(content) or _MANNER.match(content):
            continue
        name = re.fullmatch(NAME_CHAIN, content)
        if name is not None and len(content.split()) >= 2:
            begin = match.start("brackets") + inner.start(1)
            begin += len(inner.group(1)) - len(inner.group(1).lstrip())
            return RawMention(
                begin,
                begin + len(content),
                content,
                "name",
                match["who"],
                _role_of(match["who"]),
            )
    return None


def _person(text: str, match: re.Match[str], group: str, role_text: str | None) -> RawMention:
    surface = match.group(group).rstrip(".")
    role = _role_of(role_text) if role_text else None
    return RawMention(
        match.start(group), match.start(group) + len(surface), surface, "name", role_text, role
    )


def _is_role(words: str) -> bool:
    """'The Prime Minister', 'Mr Speaker', 'THE COURT', 'MODERATOR': no name among the words."""
    bare = split_title(words)[1]
    tokens = [w.strip(".").lower() for w in (bare or words).split()]
    tokens = [t for t in tokens if t not in ("the", "mr", "madam", "mister")]
    return bool(tokens) and all(t in _ROLE_WORDS for t in tokens)


def _role_of(words: str) -> str:
    tokens = [w.strip(".").lower() for w in words.split()]
    return " ".join(t for t in tokens if t not in ("the", "mr", "madam", "mister"))


def speaker_key(words: str) -> str:
    """The surname or role that names this speaker in later labels ('WEBB' for 'MARCUS WEBB')."""
    tokens = [w.strip(".").casefold() for w in words.split()]
    return tokens[-1] if tokens else ""
