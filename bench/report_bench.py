"""Benchmark of the audit page: how long `vnkb report` takes to write it from a base, and how
long headless Chromium takes to open it (navigation to the load event), plus the audit
commands that read the same base (search's first index build and a search, graph).

    python bench/report_bench.py [--corpus ../shared/corpus] [--kb DIR] [--repeat 3]

Without --kb the corpus is extracted first (with every core) into a temporary folder.
Targets (issue 14): the page of the corpus's 160 files written in under 10 s, opened in
under 3 s. Figures are wall-clock, with the CPU time of the writing beside them: on a
machine shared with other work the wall clock is the larger; run it on a quiet machine.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from pipeline import runner  # noqa: E402
from pipeline.graph import citation_graph, write_graph  # noqa: E402
from pipeline.records import load_documents  # noqa: E402
from pipeline.report import write_report  # noqa: E402
from pipeline.search import INDEX, search  # noqa: E402

WRITE_LIMIT, OPEN_LIMIT = 10.0, 3.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--kb", default=None, help="A base already extracted (skips the extraction).")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="vnkb-report-bench-"))
    try:
        kb = Path(args.kb) if args.kb else scratch / "kb"
        if not args.kb:
            started = time.perf_counter()
            summary = runner.run([args.corpus], kb, workers=os.cpu_count())
            print(f"extracted {summary.documents} documents ({summary.errors} errors) in "
                  f"{time.perf_counter() - started:.1f} s -> {kb}")
        page = scratch / "report.html"
        writes = []
        for _ in range(args.repeat):
            cpu = time.process_time()
            done = write_report(kb, page)
            writes.append((done["seconds"], time.process_time() - cpu))
        print(f"report: {done['documents']} documents, {done['instruments']} instruments, {done['mentions']} mentions, "
              f"{done['bytes'] / 1e6:.1f} MB")
        rows = [("write the page (wall)", [w for w, _ in writes], WRITE_LIMIT),
                ("write the page (CPU)", [c for _, c in writes], None)]
        opens = _open_times(page, args.repeat)
        if opens:
            rows.append(("open it in Chromium", opens, OPEN_LIMIT))
        (kb / INDEX).unlink(missing_ok=True)
        started = time.perf_counter()
        search(kb, "phòng chống dịch")
        build = time.perf_counter() - started
        started = time.perf_counter()
        hits = search(kb, "phong chong dich", plain=True, limit=0)
        rows.append(("search: build the index", [build], None))
        rows.append((f"search: one query ({len(hits)} hits)", [time.perf_counter() - started], None))
        started = time.perf_counter()
        write_graph(citation_graph(load_documents(kb)), scratch / "cites.gexf")
        rows.append(("graph: write GEXF", [time.perf_counter() - started], None))

        print("\n| step | best s | median s | target s |\n|---|---|---|---|")
        failed = False
        for name, values, limit in rows:
            best, median = min(values), statistics.median(values)
            over = limit is not None and median > limit
            failed |= over
            print(f"| {name} | {best:.2f} | {median:.2f} | {limit if limit else ''}{' OVER' if over else ''} |")
        if not opens:
            print("\n(/usr/bin/chromium absent: page opening not measured; apt-get install chromium)")
        return 1 if failed else 0
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _open_times(page: Path, repeat: int) -> list[float]:
    from browser import CHROMIUM, Chromium

    if not os.path.exists(CHROMIUM):
        return []
    times = []
    for _ in range(repeat):
        with Chromium(width=1280, height=900) as browser:  # a fresh browser: nothing cached
            times.append(browser.open(page))
            if browser.problems:
                print("console:", *browser.problems, sep="\n  ")
    return times


if __name__ == "__main__":
    sys.exit(main())
