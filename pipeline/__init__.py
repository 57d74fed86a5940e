"""vnkb: a knowledge base from Vietnamese party and state documents.

The Python API, small and stable:

    >>> from pipeline import extract
    >>> record = extract("Thực hiện Chỉ thị số 05-CT/TU ngày 10/3/2021 của Ban Thường vụ Tỉnh ủy.")
    >>> [(c["ref_id"], c["date"], c["issuer"]) for c in record["citations"]]
    [('05-CT/TU', '2021-03-10', 'Ban Thường vụ Tỉnh ủy')]
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

__all__ = ["extract", "extract_many", "load_kb", "KB"]


def extract(path_or_text: str | Path | None = None, *, text: str | None = None, path: str | Path | None = None,
            only: list[str] | None = None) -> dict:
    """One document in the documents.jsonl shape: `path=` a file, or `text=` the text itself.

    Given one positional argument, a `Path` is a file, and a string is a file only when it
    names an existing file with a known extension; anything else is text.
    `only` names the extractors to run (default: all); the other record lists stay empty.

    >>> record = extract(text="Phấn đấu đến năm 2030, tỷ lệ tiêm chủng đầy đủ đạt trên 95%.", only=["measures"])
    >>> m = record["measures"][0]
    >>> (m["kind"], m["comparator"], m["value"], m["unit"], m["year"])
    ('target', '>', 95, '%', 2030)
    """
    from schemas.document import doc_id_for
    from .process import extract_document, process_file
    from .readers import SUPPORTED
    from .readers.txt import document_from_lines

    if sum(x is not None for x in (path_or_text, text, path)) != 1:
        raise TypeError("extract() takes one document: a path or a text (path=… or text=…)")
    if path_or_text is not None:
        guess = str(path_or_text)
        is_file = isinstance(path_or_text, Path) or (
            len(guess) < 4096 and "\n" not in guess and Path(guess).suffix.lower() in SUPPORTED
            and Path(guess).is_file())
        path, text = (path_or_text, None) if is_file else (None, guess)
    if path is not None:
        return process_file(path, str(path), only)
    doc = document_from_lines(text, doc_id=doc_id_for(text.encode("utf-8")), source="<text>", format="txt")
    return extract_document(doc, only)


def extract_many(paths: Iterable[str | Path], *, workers: int | None = None,
                 only: list[str] | None = None) -> Iterator[dict]:
    """Every document under `paths` (files and folders), in parallel, in a stable order:
    each is yielded as soon as it and all before it are done, so memory holds only the
    documents finished ahead of a slow one.

    A file that cannot be read is yielded as {"source": …, "error": reason}.

    >>> for record in extract_many(["samples/003_3f343ab2b2aa6982.txt"], workers=1):
    ...     print(record["document"]["kind"], len(record["measures"]) > 0)
    news True
    """
    from .runner import Job, _execute, scan

    found = scan(paths)
    sources = sorted(source for source, _, _ in found.files)
    done: dict[str, dict] = {}
    results = _execute(sources, Job(tuple(only) if only else None), workers)
    try:
        for following in sorted(set(sources) | set(found.refused)):
            if following in found.refused:
                yield {"source": following, "error": found.refused[following]}
                continue
            while following not in done:
                source, _, result, error = next(results)
                done[source] = result if error is None else {"source": source, "error": error}
            yield done.pop(following)
    finally:
        results.close()


class KB:
    """A knowledge base as pandas DataFrames, one per record type, joined by doc_id."""

    TABLES = ("documents", "citations", "measures", "statistics", "tables", "table_cells", "footnotes",
              "entities", "tasks", "cited_instruments", "citation_conflicts", "citation_edges", "errors")

    def __init__(self, frames: dict):
        self._frames = frames
        for name, frame in frames.items():
            setattr(self, name, frame)

    def __repr__(self) -> str:
        sizes = ", ".join(f"{name}={len(frame)}" for name, frame in self._frames.items())
        return f"KB({sizes})"


def load_kb(kb_dir: str | Path) -> KB:
    """The base `vnkb extract` wrote to `kb_dir`, read from kb.sqlite: dates complete to the
    day also parsed (`date_value`), numbers as floats, years as nullable integers.

    >>> import tempfile
    >>> from pipeline.runner import run
    >>> folder = tempfile.mkdtemp()
    >>> _ = run(["samples/001_94b78c62f7a5b96a.txt"], folder, workers=1)
    >>> kb = load_kb(folder)
    >>> kb.citations.loc[kb.citations.ref_id == "34-CT/TW", ["date", "issuer"]].values.tolist()
    [['2014-04-07', 'Bộ Chính trị']]
    >>> kb.measures.value.dtype.kind, kb.citations.date_value.dtype.kind  # float, datetime
    ('f', 'M')
    """
    import sqlite3

    import pandas as pd

    db = Path(kb_dir) / "kb.sqlite"
    if not db.exists():
        raise FileNotFoundError(f"{db}: no knowledge base here; run 'vnkb extract PATH -o {kb_dir}' first")
    con = sqlite3.connect(db)
    try:
        present = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        frames = {name: pd.read_sql_query(f'SELECT * FROM "{name}"', con) if name in present else pd.DataFrame()
                  for name in KB.TABLES}
    finally:
        con.close()
    for name, frame in frames.items():
        _types(frame, name)
    return KB(frames)


def _types(frame, table: str) -> None:
    """Each column as its schema declares it: lists and objects parsed back from JSON,
    integers as nullable integers, numbers as floats, dates also parsed (`date_value`)."""
    import json

    import pandas as pd

    from .kb import COLUMNS

    for column, kind in COLUMNS.get(table, ()):
        if column not in frame:
            continue
        if kind in ("array", "object"):
            frame[column] = frame[column].map(lambda v: json.loads(v) if isinstance(v, str) else v)
        elif kind == "integer":
            frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("Int64")
        elif kind == "number" and table != "table_cells":  # a cell's value may be text
            frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("float64")
        elif kind == "boolean":
            frame[column] = frame[column].map(lambda v: None if v is None or v != v else bool(v)).astype("boolean")
    for column in ("date", "deadline"):
        if column in frame:
            complete = frame[column].where(frame[column].astype("string").str.len() == 10)
            frame[f"{column}_value"] = pd.to_datetime(complete, format="%Y-%m-%d", errors="coerce")
