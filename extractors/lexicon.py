"""The vocabulary every rule recognises, as data: one TSV file a list in `extractors/data/`.

Each file has a header row, one entry a line, and a `source` column saying where the entry
comes from (SPEC.md, a law, a public list), so a reviewer can tell a rule from a fit.
Lines starting with `#` are comments. Extractors build their patterns from these lists at
import; nothing else in the code spells vocabulary out.

`VNKB_LEXICON=DIR` adds the rows of DIR's files of the same names to the shipped ones: a
linguist tries an entry without touching the package (a new process picks it up).
"""
from __future__ import annotations

import csv
import os
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def _read(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items() if k is not None}
            for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


@lru_cache(maxsize=None)
def rows(name: str) -> tuple[dict[str, str], ...]:
    """Every entry of `data/<name>.tsv`, then those of the overlay folder, in file order."""
    found = _read(DATA / f"{name}.tsv")
    overlay = os.environ.get("VNKB_LEXICON")
    if overlay and (Path(overlay) / f"{name}.tsv").is_file():
        found += _read(Path(overlay) / f"{name}.tsv")
    return tuple(found)


def column(name: str, field: str, **where: str) -> tuple[str, ...]:
    """One field of every entry (those whose fields equal `where`), without repeats, in order."""
    values = (r[field] for r in rows(name) if r.get(field) and all(r.get(k) == v for k, v in where.items()))
    return tuple(dict.fromkeys(values))


def mapping(name: str, key: str, value: str) -> dict[str, str]:
    """`key` -> `value` over the entries; a later entry (an overlay's) wins."""
    return {r[key]: r[value] for r in rows(name) if r.get(key)}
