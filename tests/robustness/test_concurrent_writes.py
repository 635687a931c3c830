"""Concurrent ingests naming the same speakers in different orders all succeed, none lost."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

STATEMENTS = [
    "Jens Stoltenberg said the alliance had suspended its training mission in Iraq.",
    "Claudia Major said European governments had been caught off guard by the strike.",
    "Mike Pompeo said the United States would keep its forces in the region.",
]


def _report(number: int) -> dict[str, str]:
    # Each report names the same three people, starting with a different one.
    order = STATEMENTS[number % 3 :] + STATEMENTS[: number % 3]
    return {
        "title": f"Reactions to the Baghdad strike, update {number}",
        "text": f"BRUSSELS, update {number}.\n\n" + "\n\n".join(order),
    }


def test_concurrent_ingests_sharing_speakers_all_succeed(client, editor, reader):
    with ThreadPoolExecutor(max_workers=6) as pool:
        statuses = list(
            pool.map(
                lambda n: client.post("/documents", json=_report(n), headers=editor).status_code,
                range(18),
            )
        )
    assert statuses == [201] * 18
    listed = client.get("/documents", params={"limit": 50}, headers=reader).json()["items"]
    assert len(listed) == 18
    people = client.get("/speakers", params={"q": "stoltenberg"}, headers=reader).json()["items"]
    assert [p["name"] for p in people] == ["Jens Stoltenberg"]
