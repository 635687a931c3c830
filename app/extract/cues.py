"""Speech verbs: the words that tell a reader someone said something."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.extract.lexicon import ORG_NOUNS, ROLE_NOUNS, trie_pattern, wordset

# Verbs that introduce a reported clause even without "that" ("said the plan had failed").
_STRONG = wordset(
    """
    say said says saying tell told tells telling add added adds adding warn warned warns
    warning stress stressed stresses stressing insist insisted insists insisting argue
    argued argues arguing claim claimed claims claiming suggest suggested suggests
    suggesting demand demanded demands demanding emphasise emphasised emphasises emphasising
    emphasize emphasized emphasizes emphasizing contend contended contends maintain
    maintained maintains assert asserted asserts declare declared declares declaring concede
    conceded concedes conceding
    """
)

# Verbs that also take a plain object ("announced the plan"), so they need "that" or a clause.
_WEAK = wordset(
    """
    note noted notes noting announce announced announces announcing explain explained
    explains explaining acknowledge acknowledged acknowledges acknowledging admit admitted
    admits admitting confirm confirmed confirms confirming deny denied denies denying reveal
    revealed reveals revealing report reported reports predict predicted predicts predicting
    promise promised promises vow vowed vows pledge pledged pledges write wrote writes tweet
    tweeted tweets complain complained complains complaining agree agreed agrees agreeing
    hint hinted hints allege alleged alleges caution cautioned cautions observe observed
    observes recall recalled recalls reply replied replies replying respond responded
    responds answer answered answers estimate estimated estimates conclude concluded
    concludes point pointed points acknowledging boast boasted boasts remark remarked
    remarks state stated states stating reiterate reiterated reiterates reiterating
    tweeting writing posting
    """
)

# Verbs that characterise quoted words ('called the plan “a fantasy”') or say how they were
# spoken ('“I'm not going anywhere,” he grinned') attribute quotes but never report a clause.
_CHARACTERISING = wordset(
    """
    called calls calling described describes describing branded brands dubbed labelled
    labeled hailed slammed blasted praised condemned grinned laughed smiled chuckled snapped
    fumed raged beamed stormed sneered shrugged quipped joked sighed mused refers referred
    refer referring accused accuses accusing attacked attacks criticized criticised criticizes
    criticises mocked mocks ridiculed derided cited cites proclaimed proclaims
    """
)

# Verbs that only attribute a direct quote ("“Why now?” she asked.").
_QUOTE_ONLY = wordset(
    """
    ask asked asks asking continue continued continues went go goes joked jokes quipped
    quips shouted shouts yelled whispered sighed mused exclaimed recounted recalls told
    urged urges added began begins wrote tweeted posted posts read reads barked retorted
    echoed countered interjected yells yelled screams screamed pleads pleaded begged begs
    chanted chants assured assures reacted wondered wonders exclaimed
    """
)

ALL_FORMS = frozenset(_STRONG) | frozenset(_WEAK) | frozenset(_QUOTE_ONLY) | _CHARACTERISING
STRONG_FORMS = frozenset(_STRONG)
REPORTING_FORMS = frozenset(_STRONG) | frozenset(_WEAK)
# Verbs whose reported clause comes after an addressee: "told reporters that ...".
OBJECT_TAKING = wordset("tell told tells telling assured assures reminded informed")
# ", adding that ..." starts a new statement; ", emphasising that ..." elaborates the same one.
# Plural nouns that look like speech verbs ("demands that it do more", "his remarks").
NOUN_LIKE_FORMS = wordset(
    """
    claims demands notes remarks reports points answers states estimates reads posts
    promises pledges vows tweets replies warnings stresses suggests
    """
)
# Base forms double as nouns ("Mr Trump’s demand would take ..."); they need a subject.
BARE_FORMS = wordset(
    """
    say tell add warn stress insist argue claim suggest demand emphasise emphasize
    contend maintain assert declare concede note announce explain acknowledge admit
    confirm deny reveal report predict promise vow pledge write tweet complain agree
    hint allege caution observe recall reply respond answer estimate conclude point
    boast remark state ask continue go read begin
    """
)
CONTINUATION_GERUNDS = wordset("adding saying telling")
_SAY = wordset("say said says saying")
# Nouns that make a bare form a noun too when they follow it ("state senator").
_NOUNS_AFTER_A_NOUN = ROLE_NOUNS | ORG_NOUNS | wordset("card level law legislature capital")
# Particles that turn a speech verb into something else ("added to the pressure").
_NOT_SPEECH_AFTER = wordset(
    """
    to of about against up out off into goodbye nothing little much so
    """
)
# "called for a ceasefire", "called on allies": calling, but not characterising anyone's words.
_NOT_CHARACTERISING_AFTER = wordset("for on in out up off back by")
_PASSIVE_BEFORE = wordset("is was were be been being are")

_SURFACE_FORMS = {form for word in ALL_FORMS for form in (word, word.capitalize())}
# "warnings from traders that ...": a speech noun with its source and its content.
SPEECH_NOUNS = wordset(
    """
    warning warnings claim claims assurance assurances suggestion suggestions prediction
    predictions insistence admission complaint complaints
    """
)
CUE_WORD = re.compile(
    r"\b(?:[Aa]ccording\s+to|pointed\s+out|went\s+on|(?:shot|fired|hit)\s+back|"
    + trie_pattern(_SURFACE_FORMS)
    + r"|(?:"
    + trie_pattern(SPEECH_NOUNS)
    + r")(?=\s+(?:from|by)\s))\b"
)


@dataclass(frozen=True, slots=True)
class Cue:
    """One speech verb occurrence in the text."""

    start: int
    end: int
    word: str  # lower-cased surface form, e.g. "said", "according to"

    @property
    def is_gerund(self) -> bool:
        return self.word.endswith("ing") and self.word != "according to"

    @property
    def is_strong(self) -> bool:
        return self.word in STRONG_FORMS or self.word == "according to"

    @property
    def is_noun_like(self) -> bool:
        """Counts as a verb only right after its subject ("Mr Smith claims")."""
        return self.word in NOUN_LIKE_FORMS or self.word in BARE_FORMS

    @property
    def is_reporting(self) -> bool:
        return self.word in REPORTING_FORMS or self.word in SPEECH_NOUNS


def find_cues(text: str, start: int, end: int) -> list[Cue]:
    """Speech verbs in text[start:end], skipping passives ('was told') and non-speech uses."""
    cues: list[Cue] = []
    for match in CUE_WORD.finditer(text, start, end):
        word = " ".join(match.group(0).lower().split())
        if not _lower_or_sentence_initial(text, match.start(), start):
            continue
        if not word.endswith("ing") and _is_passive(text, match.start()):
            continue
        cues.append(Cue(match.start(), match.end(), word))
    return cues


def next_word(text: str, position: int) -> str:
    match = _NEXT_WORD.match(text, position)
    return match.group(1).lower() if match else ""


def previous_word(text: str, position: int) -> str:
    match = _PREVIOUS_WORD.search(text, max(0, position - 40), position)
    return match.group(1).lower() if match else ""


def is_speech_use(text: str, cue: Cue) -> bool:
    """'added that' is speech; 'added to the pressure' is not."""
    if cue.word == "according to":
        return True
    following = next_word(text, cue.end)
    if cue.word.startswith("refer"):
        # "refers to, without much affection, as “the tourists”"
        return bool(_REFERS_AS.match(text, cue.end))
    if cue.word in _CHARACTERISING and following in _NOT_CHARACTERISING_AFTER:
        return False
    if cue.word in BARE_FORMS and following in _NOUNS_AFTER_A_NOUN:
        return False  # "the New York state attorney general", "the report card"
    if cue.word in _SAY and following in ("to", "of"):
        # "said to reporters", "says of Clinton": speech; "said to be" is hearsay about someone.
        after = _NEXT_WORD.match(text, cue.end)
        return after is None or next_word(text, after.end()) not in ("be", "have")
    return following not in _NOT_SPEECH_AFTER


_REFERS_AS = re.compile(r"[^.;:!?“”\"]{0,80}?\bas\s*[“\"‘']")
_NEXT_WORD = re.compile(r"\s*([\w’'-]+)")
_PREVIOUS_WORD = re.compile(r"([\w’'-]+)\s*$")


def _lower_or_sentence_initial(text: str, position: int, floor: int) -> bool:
    # "Says" or "Said" capitalised mid-sentence is usually a name or a headline word.
    if text[position].islower():
        return True
    before = text[max(floor, position - 3) : position].strip()
    return before == "" or before[-1:] in "”\"’'.,:—–-"


def _is_passive(text: str, position: int) -> bool:
    return previous_word(text, position) in _PASSIVE_BEFORE
