"""Markdown exports of legal and news portals, read into the same Document as a .docx.

- The portal's page wrapper goes first (pipeline/readers/portal.py).
- Tables come two ways: one cell per line between lines holding only `|` (one `|` closes a
  cell, two in a row close a row), or pipe rows. Both become `Table` grids; bold leading rows
  are the header, a short first header row over a second one is a merged header. A block of
  cells that is a letterhead or signature becomes plain lines instead (SPEC.md, Rulings).
- Footnote marks `[n]` in the body become anchors and the bodies `[n] …` footnotes, as a
  .docx's footnotes are.
- Emphasis, heading marks, images and link targets go; hard line breaks inside a sentence
  are joined, paragraph and list boundaries stay.
"""
from __future__ import annotations

import json
from functools import lru_cache

import regex

from extractors import lexicon
from schemas.document import Document, DocumentBuilder, doc_id_for
from schemas.text import classify_heading, fold, is_upper_line, normalise
from . import portal
from .txt import _NEW_ITEM, _continues, check_text, decode

_PIPE_ONLY = regex.compile(r"^[ \t]*\|[ \t]*$")
_PIPE_ROW = regex.compile(r"^[ \t]*\|.*\|[ \t]*$")
_SEPARATOR_ROW = regex.compile(r"^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$")
_RULE = regex.compile(r"^[ \t]*(?:(?:[-*_=][ \t]*){3,}|[-=]{2,})[ \t]*$")
_HEADING = regex.compile(r"^[ \t]{0,3}#{1,6}(?:[ \t]+|$)")
_IMAGE = regex.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = regex.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
_LINK_ONLY = regex.compile(r"^[ \t]*(?:\[[^\]\n]*\]\([^)\n]*\)[ \t]*)+$")
_STARS = regex.compile(r"\(\*+\)|\*+")
_UNDERSCORE = regex.compile(r"(?<![\w_])_{1,2}(?=[^\s_])|(?<=[^\s_])_{1,2}(?![\w_])")
_ESCAPE = regex.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>])")
_SPACES = regex.compile(r"[ \t]+")
_MARK = regex.compile(r"\[(\d{1,3})\]")
_BODY_START = regex.compile(r"^\[(\d{1,3})\][ \t]*")
# a footnote mark while lines are being joined: kept as one private-use character
# and the number, so joining and heading rules see ordinary text around it
_SENTINEL = regex.compile(r"[ \t]*\ue000(\d+)\ue001")
_GLUED_RULE = regex.compile(r"-{3,}|_{3,}")
_GLUED_LINE = regex.compile(r"(?<=\p{Lu}{3})(?=\p{Lu}\p{Ll}+[ \t])")
_LABEL = regex.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6}|[a-zđA-Z]|(?i:bước|mục|phần)\s+\d+)[.):]?$")
_CLOSED = (".", ":", ";", "!", "?", "…")
_WRAP_WIDTH = 45  # a line this long that stops mid-sentence was wrapped by the export
_BARE_ITEM = regex.compile(r"^(?:[a-zđ]|\d{1,2}|[IVX]{1,4})[.)]$")
# a cell that opens a row by its shape: a sub-item's number ("2.1. Trụ sở …")
_SUBITEM = regex.compile(r"^\d{1,2}(?:\.\d{1,2})+\.?\s+\p{L}")


def read(data: bytes, source: str) -> Document:
    text, encoding = decode(data)
    check_text(text)
    lines = portal.without_wrapper(_without_front_matter(normalise(text).split("\n")))
    builder = DocumentBuilder()
    _Reader(lines).build(builder)
    return builder.build(doc_id=doc_id_for(data), source=source, format="md", encoding=encoding)


_FIELD = regex.compile(r"^[ \t]*[\w-]+[ \t]*:")


def _without_front_matter(lines: list[str]) -> list[str]:
    """A crawl record before the document (YAML between `---` lines, or a JSON object) is
    not the document's text."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return lines
    if lines[first].strip() == "---":
        end = next((j for j in range(first + 1, min(first + 60, len(lines))) if lines[j].strip() == "---"), None)
        if end is not None and all(_FIELD.match(x) or not x.strip() or x.startswith((" ", "\t", "-"))
                                   for x in lines[first + 1:end]):
            return lines[end + 1:]
    elif lines[first].lstrip().startswith("{"):
        text = "\n".join(lines[first:])
        try:
            _, end = json.JSONDecoder().raw_decode(text.lstrip())
        except ValueError:
            return lines
        rest = text.lstrip()[end:]
        return rest.split("\n")
    return lines


_MARKUP = regex.compile(r"[*_\[!#\\]")


@lru_cache(maxsize=8192)
def plain(line: str) -> str:
    """A line's visible text: images, link targets, emphasis, heading marks and escapes gone."""
    if not _MARKUP.search(line):
        return _SPACES.sub(" ", line).strip()
    line = _IMAGE.sub("", line)
    line = _LINK.sub(r"\1", line)
    line = _HEADING.sub("", line)
    line = _STARS.sub(lambda m: m.group() if m.group().startswith("(") else "", line)
    line = _UNDERSCORE.sub("", line)
    line = _ESCAPE.sub(r"\1", line)
    return _SPACES.sub(" ", line).strip()


def _is_bold(raw: str) -> bool:
    s = raw.strip()
    return len(s) > 4 and s.startswith("**") and s.rstrip("*").strip() != "" and s.endswith("**")


def _blank_separated(lines: list[str]) -> bool:
    """Whether the export puts a blank line between paragraphs (and so ends each table with
    one): blank lines are a fair share of the lines, or follow most lines that close a
    sentence, as where lines are wrapped short and only paragraphs are spaced. Lines next to
    a `|` are cells', which no blank line parts."""
    outside = [line for line in lines if not _PIPE_ONLY.match(line)]
    if sum(1 for line in outside if not line.strip()) >= 0.15 * max(len(outside), 1):
        return True
    closing = spaced = 0
    for line, after in zip(lines, lines[1:]):
        if _PIPE_ONLY.match(line) or _PIPE_ONLY.match(after) or not line.rstrip(" *_").endswith(_CLOSED):
            continue
        closing += 1
        spaced += not after.strip()
    return closing >= _FEW_SENTENCES and spaced >= 0.5 * closing


_FEW_SENTENCES = 5  # fewer sentences than this say nothing about how the export spaces them


class _Reader:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines = _inline_cells(lines)
        self.spaced = _blank_separated(lines)
        self.items: list[tuple] = []  # ("text", [lines]) | ("table", grid, header_rows) | ("lines", [lines])
        self.notes: list[tuple[int, list[str]]] = []  # (number as written, body lines)
        # the first `|` line at or after each line: how far a would-be cell runs
        self.next_pipe = [len(lines)] * (len(lines) + 1)
        for k in range(len(lines) - 1, -1, -1):
            self.next_pipe[k] = k if _PIPE_ONLY.match(lines[k]) else self.next_pipe[k + 1]

    # ---- layout -------------------------------------------------------------------------
    def build(self, builder: DocumentBuilder) -> None:
        self._split()
        numbers = {n for n, _ in self.notes}
        index = {n: i for i, (n, _) in enumerate(self.notes, 1)}
        blank_separated = self.spaced
        for item in self.items:
            if item[0] == "table":
                grid, header_rows = item[1], item[2]
                marks = []
                grid = [[self._unmark(cell, numbers, marks)[0] for cell in row] for row in grid]
                block = builder.table(grid, header_rows)
                for n in marks:
                    builder.anchor(index[n], block.start)
            elif item[0] == "lines":
                for line in item[1]:
                    text, marks = self._unmark(line, numbers)
                    if text:
                        builder.add(text, classify_heading(text), [(index[n], off) for n, off in marks])
            else:
                for para in self._paragraphs(item[1], blank_separated):
                    text, marks = self._unmark(para, numbers)
                    if text:
                        builder.add(text, classify_heading(text), [(index[n], off) for n, off in marks])
        for i, (_, body) in enumerate(self.notes, 1):
            text = " ".join(p.strip() for p in body if p.strip())
            builder.footnote(i, text)

    @staticmethod
    def _unmark(text: str, numbers: set[int], sink: list | None = None):
        """The text without its footnote marks, and (number, offset) of each."""
        marks: list[tuple[int, int]] = []
        out: list[str] = []
        length = 0
        pos = 0
        for m in _SENTINEL.finditer(text):
            piece = text[pos:m.start()]
            out.append(piece)
            length += len(piece)
            n = int(m.group(1))
            if n in numbers:
                marks.append((n, length))
                if sink is not None:
                    sink.append(n)
            else:  # a bracketed number that is no footnote stays as written
                restored = m.group()[:len(m.group()) - len(m.group().lstrip())] + f"[{n}]"
                out.append(restored)
                length += len(restored)
            pos = m.end()
        rest = text[pos:]
        if out and marks and rest[:1] not in (" ", "") and not regex.match(r"[\p{P}]", rest[:1]):
            rest = " " + rest  # "Nội vụ[5] thực hiện" without its mark keeps the space
        out.append(rest)
        joined = "".join(out)
        stripped = joined.strip()
        lead = len(joined) - len(joined.lstrip())
        return stripped, [(n, min(max(off - lead, 0), len(stripped))) for n, off in marks]

    # ---- splitting the lines ------------------------------------------------------------
    def _split(self) -> None:
        lines = self.lines
        body_end, resume = self._footnote_region()
        group: list[str] = []

        bold_open = False  # a bold span opened on an earlier line of the group runs on

        def flush():
            nonlocal group, bold_open
            if group:
                self.items.append(("text", group))
            group, bold_open = [], False

        i = 0
        while i < len(lines):
            if i == body_end:  # the footnote bodies; an appendix may follow them
                flush()
                i = resume
                body_end = len(lines) + 1
                continue
            line = lines[i]
            if _PIPE_ONLY.match(line):
                flush()
                i = self._cell_block(i, min(body_end, len(lines)))
                continue
            if _PIPE_ROW.match(line):
                flush()
                i = self._pipe_table(i, min(body_end, len(lines)))
                continue
            if not line.strip() or _RULE.match(line):
                flush()
                i += 1
                continue
            text = self._marked(line)
            if text:
                flag = _bold_flag(line)
                odd = line.count("**") % 2 == 1
                if bold_open and not flag:
                    flag = "" if odd else _IN_BOLD
                bold_open = bold_open != odd
                group.append(flag + text)
            elif not _IMAGE.sub("", line).strip():
                flush()  # an image stands between paragraphs
            i += 1
        flush()

    def _marked(self, line: str) -> str:
        if _LINK_ONLY.match(_IMAGE.sub("", line)):
            return ""  # a related-article link of a news page
        text = plain(line)
        return _MARK.sub(lambda m: f"\ue000{m.group(1)}\ue001", text)

    def _footnote_region(self) -> tuple[int, int]:
        """Where the footnote bodies begin ([1] …, [2] … in order, after a body that holds
        the marks) and where the text goes on after them: the end, or an appendix (a table,
        a "PHỤ LỤC" or "Phần" heading) after the last body. The bodies go to self.notes."""
        lines = self.lines
        none = (len(lines), len(lines))
        starts = [(i, int(m.group(1))) for i, line in enumerate(lines)
                  if (m := _BODY_START.match(plain(line))) and not _PIPE_ONLY.match(line)]
        first = next((k for k, (i, n) in enumerate(starts) if n == 1), None)
        if first is None:
            return none
        begin = starts[first][0]
        body_text = "\n".join(plain(line) for line in lines[:begin])
        if not regex.search(r"\[1\]", body_text):
            return none
        chain = self._note_chain(starts, first)
        texts: dict[int, str] = {}
        resume = len(lines)
        for k, (i, col, n) in enumerate(chain):
            if k + 1 < len(chain):
                end, end_col = chain[k + 1][0], chain[k + 1][1]
            else:
                end, end_col = self._last_body_end(i), 0
            body = []
            for j in range(i, min(end + 1, len(lines))):
                if _PIPE_ONLY.match(lines[j]) or j == end and not end_col:
                    continue
                text = texts.get(j) or texts.setdefault(j, plain(lines[j]))
                text = text[:end_col] if j == end else text
                body.append(_BODY_START.sub("", text[col:]) if j == i else text)
            self.notes.append((n, body))
            resume = end + (1 if end_col else 0)
        return begin, resume

    def _note_chain(self, starts: list[tuple[int, int]], first: int) -> list[tuple[int, int, int]]:
        """(line, column, number) of each footnote body, in order from [1]: the next number
        opens a line, or goes on from the body before on the same line ("… Hậu Giang. [2]
        Công văn …") where the export ran the bodies together."""
        lines = self.lines
        chain = [(starts[first][0], 0, starts[first][1])]
        k = first + 1
        ends: dict[int, int] = {}
        while True:
            line, col, n = chain[-1]
            while k < len(starts) and (starts[k][0] <= line or starts[k][1] != n + 1):
                k += 1
            nxt = starts[k][0] if k < len(starts) else None
            if nxt is None:
                if line not in ends:
                    end = self._last_body_end(line)
                    ends.update({j: end for j in range(line, end)})
                limit = ends[line]
            else:
                limit = nxt
            inline = regex.compile(r"(?<=\S[ \t]+)\[" + str(n + 1) + r"\][ \t]*(?=\S)")
            found = None
            for j in range(line, limit):
                m = inline.search(plain(lines[j]), col + 1 if j == line else 0)
                if m:
                    found = (j, m.start(), n + 1)
                    break
            if found:
                chain.append(found)
            elif nxt is not None:
                chain.append((nxt, 0, n + 1))
            else:
                return chain

    def _last_body_end(self, i: int) -> int:
        lines = self.lines
        for j in range(i + 1, len(lines)):
            if _PIPE_ONLY.match(lines[j]) or _PIPE_ROW.match(lines[j]):
                return j
            text = plain(lines[j])
            if text and not lines[j - 1].strip() and (classify_heading(text) or (None,))[0] == 1:
                return j
        return len(lines)

    # ---- `|` cell blocks -----------------------------------------------------------------
    def _cell_block(self, i: int, stop: int) -> int:
        """Cells between `|` lines from line i; returns the line after the block."""
        lines = self.lines
        segments: list[list[str]] = []
        current: list[str] = []
        widest: int | None = None  # cells in the widest row closed so far
        letterhead = False  # a cell so far reads like a letterhead or signature
        longest = 1  # lines in the longest cell so far
        row_len = 0
        j = i + 1
        while j < stop:
            line = lines[j]
            if _PIPE_ONLY.match(line):
                empty = not any(plain(x) for x in current)
                letterhead = letterhead or any(_letterhead_line(plain(x)) for x in current)
                longest = max(longest, len(current))
                segments.append(current)
                if empty and row_len:
                    widest = max(widest or 0, row_len)
                    row_len = 0
                elif not empty:
                    row_len += 1
                current = []
                j += 1
                if j >= stop or not lines[j].strip():
                    break
                if not _PIPE_ONLY.match(lines[j]) and self._block_ends(letterhead, row_len, widest, j, longest):
                    break
                continue
            current.append(line)
            j += 1
        else:
            if current:
                segments.append(current)
        self._emit_cells(segments)
        return j

    def _block_ends(self, letterhead: bool, row_len: int, widest: int | None, j: int, longest: int) -> bool:
        """After a closing `|`, whether the text from line j is the next cell or the text
        after the table. Where the export ends tables with a blank line, it is always a cell;
        else the table ends once a row is as wide as the widest before it, or a one-row
        letterhead/signature has its two cells, or, after a short last row (merged cells),
        once what follows runs on far longer than any cell of the table before the next `|`
        (or no `|` follows at all)."""
        lines = self.lines
        while j < len(lines) - 1 and lines[j].strip() and not plain(lines[j]) and not _PIPE_ONLY.match(lines[j + 1]):
            j += 1  # an empty emphasis ("** **") the export left before the text
        nxt = lines[j]
        text = plain(nxt)
        if _BODY_START.match(text):
            return True
        if self.spaced:
            return False
        heading = classify_heading(text)
        if (heading or (None,))[0] == 1:
            return True  # "PHỤ LỤC II", "Phần I" open a new part, never a cell
        run = self.next_pipe[j] - j
        if self.next_pipe[j] == len(lines):
            return True  # the export closes every cell with `|`: text no `|` follows is no cell
        if widest is not None and row_len == 0 and run > max(6 * longest, 40):
            return True
        if heading and heading[0] is not None and nxt.lstrip().startswith("**") and widest is not None:
            return True  # a bold numbered heading ("**b) Trường hợp …**") after a short last row
        letterhead = letterhead and row_len >= 2
        if widest is not None:
            return row_len >= widest or letterhead
        return letterhead

    def _emit_cells(self, segments: list[list[str]]) -> None:
        texts = [" ".join(p for p in (plain(x) for x in seg) if p) for seg in segments]
        bold = [bool(t) and _is_bold(" ".join(x.strip() for x in seg if x.strip())) for seg, t in zip(segments, texts)]
        leads = [bool(_SUBITEM.match(t)) for t in texts]
        index_rows = _rows(texts, leads)
        if not index_rows:
            return
        width = max(len(r) for r in index_rows)
        if width == 1 or width <= 3 and any(_letterhead_line(plain(x)) for seg in segments for x in seg):
            # a letterhead or signature block, or a single column: text set in a frame
            self.items.append(("lines", _letter_lines(segments)))
            return
        flags = [bool([k for k in r if texts[k]]) and all(bold[k] for k in r if texts[k]) for r in index_rows]
        rows = [[self._marked_cell(texts[k]) for k in r] for r in index_rows]
        grid, header_rows = _with_header(rows, flags, width)
        self.items.append(("table", grid, header_rows))

    @staticmethod
    def _marked_cell(text: str) -> str:
        return _MARK.sub(lambda m: f"\ue000{m.group(1)}\ue001", text)

    # ---- pipe tables ----------------------------------------------------------------------
    def _pipe_table(self, i: int, stop: int) -> int:
        rows: list[list[str]] = []
        header_rows = None
        while i < stop and _PIPE_ROW.match(self.lines[i]):
            line = self.lines[i]
            if _SEPARATOR_ROW.match(line):
                header_rows = header_rows or len(rows)
            else:
                rows.append([c for c in line.strip().strip("|").split("|")])
            i += 1
        if not rows:
            return i
        width = max(len(r) for r in rows)
        if width <= 3 and any(_letterhead_line(plain(c)) for r in rows for c in r):
            # a letterhead set as a pipe table: its lines, cell by cell in reading order
            self.items.append(("lines", [p for r in rows for c in r
                                         for p in (plain(x) for x in c.split("<br>")) if p]))
            return i
        grid = [[self._marked_cell(plain(c)) for c in r] for r in rows]
        grid = [r + [""] * (width - len(r)) for r in grid]
        if header_rows is None:
            header_rows = 1 if all(_is_bold(c) for c in rows[0] if c.strip()) else None
        self.items.append(("table", grid, header_rows or None))
        return i

    # ---- paragraphs -------------------------------------------------------------------------
    def _paragraphs(self, lines: list[str], blank_separated: bool) -> list[str]:
        out: list[list[str]] = []
        for line in lines:
            if out and self._joins(out[-1], line, blank_separated):
                out[-1].append(line)
            else:
                out.append([line])
        return [_join([_FLAGS.sub("", x) for x in p]) for p in out]

    @staticmethod
    def _joins(pending: list[str], line: str, blank_separated: bool) -> bool:
        """Whether `line` goes on with the paragraph in `pending`. Where blank lines part the
        paragraphs, every break inside a run of lines is a wrap, except before a list item.
        Where none do, a break is a wrap when the next line goes on in lower case, when the
        line before is a bare item mark ("a)"), or when that line ran to the wrap width
        without closing its sentence."""
        first_flag, last_flag, next_flag = pending[0][:1], pending[-1][:1], line[:1]
        pending = [_FLAGS.sub("", x) for x in pending]
        last = _SENTINEL.sub("", pending[-1]).strip()
        nxt = _SENTINEL.sub("", _FLAGS.sub("", line)).strip()
        if regex.fullmatch(r"\p{L}+", last) and regex.match(r"[\dIVXL]+\b", nxt):
            return True  # "Điều" alone, its number on the next line
        if not nxt or _NEW_ITEM.match(nxt) or _BARE_ITEM.match(nxt):
            return False
        if blank_separated:
            # a wrap, unless a numbered section title stands on its own line over its first sentence
            return not (len(pending) == 1 and _numbered(last) and _opens_sentence(last, nxt))
        # bold marks what the export set apart: a bold span broken over lines is one line,
        # a line bold from end to end stands alone, a line opening in bold starts anew
        if last_flag == _OPEN_BOLD and len(pending) < 4 or last_flag == _IN_BOLD and len(pending) < 8:
            return True  # (a title set in bold over several lines may hold a ";")
        if last_flag == _WHOLE_BOLD:
            return bool(regex.match(r"\p{Ll}", nxt))
        if next_flag in (_OPEN_BOLD, _WHOLE_BOLD, _LEAD_BOLD, _LABEL_BOLD):
            return False
        if first_flag == _LABEL_BOLD and not regex.match(r"\p{Ll}", nxt) and len(last) < _WRAP_WIDTH:
            return False  # "Kính gửi: Sở Y tế" ends where a short line is followed by a new sentence
        if _BARE_ITEM.match(last) or regex.fullmatch(r"\p{L}+", last) and regex.match(r"[\dIVXL]+\b", nxt):
            return True  # "a)" or "Điều" alone, its text or number on the next line
        joined = _SENTINEL.sub("", _join(pending))
        if joined.endswith(_CLOSED):
            return False
        if regex.match(r"\p{Ll}", nxt):
            return True
        if len(last) >= _WRAP_WIDTH and is_upper_line(last) == is_upper_line(nxt) \
                and (is_upper_line(nxt) or not classify_heading(nxt)):
            return True
        heading = classify_heading(joined)
        if len(pending) == 1 and heading and heading[0] is not None and not is_upper_line(joined) \
                and not classify_heading(nxt) and not _opens_sentence(joined, nxt):
            return True  # "2. Thống đốc Ngân hàng Nhà nước" / "Việt Nam, …": the export breaks a first line early
        return _continues([joined], nxt, wrapped=True)


_NUMBER = regex.compile(r"^(?:(?i:điều|mục|chương|phần)\s+)?(?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6}|[a-zđA-Z])\s*[.):\-–]?\s*")


@lru_cache(maxsize=1)
def _sentence_words() -> tuple[regex.Pattern, frozenset[str]]:
    rows = lexicon.rows("sentence_openers")
    openers = sorted((fold(r["phrase"]) for r in rows if r.get("kind") == "opener"), key=len, reverse=True)
    titles = frozenset(fold(r["phrase"]) for r in rows if r.get("kind") == "title")
    return regex.compile(r"^(?:" + "|".join(regex.escape(o) for o in openers) + r")(?!\w)"), titles


def _numbered(line: str) -> bool:
    heading = classify_heading(line)
    return bool(heading) and heading[0] is not None and not is_upper_line(line) and not line.endswith(_CLOSED)


def _opens_sentence(heading: str, nxt: str) -> bool:
    """Whether the line after a numbered line starts a sentence of its own: the numbered line
    is a whole section title ("1. Phạm vi điều chỉnh"), or the next line opens as only a
    sentence does ("Căn cứ …", "Thông tư này quy định …"); a capitalised name ("Sở Tài
    chính", "Quyết định này Danh mục …") goes on with the line before."""
    openers, titles = _sentence_words()
    title = fold(_NUMBER.sub("", heading, count=1)).rstrip(" .:")
    if not regex.match(r"\p{Lu}", nxt):
        return False  # a line going on in lower case goes on with the sentence, whatever its words
    return title in titles or bool(openers.match(fold(nxt)))


_OPEN_BOLD, _WHOLE_BOLD, _LEAD_BOLD, _LABEL_BOLD = "\ue002", "\ue003", "\ue004", "\ue005"
_IN_BOLD = "\ue006"  # a line inside a bold span opened above it that it does not close
_FLAGS = regex.compile("[\ue002\ue003\ue004\ue005\ue006]")
_BOLD_LABEL = regex.compile(r"^\*\*[^*\n]{1,30}?:[ \t]*\*\*")


def _bold_flag(raw: str) -> str:
    """How a raw line sits in bold: opening a span it does not close, bold throughout,
    or opening with a bold run ("**Điều 9.** Các Bộ trưởng …"), or with a bold label
    ("**Kính gửi:** Sở Tài chính")."""
    s = raw.strip()
    if not s.startswith("**"):
        return ""
    runs = s.count("**")
    if runs % 2:
        return _OPEN_BOLD
    if s.endswith("**"):
        return _WHOLE_BOLD
    return _LABEL_BOLD if _BOLD_LABEL.match(s) else _LEAD_BOLD


def _inline_cells(lines: list[str]) -> list[str]:
    """Cells some exports set on one line, closed by ` |` ("QUỐC HỘI | CỘNG HÒA … |",
    "Luật số: 60/2024/QH15 |"), rewritten one cell a line between `|` lines. Only where a
    cell reads like a letterhead or signature: a `|` in running text stays text."""
    out: list[str] = []
    for line in lines:
        if "|" not in line or _PIPE_ONLY.match(line) or _PIPE_ROW.match(line) \
                or not (line.rstrip().endswith("|") or line.lstrip().startswith("|")):
            out.append(line)
            continue
        pieces = [p.strip() for p in line.split("|")]
        if not line.rstrip().endswith("|"):
            pieces.append("")  # the cell goes on to the `|` on a later line
        joined = out and _PIPE_ONLY.match(out[-1])
        if not joined and not any(_letterhead_line(plain(p)) for p in pieces if p):
            out.append(line)
            continue
        if not joined:
            out.append("|")
        for k, piece in enumerate(pieces[:-1]):
            if piece:
                out.append(piece)
                if k < len(pieces) - 2 or line.rstrip().endswith("|"):
                    out.append("|")
    return out


def _join(parts: list[str]) -> str:
    return " ".join(p.strip() for p in parts if p.strip())


def _caps(text: str) -> bool:
    return any(c.isalpha() for c in text) and text == text.upper()


def _letterhead_line(line: str) -> bool:
    return bool(line) and portal.matches("letterhead", line)


def _letter_lines(segments: list[list[str]]) -> list[str]:
    """A letterhead or signature block as lines: one a cell line, cells in reading order; a
    line broken inside its emphasis (`**ỦY BAN NHÂN` / `DÂN**`), after a comma or before a
    number ("ngày 21 tháng" / "11 năm 2025") is one line."""
    out: list[str] = []
    for seg in segments:
        pending: list[str] = []
        opened = 0
        for raw in seg:
            if _RULE.match(raw) or not plain(raw):
                if pending:
                    out.append(_join([plain(p) for p in pending]))
                    pending, opened = [], 0
                continue
            runs = len(regex.findall(r"\*+", raw.replace("(*)", "")))
            before, now = plain(pending[-1]) if pending else "", plain(raw)
            if pending and (opened % 2 == 1 and len(pending) < 4 or before in ("-", "+", "•")
                            or len(_join([plain(p) for p in pending])) <= 6 and _caps(before) and _caps(now)
                            or not _NEW_ITEM.match(now) and (before.endswith(",") or regex.match(r"\p{Ll}", now))
                            or len(before) <= 6 and before.endswith(":")
                            or regex.search(r"\p{L}$", before) and regex.match(r"\d+(?![.)\d])", now)):
                pending.append(raw)
            else:
                if pending:
                    out.append(_join([plain(p) for p in pending]))
                pending, opened = [raw], 0
            opened += runs
        if pending:
            out.append(_join([plain(p) for p in pending]))
    # lines an export ran together: "CHÍNH PHỦ-------", "VIỆT NAMĐộc lập - Tự do - Hạnh phúc"
    split: list[str] = []
    for line in out:
        for piece in _GLUED_RULE.split(line):
            split.extend(p.strip() for p in _GLUED_LINE.split(piece) if p.strip())
    return split


def _rows(cells: list[str], leads: list[bool] | None = None) -> list[list[int]]:
    """Cells into rows. An empty cell and a row break look alike (`|` twice), so the rows are
    the split that fills the most rows to the table's width (the widest run between breaks),
    counting as a short row each cell that leads a row by its shape (`leads`: "1.2. …")
    set anywhere but first."""
    leads = leads or [False] * len(cells)
    if not cells:
        return []
    runs, n = [], 0
    for c in cells:
        if c:
            n += 1
        else:
            runs.append(n)
            n = 0
    runs.append(n)
    width = max(max(runs), 1)
    # best[k][l]: (short rows, rows) having read k cells with l cells in the open row
    inf = (1 << 30, 1 << 30)
    best = [[inf] * (width + 1) for _ in range(len(cells) + 1)]
    back: list[list[tuple | None]] = [[None] * (width + 1) for _ in range(len(cells) + 1)]
    best[0][0] = (0, 0)
    for k, cell in enumerate(cells):
        for l in range(width + 1):
            here = best[k][l]
            if here == inf:
                continue
            placed = (here[0] + 1, here[1]) if l > 0 and leads[k] else here
            if l < width and placed < best[k + 1][l + 1]:  # the cell, filled or empty
                best[k + 1][l + 1], back[k + 1][l + 1] = placed, (l, "cell")
            if not cell:  # a row break (at the start of a row: a stray `|`, skipped)
                score = (here[0] + (l < width), here[1] + (l > 0))
                if score < best[k + 1][0]:
                    best[k + 1][0], back[k + 1][0] = score, (l, "break")
    end = min(range(width + 1), key=lambda l: (best[len(cells)][l][0] + (0 < l < width),
                                                best[len(cells)][l][1] + (l > 0)))
    steps = []
    k, l = len(cells), end
    while k > 0:
        prev, what = back[k][l]
        steps.append(what)
        k, l = k - 1, prev
    steps.reverse()
    rows: list[list[int]] = [[]]
    for k, what in enumerate(steps):
        if what == "cell":
            rows[-1].append(k)
        else:
            rows.append([])
    return [r for r in rows if r]


def _with_header(rows: list[list[str]], bold_rows: list[bool], width: int) -> tuple[list[list[str]], int | None]:
    """Pads rows to the width; the leading bold rows are the header, a short first header
    row over a second one a merged header (rowspan cells first, then the column groups)."""
    h = 0
    while h < len(bold_rows) and bold_rows[h] and h < len(rows) - 1:
        h += 1
    grid = [list(r) for r in rows]
    header_rows = None
    if h >= 1:
        header_rows = 1
        first = grid[0]
        if len(first) < width and h >= 2 and len(first) + len(grid[1]) > width:
            second = grid[1]
            spanned = width - len(second)  # cells of the first row that run down both rows
            groups = len(first) - spanned
            if 0 <= spanned and 0 < groups <= len(second):
                top, bottom = first[:spanned], first[:spanned]
                share, extra = divmod(len(second), groups)
                for g, cell in enumerate(first[spanned:]):
                    top.extend([cell] * (share + (g < extra)))
                bottom.extend(second)
                grid[0], grid[1] = top, bottom
                header_rows = 2
        elif len(first) < width:
            grid[0] = first + [first[-1]] * (width - len(first))
    start = header_rows or 0
    for k in range(start + 1, len(grid)):
        row, above = grid[k], grid[k - 1]
        # a row short of cells under a numbered row lost the cells merged down from it
        # ("I | Tốt nghiệp THPT | Ban Chỉ đạo" over "Trưởng ban | 692"): they are repeated;
        # a short row that has its own number is a group row whose cells span across
        if 0 < len(row) < width and len(above) == width and _LABEL.match(above[0]) and not _LABEL.match(row[0]):
            grid[k] = above[:width - len(row)] + row
    grid = [r + [""] * (width - len(r)) for r in grid]
    return grid, header_rows
