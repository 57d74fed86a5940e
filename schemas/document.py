"""The one model every extractor reads: normalised text plus the parts a reader recovered.

Readers never hand extractors raw lines; they feed a `DocumentBuilder` blocks in reading
order, and the builder lays out `Document.text` so that every offset in every record
points into that single string.
"""
from __future__ import annotations

import hashlib
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property


@dataclass
class Block:
    kind: str  # "heading" | "paragraph" | "table" | "footnote"
    text: str
    start: int
    end: int
    level: int | None = None  # heading depth, 1 = outermost
    label: str | None = None  # a heading's own number ("III", "2", "a") for section paths
    footnote: int | None = None  # the footnote number of a footnote block
    table: int | None = None  # index into Document.tables of a table block


@dataclass
class Footnote:
    n: int
    text: str
    start: int  # where the body of the footnote sits in Document.text
    end: int
    anchor: int | None = None  # offset in Document.text the reference mark stood at


@dataclass
class Table:
    grid: list[list[str]]  # merged cells repeated across their span; rows may be ragged (txt)
    start: int
    end: int
    header_rows: int | None = None  # known from the source (docx merges, tblHeader); None: infer


@dataclass
class Document:
    doc_id: str
    source: str
    format: str
    text: str
    blocks: list[Block] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    encoding: str | None = None
    # results several extractors need (the citations, the metadata), computed once
    memo: dict = field(default_factory=dict, repr=False, compare=False)

    def remember(self, key: str, compute):
        if key not in self.memo:
            self.memo[key] = compute()
        return self.memo[key]

    @property
    def body_end(self) -> int:
        """Offset where the footnote bodies begin (the end of the text when there are none)."""
        return self.footnotes[0].start if self.footnotes else len(self.text)

    def footnote_at(self, offset: int) -> int | None:
        for fn in self.footnotes:
            if fn.start <= offset < fn.end:
                return fn.n
        return None

    @cached_property
    def _heading_paths(self) -> tuple[list[int], list[tuple[Block, ...]]]:
        """For each heading, where it starts and the path of headings it opens."""
        starts: list[int] = []
        paths: list[tuple[Block, ...]] = []
        path: tuple[Block, ...] = ()
        for block in self.blocks:
            if block.kind == "footnote":
                break
            if block.kind == "heading" and block.level is not None:
                path = tuple(p for p in path if p.level < block.level) + (block,)
                starts.append(block.start)
                paths.append(path)
        return starts, paths

    def headings_at(self, offset: int) -> list[Block]:
        """The numbered headings governing `offset`, outermost first."""
        starts, paths = self._heading_paths
        i = bisect_right(starts, offset) - 1
        return list(paths[i]) if i >= 0 and offset < self.body_end else []

    def section_at(self, offset: int) -> str | None:
        """The heading path governing `offset`, e.g. 'Phần thứ hai > A > III > 2'."""
        return " > ".join(b.label or b.text for b in self.headings_at(offset)) or None

    def anchor_sentence(self, fn: Footnote) -> str | None:
        if fn.anchor is None:
            return None
        return sentence_around(self.text, fn.anchor)


def sentence_around(text: str, offset: int) -> str:
    """The sentence that ends at, or contains, `offset`."""
    start = offset
    while start > 0 and text[start - 1] not in ".;!?\n":
        start -= 1
    # an anchor placed just after a full stop belongs to the sentence that stop closes
    if start == offset and offset > 0:
        start -= 1
        while start > 0 and text[start - 1] not in ".;!?\n":
            start -= 1
    end = offset
    while end < len(text) and text[end] not in ".;!?\n":
        end += 1
    return text[start:end].strip()


def doc_id_for(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


class DocumentBuilder:
    """Collects blocks in reading order and lays them out as one text with offsets."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.blocks: list[Block] = []
        self.tables: list[Table] = []
        self.footnotes: list[Footnote] = []
        self._anchors: dict[int, int] = {}

    def _append(self, text: str) -> tuple[int, int]:
        if self._parts:
            self._parts.append("\n\n")
            self._length += 2
        start = self._length
        self._parts.append(text)
        self._length += len(text)
        return start, self._length

    def add(self, text: str, heading: tuple[int | None, str | None] | None = None,
            anchors: list[tuple[int, int]] = ()) -> Block:
        """A paragraph, or a heading where `heading` is its (level, label).
        `anchors` are (footnote number, offset within `text`) pairs."""
        start, end = self._append(text)
        if heading is None:
            block = Block("paragraph", text, start, end)
        else:
            block = Block("heading", text, start, end, level=heading[0], label=heading[1])
        for n, local in anchors:
            self._anchors[n] = start + local
        self.blocks.append(block)
        return block

    def anchor(self, n: int, offset: int) -> None:
        self._anchors[n] = offset

    def table(self, grid: list[list[str]], header_rows: int | None = None) -> Block:
        rendered = "\n".join("\t".join(cell.replace("\n", " ") for cell in row) for row in grid)
        start, end = self._append(rendered)
        self.tables.append(Table(grid, start, end, header_rows))
        block = Block("table", rendered, start, end, table=len(self.tables) - 1)
        self.blocks.append(block)
        return block

    def footnote(self, n: int, text: str) -> None:
        start, end = self._append(text)
        self.footnotes.append(Footnote(n, text, start, end))
        self.blocks.append(Block("footnote", text, start, end, footnote=n))

    def build(self, *, doc_id: str, source: str, format: str, encoding: str | None = None) -> Document:
        for fn in self.footnotes:
            fn.anchor = self._anchors.get(fn.n)
        return Document(doc_id=doc_id, source=source, format=format, text="".join(self._parts),
                        blocks=self.blocks, footnotes=self.footnotes, tables=self.tables,
                        encoding=encoding)
