"""Direct and partial quotes: words inside quotation marks, and the verb that attributes them."""

from __future__ import annotations

import re

from app.extract.candidates import Candidate
from app.extract.cues import Cue, find_cues, is_speech_use
from app.extract.document import Layout, Sentence
from app.extract.mentions import mention_at, mention_before
from app.extract.quotes import QuotedSpan, nested_single_spans
from app.extract.subjects import CueSpeaker, sentence_subject

# How far after a closing mark the attribution may sit: '” the secretary-general told reporters'.
_TAIL_REACH = 90
_LEAD_TO_QUOTE = re.compile(r"^(?:[ \t]+[^,.:;“”\"!?]{0,60}?)?[ \t]*[:,]?[ \t]*$")
_CLAUSE_START = re.compile(r"^[\s“\"‘'(—–-]*$")
# '“...,” she said, “but we need ...”': the second half of a split quote is direct speech.
_SPLIT_QUOTE_LEAD = re.compile(r"[”\"’][ \t]*,?[ \t]*[^“”\"]{1,60}?,[ \t]*$")
_NESTED_LEAD = re.compile(r"[^.!?;“”‘’]{0,40}?[,:]?\s*$")
_FIRST_PERSON = re.compile(r"\b(?:I|we|We)\s+(?:\w+\s+)?$")
_SO_CALLED = re.compile(r"so-called\s*$", re.IGNORECASE)
_SIGNATURE = re.compile(r"[ \t]*[―—–][ \t]*")
_NEW_CLAUSE = re.compile(r",[ \t]+(?:although|though|but|while|whereas|and|as|because)\b")
_THAT = re.compile(r"\bthat\s+")
_CLAUSE_EDGE = " \t\n,:;—–-"
_TITLE_CASE_WORD = re.compile(r"^(?:[A-Z0-9][\w’'\-]*|of|the|and|a|an|in|on|for|to|at|with)$")


def direct_quotes(layout: Layout) -> list[Candidate]:
    """Every quotation-mark span attributed as a direct or partial quote (or left out)."""
    found: list[Candidate] = []
    for span in layout.quoted:
        candidate = _attribute(layout, span)
        if candidate is not None:
            found.append(candidate)
            found.extend(_nested(layout.text, span))
    return found


def _nested(text: str, span: QuotedSpan) -> list[Candidate]:
    """‘Single’ quotes inside a “double” quote, after a speech verb inside it: the words of the
    person the speaker is citing ('My coach told me, ‘Never look at the scoreboard’')."""
    if text[span.open_mark] in "‘'":
        return []
    found: list[Candidate] = []
    for inner in nested_single_spans(text, span.start, span.end):
        lead_start = max(span.start, inner[0] - 90)
        cues = [c for c in find_cues(text, lead_start, inner[0]) if is_speech_use(text, c)]
        if not cues:
            continue
        cue = cues[-1]
        if not _NESTED_LEAD.match(text, cue.end, inner[0] - 1):
            continue
        mention = mention_before(text, lead_start, cue.start)
        first_person = mention is None and _FIRST_PERSON.search(text, lead_start, cue.start)
        candidate = Candidate(
            inner[0],
            inner[1],
            "direct",
            cue.word,
            mention,
            "direct:nested",
            0.7,
            span.paragraph,
            inherits=bool(first_person),
        )
        candidate.embedded = True  # "he told me" inside a quote: someone in the speaker's story
        found.append(candidate)
    return found


def _attribute(layout: Layout, span: QuotedSpan) -> Candidate | None:
    text = layout.text
    if span.continues:
        return Candidate(
            span.start,
            span.end,
            "direct",
            None,
            None,
            "direct:multi-paragraph-continuation",
            0.8,
            span.paragraph,
            inherits=True,
        )
    index = layout.sentence_index(span.open_mark)
    if index is None:
        return None
    if _scare_quote(text, span):
        return _single_word_partial(layout, span, index)
    sentence = layout.sentences[index]
    lead = text[sentence.start : span.open_mark]
    signed = _dash_signature(layout, span)
    if signed is not None:
        return _with_speaker(span, "direct", None, signed, "direct:quote-then-dash-name", 0.85)
    after_tail = _tail_attribution(layout, span)
    if after_tail is not None:
        cue, speaker = after_tail
        kind = "direct" if _opens_clause(lead) or lead.rstrip().endswith((",", ":")) else "partial"
        method = f"{kind}:quote-then-{'said-X' if speaker.how == 'said-X' else 'X-said'}"
        found = _with_speaker(span, kind, cue, speaker, method, 0.95)
        return _with_clause(layout, found, sentence, cue, speaker)
    lead_cue = _lead_attribution(layout, span, index)
    if lead_cue is not None:
        if _looks_like_title(text, span):
            return None  # 'She told ABC’s “Good Morning America” ...': a programme
        cue, speaker = lead_cue
        sentence_like = _starts_like_sentence(text, span) or _SPLIT_QUOTE_LEAD.search(lead)
        kind = "direct" if sentence_like else "partial"
        found = _with_speaker(span, kind, cue, speaker, f"{kind}:X-said-then-quote", 0.9)
        return _with_clause(layout, found, sentence, cue, speaker)
    if lead.rstrip().endswith(":"):
        subject = sentence_subject(text, sentence.start, span.open_mark)
        speaker = CueSpeaker(subject, "subject")
        return _with_speaker(span, "direct", None, speaker, "direct:colon-introduced", 0.75)
    introduced = _introduced_by_paragraph_before(layout, span, index)
    if introduced is not None:
        cue, speaker = introduced
        return _with_speaker(span, "direct", cue, speaker, "direct:after-colon-paragraph", 0.85)
    if _opens_clause(lead):
        if _looks_like_title(text, span):
            return None
        return Candidate(
            span.start,
            span.end,
            "direct",
            None,
            None,
            "direct:continuation",
            0.75,
            span.paragraph,
            inherits=True,
        )
    return _partial(layout, span, index)


def block_quotes(layout: Layout) -> list[Candidate]:
    """'Limbaugh added:' closing a paragraph, then a paragraph without quotation marks: the
    next paragraph is what he said, set as a block quote."""
    found: list[Candidate] = []
    quoted_paragraphs = {q.paragraph for q in layout.quoted}
    for index, sentence in enumerate(layout.sentences):
        following = sentence.paragraph + 1
        if following in quoted_paragraphs or following not in layout.prose:
            continue
        introduced = _colon_introduction(layout, index)
        if introduced is None:
            continue
        cue, speaker = introduced
        start, end = layout.paragraphs[following]
        block = QuotedSpan(start, end, start, None, following, False)
        found.append(_with_speaker(block, "direct", cue, speaker, "direct:block-quote", 0.8))
    return found


def _introduced_by_paragraph_before(
    layout: Layout, span: QuotedSpan, index: int
) -> tuple[Cue, CueSpeaker] | None:
    """'Dr. Ward stated:' as a paragraph of its own, then the quote opening the next one."""
    sentence = layout.sentences[index]
    if span.open_mark - sentence.start > 2 or index == 0:
        return None
    before = layout.sentences[index - 1]
    if before.paragraph != sentence.paragraph - 1:
        return None
    return _colon_introduction(layout, index - 1)


def _colon_introduction(layout: Layout, index: int) -> tuple[Cue, CueSpeaker] | None:
    """The speech verb of a sentence that ends its paragraph with a colon, and its speaker."""
    sentence = layout.sentences[index]
    if not layout.text[sentence.start : sentence.end].rstrip().endswith(":"):
        return None
    if sentence.end != layout.paragraphs[sentence.paragraph][1]:
        return None
    cues = [(c, s) for c, s in layout.cues[index] if s.mention is not None]
    if not cues or not _LEAD_TO_QUOTE.match(layout.text[cues[-1][0].end : sentence.end]):
        return None
    return cues[-1]


def _dash_signature(layout: Layout, span: QuotedSpan) -> CueSpeaker | None:
    """'“He is a bully.” ― Veronica Cruz': a name after a dash signs the quote before it."""
    if span.close_mark is None:
        return None
    paragraph_end = layout.paragraphs[span.paragraph][1]
    signed = _SIGNATURE.match(layout.text, span.close_mark + 1, paragraph_end)
    if signed is None:
        return None
    mention = mention_at(layout.text, signed.end(), paragraph_end)
    if mention is None or mention.kind != "name":
        return None
    rest = layout.text[mention.end : paragraph_end].strip(" \t.")
    if rest and not rest.startswith(("“", '"')):
        return None
    return CueSpeaker(mention, "X-said")


def _single_word_partial(layout: Layout, span: QuotedSpan, index: int) -> Candidate | None:
    """One quoted lower-case word after a named speaker's verb is their word ('Trump tweeted
    that Machado was “disgusting”'); without such a verb it is a scare quote."""
    text = layout.text
    if not text[span.start : span.start + 1].islower() or _SO_CALLED.search(
        text, max(0, span.open_mark - 12), span.open_mark
    ):
        return None
    preceding = [
        (cue, speaker)
        for cue, speaker in layout.cues[index]
        if cue.end <= span.open_mark and speaker.mention is not None
    ]
    if not preceding:
        return None
    cue, speaker = preceding[-1]
    found = _with_speaker(span, "partial", cue, speaker, "partial:word-after-cue", 0.7)
    return _with_clause(layout, found, layout.sentences[index], cue, speaker)


def _partial(layout: Layout, span: QuotedSpan, index: int) -> Candidate | None:
    """Quoted words inside the writer's sentence belong to that sentence's speech verb."""
    words = layout.text[span.start : span.end].split()
    if len(words) < 2 or _looks_like_title(layout.text, span):
        return None  # a scare-quoted term, a nickname or a title of a work
    cues = layout.cues[index]
    if not cues:
        return None
    preceding = [pair for pair in cues if pair[0].start < span.open_mark]
    cue, speaker = preceding[-1] if preceding else cues[0]
    found = _with_speaker(span, "partial", cue, speaker, "partial:sentence-cue", 0.75)
    return _with_clause(layout, found, layout.sentences[index], cue, speaker)


def _with_clause(
    layout: Layout, found: Candidate, sentence: Sentence, cue: Cue, speaker: CueSpeaker
) -> Candidate:
    """A partial quote carries the reported clause its words sit in: what follows the verb
    ('said the deal was “a betrayal”'), or what comes before the attribution when the verb
    follows ('The deal was “a betrayal,” she said')."""
    if found.kind != "partial":
        return found
    text = layout.text
    if cue.start > found.end:
        start, end = sentence.start, cue.start
        if speaker.mention is not None and found.end < speaker.mention.start < end:
            end = speaker.mention.start
    else:
        start, end = cue.end, sentence.end
        that = _THAT.search(text, start, found.start)
        if that is not None:
            start = that.end()
    start, end = _trimmed(text, start, end)
    if (
        start <= found.start - 1
        and found.end + 1 <= end
        and (start, end) != (found.start, found.end)
    ):
        found.clause = (start, end)
    return found


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _CLAUSE_EDGE:
        start += 1
    while end > start and text[end - 1] in _CLAUSE_EDGE + ".":
        end -= 1
    return start, end


def _tail_attribution(layout: Layout, span: QuotedSpan) -> tuple[Cue, CueSpeaker] | None:
    """'“...,” Mr Stoltenberg said' or '“...,” said Mr Stoltenberg'."""
    if span.close_mark is None:
        return None
    index = layout.sentence_index(span.close_mark)
    if index is None:
        return None
    for cue, speaker in layout.cues[index]:
        if cue.start <= span.close_mark:
            continue
        if cue.start - span.close_mark > _TAIL_REACH or layout.inside_quote(cue.start):
            return None
        between = layout.text[span.close_mark + 1 : cue.start]
        if "“" in between or '"' in between:
            return None
        if speaker.how in ("X-said", "said-X") and _speaker_right_after(layout, span, cue, speaker):
            return cue, speaker
        return None
    return None


def _speaker_right_after(layout: Layout, span: QuotedSpan, cue: Cue, speaker: CueSpeaker) -> bool:
    """The attribution directly follows the quote, with nothing but the speaker in between."""
    if span.close_mark is None:
        return False
    gap_start = span.close_mark + 1
    between = layout.text[gap_start : cue.start].strip(" \t,—–-")
    if not between:
        return True
    mention = speaker.mention
    if mention is None or speaker.how != "X-said":
        return False
    # "..." the chancellor, although one minister said: a new clause, not this quote's speaker.
    return mention.start - gap_start <= 4 or (
        mention_before(layout.text, gap_start, cue.start) is not None
        and not _NEW_CLAUSE.search(layout.text, gap_start, mention.start)
    )


def _lead_attribution(
    layout: Layout, span: QuotedSpan, index: int
) -> tuple[Cue, CueSpeaker] | None:
    """'Mr Stoltenberg said: “...”' or 'she told the BBC, “...”'."""
    for cue, speaker in reversed(layout.cues[index]):
        if cue.end > span.open_mark:
            continue
        if _LEAD_TO_QUOTE.match(layout.text[cue.end : span.open_mark]):
            return cue, speaker
        return None
    return None


def _with_speaker(
    span: QuotedSpan,
    kind: str,
    cue: Cue | None,
    speaker: CueSpeaker,
    method: str,
    confidence: float,
) -> Candidate:
    if speaker.mention is None:
        confidence *= 0.6
    return Candidate(
        span.start,
        span.end,
        kind,
        cue.word if cue else None,
        speaker.mention,
        method,
        confidence,
        span.paragraph,
    )


def _scare_quote(text: str, span: QuotedSpan) -> bool:
    """A single quoted word without punctuation ('so-called “smart” hives') is not a quote."""
    content = text[span.start : span.end]
    return span.close_mark is not None and " " not in content and content[-1:] not in ".,!?…"


def _opens_clause(lead: str) -> bool:
    return bool(_CLAUSE_START.match(lead))


def _starts_like_sentence(text: str, span: QuotedSpan) -> bool:
    first = text[span.start : span.start + 1]
    return first.isupper() or first.isdigit() or not first.isalpha()


def _looks_like_title(text: str, span: QuotedSpan) -> bool:
    """Titles of works and names: short, every word capitalised, no closing punctuation but
    the comma or full stop US style keeps inside the marks ('on “Meet the Press.”')."""
    content = text[span.start : span.end].rstrip(".,")
    words = content.split()
    if not words or len(words) > 8 or content[-1:] in "!?…":
        return False
    return all(_TITLE_CASE_WORD.match(w) for w in words) and words[0][:1].isupper()
