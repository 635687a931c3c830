"""The one place a client's web search text (`q`) becomes a tsquery: `tsquery(q)`.

PostgreSQL's `websearch_to_tsquery` reads each `-` that starts an operand as NOT, and NOT is
right-associative: a run of k of them waits on the parser's operator stack, 32 entries deep,
until the operand arrives. 33 `-` in a row, or `- ` repeated, fail the whole statement with
"tsquery stack too small" (SQLSTATE XX000). NOT NOT x is x, so `websearch_text` shortens every
such run to one or two NOTs of the same parity, which leaves the meaning unchanged; what the
parser would have done with fewer than three is left exactly as it was.

To find those runs this follows PostgreSQL's web search tokenizer (`gettoken_query_websearch`
and `gettoken_tsvector` in src/backend/utils/adt/tsquery.c and tsvector_parser.c, PostgreSQL
11-17). Outside quotes, a `-` is a NOT where an operand may start: at the beginning, after
white space, after one of the operator characters `!&|()<` (skipped there), after a `"`, or
after another such `-`; inside a word it is part of the word. Inside a quoted phrase every `-`
is skipped and the phrase has its own operator stack. Quotes pair from left to right; a last
unpaired one is skipped. Whether a character that is not ASCII is white space depends on the
database's locale (U+3000 is in most UTF-8 locales, not in C): such characters are taken as
part of a word, so no `-` after one is dropped, and a run of `-` that could still reach the
stack's depth if some of them were white space is refused as a 422 rather than risked.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from sqlalchemy import func

from app.services.errors import Unprocessable

CONFIG = "english"
ASCII_SPACE = " \t\n\v\f\r"
OPERATOR_CHARACTERS = "!&|()<"
# PostgreSQL's operator stack holds 32; an OR and an AND may sit below a run of NOTs.
LONGEST_NOT_RUN = 29


def tsquery(q: str) -> Any:
    """The tsquery of web search text, as a SQL expression."""
    return func.websearch_to_tsquery(CONFIG, websearch_text(q))


def websearch_text(q: str) -> str:
    """q with the same meaning for `websearch_to_tsquery`, its runs of NOT shortened to one or
    two; Unprocessable if a run of `-` might still overflow the parser."""
    dropped = _surplus_nots(q)
    if dropped:
        q = "".join(c for i, c in enumerate(q) if i not in dropped)
    if _longest_uncertain_run(q) > LONGEST_NOT_RUN:
        raise Unprocessable(
            f"The search text has more than {LONGEST_NOT_RUN} '-' (NOT) in a row.", field="q"
        )
    return q


def _paired_quotes(q: str) -> set[int]:
    """Positions of the quotes that open or close a phrase: all but a last unpaired one."""
    quotes = [i for i, c in enumerate(q) if c == '"']
    return set(quotes[: len(quotes) - len(quotes) % 2])


def _surplus_nots(q: str) -> set[int]:
    """Positions of the NOT dashes to drop: all but the last one or two of each run."""
    paired = _paired_quotes(q)
    dropped: set[int] = set()
    run: list[int] = []
    in_quotes = False
    operand_may_start = True

    def end_run() -> None:
        if len(run) > 2:
            dropped.update(run[: len(run) - (2 if len(run) % 2 == 0 else 1)])
        run.clear()

    for i, c in enumerate(q):
        if c == '"':
            end_run()  # a phrase is an operand; an unpaired quote splits the run (same parity)
            if i in paired:
                in_quotes = not in_quotes
            operand_may_start = True
        elif in_quotes:
            continue
        elif c == "-" and operand_may_start:
            run.append(i)
        elif c in ASCII_SPACE or c in OPERATOR_CHARACTERS:
            operand_may_start = True
        else:
            end_run()
            operand_may_start = False
    end_run()
    return dropped


def _longest_uncertain_run(q: str) -> int:
    """The most `-` outside quotes in one run if every character that is not ASCII and that
    some locale might take for white space continued the run, as would an unpaired quote:
    never fewer than PostgreSQL's parser will meet."""
    paired = _paired_quotes(q)
    longest = count = 0
    in_quotes = False
    operand_may_start = True
    for i, c in enumerate(q):
        if i in paired:
            in_quotes = not in_quotes
            count, operand_may_start = 0, True
        elif in_quotes:
            continue
        elif c == "-" and operand_may_start:
            count += 1
            longest = max(longest, count)
        elif c in ASCII_SPACE or c in OPERATOR_CHARACTERS or c == '"' or _maybe_space(c):
            operand_may_start = True
        else:
            count, operand_may_start = 0, False
    return longest


def _maybe_space(c: str) -> bool:
    """Not ASCII, and white space, a separator, a control or a format character in Unicode."""
    return c > "\x7f" and (c.isspace() or unicodedata.category(c) in ("Cc", "Cf", "Zs", "Zl", "Zp"))
