"""The `vnkb` command."""
from __future__ import annotations

import csv
import io
import json
import sqlite3
import sys
from pathlib import Path

import click

import extractors

from . import runner
from .kb import csv_safe
from .readers import ReadError, read


class _Vnkb(click.Group):
    """Every usage error is one line with exit code 2; Ctrl-C is exit code 130."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.UsageError as exc:
            command = f"{exc.ctx.command_path} --help" if exc.ctx else "vnkb --help"
            click.echo(f"vnkb: error: {exc.format_message()} (see '{command}')", err=True)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except (click.Abort, KeyboardInterrupt):
            click.echo("vnkb: interrupted", err=True)
            sys.exit(130)
        sys.exit(code if isinstance(code, int) else 0)


@click.group(cls=_Vnkb, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="vnkb")
def main() -> None:
    """vnkb: a knowledge base from Vietnamese party and state documents."""


def _only(value: str | None) -> list[str] | None:
    if not value:
        return None
    chosen = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [v for v in chosen if v not in extractors.AVAILABLE]
    if unknown:
        raise click.BadParameter(f"unknown extractor(s) {', '.join(unknown)}; "
                                 f"choose from {', '.join(extractors.names())}")
    added = [name for name in extractors.plan(chosen) if name not in chosen]
    if added:
        needed_by = {a: [c for c in chosen if a in extractors.plan([c])] for a in added}
        click.echo("also running " + "; ".join(f"{a} (required by {', '.join(needed_by[a])})" for a in added),
                   err=True)
    return chosen


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("-o", "--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder of the knowledge base: documents.jsonl, the CSVs and kb.sqlite. "
                   "An existing base is added to and updated.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Processes to use, at least 1 (default: all cores).")
@click.option("--only", default=None, help="Run only these extractors, e.g. citations,tables.")
@click.option("--force", is_flag=True, help="Redo documents already in the base.")
@click.option("--prune", is_flag=True, help="Remove from the base the documents whose files are gone.")
@click.option("--exclude", multiple=True, metavar="GLOB",
              help="Skip files whose name or path under the folder matches, e.g. --exclude '*/drafts/*' "
                   "(repeatable). Hidden files, Thumbs.db, desktop.ini, .DS_Store and ~$* are always skipped.")
@click.option("--follow-symlinks", is_flag=True,
              help="Read symbolic links that point outside the folders given (default: refused).")
@click.option("--timeout", type=click.FloatRange(min=0), default=600, show_default=True,
              help="Seconds one document may take before it becomes an error row (0: no limit).")
@click.option("--max-mb", type=click.IntRange(min=1), default=25, show_default=True,
              help="Larger files become error rows.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Local processes, or a Dask cluster (pip install \"vnkb[dask]\").")
@click.option("--scheduler", default=None, help="Dask scheduler address, tcp://HOST:PORT (default: a local cluster).")
@click.option("-q", "--quiet", is_flag=True, help="No progress display.")
@click.option("-v", "--verbose", is_flag=True, help="List each file that failed or was skipped, with its reason.")
def extract(paths, out_dir, workers, only, force, prune, exclude, follow_symlinks, timeout, max_mb, engine,
            scheduler, quiet, verbose):
    """Read every document under PATHS into the knowledge base in OUT, adding to what it holds.

    \b
    Example:
        vnkb extract samples/ -o kb/

    \b
    On a Dask cluster (the documents' bytes are sent to the workers):
        vnkb extract archive/ -o kb/ --engine dask --scheduler tcp://10.0.0.5:8786

    Exit code 0: all files read; 1: some files failed (listed in OUT/errors.csv); 2: usage
    error; 3: the run itself failed (the base could not be written); 130: interrupted
    (the base holds the documents finished; run the same command again to finish).
    """
    chosen = _only(only)
    if engine == "dask":
        try:
            import distributed  # noqa: F401
        except ImportError:
            raise click.UsageError("--engine dask needs the 'distributed' package: pip install \"vnkb[dask]\"")
    progress = Progress(quiet)
    try:
        summary = runner.run(paths, out_dir, workers=workers, only=chosen, force=force, timeout=timeout or None,
                             max_bytes=max_mb * 1024 * 1024, engine=engine, scheduler=scheduler,
                             progress=progress.update, exclude=exclude, follow_symlinks=follow_symlinks,
                             prune=prune, notify=lambda m: click.echo(f"vnkb: {m}", err=True),
                             planned=progress.start)
    except runner.RunError as exc:
        progress.finish()
        click.echo(f"vnkb: the run failed: {exc}", err=True)
        sys.exit(3)
    except Exception as exc:  # a bug: one line, the details with --verbose
        progress.finish()
        if verbose:
            import traceback
            traceback.print_exc()
        click.echo(" ".join(f"vnkb: the run failed: {type(exc).__name__}: {exc}".split())[:500], err=True)
        sys.exit(3)
    progress.finish()
    for note in summary.notes:
        click.echo(f"vnkb: {note}", err=True)
    records = ", ".join(f"{n} {k}" for k, n in summary.records.items() if n)
    click.echo(f"{summary.documents} documents ({summary.reused} unchanged), "
               f"{records or 'no records'}, {summary.errors} errors, {summary.seconds:.1f} s "
               f"-> {Path(out_dir)}")
    if summary.skipped:
        click.echo(f"{len(summary.skipped)} files skipped as no documents (hidden, Thumbs.db, ~$*, --exclude)"
                   + ("" if verbose else "; -v lists them"), err=True)
        if verbose:
            for source in summary.skipped:
                click.echo(f"{source}: skipped", err=True)
    for source in summary.pruned:
        click.echo(f"{source}: file gone, removed from the base", err=True)
    if summary.interrupted:
        click.echo(f"vnkb: interrupted: {summary.left} documents left; the base holds those finished. "
                   "Run the same command again to finish.", err=True)
        sys.exit(130)
    if summary.errors:
        if verbose:
            with open(Path(out_dir) / "errors.csv", encoding="utf-8-sig") as fh:
                for row in csv.DictReader(fh):
                    click.echo(f"{row['source']}: {row['reason']}", err=True)
        click.echo(f"{summary.errors} files could not be read: see {Path(out_dir) / 'errors.csv'}", err=True)
        sys.exit(1)


class Progress:
    """A bar on a terminal; elsewhere (cron, nohup, a log file) a plain line every
    `every` seconds: files done, rate, time left."""

    def __init__(self, quiet: bool, every: float = 30.0, stream=None):
        self.stream = stream or sys.stderr
        self.quiet, self.every = quiet, every
        self.total = self.done = 0
        self.bar = None
        self.started = self.last = 0.0

    def start(self, total: int) -> None:
        import time

        self.total, self.started = total, time.monotonic()
        self.last = self.started
        if not self.quiet and total > 1 and self.stream.isatty():
            self.bar = click.progressbar(length=total, label="extracting", file=self.stream)
            self.bar.__enter__()

    def update(self, n: int) -> None:
        import time

        self.done += n
        if self.bar is not None:
            self.bar.update(n)
            return
        now = time.monotonic()
        if self.quiet or now - self.last < self.every or self.done >= self.total:
            return
        self.last = now
        rate = self.done / max(now - self.started, 1e-9)
        left = (self.total - self.done) / rate if rate else 0
        click.echo(f"vnkb: {self.done}/{self.total} files, {rate:.1f} files/s, about {_duration(left)} left",
                   file=self.stream)

    def finish(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds >= 3600:
        return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"
    if seconds >= 60:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds} s"


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
def show(file):
    """Print what was read from one document: outline, footnotes, tables.

    \b
    Example:
        vnkb show samples/000_241e03e88b4b7e0e.docx
    """
    try:
        doc = read(file)
    except ReadError as exc:
        raise click.ClickException(f"{file}: {exc}")
    from extractors import tables as table_extractor
    click.echo(f"{doc.source}  [{doc.format}{', ' + doc.encoding if doc.encoding else ''}]  "
               f"doc_id {doc.doc_id}, {len(doc.text)} characters")
    click.secho("\nOutline", bold=True)
    for block in doc.blocks:
        if block.kind == "heading":
            indent = "  " * ((block.level or 1) - 1)
            click.echo(f"{indent}{block.text[:100]}")
    if doc.footnotes:
        click.secho(f"\nFootnotes ({len(doc.footnotes)})", bold=True)
        for fn in doc.footnotes:
            click.echo(f"[{fn.n}] {fn.text[:160]}")
            sentence = doc.anchor_sentence(fn)
            click.echo(f"     anchored at: {('…' + sentence[-120:]) if sentence else '(anchor not kept)'}")
    tables = table_extractor.extract(doc)
    for t in tables:
        click.secho(f"\nTable {t['index'] + 1}: {t['title'] or '(untitled)'}", bold=True)
        click.echo(format_table(t["header"][-1:] + t["rows"]))


@main.command()
@click.argument("kb_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--conflicts", is_flag=True, help="Only instruments whose mentions disagree on date or issuer.")
@click.option("--ref", default=None,
              help="Every mention of this instrument (a ref_id such as 34-CT/TW, or a name such as 'Đề án 06'): "
                   "the citing document, its date and issuer, and the sentence.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table")
@click.option("--limit", type=int, default=None, help="Show at most this many instruments (or mentions, with --ref).")
def cites(kb_dir, conflicts, ref, fmt, limit):
    """The citation audit of a knowledge base: which instruments are cited, how often, by
    how many documents, (--conflicts) where mentions disagree, and (--ref) every mention
    of one instrument.

    \b
    Examples:
        vnkb cites kb/ --limit 10
        vnkb cites kb/ --conflicts
        vnkb cites kb/ --ref 34-CT/TW
        vnkb cites kb/ --ref 144-QĐ/TW --format json
        vnkb cites kb/ --format csv > cited.csv
    """
    if ref is not None:
        _cites_ref(kb_dir, ref, fmt, limit)
        return
    if conflicts:
        rows = _conflicts_per_instrument(kb_dir)
    else:
        db = Path(kb_dir) / "kb.sqlite"
        if not db.exists():
            raise click.ClickException(f"{db}: no kb.sqlite here; run 'vnkb extract PATH -o {kb_dir}' first")
        con = sqlite3.connect(db)
        con.row_factory = sqlite3.Row
        query = ("SELECT instrument, type, date, issuer, issuer_level, mentions, documents, first_cited, "
                 "last_cited FROM cited_instruments ORDER BY mentions DESC, documents DESC, instrument")
        rows = [dict(r) for r in con.execute(query)]
        con.close()
    if limit is not None:
        rows = rows[:limit]
    emit(rows, fmt)


def _conflicts_per_instrument(kb_dir: str) -> list[dict]:
    """Per instrument whose mentions disagree, one row per variant of each disputed field with
    how many mentions and documents carry it (most carried first): what an auditor reads
    before `--ref` drills down to the mentions."""
    from .audit import instrument_conflicts
    from .records import BaseError, load_documents

    try:
        records = load_documents(kb_dir)
    except BaseError as exc:
        raise click.ClickException(str(exc))
    citations = [{**c, "doc_id": r["doc_id"]} for r in records for c in r.get("citations", [])]
    return [{"ref_id": row["ref_id"], "type": row["type"], "field": field, "value": v["value"],
             "mentions": v["mentions"], "documents": v["documents"]}
            for row in instrument_conflicts(citations) for field, variants in row["fields"].items()
            for v in variants]


MENTION_COLUMNS = ("ref_id", "name", "type", "date", "issuer", "issuer_level", "source", "doc_kind", "doc_date",
                   "doc_issuer", "section", "in_footnote", "start", "end", "text", "sentence")


def _cites_ref(kb_dir: str, ref: str, fmt: str, limit: int | None) -> None:
    from difflib import get_close_matches

    from .audit import instrument_key
    from .records import BaseError, citation_mentions, load_documents

    try:
        records = load_documents(kb_dir)
    except BaseError as exc:
        raise click.ClickException(str(exc))
    mentions = citation_mentions(records)
    wanted = {instrument_key({"ref_id": ref}), instrument_key({"name": ref})}
    chosen = [m for m in mentions if instrument_key(m) in wanted]
    if not chosen:
        known = sorted({m.get("ref_id") or " ".join((m.get("name") or "").split()) for m in mentions} - {""})
        close = get_close_matches(ref, known, n=5, cutoff=0.6)
        raise click.ClickException(f"{kb_dir}: no mention of {ref!r}"
                                   + (f"; did you mean {', '.join(close)}?" if close else ""))
    if limit is not None:
        chosen = chosen[:limit]
    rows = [{**{k: m.get(k) for k in MENTION_COLUMNS[:-1]},
             "text": " ".join((m.get("text") or "").split()),
             "sentence": m["before"] + m["mention"] + m["after"]} for m in chosen]
    if fmt != "table":
        emit(rows, fmt)
        return
    from collections import Counter

    docs = {m["doc_id"] for m in chosen}
    name = chosen[0].get("ref_id") or chosen[0].get("name")
    click.secho(f"{name} ({chosen[0].get('type') or '?'}): {len(chosen)} mentions in {len(docs)} documents",
                bold=True)
    for field in ("date", "issuer"):
        counted = Counter(m.get(field) or "(none)" for m in chosen)
        click.echo(f"  {field}: " + "; ".join(f"{value} ×{n}" for value, n in
                                              sorted(counted.items(), key=lambda kv: (-kv[1], kv[0]))))
    for m in chosen:
        where = "  ·  ".join(str(x) for x in (m.get("source"), m.get("doc_kind"), m.get("doc_date"),
                                               m.get("doc_issuer")) if x)
        place = m.get("section") or ""
        if m.get("in_footnote") is not None:
            place = (place + "  " if place else "") + f"footnote {m['in_footnote']}"
        click.echo("\n" + where)
        click.echo(f"  [{place or '-'}]  date {m.get('date') or '-'}  issuer {m.get('issuer') or '-'}")
        click.echo("  " + m["before"] + click.style(m["mention"], bold=True, fg="yellow") + m["after"])


@main.command()
@click.argument("kb_dir", type=click.Path(exists=True, file_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="The HTML file to write, e.g. report.html.")
def report(kb_dir, output):
    """Write the audit of a knowledge base as one self-contained HTML page: a summary, the
    most-cited instruments with every mention, conflicts per instrument, citations by
    issuing level and year, targets against results, footnote statistics over the years,
    and each document's records. It opens in any browser with no network.

    \b
    Example:
        vnkb report kb/ -o report.html
    """
    from .records import BaseError
    from .report import write_report

    try:
        done = write_report(kb_dir, output)
    except BaseError as exc:
        raise click.ClickException(str(exc))
    click.echo(f"{done['documents']} documents, {done['instruments']} instruments ({done['conflicts']} in conflict), "
               f"{done['mentions']} mentions, {done['bytes'] / 1e6:.1f} MB, {done['seconds']:.1f} s -> {output}")


@main.command(name="search")
@click.argument("kb_dir", type=click.Path(exists=True, file_okay=False))
@click.argument("query")
@click.option("--plain", is_flag=True, help="Ignore diacritics too: 'phong chong dich' finds 'phòng chống dịch'.")
@click.option("--all-words", is_flag=True, help="Each word anywhere, not the words as a phrase.")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(["document", "text", "citations", "measures",
                                                                   "statistics", "tasks", "entities", "tables"]),
              help="Only paragraphs of text, or only records of this kind (repeatable).")
@click.option("--limit", type=int, default=20, show_default=True, help="At most this many results (0: all).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table")
def search_command(kb_dir, query, plain, all_words, kinds, limit, fmt):
    """Full-text search over a knowledge base's documents and records, best first: each
    result with its document, section and a snippet. Old and new tone placement and case
    do not count (hoà = hòa, UBND = ubnd); with --plain, diacritics do not either.
    The index (KB/search.sqlite) is built on first use and rebuilt when the base changes.

    \b
    Examples:
        vnkb search kb/ "phòng chống dịch"
        vnkb search kb/ "tiem chung" --plain --kind measures
    """
    from .records import BaseError
    from .search import search

    try:
        hits = search(kb_dir, query, plain=plain, all_words=all_words, kinds=list(kinds) or None,
                      limit=limit or None)
    except BaseError as exc:
        raise click.ClickException(str(exc))
    except ValueError as exc:
        raise click.UsageError(str(exc))
    if fmt != "table":
        emit([h.as_row() for h in hits], fmt)
        return
    if not hits:
        click.echo("(no match)")
        return
    for hit in hits:
        snippet, spans = hit.snippet()
        shown, last = [], 0
        for a, b in spans:
            shown += [snippet[last:a], click.style(snippet[a:b], bold=True, fg="yellow")]
            last = b
        shown.append(snippet[last:])
        click.echo(f"{hit.source}  [{hit.kind}{' · ' + hit.section if hit.section else ''}]")
        click.echo("  " + "".join(shown))


@main.command(name="graph")
@click.argument("kb_dir", type=click.Path(exists=True, file_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="The graph file: .gexf (Gephi) or .graphml.")
def graph_command(kb_dir, output):
    """Write the citation graph for Gephi and other graph tools: documents and cited
    instruments as nodes with their attributes (kind, date, issuer, level, counts), each
    document's mentions of an instrument as an edge weighted by their number.

    \b
    Examples:
        vnkb graph kb/ -o cites.gexf
        vnkb graph kb/ -o cites.graphml
    """
    from .graph import FORMATS, citation_graph, write_graph
    from .records import BaseError, load_documents

    if Path(output).suffix.lower() not in FORMATS:
        raise click.UsageError(f"{output}: give a .gexf or .graphml file")
    try:
        graph = citation_graph(load_documents(kb_dir))
    except BaseError as exc:
        raise click.ClickException(str(exc))
    write_graph(graph, output)
    documents = sum(1 for _, kind in graph.nodes(data="node_type") if kind == "document")
    click.echo(f"{documents} documents, {graph.number_of_nodes() - documents} instruments, "
               f"{graph.number_of_edges()} edges -> {output}")


@main.command(name="eval")
@click.argument("kb_dir", type=click.Path(exists=True))
@click.option("--gold", "gold_dir", required=True, type=click.Path(exists=True, file_okay=False),
              help="Folder of gold files, one <document>.json each (SPEC.md, 'The gold files').")
@click.option("--by-doc", is_flag=True, help="Also F1 per document.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@click.option("--only-format", "formats", multiple=True, help="Score only documents read from this extension.")
def evaluate_command(kb_dir, gold_dir, by_doc, fmt, formats):
    """Precision, recall and F1 of a knowledge base against gold files you annotated.

    \b
    Example:
        vnkb eval --gold ../shared/gold kb/
    """
    from . import evaluate

    gold = evaluate.load_gold(gold_dir)
    if not gold:
        raise click.ClickException(f"{gold_dir}: no gold files (*.json) there")
    pred = evaluate.load_predictions(kb_dir, list(formats) or None)
    result = evaluate.evaluate(gold, pred)
    rows = evaluate.by_document(gold, pred) if by_doc else []
    if fmt == "json":
        click.echo(json.dumps({**result, **({"by_document": rows} if by_doc else {})}, ensure_ascii=False, indent=1))
        return
    table = [["record", "P", "R", "F1", "tp", "fp", "fn", "fields"]]
    for kind in evaluate.KINDS:
        s = result[kind]
        accuracy = "  ".join(f"{k[:-4]}={v}" for k, v in s.items() if k.endswith("_acc"))
        table.append([kind, f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}", str(s["tp"]),
                      str(s["fp"]), str(s["fn"]), accuracy])
    click.echo(format_table(table, max_width=80))
    click.echo("document fields: " + "  ".join(f"{k}={v}" for k, v in result["document"].items()))
    if result["missing_documents"]:
        click.echo("no prediction for: " + ", ".join(result["missing_documents"]))
    if rows:
        click.echo(format_table([list(rows[0])] + [[str(v) for v in r.values()] for r in rows]))


@main.command(name="tables")
@click.argument("kb_dir", type=click.Path(exists=True, file_okay=False))
@click.option("-o", "--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for one CSV per table and tables_long.csv.")
def tables_command(kb_dir, out_dir):
    """Export every table: one CSV per table (its header path, then its rows) and one
    long-form CSV of all cells with their document, table, row and column.

    \b
    Example:
        vnkb tables kb/ -o kb/tables/
    """
    jsonl = Path(kb_dir) / "documents.jsonl"
    if not jsonl.exists():
        raise click.ClickException(f"{jsonl}: no documents.jsonl here; run 'vnkb extract PATH -o {kb_dir}' first")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    long_rows, count = [], 0
    with open(jsonl, encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            stem = Path(record["source"]).stem
            suffix = Path(record["source"]).suffix.lstrip(".")
            for table in record.get("tables") or []:
                count += 1
                # the doc_id tells apart two "report.txt" from different folders
                name = f"{stem}.{suffix}.{record['doc_id'][:8]}.table{table['index'] + 1}.csv"
                width = max([len(r) for r in table["rows"] + table["header"]] or [0])
                paths = [" / ".join(dict.fromkeys(h[c] for h in table["header"] if c < len(h) and h[c]))
                         for c in range(width)]
                with open(out / name, "w", encoding="utf-8-sig", newline="") as tf:
                    writer = csv.writer(tf, lineterminator="\r\n")
                    writer.writerow([csv_safe(p) for p in paths])
                    writer.writerows([[csv_safe(c) for c in row] for row in table["rows"]])
                for cell in table.get("cells") or []:
                    long_rows.append({"source": record["source"], "table": table["index"] + 1,
                                      "title": table.get("title"), **cell})
    with open(out / "tables_long.csv", "w", encoding="utf-8-sig", newline="") as fh:
        fields = ["source", "table", "title", "row", "column", "value", "raw"]
        writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows({k: csv_safe(r.get(k)) for k in fields} for r in long_rows)
    click.echo(f"{count} tables, {len(long_rows)} cells -> {out}")


TARGET_COLUMNS = ("measure_id", "kind", "indicator", "comparator", "value", "value_max", "unit", "year",
                  "status", "text", "section", "doc_id", "source", "doc_kind", "issuer", "place", "date", "term")


@main.command()
@click.argument("kb_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--kind", type=click.Choice(["target", "result"]), default=None, help="Only targets or only results.")
@click.option("--year", type=int, default=None, help="Only measures due or measured in this year.")
@click.option("--format", "fmt", type=click.Choice(["csv", "json", "xlsx", "table"]), default="csv")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write to this file (required for xlsx; default: standard output).")
@click.option("--formula-guard/--no-formula-guard", default=True, show_default=True,
              help="In CSV, put ' before text starting with = + - @ so spreadsheets do not run it as a formula.")
def targets(kb_dir, kind, year, fmt, output, formula_guard):
    """Export measures for dashboards and spreadsheets: one row a measure, with the citing
    document's issuer, place, date and term, and a stable measure_id.

    \b
    Examples:
        vnkb targets kb/ --kind target --year 2030
        vnkb targets kb/ --format xlsx -o targets.xlsx
    """
    if fmt == "xlsx" and not output:
        raise click.UsageError("--format xlsx writes a file: give it with -o FILE.xlsx")
    if output and not Path(output).resolve().parent.is_dir():
        raise click.BadParameter(f"no folder {str(Path(output).parent)!r} to write into", param_hint="'-o'")
    rows = measure_rows(Path(kb_dir), kind, year)
    try:
        if fmt == "xlsx":
            write_xlsx(rows, Path(output))
        elif output:
            with open(output, "w", encoding="utf-8-sig" if fmt == "csv" else "utf-8", newline="") as fh:
                fh.write(render(rows, fmt, formula_guard))
        else:
            click.echo(render(rows, fmt, formula_guard), nl=False)
            return
    except OSError as exc:
        raise click.ClickException(f"cannot write {output}: {exc.strerror or exc}")
    click.echo(f"{len(rows)} measures -> {output}", err=True)


def measure_rows(kb_dir: Path, kind: str | None, year: int | None) -> list[dict]:
    db = kb_dir / "kb.sqlite"
    if not db.exists():
        raise click.ClickException(f"{db}: no kb.sqlite here; run 'vnkb extract PATH -o {kb_dir}' first")
    con = sqlite3.connect(db)
    con.row_factory = sqlite3.Row
    columns = {r[1] for r in con.execute("PRAGMA table_info(measures)")}
    if "value" not in columns:  # a base with no measure at all
        return []
    status = "m.status" if "status" in columns else "NULL"
    query = (f"SELECT m.doc_id || '-' || m.start AS measure_id, m.kind, m.indicator, m.comparator, m.value, "
             f"m.value_max, m.unit, m.year, {status} AS status, m.text, m.section, m.doc_id, d.source, "
             f"d.kind AS doc_kind, d.issuer, d.place, d.date, d.term "
             f"FROM measures m JOIN documents d USING (doc_id) WHERE 1=1")
    params: list = []
    if kind:
        query += " AND m.kind = ?"
        params.append(kind)
    if year is not None:
        query += " AND m.year = ?"
        params.append(year)
    rows = [dict(r) for r in con.execute(query + " ORDER BY d.source, m.start", params)]
    con.close()
    return rows


def write_xlsx(rows: list[dict], path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "measures"
    sheet.append(list(TARGET_COLUMNS))
    for row in rows:
        # values go in as numbers; text cells starting '=' are set as strings, never formulas
        sheet.append([row.get(c) for c in TARGET_COLUMNS])
    bold = Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"
    sheet.freeze_panes = "A2"
    book.save(path)


def render(rows: list[dict], fmt: str, formula_guard: bool = False) -> str:
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        if rows:
            writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            cell = csv_safe if formula_guard else _plain
            writer.writerows({k: cell(v) for k, v in r.items()} for r in rows)
        return out.getvalue()
    if not rows:
        return "(none)\n"
    header = list(rows[0])
    return format_table([header] + [["" if r[k] is None else str(r[k]) for k in header] for r in rows]) + "\n"


def _plain(value):
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def emit(rows: list[dict], fmt: str) -> None:
    click.echo(render(rows, fmt), nl=False)


def format_table(rows: list[list[str]], max_width: int = 40) -> str:
    if not rows:
        return "(empty)"
    w = max(len(r) for r in rows)
    cut = [[(c if len(c) <= max_width else c[:max_width - 1] + "…") for c in r + [""] * (w - len(r))]
           for r in rows]
    widths = [max(len(r[i]) for r in cut) for i in range(w)]
    line = "+" + "+".join("-" * (x + 2) for x in widths) + "+"
    out = [line]
    for k, r in enumerate(cut):
        out.append("| " + " | ".join(c.ljust(widths[i]) for i, c in enumerate(r)) + " |")
        if k == 0:
            out.append(line)
    out.append(line)
    return "\n".join(out)


if __name__ == "__main__":
    main()
