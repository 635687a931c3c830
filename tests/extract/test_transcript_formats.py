"""Transcript formats as they are published: one label grammar or role mapping per test."""

from __future__ import annotations

from app.extract.pipeline import extract
from tests.extract.conftest import quote_containing

PARLIAMENT = """House of Commons

The Prime Minister (Nora Quill): The bypass will open in June.

Ben Arlott (Fenmouth) (Lab): Will she apologise to Fenmouth for the delay?

The Prime Minister: I will apologise when the contractor does.

Mr Speaker: Order. Order.
"""

PODCAST = """The Kiln, episode 12

Ada Brisk (00:00:04): Welcome back. Today my guest is the potter Leo Marsh.

Leo Marsh (00:00:12): Thanks, Ada. It is good to be out of the studio.

I have been firing the same kiln for nineteen years.
"""

BRIEFING = """Press Briefing by Press Secretary Iris Kell

MS. KELL: Good afternoon. I have one announcement.

Q Thanks, Iris. Will the governor sign the water bill?

MS. KELL: He will sign it on Friday.

Q    Iris, on tolls — is the bridge toll going up?

MS. KELL: Not this year.

END        2:14 P.M.
"""

BROADCAST = """EVENING DESK

SAM OKORO, ANCHOR: Good evening. Floods again in the valley.

NELL PIKE, CORRESPONDENT (voice-over): Sam, the river rose a metre overnight.

(BEGIN VIDEO CLIP)

MAYOR TOM VERE (D-OH): We are moving families to the school gym tonight.

(END VIDEO CLIP)

PIKE (on camera): Sam, the rain is expected to stop by morning.

OKORO: Nell Pike, thank you.
"""

COURT = """IN THE COUNTY COURT
BEFORE THE HONORABLE RITA SALLOW, JUDGE

DIRECT EXAMINATION OF OWEN TRASK

BY MS. DALE:

Q. Where were you at nine o'clock?

A. At the depot, loading the van.

MR. FINCH: Objection. Leading.

THE COURT: Overruled.

Q. Who else was at the depot?

A. Nobody. I was alone.
"""

INTERVIEW = """Interview: the architect on timber towers

By Jo Wren | Build Quarterly

Hana Obi has designed three timber towers. We asked her why.

Q: Why timber?

A: Because it stores carbon instead of emitting it.

Q: Is it safe?

OBI: Safer than steel in a fire, and I can show you the tests.
"""


def test_role_label_with_the_person_in_brackets_names_that_person():
    quote = quote_containing(extract(PARLIAMENT), "bypass will open")
    assert (quote.kind, quote.speaker) == ("transcript", "Nora Quill")


def test_a_later_role_label_maps_to_the_person_named_for_it():
    assert quote_containing(extract(PARLIAMENT), "contractor does").speaker == "Nora Quill"


def test_constituency_and_party_brackets_are_not_the_speaker():
    quote = quote_containing(extract(PARLIAMENT), "apologise to Fenmouth")
    assert (quote.kind, quote.speaker) == ("question", "Ben Arlott")


def test_the_chairs_order_is_housekeeping_not_a_quote():
    assert not [q for q in extract(PARLIAMENT).quotes if "Order." in q.text]


def test_timestamped_labels_are_turns():
    quote = quote_containing(extract(PODCAST), "out of the studio")
    assert quote.speaker == "Leo Marsh"
    assert quote.text.startswith("Thanks, Ada.")


def test_an_unlabelled_paragraph_continues_the_turn():
    assert quote_containing(extract(PODCAST), "nineteen years").speaker == "Leo Marsh"


def test_a_capital_q_without_colon_is_an_unnamed_reporters_question():
    quote = quote_containing(extract(BRIEFING), "sign the water bill")
    assert (quote.kind, quote.speaker) == ("question", None)
    assert quote.text.startswith("Thanks, Iris.")


def test_surname_label_maps_to_the_full_name_in_the_heading():
    assert quote_containing(extract(BRIEFING), "on Friday").speaker == "Iris Kell"


def test_the_end_line_of_a_briefing_is_no_quote():
    assert not [q for q in extract(BRIEFING).quotes if q.text.startswith("END")]


def test_name_with_a_role_after_a_comma_is_the_speaker():
    assert quote_containing(extract(BROADCAST), "Floods again").speaker == "Sam Okoro"


def test_a_clip_inside_a_broadcast_belongs_to_the_clips_own_label():
    quote = quote_containing(extract(BROADCAST), "school gym")
    assert quote.speaker == "Tom Vere"


def test_clip_markers_are_not_quotes():
    assert not [q for q in extract(BROADCAST).quotes if "CLIP" in q.text]


def test_a_surname_label_on_camera_is_the_correspondent():
    assert quote_containing(extract(BROADCAST), "rain is expected").speaker == "Nell Pike"


def test_court_questions_belong_to_the_examining_lawyer():
    quote = quote_containing(extract(COURT), "nine o'clock")
    assert (quote.kind, quote.speaker) == ("question", "Dale")


def test_court_answers_belong_to_the_witness():
    assert quote_containing(extract(COURT), "loading the van").speaker == "Owen Trask"


def test_the_court_label_is_the_judge_named_in_the_record():
    assert quote_containing(extract(COURT), "Overruled").speaker == "Rita Sallow"


def test_the_examining_lawyers_label_line_is_not_a_quote():
    assert not [q for q in extract(COURT).quotes if "BY MS. DALE" in q.text]


def test_a_heading_with_a_colon_is_not_a_turn():
    assert not [q for q in extract(INTERVIEW).quotes if "timber towers" in q.text]


def test_an_interviews_answers_belong_to_the_interviewee():
    assert quote_containing(extract(INTERVIEW), "stores carbon").speaker == "Hana Obi"


def test_a_reporter_giving_only_a_first_name_is_attributed_to_the_outlet():
    text = BRIEFING.replace("Q Thanks, Iris. Will", "QUESTION: Said, Harbour Radio. Will")
    quote = quote_containing(extract(text), "sign the water bill")
    assert (quote.kind, quote.speaker) == ("question", "Harbour Radio")


def test_a_table_of_figures_in_label_form_is_not_a_transcript():
    text = (
        "Delegate count\n\nThe latest count.\n\nAna Ruiz: 1,769.\n\nTom Hale: 1,501.\n\n"
        "THE TOTAL.\n\nRuiz needs 67 more delegates to win."
    )
    assert extract(text).quotes == ()


def test_a_capitalised_section_heading_ends_the_turn():
    text = (
        "Town hall\n\nHOST: Welcome, everyone.\n\nRUIZ: We will fix the roads this year.\n\n"
        "BACKGROUND.\n\nThe council approved the road budget in March."
    )
    assert not [q for q in extract(text).quotes if "road budget" in q.text]
