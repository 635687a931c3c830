"""Writers racing each other on shared rows: every request ends in a success or a clean 4xx, and
the database never holds a state the API cannot repair.

Each test runs many rounds; in each round the racing requests are released together from a
barrier in threads, against the real database.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from sqlalchemy import text

ROUNDS = 20
BRIEFING = (
    "BRUSSELS, round {n}. Jens Stoltenberg said the alliance had suspended its training "
    "mission in Iraq after the strike on the airport.\n\n"
    "The foreign ministers will meet again next week in Brussels, officials said."
)


def _engine():
    from app.db.engine import get_engine

    return get_engine()


def _together(*calls: Callable[[], Any]) -> list[Any]:
    """Run the calls in threads released at the same moment; their results in order."""
    barrier = threading.Barrier(len(calls))

    def run(call: Callable[[], Any]) -> Any:
        barrier.wait()
        return call()

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(run, calls))


@pytest.fixture
def desk_document(ingest) -> dict[str, Any]:
    """A document whose quote rows the merge rounds give to their speakers."""
    return ingest(title="Desk briefing", text=BRIEFING.format(n=0))


def _speakers_with_quotes(document_id: int, names: list[str]) -> list[int]:
    """New live speakers, each with two quotes of its own in the document."""
    ids = []
    with _engine().begin() as connection:
        for name in names:
            speaker = connection.execute(
                text("INSERT INTO speakers (name, kind) VALUES (:n, 'person') RETURNING id"),
                {"n": name},
            ).scalar_one()
            for start in (0, 10):
                connection.execute(
                    text(
                        "INSERT INTO quotes (document_id, speaker_id, speaker_name, kind, start,"
                        ' "end", text, segments, confidence, method) VALUES (:d, :s, :n,'
                        " 'indirect', :a, :b, 'words', CAST(:seg AS jsonb), 0.9, 'test')"
                    ),
                    {
                        "d": document_id,
                        "s": speaker,
                        "n": name,
                        "a": start,
                        "b": start + 5,
                        "seg": f'[{{"start": {start}, "end": {start + 5}}}]',
                    },
                )
            ids.append(speaker)
    return ids


def _merged_into() -> dict[int, int | None]:
    with _engine().connect() as connection:
        return dict(connection.execute(text("SELECT id, merged_into_id FROM speakers")).all())


def _merge_cycles() -> list[int]:
    """Speakers whose chain of merges comes back to themselves."""
    links, cycles = _merged_into(), []
    for start in links:
        seen, current = set(), links[start]
        while current is not None and current not in seen:
            seen.add(current)
            current = links.get(current)
        if current is not None and start in seen:
            cycles.append(start)
    return cycles


def _quotes_on_merged_speakers() -> int:
    with _engine().connect() as connection:
        return connection.execute(
            text(
                "SELECT count(*) FROM quotes q JOIN speakers s ON s.id = q.speaker_id "
                "WHERE s.merged_into_id IS NOT NULL"
            )
        ).scalar_one()


def _merge(client, admin, source: int, into: int) -> Callable[[], int]:
    return lambda: (
        client.post(f"/speakers/{source}/merge", json={"into": into}, headers=admin).status_code
    )


def test_two_speakers_merged_into_each_other_at_once_merge_one_way_only(
    client, admin, desk_document
):
    outcomes = []
    for n in range(ROUNDS):
        a, b = _speakers_with_quotes(desk_document["id"], [f"Ana Lund {n}", f"Ana Lunde {n}"])
        statuses = _together(_merge(client, admin, a, b), _merge(client, admin, b, a))
        outcomes.append(sorted(statuses))
    assert outcomes == [[200, 409]] * ROUNDS
    assert _merge_cycles() == []
    assert _quotes_on_merged_speakers() == 0


def test_a_chain_of_merges_racing_leaves_every_quote_on_a_live_speaker(
    client, admin, desk_document
):
    outcomes = set()
    for n in range(ROUNDS):
        names = [f"Ola Berg {n}", f"Ola Berge {n}", f"Ola Bergh {n}"]
        a, b, c = _speakers_with_quotes(desk_document["id"], names)
        statuses = _together(_merge(client, admin, a, b), _merge(client, admin, b, c))
        outcomes.add(tuple(statuses))
        assert _quotes_on_merged_speakers() == 0, f"round {n}: {statuses}"
    # Either A went into B first and B then into C (both succeed), or B went into C first
    # and A can no longer go into the merged-away B (a clean 409).
    assert outcomes <= {(200, 200), (409, 200)}
    assert _merge_cycles() == []


def test_a_quote_corrected_to_a_speaker_being_merged_away_follows_the_merge(
    client, admin, editor, desk_document
):
    for n in range(ROUNDS):
        a, b = _speakers_with_quotes(desk_document["id"], [f"Eva Holm {n}", f"Eva Holme {n}"])
        (other,) = _speakers_with_quotes(desk_document["id"], [f"Per Dahl {n}"])
        with _engine().connect() as connection:
            quote = connection.execute(
                text("SELECT min(id) FROM quotes WHERE speaker_id = :s"), {"s": other}
            ).scalar_one()
        statuses = _together(
            _merge(client, admin, a, b),
            lambda q=quote, s=a: (
                client.patch(f"/quotes/{q}", json={"speaker_id": s}, headers=editor).status_code
            ),
        )
        assert statuses[0] == 200 and statuses[1] in (200, 422), statuses
        assert _quotes_on_merged_speakers() == 0, f"round {n}: {statuses}"


def test_an_alias_added_while_its_speaker_is_merged_away_is_not_left_behind(
    client, admin, editor, desk_document
):
    for n in range(ROUNDS):
        a, b = _speakers_with_quotes(desk_document["id"], [f"Ida Falk {n}", f"Ida Falck {n}"])
        alias = f"the harbour master {n}"
        statuses = _together(
            _merge(client, admin, a, b),
            lambda s=a, name=alias: (
                client.post(
                    f"/speakers/{s}/aliases", json={"alias": name}, headers=editor
                ).status_code
            ),
        )
        assert statuses[0] == 200 and statuses[1] in (200, 409), statuses
        found = client.get("/speakers", params={"q": alias}, headers=editor).json()["items"]
        # Added before the merge, the alias moved with it; refused after it, it was not added.
        assert [s["id"] for s in found] == ([b] if statuses[1] == 200 else []), statuses


HARBOUR_SURNAMES = [
    "Aasen",
    "Bakke",
    "Dahle",
    "Eide",
    "Fossum",
    "Gjerde",
    "Haugen",
    "Isaksen",
    "Jacobsen",
    "Kvale",
    "Lunde",
    "Moen",
    "Nygaard",
    "Olsen",
    "Pedersen",
    "Rasmussen",
    "Solberg",
    "Tveit",
    "Ulvik",
    "Vik",
    "Wold",
    "Aune",
    "Berntsen",
    "Dybdal",
    "Engen",
    "Flaten",
    "Grimstad",
    "Hovland",
    "Ingebrigtsen",
    "Jensen",
]


def test_an_ingest_naming_a_speaker_being_merged_away_stores_no_quote_on_it(
    client, admin, editor, desk_document
):
    for n, surname in enumerate(HARBOUR_SURNAMES):
        (source,) = _speakers_with_quotes(desk_document["id"], [f"Maria {surname}"])
        (target,) = _speakers_with_quotes(desk_document["id"], [f"Harbour Board {n}"])
        with _engine().begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO speaker_aliases (speaker_id, alias, normalised) "
                    "VALUES (:s, :a, lower(:a))"
                ),
                {"s": source, "a": f"Maria {surname}"},
            )
        report = {
            "title": f"Harbour reopens, update {n}",
            "text": f"Maria {surname} said the harbour would reopen to ferries on Monday.",
        }
        statuses = _together(
            _merge(client, admin, source, target),
            lambda body=report: client.post("/documents", json=body, headers=editor).status_code,
        )
        assert statuses == [200, 201], statuses
        assert _quotes_on_merged_speakers() == 0, f"round {n}"


def test_a_document_deleted_while_evidence_is_added_to_it_leaves_no_error_and_no_orphan(
    client, admin, editor, ingest
):
    claim = client.post(
        "/claims", json={"text": "The alliance suspended its Iraq mission"}, headers=editor
    ).json()
    words = ["suspended its training mission", "after the strike", "next week in Brussels"]
    seen: set[int] = set()
    for n in range(ROUNDS):
        document = ingest(title=f"Briefing {n}", text=BRIEFING.format(n=n + 1))

        def add(exact: str, document_id: int = document["id"]) -> int:
            body = {"document_id": document_id, "exact": exact}
            return client.post(
                f"/claims/{claim['id']}/evidence", json=body, headers=editor
            ).status_code

        def delete(document_id: int = document["id"]) -> int:
            return client.delete(f"/documents/{document_id}", headers=admin).status_code

        statuses = _together(delete, *[lambda w=w: add(w) for w in words])
        assert statuses[0] == 204, statuses
        assert set(statuses[1:]) <= {201, 422}, statuses
        seen.update(statuses[1:])
    with _engine().connect() as connection:
        orphans = connection.execute(
            text(
                "SELECT count(*) FROM evidence e "
                "WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = e.document_id)"
            )
        ).scalar_one()
        left = connection.execute(text("SELECT count(*) FROM evidence")).scalar_one()
    assert orphans == 0 and left == 0


def test_a_correction_is_answered_even_when_its_document_is_deleted_right_after_the_commit(
    client, admin, editor, report, monkeypatch
):
    from sqlalchemy import event
    from sqlalchemy.orm import Session

    from app.models import Quote

    quote = client.get(f"/documents/{report['id']}/quotes", headers=editor).json()["items"][0]

    deleted = []

    def delete_the_document(session: Session) -> None:
        # Another writer's deletion, committed the moment the correction is.
        if deleted or not any(isinstance(row, Quote) for row in session.identity_map.values()):
            return
        deleted.append(report["id"])
        with _engine().begin() as connection:
            connection.execute(text("DELETE FROM documents WHERE id = :d"), {"d": report["id"]})

    event.listen(Session, "after_commit", delete_the_document)
    try:
        response = client.patch(
            f"/quotes/{quote['id']}", json={"status": "confirmed"}, headers=editor
        )
    finally:
        event.remove(Session, "after_commit", delete_the_document)
    assert deleted and response.status_code == 200, response.text
    assert response.json()["status"] == "confirmed"
    assert client.get(f"/quotes/{quote['id']}", headers=editor).status_code == 404


def test_content_ingested_again_while_its_stored_copy_is_deleted_is_stored_anew(
    client, admin, editor, report
):
    from sqlalchemy import event

    engine, deleted = _engine(), []

    def delete_the_stored_copy(connection, cursor, statement, *_) -> None:
        # The stored copy is deleted by another writer just after this ingest found it there.
        conflict = statement.startswith("INSERT INTO documents") and "ON CONFLICT" in statement
        if conflict and cursor.rowcount == 0 and not deleted:
            deleted.append(report["id"])
            with engine.begin() as other:
                other.execute(text("DELETE FROM documents WHERE id = :d"), {"d": report["id"]})

    event.listen(engine, "after_cursor_execute", delete_the_stored_copy)
    try:
        again = {k: report[k] for k in ("title", "text", "publisher", "kind", "published_at")}
        response = client.post("/documents", json=again, headers=editor)
    finally:
        event.remove(engine, "after_cursor_execute", delete_the_stored_copy)
    assert deleted and response.status_code == 201, response.text
    assert response.json()["id"] != report["id"]
    assert response.json()["quote_count"] == report["quote_count"]
