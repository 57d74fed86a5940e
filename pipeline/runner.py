"""A batch over files: each document processed in isolation, results cached per document,
and the knowledge base assembled from the cache in a stable order.

The cache (`OUT/.cache/`) is what makes a batch survive anything: each finished document is
renamed into it whole, so a run that is killed keeps what it finished, and a rerun skips
documents whose bytes and extractor code are already there. `OUT/.cache/base.json` lists
every source the base holds (its cache entry or its error), so a run on new paths adds to
the base instead of replacing it. A lock on OUT lets one run write at a time.
"""
from __future__ import annotations

import contextlib
import fnmatch
import hashlib
import json
import os
import stat
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from schemas.document import doc_id_for
from .kb import KBWriter
from .process import code_fingerprint, process_bytes, versions
from .readers import MAX_BYTES, ReadError, not_regular, read_file_bytes

# Files that sit in archives but are no documents: thumbnails caches, Finder and Explorer
# settings, Office's lock files of open documents ("~$bản thảo.docx"). Hidden files too.
DEFAULT_SKIP = ("Thumbs.db", "ehthumbs.db", "desktop.ini", ".DS_Store", "~$*", ".~lock.*#")
MANIFEST = "base.json"


class RunError(Exception):
    """The run itself failed (the base cannot be written, say): one line for the user."""


@dataclass
class Summary:
    documents: int = 0
    reused: int = 0
    errors: int = 0
    records: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    skipped: list[str] = field(default_factory=list)  # not documents (Thumbs.db, --exclude)
    pruned: list[str] = field(default_factory=list)   # sources gone, removed with prune=True
    left: int = 0                                     # not done when the run was interrupted
    interrupted: bool = False
    notes: list[str] = field(default_factory=list)    # what the user should know, one line each


@dataclass
class Found:
    """What walking the input found: documents to read (source, size, mtime), files refused
    with a reason (a FIFO, a link out of the tree), and files skipped as no documents."""
    files: list[tuple[str, int, int]] = field(default_factory=list)
    refused: dict[str, str] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)


def _skipped(name: str, rel: str, exclude: tuple[str, ...]) -> bool:
    if name.startswith(".") or any(fnmatch.fnmatch(name, p) for p in DEFAULT_SKIP):
        return True
    rel = rel.replace(os.sep, "/")
    # "/" + rel: '*/drafts/*' also matches a drafts folder right under the folder given
    return any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(rel, p) or fnmatch.fnmatch("/" + rel, p)
               for p in exclude)


def _inside(path: str, roots: list[str]) -> bool:
    return any(path == r or path.startswith(r.rstrip(os.sep) + os.sep) for r in roots)


def scan(paths: Iterable[str | Path], *, exclude: Iterable[str] = (), follow_symlinks: bool = False,
         ignore: Iterable[str | Path] = ()) -> Found:
    """Every file named, and every file below folders named, in a stable order.

    Below a folder: hidden files, `DEFAULT_SKIP` and `exclude` globs (matched on the name or
    the path under the folder) are skipped; folders in `ignore` (the output folder) are not
    entered; a symbolic link is read only where it points inside the folders given, unless
    `follow_symlinks`; anything but a regular file is refused. Nothing is opened here."""
    exclude = tuple(exclude)
    found = Found()
    seen: set[str] = set()
    paths = [Path(p) for p in paths]
    roots = [os.path.realpath(p) for p in paths if p.is_dir()]
    ignored = [os.path.realpath(p) for p in ignore]

    def consider(path: Path, explicit: bool) -> None:
        source = str(path)
        if source in seen:
            return
        seen.add(source)
        try:
            info = os.lstat(path)
            if stat.S_ISLNK(info.st_mode):
                target = os.path.realpath(path)
                if not explicit and not follow_symlinks and not _inside(target, roots):
                    found.refused[source] = ("symbolic link to a file outside the input folders, not read "
                                             "(--follow-symlinks reads it)")
                    return
                info = os.stat(path)
        except OSError as exc:
            found.refused[source] = f"cannot open: {exc.strerror or exc}"
            return
        reason = not_regular(info.st_mode)
        if reason:
            found.refused[source] = reason
            return
        found.files.append((source, info.st_size, info.st_mtime_ns))

    for path in paths:
        if not path.is_dir():
            consider(path, explicit=True)
            continue
        visited = {os.path.realpath(path)}
        for root, dirs, files in os.walk(path, followlinks=follow_symlinks):
            kept = []
            for d in sorted(dirs):
                full = Path(root) / d
                rel = os.path.relpath(full, path)
                real = os.path.realpath(full)
                if _skipped(d, rel, exclude) or real in visited or _inside(real, ignored):
                    continue
                if full.is_symlink() and not follow_symlinks:
                    if not _inside(real, roots):
                        found.refused[str(full)] = ("symbolic link to a folder outside the input folders, "
                                                    "not read (--follow-symlinks reads it)")
                    continue  # a link inside the tree: its files are read where they are
                visited.add(real)
                kept.append(d)
            dirs[:] = kept
            for f in sorted(files):
                full = Path(root) / f
                if _skipped(f, os.path.relpath(full, path), exclude):
                    found.skipped.append(str(full))
                elif not _inside(os.path.realpath(full), ignored):
                    consider(full, explicit=False)
    return found


def discover(paths: Iterable[str | Path]) -> list[Path]:
    """The documents `scan` finds, as paths."""
    return [Path(source) for source, _, _ in scan(paths).files]


@dataclass(frozen=True)
class Job:
    """How each document is processed: which extractors, and the limits that keep one bad
    file from holding up or taking down the batch."""
    only: tuple[str, ...] | None = None
    max_bytes: int = MAX_BYTES
    timeout: float | None = None  # seconds a document may take
    memory_mb: int | None = 4096  # what one worker may allocate
    cache: str | None = None      # the cache folder, where a worker looks for a finished result
    stamp: str = ""               # the extractors and code a cached result must match
    force: bool = False


Outcome = tuple[str, "str | None", "dict | None", "str | None"]  # source, cache key, result, error


def _work(source: str, job: Job, data: bytes | None = None) -> Outcome:
    """Runs in a worker: reads the file (once, after checking its type and size), and
    extracts it unless the cache holds it (then the result is None). Never raises, so one
    document cannot take down the batch."""
    only = list(job.only) if job.only else None
    key = None
    try:
        if data is None:
            data = read_file_bytes(source, job.max_bytes)
        key = cache_key(data, source, job.stamp)
        if job.cache and not job.force and valid_entry(Path(job.cache) / f"{key}.json"):
            return source, key, None, None
        return source, key, process_bytes(data, source, only, job.max_bytes), None
    except ReadError as exc:
        return source, key, None, str(exc)
    except MemoryError:
        return source, key, None, f"out of memory (over {job.memory_mb} MB) while extracting"
    except RecursionError:
        return source, key, None, "document nests too deeply to extract"
    except Exception as exc:  # an extractor bug must cost one document, not the batch
        return source, key, None, " ".join(f"internal error: {type(exc).__name__}: {exc}".split())[:300]


def _init_worker(megabytes: int | None) -> None:
    """In a worker: Ctrl-C is the main process's to handle (it stops the pool), and a
    document that allocates past the budget raises MemoryError there."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if not megabytes:
        return
    try:
        import resource

        limit = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))
    except (ImportError, ValueError, OSError):  # not on this platform: the OS is the limit
        pass


def run_stamp(only: list[str] | None) -> str:
    run = versions(only)
    return hashlib.sha1((json.dumps(run, sort_keys=True) + code_fingerprint()).encode()).hexdigest()[:8]


def cache_key(data: bytes, source: str, stamp: str) -> str:
    """The bytes, the format they are read as, and the code: not the path, so the same file
    under two names or moved elsewhere is extracted once."""
    suffix = Path(source).suffix.lower().lstrip(".") or "none"
    return f"{doc_id_for(data)}-{suffix}-{stamp}"


def valid_entry(path: Path) -> bool:
    """A cache entry written whole: not empty, and ending where a JSON object ends (a disk
    that filled up or a copy cut short leaves neither)."""
    try:
        with open(path, "rb") as fh:
            fh.seek(0, os.SEEK_END)
            if fh.tell() < 2:
                return False
            fh.seek(-1, os.SEEK_END)
            return fh.read(1) == b"}"
    except OSError:
        return False


@contextlib.contextmanager
def _locked(out: Path, notify: Callable[[str], None]):
    """One writer per base: a second run into the same folder waits for the first."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks; runs must not overlap
        yield
        return
    with open(out / ".lock", "a+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            notify(f"another vnkb run is writing {out}; waiting for it to finish")
            fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _load_manifest(cache: Path, notes: list[str]) -> dict[str, dict]:
    path = cache / MANIFEST
    if not path.exists():
        return _adopt(cache, notes)
    try:
        return json.loads(path.read_text(encoding="utf-8"))["sources"]
    except (OSError, ValueError, KeyError, TypeError):
        notes.append(f"{path}: damaged list of the base's sources; the base holds only this run's files")
        return {}


def _adopt(cache: Path, notes: list[str]) -> dict[str, dict]:
    """A base written before the list of sources existed: its documents are kept (each
    cached as it is), to be redone when their files are next named."""
    jsonl = cache.parent / "documents.jsonl"
    base: dict[str, dict] = {}
    if not jsonl.exists():
        return base
    try:
        with open(jsonl, encoding="utf-8") as fh:
            for line in fh:
                record = json.loads(line)
                key = f"{record['doc_id']}-{Path(record['source']).suffix.lower().lstrip('.') or 'none'}-earlier"
                _write_json(cache / f"{key}.json", record)
                for source in record["document"].get("sources") or [record["source"]]:
                    base[source] = {"key": key}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        notes.append(f"{jsonl}: the earlier base could not be read ({exc}); it holds only this run's files")
        return {}
    for row in _error_rows(cache.parent / "errors.csv"):
        base.setdefault(row["source"], {"error": row["reason"]})
    return base


def _error_rows(path: Path) -> list[dict]:
    import csv

    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            return [row for row in csv.DictReader(fh) if row.get("source") and row.get("reason")]
    except (OSError, ValueError, csv.Error):
        return []


def _write_json(path: Path, value) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(value, fh, ensure_ascii=False)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def run(paths: Iterable[str | Path], out_dir: str | Path, *, workers: int | None = None,
        only: list[str] | None = None, force: bool = False, timeout: float | None = None,
        max_bytes: int = MAX_BYTES, engine: str = "local", scheduler: str | None = None,
        progress: Callable[[int], None] | None = None, exclude: Iterable[str] = (),
        follow_symlinks: bool = False, prune: bool = False,
        notify: Callable[[str], None] | None = None, planned: Callable[[int], None] | None = None
        ) -> Summary:
    """Extract every file under `paths` into the knowledge base in `out_dir`, adding to and
    updating what the base already holds (`prune` removes documents whose files are gone).

    engine "local" uses processes on this machine (`workers`, default all cores); "dask"
    sends the documents to a Dask cluster (`scheduler` "tcp://host:port", or a LocalCluster
    of `workers` processes when None). A document that fails, takes over `timeout` seconds
    or crashes its worker becomes a row of errors.csv. Ctrl-C stops the run; the base is
    written from the documents finished (`Summary.interrupted`, `Summary.left`).
    Raises RunError when the base cannot be written."""
    started = time.perf_counter()
    summary = Summary()
    notify = notify or (lambda message: None)
    out = Path(out_dir)
    cache = out / ".cache"
    try:
        cache.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RunError(f"cannot create {cache}: {exc.strerror or exc}") from None
    found = scan(paths, exclude=exclude, follow_symlinks=follow_symlinks, ignore=[out])
    summary.skipped = found.skipped
    if planned:
        planned(len(found.files))
    stamp = run_stamp(only)
    job = Job(tuple(only) if only else None, max_bytes, timeout, cache=str(cache), stamp=stamp, force=force)
    with _locked(out, notify):
        base = _load_manifest(cache, summary.notes)
        todo: list[tuple[str, int]] = []
        stats = {source: (size, mtime) for source, size, mtime in found.files}
        for source, size, mtime in found.files:
            prev = base.get(source) or {}
            if (not force and prev.get("key", "").endswith(stamp) and prev.get("size") == size
                    and prev.get("mtime") == mtime and valid_entry(cache / f"{prev['key']}.json")):
                summary.reused += 1
                if progress:
                    progress(1)
            else:
                todo.append((source, size))
        for source, reason in found.refused.items():
            base[source] = {"error": reason}
        # the largest first, so one big decree does not leave the other workers idle at the end
        order = [source for source, _ in sorted(todo, key=lambda t: -t[1])]
        pending: dict[str, dict] = {}
        done = 0
        try:
            execute = _execute_dask if engine == "dask" else _execute
            for source, key, result, error in execute(order, job, workers, scheduler):
                done += 1
                size, mtime = stats[source]
                if error is not None:
                    base[source] = {"error": error}
                else:
                    if result is None:
                        summary.reused += 1
                    else:
                        try:
                            _write_json(cache / f"{key}.json", result)
                        except OSError as exc:
                            pending[key] = result
                            summary.notes.append(f"{source}: result not cached ({exc.strerror or exc})")
                    base[source] = {"key": key, "size": size, "mtime": mtime}
                if progress:
                    progress(1)
        except KeyboardInterrupt:
            summary.interrupted = True
            summary.left = len(order) - done
        if prune:
            for source in sorted(base):
                if not os.path.exists(source):
                    del base[source]
                    summary.pruned.append(source)
        try:
            _assemble(out, cache, base, pending, job, summary)
            _write_json(cache / MANIFEST, {"sources": dict(sorted(base.items()))})
        except OSError as exc:
            raise RunError(f"cannot write the knowledge base in {out}: {exc.strerror or exc}"
                           + (f" ({exc.filename})" if exc.filename else "")) from None
    summary.seconds = time.perf_counter() - started
    return summary


def _assemble(out: Path, cache: Path, base: dict[str, dict], pending: dict[str, dict], job: Job,
              summary: Summary) -> None:
    """The base from every source it holds, in source order: one document per distinct
    content, listing all the paths it was found under."""
    sources_of: dict[str, list[str]] = {}
    key_of: dict[str, str] = {}
    errors: list[tuple[str, str]] = []
    for source in sorted(base):
        entry = base[source]
        if entry.get("key"):
            content = entry["key"].split("-")[0]
            sources_of.setdefault(content, []).append(source)
            key_of.setdefault(content, entry["key"])
        else:
            errors.append((source, entry.get("error") or "unknown error"))
    writer = KBWriter(out)
    try:
        for content, sources in sources_of.items():
            result = _cached(cache, key_of[content], pending)
            if result is None:  # damaged since it was checked: read the file again
                summary.notes.append(f"{sources[0]}: damaged cache entry, redone")
                _, key, result, error = _work(sources[0], Job(**{**job.__dict__, "force": True}))
                if error is not None:
                    errors.append((sources[0], error))
                    continue
                with contextlib.suppress(OSError):
                    _write_json(cache / f"{key}.json", result)
            result["source"] = sources[0]
            result["document"]["source"] = sources[0]
            result["document"]["sources"] = sources
            writer.add(result)
            summary.documents += 1
        for source, reason in sorted(errors):
            writer.error(source, reason)
        writer.close()
    except BaseException:
        writer.discard()
        raise
    summary.errors = len(errors)
    summary.records = {k: v for k, v in writer.counts.items() if k not in ("documents", "errors")}


def _cached(cache: Path, key: str, pending: dict[str, dict]) -> dict | None:
    if key in pending:
        return pending[key]
    path = cache / f"{key}.json"
    try:
        with open(path, encoding="utf-8") as fh:
            result = json.load(fh)
        if isinstance(result, dict) and "document" in result:
            return result
    except (OSError, ValueError):
        pass
    path.unlink(missing_ok=True)
    return None


def _execute(sources: list[str], job: Job, workers: int | None, scheduler: str | None = None
             ) -> Iterator[Outcome]:
    """Local processes, a few documents in flight per worker (so Ctrl-C has little to
    cancel and memory stays bounded). With one worker and no timeout, in this process."""
    workers = workers or os.cpu_count() or 1
    if workers <= 1 and job.timeout is None:
        for source in sources:
            yield _work(source, job)
        return
    from concurrent.futures import FIRST_COMPLETED, wait
    from concurrent.futures import TimeoutError as Timeout

    from pebble import ProcessExpired, ProcessPool

    pool = ProcessPool(max_workers=min(workers, max(len(sources), 1)), initializer=_init_worker,
                       initargs=(job.memory_mb,))
    queue = iter(sources)
    running: dict = {}
    try:
        while True:
            while len(running) < 2 * workers:
                source = next(queue, None)
                if source is None:
                    break
                running[pool.schedule(_work, args=(source, job), timeout=job.timeout)] = source
            if not running:
                break
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                source = running.pop(future)
                try:
                    yield future.result()
                except Timeout:
                    yield source, None, None, f"timed out after {job.timeout:g} s (--timeout raises the limit)"
                except ProcessExpired as exc:
                    yield source, None, None, f"the worker processing this file died (exit code {exc.exitcode})"
                except Exception as exc:  # the pool could not run the task at all
                    yield source, None, None, " ".join(f"worker error: {type(exc).__name__}: {exc}".split())[:300]
    finally:
        pool.stop()
        pool.join()


_POOLS: dict = {}


def _work_with_timeout(source: str, job: Job, data: bytes) -> Outcome:
    """On a Dask worker: the document in a child process of the worker (one, kept for the
    documents that follow, so the models load once), killed and replaced when a document
    takes over `job.timeout` seconds, instead of a stuck document holding the worker."""
    from concurrent.futures import TimeoutError as Timeout

    from pebble import ProcessExpired, ProcessPool

    try:
        pool = _POOLS.get(job.memory_mb)
        if pool is None or not pool.active:
            pool = _POOLS[job.memory_mb] = ProcessPool(max_workers=1, initializer=_init_worker,
                                                       initargs=(job.memory_mb,))
        return pool.schedule(_work, args=(source, job, data), timeout=job.timeout).result()
    except Timeout:
        return source, None, None, f"timed out after {job.timeout:g} s (--timeout raises the limit)"
    except ProcessExpired as exc:
        return source, None, None, f"the worker processing this file died (exit code {exc.exitcode})"
    except AssertionError:  # a daemonic worker may not start processes: no time limit there
        return _work(source, job, data)


def _execute_dask(sources: list[str], job: Job, workers: int | None, scheduler: str | None
                  ) -> Iterator[Outcome]:
    """A Dask cluster: each document's bytes go to a worker, so workers need no shared disk.
    The bytes are read here once (checked first); a document already cached is not sent."""
    try:
        import dask
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise RunError("the Dask engine needs the 'distributed' package: pip install \"vnkb[dask]\"") from None

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        # workers that may start a child process per document, which is what --timeout kills
        with dask.config.set({"distributed.worker.daemon": False}):
            cluster = LocalCluster(n_workers=workers or 2, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
        client = Client(cluster)
    remote = Job(**{**job.__dict__, "cache": None})
    task = _work_with_timeout if job.timeout else _work
    try:
        # a few documents per worker in flight: the bytes of a whole archive never sit in memory
        in_flight = 4 * max(len(client.scheduler_info().get("workers", {})), workers or 1, 1)
        running = as_completed()
        owner: dict = {}
        submitted = 0

        def collect(future):
            source = owner.pop(future)
            try:
                return future.result()
            except Exception as exc:  # a worker that died (KilledWorker) or a lost connection
                return source, None, None, " ".join(f"cluster error: {type(exc).__name__}: {exc}".split())[:300]

        for source in sources:
            try:
                data = read_file_bytes(source, job.max_bytes)
            except ReadError as exc:
                yield source, None, None, str(exc)
                continue
            key = cache_key(data, source, job.stamp)
            if not job.force and valid_entry(Path(job.cache) / f"{key}.json"):
                yield source, key, None, None
                continue
            future = client.submit(task, source, remote, data, pure=False, key=f"vnkb-{submitted}")
            submitted += 1
            owner[future] = source
            running.add(future)
            del data
            while len(owner) >= in_flight:
                yield collect(next(running))
        while owner:
            yield collect(next(running))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
