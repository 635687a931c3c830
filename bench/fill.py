"""Loading the synthetic archive into PostgreSQL with COPY, in parallel with its generation."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

import psycopg

from app.extract.names import normalise_alias
from app.extract.passages import split_passages
from bench.synthetic import ArticleWriter, Person, people

CHUNK = 2_000
SPEAKER_COUNT = 2_500
# GIN indexes are built much faster in one go after the load than row by row during it.
BULK_BUILT_INDEXES = ("ix_passages_search", "ix_quotes_search")
DOCUMENT_COLUMNS = "id, title, text, content_sha256, publisher, published_at, kind"
PASSAGE_COLUMNS = 'document_id, kind, ordinal, paragraph, start, "end", text'
QUOTE_COLUMNS = (
    "document_id, speaker_id, speaker_name, mention_text, mention_start, mention_end, "
    'kind, start, "end", text, segments, cue, confidence, method'
)


@dataclass(frozen=True)
class Chunk:
    documents: bytes
    passages: bytes
    quotes: bytes
    passage_count: int


def _escape(value: object) -> str:
    if value is None:
        return r"\N"
    text = str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _line(values: tuple[object, ...]) -> str:
    return "\t".join(_escape(v) for v in values) + "\n"


def _chunk(first_id: int, count: int, seed: int) -> Chunk:
    """COPY text for `count` articles with ids from first_id (runs in a worker process)."""
    cast = people(SPEAKER_COUNT)
    writer = ArticleWriter(cast, seed)
    documents, passages, quotes, passage_count = [], [], [], 0
    for document_id in range(first_id, first_id + count):
        article = writer.article(document_id)
        text = article.text
        documents.append(
            _line(
                (
                    document_id,
                    article.title,
                    text,
                    article.sha256,
                    article.publisher,
                    article.published_at.isoformat(),
                    "article",
                )
            )
        )
        for p in split_passages(text):
            passages.append(
                _line(
                    (
                        document_id,
                        p.kind,
                        p.ordinal,
                        p.paragraph,
                        p.start,
                        p.end,
                        text[p.start : p.end],
                    )
                )
            )
            passage_count += 1
        for q in article.quotes:
            person = cast[q.speaker]
            quotes.append(
                _line(
                    (
                        document_id,
                        q.speaker + 1,
                        person.name,
                        text[q.mention_start : q.mention_end],
                        q.mention_start,
                        q.mention_end,
                        "direct",
                        q.start,
                        q.end,
                        text[q.start : q.end],
                        json.dumps([{"start": q.start, "end": q.end}]),
                        q.cue,
                        0.9,
                        "synthetic",
                    )
                )
            )
    return Chunk(
        "".join(documents).encode(),
        "".join(passages).encode(),
        "".join(quotes).encode(),
        passage_count,
    )


def _chunks(total: int, workers: int) -> Iterator[Chunk]:
    starts = range(1, total + 1, CHUNK)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(_chunk, s, min(CHUNK, total + 1 - s), s) for s in starts]
        for future in futures:
            yield future.result()


def _load_speakers(conn: psycopg.Connection, cast: list[Person]) -> None:
    with conn.cursor().copy(
        "COPY speakers (id, name, kind, description, affiliation) FROM STDIN"
    ) as copy:
        for index, person in enumerate(cast, start=1):
            copy.write_row((index, person.name, "person", person.role, person.org))
    with conn.cursor().copy(
        "COPY speaker_aliases (speaker_id, alias, normalised) FROM STDIN"
    ) as copy:
        for index, person in enumerate(cast, start=1):
            for alias in {person.name, person.honorific}:
                copy.write_row((index, alias, normalise_alias(alias)))


def _copy(conn: psycopg.Connection, table: str, columns: str, data: bytes) -> None:
    with conn.cursor().copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        copy.write(data)


def _index_definitions(conn: psycopg.Connection) -> list[str]:
    """The migrations' own CREATE INDEX statements (storage options included), to rebuild."""
    rows = conn.execute(
        "SELECT indexname, indexdef FROM pg_indexes WHERE indexname = ANY(%s)",
        (list(BULK_BUILT_INDEXES),),
    ).fetchall()
    missing = set(BULK_BUILT_INDEXES) - {name for name, _ in rows}
    if missing:
        raise SystemExit(
            f"Index {', '.join(sorted(missing))} is missing (an earlier fill stopped while "
            "loading?): drop the attest_scale database and run the bench again."
        )
    return [definition for _, definition in rows]


def fill(url: str, documents: int, workers: int = 2) -> dict[str, float]:
    """Empty the archive tables and load `documents` synthetic articles; returns timings."""
    began = time.perf_counter()
    passages = 0
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(
            "TRUNCATE evidence, claims, quotes, passages, speaker_aliases, speakers, documents "
            "RESTART IDENTITY CASCADE"
        )
        definitions = _index_definitions(conn)
        for name in BULK_BUILT_INDEXES:
            conn.execute(f"DROP INDEX {name}")
        _load_speakers(conn, people(SPEAKER_COUNT))
        for number, chunk in enumerate(_chunks(documents, workers), start=1):
            with conn.transaction():
                _copy(conn, "documents", DOCUMENT_COLUMNS, chunk.documents)
                _copy(conn, "passages", PASSAGE_COLUMNS, chunk.passages)
                _copy(conn, "quotes", QUOTE_COLUMNS, chunk.quotes)
            passages += chunk.passage_count
            if number % 10 == 0:
                print(f"  loaded {number * CHUNK:,} documents, {passages:,} passages", flush=True)
        loaded = time.perf_counter()
        conn.execute("SET maintenance_work_mem = '1GB'")
        for definition in definitions:
            conn.execute(definition)
        for table in ("documents", "passages", "quotes", "speakers", "speaker_aliases"):
            conn.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT coalesce(max(id), 0) + 1 FROM {table}), false)"
            )
        conn.execute("VACUUM ANALYZE")
    done = time.perf_counter()
    return {"load_s": loaded - began, "index_s": done - loaded, "passages": passages}
