"""Load bench: mixed read/write traffic from concurrent clients against a real API server.

Starts uvicorn on 127.0.0.1 with a database of its own (created on the server in DATABASE_URL
and dropped afterwards), drives ingest / list / get / patch traffic for a bounded time, then
prints throughput, latency percentiles per operation, errors and 5xx answers, and checks that
every acknowledged write is in the database.

A second phase (the race mix, --race-seconds) makes the clients fight over shared rows: merges
of speakers picked from one pool (A into B racing B into A, chains), deletions of documents
while evidence is anchored to them, ingests naming the speakers being merged, corrections
giving quotes to them, aliases added to them. A refusal (409, 422, 404) is a fine answer to a
lost race; a 5xx is not. Afterwards it checks every acknowledged write, and the invariants
a race could break: no cycle of merges, no quote on a merged speaker, no evidence on a
missing document.

    DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/test python bench/load.py --seconds 60
"""

from __future__ import annotations

import argparse
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import psycopg
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.orm import sessionmaker

REPO = Path(__file__).resolve().parents[1]
SEED_FOLDERS = [REPO / "data", Path("/work/shared/corpus/seeds")]
CITIES = ["BRUSSELS", "LONDON", "WASHINGTON", "BAGHDAD", "BERLIN", "PARIS", "ANKARA", "KYIV"]
# Weights of each operation in the traffic mix: mostly reads, as in a newsroom.
MIX = {
    "ingest": 2,
    "list_documents": 4,
    "get_document": 4,
    "list_quotes": 4,
    "list_speakers": 3,
    "patch_quote": 3,
}


@dataclass
class Client:
    """One simulated newsroom tool: its own connection, its own documents and corrections."""

    number: int
    http: httpx.Client
    rng: random.Random
    documents: dict[int, str] = field(default_factory=dict)  # id -> content sha256
    quotes: list[int] = field(default_factory=list)
    patched: dict[int, str] = field(default_factory=dict)  # quote id -> last acknowledged status
    patches: int = 0
    sequence: int = 0


@dataclass
class Results:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    server_errors: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    statuses: dict[str, dict[int, int]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(int))
    )
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, operation: str, seconds: float, ok: bool) -> None:
        with self.lock:
            self.latencies[operation].append(seconds)
            if not ok:
                self.errors[operation] += 1

    def on_response(self, response: httpx.Response) -> None:
        """Counts every 5xx answer, whichever request of an operation got it."""
        if response.status_code >= 500:
            with self.lock:
                self.server_errors[response.status_code] += 1


def seed_paragraphs() -> list[str]:
    paragraphs: list[str] = []
    for folder in SEED_FOLDERS:
        for path in sorted(folder.glob("*.txt")) if folder.exists() else []:
            text_ = path.read_text(encoding="utf-8")
            # A sample's front matter (data/) opens its first block: not a paragraph of news.
            paragraphs += [
                p.strip()
                for p in text_.split("\n\n")
                if len(p.strip()) > 60 and not p.startswith("---")
            ]
    return paragraphs


def news_document(client: Client, paragraphs: list[str]) -> dict[str, Any]:
    """A distinct article: a dateline naming the client and its count, then seed paragraphs."""
    client.sequence += 1
    city = client.rng.choice(CITIES)
    body = client.rng.sample(paragraphs, k=min(6, len(paragraphs)))
    lead = f"{city} — Desk {client.number} report {client.sequence}: officials briefed reporters."
    return {
        "title": f"{city.title()} briefing {client.number}-{client.sequence}",
        "text": "\n\n".join([lead, *body]),
        "publisher": "Load Bench Wire",
        "published_at": f"2020-01-{client.rng.randint(1, 28):02d}T12:00:00Z",
    }


# Operations --------------------------------------------------------------------------------


def ingest(client: Client, paragraphs: list[str]) -> bool:
    response = client.http.post("/documents", json=news_document(client, paragraphs))
    if response.status_code not in (200, 201):
        return False
    body = response.json()
    client.documents[body["id"]] = body["content_sha256"]
    quotes = client.http.get(f"/documents/{body['id']}/quotes", params={"limit": 200})
    client.quotes += [q["id"] for q in quotes.json()["items"]] if quotes.status_code == 200 else []
    return quotes.status_code == 200


def list_documents(client: Client, _: list[str]) -> bool:
    return client.http.get("/documents", params={"limit": 20}).status_code == 200


def get_document(client: Client, _: list[str]) -> bool:
    if not client.documents:
        return list_documents(client, _)
    document_id = client.rng.choice(list(client.documents))
    return client.http.get(f"/documents/{document_id}").status_code == 200


def list_quotes(client: Client, _: list[str]) -> bool:
    return client.http.get("/quotes", params={"limit": 50}).status_code == 200


def list_speakers(client: Client, _: list[str]) -> bool:
    query = client.rng.choice(["stoltenberg", "nato", "major", "trump", "pompeo"])
    return client.http.get("/speakers", params={"q": query}).status_code == 200


def patch_quote(client: Client, _: list[str]) -> bool:
    if not client.quotes:
        return list_quotes(client, _)
    quote_id = client.rng.choice(client.quotes)
    status = client.rng.choice(["confirmed", "rejected", "auto"])
    response = client.http.patch(f"/quotes/{quote_id}", json={"status": status})
    if response.status_code != 200:
        return False
    client.patched[quote_id] = status
    client.patches += 1
    return True


OPERATIONS: dict[str, Callable[[Client, list[str]], bool]] = {
    "ingest": ingest,
    "list_documents": list_documents,
    "get_document": get_document,
    "list_quotes": list_quotes,
    "list_speakers": list_speakers,
    "patch_quote": patch_quote,
}


def drive(client: Client, paragraphs: list[str], deadline: float, results: Results) -> None:
    names, weights = list(MIX), list(MIX.values())
    while time.monotonic() < deadline:
        operation = client.rng.choices(names, weights)[0]
        started = time.perf_counter()
        try:
            ok = OPERATIONS[operation](client, paragraphs)
        except httpx.HTTPError:
            ok = False
        results.add(operation, time.perf_counter() - started, ok)


# The race mix ------------------------------------------------------------------------------

# The cast of the race mix: 576 people, three in each report, so ingests keep naming stored
# speakers, and meeting new ones for merges to take, while merges move them.
FIRST_NAMES = [
    "Anna", "Jens", "Claudia", "Mike", "Federica", "Heiko", "Josep", "Dominic", "Mark",
    "Florence", "Mevlut", "Ursula", "Ingrid", "Tomasz", "Aoife", "Kwame", "Lucia", "Omar",
    "Greta", "Pavel", "Noor", "Henrik", "Marta", "Yusuf",
]  # fmt: skip
SURNAMES = [
    "Lindqvist", "Moreau", "Kowalski", "Brennan", "Okafor", "Vasquez", "Haddad", "Petersen",
    "Novak", "Castell", "Demir", "Albrecht", "Rossi", "Dubois", "Nowak", "Quinlan", "Mensah",
    "Ferreira", "Karimi", "Holm", "Sato", "Varga", "Ekwueme", "Whitcombe",
]  # fmt: skip
PEOPLE = [f"{first} {last}" for first in FIRST_NAMES for last in SURNAMES]
# Merges pick two of the most recently met live speakers, so that merges collide often.
MERGE_POOL = 16
TOPICS = ["training mission", "embassy", "air base", "naval patrol", "summit", "ceasefire"]
VERBS = ["resume", "close", "reopen", "be reviewed", "go ahead", "be postponed"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
# Weights of each operation in the race mix: writes on shared rows only.
RACE_MIX = {
    "merge": 3,
    "delete_document": 2,
    "add_evidence": 5,
    "ingest_named": 2,
    "correct_speaker": 2,
    "add_alias": 1,
}
# Answers that are a fine outcome of losing a race (the row is gone, merged, or already there).
EXPECTED = {
    "merge": {200, 409},
    "delete_document": {204, 404},
    "add_evidence": {201, 409, 422},
    "ingest_named": {200, 201},
    "correct_speaker": {200, 404, 422},
    "add_alias": {200, 409},
}


@dataclass
class Shared:
    """The rows every race client picks from, and every write the API acknowledged."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    documents: dict[int, str] = field(default_factory=dict)  # id -> text, not known deleted
    speakers: list[int] = field(default_factory=list)  # live, as far as known
    quotes: dict[int, int] = field(default_factory=dict)  # id -> document id
    claims: list[int] = field(default_factory=list)
    ingested: dict[int, str] = field(default_factory=dict)  # id -> content sha256
    deleted: set[int] = field(default_factory=set)
    merges: dict[int, int] = field(default_factory=dict)  # source -> target
    evidence: dict[int, int] = field(default_factory=dict)  # evidence id -> document id
    aliases: dict[str, int] = field(default_factory=dict)  # normalised alias -> speaker id
    corrections: int = 0
    sequence: int = 0

    def pick(self, rng: random.Random, pool: str, k: int = 1, recent: int = 0) -> list[Any]:
        with self.lock:
            rows = list(getattr(self, pool))
        rows = rows[-recent:] if recent else rows
        return rng.sample(rows, k) if len(rows) >= k else []

    def merged_away(self, speaker_id: int) -> None:
        with self.lock:
            if speaker_id in self.speakers:
                self.speakers.remove(speaker_id)


@dataclass
class Racer:
    number: int
    http: httpx.Client
    rng: random.Random
    shared: Shared


def named_document(racer: Racer) -> dict[str, Any]:
    """A short report quoting three people of the shared cast, so ingests name the speakers
    that merges move."""
    rng = racer.rng
    with racer.shared.lock:
        racer.shared.sequence += 1
        number = racer.shared.sequence
    lines = [
        f"{person} said the {rng.choice(TOPICS)} would {rng.choice(VERBS)} on {rng.choice(DAYS)}."
        for person in rng.sample(PEOPLE, 3)
    ]
    return {
        "title": f"Race desk report {number}",
        "text": f"BRUSSELS — Race desk report {number}.\n\n" + "\n\n".join(lines),
        "publisher": "Load Bench Wire",
    }


def race_ingest(racer: Racer) -> int:
    response = racer.http.post("/documents", json=named_document(racer))
    if response.status_code not in (200, 201):
        return response.status_code
    body = response.json()
    quotes = racer.http.get(f"/documents/{body['id']}/quotes", params={"limit": 200})
    items = quotes.json()["items"] if quotes.status_code == 200 else []
    with racer.shared.lock:
        racer.shared.ingested[body["id"]] = body["content_sha256"]
        if body["id"] not in racer.shared.deleted:
            racer.shared.documents[body["id"]] = body["text"]
        racer.shared.quotes.update((q["id"], body["id"]) for q in items)
        known = set(racer.shared.speakers) | set(racer.shared.merges)
        racer.shared.speakers += sorted(
            {q["speaker"]["id"] for q in items if q.get("speaker")} - known
        )
    return response.status_code


def race_merge(racer: Racer) -> int | None:
    """The answer's status; None when there was nothing to pick yet."""
    pair = racer.shared.pick(racer.rng, "speakers", 2, recent=MERGE_POOL)
    if not pair:
        return None
    source, target = pair
    response = racer.http.post(f"/speakers/{source}/merge", json={"into": target})
    if response.status_code == 200:
        with racer.shared.lock:
            racer.shared.merges[source] = target
        racer.shared.merged_away(source)
    elif response.status_code == 409:  # one of them went into another speaker meanwhile
        refused = re.match(r"Speaker (\d+) was already merged", response.json()["detail"])
        if refused:
            racer.shared.merged_away(int(refused.group(1)))
    return response.status_code


def race_delete(racer: Racer) -> int | None:
    chosen = racer.shared.pick(racer.rng, "documents")
    if not chosen:
        return None
    response = racer.http.delete(f"/documents/{chosen[0]}")
    with racer.shared.lock:
        if response.status_code == 204:
            racer.shared.deleted.add(chosen[0])
        if response.status_code in (204, 404):
            racer.shared.documents.pop(chosen[0], None)
    return response.status_code


def race_evidence(racer: Racer) -> int | None:
    claims, chosen = (
        racer.shared.pick(racer.rng, "claims"),
        racer.shared.pick(racer.rng, "documents"),
    )
    if not claims or not chosen:
        return None
    with racer.shared.lock:
        text_ = racer.shared.documents.get(chosen[0])
    if text_ is None:
        return None
    paragraphs = [m.span() for m in re.finditer(r"[^\n]+", text_)]
    start, end = racer.rng.choice(paragraphs)
    body = {"document_id": chosen[0], "start": start, "end": end, "stance": "mentions"}
    response = racer.http.post(f"/claims/{claims[0]}/evidence", json=body)
    if response.status_code == 201:
        with racer.shared.lock:
            racer.shared.evidence[response.json()["id"]] = chosen[0]
    return response.status_code


def race_correct(racer: Racer) -> int | None:
    with racer.shared.lock:
        live = [q for q, d in racer.shared.quotes.items() if d in racer.shared.documents]
    quote = racer.rng.sample(live, 1) if live else []
    speaker = racer.shared.pick(racer.rng, "speakers", recent=MERGE_POOL)
    if not quote or not speaker:
        return None
    response = racer.http.patch(f"/quotes/{quote[0]}", json={"speaker_id": speaker[0]})
    if response.status_code == 200:
        with racer.shared.lock:
            racer.shared.corrections += 1
    return response.status_code


def race_alias(racer: Racer) -> int | None:
    chosen = racer.shared.pick(racer.rng, "speakers", recent=MERGE_POOL)
    if not chosen:
        return None
    with racer.shared.lock:
        racer.shared.sequence += 1
        alias = f"race desk source {racer.shared.sequence}"
    response = racer.http.post(f"/speakers/{chosen[0]}/aliases", json={"alias": alias})
    if response.status_code == 200:
        with racer.shared.lock:
            racer.shared.aliases[alias] = chosen[0]
    return response.status_code


RACE_OPERATIONS: dict[str, Callable[[Racer], int | None]] = {
    "merge": race_merge,
    "delete_document": race_delete,
    "add_evidence": race_evidence,
    "ingest_named": race_ingest,
    "correct_speaker": race_correct,
    "add_alias": race_alias,
}


def race(racer: Racer, deadline: float, results: Results) -> None:
    names, weights = list(RACE_MIX), list(RACE_MIX.values())
    while time.monotonic() < deadline:
        operation = racer.rng.choices(names, weights)[0]
        started = time.perf_counter()
        try:
            status = RACE_OPERATIONS[operation](racer)
        except httpx.HTTPError:
            status = 0
        if status is None:
            continue
        with results.lock:
            results.statuses[operation][status] += 1
        results.add(operation, time.perf_counter() - started, status in EXPECTED[operation])


def seed_race(racer: Racer, documents: int, claims: int) -> None:
    """The shared rows the race starts from: reports naming the cast, and claims."""
    for _ in range(documents):
        if race_ingest(racer) not in (200, 201):
            raise SystemExit("could not seed the race mix")
    for number in range(claims):
        response = racer.http.post(
            "/claims", json={"text": f"The alliance paused mission {number}"}
        )
        racer.shared.claims.append(response.json()["id"])


# Setup and checks --------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def create_database(server_url: str) -> str:
    url = make_url(server_url).set(drivername="postgresql+psycopg")
    name = f"attest_load_{uuid.uuid4().hex[:8]}"
    admin = url.set(drivername="postgresql", database="postgres")
    with psycopg.connect(admin.render_as_string(hide_password=False), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return url.set(database=name).render_as_string(hide_password=False)


def drop_database(database_url: str) -> None:
    url = make_url(database_url)
    admin = url.set(drivername="postgresql", database="postgres")
    with psycopg.connect(admin.render_as_string(hide_password=False), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)')


def new_key(database_url: str, role: str = "editor") -> str:
    from app.services.keys import create_key

    engine = create_engine(database_url)
    with sessionmaker(engine)() as session:
        _, secret = create_key(session, f"load-bench-{role}", role)
    engine.dispose()
    return secret


def start_server(database_url: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    environment = {**os.environ, "DATABASE_URL": database_url}
    command = [sys.executable, "-m", "uvicorn", "app.main:app", "--host", "127.0.0.1"]
    command += ["--port", str(port), "--workers", str(workers), "--log-level", "warning"]
    server = subprocess.Popen(command, cwd=REPO, env=environment)
    for _ in range(100):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    server.terminate()
    raise SystemExit("the API server did not become healthy")


def lost_writes(database_url: str, clients: list[Client], shared: Shared) -> list[str]:
    """Every acknowledged document and correction, missing or different in the database.
    The race mix works on documents of its own (checked by race_check); its corrections of
    speakers are audited like these, so they are counted here."""
    engine = create_engine(database_url)
    problems: list[str] = []
    with engine.connect() as connection:
        stored = dict(connection.execute(text("SELECT id, content_sha256 FROM documents")).all())
        statuses = dict(connection.execute(text("SELECT id, status FROM quotes")).all())
        corrections = connection.execute(
            text("SELECT count(*) FROM audit_log WHERE action = 'correct'")
        ).scalar_one()
    engine.dispose()
    for client in clients:
        for document_id, sha in client.documents.items():
            if stored.get(document_id) != sha:
                problems.append(f"document {document_id} acknowledged to client {client.number}")
        for quote_id, status in client.patched.items():
            if statuses.get(quote_id) != status:
                problems.append(f"quote {quote_id}: {statuses.get(quote_id)} not {status}")
    acknowledged = sum(c.patches for c in clients) + shared.corrections
    if corrections != acknowledged:
        problems.append(f"{corrections} audited corrections for {acknowledged} acknowledged")
    return problems


def race_check(database_url: str, shared: Shared) -> tuple[list[str], dict[str, list[str]]]:
    """The race mix's acknowledged writes missing from the database, and the invariants a race
    could break, each with the rows breaking it."""
    engine = create_engine(database_url)
    with engine.connect() as connection:
        documents = dict(connection.execute(text("SELECT id, content_sha256 FROM documents")).all())
        evidence = dict(connection.execute(text("SELECT id, document_id FROM evidence")).all())
        merged_into = dict(
            connection.execute(text("SELECT id, merged_into_id FROM speakers")).all()
        )
        holders = defaultdict(set)
        for alias, speaker_id in connection.execute(
            text("SELECT alias, speaker_id FROM speaker_aliases WHERE alias = ANY(:a)"),
            {"a": list(shared.aliases)},
        ).all():
            holders[alias].add(speaker_id)
        on_merged = connection.execute(
            text(
                "SELECT q.id, q.speaker_id FROM quotes q JOIN speakers s ON s.id = q.speaker_id "
                "WHERE s.merged_into_id IS NOT NULL ORDER BY q.id"
            )
        ).all()
        orphans = connection.execute(
            text(
                "SELECT e.id, e.document_id FROM evidence e WHERE NOT EXISTS "
                "(SELECT 1 FROM documents d WHERE d.id = e.document_id) ORDER BY e.id"
            )
        ).all()
    engine.dispose()

    def live(speaker_id: int) -> int | None:
        seen = set()
        while merged_into.get(speaker_id) is not None and speaker_id not in seen:
            seen.add(speaker_id)
            speaker_id = merged_into[speaker_id]
        return None if speaker_id in seen else speaker_id

    lost = [f"document {d} deleted, still stored" for d in shared.deleted if d in documents]
    lost += [
        f"document {d} acknowledged, missing"
        for d, sha in shared.ingested.items()
        if d not in shared.deleted and documents.get(d) != sha
    ]
    lost += [
        f"evidence {e} on document {d} acknowledged, missing"
        for e, d in shared.evidence.items()
        if d not in shared.deleted and e not in evidence
    ]
    lost += [
        f"merge of speaker {s} into {t} acknowledged, it points at {merged_into.get(s)}"
        for s, t in shared.merges.items()
        if merged_into.get(s) != t
    ]
    lost += [
        f"alias {a!r} of speaker {s} acknowledged, not on the speaker it went into"
        for a, s in shared.aliases.items()
        if live(s) not in holders[a]
    ]
    broken = {
        "merge cycles": [f"speaker {s}" for s in merged_into if live(s) is None],
        "quotes on merged speakers": [f"quote {q} on speaker {s}" for q, s in on_merged],
        "evidence on missing documents": [f"evidence {e} on document {d}" for e, d in orphans],
    }
    return lost, broken


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def latency_table(results: Results, mix: dict[str, int]) -> None:
    print(f"{'operation':<16}{'count':>7}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}")
    for name in mix:
        values = results.latencies.get(name, [])
        if not values:
            continue
        row = [statistics.median(values), percentile(values, 0.95), percentile(values, 0.99)]
        row.append(max(values))
        cells = "".join(f"{v * 1000:>9.1f}" for v in row)
        statuses = results.statuses.get(name)
        answers = (
            "  " + " ".join(f"{k}:{v}" for k, v in sorted(statuses.items())) if statuses else ""
        )
        print(f"{name:<16}{len(values):>7}{cells}   errors {results.errors.get(name, 0)}{answers}")


def server_errors(results: Results) -> str:
    total = sum(results.server_errors.values())
    by_status = ", ".join(f"{k}: {v}" for k, v in sorted(results.server_errors.items()))
    return f"{total}" + (f" ({by_status})" if by_status else "")


def report(results: Results, seconds: float, clients: int, workers: int, lost: list[str]) -> None:
    total = sum(len(v) for v in results.latencies.values())
    errors = sum(results.errors.values())
    print(f"\n{clients} clients, {workers} server workers, {seconds:.0f} s: {total} requests")
    print(f"throughput {total / seconds:.1f} operations/s, errors {errors}\n")
    latency_table(results, MIX)
    print(f"\n5xx answers: {server_errors(results)}")
    print(f"lost writes: {len(lost)}")
    for problem in lost[:20]:
        print(f"  {problem}")


def race_report(
    results: Results, seconds: float, shared: Shared, lost: list[str], broken: dict[str, list[str]]
) -> None:
    total = sum(len(v) for v in results.latencies.values())
    print(f"\nrace mix, {seconds:.0f} s: {total} operations on shared rows")
    print(
        f"acknowledged: {len(shared.merges)} merges, {len(shared.deleted)} deletions, "
        f"{len(shared.evidence)} evidence, {len(shared.ingested)} ingests, "
        f"{shared.corrections} speaker corrections, {len(shared.aliases)} aliases"
    )
    print("(errors: answers outside those expected of a lost race; answers by status)\n")
    latency_table(results, RACE_MIX)
    print(f"\n5xx answers: {server_errors(results)}")
    print(f"lost writes: {len(lost)}")
    for problem in lost[:20]:
        print(f"  {problem}")
    print(f"broken invariants: {sum(len(rows) for rows in broken.values())}")
    for name, rows in broken.items():
        print(f"  {name}: {len(rows)}" + (f" (e.g. {', '.join(rows[:5])})" if rows else ""))


def run(threads: list[threading.Thread]) -> float:
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.monotonic() - started


def main() -> int:
    """Runs the bench; 1 when any 5xx, lost write or broken invariant was found."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--race-seconds", type=float, default=30.0, help="0: no race mix")
    parser.add_argument("--race-documents", type=int, default=40, help="reports seeded first")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    parser.add_argument("--seed", type=int, default=6)
    options = parser.parse_args()
    server_url = os.environ.get("DATABASE_URL")
    if not server_url:
        raise SystemExit("set DATABASE_URL to a PostgreSQL server on 127.0.0.1")

    from app.db import migrate

    database_url = create_database(server_url)
    server, failures = None, 0
    try:
        migrate.upgrade(database_url)
        headers = {"Authorization": f"Bearer {new_key(database_url, 'editor')}"}
        admin = {"Authorization": f"Bearer {new_key(database_url, 'admin')}"}
        port = free_port()
        server = start_server(database_url, port, options.workers)
        base_url = f"http://127.0.0.1:{port}"
        paragraphs = seed_paragraphs()
        results = Results()
        hooks = {"response": [results.on_response]}
        clients = [
            Client(
                n,
                httpx.Client(base_url=base_url, headers=headers, timeout=30, event_hooks=hooks),
                random.Random(options.seed * 1000 + n),
            )
            for n in range(options.clients)
        ]
        deadline = time.monotonic() + options.seconds
        elapsed = run(
            [
                threading.Thread(target=drive, args=(c, paragraphs, deadline, results))
                for c in clients
            ]
        )
        for client in clients:
            client.http.close()

        shared, race_results = Shared(), Results()
        racers = []
        if options.race_seconds > 0:
            hooks = {"response": [race_results.on_response]}
            racers = [
                Racer(
                    n,
                    httpx.Client(base_url=base_url, headers=admin, timeout=30, event_hooks=hooks),
                    random.Random(options.seed * 2000 + n),
                    shared,
                )
                for n in range(options.clients)
            ]
            seed_race(racers[0], options.race_documents, claims=6)
            deadline = time.monotonic() + options.race_seconds
            race_elapsed = run(
                [threading.Thread(target=race, args=(r, deadline, race_results)) for r in racers]
            )
            for racer in racers:
                racer.http.close()

        lost = lost_writes(database_url, clients, shared)
        report(results, elapsed, options.clients, options.workers, lost)
        failures = len(lost) + sum(results.server_errors.values())
        if racers:
            race_lost, broken = race_check(database_url, shared)
            race_report(race_results, race_elapsed, shared, race_lost, broken)
            failures += len(race_lost) + sum(race_results.server_errors.values())
            failures += sum(len(rows) for rows in broken.values())
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        drop_database(database_url)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
