"""Verifying a circulating quote: the question and the answer."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, JsonValue
from pydantic.json_schema import JsonDict

from app.extract.alignment import OpName
from app.schemas.common import ApiModel
from app.vocabulary import SpeakerVerdict, Verdict

# Checked against the sample documents of data/ (tests/test_examples.py): an altered quote,
# one shortened with an ellipsis, and one attributed to the wrong person.
MISQUOTE = "We have never seen the reservoirs this low since records began"
SHORTENED = "Every litre that stays in a reservoir ... is a litre we can still supply"
WRONG_SPEAKER = "A ban is a brake, not a cure"
_ALTERED_DIFF: list[JsonValue] = [
    {"op": "equal", "source": "We have", "claimed": "We have"},
    {"op": "replace", "source": "not", "claimed": "never"},
    {
        "op": "equal",
        "source": "seen the reservoirs this low",
        "claimed": "seen the reservoirs this low",
    },
    {"op": "delete", "source": "in June", "claimed": ""},
    {"op": "equal", "source": "since records began", "claimed": "since records began"},
]
_ALTERED_MATCH: JsonDict = {
    "document_id": 1,
    "title": "Hosepipe ban for the Calder Valley as reservoirs fall to 38 per cent",
    "publisher": "Valley Herald",
    "published_at": "2024-06-21T06:30:00Z",
    "start": 489,
    "end": 557,
    "source_text": "We have not seen the reservoirs this low in June since records began",
    "verdict": "altered",
    "similarity": 0.892,
    "diff": _ALTERED_DIFF,
    "attributed_to": {"quote_id": 2, "speaker_id": 1, "name": "Ruth Ellery"},
    "speaker_matches": True,
}


class VerifyIn(BaseModel):
    """A quote as it circulates, and optionally who it is attributed to."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"text": MISQUOTE, "speaker": "Ruth Ellery"},
                {"text": SHORTENED},
                {"text": WRONG_SPEAKER, "speaker": "Ruth Ellery"},
            ]
        },
    )

    text: str = Field(min_length=1, max_length=2000, description="The words as they circulate.")
    speaker: str | None = Field(
        default=None, max_length=200, description="Who the words are attributed to."
    )


class DiffOpOut(ApiModel):
    op: OpName
    source: str = Field(description="The words in the source (empty for an insert).")
    claimed: str = Field(description="The words as claimed (empty for a delete).")


class AttributedSpeakerOut(ApiModel):
    quote_id: int = Field(description="The stored quote overlapping the match.")
    speaker_id: int | None
    name: str | None


class SaidByOut(ApiModel):
    speaker_id: int | None = Field(
        description="The speaker's id; null if the quote names one not stored as a speaker."
    )
    name: str


class VerifyMatchOut(ApiModel):
    document_id: int
    title: str
    publisher: str | None
    published_at: datetime | None
    start: int = Field(description="Offset of the matched words in the document text.")
    end: int
    source_text: str = Field(
        description="Exactly document.text[start:end]; for a match across the segments of a "
        "quote split by its attribution, those segments' words joined with a space, without the "
        "attribution between them."
    )
    verdict: Literal[Verdict.verbatim, Verdict.altered, Verdict.paraphrase]
    similarity: float = Field(ge=0, le=1)
    diff: list[DiffOpOut]
    attributed_to: AttributedSpeakerOut | None = Field(
        description="Who the database says spoke these words; null if no stored quote covers them."
    )
    speaker_matches: bool | None = Field(
        description="Is the attributed speaker the one asked about? Null if either is unknown."
    )


class VerifyOut(ApiModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "verdict": "altered",
                    "speaker_verdict": "matches",
                    "said_by": [],
                    "text": MISQUOTE,
                    "speaker": "Ruth Ellery",
                    "diff": _ALTERED_DIFF,
                    "matches": [_ALTERED_MATCH],
                    "first_appearance": _ALTERED_MATCH,
                }
            ]
        }
    )

    verdict: Verdict = Field(
        description="`verbatim`, `altered` or `paraphrase`: the best match's verdict; "
        "`misattributed`: the words were found, but only under someone else than the `speaker` "
        "asked about (`speaker_verdict` is `misattributed`, `said_by` names who); `not_found`."
    )
    speaker_verdict: SpeakerVerdict = Field(
        description="Were the words said by the `speaker` asked about (by name or alias)? "
        "`matches`: some match is attributed to them; `misattributed`: none is, and some are "
        "attributed to someone else (see `said_by`); `unknown`: no speaker asked, nothing "
        "found, or the matching words have no speaker."
    )
    said_by: list[SaidByOut] = Field(
        description="When `speaker_verdict` is `misattributed`, who the database says actually "
        "spoke the words, best match first, each once; otherwise empty."
    )
    text: str
    speaker: str | None
    diff: list[DiffOpOut] = Field(description="Word-level changes against the best match.")
    matches: list[VerifyMatchOut] = Field(description="Best first: verdict, then similarity.")
    first_appearance: VerifyMatchOut | None = Field(
        description="The earliest published match among those with the best verdict."
    )
