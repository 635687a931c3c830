"""Who a speech verb belongs to: the phrase before it, after it, or the sentence's subject."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.extract.cues import SPEECH_NOUNS, Cue
from app.extract.mentions import RawMention, mention_at, mention_before

# Openers after which the subject comes only after the first comma.
_INTRODUCTORY = re.compile(
    r"^[“\"‘'(—–-]*\s*(?:In|On|At|After|Before|Speaking|Asked|Following|Earlier|Later|However|"
    r"Meanwhile|But|And|Yesterday|Today|When|While|As|Despite|During|Since|Addressing|Writing|"
    r"Responding|Commenting|Interviewed|Separately|Still|Instead|Nonetheless|In\s+a|"
    # 'Citing a new report, Hale said ...': an opening participle clause
    r"[A-Z][a-z]+ing)\b[^,]{0,160},\s*"
)
_LEADING_PUNCTUATION = re.compile(r"^[\s“\"‘'(—–-]*")
_AFTER_QUOTE = re.compile(r"[”\"’'][\s,—–-]*$")
# After an inverted speaker: the sentence ends, a clause or bracket ("(R-Ohio)") opens.
_INVERSION_TAIL = re.compile(
    r"^\s*(?:[,.;:—–(-]|$|on\s|in\s|at\s|of\s|from\s|to\s|who\s|during\s|after\s|before\s)"
)


_NOUN_SOURCE = re.compile(r"\s+(?:from|by)\s+")
_THAT_AFTER = re.compile(r"\s+that\s")
_HABITUAL_TAIL = re.compile(
    r"[ \t]+(?:used[ \t]+to|would|had[ \t]+to|went[ \t]+on[ \t]+to|always|often|never|once)[ \t]+$"
)
_PROGRESSIVE_TAIL = re.compile(r"[ \t]+(?:is|are|was|were|has[ \t]+been|have[ \t]+been)[ \t]+$")
_AFTER_COMMA = re.compile(r",[ \t]*$")
# "The Board, which advises ministers, said" / "a vet called Colm Brennan, who describes":
# the verb belongs to the noun phrase before the relative pronoun.
_RELATIVE_TAIL = re.compile(
    r",[ \t]+(?:who|which)[ \t]+(?:[^,;:“”\"]{1,100},[ \t]*|(?:(?:has|have|had|also|once|"
    r"already|previously|repeatedly|recently)[ \t]+)*)$"
)
# "Suppliers – and they say this loudly – argue that": the aside is skipped.
_DASH_ASIDE = re.compile(r"[ \t]+[–—][^–—\n]{1,100}[–—][ \t]*$")


@dataclass(frozen=True, slots=True)
class CueSpeaker:
    mention: RawMention | None
    how: str  # "X-said" | "said-X" | "subject" | "inherited"


def speaker_for_cue(
    text: str, cue: Cue, sentence: tuple[int, int], earlier: list[tuple[Cue, CueSpeaker]]
) -> CueSpeaker:
    """The mention that a speech verb's speaker is, found the way a reader would."""
    start, end = sentence
    if cue.word == "according to":
        return CueSpeaker(mention_at(text, _skip_space(text, cue.end), end), "according-to")
    if cue.word in SPEECH_NOUNS:
        source = _NOUN_SOURCE.match(text, cue.end, end)
        mention = mention_at(text, source.end(), end) if source else None
        if mention is None or not _THAT_AFTER.match(text, mention.end, end):
            return CueSpeaker(None, "none")
        return CueSpeaker(mention, "noun-from")
    if cue.is_gerund and not _LEADING_PUNCTUATION.sub("", text[start : cue.start]):
        # "Claiming the criticism is unfair, Hale told Fox ...": the main clause's subject.
        return CueSpeaker(sentence_subject(text, start, end), "subject")
    if cue.is_gerund and _AFTER_COMMA.search(text, max(start, cue.start - 3), cue.start):
        # "..., insisting the change is fair": the clause's subject speaks, not the last noun.
        if earlier:
            return CueSpeaker(earlier[-1][1].mention, "inherited")
        subject = sentence_subject(text, start, cue.start)
        return CueSpeaker(subject, "subject" if subject else "none")
    head = _skip_aside(text, start, cue.start)
    habitual = _HABITUAL_TAIL.search(text, max(start, head - 30), head)
    if habitual is not None:
        head = habitual.start()  # "My grandmother used to say": the subject before "used to"
    elif cue.is_gerund and (
        going_on := _PROGRESSIVE_TAIL.search(text, max(start, head - 20), head)
    ):
        head = going_on.start()  # "The city of Phoenix is demanding that ...": before "is"
    antecedent = _relative_antecedent(text, start, head)
    if antecedent is not None:
        return CueSpeaker(antecedent, "X-said")
    before = mention_before(text, start, head)
    if before is not None and before.kind == "pronoun" and before.text[0].islower():
        antecedent = _relative_antecedent(text, start, before.start)
        if antecedent is not None:
            return CueSpeaker(antecedent, "X-said")
    if before is not None and not _inside_reported(before, earlier):
        return CueSpeaker(before, "X-said")
    inverted = _inverted_speaker(text, cue, start, end)
    if inverted is not None:
        return CueSpeaker(inverted, "said-X")
    if cue.is_noun_like:
        return CueSpeaker(None, "none")
    if cue.is_gerund and earlier:
        return CueSpeaker(earlier[-1][1].mention, "inherited")
    subject = sentence_subject(text, start, cue.start)
    return CueSpeaker(subject, "subject" if subject else "none")


def sentence_subject(text: str, start: int, limit: int) -> RawMention | None:
    """The mention that opens the sentence, after any introductory phrase."""
    head = text[start:limit]
    intro = _INTRODUCTORY.match(head) or _LEADING_PUNCTUATION.match(head)
    offset = intro.end() if intro else 0
    if start + offset >= limit:
        return None
    return mention_at(text, start + offset, limit)


def _inverted_speaker(text: str, cue: Cue, start: int, end: int) -> RawMention | None:
    """'..., said Mr Stoltenberg.' – a speaker after the verb, then the sentence ends."""
    lead = text[start : cue.start].rstrip()
    if lead and not (lead.endswith(",") or _AFTER_QUOTE.search(lead) or lead.endswith("—")):
        return None
    mention = mention_at(text, _skip_space(text, cue.end), end)
    if mention is None or (mention.kind == "pronoun" and mention.text[0].isupper()):
        return None
    # '“...,” said Will Doyle, a professor at ...': after a closing quote, 'said X' is inverted.
    if not _AFTER_QUOTE.search(lead) and not _INVERSION_TAIL.match(text[mention.end : end]):
        return None
    return mention


def _skip_aside(text: str, start: int, position: int) -> int:
    floor = max(start, position - 110)
    if text.find("–", floor, position) == -1 and text.find("—", floor, position) == -1:
        return position
    aside = _DASH_ASIDE.search(text, floor, position)
    return aside.start() if aside else position


def _relative_antecedent(text: str, start: int, position: int) -> RawMention | None:
    floor = max(start, position - 110)
    if text.find(" wh", floor, position) == -1:
        return None
    relative = _RELATIVE_TAIL.search(text, floor, position)
    if relative is None:
        return None
    found = mention_before(text, start, relative.start())
    return found if found is not None and found.kind != "pronoun" else None


def _inside_reported(mention: RawMention, earlier: list[tuple[Cue, CueSpeaker]]) -> bool:
    """'he' in 'said he agreed' is the content of an earlier verb, not a new speaker."""
    return (
        False if not earlier else mention.kind == "pronoun" and earlier[-1][0].end < mention.start
    )


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t":
        position += 1
    return position
