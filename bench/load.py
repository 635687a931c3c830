"""Load bench: mixed read/write traffic from concurrent clients against a real API server.

Starts uvicorn on 127.0.0.1 with a database of its own (created on the server in DATABASE_URL
and dropped afterwards), drives ingest / list / get / patch traffic for a bounded time, then
prints throughput, latency percentiles per operation and errors, and checks that every
acknowledged write is in the database.

    DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/test python bench/load.py --seconds 60
"""

from __future__ import annotations

import argparse
import os
import random
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
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, operation: str, seconds: float, ok: bool) -> None:
        with self.lock:
            self.latencies[operation].append(seconds)
            if not ok:
                self.errors[operation] += 1


def seed_paragraphs() -> list[str]:
    paragraphs: list[str] = []
    for folder in SEED_FOLDERS:
        for path in sorted(folder.glob("*.txt")) if folder.exists() else []:
            text_ = path.read_text(encoding="utf-8")
            paragraphs += [p.strip() for p in text_.split("\n\n") if len(p.strip()) > 60]
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


def editor_key(database_url: str) -> str:
    from app.services.keys import create_key

    engine = create_engine(database_url)
    with sessionmaker(engine)() as session:
        _, secret = create_key(session, "load-bench", "editor")
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


def lost_writes(database_url: str, clients: list[Client]) -> list[str]:
    """Every acknowledged document and correction, missing or different in the database."""
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
    acknowledged = sum(c.patches for c in clients)
    if corrections != acknowledged:
        problems.append(f"{corrections} audited corrections for {acknowledged} acknowledged")
    return problems


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def report(results: Results, seconds: float, clients: int, workers: int, lost: list[str]) -> None:
    total = sum(len(v) for v in results.latencies.values())
    errors = sum(results.errors.values())
    print(f"\n{clients} clients, {workers} server workers, {seconds:.0f} s: {total} requests")
    print(f"throughput {total / seconds:.1f} operations/s, errors {errors}\n")
    print(f"{'operation':<16}{'count':>7}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}")
    for name in MIX:
        values = results.latencies.get(name, [])
        if not values:
            continue
        row = [statistics.median(values), percentile(values, 0.95), percentile(values, 0.99)]
        row.append(max(values))
        cells = "".join(f"{v * 1000:>9.1f}" for v in row)
        print(f"{name:<16}{len(values):>7}{cells}   errors {results.errors.get(name, 0)}")
    print(f"\nlost writes: {len(lost)}")
    for problem in lost[:20]:
        print(f"  {problem}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    parser.add_argument("--seed", type=int, default=6)
    options = parser.parse_args()
    server_url = os.environ.get("DATABASE_URL")
    if not server_url:
        raise SystemExit("set DATABASE_URL to a PostgreSQL server on 127.0.0.1")

    from app.db import migrate

    database_url = create_database(server_url)
    server = None
    try:
        migrate.upgrade(database_url)
        headers = {"Authorization": f"Bearer {editor_key(database_url)}"}
        port = free_port()
        server = start_server(database_url, port, options.workers)
        paragraphs = seed_paragraphs()
        clients = [
            Client(
                n,
                httpx.Client(base_url=f"http://127.0.0.1:{port}", headers=headers, timeout=30),
                random.Random(options.seed * 1000 + n),
            )
            for n in range(options.clients)
        ]
        results = Results()
        deadline = time.monotonic() + options.seconds
        threads = [
            threading.Thread(target=drive, args=(c, paragraphs, deadline, results)) for c in clients
        ]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
        for client in clients:
            client.http.close()
        report(
            results, elapsed, options.clients, options.workers, lost_writes(database_url, clients)
        )
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        drop_database(database_url)


if __name__ == "__main__":
    main()
