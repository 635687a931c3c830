"""Read the PolNeAR corpus (political news with every attribution's source, cue and content
marked) straight from a fetched git directory or a checkout, without copying it anywhere.

The corpus carries no licence, so nothing of it is kept in this repository: the benches take its
location from `--polnear` or the `ATTEST_POLNEAR` environment variable. Only the train and dev
splits are read; the test split is reserved for blind evaluation and this module refuses it.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

SPLITS = ("train", "dev")
QUOTE_MARKS = '“”"„«»'


@dataclass(frozen=True, slots=True)
class Attribution:
    source: tuple[tuple[int, int], ...]  # empty when the annotator marked no source
    cue: tuple[tuple[int, int], ...]
    content: tuple[tuple[int, int], ...]  # several spans for a quote split by its cue


@dataclass(frozen=True, slots=True)
class Article:
    split: str
    name: str  # file stem, e.g. "nyt_2016-10-02_a-curious-plan-to-fight-climate-"
    text: str
    attributions: tuple[Attribution, ...]

    @property
    def key(self) -> str:
        return f"{self.split}/{self.name}"

    def content_text(self, attribution: Attribution) -> str:
        return " ".join(self.text[s:e] for s, e in attribution.content)

    def is_quoted(self, attribution: Attribution) -> bool:
        """Whether the attributed content holds quotation marks (a direct or partial quote)."""
        return any(mark in self.content_text(attribution) for mark in QUOTE_MARKS)


def location(given: Path | None) -> Path | None:
    """The corpus folder from the option, else from ATTEST_POLNEAR; None when neither is set."""
    if given is not None:
        return given
    value = os.environ.get("ATTEST_POLNEAR")
    return Path(value) if value else None


class Corpus:
    """PolNeAR read from a checkout (a folder holding data/) or from a bare git directory."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._checkout = (path / "data" / "metadata.tsv").is_file()
        if not self._checkout and not (path / "HEAD").is_file():
            raise ValueError(f"{path} is neither a PolNeAR checkout nor its git directory")

    def articles(self, split: str) -> list[Article]:
        """Every article of a split, each with the attributions of its listed annotator."""
        if split not in SPLITS:
            raise ValueError(f"split {split!r} is not readable here (only {', '.join(SPLITS)})")
        annotators = self._annotators(split)
        files = self._read_many(
            [f"data/{split}/text/{name}.txt" for name in annotators]
            + [f"data/{split}/attributions/{name}_{who}.ann" for name, who in annotators.items()]
        )
        return [
            Article(
                split,
                name,
                files[f"data/{split}/text/{name}.txt"],
                parse_attributions(files[f"data/{split}/attributions/{name}_{who}.ann"]),
            )
            for name, who in sorted(annotators.items())
        ]

    def _annotators(self, split: str) -> dict[str, str]:
        """Article name -> the annotator whose labels count (the first one metadata lists)."""
        rows = csv.DictReader(io.StringIO(self._read("data/metadata.tsv")), delimiter="\t")
        return {
            row["filename"]: row["annotators"].split("|")[0]
            for row in rows
            if row["compartment"] == split
        }

    def _read(self, relative: str) -> str:
        return self._read_many([relative])[relative]

    def _read_many(self, relatives: list[str]) -> dict[str, str]:
        if self._checkout:
            return {r: (self.path / r).read_bytes().decode("utf-8") for r in relatives}
        return _git_blobs(self.path, relatives)


def _git_blobs(git_dir: Path, relatives: list[str]) -> dict[str, str]:
    """Files at HEAD of a bare repository, read in one `git cat-file --batch`."""
    request = "".join(f"HEAD:{r}\n" for r in relatives).encode()
    output = subprocess.run(
        ["git", f"--git-dir={git_dir}", "cat-file", "--batch"],
        input=request,
        capture_output=True,
        check=True,
    ).stdout
    blobs, position = {}, 0
    for relative in relatives:
        header_end = output.index(b"\n", position)
        header = output[position:header_end].split()
        if header[-1] == b"missing":
            raise ValueError(f"{relative} is not in {git_dir}")
        size = int(header[2])
        blobs[relative] = output[header_end + 1 : header_end + 1 + size].decode("utf-8")
        position = header_end + 1 + size + 1
    return blobs


def parse_attributions(ann: str) -> tuple[Attribution, ...]:
    """brat standoff: T lines are labelled spans (';' joins pieces), E lines tie them together."""
    spans: dict[str, tuple[tuple[int, int], ...]] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            _, _, offsets = fields[1].partition(" ")
            spans[fields[0]] = tuple(
                (int(a), int(b)) for a, b in (p.split() for p in offsets.split(";"))
            )
        elif line.startswith("E") and len(fields) >= 2:
            events.append(dict(arg.split(":", 1) for arg in fields[1].split()))
    return tuple(
        Attribution(
            spans.get(event.get("Source", ""), ()),
            spans.get(event.get("Cue", ""), ()),
            tuple(sorted(spans[event["Content"]])),
        )
        for event in events
        if event.get("Content") in spans
    )
