"""Benchmark on real documents: throughput for 1 and 2 workers, peak memory per worker, the
time each reader and extractor takes, how time per MB scales with document size, and
inputs built to make a regex backtrack.

    python bench/benchmark.py [--corpus ../shared/corpus] [--workers 1 2] [--out FILE]
    python bench/benchmark.py --generated 2000      # documents recombined from samples/

Figures are wall-clock on this machine; run it on a quiet machine. The in-process tables
(readers, extractors, size bands, hostile inputs) run one document at a time in this process.
"""
from __future__ import annotations

import argparse
import random
import resource
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import extractors  # noqa: E402
from pipeline import runner  # noqa: E402
from pipeline.readers import ReadError, read  # noqa: E402
from pipeline.readers.txt import document_from_lines  # noqa: E402

SIZE_BANDS = ((0, 50_000, "< 50 KB"), (50_000, 200_000, "50-200 KB"), (200_000, 1_000_000, "200 KB-1 MB"),
              (1_000_000, float("inf"), "> 1 MB"))


def make_corpus(folder: Path, count: int, seed: int = 7) -> None:
    """`count` documents recombined from the seeds' paragraphs and footnotes, a fifth as .docx."""
    from make_docx_samples import build

    rng = random.Random(seed)
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    paragraphs = [p for text in seeds for p in text.split("\ufffd")[0].split("\n\n") if len(p.strip()) > 40]
    notes = [n.strip() for text in seeds for n in text.split("\ufffd")[1:] if n.strip()]
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        body = rng.sample(paragraphs, k=min(len(paragraphs), rng.randint(8, 30)))
        body = [regex.sub(r"\d+", lambda m: str(int(m.group(0)) + rng.randint(0, 9)), p) for p in body]
        footnotes = rng.sample(notes, k=rng.randint(0, 6))
        text = "\n\n".join(body) + "".join(f"\n\n\ufffd {n}" for n in footnotes) + "\n"
        path = folder / f"doc_{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        if i % 5 == 0:
            path.with_suffix(".docx").write_bytes(build(path))
            path.unlink()


def batch(corpus: Path, workers: int, work: Path) -> dict:
    """One `vnkb extract` of the whole corpus: seconds, documents, errors, peak RSS per worker."""
    out = work / f"kb{workers}"
    started = time.perf_counter()
    summary = runner.run([corpus], out, workers=workers, timeout=600)
    seconds = time.perf_counter() - started
    shutil.rmtree(out)
    # RUSAGE_CHILDREN's maxrss is the largest of the worker processes, not their sum
    return {"workers": workers, "documents": summary.documents, "errors": summary.errors, "seconds": seconds,
            "worker_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def in_process(files: list[Path]) -> tuple[dict, dict, dict]:
    """Seconds per reader (by format) and per extractor over all files, and seconds per
    size band for the whole pipeline, each with the MB it covered."""
    readers: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    steps: dict[str, float] = defaultdict(float)
    bands: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for name in extractors.names():  # load models and gazetteers before any clock runs
        extractors.load(name).extract(document_from_lines("Sở Y tế tỉnh.", doc_id="w", source="w.txt", format="txt"))
    for path in files:
        size = path.stat().st_size
        started = time.perf_counter()
        try:
            doc = read(path)
        except ReadError:
            continue
        reading = time.perf_counter() - started
        readers[doc.format][0] += reading
        readers[doc.format][1] += size / 1e6
        total = reading
        for name in extractors.plan():
            started = time.perf_counter()
            extractors.load(name).extract(doc)
            spent = time.perf_counter() - started
            steps[name] += spent
            total += spent
        band = next(label for low, high, label in SIZE_BANDS if low <= size < high)
        bands[band][0] += total
        bands[band][1] += size / 1e6
    return dict(readers), dict(steps), dict(bands)


def hostile(megabytes: float) -> list[tuple[str, str]]:
    """Seconds per MB of the whole pipeline on ordinary prose and on long runs built to make a
    regex backtrack: a slow row here is a quadratic step."""
    size = int(megabytes * 1_000_000)
    prose = ("Ủy ban nhân dân tỉnh giao Sở Y tế chủ trì, phối hợp với các sở, ngành thực hiện Kế hoạch số "
             "12/KH-UBND ngày 05/3/2024; phấn đấu đến năm 2025 tỷ lệ tiêm chủng đạt trên 95%.\n")
    cases = {
        "ordinary prose": prose * (size // len(prose)),
        "a line of '-'": "-" * size + "\n",
        "a line of digits": "1234567890" * (size // 10) + "\n",
        "repeated type words": "Nghị quyết Quyết định Chỉ thị " * (size // 30) + "\n",
        "repeated capitalised words": "Ban Sở Bộ Ủy Hội " * (size // 17) + "\n",
    }
    rows = []
    for label, text in cases.items():
        started = time.perf_counter()
        try:
            doc = document_from_lines(text, doc_id=label, source=f"{label}.txt", format="txt")
            for name in extractors.plan():
                extractors.load(name).extract(doc)
        except Exception as exc:  # a crash is a finding to print, not a reason to stop measuring
            rows.append((label, f"fails: {type(exc).__name__}: {str(exc)[:80]}"))
            continue
        rows.append((label, f"{(time.perf_counter() - started) / (len(text.encode()) / 1e6):.2f}"))
    return rows


def report(title: str, megabytes: float, runs: list[dict], readers: dict, steps: dict, bands: dict,
           slow: list[tuple[str, str]], hostile_mb: float) -> str:
    one = next((r["seconds"] for r in runs if r["workers"] == 1), None)
    lines = [title, "", "| workers | documents | errors | seconds | documents/s | MB/s | speed-up | peak RSS per worker (MB) |",
             "|---|---|---|---|---|---|---|---|"]
    for r in runs:
        speedup = f"{one / r['seconds']:.2f}x" if one else ""
        lines.append(f"| {r['workers']} | {r['documents']} | {r['errors']} | {r['seconds']:.1f} | "
                     f"{r['documents'] / r['seconds']:.1f} | {megabytes / r['seconds']:.2f} | {speedup} | "
                     f"{r['worker_peak_mb']:.0f} |")
    lines += ["", "One process, one document at a time:", "", "| step | seconds | MB | MB/s |", "|---|---|---|---|"]
    for fmt, (seconds, mb) in sorted(readers.items()):
        lines.append(f"| read .{fmt} | {seconds:.2f} | {mb:.2f} | {mb / seconds if seconds else 0:.2f} |")
    total_mb = sum(mb for _, mb in readers.values())
    for name, seconds in steps.items():
        lines.append(f"| {name} | {seconds:.2f} | {total_mb:.2f} | {total_mb / seconds if seconds else 0:.2f} |")
    lines += ["", "| document size | documents' MB | seconds | seconds per MB |", "|---|---|---|---|"]
    for _, _, label in SIZE_BANDS:
        if label in bands:
            seconds, mb = bands[label]
            lines.append(f"| {label} | {mb:.2f} | {seconds:.2f} | {seconds / mb:.2f} |")
    lines += ["", f"| {hostile_mb:g} MB of | seconds per MB |", "|---|---|"]
    lines += [f"| {label} | {seconds} |" for label, seconds in slow]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus",
                        help="a folder of real documents (default: ../shared/corpus)")
    parser.add_argument("--generated", type=int, default=None, metavar="N",
                        help="instead, N documents recombined from samples/")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--hostile-mb", type=float, default=1.0, help="size of each backtracking probe")
    parser.add_argument("--out", type=Path, default=None, help="also write the results as Markdown here")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="vnkb-bench-"))
    try:
        corpus = args.corpus
        if args.generated:
            corpus = work / "corpus"
            make_corpus(corpus, args.generated)
        files = runner.discover([corpus])
        megabytes = sum(p.stat().st_size for p in files) / 1e6
        title = (f"{len(files)} files, {megabytes:.1f} MB, from `{corpus if not args.generated else 'samples/ recombined'}`, "
                 f"all extractors:")
        print(title, file=sys.stderr)
        runs = [batch(corpus, workers, work) for workers in args.workers]
        readers, steps, bands = in_process(files)
        slow = hostile(args.hostile_mb)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    text = report(title, megabytes, runs, readers, steps, bands, slow, args.hostile_mb)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
