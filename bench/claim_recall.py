"""Recall@k of claim suggestions on the seed documents' gold claims.

Ingests the seed texts into a fresh database on the server in DATABASE_URL (dropped after),
creates each gold claim, asks for its top-k suggestions, and counts a gold evidence passage
as found when a suggestion in the same document overlaps it. Prints recall per claim and
overall (micro: over all gold passages; macro: mean of per-claim recall).

    DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/test python bench/claim_recall.py
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import uuid
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from sqlalchemy import text as sql  # noqa: E402

from tests.conftest import create_database, drop_database  # noqa: E402

GOLD = Path("/work/shared/corpus/gold/seeds.json")
SEEDS = GOLD.parent.parent / "seeds"  # the seed texts, beside their gold, outside the repo
TIMINGS: list[float] = []
PUBLISHED = {"ft-nato-middle-east.txt": "2020-01-09T12:00:00Z"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("-k", type=int, default=5)
    parser.add_argument(
        "--distractors",
        type=Path,
        nargs="*",
        default=[],
        help="Folders of other .txt news texts to store too, as competing sentences.",
    )
    args = parser.parse_args()
    server = os.environ.get("DATABASE_URL")
    if not server:
        sys.exit("Set DATABASE_URL to a PostgreSQL server this script may create a database on.")
    url = create_database(server, f"attest_bench_{uuid.uuid4().hex[:10]}")
    try:
        run(url, json.loads(args.gold.read_text(encoding="utf-8")), args.k, args.distractors)
    finally:
        from app.db.engine import get_engine

        get_engine().dispose()
        drop_database(url)


def run(url: str, gold: dict, k: int, distractors: list[Path]) -> None:
    os.environ["DATABASE_URL"] = url
    from app.db import migrate
    from app.db.engine import get_sessionmaker

    migrate.upgrade(url)
    with get_sessionmaker()() as session:
        documents = {entry["document"]: ingest(session, entry) for entry in gold["documents"]}
        others = sum(
            store_distractor(session, path) for f in distractors for path in f.glob("*.txt")
        )
        sentences = session.scalar(sql("SELECT count(*) FROM passages WHERE kind = 'sentence'"))
        session.rollback()
        print(f"{len(documents) + others} documents, {sentences} sentences")
        claims = gold_claims(gold, documents)
        found_total = wanted_total = 0
        per_claim = []
        for claim_id, (text, spans) in claims.items():
            found = recall(session, text, spans, k)
            found_total, wanted_total = found_total + found, wanted_total + len(spans)
            per_claim.append(found / len(spans))
            print(f"{claim_id:28} {found}/{len(spans)}  recall@{k} = {found / len(spans):.2f}")
    print(
        f"{'overall (micro)':28} {found_total}/{wanted_total}  recall@{k} = "
        f"{found_total / wanted_total:.2f}"
    )
    print(f"{'overall (macro)':28} {'':5}recall@{k} = {sum(per_claim) / len(per_claim):.2f}")
    print(f"suggestions took {1000 * sum(TIMINGS) / len(TIMINGS):.1f} ms per claim on average")


def ingest(session, entry: dict) -> tuple[int, str]:
    from app.schemas.documents import DocumentIn
    from app.services import documents

    name = Path(entry["document"]).name
    meta = entry["meta"]
    published = meta.get("published_at") or PUBLISHED.get(name)
    payload = DocumentIn(
        title=meta["title"],
        text=(SEEDS / name).read_text(encoding="utf-8"),
        publisher=meta.get("publisher"),
        kind=meta.get("kind", "article"),
        published_at=datetime.fromisoformat(published.replace("Z", "+00:00"))
        if published
        else None,
    )
    stored = documents.ingest(session, payload, "bench").document
    return stored.id, stored.text


def store_distractor(session, path: Path) -> int:
    from app.schemas.documents import DocumentIn
    from app.services import documents

    title = path.stem.replace("-", " ")
    payload = DocumentIn(title=title, text=path.read_text(encoding="utf-8"))
    return int(documents.ingest(session, payload, "bench").created)


def gold_claims(gold: dict, documents: dict) -> dict[str, tuple[str, list[tuple[int, int, int]]]]:
    """Each gold claim's text and the (document, start, end) of every gold passage for it."""
    claims: dict[str, tuple[str, list[tuple[int, int, int]]]] = {}
    for entry in gold["documents"]:
        document_id, text = documents[entry["document"]]
        for claim in entry.get("claims", []):
            _, spans = claims.setdefault(claim["id"], (claim["text"], []))
            for words in claim["evidence"]:
                start = text.index(words)
                spans.append((document_id, start, start + len(words)))
    return claims


def recall(session, text: str, spans: list[tuple[int, int, int]], k: int) -> int:
    from app.services import claims, suggestions

    claim = claims.create_claim(
        session, text=text, kind=None, tags=[], notes=None, origin=None, actor="bench"
    )
    began = time.perf_counter()
    found = suggestions.suggest(session, claim.id, k)
    TIMINGS.append(time.perf_counter() - began)
    top = [(s.document.id, s.start, s.end) for s in found]
    session.rollback()  # end the read transaction; the next claim's write opens its own
    return sum(
        any(d == doc and s < end and start < e for doc, s, e in top) for d, start, end in spans
    )


if __name__ == "__main__":
    main()
