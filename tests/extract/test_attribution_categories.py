"""Attribution rules added for unseen publishing styles, one behaviour per test."""

from __future__ import annotations

from app.extract.pipeline import extract
from tests.extract.conftest import quote_containing

BRIEFING = """TRANSCRIPT: Harbour dredging press conference

LOCATION: Port Authority offices, Dock Street, Falmouth

DATE: Wednesday 2 April

PARTICIPANTS: Harbour Master Ruth Trelawny; Councillor Simon Beare, Cornwall Council; \
Kate Polglase, press officer (moderator)

POLGLASE: Good afternoon. We'll hear from the harbour master first, then questions.

TRELAWNY: Thank you. Dredging of the inner harbour will begin on Monday and last six weeks.

BEARE: The council has set aside two million pounds for the work.

POLGLASE: Questions, please. Keep them short.

Hi. Mark Dunstan, Falmouth Packet. Harbour master, will the ferry keep running?

TRELAWNY: Yes. The ferry berth is outside the dredging zone.
"""

INTERVIEW = """The potter who walked away: Ines Carvalho on clay and quitting

Ines Carvalho left a law firm at 40 to make pots. She talked to Sam Okoro in her studio.

OKORO: Why clay?

CARVALHO: Because it argues back. You cannot rush it.

OKORO: Was leaving the law hard?

CARVALHO: Harder for my mother than for me.

OKORO: Your work sells out in hours now. Does that change how you make it?

CARVALHO: I try not to let it.
"""


def test_metadata_header_lines_are_not_quotes():
    found = extract(BRIEFING)
    assert not [q for q in found.quotes if "Dock Street" in q.text or "2 April" in q.text]
    assert not [q for q in found.quotes if "PARTICIPANTS" in q.text or "Harbour dredging" in q.text]


def test_surname_label_resolves_to_full_name_from_participants_list():
    quote = quote_containing(extract(BRIEFING), "Dredging of the inner harbour")
    assert (quote.kind, quote.speaker) == ("transcript", "Ruth Trelawny")


def test_titles_are_stripped_from_canonical_names_but_kept_as_aliases():
    found = extract(BRIEFING)
    quote = quote_containing(found, "two million pounds")
    assert quote.speaker == "Simon Beare"
    speaker = next(s for s in found.speakers if s.name == "Simon Beare")
    assert any("Councillor" in alias for alias in speaker.aliases)


def test_moderator_housekeeping_lines_are_not_quotes():
    found = extract(BRIEFING)
    assert not [q for q in found.quotes if "Keep them short" in q.text]
    assert not [q for q in found.quotes if "We'll hear from" in q.text]


def test_reporter_self_introduction_starts_a_question_by_the_reporter():
    quote = quote_containing(extract(BRIEFING), "will the ferry keep running")
    assert (quote.kind, quote.speaker) == ("question", "Mark Dunstan")
    assert quote.text.startswith("Harbour master, will")


def test_interviewer_label_turns_are_questions():
    found = extract(INTERVIEW)
    quote = quote_containing(found, "Your work sells out in hours now.")
    assert (quote.kind, quote.speaker) == ("question", "Sam Okoro")


def test_all_caps_surname_label_resolves_to_person_introduced_in_text():
    quote = quote_containing(extract(INTERVIEW), "Because it argues back")
    assert (quote.kind, quote.speaker) == ("transcript", "Ines Carvalho")


def test_unresolved_all_caps_label_is_title_cased_person():
    text = "MORGAN: We start at dawn.\n\nLEWIS: Then we should sleep.\n\nMORGAN: Agreed.\n"
    quote = quote_containing(extract(text), "We start at dawn")
    assert quote.speaker == "Morgan"
