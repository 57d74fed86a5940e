"""`vnkb eval`: precision, recall and F1 per record type, and field accuracy on matched
records, against gold files in the shape SPEC.md gives - the matching rules of SPEC.md
('The gold files') and of the shared scorer, implemented here so archive maintainers can
measure vnkb on files they annotate themselves."""
from __future__ import annotations

import json
import math
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import regex

from extractors.refs import ref_key
from schemas.text import new_tones

KINDS = ("citations", "citations_numbered", "measures", "statistics", "tables", "table_cells_leaf",
         "footnotes", "entities", "tasks")
DOCUMENT_FIELDS = ("kind", "number", "issuer", "place", "date", "subject", "signer_name", "signer_title",
                   "draft", "term", "title")
_LOOSE_FIELDS = {"issuer", "subject", "title"}  # compared by word overlap, not equality
_EDGES = " \t\n.,;:-–—()\"'“”"
_SHORT_FORMS = {
    "hđnd": "hội đồng nhân dân", "ubnd": "ủy ban nhân dân", "bch": "ban chấp hành", "btv": "ban thường vụ",
    "ubkt": "ủy ban kiểm tra", "tw": "trung ương", "đuk": "đảng ủy khối", "syt": "sở y tế", "byt": "bộ y tế",
    "tu": "tỉnh ủy", "ttg": "thủ tướng chính phủ", "tncs": "thanh niên cộng sản", "đ/c": "đồng chí",
    "bhyt": "bảo hiểm y tế", "ttyt": "trung tâm y tế", "bvđk": "bệnh viện đa khoa", "tp": "thành phố",
    "xnk": "xuất nhập khẩu", "ctn": "chủ tịch nước", "tx": "thị xã", "lđlđ": "liên đoàn lao động",
    "mttq": "mặt trận tổ quốc", "vn": "việt nam", "bhxh": "bảo hiểm xã hội"}


def norm(text) -> str:
    """The form values are compared in: NFC, new-style tones, case-folded, one space, no
    punctuation at the edges."""
    if text is None:
        return ""
    text = new_tones(unicodedata.normalize("NFC", str(text))).casefold()
    return " ".join(text.split()).strip(_EDGES)


def long_form(text) -> str:
    return " ".join(_SHORT_FORMS.get(w, w) for w in norm(text).split(" "))


def words(text) -> list[str]:
    return regex.findall(r"\w+", long_form(text))


def overlap(a, b) -> float:
    """Word-multiset F1 of two texts."""
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return 0.0
    pool, common = list(wb), 0
    for w in wa:
        if w in pool:
            pool.remove(w)
            common += 1
    return 0.0 if not common else 2 * common / (len(wa) + len(wb))


def same_ref(a, b) -> bool:
    return ref_key(a) == ref_key(b)


def _unit_key(unit) -> str:
    if unit is None:
        return ""
    key = regex.sub(r"(?<=\d)\.(?=\d{3})", "", norm(unit).replace(" ", ""))
    return {"%o": "‰", "phầntrăm": "%"}.get(key, key)


def same_unit(a, b) -> bool:
    ka, kb = _unit_key(a), _unit_key(b)
    if ka == kb:
        return True
    if "/" in ka and "/" in kb:  # a rate names its denominator; one side may omit the counted noun
        (na, da), (nb, db) = ka.split("/", 1), kb.split("/", 1)
        return da == db and (not na or not nb)
    return False


def same_value(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)
    except (TypeError, ValueError):
        return norm(a) == norm(b)


def same_body(a, b) -> bool:
    if not a or not b:
        return not a and not b
    return long_form(a) == long_form(b) or overlap(a, b) >= 0.75


@dataclass
class Count:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    fields: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0]))

    def check(self, name: str, ok: bool) -> None:
        self.fields[name][0] += bool(ok)
        self.fields[name][1] += 1

    def result(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        out = {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(p, 4), "recall": round(r, 4),
               "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}
        out.update({f"{k}_acc": round(ok / seen, 4) for k, (ok, seen) in sorted(self.fields.items())})
        return out


def pair_up(gold: list, pred: list, similarity, floor: float) -> list[tuple[dict, dict]]:
    """Best pairs first; a record pairs once. Ties go to records in the same place in order."""
    scored = sorted(((s, -abs(i - j), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)
                     if (s := similarity(g, p)) >= floor), reverse=True)
    used_g, used_p, pairs = set(), set(), []
    for _, _, i, j in scored:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((gold[i], pred[j]))
    return pairs


def citation_similarity(g: dict, p: dict) -> float:
    if g.get("ref_id") or p.get("ref_id"):
        if not same_ref(g.get("ref_id"), p.get("ref_id")):
            return 0.0
        return 3.0 if norm(g.get("date")) == norm(p.get("date")) else 2.0
    if norm(g.get("type")) != norm(p.get("type")):
        return 0.0
    return max(overlap(g.get("name") or g.get("text"), p.get("name") or p.get("text")),
               overlap(g.get("text"), p.get("text")))


def quantity_similarity(label: str):
    def similarity(g: dict, p: dict) -> float:
        if not same_value(g.get("value"), p.get("value")):
            return 0.0
        if (g.get("value_max") is not None or p.get("value_max") is not None) and \
                not same_value(g.get("value_max"), p.get("value_max")):
            return 0.0
        return max(overlap(g.get(label), p.get(label)), overlap(g.get("text"), p.get("text")))
    return similarity


def task_similarity(g: dict, p: dict) -> float:
    who = overlap(g.get("assignee"), p.get("assignee"))
    what = max(overlap(g.get("action"), p.get("action")), overlap(g.get("text"), p.get("text")))
    return (who + what) / 2 if who > 0.3 and what > 0.2 else 0.0


def _cells(tables) -> list[tuple]:
    out = []
    for table in tables or []:
        for c in table.get("cells") or []:
            value = c.get("value")
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                value = "%g" % float(value)
            out.append((norm(c.get("row")), norm(c.get("column")), norm(value)))
    return out


def _multiset(count: Count, gold: list, pred: list) -> None:
    pool = list(pred)
    for item in gold:
        if item in pool:
            pool.remove(item)
            count.tp += 1
        else:
            count.fn += 1
    count.fp += len(pool)


def _paired(count: Count, gold: list, pred: list, similarity, floor: float, checks=()) -> None:
    pairs = pair_up(gold, pred, similarity, floor)
    count.tp += len(pairs)
    count.fn += len(gold) - len(pairs)
    count.fp += len(pred) - len(pairs)
    for g, p in pairs:
        for name, ok in checks:
            count.check(name, ok(g, p))


def compare(gold: dict, pred: dict, counts: dict[str, Count], fields: Count) -> None:
    skipped = set(gold.get("skip") or [])
    gold = {k: v for k, v in gold.items() if k not in skipped}
    pred = {k: v for k, v in pred.items() if k not in skipped}
    gd, pd_ = gold.get("document") or {}, pred.get("document") or {}
    for name in DOCUMENT_FIELDS:
        if gd.get(name) not in (None, "", []):
            ok = overlap(gd[name], pd_.get(name)) >= 0.8 if name in _LOOSE_FIELDS else norm(gd[name]) == norm(pd_.get(name))
            fields.check(name, ok)
    for name in ("recipients", "distribution"):
        if gd.get(name):
            got = [long_form(x) for x in pd_.get(name) or []]
            fields.check(name, len(got) == len(gd[name]) and all(long_form(x) in got for x in gd[name]))
    value = lambda f: (lambda g, p: norm(g.get(f)) == norm(p.get(f)))
    _paired(counts["citations"], gold.get("citations") or [], pred.get("citations") or [], citation_similarity, 0.5,
            (("type", value("type")), ("date", value("date")),
             ("issuer", lambda g, p: same_body(g.get("issuer"), p.get("issuer")))))
    numbered = lambda items: [c for c in items or [] if c.get("ref_id")]
    _paired(counts["citations_numbered"], numbered(gold.get("citations")), numbered(pred.get("citations")),
            citation_similarity, 0.5)
    unit = ("unit", lambda g, p: same_unit(g.get("unit"), p.get("unit")))
    year = ("year", lambda g, p: g.get("year") == p.get("year"))
    _paired(counts["measures"], gold.get("measures") or [], pred.get("measures") or [],
            quantity_similarity("indicator"), 0.4,
            (unit, year, ("comparator", lambda g, p: g.get("comparator") == p.get("comparator")),
             ("kind", lambda g, p: g.get("kind") == p.get("kind"))))
    _paired(counts["statistics"], gold.get("statistics") or [], pred.get("statistics") or [],
            quantity_similarity("metric"), 0.4,
            (unit, year, ("footnote", lambda g, p: g.get("footnote") == p.get("footnote"))))
    gc, pc = _cells(gold.get("tables")), _cells(pred.get("tables"))
    _multiset(counts["tables"], gc, pc)
    leaf = lambda cells: [(r, c.split(" / ")[-1], v) for r, c, v in cells]
    _multiset(counts["table_cells_leaf"], leaf(gc), leaf(pc))
    notes = lambda items: [norm(f.get("text"))[:60] for f in items or []]
    _multiset(counts["footnotes"], notes(gold.get("footnotes")), notes(pred.get("footnotes")))
    names = lambda items: sorted({(e.get("label"), long_form(e.get("text"))) for e in items or []})
    _multiset(counts["entities"], names(gold.get("entities")), names(pred.get("entities")))
    _paired(counts["tasks"], gold.get("tasks") or [], pred.get("tasks") or [], task_similarity, 0.3,
            (("deadline", value("deadline")),))


def load_gold(folder: str | Path) -> dict[str, dict]:
    """Gold files by document stem; a document's part files ('000_x.part1.json') merged."""
    gold: dict[str, dict] = {}
    for path in sorted(Path(folder).glob("*.json")):
        merged = gold.setdefault(path.name.split(".")[0], {"document": {}})
        for key, value in json.loads(path.read_text(encoding="utf-8")).items():
            if key == "document":
                merged["document"].update(value or {})
            elif key == "skip" or isinstance(value, list):
                merged.setdefault(key, []).extend(value)
            else:
                merged[key] = value
    return gold


def load_predictions(kb: str | Path, formats: list[str] | None = None) -> dict[str, list[dict]]:
    """documents.jsonl of a knowledge base (or the file itself), by document stem."""
    path = Path(kb)
    path = path / "documents.jsonl" if path.is_dir() else path
    pred: dict[str, list[dict]] = defaultdict(list)
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                record = json.loads(line)
                name = Path(record.get("source") or "").name
                if "." in name and (not formats or name.rsplit(".", 1)[1].lower() in formats):
                    pred[name.split(".")[0]].append(record)
    return pred


def evaluate(gold: dict[str, dict], pred: dict[str, list[dict]]) -> dict:
    counts = {kind: Count() for kind in KINDS}
    fields = Count()
    missing = []
    for stem, g in sorted(gold.items()):
        found = pred.get(stem)
        if not found:
            missing.append(stem)
            found = [{}]
        for p in found:
            compare(g, p, counts, fields)
    result = {kind: counts[kind].result() for kind in KINDS}
    result["document"] = {k[:-4]: v for k, v in fields.result().items() if k.endswith("_acc")}
    result["missing_documents"] = missing
    return result


def by_document(gold: dict[str, dict], pred: dict[str, list[dict]]) -> list[dict]:
    rows = []
    for stem in sorted(gold):
        for record in pred.get(stem) or [{}]:
            one = evaluate({stem: gold[stem]}, {stem: [record]})
            rows.append({"document": Path(record.get("source") or stem).name,
                         **{k: one[k]["f1"] for k in ("citations", "measures", "statistics", "tables",
                                                       "footnotes", "entities", "tasks")}})
    return rows
