"""Benchmark: documents per second, MB per second, peak memory and time per extractor, on a
generated corpus of documents built from samples/ (varied, not copies), for 1 and 2 workers.

    python bench/benchmark.py [--documents 2000] [--workers 1 2] [--out bench/results.md]

The corpus is made of the seeds' paragraphs and footnotes recombined, numbers and years
changed, a fifth of it as .docx; the same seed gives the same corpus.
"""
from __future__ import annotations

import argparse
import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import extractors  # noqa: E402
from pipeline import runner  # noqa: E402
from pipeline.readers import read  # noqa: E402


def make_corpus(folder: Path, count: int, seed: int = 7) -> None:
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


def per_extractor(folder: Path, sample: int = 40) -> dict[str, float]:
    """Milliseconds per document for each extractor, in this process."""
    docs = [read(p) for p in sorted(folder.iterdir())[:sample]]
    timings = {}
    for name in extractors.names():
        module = extractors.load(name)
        module.extract(docs[0])  # load what it loads once (spaCy, gazetteers)
        started = time.perf_counter()
        for doc in docs:
            doc.memo.clear()
            module.extract(doc)
        timings[name] = (time.perf_counter() - started) / len(docs) * 1000
    return timings


def ner_per_10kb(folder: Path, repeats: int = 20) -> float:
    """Milliseconds the entity recogniser adds for 10 KB of text."""
    from extractors import entities
    from pipeline.readers.txt import document_from_lines

    text = "\n\n".join(read(p).text for p in sorted(folder.glob("*.txt"))[:20])[:10_000]
    doc = document_from_lines(text, doc_id="bench", source="bench.txt", format="txt")
    entities.extract(doc)
    started = time.perf_counter()
    for _ in range(repeats):
        doc.memo.clear()
        entities.extract(doc)
    return (time.perf_counter() - started) / repeats * 1000


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--out", type=Path, default=None, help="also write the results as Markdown here")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="vnkb-bench-"))
    try:
        corpus = work / "corpus"
        started = time.perf_counter()
        make_corpus(corpus, args.documents)
        megabytes = sum(p.stat().st_size for p in corpus.iterdir()) / 1e6
        print(f"corpus: {args.documents} documents, {megabytes:.1f} MB, built in "
              f"{time.perf_counter() - started:.0f} s", file=sys.stderr)
        rows = []
        for workers in args.workers:
            out = work / f"kb{workers}"
            started = time.perf_counter()
            summary = runner.run([corpus], out, workers=workers, timeout=600 if workers > 1 else None)
            seconds = time.perf_counter() - started
            peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                       resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
            rows.append((workers, summary.documents, seconds, summary.documents / seconds, megabytes / seconds, peak))
            shutil.rmtree(out)
        timings = per_extractor(corpus)
        ner = ner_per_10kb(corpus)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    lines = [f"{args.documents} generated documents ({megabytes:.1f} MB, one in five .docx), "
             f"all extractors, on this machine:", "",
             "| workers | documents | seconds | documents/s | MB/s | peak memory (MB) |",
             "|---|---|---|---|---|---|"]
    lines += [f"| {w} | {d} | {s:.1f} | {dps:.1f} | {mbs:.2f} | {peak:.0f} |" for w, d, s, dps, mbs, peak in rows]
    lines += ["", "| extractor | ms per document |", "|---|---|"]
    lines += [f"| {name} | {ms:.1f} |" for name, ms in timings.items()]
    lines += ["", f"Entity recognition on a 10 KB document: {ner:.1f} ms."]
    report = "\n".join(lines)
    print(report)
    if args.out:
        args.out.write_text(report + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
