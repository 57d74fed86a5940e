"""The citation audit over a whole knowledge base: each cited instrument with how often and
by whom it is cited, and the instruments whose mentions disagree on date or issuer."""
from __future__ import annotations

from collections import Counter, defaultdict

import regex

from extractors.refs import ref_key
from schemas.text import fold


def instrument_key(c: dict) -> str:
    """Mentions of one instrument share this key: the ref_id, or for un-numbered ones the
    type and name folded ("Nghị quyết Trung ương 4 (khóa XI)" = "nghị quyết trung ương 4 khóa xi")."""
    if c.get("ref_id"):
        return ref_key(c["ref_id"])
    name = c.get("name") or c.get("text") or ""
    return fold(regex.sub(r"[()“”\"]", " ", name))


def _dates_agree(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)  # "2024-05" is not at odds with "2024-05-09"


def _issuers_agree(a: str, b: str) -> bool:
    ta, tb = set(regex.findall(r"\w+", fold(a))), set(regex.findall(r"\w+", fold(b)))
    return ta <= tb or tb <= ta  # "Ban Thường vụ Tỉnh ủy" and "… Tỉnh ủy Hà Tĩnh" are one body


def _disagree(values: list[str], agree) -> bool:
    distinct = sorted(set(values))
    return any(not agree(a, b) for i, a in enumerate(distinct) for b in distinct[i + 1:])


def audit(citations: list[dict], documents: list[dict]) -> dict[str, list[dict]]:
    """`cited_instruments`, `citation_conflicts` and `citation_edges` rows."""
    doc_date = {d["doc_id"]: d.get("date") for d in documents}
    doc_source = {d["doc_id"]: d.get("source") for d in documents}
    groups: dict[str, list[dict]] = defaultdict(list)
    for c in citations:
        groups[instrument_key(c)].append(c)
    instruments, conflicts, edges = [], [], []
    for key in sorted(groups):
        mentions = groups[key]
        first = mentions[0]
        dates = [m["date"] for m in mentions if m.get("date")]
        issuers = [m["issuer"] for m in mentions if m.get("issuer")]
        docs = sorted({m["doc_id"] for m in mentions})
        cited_on = sorted(d for d in (doc_date.get(x) for x in docs) if d)
        instruments.append({
            "instrument": first.get("ref_id") or " ".join((first.get("name") or "").split()),
            "ref_id": first.get("ref_id"), "type": first.get("type"),
            "date": Counter(dates).most_common(1)[0][0] if dates else None,
            "issuer": Counter(issuers).most_common(1)[0][0] if issuers else None,
            "issuer_level": first.get("issuer_level"),
            "mentions": len(mentions), "documents": len(docs),
            "first_cited": cited_on[0] if cited_on else None,
            "last_cited": cited_on[-1] if cited_on else None,
            "key": key,
        })
        if first.get("ref_id"):
            for field, values, agree in (("date", dates, _dates_agree), ("issuer", issuers, _issuers_agree)):
                if _disagree(values, agree):
                    for m in mentions:
                        if m.get(field):
                            conflicts.append({"ref_id": first["ref_id"], "field": field, "value": m[field],
                                              "doc_id": m["doc_id"], "source": doc_source.get(m["doc_id"]),
                                              "in_footnote": m.get("in_footnote"), "start": m.get("start"),
                                              "text": m.get("text")})
        per_doc = Counter(m["doc_id"] for m in mentions)
        for doc_id in docs:
            edges.append({"doc_id": doc_id, "source": doc_source.get(doc_id),
                          "cited": first.get("ref_id") or " ".join((first.get("name") or "").split()),
                          "type": first.get("type"), "mentions": per_doc[doc_id]})
    edges.sort(key=lambda e: (e["source"] or "", e["cited"]))
    return {"cited_instruments": instruments, "citation_conflicts": conflicts, "citation_edges": edges}


def instrument_conflicts(citations: list[dict]) -> list[dict]:
    """One row per numbered instrument whose mentions disagree, for a person to read: each
    field in dispute with its variants side by side, and how many mentions and documents
    carry each variant (most carried first)."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for c in citations:
        if c.get("ref_id"):
            groups[instrument_key(c)].append(c)
    rows = []
    for key in sorted(groups):
        mentions = groups[key]
        fields = {}
        for field, agree in (("date", _dates_agree), ("issuer", _issuers_agree)):
            values = [m[field] for m in mentions if m.get(field)]
            if not _disagree(values, agree):
                continue
            carried = Counter(values)
            docs = defaultdict(set)
            for m in mentions:
                if m.get(field):
                    docs[m[field]].add(m.get("doc_id"))
            fields[field] = [{"value": value, "mentions": n, "documents": len(docs[value])}
                             for value, n in sorted(carried.items(), key=lambda kv: (-kv[1], kv[0]))]
        if fields:
            rows.append({"ref_id": mentions[0]["ref_id"], "key": key, "type": mentions[0].get("type"),
                         "mentions": len(mentions), "documents": len({m.get("doc_id") for m in mentions}),
                         "fields": fields})
    return rows
