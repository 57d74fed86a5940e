"""Numeric facts in footnote bodies (SPEC.md, 'statistic'), split by year where a footnote
runs year by year ("Năm 2020, số CBCC …: 199, trong đó đảng viên: 78; năm 2021, …")."""
from __future__ import annotations

import regex

from schemas.document import Document

from .clauses import describe, pieces, skip_spans

# extractors whose results this one reads through Document.remember
REQUIRES = ("citations",)


# A year that opens what follows it: "Năm 2020, …", "năm 2021: …", "Tính đến cuối năm 2024, …"
_YEAR_SCOPE = regex.compile(r"(?i:năm)[ \t]+((?:19|20)\d\d)(?![\d/])(?![ \t]*[-–][ \t]*(?:19|20)\d\d)")
_PERIOD = regex.compile(r"(?i:năm)[ \t]+(?:19|20)\d\d[ \t]*[-–][ \t]*(?:19|20)\d\d")
_OF_WHICH = regex.compile(r"^[\s,;:.]*(?i:trong đó)[\s,:]*")


def extract(doc: Document) -> list[dict]:
    if not doc.footnotes:
        return []
    spans = skip_spans(doc)
    text = doc.text
    out: list[dict] = []
    for fn in doc.footnotes:
        scopes = [(m.start(), int(m.group(1))) for m in _YEAR_SCOPE.finditer(text, fn.start, fn.end)]
        scopes += [(m.start(), None) for m in _PERIOD.finditer(text, fn.start, fn.end)]
        scopes.sort()
        base = None  # the metric a "trong đó …" figure qualifies
        for piece in pieces(text, fn.start, fn.end, spans, fn.start, facts=True):
            q = piece.quantity
            year = None
            for pos, y in scopes:
                if pos < q.number_start:
                    year = y
            metric = describe(text, piece)
            of_which = _OF_WHICH.match(text[piece.start:q.start])
            if of_which and base:
                metric = f"{base} - trong đó {metric}"
            else:
                base = metric
            out.append({"footnote": fn.n, "year": year, "metric": metric, "value": q.value,
                        "value_max": q.value_max, "unit": q.unit,
                        "text": text[piece.start:piece.end].strip(), "start": piece.start, "end": piece.end})
    return out
