"""A document's layout as the quote finders see it: paragraphs, sentences, quotes and verbs."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from app.extract.cues import Cue, find_cues, is_speech_use
from app.extract.passages import sentence_spans
from app.extract.quotes import QuotedSpan
from app.extract.subjects import CueSpeaker, speaker_for_cue


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int


@dataclass
class Layout:
    """Sentences of the prose paragraphs, with their speech verbs and who each belongs to."""

    text: str
    paragraphs: list[tuple[int, int]]
    prose: list[int]  # paragraphs that may carry news-style quotes
    quoted: list[QuotedSpan]
    sentences: list[Sentence] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    cues: list[list[tuple[Cue, CueSpeaker]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        for index in self.prose:
            p_start, p_end = self.paragraphs[index]
            for s_start, s_end in sentence_spans(self.text, p_start, p_end):
                self.sentences.append(Sentence(s_start, s_end, index))
        self.starts = [s.start for s in self.sentences]
        self._quoted_starts = [q.open_mark for q in self.quoted]
        self.cues = [self._sentence_cues(s) for s in self.sentences]

    def sentence_index(self, position: int) -> int | None:
        index = bisect.bisect_right(self.starts, position) - 1
        if index < 0 or position >= self.sentences[index].end + 1:
            return None
        return index

    def inside_quote(self, position: int) -> QuotedSpan | None:
        index = bisect.bisect_right(self._quoted_starts, position) - 1
        if index < 0:
            return None
        span = self.quoted[index]
        return span if span.start <= position < span.end else None

    def _sentence_cues(self, sentence: Sentence) -> list[tuple[Cue, CueSpeaker]]:
        found: list[tuple[Cue, CueSpeaker]] = []
        for cue in find_cues(self.text, sentence.start, sentence.end):
            if self.inside_quote(cue.start) or not is_speech_use(self.text, cue):
                continue
            speaker = speaker_for_cue(self.text, cue, (sentence.start, sentence.end), found)
            if cue.is_noun_like and speaker.mention is None:
                continue
            found.append((cue, speaker))
        return found
