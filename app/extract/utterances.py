"""Split quotes joined into one utterance: '“A,” he said, “B.”' and a quote that runs on into
the next paragraph are one thing said, in several segments."""

from __future__ import annotations

import re

from app.extract.resolution import Resolved

# Between the pieces: the first piece's closing mark, its attribution, the next opening mark.
_ATTRIBUTION_GAP = re.compile(
    r"^[,.!?…]?(?:''|[”\"’])[^“”\"\n]{1,120}[,.:;—–-][ \t\xa0]*(?:''|[“\"‘])$"
)
# A quotation left open at a paragraph's end and re-opened at the next one's start.
_PARAGRAPH_GAP = re.compile(r"^[ \t]*\n\s*(?:''|[“\"‘])$")
_CONTINUES_PARAGRAPHS = "direct:multi-paragraph-continuation"


def joined_utterances(text: str, resolved: list[Resolved]) -> list[Resolved]:
    """Resolved quotes in order, with each split quote's pieces folded into its first piece."""
    out: list[Resolved] = []
    for item in resolved:
        previous = out[-1] if out else None
        if previous is not None and _continues(text, previous, item):
            first = previous.candidate
            if not first.segments:
                first.segments = [(first.start, first.end)]
            first.segments.append((item.candidate.start, item.candidate.end))
            first.end = item.candidate.end
            continue
        out.append(item)
    return out


def _continues(text: str, previous: Resolved, item: Resolved) -> bool:
    first, then = previous.candidate, item.candidate
    if first.kind != "direct" or then.kind != "direct" or first.embedded or then.embedded:
        return False
    if previous.entity is not item.entity:
        return False
    gap = text[first.end : then.start]
    if then.method == _CONTINUES_PARAGRAPHS:
        return bool(_PARAGRAPH_GAP.match(gap))
    said_between = first.method.startswith("direct:quote-then-")
    same_speaker = then.inherits or (then.mention is not None and then.mention == first.mention)
    return bool(said_between and same_speaker and _ATTRIBUTION_GAP.match(gap))
