"""Indirect (reported) speech: 'Mr Stoltenberg said the best way was ...'."""

from __future__ import annotations

import re

from app.extract.candidates import Candidate
from app.extract.cues import CONTINUATION_GERUNDS, OBJECT_TAKING, REPORTING_FORMS, Cue
from app.extract.document import Layout, Sentence
from app.extract.lexicon import trie_pattern, wordset
from app.extract.subjects import CueSpeaker

# What may stand between a verb and its "that": an addressee or when and where it was said.
_ADVERBIAL = (
    r"(?:on|in|at|during|after|before|last|this|earlier|yesterday|today|repeatedly|again|also|"
    r"then|later|privately|publicly|separately|recently|previously|once|now|however|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
    r"May|June|July|August|September|October|November|December)"
)
_BRIDGE_TO_THAT = re.compile(
    rf"[ \t]*,?[ \t]+(?:{_ADVERBIAL}\b[^,.;:“”\"!?]{{0,80}}?[ \t]+)?that[ \t]+"
)
_OBJECT = re.compile(
    r"[ \t]+(?:reporters|journalists|lawmakers|delegates|parliament|him|her|them|us|"
    r"(?:the|a|an|its|his|her|their)\s+[\w\-’']+(?:\s+[\w\-’']+)?(?=\s+that\b)|the\s+\w+|"
    r"me|[a-z]+s|(?>[A-Z][\w.’']*(?:\s+[A-Z][\w.’']*)*))(?:\s+(?:on|in|at)\s+[^,;:]{1,40}?)?"
    r"[ \t]+(?=[^\s:,;])"
)
_NOT_A_CLAUSE_START = re.compile(
    r"^(?:(?:to|of|about|against|on|in|at|by|for|with|from|into|up|out|off|so|nothing|little|"
    r"much|goodbye|yes|no|it\s+was\s+time|more|something|anything|this|that|these|those|"
    r"what|how|whether|if|why|when|where|who|as|after|before|while|during)\b(?!-)|[,.;:!?“”\"‘’'—–-])",
    re.IGNORECASE,
)
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|could|can|should|may|might|must|did|does|do|"
    r"won’t|wouldn’t|couldn’t|isn’t|wasn’t|didn’t|doesn’t|hasn’t|haven’t|\w+ed|\w+s)\b"
)
# A determiner, an optional adjective and a noun followed by "of"/"for": a noun phrase object.
_OBJECT_PHRASE = re.compile(
    r"^(?:the|a|an|its|his|her|their|our|plans?)\s+(?:[\w\-]+\s+){0,2}?(?:of|for|to)\s",
    re.IGNORECASE,
)
_WARNED_OBJECT = re.compile(r"^(?:[\w\-]+\s+){1,3}?(?:about|of|against|over)\s", re.IGNORECASE)
_AUXILIARY = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|could|can|should|may|might|must|did|does|"
    r"do|won’t|wouldn’t|couldn’t|isn’t|wasn’t|didn’t|doesn’t|hasn’t|haven’t|(?<![\-\w])\w+ed)\b"
)
# Strong verbs that also take a plain noun object: "conceded defeat", "claimed victory".
_NOUN_OBJECT_VERBS = ("conced", "claim", "declar", "maintain", "assert")
_ADJUNCT = re.compile(
    r"\b(?:after|before|when|because|since|following|as|in|on|at|over|with|for|early|late|"
    r"last|this|yesterday|today|amid|despite)\b"
)
_PRONOUN_START = re.compile(r"^(?:he|she|it|they|we|i|you|there)\b", re.IGNORECASE)
# Verb forms that are also common nouns or adjectives ("and reports", "but promises").
_NOT_COORDINATING = wordset(
    """
    claims notes reports points answers states estimates promises pledges vows tweets replies
    demands stresses suggests report state point note answer estimate promise pledge vow
    tweet reply demand stress claim
    """
)
# ", adding that ..." ends the clause (it becomes a quote of its own), and so does the writer's
# own participle (", setting up a clash ..."); ", emphasising that ..." stays with the clause.
_KEPT_PARTICIPLES = (
    r"emphasi[sz]ing|stressing|noting|insisting|arguing|warning|underlining|acknowledging|"
    r"including|regarding|concerning|excluding|notwithstanding|according"
)
_CONTINUATION = re.compile(
    r",\s+(?:"
    + "|".join(sorted(CONTINUATION_GERUNDS))
    + rf"|(?!(?:{_KEPT_PARTICIPLES})\b)(?!\w+ing(?:,|\s+(?:and|or)\b))\w+ing)\b"
)
# "... under the high street and warned that ...": a second verb starts a second report.
_COORDINATED_REPORT = re.compile(
    r"(?:\s+and\s+(?:" + trie_pattern(REPORTING_FORMS) + r")\s+that\b"
    r"|,?\s+(?:but|and|while)\s+(?:(?!(?:had|has|have|was|were|is|are|would|will|could|can|did|"
    r"does|do|not|that|it|he|she|they|we|i)\b)[\w\-]+\s+){0,3}?(?:"
    + trie_pattern(frozenset(REPORTING_FORMS) - _NOT_COORDINATING)
    + r")\b(?!\s+(?:to|of|about|for|on)\b))"
)
_THAT_AFTER_SOURCE = re.compile(r"\s+that\s+")
_ENDS_WITH_CONJUNCTION = re.compile(r"\b(?:and|or|but|nor)\s*$")
_SHORT_SUBJECT = re.compile(r"^[^\s,“”\"]+(?:\s+[^\s,“”\"]+){0,4},$")
_COMMA_NEXT = re.compile(r"[ \t]*,[ \t]*")
_SPACED_DASH = re.compile(r"\s[–—-]\s|—")
_SENTENCE_TAIL = re.compile(r"[\s.!?;:,—–-]+$")
# "what she meant when she told us ...": speech recalled inside a subordinate clause is background.
_SUBORDINATE_BEFORE = re.compile(
    r"\b(?:when|if|whether|unless|until|what)\s+\S+\s*$", re.IGNORECASE
)
# "(Wirestream) - " left at a sentence start when "Calif." ended the previous one.
_AGENCY_CREDIT = re.compile(r"\([\w .]{1,30}\)[ \t]*[-—–][ \t]+")
_UNNAMED_SOURCE = re.compile(r"[ \t]+(?:an?|the|one|some|two|three)[ \t][^,.;:“”\"]{1,80},[ \t]*")
_BACKWARD_TAIL = re.compile(r"^[^;:“”\"]{0,100}$")
_MIN_WORDS = 3
# "ROTTERDAM, Netherlands (Reuters) - " opens wire stories; it is not part of what was said.
_DATELINE = re.compile(
    r"[A-Z][A-Z .'’-]{2,40}(?:,[ \t][A-Z][\w .]{1,30}?)?[ \t]*"
    r"(?:\([\w .]{1,30}\))?[ \t]*[-—–][ \t]+"
)


def reported_speech(layout: Layout) -> list[Candidate]:
    """Indirect quotes: reported clauses after (or before) a speech verb."""
    found: list[Candidate] = []
    for index, sentence in enumerate(layout.sentences):
        claimed_until = -1
        for cue, speaker in layout.cues[index]:
            if cue.start < claimed_until and cue.word not in CONTINUATION_GERUNDS:
                continue  # a verb inside a clause already reported belongs to that clause
            candidate = _forward(layout, sentence, cue, speaker) or _backward(
                layout, sentence, cue, speaker
            )
            if candidate is not None:
                found.append(candidate)
                claimed_until = max(claimed_until, candidate.end)
    return found


def _forward(layout: Layout, sentence: Sentence, cue: Cue, speaker: CueSpeaker) -> Candidate | None:
    text = layout.text
    if not cue.is_reporting and cue.word != "according to":
        return None
    if cue.word == "according to":
        return _according_to_before(layout, sentence, cue, speaker)
    if speaker.how == "said-X":
        return None  # '..., said Lars Jensen, chief executive of ...': nothing is reported here
    if _SUBORDINATE_BEFORE.search(text, max(sentence.start, cue.start - 40), cue.start):
        return None
    if speaker.how == "noun-from" and speaker.mention is not None:
        that = _THAT_AFTER_SOURCE.match(text, speaker.mention.end, sentence.end)
        start, has_that = (that.end(), True) if that else (None, False)
    else:
        start, has_that = _clause_start(text, cue, sentence.end)
    if start is None:
        return None
    end = _clause_end(layout, sentence, start)
    if len(_SPACED_DASH.findall(text, sentence.start, cue.start)) % 2 == 1:
        closing = _SPACED_DASH.search(text, start, end)  # "– and they say this loudly –"
        if closing is not None:
            end = closing.start()
    clause = text[start:end]
    if not _is_clause(clause, has_that, cue):
        return None
    return _candidate(layout, sentence, start, end, cue, speaker, "indirect:said-that-clause")


def _clause_start(text: str, cue: Cue, limit: int) -> tuple[int | None, bool]:
    position = cue.end
    if cue.word in OBJECT_TAKING:
        obj = _OBJECT.match(text, cue.end, limit)
        if obj is None:
            return None, False
        position = obj.end() - 1
    bridge = _BRIDGE_TO_THAT.match(text, position, limit)
    if bridge:
        return bridge.end(), True
    while position < limit and text[position] in " \t":
        position += 1
    if position >= limit or position == cue.end:
        return None, False
    return position, False


def _clause_end(layout: Layout, sentence: Sentence, start: int) -> int:
    text = layout.text
    end = sentence.end
    for stop in (_CONTINUATION, _COORDINATED_REPORT):
        found = stop.search(text, start, end)
        if found:
            end = found.start()
    end = _drop_trailing_attribution(layout, sentence, start, end)
    while end > start and _SENTENCE_TAIL.match(text, end - 1, end):
        end -= 1
    if text[end : end + 1] in '”"’' and _has_open_quote(text[start:end]):
        end += 1
    return end


def _drop_trailing_attribution(layout: Layout, sentence: Sentence, start: int, end: int) -> int:
    """'..., according to a ministry readout.' is not part of the reported words."""
    index = layout.sentence_index(start)
    for cue, speaker in layout.cues[index] if index is not None else []:
        if start < cue.start < end and speaker.how in ("X-said", "said-X", "according-to"):
            comma = layout.text.rfind(",", start, cue.start)
            if comma != -1 and cue.start - comma < 60:
                return comma
    return end


def _is_clause(clause: str, has_that: bool, cue: Cue) -> bool:
    words = clause.split()
    if len(words) < _MIN_WORDS or clause[:1] in '“"‘':
        return False
    if has_that:
        return True
    if _NOT_A_CLAUSE_START.match(clause):
        return False
    if cue.word.startswith(("warn", "caution")) and _WARNED_OBJECT.match(clause):
        return False  # "warned food makers about rising prices": an addressee and a topic
    if _OBJECT_PHRASE.match(clause) and not _AUXILIARY.search(clause):
        return False  # "announced the launch of a range": an object, not a reported clause
    if cue.word.startswith(_NOUN_OBJECT_VERBS) and not _verb_before_adjunct(clause):
        return False  # "conceded defeat early on Wednesday", "claimed victory in the vote"
    if cue.is_strong and cue.word not in OBJECT_TAKING:
        return True
    if _PRONOUN_START.match(clause):
        return True
    return bool(_FINITE.search(" ".join(words[:10])))


def _verb_before_adjunct(clause: str) -> bool:
    head = _ADJUNCT.split(clause, maxsplit=1)[0]
    return bool(_PRONOUN_START.match(clause) or _FINITE.search(head))


def _backward(
    layout: Layout, sentence: Sentence, cue: Cue, speaker: CueSpeaker
) -> Candidate | None:
    """'Most allies have little appetite ..., she added.'"""
    text = layout.text
    if speaker.mention is None or speaker.how not in ("X-said", "said-X"):
        return None
    mention = speaker.mention
    attribution_start = min(mention.start, cue.start)
    comma = text.rfind(",", sentence.start, attribution_start)
    if comma == -1 or text[comma + 1 : attribution_start].strip():
        return None
    if not _BACKWARD_TAIL.match(text[max(mention.end, cue.end) : sentence.end]):
        return None
    start = sentence.start
    while start < comma and text[start] in " \t“\"‘'":
        start += 1
    if text[sentence.start : start].strip():
        return None  # opens with a quotation mark: a direct quote, handled elsewhere
    dateline = _DATELINE.match(text, start, comma) or _AGENCY_CREDIT.match(text, start, comma)
    if dateline:
        start = dateline.end()
    if _ENDS_WITH_CONJUNCTION.search(text, start, comma):
        return None  # "Her bees are small, dark and, she insists, tougher": a parenthetical
    if len(text[start:comma].split()) < _MIN_WORDS or layout.inside_quote(start):
        return None
    return _candidate(layout, sentence, start, comma, cue, speaker, "indirect:clause-then-X-said")


def _according_to_before(
    layout: Layout, sentence: Sentence, cue: Cue, speaker: CueSpeaker
) -> Candidate | None:
    """'According to the police, the man was ...' or '... , according to officials.'"""
    text = layout.text
    if speaker.mention is None:
        return _according_to_unnamed(layout, sentence, cue, speaker)
    lead = text[sentence.start : cue.start].strip()
    if not lead:
        comma = text.find(",", speaker.mention.end, sentence.end)
        if comma == -1 or comma - speaker.mention.end > 40:
            return None
        start = comma + 1
        while start < sentence.end and text[start] in " \t":
            start += 1
        end = _clause_end(layout, sentence, start)
    elif _SHORT_SUBJECT.match(lead) and (follows := _COMMA_NEXT.match(text, speaker.mention.end)):
        # "Brightwell, according to one of the people, has been exploring a sale": the source
        # sits between the subject and its verb; the whole sentence is reported.
        after = follows.end()
        start, end = sentence.start, _clause_end(layout, sentence, after)
        if len(text[after:end].split()) < _MIN_WORDS:
            return None
        return _candidate(layout, sentence, start, end, cue, speaker, "indirect:according-to")
    else:
        if not lead.endswith(",") or text[sentence.start : sentence.start + 1] in '“"‘':
            return None
        start, end = sentence.start, text.rfind(",", sentence.start, cue.start)
        if any(
            q.start < end and q.end > start
            for q in layout.quoted
            if q.paragraph == sentence.paragraph
        ):
            return None  # the quoted words are the quote; handled as a partial quote
    if len(text[start:end].split()) < _MIN_WORDS:
        return None
    return _candidate(layout, sentence, start, end, cue, speaker, "indirect:according-to")


def _according_to_unnamed(
    layout: Layout, sentence: Sentence, cue: Cue, speaker: CueSpeaker
) -> Candidate | None:
    """'According to a draft proposal seen by Wirestream, the plan would ...': found, though
    nobody we can name is the source."""
    text = layout.text
    if text[sentence.start : cue.start].strip():
        return None
    source = _UNNAMED_SOURCE.match(text, cue.end, sentence.end)
    if source is None:
        return None
    start = source.end()
    end = _clause_end(layout, sentence, start)
    if len(text[start:end].split()) < _MIN_WORDS:
        return None
    return _candidate(layout, sentence, start, end, cue, speaker, "indirect:according-to")


def _candidate(
    layout: Layout,
    sentence: Sentence,
    start: int,
    end: int,
    cue: Cue,
    speaker: CueSpeaker,
    method: str,
) -> Candidate:
    confidence = 0.8 if speaker.mention is not None else 0.45
    if speaker.how == "subject":
        confidence -= 0.1
    return Candidate(
        start, end, "indirect", cue.word, speaker.mention, method, confidence, sentence.paragraph
    )


def _has_open_quote(fragment: str) -> bool:
    return fragment.count("“") > fragment.count("”") or fragment.count('"') % 2 == 1
