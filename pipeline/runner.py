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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from schemas.document import doc_id_for
from .kb import KBWriter
from .process import code_fingerprint, process_bytes, process_file, versions
from .readers import MAX_BYTES, ReadError


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


@dataclass(frozen=True)
class Job:
    """How each document is processed: which extractors, and the limits that keep one bad
    file from holding up or taking down the batch."""
    only: tuple[str, ...] | None = None
    max_bytes: int = MAX_BYTES
    timeout: float | None = None  # seconds a document may take
    memory_mb: int | None = 4096  # what one worker may allocate


def _work(source: str, job: Job, data: bytes | None = None) -> tuple[str, dict | None, str | None]:
    """Runs in a worker: never raises, so one document cannot take down the batch."""
    only = list(job.only) if job.only else None
    try:
        if data is None:
            return source, process_file(source, source, only, job.max_bytes), None
        return source, process_bytes(data, source, only, job.max_bytes), None
    except ReadError as exc:
        return source, None, str(exc)
    except MemoryError:
        return source, None, f"out of memory (over {job.memory_mb} MB) while extracting"
    except RecursionError:
        return source, None, "document nests too deeply to extract"
    except Exception as exc:  # an extractor bug must cost one document, not the batch
        return source, None, " ".join(f"internal error: {type(exc).__name__}: {exc}".split())[:300]


def _limit_memory(megabytes: int | None) -> None:
    """In a worker: a document that allocates past the budget raises MemoryError there."""
    if not megabytes:
        return
    try:
        import resource

        limit = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))
    except (ImportError, ValueError, OSError):  # not on this platform: the OS is the limit
        pass


def _cache_key(data_id: str, run: dict[str, str], code: str) -> str:
    stamp = hashlib.sha1((json.dumps(run, sort_keys=True) + code).encode()).hexdigest()[:8]
    return f"{data_id}-{stamp}"


def run(paths: Iterable[str | Path], out_dir: str | Path, *, workers: int | None = None,
        only: list[str] | None = None, force: bool = False, timeout: float | None = None,
        max_bytes: int = MAX_BYTES, engine: str = "local", scheduler: str | None = None,
        progress: Callable[[int], None] | None = None) -> Summary:
    """Extract every file under `paths` into the knowledge base in `out_dir`.

    engine "local" uses processes on this machine (`workers`, default all cores); "dask"
    sends the documents to a Dask cluster (`scheduler` "tcp://host:port", or a LocalCluster
    of `workers` processes when None). A document that fails, takes over `timeout` seconds
    or crashes its worker becomes a row of errors.csv."""
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
    job = Job(tuple(only) if only else None, max_bytes, timeout)
    execute = _execute_dask if engine == "dask" else _execute
    for source, result, error in execute(todo, job, workers, scheduler):
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


def _execute(sources: list[str], job: Job, workers: int | None, scheduler: str | None = None
             ) -> Iterator[tuple[str, dict | None, str | None]]:
    """Local processes. With one worker and no timeout, in this process."""
    workers = workers or os.cpu_count() or 1
    if workers <= 1 and job.timeout is None:
        for source in sources:
            yield _work(source, job)
        return
    from concurrent.futures import TimeoutError as Timeout
    from concurrent.futures import as_completed

    from pebble import ProcessExpired, ProcessPool

    with ProcessPool(max_workers=min(workers, max(len(sources), 1)), initializer=_limit_memory,
                     initargs=(job.memory_mb,)) as pool:
        futures = {pool.schedule(_work, args=(source, job), timeout=job.timeout): source for source in sources}
        for future in as_completed(futures):
            source = futures[future]
            try:
                yield future.result()
            except Timeout:
                yield source, None, f"timed out after {job.timeout:g} s (--timeout raises the limit)"
            except ProcessExpired as exc:
                yield source, None, f"the worker processing this file died (exit code {exc.exitcode})"
            except Exception as exc:  # the pool could not run the task at all
                yield source, None, " ".join(f"worker error: {type(exc).__name__}: {exc}".split())[:300]


def _execute_dask(sources: list[str], job: Job, workers: int | None, scheduler: str | None
                  ) -> Iterator[tuple[str, dict | None, str | None]]:
    """A Dask cluster: each document's bytes go to a worker, so workers need no shared disk."""
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers or 2, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        futures = {}
        for source in sources:
            try:
                data = Path(source).read_bytes()
            except OSError as exc:
                yield source, None, f"cannot open: {exc.strerror or exc}"
                continue
            futures[client.submit(_work, source, job, data, pure=False, key=f"vnkb-{len(futures)}")] = source
        for future in as_completed(futures):
            source = futures[future]
            try:
                yield future.result()
            except Exception as exc:  # a worker that died (KilledWorker) or a lost connection
                yield source, None, " ".join(f"cluster error: {type(exc).__name__}: {exc}".split())[:300]
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
