"""Each vocabulary is spelled once (app/vocabulary.py): the CHECK constraints the migrations made
allow exactly its values, and the quote engine's own spellings agree with it."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import get_args

import pytest
from sqlalchemy import create_engine, text

from app import vocabulary as vocabulary_module
from app.models import Base
from app.models.base import Vocabulary
from app.vocabulary import PassageKind, Verdict

# A CHECK constraint over a list of values, as PostgreSQL renders it:
# CHECK (((kind)::text = ANY ((ARRAY['person'::character varying, ...])::text[])))
IN_LIST = re.compile(r"= ANY \(\(?ARRAY\[(.*)\]")
VALUE = re.compile(r"'((?:[^']|'')*)'::")


def _vocabulary_columns() -> dict[str, type[StrEnum]]:
    """`ck_<table>_<column>` -> the vocabulary of every column typed with one."""
    return {
        f"ck_{table.name}_{column.name}": column.type.enum
        for table in Base.metadata.sorted_tables
        for column in table.columns
        if isinstance(column.type, Vocabulary)
    }


def _database_value_lists(database_url: str) -> dict[str, set[str]]:
    """Every CHECK constraint of the migrated database that lists values, with its values."""
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                text(
                    "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                    "WHERE contype = 'c' AND connamespace = current_schema()::regnamespace"
                )
            ).all()
    finally:
        engine.dispose()
    lists = {}
    for name, definition in rows:
        found = IN_LIST.search(definition)
        if found:
            lists[name] = {v.replace("''", "'") for v in VALUE.findall(found.group(1))}
    return lists


def test_the_database_checks_allow_exactly_each_vocabulary(database_url: str) -> None:
    in_database = _database_value_lists(database_url)
    in_code = _vocabulary_columns()
    assert in_code, "no column is typed with a vocabulary"
    assert set(in_database) == set(in_code), "a value list without a vocabulary, or the reverse"
    for name, vocabulary in in_code.items():
        assert in_database[name] == {member.value for member in vocabulary}, name


VOCABULARIES = [
    value
    for value in vars(vocabulary_module).values()
    if isinstance(value, type) and issubclass(value, StrEnum) and value is not StrEnum
]


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda v: v.__name__)
def test_members_are_named_as_their_values(vocabulary: type[StrEnum]) -> None:
    """Whether a library writes an enum by name or by value, it writes the same word."""
    assert all(member.name == member.value for member in vocabulary)


def test_the_quote_engine_spells_its_vocabularies_as_the_model_does() -> None:
    from app.extract import alignment, passages

    assert set(get_args(passages.PassageKind)) == set(PassageKind)
    assert set(get_args(alignment.Verdict)) == set(Verdict) - {
        Verdict.not_found,
        Verdict.misattributed,
    }
