"""A batch over files: each document processed in isolation, results cached per document,
and the knowledge base assembled from the cache in a stable order.

The cache (`OUT/.cache/`) is what makes a batch survive anything: each finished document is
renamed into it whole, so a run that is killed keeps what it finished, and a rerun skips
documents whose doc_id and extractor versions are already there.
"""
from __future__ import annotations

import hashlib
import json
import os
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .document import doc_id_for
from .kb import KBWriter
from .process import process_file, versions
from .readers import ReadError


@dataclass
class Summary:
    documents: int = 0
    reused: int = 0
    errors: int = 0
    records: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def discover(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and every non-hidden file below folders named, in a stable order."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(Path(root) / f for f in sorted(files) if not f.startswith("."))
        else:
            found.append(path)
    seen, unique = set(), []
    for p in found:
        if p not in seen:
            seen.add(p)
            unique.append(p)
    return unique


def _work(task: tuple[str, list[str] | None]) -> tuple[str, dict | None, str | None]:
    """Runs in a worker: never raises, so one document cannot take down the batch."""
    source, only = task
    try:
        return source, process_file(source, source, only), None
    except ReadError as exc:
        return source, None, str(exc)
    except MemoryError:
        return source, None, "out of memory while extracting"
    except RecursionError:
        return source, None, "document nests too deeply to extract"
    except Exception as exc:  # an extractor bug must cost one document, not the batch
        return source, None, f"internal error: {type(exc).__name__}: {exc}"[:300]


def code_fingerprint() -> str:
    """A hash of the pipeline's own source: a cached result is reused only by the same code,
    so an extractor changed without a VERSION bump still redoes its documents."""
    digest = hashlib.sha1()
    for package in ("pipeline", "extractors"):
        root = Path(__file__).resolve().parent.parent / package
        for path in sorted(root.rglob("*")):
            if path.suffix in (".py", ".txt", ".json") and "__pycache__" not in path.parts:
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _cache_key(data_id: str, run: dict[str, str], code: str) -> str:
    stamp = hashlib.sha1((json.dumps(run, sort_keys=True) + code).encode()).hexdigest()[:8]
    return f"{data_id}-{stamp}"


def run(paths: Iterable[str | Path], out_dir: str | Path, *, workers: int | None = None,
        only: list[str] | None = None, force: bool = False,
        progress: Callable[[int], None] | None = None) -> Summary:
    started = time.perf_counter()
    out = Path(out_dir)
    cache = out / ".cache"
    cache.mkdir(parents=True, exist_ok=True)
    files = discover(paths)
    run_versions = versions(only)
    code = code_fingerprint()
    keys: dict[str, str | None] = {}
    todo: list[str] = []
    early_errors: dict[str, str] = {}
    for path in files:
        source = str(path)
        try:
            with open(path, "rb") as fh:
                digest = doc_id_for(fh.read())
        except OSError as exc:
            keys[source] = None
            early_errors[source] = f"cannot open: {exc.strerror or exc}"
            continue
        keys[source] = key = _cache_key(digest + hashlib.sha1(source.encode()).hexdigest()[:8], run_versions, code)
        if force or not (cache / f"{key}.json").exists():
            todo.append(source)
        elif progress:
            progress(1)
    summary = Summary(reused=len(files) - len(todo) - len(early_errors))
    errors: dict[str, str] = dict(early_errors)
    for source, result, error in _execute(todo, only, workers):
        if error is not None:
            errors[source] = error
        else:
            _store(cache / f"{keys[source]}.json", result)
        if progress:
            progress(1)
    writer = KBWriter(out)
    for path in files:
        source = str(path)
        if source in errors:
            writer.error(source, errors[source])
            continue
        with open(cache / f"{keys[source]}.json", encoding="utf-8") as fh:
            writer.add(json.load(fh))
        summary.documents += 1
    writer.close()
    summary.errors = len(errors)
    summary.records = {k: v for k, v in writer.counts.items() if k not in ("documents", "errors")}
    summary.seconds = time.perf_counter() - started
    return summary


def _store(path: Path, result: dict) -> None:
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(result, fh, ensure_ascii=False)
    os.replace(tmp, path)


def _execute(sources: list[str], only: list[str] | None, workers: int | None
             ) -> Iterator[tuple[str, dict | None, str | None]]:
    workers = workers or os.cpu_count() or 1
    if workers <= 1 or len(sources) <= 2:
        for source in sources:
            yield _work((source, only))
        return
    pending = list(sources)
    while pending:
        done: set[str] = set()
        try:
            with ProcessPoolExecutor(max_workers=min(workers, len(pending))) as pool:
                for item in pool.map(_work, [(s, only) for s in pending], chunksize=4):
                    done.add(item[0])
                    yield item
            pending = []
        except BrokenProcessPool:
            # a worker died (killed, out of memory): the first unfinished document is blamed
            # and the rest go round again in a fresh pool
            rest = [s for s in pending if s not in done]
            yield rest[0], None, "the worker processing this file crashed"
            pending = rest[1:]
