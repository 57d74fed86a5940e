"""Footnote records: the bodies the reader found, with their anchors where the source keeps them."""
from __future__ import annotations

from schemas.document import Document

# extractors whose results this one reads through Document.remember
REQUIRES = ()



def extract(doc: Document) -> list[dict]:
    return [{
        "n": fn.n,
        "text": fn.text,
        "anchor": fn.anchor,
        "anchor_sentence": doc.anchor_sentence(fn),
        "section": doc.section_at(fn.anchor) if fn.anchor is not None else None,
        "start": fn.start,
        "end": fn.end,
    } for fn in doc.footnotes]
