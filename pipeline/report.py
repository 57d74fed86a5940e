"""`vnkb report`: the audit of a knowledge base as one self-contained HTML page.

Everything the page needs is inside it: the charts are SVG drawn by matplotlib and written
inline (their text kept as text, so the browser sets Vietnamese in its own fonts), the
styles and the one small script are inline, and every link points inside the page. A
person opens it from a disk, a mail attachment or a share with no network.
"""
from __future__ import annotations

import hashlib
import html
import io
import os
import time
from collections import Counter, defaultdict
from pathlib import Path

import regex

from extractors import lexicon
from schemas.text import fold

from .audit import audit, instrument_conflicts, instrument_key
from .records import citation_mentions, document_of, load_documents, mention_context, read_errors

RECORD_TYPES = ("citations", "measures", "statistics", "tables", "footnotes", "entities", "tasks")
TOP_INSTRUMENTS = 25
MAX_TARGET_CHARTS = 12
MAX_STATISTIC_CHARTS = 30
GROUP_ORDER = ("party_central", "party_provincial", "state_central", "state_provincial", "unknown")
COLOURS = {"party_central": "#c0392b", "party_provincial": "#e67e22", "state_central": "#2471a3",
           "state_provincial": "#5dade2", "unknown": "#aab7b8"}
TARGET_COLOUR, RESULT_COLOUR = "#2471a3", "#c0392b"


def e(value) -> str:
    return html.escape("" if value is None else str(value))


def _year(date) -> int | None:
    return int(date[:4]) if isinstance(date, str) and date[:4].isdigit() and len(date) >= 4 else None


def _anchor(prefix: str, key: str) -> str:
    return f"{prefix}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:12]}"


def _name(source: str | None) -> str:
    return Path(source or "").name or "(no source)"


# ---------------------------------------------------------------------------- charts

def _figure(width: float, height: float, small: bool = False):
    """A figure; a small multiple gets fixed margins (laying one out costs as much as drawing it)."""
    from matplotlib.figure import Figure

    if small:
        fig = Figure(figsize=(width, height))
        fig.subplots_adjust(left=0.2, right=0.96, bottom=0.16, top=0.93)
        return fig
    return Figure(figsize=(width, height), layout="constrained")


def _integers(axis) -> None:
    from matplotlib.ticker import MaxNLocator

    axis.set_major_locator(MaxNLocator(integer=True))


def _svg(fig, name: str, label: str) -> str:
    """The figure as inline SVG; ids salted by the chart's name so charts on one page never
    share an id, and no date, so the page is the same for the same base."""
    import matplotlib

    buf = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": f"vnkb-{name}", "svg.fonttype": "none"}):
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": "vnkb"})
    svg = buf.getvalue()
    svg = regex.sub(r"(?s)<metadata>.*?</metadata>\s*", "", svg[svg.index("<svg"):])
    # matplotlib names its groups figure_1, axes_1 … in every chart: prefix them so the
    # page's ids stay unique, and the clip paths' references with them
    own = set(regex.findall(r' id="([^"]+)"', svg))
    svg = regex.sub(r'( id="|url\(#|xlink:href="#)([^")]+)',
                    lambda m: m.group(1) + (f"{name}-{m.group(2)}" if m.group(2) in own else m.group(2)), svg)
    # a bar's link leads to a drill-down on this page: SVG 2's plain href, in the same tab
    svg = regex.sub(r'<a xlink:href="(#[^"]*)" target="_blank">', r'<a href="\1">', svg)
    return svg.replace("<svg ", f'<svg class="chart" id="chart-{name}" role="img" aria-label="{e(label)}" ', 1)


def _style_axes(ax) -> None:
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(labelsize=8)


def _short(text: str, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[:width - 1] + "…"


def chart_documents(docs: list[dict]) -> str:
    kinds = Counter(d.get("kind") or "(unknown)" for d in docs)
    years = Counter(_year(d.get("date")) for d in docs)
    fig = _figure(9, 2.8)
    left, right = fig.subplots(1, 2, width_ratios=[1, 1.4])
    names = sorted(kinds, key=lambda k: (kinds[k], k))
    left.barh(names, [kinds[k] for k in names], color="#5d6d7e")
    left.set_title("documents by kind", fontsize=9)
    dated = sorted(y for y in years if y is not None)
    if dated:
        span = list(range(dated[0], dated[-1] + 1)) if dated[-1] - dated[0] <= 60 else dated
        right.bar([str(y) for y in span], [years.get(y, 0) for y in span], color="#5d6d7e")
        right.tick_params(axis="x", labelrotation=90)
    right.set_title(f"documents by year ({years.get(None, 0)} undated)", fontsize=9)
    _integers(left.xaxis)
    _integers(right.yaxis)
    for ax in (left, right):
        _style_axes(ax)
    return _svg(fig, "documents", "documents by kind and year")


def chart_instruments(instruments: list[dict], group_labels: dict) -> str:
    top = instruments[:TOP_INSTRUMENTS][::-1]
    fig = _figure(9, 0.8 + 0.26 * max(len(top), 1))
    ax = fig.subplots()
    labels = [_short(f"{row['instrument']} ({row.get('type') or '?'})", 60) for row in top]
    bars = ax.barh(range(len(top)), [row["mentions"] for row in top],
                   color=[COLOURS[row["group"]] for row in top])
    ax.set_yticks(range(len(top)), labels)
    for bar, row, tick in zip(bars, top, ax.get_yticklabels()):
        bar.set_url(f"#{row['anchor']}")
        tick.set_url(f"#{row['anchor']}")
        ax.annotate(f" {row['documents']} doc.", (bar.get_width(), bar.get_y() + bar.get_height() / 2),
                    va="center", fontsize=7, color="#555")
    ax.set_xlabel("mentions (a bar opens every mention)", fontsize=8)
    _integers(ax.xaxis)
    from matplotlib.patches import Patch

    shown = [g for g in GROUP_ORDER if any(row["group"] == g for row in top)]
    ax.legend([Patch(color=COLOURS[g]) for g in shown], [group_labels[g] for g in shown], fontsize=7, frameon=False,
              loc="lower right")
    _style_axes(ax)
    return _svg(fig, "instruments", "most-cited instruments")


def chart_timeline(by_issued: dict, by_cited: dict, labels: dict) -> str:
    fig = _figure(9, 3.2)
    axes = fig.subplots(1, 2)
    for ax, counts, title in ((axes[0], by_issued, "by the year the instrument was issued"),
                              (axes[1], by_cited, "by the year of the citing document")):
        years = sorted({y for (y, _) in counts})
        if years:
            span = list(range(years[0], years[-1] + 1)) if years[-1] - years[0] <= 60 else years
            bottom = [0] * len(span)
            for group in GROUP_ORDER:
                values = [counts.get((y, group), 0) for y in span]
                if any(values):
                    ax.bar([str(y) for y in span], values, bottom=bottom, color=COLOURS[group],
                           label=labels.get(group, group))
                    bottom = [b + v for b, v in zip(bottom, values)]
            ax.tick_params(axis="x", labelrotation=90)
            _integers(ax.yaxis)
            step = max(1, len(span) // 25)
            for i, tick in enumerate(ax.get_xticklabels()):
                tick.set_visible(i % step == 0)
        else:
            ax.text(0.5, 0.5, "no dated citation", ha="center", va="center", transform=ax.transAxes)
        ax.set_title(f"mentions {title}", fontsize=9)
        _style_axes(ax)
    handles, names = axes[0].get_legend_handles_labels()
    more_h, more_n = axes[1].get_legend_handles_labels()
    for h, n in zip(more_h, more_n):
        if n not in names:
            handles.append(h)
            names.append(n)
    if handles:
        fig.legend(handles, names, loc="outside lower center", ncols=len(handles), fontsize=8, frameon=False)
    return _svg(fig, "timeline", "citations by issuing level and year")


def chart_target_counts(rows: list[dict]) -> str:
    counts = Counter((row["year"], row["kind"]) for row in rows if row["year"] is not None)
    years = sorted({y for y, _ in counts})
    fig = _figure(9, 2.6)
    ax = fig.subplots()
    if years:
        x = range(len(years))
        ax.bar([i - 0.2 for i in x], [counts.get((y, "target"), 0) for y in years], 0.4, color=TARGET_COLOUR,
               label="targets set")
        ax.bar([i + 0.2 for i in x], [counts.get((y, "result"), 0) for y in years], 0.4, color=RESULT_COLOUR,
               label="results reported")
        ax.set_xticks(list(x), [str(y) for y in years], rotation=90)
        ax.legend(fontsize=8, frameon=False)
    else:
        ax.text(0.5, 0.5, "no measure with a year", ha="center", va="center", transform=ax.transAxes)
    ax.set_title("measures by the year they are due or measured in", fontsize=9)
    _style_axes(ax)
    return _svg(fig, "target-counts", "targets and results by year")


def chart_target_pair(pair: dict, n: int) -> str:
    fig = _figure(3.0, 1.9, small=True)
    ax = fig.subplots()
    for kind, colour, marker in (("target", TARGET_COLOUR, "o"), ("result", RESULT_COLOUR, "s")):
        points = sorted((p["x"], p["value"]) for p in pair["points"] if p["kind"] == kind and p["x"] is not None)
        if points:
            ax.plot([p[0] for p in points], [p[1] for p in points], marker=marker, color=colour,
                    linestyle="none" if kind == "target" else "-", markerfacecolor="none" if kind == "target" else colour,
                    label=kind)
    years = [p["x"] for p in pair["points"]]
    ax.set_xlim(min(years) - 0.5, max(years) + 0.5)
    _integers(ax.xaxis)
    ax.margins(y=0.2)
    ax.set_ylabel(pair["unit"] or "", fontsize=7)
    _style_axes(ax)
    return _svg(fig, f"target-{n}", f"targets and results: {pair['indicator']}")


def chart_series(series: dict, n: int) -> str:
    fig = _figure(2.8, 1.6, small=True)
    ax = fig.subplots()
    years = [p[0] for p in series["points"]]
    values = [p[1] for p in series["points"]]
    ax.plot(years, values, marker="o", markersize=3, color="#1e8449")
    for y, v in zip(years, values):
        ax.annotate(f"{v:g}", (y, v), textcoords="offset points", xytext=(0, 4), ha="center", fontsize=6)
    _integers(ax.xaxis)
    ax.margins(y=0.25)
    _style_axes(ax)
    return _svg(fig, f"statistic-{n}", f"footnote statistic over the years: {series['metric']}")


# ---------------------------------------------------------------------------- data

_NOT_WORDING = regex.compile(r"\b\d{4}\b|[^\w%‰]+")


def _indicator_key(indicator: str | None, unit: str | None) -> tuple[str, str]:
    """Measures of one indicator share this key: the wording folded, punctuation and years
    dropped (the year is compared apart), and the unit."""
    words = _NOT_WORDING.sub(" ", fold(indicator or ""))
    return " ".join(words.split()), fold(unit or "")


def targets_and_results(records: list[dict]) -> tuple[list[dict], list[dict]]:
    """(rows, pairs): one row per indicator and year with the targets set and the results
    reported, matched where both exist; `pairs` the matched indicators to draw."""
    groups: dict[tuple, dict] = {}
    for record in records:
        doc = document_of(record)
        doc_year = _year(doc.get("date"))
        term_end = _year((doc.get("term") or "")[-4:]) if doc.get("term") else None
        for m in record.get("measures") or []:
            if m.get("kind") not in ("target", "result") or not isinstance(m.get("value"), (int, float)):
                continue
            key = _indicator_key(m.get("indicator"), m.get("unit"))
            if not key[0]:
                continue
            group = groups.setdefault(key, {"indicator": " ".join((m.get("indicator") or "").split()),
                                            "unit": m.get("unit"), "measures": []})
            group["measures"].append({**m, "doc_id": record["doc_id"], "source": doc.get("source"),
                                      "x": m.get("year") or doc_year or term_end})
    rows, pairs = [], []
    for key in sorted(groups):
        group = groups[key]
        kinds = {m["kind"] for m in group["measures"]}
        matched = kinds == {"target", "result"}
        by_year = defaultdict(list)
        for m in group["measures"]:
            by_year[m.get("year")].append(m)
        for year in sorted(by_year, key=lambda y: (y is None, y or 0)):
            found = by_year[year]
            rows.append({"indicator": group["indicator"], "unit": group["unit"], "year": year, "matched": matched,
                         "targets": [m for m in found if m["kind"] == "target"],
                         "results": [m for m in found if m["kind"] == "result"],
                         "kind": "target" if all(m["kind"] == "target" for m in found) else "result"})
        drawable = {m["kind"] for m in group["measures"] if m["x"] is not None}
        if drawable == {"target", "result"}:
            pairs.append({"indicator": group["indicator"], "unit": group["unit"],
                          "points": [m for m in group["measures"] if m["x"] is not None]})
    rows.sort(key=lambda r: (not r["matched"], fold(r["indicator"]), r["year"] is None, r["year"] or 0))
    pairs.sort(key=lambda p: (-len(p["points"]), fold(p["indicator"])))
    return rows, pairs


def statistic_series(records: list[dict]) -> list[dict]:
    """Footnote statistics of one metric in one document over two years or more."""
    series = []
    for record in records:
        by_metric: dict[tuple, dict] = {}
        for s in record.get("statistics") or []:
            if s.get("year") is None or not isinstance(s.get("value"), (int, float)) or not s.get("metric"):
                continue
            key = (fold(s["metric"]), fold(s.get("unit") or ""))
            entry = by_metric.setdefault(key, {"metric": " ".join(s["metric"].split()), "unit": s.get("unit"),
                                               "footnote": s.get("footnote"), "doc_id": record["doc_id"],
                                               "source": record.get("source"), "values": {}})
            entry["values"].setdefault(s["year"], s["value"])  # the first figure given for a year
        for entry in by_metric.values():
            if len(entry["values"]) >= 2:
                entry["points"] = sorted(entry["values"].items())
                series.append(entry)
    series.sort(key=lambda s: (-len(s["points"]), s["source"] or "", fold(s["metric"])))
    return series


# ---------------------------------------------------------------------------- page

CSS = """
body { font-family: "DejaVu Sans", "Noto Sans", "Segoe UI", Arial, sans-serif; margin: 0; color: #1c2833;
       line-height: 1.4; font-size: 14px; }
header, main { max-width: 1200px; margin: 0 auto; padding: 0 16px; }
header { border-bottom: 1px solid #d5d8dc; }
nav a { margin-right: 12px; }
h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 32px; border-bottom: 2px solid #d5d8dc; }
h3 { font-size: 15px; margin: 20px 0 4px; }
table { border-collapse: collapse; margin: 8px 0; font-size: 13px; }
th, td { border: 1px solid #d5d8dc; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #f2f3f4; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
mark { background: #fcf3cf; font-weight: bold; }
.variant { display: inline-block; border: 1px solid #d5d8dc; border-radius: 3px; padding: 0 4px; margin: 1px 2px; }
.variant b { color: #c0392b; }
.muted { color: #707b7c; }
svg.chart { max-width: 100%; height: auto; display: block; }
svg.chart a:hover path { opacity: 0.7; }
.grid { display: flex; flex-wrap: wrap; gap: 12px; }
.grid figure { margin: 0; width: 280px; }
figcaption { font-size: 12px; }
section.drill:target, section.record:target { background: #fef9e7; }
/* thousands of drill-downs: the browser lays out only those scrolled to, so the page opens fast */
section.drill, section.record { content-visibility: auto; contain-intrinsic-size: auto 240px; }
.filter { margin: 6px 0; padding: 4px; width: 320px; }
details { margin: 8px 0; }
"""

SCRIPT = """
document.querySelectorAll("input[data-filter]").forEach(function (box) {
  var items = Array.prototype.slice.call(document.querySelectorAll(box.getAttribute("data-filter")));
  box.addEventListener("input", function () {
    var wanted = box.value.trim().toLowerCase();
    items.forEach(function (item) {
      item.hidden = wanted !== "" && item.textContent.toLowerCase().indexOf(wanted) < 0;
    });
  });
});
"""


def _table(header: list[str], rows: list[list[str]], cls: str = "") -> str:
    """Cells are HTML already (escaped by the caller)."""
    head = "".join(f"<th>{h}</th>" for h in header)
    body = "\n".join("<tr>" + "".join(cell if cell.startswith("<td") else f"<td>{cell}</td>" for cell in row)
                     + "</tr>" for row in rows)
    return f'<table{f" class={cls!r}" if cls else ""}><thead><tr>{head}</tr></thead><tbody>\n{body}\n</tbody></table>'


def _num(n) -> str:
    return f'<td class="n">{e(n)}</td>'


def _doc_link(doc_id: str, source: str | None) -> str:
    return f'<a href="#d-{e(doc_id)}">{e(_name(source))}</a>'


def _value(m: dict) -> str:
    comparator = {"=": "", ">": "> ", ">=": "≥ ", "<": "< ", "<=": "≤ ", "increase": "+", "decrease": "−"}
    value = f"{m.get('value'):g}" if isinstance(m.get("value"), (int, float)) else e(m.get("value"))
    if m.get("comparator") == "range" and isinstance(m.get("value_max"), (int, float)):
        return f"{value}–{m['value_max']:g}"
    return comparator.get(m.get("comparator"), "") + value


class Report:
    """What the page shows, computed once from the base's documents."""

    def __init__(self, kb_dir: str | Path):
        self.kb_dir = Path(kb_dir)
        self.records = load_documents(kb_dir)
        self.errors = read_errors(kb_dir)
        self.docs = [document_of(r) for r in self.records]
        self.mentions = citation_mentions(self.records)
        citations = [{**c, "doc_id": r["doc_id"]} for r in self.records for c in r.get("citations") or []]
        audited = audit(citations, self.docs)
        groups = lexicon.mapping("issuing_levels", "level", "group")
        self.group_labels = {r["group"]: r["label"] for r in lexicon.rows("issuing_levels")}
        self.group_labels["unknown"] = "level not known"
        self.group_of = lambda level: groups.get(level or "", "unknown")  # noqa: E731
        self.instruments = sorted(audited["cited_instruments"],
                                  key=lambda r: (-r["mentions"], -r["documents"], r["instrument"]))
        for row in self.instruments:
            row["anchor"] = _anchor("i", row["key"])
            row["group"] = self.group_of(row.get("issuer_level"))
        self.by_key = {row["key"]: row for row in self.instruments}
        self.mentions_of: dict[str, list[dict]] = defaultdict(list)
        for m in self.mentions:
            self.mentions_of[instrument_key(m)].append(m)
        self.conflicts = instrument_conflicts(citations)
        self.target_rows, self.target_pairs = targets_and_results(self.records)
        self.series = statistic_series(self.records)

    # ------------------------------------------------------------------ sections

    def summary(self) -> str:
        counts = {kind: sum(len(r.get(kind) or []) for r in self.records) for kind in RECORD_TYPES}
        issuers = Counter(d.get("issuer") or "(not read)" for d in self.docs)
        parts = [f"<p>{len(self.records)} documents read, {len(self.errors)} files failed; "
                 + ", ".join(f"{n} {kind}" for kind, n in counts.items()) + ".</p>",
                 chart_documents(self.docs),
                 "<h3>Issuers</h3>",
                 _table(["issuer", "documents"], [[e(i), _num(n)] for i, n in
                                                   sorted(issuers.items(), key=lambda kv: (-kv[1], kv[0]))[:20]])]
        if self.errors:
            parts.append("<h3>Files that failed</h3>")
            parts.append(_table(["file", "reason"], [[e(x["source"]), e(x["reason"])] for x in self.errors]))
        return "".join(parts)

    def instruments_section(self) -> str:
        if not self.instruments:
            return "<p>No citation in this base.</p>"
        rows = [[f'<a href="#{r["anchor"]}">{e(r["instrument"])}</a>', e(r.get("type")), e(r.get("date")),
                 e(r.get("issuer")), e(self.group_labels.get(r["group"])), _num(r["mentions"]), _num(r["documents"]),
                 e(r.get("first_cited")), e(r.get("last_cited"))]
                for r in self.instruments[:TOP_INSTRUMENTS]]
        return (chart_instruments(self.instruments, self.group_labels)
                + f'<p class="muted">The {min(TOP_INSTRUMENTS, len(self.instruments))} most cited of '
                  f'{len(self.instruments)} instruments; every instrument\'s mentions are under '
                  f'<a href="#mentions">Mentions</a>.</p>'
                + _table(["instrument", "type", "date", "issuer", "level", "mentions", "documents", "first cited",
                          "last cited"], rows))

    def conflicts_section(self) -> str:
        if not self.conflicts:
            return "<p>No instrument's mentions disagree on date or issuer.</p>"

        def variants(row, field):
            return "".join(f'<span class="variant">{e(v["value"])} <b>×{v["mentions"]}</b>'
                           f'<span class="muted"> in {v["documents"]} doc.</span></span>'
                           for v in row["fields"].get(field, []))
        rows = [[f'<a href="#{_anchor("i", row["key"])}">{e(row["ref_id"])}</a>', e(row.get("type")),
                 variants(row, "date"), variants(row, "issuer"), _num(row["mentions"]), _num(row["documents"])]
                for row in sorted(self.conflicts, key=lambda r: (-r["mentions"], r["ref_id"]))]
        return (f"<p>{len(self.conflicts)} instruments whose mentions disagree; each variant with how many "
                f"mentions carry it.</p>"
                + _table(["instrument", "type", "dates written", "issuers written", "mentions", "documents"], rows,
                         "conflicts"))

    def timeline_section(self) -> str:
        by_issued, by_cited = Counter(), Counter()
        for m in self.mentions:
            key = instrument_key(m)
            row = self.by_key.get(key, {})
            group = self.group_of(m.get("issuer_level") or row.get("issuer_level"))
            issued = _year(m.get("date")) or _year(row.get("date"))
            if issued is None and m.get("ref_id"):
                found = regex.search(r"/((?:19|20)\d\d)/", m["ref_id"])
                issued = int(found.group(1)) if found else None
            if issued is not None:
                by_issued[(issued, group)] += 1
            cited = _year(m.get("doc_date"))
            if cited is not None:
                by_cited[(cited, group)] += 1
        undated = len(self.mentions) - sum(by_issued.values())
        return (chart_timeline(by_issued, by_cited, self.group_labels)
                + f'<p class="muted">Levels from the instrument\'s symbol (…/TW, …/TU, …-CP, …-UBND). '
                  f'{undated} of {len(self.mentions)} mentions give no issue year; '
                  f'{len(self.mentions) - sum(by_cited.values())} sit in undated documents.</p>')

    def targets_section(self) -> str:
        rows = self.target_rows
        if not rows:
            return "<p>No target or result in this base.</p>"
        measures = [{"kind": k, "year": m.get("year")} for r in rows for k in ("target", "result")
                    for m in r[k + "s"]]
        parts = [chart_target_counts(measures)]
        if self.target_pairs:
            figures = []
            for n, pair in enumerate(self.target_pairs[:MAX_TARGET_CHARTS]):
                figures.append(f"<figure>{chart_target_pair(pair, n)}<figcaption>{e(_short(pair['indicator'], 120))}"
                               f"{' (' + e(pair['unit']) + ')' if pair['unit'] else ''}"
                               f' <span class="muted">○ target, ■ result</span></figcaption></figure>')
            parts.append(f"<h3>Targets and results over the years</h3><div class='grid'>{''.join(figures)}</div>"
                         f'<p class="muted">A year-less measure is drawn at its document\'s year (or the end of '
                         f"its term).</p>")

        def cell(found):
            return "<br>".join(f'{_value(m)} <span class="muted">{_doc_link(m["doc_id"], m["source"])}</span>'
                               for m in found)
        def table(chosen):
            return _table(["indicator", "unit", "year", "targets set", "results reported"],
                          [[e(r["indicator"]), e(r["unit"]), e(r["year"] if r["year"] is not None else "—"),
                            cell(r["targets"]), cell(r["results"])] for r in chosen], "targets")
        matched = [r for r in rows if r["matched"]]
        unmatched = [r for r in rows if not r["matched"]]
        indicators = len({(fold(r["indicator"]), r["unit"]) for r in matched})
        parts.append(f"<h3>Indicators with both targets and results: {indicators}, by year</h3>"
                     + (table(matched) if matched else
                     "<p>No indicator has both a target and a result under the same wording and unit.</p>"))
        parts.append(f"<details><summary>Unmatched: {len(unmatched)} indicator-years of indicators with only targets "
                     f"or only results</summary>{table(unmatched)}</details>")
        return "".join(parts)

    def statistics_section(self) -> str:
        if not self.series:
            return "<p>No footnote statistic is given for two years or more.</p>"
        figures = [f"<figure>{chart_series(s, n)}<figcaption>{e(_short(s['metric'], 140))}"
                   f"{' (' + e(s['unit']) + ')' if s['unit'] else ''} <span class='muted'>"
                   f"{_doc_link(s['doc_id'], s['source'])}, footnote {e(s['footnote'])}</span></figcaption></figure>"
                   for n, s in enumerate(self.series[:MAX_STATISTIC_CHARTS])]
        more = len(self.series) - MAX_STATISTIC_CHARTS
        return (f"<div class='grid'>{''.join(figures)}</div>"
                + (f'<p class="muted">{more} more series in statistics.csv.</p>' if more > 0 else ""))

    def documents_section(self) -> str:
        rows = []
        for record, doc in zip(self.records, self.docs):
            rows.append([f'<a href="#d-{e(doc["doc_id"])}">{e(_name(doc.get("source")))}</a>', e(doc.get("kind")),
                         e(doc.get("date")), e(doc.get("issuer")), e(_short(doc.get("title") or "", 90))]
                        + [_num(len(record.get(k) or [])) for k in RECORD_TYPES])
        return ('<input class="filter" type="search" placeholder="filter documents" data-filter="table.documents tbody tr">'
                + _table(["document", "kind", "date", "issuer", "title", *RECORD_TYPES], rows, "documents"))

    def mentions_section(self) -> str:
        parts = ['<input class="filter" type="search" placeholder="filter instruments" data-filter="section.drill">']
        conflicting = {row["key"]: row for row in self.conflicts}
        for row in self.instruments:
            mentions = self.mentions_of.get(row["key"], [])
            disputed = conflicting.get(row["key"])
            note = ""
            if disputed:
                note = " ".join(f'<span class="variant">{e(field)}: {e(v["value"])} <b>×{v["mentions"]}</b></span>'
                                for field, values in disputed["fields"].items() for v in values)
                note = f"<p>Mentions disagree: {note}</p>"
            lines = []
            for m in mentions:
                where = e(m.get("section") or "")
                if m.get("in_footnote") is not None:
                    where += f"{'; ' if where else ''}footnote {e(m['in_footnote'])}"
                lines.append([_doc_link(m["doc_id"], m.get("source")), e(m.get("doc_kind")), e(m.get("doc_date")),
                              e(m.get("doc_issuer")), e(m.get("date")), e(m.get("issuer")), where,
                              f"{e(m['before'])}<mark>{e(m['mention'])}</mark>{e(m['after'])}"])
            parts.append(
                f'<section class="drill" id="{row["anchor"]}"><h3>{e(row["instrument"])} '
                f'<span class="muted">{e(row.get("type") or "")} · {e(row.get("date") or "date not given")} · '
                f'{e(row.get("issuer") or "issuer not given")} · {row["mentions"]} mentions in {row["documents"]} '
                f'documents</span></h3>{note}'
                + _table(["citing document", "kind", "its date", "its issuer", "date cited", "issuer cited",
                          "where", "sentence"], lines) + "</section>")
        return "".join(parts)

    def records_section(self) -> str:
        parts = []
        for record, doc in zip(self.records, self.docs):
            text = record.get("text")
            blocks = [f'<section class="record" id="d-{e(doc["doc_id"])}"><h3>{e(_name(doc.get("source")))} '
                      f'<span class="muted">{e(doc.get("kind"))} · {e(doc.get("date") or "undated")} · '
                      f'{e(doc.get("issuer") or "issuer not read")}</span></h3>'
                      f'<p class="muted">{e(doc.get("source"))}{" · " + e(doc.get("title")) if doc.get("title") else ""}'
                      f'</p>']
            if record.get("citations"):
                blocks.append("<details><summary>citations ({})</summary>{}</details>".format(
                    len(record["citations"]), _table(["instrument", "date", "issuer", "where", "as written"], [
                        [f'<a href="#{_anchor("i", instrument_key(c))}">{e(c.get("ref_id") or c.get("name"))}</a>',
                         e(c.get("date")), e(c.get("issuer")), e(c.get("section")), e(" ".join((c.get("text") or "").split()))]
                        for c in record["citations"]])))
            if record.get("measures"):
                blocks.append("<details><summary>measures ({})</summary>{}</details>".format(
                    len(record["measures"]), _table(["kind", "indicator", "value", "unit", "year", "sentence"], [
                        [e(m.get("kind")), e(m.get("indicator")), e(_value(m)), e(m.get("unit")), e(m.get("year")),
                         "{}<mark>{}</mark>{}".format(*map(e, mention_context(text, m.get("start"), m.get("end"),
                                                                              m.get("text") or "")))]
                        for m in record["measures"]])))
            if record.get("statistics"):
                blocks.append("<details><summary>statistics ({})</summary>{}</details>".format(
                    len(record["statistics"]), _table(["footnote", "metric", "year", "value", "unit"], [
                        [e(s.get("footnote")), e(s.get("metric")), e(s.get("year")), e(_value(s)), e(s.get("unit"))]
                        for s in record["statistics"]])))
            if record.get("tasks"):
                blocks.append("<details><summary>tasks ({})</summary>{}</details>".format(
                    len(record["tasks"]), _table(["assignee", "action", "deadline", "cadence"], [
                        [e(t.get("assignee")), e(t.get("action")), e(t.get("deadline")), e(t.get("cadence"))]
                        for t in record["tasks"]])))
            if record.get("tables"):
                blocks.append("<details><summary>tables ({})</summary><ul>{}</ul></details>".format(
                    len(record["tables"]), "".join(
                        f"<li>{e(t.get('title') or '(untitled)')} <span class='muted'>{len(t.get('rows') or [])} rows"
                        f"</span></li>" for t in record["tables"])))
            if record.get("entities"):
                by_label = defaultdict(list)
                for ent in record["entities"]:
                    by_label[ent.get("label")].append(ent.get("text") + (f" ({ent['title']})" if ent.get("title") else ""))
                blocks.append("<details><summary>entities ({})</summary>{}</details>".format(
                    len(record["entities"]), "".join(f"<p><b>{e(label)}</b>: {e('; '.join(names))}</p>"
                                                     for label, names in sorted(by_label.items(), key=lambda kv: str(kv[0])))))
            parts.append("".join(blocks) + "</section>")
        return "".join(parts)

    def html(self) -> str:
        sections = [("summary", "Summary", self.summary()),
                    ("instruments", "Most-cited instruments", self.instruments_section()),
                    ("conflicts", "Conflicts per instrument", self.conflicts_section()),
                    ("timeline", "Citations by issuing level and year", self.timeline_section()),
                    ("targets", "Targets against results", self.targets_section()),
                    ("statistics", "Footnote statistics over the years", self.statistics_section()),
                    ("documents", "Documents", self.documents_section()),
                    ("mentions", "Mentions of each instrument", self.mentions_section()),
                    ("records", "Records of each document", self.records_section())]
        nav = "".join(f'<a href="#{key}">{e(title)}</a>' for key, title, _ in sections)
        body = "\n".join(f'<h2 id="{key}">{e(title)}</h2>\n{content}' for key, title, content in sections)
        title = f"vnkb report: {self.kb_dir.resolve().name}"
        return (f'<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
                f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
                f"<title>{e(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
                f"<header><h1>{e(title)}</h1><nav>{nav}</nav></header>\n<main>\n{body}\n</main>\n"
                f"<script>{SCRIPT}</script>\n</body>\n</html>\n")


def write_report(kb_dir: str | Path, out: str | Path) -> dict:
    """Write the page to `out` (under a temporary name renamed into place); what it holds."""
    started = time.perf_counter()
    report = Report(kb_dir)
    page = report.html()
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    tmp.write_text(page, encoding="utf-8")
    os.replace(tmp, out)
    return {"documents": len(report.records), "instruments": len(report.instruments),
            "conflicts": len(report.conflicts), "mentions": len(report.mentions), "bytes": len(page.encode("utf-8")),
            "seconds": time.perf_counter() - started}
