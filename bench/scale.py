"""Search and verification at scale: fill a synthetic archive, then measure through the HTTP API.

    python -m bench.scale                 # fill attest_scale (100,000 documents) and measure
    python -m bench.scale --reuse         # measure again without refilling
    python -m bench.scale --reuse --only verify   # measure one endpoint only (no ingestion)

Ingestion is measured first, so that search and verify then run with what it leaves in the
indexes, as they would beside a live newsroom's ingestion.

Uses its own database (attest_scale on the server in DATABASE_URL, or --database-url).
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import psycopg
from sqlalchemy import make_url

from app.schemas.documents import DocumentIn
from bench.fill import fill
from bench.synthetic import ArticleWriter, people

REPO = Path(__file__).resolve().parents[1]
NOT_SAID = (
    "The minister promised to abolish the monarchy by Tuesday afternoon",
    "We have no intention of selling the national football stadium to investors",
    "I was never told about the submarine contract until it appeared in the newspapers",
    "Our volcano monitoring budget will be doubled within a fortnight",
)
VERIFY_KINDS = ("verbatim", "altered", "reordered", "never said")
SEARCH_GOAL_MS = 50
VERIFY_GOAL_MS = 150
INGESTION_GOAL = 100
INGESTION_WAYS = ("service, one by one in one process", "attest ingest, start-up included")
Timings = list[tuple[str, float]]
SEARCHES = (
    {"q": "inflation"},
    {"q": '"interest rates" central bank'},
    {"q": "housing -rents"},
    {"q": "offshore wind farms"},
    {"q": "nurses", "sort": "recent"},
    {"q": "teachers pay", "publisher": "Global Wire"},
    {"q": "flood defences", "since": "2020-01-01T00:00:00Z", "until": "2021-01-01T00:00:00Z"},
    {"q": "modest sum", "type": "quote"},
    {"q": "broadband", "type": "quote", "speaker_id": 7},
    {"q": "petition", "kind": "sentence"},
    {"q": "railway electrify", "publisher": "The Daily Ledger", "sort": "recent"},
    {"q": "Lisbon hospital"},
)


def main() -> None:
    args = _arguments()
    url = args.database_url or _scale_url()
    _ensure_database(url)
    from app.db import migrate

    migrate.upgrade(_sqlalchemy(url))
    if not (args.reuse and _passages(url) >= 1_000_000):
        print(f"Filling {args.documents:,} documents …", flush=True)
        print("  ", fill(_plain(url), args.documents), flush=True)
    _vacuum(url)
    os.environ["DATABASE_URL"] = _sqlalchemy(url)  # for this process's services and the server
    # Ingest first: search and verify are then measured as in live use, with the index
    # entries that ingestion leaves in the GIN pending lists until the next VACUUM.
    rates = _ingestion_rates(url, args.ingest_sample) if args.only is None else None
    rng = random.Random(1)
    with _server() as (base, key):
        client = httpx.Client(base_url=base, headers={"Authorization": f"Bearer {key}"})
        search_ms: Timings = []
        verify_ms: Timings = []
        if args.only in (None, "search"):
            search_ms = _measure(client, "GET", "/search", _search_requests(rng, args.requests))
        if args.only in (None, "verify"):
            verify_requests = _verify_requests(url, rng, args.requests)
            verify_ms = _measure(client, "POST", "/verify", verify_requests)
    _report(url, search_ms, verify_ms, rates)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", help="Default: attest_scale on DATABASE_URL's server.")
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--reuse", action="store_true", help="Skip filling when already filled.")
    parser.add_argument("--requests", type=int, default=200, help="Requests per endpoint.")
    parser.add_argument("--ingest-sample", type=int, default=500)
    parser.add_argument("--only", choices=("search", "verify"), help="Measure one endpoint only.")
    return parser.parse_args()


def _scale_url() -> str:
    server = os.environ.get("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
    return make_url(server).set(database="attest_scale").render_as_string(hide_password=False)


def _plain(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _sqlalchemy(url: str) -> str:
    return make_url(url).set(drivername="postgresql+psycopg").render_as_string(hide_password=False)


def _ensure_database(url: str) -> None:
    target = make_url(url)
    admin = _plain(target.set(database="postgres").render_as_string(hide_password=False))
    with psycopg.connect(admin, autocommit=True) as conn:
        found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (target.database,))
        if found.fetchone() is None:
            conn.execute(f'CREATE DATABASE "{target.database}"')


def _vacuum(url: str) -> None:
    """Statistics and visibility maps as autovacuum keeps them (it may be off on a test server,
    and a previous run's ingestion left new rows unanalysed)."""
    with psycopg.connect(_plain(url), autocommit=True) as conn:
        conn.execute("VACUUM (ANALYZE) documents, passages, quotes, speakers, speaker_aliases")


def _passages(url: str) -> int:
    with psycopg.connect(_plain(url)) as conn:
        return conn.execute("SELECT count(*) FROM passages").fetchone()[0]


class _server:
    """uvicorn serving the app on a free local port, with a fresh reader key."""

    def __enter__(self) -> tuple[str, str]:
        from app.db.engine import get_sessionmaker
        from app.services.keys import create_key

        with get_sessionmaker()() as session:
            _, key = create_key(session, f"bench-{time.time_ns()}", "reader")
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        command = [
            sys.executable,
            "-m",
            "uvicorn",
            "app.main:app",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ]
        self.process = subprocess.Popen(
            command, cwd=REPO, env=os.environ.copy(), stderr=subprocess.DEVNULL
        )
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                httpx.get(f"{base}/docs", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        return base, key

    def __exit__(self, *_: object) -> None:
        self.process.terminate()
        self.process.wait(10)


def _search_requests(rng: random.Random, count: int) -> list[tuple[str, dict]]:
    """(label, parameters): the query and its filters, for the per-query breakdown."""
    chosen = [rng.choice(SEARCHES) for _ in range(count)]
    return [(" ".join(f"{k}={v}" for k, v in search.items()), search) for search in chosen]


def _verify_requests(url: str, rng: random.Random, count: int) -> list[tuple[str, dict]]:
    """Verbatim, altered, paraphrased and never-said quotes, a quarter each; a fixed sample."""
    with psycopg.connect(_plain(url)) as conn:
        rows = conn.execute(
            "SELECT text, speaker_name FROM quotes TABLESAMPLE SYSTEM (1) REPEATABLE (1) "
            "ORDER BY id LIMIT %s",
            (count,),
        ).fetchall()
    requests = []
    for index, (text, speaker) in enumerate(rows[:count]):
        sentence = text.split(". ")[0].rstrip(".")
        words = sentence.split()
        kind = VERIFY_KINDS[index % 4]
        if kind == "altered" and len(words) > 6:
            words[len(words) // 2] = "certainly"
            del words[2]
            sentence = " ".join(words)
        elif kind == "reordered" and len(words) > 6:
            cut = len(words) // 2
            sentence = " ".join([*words[cut:], "so", *words[:cut]])
        elif kind == "never said":
            sentence = rng.choice(NOT_SAID)
        requests.append((kind, {"text": sentence, "speaker": speaker if index % 2 else None}))
    return requests


def _measure(
    client: httpx.Client, method: str, path: str, requests: list[tuple[str, dict]]
) -> Timings:
    for _, warm in requests[:10]:
        _send(client, method, path, warm)
    timings = []
    for label, request in requests:
        began = time.perf_counter()
        _send(client, method, path, request)
        timings.append((label, (time.perf_counter() - began) * 1000))
    return timings


def _send(client: httpx.Client, method: str, path: str, request: dict) -> None:
    if method == "GET":
        response = client.get(path, params=request, timeout=30)
    else:
        response = client.post(path, json=request, timeout=30)
    response.raise_for_status()


def _ingestion_rates(url: str, sample: int) -> tuple[float, float]:
    """Documents per second, quote extraction included: through the ingest service one by one
    in this process, and through `attest ingest` (worker processes, batched commits) as a
    batch job, its start-up included."""
    service = _service_rate(url, _payloads(sample))
    with tempfile.TemporaryDirectory() as folder:
        batch = Path(folder) / "articles.jsonl"
        batch.write_text(
            "".join(payload.model_dump_json() + "\n" for payload in _payloads(sample * 4))
        )
        environment = os.environ | {"DATABASE_URL": _sqlalchemy(url)}
        began = time.perf_counter()
        subprocess.run(
            [str(Path(sys.executable).with_name("attest")), "ingest", str(batch)],
            cwd=REPO,
            env=environment,
            check=True,
            capture_output=True,
        )
        cli = sample * 4 / (time.perf_counter() - began)
    return service, cli


def _payloads(count: int) -> list[DocumentIn]:
    """Fresh synthetic articles (a run-unique sentence keeps them from being duplicates)."""
    writer = ArticleWriter(people(2_500), seed=time.time_ns())
    payloads = []
    for number in range(count):
        article = writer.article(10_000_000 + number)
        payloads.append(
            DocumentIn(
                title=article.title,
                text=article.text + f" Bench run {time.time_ns()}.",
                publisher=article.publisher,
                published_at=article.published_at,
            )
        )
    return payloads


def _service_rate(url: str, payloads: list[DocumentIn]) -> float:
    from app.db.engine import get_sessionmaker
    from app.services import documents

    began = time.perf_counter()
    with get_sessionmaker()() as session:
        for payload in payloads:
            documents.ingest(session, payload, "bench")
    return len(payloads) / (time.perf_counter() - began)


def _percentiles(timings: list[float]) -> str:
    cuts = statistics.quantiles(timings, n=100)
    return f"p50 {cuts[49]:6.1f} ms   p95 {cuts[94]:6.1f} ms   p99 {cuts[98]:6.1f} ms"


def _latency(name: str, timings: Timings, goal_ms: float) -> None:
    """The endpoint's percentiles against its p95 goal, then each kind of request's median
    and worst, slowest first."""
    all_ms = [ms for _, ms in timings]
    p95 = statistics.quantiles(all_ms, n=100)[94]
    verdict = "met" if p95 < goal_ms else "MISSED"
    print(
        f"{name:7} ({len(all_ms)} requests): {_percentiles(all_ms)}"
        f"   goal p95 < {goal_ms:.0f} ms: {verdict}"
    )
    by_label: dict[str, list[float]] = {}
    for label, ms in timings:
        by_label.setdefault(label, []).append(ms)
    rows = sorted(by_label.items(), key=lambda item: -statistics.median(item[1]))
    for label, values in rows:
        print(
            f"    {statistics.median(values):6.1f} ms median {max(values):6.1f} ms worst  {label}"
        )


def _report(
    url: str, search_ms: Timings, verify_ms: Timings, rates: tuple[float, float] | None
) -> None:
    with psycopg.connect(_plain(url)) as conn:
        documents, passages, quotes, size = conn.execute(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM passages), "
            "(SELECT count(*) FROM quotes), pg_size_pretty(pg_database_size(current_database()))"
        ).fetchone()
    print(f"archive: {documents:,} documents, {passages:,} passages, {quotes:,} quotes, {size}")
    if search_ms:
        _latency("search", search_ms, SEARCH_GOAL_MS)
    if verify_ms:
        _latency("verify", verify_ms, VERIFY_GOAL_MS)
    if rates is not None:
        for rate, how in zip(rates, INGESTION_WAYS, strict=True):
            verdict = "met" if rate >= INGESTION_GOAL else "MISSED"
            print(
                f"ingestion: {rate:4.0f} documents/s ({how})"
                f"   goal >= {INGESTION_GOAL} documents/s: {verdict}"
            )


if __name__ == "__main__":
    main()
