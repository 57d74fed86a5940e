"""Plain-text exports (SPEC.md): footnote bodies at the end after U+FFFD, anchors lost.

An export drops each footnote's reference mark but leaves the line break Word had put
around it ("trong đảng bộ\\n.", "quy định(\\n).", "của Đảng\\n trong việc"). This reader
joins those lines back and keeps each join as a trace; the traces are then aligned with
the footnote bodies to recover the anchors (see `align_anchors`).

Other text keeps its notes in other places: a gazette printed as text at the foot of each
page, its marks set against the word ("bán người.1"; `paged_footnotes`), and a portal page
saved as text as `[1]` marks with `[1] …` bodies at the end (`bracket_footnotes`).
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from .. import encodings
from schemas.document import Document, DocumentBuilder, doc_id_for
from schemas.text import classify_heading, fold, normalise
from . import ReadError, portal, segmented

FOOTNOTE_MARK = "\ufffd"
_FIRST_FOOTNOTE = regex.compile(r"(?m)^[ \t]*\ufffd")
_STRAY_START = regex.compile(r"^(?:[.,;:)]| +[\p{Ll}\d(])")
_SENTENCE_END = ('.', ':', ';', '!', '?', '…', '"', '”', ')', '»')
_LOWER_START = regex.compile(r"^\p{Ll}")
_NEW_ITEM = regex.compile(r"^(?:[-+•*–]\s|\d{1,3}[.)]\s|[a-zđ][.)]\s)")


def decode(data: bytes) -> tuple[str, str]:
    """The text and the encoding it was in."""
    try:
        return encodings.decode(data)
    except encodings.EncodingError as exc:
        raise ReadError(str(exc)) from None


def check_text(text: str) -> None:
    if not text.strip():
        raise ReadError("empty file: no text")
    sample = text[:65536]
    control = sum(1 for c in sample if (c < " " and c not in "\t\n\r") or c == "\x7f")
    if control > 0.05 * len(sample):
        raise ReadError("binary data, not text")


def read(data: bytes, source: str) -> Document:
    text, encoding = decode(data)
    check_text(text)
    if segmented.is_segmented(text):  # an NLP corpus's word-segmented text, made ordinary first
        text = segmented.desegment(normalise(text))
    return document_from_lines(text, doc_id=doc_id_for(data), source=source, format="txt", encoding=encoding)


def document_from_lines(text: str, *, doc_id: str, source: str, format: str,
                        encoding: str | None = None) -> Document:
    """A Document from text that arrives as lines. Used for .txt and for the formats whose
    text comes out as lines too (PDF text layers, Markdown, .doc through antiword), so
    hard wraps, page breaks inside sentences and tab tables are read the same way."""
    text = "\n".join(portal.without_wrapper(normalise(text).split("\n")))
    body, notes = split_footnotes(without_portal(text))
    body, page_notes = paged_footnotes(body)
    if not notes and not page_notes:
        body, page_notes = bracket_footnotes(body)
    builder = DocumentBuilder()
    _, candidates = parse_body(body, builder)
    for n, offset in align_anchors(notes, candidates).items():
        builder.anchor(n, offset)
    for n, note in enumerate(notes or page_notes, 1):
        builder.footnote(n, note)
    return builder.build(doc_id=doc_id, source=source, format=format, encoding=encoding)


# A mark found by paged_footnotes, kept through the joining of lines as one private-use
# character and the number.
_MARK_SENTINEL = regex.compile(r"\ue000(\d+)\ue001")
_NOTE_LINE = regex.compile(r"^[ \t]*(\d{1,3})[ \t]+(?=\S)")
_PAGE_NUMBER = regex.compile(r"^[ \t]*\d{1,4}[ \t]*$")


_BRACKET_BODY = regex.compile(r"^[ \t]*\[(\d{1,3})\][ \t]*")
_BRACKET_MARK = regex.compile(r"[ \t]*\[(\d{1,3})\]")


def bracket_footnotes(text: str) -> tuple[str, list[str]]:
    """Notes written as a portal's page shows them: marks `[1]` in the body, and the bodies
    `[1] …`, `[2] …` (each possibly over several lines) at the end."""
    lines = text.split("\n")
    starts = [(i, int(m.group(1))) for i, line in enumerate(lines) if (m := _BRACKET_BODY.match(line))]
    first = next((k for k, (_, n) in enumerate(starts) if n == 1), None)
    if first is None:
        return text, []
    begin = starts[first][0]
    body = "\n".join(lines[:begin])
    if "[1]" not in body:
        return text, []
    # each body runs to the next number, whether that opens a line or goes on along the
    # same line ("… Hậu Giang. [2] Công văn …") where the export ran the bodies together
    notes, numbers, current, expected = [], set(), [], 1
    for line in lines[begin:]:
        pos = 0
        while m := regex.compile(r"(?:^|(?<=\s))\[" + str(expected) + r"\][ \t]*").search(line, pos):
            if expected > 1:
                current.append(line[pos:m.start()])
                notes.append(" ".join(" ".join(current).split()))
            current, pos = [], m.end()
            numbers.add(expected)
            expected += 1
        current.append(line[pos:])
    notes.append(" ".join(" ".join(current).split()))
    index = {n: k for k, n in enumerate(sorted(numbers), 1)}
    body = _BRACKET_MARK.sub(lambda m: f"\ue000{index[int(m.group(1))]}\ue001" if int(m.group(1)) in index
                             else m.group(), body)
    return body, notes


def _without_marks(text: str) -> tuple[str, list[tuple[int, int]]]:
    out, marks, pos, length = [], [], 0, 0
    for m in _MARK_SENTINEL.finditer(text):
        out.append(text[pos:m.start()])
        length += m.start() - pos
        marks.append((int(m.group(1)), length))
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), marks


def paged_footnotes(text: str) -> tuple[str, list[str]]:
    """A gazette or a PDF printed as text: each page's running head (and the page number by
    it) dropped, as are stray wrapper lines (portal_boilerplate.tsv); and the footnotes each
    page sets at its foot, after a blank line, numbered on from 1 ("1 Thông tư số …"), read
    as footnotes, their marks being the same number set against the word it follows on that
    page ("bán người.1", "nạn nhân2 theo")."""
    lines = text.split("\n")
    heads = [i for i, line in enumerate(lines) if line.strip() and portal.matches("page", line)]
    stray = [i for i, line in enumerate(lines) if line.strip() and portal.matches("line", line)]
    if not heads and not stray:
        return text, []
    drop = set(heads) | set(stray)
    for i in heads:  # the page number sits just above or below the running head
        for j in (i - 2, i - 1, i + 1, i + 2):
            if 0 <= j < len(lines) and _PAGE_NUMBER.match(lines[j]):
                drop.add(j)
    breaks = set(heads)
    appendices = _appendix_numbers(lines)
    notes: list[str] = []
    expected, page_start, i, follows = 1, 0, 0, -1
    while i < len(lines):
        if i in breaks:
            page_start = i
            i += 1
            continue
        m = _NOTE_LINE.match(lines[i])
        if not (m and int(m.group(1)) == expected and i > 0 and (not lines[i - 1].strip() or i == follows)
                and i not in drop):
            i += 1
            continue
        found = _mark(lines, page_start, i, expected, appendices)
        # a page's notes run to its foot; one whose mark cannot be told from a number
        # ("PHỤ LỤC 35") is taken only when it reads as a sentence of its own
        if not _ends_page(lines, i, drop, breaks) or found is None and len(lines[i].strip()) < 60:
            i += 1
            continue
        if found is not None:  # else a mark set where it cannot be told from a number ("PHỤ LỤC 35")
            row, col, length = found
            lines[row] = lines[row][:col] + f"\ue000{expected}\ue001" + lines[row][col + length:]
        body = [lines[i][m.end():]]
        drop.add(i)
        j = i + 1
        while j < len(lines) and lines[j].strip() and j not in breaks and j not in drop:
            nxt = _NOTE_LINE.match(lines[j])
            if nxt and int(nxt.group(1)) == expected + 1:
                break
            body.append(lines[j])
            drop.add(j)
            j += 1
        notes.append(" ".join(" ".join(body).split()))
        expected += 1
        follows = j  # a note that starts right after this one needs no blank line above it
        i = j
    return "\n".join(line for k, line in enumerate(lines) if k not in drop), notes


def _ends_page(lines: list[str], i: int, drop: set[int], breaks: set[int]) -> bool:
    """Whether the lines from i run to the foot of their page, as a page's footnotes do."""
    j = i
    while True:
        while j < len(lines) and lines[j].strip() and j not in breaks:
            j += 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j < len(lines) and j not in breaks and _NOTE_LINE.match(lines[j]) and j not in drop \
                and not _PAGE_NUMBER.match(lines[j]):
            continue  # another note at the foot of the same page
        break
    return j >= len(lines) or j in breaks or (j in drop and _PAGE_NUMBER.match(lines[j]) is not None)


# A consolidated text sets a note's mark after an item's number ("30. 3 Quỹ đầu tư …",
# "b) 12 Trường hợp …") or against an appendix number ("PHỤ LỤC 35" for appendix 3, note 5).
_LABELLED = r"^[ \t]*(?:\d{1,3}(?:\.\d{1,3})*[a-zđ]?|[a-zđ]|[IVXLC]{1,6})[.)]"
_APPENDIX = regex.compile(r"^[ \t]*(?:PHỤ LỤC|Phụ lục)[ \t]+(\d{1,3})\b")


def _mark(lines: list[str], start: int, stop: int, n: int,
          appendices: dict[int, int] | None = None) -> tuple[int, int, int] | None:
    """The last place on the page where `n` is set against the word or stop before it,
    after an item's number, or against the number of an appendix heading
    (`appendices`: line -> the number that heading should have)."""
    pattern = regex.compile(r"(?<=[\p{L}.,;:)”\"])" + str(n) + r"(?=[\s.,;:)]|$)")
    labelled = regex.compile(_LABELLED + "([ \t]+" + str(n) + r")[ \t]+(?=[\p{Lu}“\"(])")
    for row in range(stop - 1, start - 1, -1):
        found = None
        for m in pattern.finditer(lines[row]):
            found = (m.start(), m.end())
        if found is None and (m := labelled.match(lines[row])):
            found = (m.start(1), m.end(1))
        if found is None and appendices and row in appendices:
            m = _APPENDIX.match(lines[row])
            own = str(appendices[row])
            if m.group(1) == own + str(n):
                found = (m.start(1) + len(own), m.end(1))
        if found:
            return row, found[0], found[1] - found[0]
    return None


def _appendix_numbers(lines: list[str]) -> dict[int, int]:
    """Each appendix heading's line and the number it should carry: one more than the
    heading before it, so a note's mark written against it shows as extra digits."""
    out: dict[int, int] = {}
    last = 0
    for i, line in enumerate(lines):
        m = _APPENDIX.match(line)
        if not m:
            continue
        out[i] = last + 1
        number = int(m.group(1))
        last = number if number == last + 1 or not m.group(1).startswith(str(last + 1)) else last + 1
    return out


def split_footnotes(text: str) -> tuple[str, list[str]]:
    m = _FIRST_FOOTNOTE.search(text)
    if not m:
        return text, []
    notes = [" ".join(part.split()) for part in text[m.start():].split(FOOTNOTE_MARK)[1:]]
    return text[:m.start()], [n for n in notes if n]


# The lists a news portal puts after its article ("Các bài đã đăng", "Hộp thư điện tử",
# "Mail Box", "Thư viện ảnh" …, extractors/data/portal_boilerplate.tsv): where one begins the
# last part of a page, the rest is cut.
def without_portal(text: str) -> str:
    m = portal.news_list_pattern().search(text, int(len(text) * 0.5))
    if not m:
        return text
    rest = [line for line in text[m.start():].split("\n") if line.strip()]
    if sum(len(line) for line in rest) / max(len(rest), 1) > 80:  # long lines: still an article
        return text
    return text[:m.start()]


@dataclass
class Candidate:
    offset: int  # in the builder's text
    strong: bool  # a stray break left by a lost mark, rather than any line end
    context: str  # the sentence the mark would close


def parse_body(body: str, builder: DocumentBuilder) -> tuple[list, list[Candidate]]:
    lines = body.split("\n")
    candidates: list[Candidate] = []
    i, n = 0, len(lines)
    pending: list[str] = []  # pieces of the paragraph being joined
    traces: list[int] = []  # offsets within that paragraph where a mark was lost

    def flush():
        nonlocal pending, traces
        if not pending:
            return
        text = "".join(pending).strip()
        lead = len("".join(pending)) - len("".join(pending).lstrip())
        marks: list[tuple[int, int]] = []
        if _MARK_SENTINEL.search(text):  # footnote marks of a paged export (paged_footnotes)
            text, marks = _without_marks(text)
        if text:
            block = builder.add(text, classify_heading(text), marks)
            for t in traces:
                local = min(max(t - lead, 0), len(text))
                candidates.append(Candidate(block.start + local, True, _context(text, local)))
            candidates.append(Candidate(block.end, False, _context(text, len(text))))
        pending, traces = [], []

    while i < n:
        line = lines[i]
        if line.startswith("\t"):
            flush()
            i = parse_table(lines, i, builder)
            continue
        if not line.strip():
            # a page break inside a sentence: blank lines, then the sentence goes on in lower case
            j = i
            while j < n and not lines[j].strip():
                j += 1
            if pending and j < n and _continues(pending, lines[j]) and not lines[j].startswith("\t"):
                pending.append(" " + lines[j].lstrip())
                i = j + 1
                continue
            flush()
            i = j
            continue
        if pending and _STRAY_START.match(line):
            joined = "".join(pending).rstrip()
            if joined.endswith("(") and line.startswith(")"):
                joined, line = joined[:-1].rstrip(), line[1:]  # the mark stood in "(1)": drop the empty brackets
            pending = [joined]
            traces.append(len(joined))
            if line.startswith(" ") and not joined.endswith(" "):
                line = " " + line.lstrip()
            pending.append(line)
        elif pending and _continues(pending, line, wrapped=True):
            pending.append(" " + line.lstrip())
        else:
            flush()
            pending = [line]
        i += 1
    flush()
    return builder.blocks, candidates


def _continues(pending: list[str], line: str, wrapped: bool = False) -> bool:
    """Whether `line` goes on with the sentence in `pending`: after a page break only when it
    starts in lower case; right after a hard wrap, also in upper case, unless it opens a new
    item ("- …", "1. …", a heading)."""
    last = "".join(pending).rstrip()
    nxt = line.lstrip()
    heading = classify_heading(last)
    if heading == (None, None) and wrapped and _LOWER_START.match(nxt):
        return True  # a title in capitals that goes on in lower case: "KẾT LUẬN CỦA …\ntại buổi làm việc …"
    if not last or last.endswith(_SENTENCE_END) or heading:
        return False
    if _LOWER_START.match(nxt):
        return True
    return wrapped and not _NEW_ITEM.match(nxt) and classify_heading(nxt) is None


def _context(text: str, offset: int) -> str:
    start = max(text.rfind(".", 0, max(offset - 1, 0)), text.rfind(";", 0, max(offset - 1, 0))) + 1
    return text[start:offset]


def parse_table(lines: list[str], i: int, builder: DocumentBuilder) -> int:
    """Tab-indented cells one a line, blank lines between rows; returns the next line index."""
    rows: list[list[str]] = []
    row: list[str] = []
    n = len(lines)
    while i < n:
        line = lines[i]
        if line.startswith("\t"):
            row.append(" ".join(line.split()))
            i += 1
            continue
        j = i
        while j < n and not lines[j].strip() and not lines[j].startswith("\t"):
            j += 1
        blanks = j - i
        if j >= n or blanks >= 2:
            break
        if lines[j].startswith("\t"):
            if blanks:
                rows.append(row)
                row = []
            i = j
            continue
        # a cell whose text went on past a line break ("Đã\\n phân loại")
        if row and j + 1 < n and lines[j + 1].startswith("\t") and not classify_heading(lines[j]):
            row[-1] = (row[-1] + " " + lines[j].strip()).strip()
            i = j + 1
            continue
        break
    if row:
        rows.append(row)
    builder.table(rows)
    return i


def align_anchors(notes: list[str], candidates: list[Candidate]) -> dict[int, int]:
    """Footnote number -> anchor offset, by a monotone alignment of notes to candidates.

    Every strong trace should take a note, in order; a note with no trace left for it may take
    a plain line end, where its words best match the sentence there. Scores: a strong trace
    used +2, skipped -2; a word-overlap similarity in [0, 1] for each pairing.
    """
    if not notes or not any(c.strong for c in candidates):
        return {}
    words = [_content_words(n) for n in notes]
    cwords = [_content_words(c.context) for c in candidates]
    m, k = len(notes), len(candidates)
    neg = float("-inf")
    # best[i][j]: best score having placed the first i notes among the first j candidates
    best = [[neg] * (k + 1) for _ in range(m + 1)]
    move = [[None] * (k + 1) for _ in range(m + 1)]
    best[0][0] = 0.0
    for i in range(m + 1):
        for j in range(k + 1):
            here = best[i][j]
            if here == neg:
                continue
            if j < k:  # leave candidate j without a note
                score = here - (2.0 if candidates[j].strong else 0.0)
                if score > best[i][j + 1]:
                    best[i][j + 1], move[i][j + 1] = score, "skip"
            if i < m:
                if j < k:  # note i at candidate j
                    sim = _similarity(words[i], cwords[j])
                    score = here + sim + (2.0 if candidates[j].strong else -0.3)
                    if score > best[i + 1][j + 1]:
                        best[i + 1][j + 1], move[i + 1][j + 1] = score, "take"
                score = here - 1.0  # note i left without an anchor
                if score > best[i + 1][j]:
                    best[i + 1][j], move[i + 1][j] = score, "none"
    result: dict[int, int] = {}
    i, j = m, k
    while i or j:
        step = move[i][j]
        if step == "skip":
            j -= 1
        elif step == "take":
            result[i] = candidates[j - 1].offset
            i, j = i - 1, j - 1
        else:
            i -= 1
    return result


_STOP = set("và của các cho trong được đã có là với theo về tại những một này đó từ đến để trên "
            "không người năm số tỷ lệ".split())


def _content_words(text: str) -> set[str]:
    return {w for w in regex.findall(r"\w+", fold(text)) if w not in _STOP and not w.isdigit()}


def _similarity(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / (len(a) * len(b)) ** 0.5
