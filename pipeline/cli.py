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
from .readers import ReadError, read


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
    return chosen


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("-o", "--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for documents.jsonl, the CSVs and kb.sqlite.")
@click.option("--workers", type=int, default=None, help="Processes to use (default: all cores).")
@click.option("--only", default=None, help="Run only these extractors, e.g. citations,tables.")
@click.option("--force", is_flag=True, help="Redo documents already in the base.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def extract(paths, out_dir, workers, only, force, quiet):
    """Read every document under PATHS and write the knowledge base to OUT.

    \b
    Example:
        vnkb extract samples/ -o kb/

    Exit code 0: all files read; 1: some files failed (listed in OUT/errors.csv).
    """
    chosen = _only(only)
    files = runner.discover(paths)
    show = not quiet and len(files) > 1 and sys.stderr.isatty()
    with click.progressbar(length=len(files), label="extracting", file=sys.stderr,
                           hidden=not show) as bar:
        summary = runner.run(paths, out_dir, workers=workers, only=chosen, force=force,
                             progress=bar.update)
    records = ", ".join(f"{n} {k}" for k, n in summary.records.items() if n)
    click.echo(f"{summary.documents} documents ({summary.reused} unchanged), "
               f"{records or 'no records'}, {summary.errors} errors, {summary.seconds:.1f} s "
               f"-> {Path(out_dir)}")
    if summary.errors:
        click.echo(f"some files could not be read: see {Path(out_dir) / 'errors.csv'}", err=True)
        sys.exit(1)


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
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table")
@click.option("--limit", type=int, default=None, help="Show at most this many instruments.")
def cites(kb_dir, conflicts, fmt, limit):
    """The citation audit of a knowledge base: which instruments are cited, how often, by
    how many documents, and (--conflicts) where mentions disagree.

    \b
    Examples:
        vnkb cites kb/ --limit 10
        vnkb cites kb/ --conflicts
        vnkb cites kb/ --format csv > cited.csv
    """
    db = Path(kb_dir) / "kb.sqlite"
    if not db.exists():
        raise click.ClickException(f"{db}: no kb.sqlite here; run 'vnkb extract PATH -o {kb_dir}' first")
    con = sqlite3.connect(db)
    con.row_factory = sqlite3.Row
    if conflicts:
        query = ("SELECT ref_id, field, value, source, in_footnote, text FROM citation_conflicts "
                 "ORDER BY ref_id, field, source, start")
    else:
        query = ("SELECT instrument, type, date, issuer, issuer_level, mentions, documents, first_cited, "
                 "last_cited FROM cited_instruments ORDER BY mentions DESC, documents DESC, instrument")
    rows = [dict(r) for r in con.execute(query)]
    con.close()
    if limit is not None:
        rows = rows[:limit]
    emit(rows, fmt)


def emit(rows: list[dict], fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
    elif fmt == "csv":
        if rows:
            out = io.StringIO()
            writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
            click.echo(out.getvalue(), nl=False)
    elif not rows:
        click.echo("(none)")
    else:
        header = list(rows[0])
        click.echo(format_table([header] + [["" if r[k] is None else str(r[k]) for k in header] for r in rows]))


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
