"""Document metadata (SPEC.md, 'document'): kind, title, number, issuer, place and date,
subject, recipients, distribution, signer, draft, term.

An administrative document's own fields sit where Nghị định 30/2020/NĐ-CP puts them: the
letterhead (issuing body under its parent body, beside the quốc hiệu; số và ký hiệu; địa danh
và thời gian), the tên loại with its trích yếu, the Kính gửi list, and the closing block (Nơi
nhận; quyền hạn ký TM./KT./TL./TUQ./Q., the signer's own title, the name). Party documents
follow the same shape (Hướng dẫn 36-HD/VPTW). A consolidated text (VBHN) is read from its own
letterhead, not from a portal's summary around it. News articles have none of this: a
headline, the text, a byline.

Readers render a letterhead's and a signature's `|` cells as plain lines, one per cell line
or one per cell, so every rule here reads lines and joins what a wrap may have split.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from schemas.document import Block, Document
from schemas.text import is_upper_line, new_tones

from . import lexicon
from .bodies import expand
from .dates import iso
from .places import province_names

# extractors whose results this one reads through Document.remember
REQUIRES = ()


def _key(text: str) -> str:
    """The matching form of a text, character for character: case-folded, new-style tones ("UỶ" = "ủy")."""
    return new_tones(text.casefold())


def _fold(text: str) -> str:
    """The matching form of a text with its spacing made single."""
    return " ".join(_key(text).split())


def _words_pattern(words) -> str:
    """An alternation of upper-case phrases that tolerates any spacing and line breaks between words."""
    return "|".join(r"\s+".join(regex.escape(w) for w in phrase.split())
                    for phrase in sorted(words, key=len, reverse=True))


_LETTERHEAD = lexicon.rows("letterhead")


def _label(role: str, exclude: str = "") -> str:
    """The words of the form's labels for a role (letterhead.tsv), as an alternation."""
    return _words_pattern(r["words"] for r in _LETTERHEAD
                          if r["kind"] == "label" and r["written"] == role and r["words"] != exclude)
_MOTTO = regex.compile(_words_pattern(_fold(r["words"]) for r in _LETTERHEAD if r["kind"] == "motto")
                       .replace(r"\s+\-\s+", r"\s*[-–]\s*"))
_BODY_WORDS = {_fold(r["words"]): r for r in _LETTERHEAD if r["kind"] in ("name", "head", "committee")}
_PREFIX = regex.compile(r"^(?:" + _words_pattern(_fold(r["words"]) for r in _LETTERHEAD if r["kind"] == "prefix")
                        + r")\s*[-–:]\s*")
_BODY_START = regex.compile(r"^(?:" + _words_pattern(_BODY_WORDS) + r")(?![\p{L}])")
_HEAD_FORMS = {r["written"] for r in _BODY_WORDS.values()}
_MIXED_HEAD = regex.compile("|".join(regex.escape(r["written"]) for r in sorted(
    (r for r in _LETTERHEAD if r["kind"] in ("head", "committee")), key=lambda r: -len(r["written"])))
    + r"(?![\p{L}])")
_LOCALITIES = {_fold(r["words"]): r["written"] for r in _LETTERHEAD if r["kind"] == "locality"}
_LOCALITY = regex.compile(r"^(?:" + _words_pattern(_LOCALITIES) + r")(?![\p{L}])")

_TYPE_ABBREVIATIONS = {r["abbreviation"] for r in lexicon.rows("document_kinds") if r["abbreviation"]}
_KINDS = sorted((r for r in lexicon.rows("document_kinds") if r["kind"] and r["where"] == "title"),
                key=lambda r: (-len(r["type_word"]), -len(r["then"])))
_MARKERS = [r for r in lexicon.rows("document_kinds") if r["where"] in ("subject", "opening")]
_TYPE_WORD = regex.compile(r"^(?:" + _words_pattern(_fold(r["type_word"]) for r in _KINDS) + r")(?![\p{L}])")

_TITLES = lexicon.rows("titles")
_OFFICE = regex.compile(r"^(?:" + _words_pattern(_fold(r["title"]) for r in _TITLES
                                                if r["kind"] in ("office", "collective")) + r")(?![\p{L}])")
_COLLECTIVE = regex.compile(r"^(?:" + _words_pattern(_fold(r["title"]) for r in _TITLES if r["kind"] == "collective")
                            + r")(?![\p{L}])")
_CONSOLIDATION = regex.compile(r"^(?:" + _words_pattern(_fold(r["title"]) for r in _TITLES
                                                       if r["title"].startswith("XÁC THỰC")) + r")")
_CONSOLIDATION_ANY = regex.compile(_CONSOLIDATION.pattern.lstrip("^"))
_OFFICE_ANY = regex.compile(r"(?<![\p{L}])(?:" + _words_pattern(_fold(r["title"]) for r in _TITLES
                                                               if r["kind"] == "office") + r")(?![\p{L}])")
_AUTHORITY = regex.compile(r"^(?:" + _words_pattern(_fold(r["title"]).rstrip(".") for r in _TITLES
                                                   if r["kind"] == "authority") + r")(?:\s*\.|\s+(?=\p{L}))")
_RANK = regex.compile(r"^(?:(?:" + _words_pattern(r["title"] for r in _TITLES if r["kind"] == "rank")
                      + r")\s*)+(?=\p{Lu})")

# "Số: 12/KH-UBND"; a party text prints "Số 15-TB/TU" at the start of its line, with no colon
_NUMBER = regex.compile(r"(?:(?<![\p{L}/])[Ss]ố\s*:|(?m:^)[ \t]*Số[ \t]+(?=\d))\s*(?P<n>(?:\d[^\s,;|]*)?[/-][^\s,;|]*\p{Lu}[^\s,;|]*)")
# địa danh: a place's name, its first word capitalised, after a unit word where one is written ("Thành phố Hồ
# Chí Minh", "TP. Huế"): the unit's second syllable is in lower case, so it is matched from letterhead.tsv
_UNIT_PREFIX = "|".join(r"[ \t]+".join(regex.escape(w) for w in r["written"].capitalize().split())
                        for r in _LETTERHEAD if r["kind"] == "locality" and " " in r["written"])
_PLACE_DATE = regex.compile(r"(?m)(?:^|[\t|]|[ \t]{2}|_{3,})[ \t]*(?P<place>(?:TP\.[ \t]*|(?:" + _UNIT_PREFIX + r")[ \t]+)?\p{Lu}\p{Ll}*(?:[ \t]+\p{Lu}\p{Ll}*){0,3})"
                            r"\s*,?\s*ngày[ \t]*(?P<d>\d{1,2})?\s*tháng\s*(?P<m>\d{1,2})\s*năm\s*(?P<y>\d{4})")
_RECIPIENTS = regex.compile(r"^(?i:" + _label("recipients") + r")(?![\p{L}])")
_DISPATCH = regex.compile(r"(?<![\p{L}])(?:" + _label("dispatch") + r")\s*:\s*$")
_SUBJECT_LINE = regex.compile(r"^(?:" + _label("subject", exclude="Về") + r")[ \t:.]*(?P<s>.*)$", regex.IGNORECASE)
_SUBJECT_UNDER_NUMBER = regex.compile(r"^(?:" + _label("subject") + r")[ \t:.]*(?P<s>\p{Ll}.*)$")
_SUBJECT_LEAD = regex.compile(r"^(?:" + _label("subject") + r")(?:\s*:\s*|\s+)", regex.IGNORECASE)
# a consonant that begins a new word inside an upper-case word: where glued signature lines meet
_GLUE = regex.compile(r"(?<=\p{Lu}\.?)(?=[BCDĐGHKLMNPQRSTVX]\p{Lu})(?<=\p{Lu}{2}\.?)")
_GLUED_SIGNED = regex.compile(r"(?<=\p{Lu})(?=\((?i:đã ký|đã kí|ký|kí)\))|(?<=\((?i:đã ký|đã kí|ký|kí)\))(?=\p{Lu})")
_ARCHIVE = regex.compile(r"^[-–][ \t]*(?:" + _label("archive") + r")[ \t]*:")
# the gazette's "[đã ký]" stamp glued to the signer's title, often clipped: "PHÓ THỦ TƯỚNGky]"
_SIGNED_MARK = regex.compile(r"(?<=\p{Lu})[ \t]*[\[(]?(?i:đã[ \t]*)?(?i:ký|kí|ky)[\])][ \t]*$")
_UNDERLINE = regex.compile(r"[ \t]*_{3,}")
_OPENING_INSIDE = regex.compile(r"(?<=\s)(?:" + _label("opening") + r")(?![\p{L}])")
_REPLY = regex.compile(r"(?<=\s)(?:" + _label("reply") + r")(?![\p{L}])")
# a form's blank to fill in: dots, an ellipsis, a note's number "(1)"
_BLANK = regex.compile(r"^[\s.…_·()\d]*$")
_LIST_ITEM = regex.compile(r"^[ \t]*[-+•–][ \t]*(?P<item>.+?)[ \t]*[;.,]?[ \t]*$")
_TERM = regex.compile(r"(?i:" + _label("term") + r")[ \t]+(?P<a>(?:19|20)\d\d)[ \t]*[-–][ \t]*(?P<b>(?:19|20)\d\d)")
_DRAFT = regex.compile(r"^[ \t]*(?i:" + _label("draft") + r")[ \t]*(?:\d+|lần[ \t]+\d+)?[ \t]*$")
_PORTAL_DATE = regex.compile(r"^(?:Thứ[ \t]+\p{L}+|Chủ nhật)[ \t]*,[ \t]*\d{1,2}/\d{1,2}/\d{4}")
_PORTAL_DAY = regex.compile(r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})")
_NEWS_DATE = regex.compile(r"(?i:sáng|chiều|tối|trưa|ngày|hôm nay)[ \t]+(?P<d>\d{1,2})[./](?P<m>\d{1,2})(?![./]?\d)")
_YEAR = regex.compile(r"(?<![\d/])((?:19|20)\d\d)(?![\d/])")
_SIGNED = regex.compile(r"^[\[(]?(?i:đã ký|đã kí|ký|kí|daky|chữ ký)[^)\]]*[)\]]?$")
_PERSON = regex.compile(r"^(?:\p{Lu}\p{Ll}*[ \t]+){1,4}\p{Lu}\p{Ll}*$")
_BYLINE_NOTE = regex.compile(r"[ \t]*\((?i:thực hiện|tổng hợp|lược dịch|theo [^)]*)\)$")
# a news portal's link-list or share heading: where an article's own text has ended
_PORTAL_JUNK = regex.compile(r"(?i:^(?:" + "|".join(regex.escape(w) for w in sorted(
    lexicon.column("portal_boilerplate", "pattern", kind="news_list"), key=len, reverse=True)) + r")\b)")
# a rule or an empty cell; a lone "-" is a list marker whose item a reader put on the next line
_RULE_LINE = regex.compile(r"^[\s|*_=]*$|^[\s|*]*[-–—_=.]{2,}[\s|*]*$")
_MARKUP = regex.compile(r"\*+|^#+[ \t]*|[ \t]*[=\-]{3,}[ \t]*$")
_DISTRIBUTION = regex.compile(r"^(?i:" + _label("distribution") + r")\s*:")
_APPENDIX = regex.compile(r"^(?i:" + _label("appendix") + r")(?![\p{L}])")
_ANNOUNCER = regex.compile(r"^(?P<body>(?:Văn phòng|Ban|Sở|Ủy ban|Uỷ ban|Đảng ủy|Đảng uỷ)[\p{L} ]{2,40}?)[ \t]+"
                           r"(?:thông báo|trân trọng thông báo|xin thông báo)")
_PREAMBLE = regex.compile(r"^(?:" + _words_pattern(r["words"] for r in _LETTERHEAD if r["kind"] == "preamble")
                          + r")(?![\p{L}])")  # as printed: "Căn cứ", never the upper case of a trích yếu
_TITLE_OPENING = regex.compile(r"^(?:" + _words_pattern(r["words"] for r in _LETTERHEAD if r["kind"] == "title_opening")
                               + r")(?![\p{L}])")
_PREAMBLE_INSIDE = regex.compile(r"(?<=\s)(?:" + _words_pattern(r["words"] for r in _LETTERHEAD
                                                                if r["kind"] == "preamble") + r")(?![\p{L}])")
_FOOTNOTE_MARK = regex.compile(r"(?<=\p{Lu})\d{1,2}$")
_ROMAN = regex.compile(r"^[IVXLC]+[,.]?$")
_FORM_LABEL = regex.compile(r"^(?:" + _words_pattern(r["words"] for r in _LETTERHEAD if r["kind"] == "form")
                            + r")\s*:?", regex.IGNORECASE)
_PARTY_UNIT = regex.compile(r"(?<![\p{L}])Đảng bộ[ \t]+")
_NEXT_WORD = regex.compile(r"[ \t]+(\p{L}+)")
_CELL_BREAK = regex.compile(r"[ \t]+(?=(?:" + _words_pattern(r["title"].rstrip(".") for r in _TITLES if r["kind"] == "authority")
                            + r")\.?[ \t]+\p{Lu})|(?<=[;:])[ \t]+(?=[-+•][ \t])")
_CAPS_THEN_NAME = regex.compile(r"(?<=\p{Lu}[\p{Lu}\d,.)]*)[ \t]+(?=(?:\p{Lu}\p{Ll}+[ \t]+){1,4}\p{Lu}\p{Ll}+[ \t]*$)")
_SEGMENTED = regex.compile(r"\p{L}_\p{L}")


@dataclass
class _Line:
    text: str
    block: int
    first: bool  # the first line of its block


def extract(doc: Document) -> dict:
    return dict(doc.remember("metadata", lambda: _extract(doc)))


def _extract(doc: Document) -> dict:
    # a letterhead or signature that a reader took for a table is still the document's own block
    blocks = [b for b in doc.blocks if b.kind in ("heading", "paragraph") or b.kind == "table" and _letterhead_table(b)]
    lines = _lines(blocks)
    meta: dict = {"kind": None, "title": None, "number": None, "issuer": None, "place": None, "date": None,
                  "subject": None, "recipients": [], "distribution": [], "signer_name": None,
                  "signer_title": None, "draft": False, "term": None}
    top = _letterhead_start(lines)
    head = lines[top:top + 40]
    if any(_FORM_LABEL.match(line.text) for line in head[:15]):
        return meta  # a report form or template: its labels are not a document's fields (SPEC.md, Rulings)
    header = "\n".join(line.text for line in head)
    if m := _NUMBER.search(header):
        meta["number"] = m.group("n").rstrip(".")
    if m := _PLACE_DATE.search(header):
        meta["place"] = " ".join(m.group("place").split())
        meta["date"] = iso(m.group("y"), m.group("m"), m.group("d"))
    title_at = _type_line(head)
    letterhead_issuer = _letterhead_issuer(head)
    title_lines = _title_lines(head, title_at, letterhead_issuer) if title_at is not None else []
    meta["subject"] = _subject_line(head, title_at)
    meta["recipients"] = _recipients(lines, top)
    blank_form = meta["number"] is None and _blank_addressee(lines, top)
    if blank_form:
        # "Kính gửi: ……(1)" under no number is a form to fill in: its "Về việc" line is no document's subject
        meta["subject"] = None
    meta["distribution"] = _list_after(lines, _DISTRIBUTION) or _unlabelled_distribution(lines)
    meta["draft"] = any(_DRAFT.match(line.text) for line in lines)
    if term := _TERM.search(" ".join(b.text for b in blocks[:4])):
        meta["term"] = f"{term.group('a')}-{term.group('b')}"
    if title_lines:
        meta["title"] = _trim_title(" ".join(" ".join(t.split()) for t in title_lines), letterhead_issuer)
        type_word = _TYPE_WORD.match(_fold(meta["title"]))
        trich_yeu = meta["title"][type_word.end():].strip() if type_word else ""
        meta["subject"] = meta["subject"] or (_SUBJECT_LEAD.sub("", trich_yeu, count=1) or None)
    letterhead = bool(meta["number"] or title_lines or meta["subject"] or meta["recipients"]
                      or meta["distribution"] or _MOTTO.search(header) or blank_form)
    news = not letterhead and not _political_report(blocks) and _is_news(blocks)
    meta["kind"] = _kind(doc, blocks, meta, title_lines, news)
    if news:
        meta["title"] = _headline(blocks)
    meta["signer_title"], meta["signer_name"] = _signer(lines, blocks, news)
    if not news:
        _consolidation_block(lines, meta)
    meta["issuer"] = (letterhead_issuer or meta["issuer"] or _issuer(doc, meta)) if not news else None
    if news:
        meta["place"] = meta["place"] or _news_place(doc, meta)
        meta["date"] = meta["date"] or _news_date(blocks, meta)
    return meta


def _letterhead_table(block: Block) -> bool:
    cells = regex.split(r"[\t\n|]", block.text)
    return bool(_MOTTO.search(_key(block.text))) or any(
        _NUMBER.search(c) or _DISTRIBUTION.match(c.strip()) or _AUTHORITY.match(_fold(c)) for c in cells)


def _lines(blocks: list[Block]) -> list[_Line]:
    """Every non-empty line of the text blocks, markup and rules dropped."""
    out = []
    for i, b in enumerate(blocks):
        first = True
        # a plain-text export joins a wrapped line to the next with a wide gap: split there again
        # and a row's cells, between pipes or tabs ("QUỐC HỘI | CỘNG HÒA …"), are lines of their own
        for raw in regex.split(r"\n|[ \t]*[|\t][ \t]*|[ \t]{2,}(?=\p{Lu})", _unglued(b.text)):
            # a title of office run into the signer's name on one line is split there, table or not
            signing = b.kind == "table" or bool(_OFFICE.match(_fold(_MARKUP.sub("", raw.strip()))))
            for part in (_cell_lines(raw) if signing else [raw]):
                text = _SIGNED_MARK.sub("", _MARKUP.sub("", part.strip()).strip())
                if _RULE_LINE.match(text):
                    continue
                out.append(_Line(text, i, first))
                first = False
    return out


def _unglued(text: str) -> str:
    """A signature cell whose lines an export glued with nothing between them ("TM. CHÍNH PHỦKT. THỦ
    TƯỚNGPHÓ THỦ TƯỚNG(Đã ký)Nguyễn Văn A"): a line break again before a quyền hạn or a title of office
    that begins inside an upper-case word (no Vietnamese syllable holds one: "PHỦKT", "HỘICHỦ"), and
    around a glued "(Đã ký)"."""
    if not _GLUE.search(text):
        return text
    out, last = [], 0
    for m in _GLUE.finditer(text):
        rest = _key(text[m.start():m.start() + 60])
        if _AUTHORITY.match(rest) or _OFFICE.match(rest):
            out.append(text[last:m.start()])
            last = m.start()
    out.append(text[last:])
    text = "\n".join(out)
    return _GLUED_SIGNED.sub("\n", text)


def _cell_lines(cell: str) -> list[str]:
    """A letterhead or signature cell whose lines a reader joined: split again before a quyền hạn
    (TM., KT., …), before a list item after ";" or ":", and where capitals give way to a name."""
    cell = _CELL_BREAK.sub("\n", cell)
    out = []
    for line in cell.split("\n"):
        m = _CAPS_THEN_NAME.search(line)
        if m and _caps(line[:m.start()]):
            out.extend([line[:m.start()], line[m.start():]])
        else:
            out.append(line)
    return out


def _letterhead_start(lines: list[_Line]) -> int:
    """Where the document's own letterhead begins: the body lines above its quốc hiệu (past a portal's
    summary of a consolidated text, which has none), else the top."""
    joined, starts = "", []
    for line in lines[:200]:
        starts.append(len(joined))
        joined += line.text + "\n"
    m = _MOTTO.search(_key(joined))
    if not m:
        return 0
    at = max(i for i, s in enumerate(starts) if s <= m.start())
    top = at
    # the issuing body's lines, and the number or date where a reader put them first
    while top > 0 and at - top < 8 and (_body_like(lines[top - 1].text) or _NUMBER.search(lines[top - 1].text)
                                        or _PLACE_DATE.search(lines[top - 1].text)):
        top -= 1
    return top


def _body_like(text: str) -> bool:
    return _caps(text) and len(text) < 90 and ":" not in text


def _caps(text: str) -> bool:
    """Upper case, short lines included: a wrap can leave "DÂN" or "VỀ" alone on a line."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 4:
        return is_upper_line(text)
    return bool(letters) and all(c.isupper() for c in letters)


# ---------------------------------------------------------------- issuing body


def _consolidation_block(lines: list[_Line], meta: dict) -> None:
    """A consolidated text printed under the instrument's own heading carries its number, issuer, place
    and date in the closing block that authenticates it (XÁC THỰC VĂN BẢN HỢP NHẤT): the fields the top
    lacks are read there (SPEC.md, Rulings)."""
    at = next((i for i, line in enumerate(lines) if _CONSOLIDATION.match(_fold(line.text))), None)
    if at is None:
        return
    window = lines[max(0, at - 10):at + 8]
    text = "\n".join(line.text for line in window)
    if meta["number"] is None and (m := _NUMBER.search(text)):
        meta["number"] = m.group("n").rstrip(".")
    if meta["date"] is None and (m := _PLACE_DATE.search(text)):
        meta["place"] = " ".join(m.group("place").split())
        meta["date"] = iso(m.group("y"), m.group("m"), m.group("d"))
    if meta["issuer"] is None:
        number_at = next((i for i, line in enumerate(window) if _NUMBER.search(line.text)), None)
        if number_at:
            start = number_at
            while start > 0 and _body_like(window[start - 1].text):
                start -= 1
            body = [line.text for line in window[start:number_at]]
            meta["issuer"] = _issuing_body(body) if body else None


def _letterhead_issuer(head: list[_Line]) -> str | None:
    if not any(_NUMBER.search(line.text) or _MOTTO.search(_key(line.text)) for line in head[:14]):
        return None  # no letterhead: upper-case lines at the top are headings
    end = next((i for i, line in enumerate(head) if _TYPE_WORD.match(_key(line.text)) and _caps(line.text)),
               min(len(head), 14))
    body_lines = _issuer_lines(head, end)
    return _issuing_body(body_lines) if body_lines else None


def _issuer(doc: Document, meta: dict) -> str | None:
    """Where the letterhead names no body: the issuing part of the document's symbol, a closing
    "<body> thông báo …", or the committee that signs a congress report."""
    if meta["number"] and "/" in meta["number"]:
        # ký hiệu: "<type>-<issuer>" ("KH-UBND"), a letter's "<issuer>-<drafting unit>" ("SYT-TCCB"), a
        # party text's "<type>/<issuer>" ("NQ/TU"); a legislature's term number is no part of the name
        parts = [regex.sub(r"\d+$", "", p) for p in regex.split(r"[-–]", meta["number"].rsplit("/", 1)[1]) if p]
        if parts and parts[0] in _TYPE_ABBREVIATIONS:
            parts = parts[1:]
        if parts and _fold(expand(parts[0])) != _fold(parts[0]):
            return expand(parts[0])
    for b in reversed(doc.blocks[-40:]):
        if m := _ANNOUNCER.match(b.text):
            return expand(m.group("body").strip())
    return _committee_of_report(doc, meta)


def _issuer_lines(head: list[_Line], end: int) -> list[str]:
    """The letterhead's body lines: the upper-case lines above the number, the date or the tên loại, the
    quốc hiệu and tiêu ngữ taken out (a plain-text export may run them into the body's lines)."""
    joined = "\n".join(line.text for line in head[:end])
    keyed = _key(joined)
    for m in reversed(list(_MOTTO.finditer(keyed))):
        joined = joined[:m.start()] + regex.sub(r"[^\n]", " ", joined[m.start():m.end()]) + joined[m.end():]
    found: list[str] = []
    for text in joined.split("\n"):
        if _NUMBER.search(text) or _PLACE_DATE.search(text):
            break
        rest = " ".join(text.split()).strip(" |-–_")
        if prefix := _PREFIX.match(_key(rest)):
            rest = rest[prefix.end():]
        if not rest:
            continue
        if not _body_like(rest):
            if found:
                break
            continue
        found.append(rest)
    return found


def _issuing_body(body_lines: list[str]) -> str | None:
    """The issuing body from the letterhead's lines. The parent body (tên cơ quan chủ quản) stands above
    the issuer, so a line that begins a body's name, under a name already complete, starts the issuer;
    a wrap inside a name ("ỦY" / "BAN NHÂN DÂN", "BỘ TÀI" / "CHÍNH") starts nothing. The issuer may be an
    office: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …", "THỦ TƯỚNG CHÍNH PHỦ"."""
    # the authentication line beside a consolidated text's issuer is no part of its name
    body_lines = [line[:m.start()] if (m := _CONSOLIDATION_ANY.search(_key(line))) else line for line in body_lines]
    words = [(w, k == 0) for line in body_lines for k, w in enumerate(expand(line).split())]
    at = next((i for i in range(len(words)) if words[i][1] and (_head_at(words, i) or _office_head_at(words, i))),
              None)
    if at is None:
        return None
    groups: list[list[str]] = []
    one_line = len(body_lines) == 1
    i = at
    while i < len(words):
        size = _head_at(words, i) or (_office_head_at(words, i) if not groups else 0)
        if size and groups and (words[i][1] and _complete(" ".join(groups[-1])) and not _owner(words, i, size)
                                or one_line and _joined_parent(groups[-1], words, i, size)):
            groups.append([])
        if not groups:
            groups.append([])
        step = max(size, 1)
        groups[-1].extend(w for w, _ in words[i:i + step])
        i += step
    issuer = " ".join(groups[-1])
    if len(groups) > 1:
        # a party committee's department is named with its committee: "Ban Tuyên giáo Tỉnh ủy"
        parent = _BODY_START.match(_key(" ".join(groups[-2])))
        own = _BODY_START.match(_key(issuer))
        if parent and own and _BODY_WORDS[parent.group(0)]["kind"] == "committee" \
                and _BODY_WORDS[own.group(0)]["kind"] == "head" and not any(
                    _BODY_WORDS.get(_fold(" ".join(issuer.split()[k:k + 2])), {}).get("kind") == "committee"
                    for k in range(len(issuer.split()))):
            issuer += " " + parent.group(0).upper()
    return _written_name(issuer)


def _joined_parent(group: list[str], words: list[tuple[str, bool]], i: int, size: int) -> bool:
    """Where a reader joined the parent body's line and the issuer's into one ("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN
    SỞ Y TẾ"), a plain head starts the issuer once the parent's name is complete; a name's specific part
    has two syllables at least, so "BỘ NỘI VỤ", "BỘ QUỐC PHÒNG" hold no second body."""
    if _BODY_WORDS[_fold(" ".join(w for w, _ in words[i:i + size]))]["kind"] != "head":
        return False
    m = _BODY_START.match(_key(" ".join(group)))
    if not m:
        return False
    complement = 0
    while i + size + complement < len(words) and not _head_at(words, i + size + complement):
        complement += 1
    # the new body needs its own specific part too: "XÃ HỘI" ends a ministry's name, it starts no "Hội"
    return complement >= 2 and (_BODY_WORDS[m.group(0)]["kind"] == "name"
                                or len(_fold(" ".join(group))[m.end():].split()) >= 2)


def _head_at(words: list[tuple[str, bool]], i: int) -> int:
    """How many words a body's head or listed name starting at word i spans (0: none)."""
    m = _BODY_START.match(_key(" ".join(w for w, _ in words[i:i + 8])))
    return len(m.group(0).split()) if m else 0


def _office_head_at(words: list[tuple[str, bool]], i: int) -> int:
    m = _OFFICE.match(_key(" ".join(w for w, _ in words[i:i + 8])))
    if not m:
        return 0
    size = len(m.group(0).split())
    return size + _head_at(words, i + size) if _head_at(words, i + size) else 0


def _owner(words: list[tuple[str, bool]], i: int, size: int) -> bool:
    # a party committee alone on its line owns the body above it: "ỦY BAN KIỂM TRA" / "TỈNH ỦY"
    entry = _BODY_WORDS[_fold(" ".join(w for w, _ in words[i:i + size]))]
    return entry["kind"] == "committee" and (i + size >= len(words) or words[i + size][1])


def _complete(name: str) -> bool:
    """A body's name that stands by itself: a listed name, or a head with its complement."""
    folded = _fold(name)
    m = _BODY_START.match(folded)
    if not m:
        return True
    entry = _BODY_WORDS[m.group(0)]
    return entry["kind"] == "name" or bool(folded[m.end():].strip())


def _written_name(caps: str) -> str:
    """A name in capitals as Vietnamese writes it (Nghị định 30/2020/NĐ-CP, Phụ lục II): the type word as
    listed, the first word of each part of the specific name capitalised, an administrative unit in lower
    case before its capitalised place name. "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP" -> "Ủy ban nhân dân tỉnh Đồng Tháp"."""
    words = " ".join(caps.split())
    if not is_upper_line(words):
        return words
    out: list[str] = []
    rest = words
    place = False
    capital_next = True
    while rest:
        folded = _fold(rest)
        m = _BODY_START.match(folded)
        if m and (not out or " " in m.group(0)):  # "Văn phòng Tỉnh ủy"; but "Bộ Quốc phòng" has no "Phòng" in it
            out.append(_BODY_WORDS[m.group(0)]["written"])
            rest = rest[len(m.group(0)):].strip()
            # a party committee is followed by its place's name: "Tỉnh ủy Nghệ An"
            place, capital_next = _BODY_WORDS[m.group(0)]["kind"] == "committee", True
            continue
        # "THƯƠNG BINH VÀ XÃ HỘI": a unit word after "và" or a comma is a word of the name, not a unit
        if (m := _LOCALITY.match(folded)) and not (capital_next and out and out[-1] not in _HEAD_FORMS):
            out.append(_LOCALITIES[m.group(0)])
            rest = rest[len(m.group(0)):].strip()
            place = True
            continue
        word, _, rest = rest.partition(" ")
        lower = word.lower()
        if _ROMAN.match(word):  # "LẦN THỨ XI", "KHÓA XVI"
            out.append(word)
        elif place or capital_next:
            out.append(lower[:1].upper() + lower[1:])
        else:
            out.append(lower)
        capital_next = lower in ("và", "-", "–") or word.endswith(",")
    return " ".join(out)


def _committee_of_report(doc: Document, meta: dict) -> str | None:
    """A congress report signed "BAN CHẤP HÀNH ĐẢNG BỘ": the committee of the party organisation the
    report speaks of most."""
    title = meta["signer_title"] or ""
    m = _COLLECTIVE.match(_key(title))
    if not m or "đảng bộ" not in _fold(title):
        return None
    units = [name for found in _PARTY_UNIT.finditer(doc.text, 0, doc.body_end)
             if (name := _name_after(doc.text, found.end()))]
    if not units:
        return None
    unit = max(set(units), key=lambda u: (units.count(u), -units.index(u)))
    return f"{_written_name(m.group(0).upper())} Đảng bộ {unit}"


def _name_after(text: str, pos: int) -> str | None:
    """A body's name as running text writes it, from its head: "Sở Y tế", "Sở Giáo dục và Đào tạo". Each
    word of the specific part begins with a capital; its second syllable is in lower case; "và" joins."""
    head = _MIXED_HEAD.match(text, pos)
    if not head:
        return None
    words, previous, at = [head.group(0)], "head", head.end()
    while (w := _NEXT_WORD.match(text, at)) and len(words) < 12:
        word = w.group(1)
        if word[0].isupper():
            previous = "capital"
        elif word == "và" and previous != "và":
            previous = "và"
        elif previous == "capital":
            previous = "lower"
        else:
            break
        words.append(word)
        at = w.end()
    while words and words[-1] == "và":
        words.pop()
    return " ".join(words) if len(words) > 1 else None


# ---------------------------------------------------------------- title, kind, subject


def _type_line(head: list[_Line]) -> int | None:
    """The tên loại: an upper-case line that is a document type word, below the number and date. A type
    word wrapped over two lines ("QUYẾT" / "ĐỊNH") is joined into one."""
    for i, line in enumerate(head):
        if i + 1 < len(head) and _caps(line.text) and _caps(head[i + 1].text):
            both = _TYPE_WORD.match(_key(f"{line.text} {head[i + 1].text}"))
            if both and both.end() > len(line.text) and not _TYPE_WORD.match(_key(line.text)):
                head[i:i + 2] = [_Line(f"{line.text} {head[i + 1].text}", line.block, line.first)]
        folded = _fold(head[i].text)
        line = head[i]
        m = _TYPE_WORD.match(folded)
        if not m or not is_upper_line(line.text) or line.text.rstrip().endswith(":"):
            continue
        if _BODY_START.match(folded):  # "BAN …", "BỘ …": a body's name in the letterhead
            continue
        return i
    return None


def _title_lines(head: list[_Line], at: int, issuer: str | None) -> list[str]:
    """The tên loại and its trích yếu, all its lines: upper-case lines below the type word (the first may
    run on in lower case), up to the body text or the authority line that opens a decision."""
    out = [head[at].text]
    for j in range(at + 1, min(at + 12, len(head))):
        line = head[j]
        text = line.text
        folded = _fold(text)
        motto = _MOTTO.search(_key(text))
        # a trích yếu may name the country ("… GIỮA CHÍNH PHỦ NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM VÀ …")
        preamble = _PREAMBLE.match(text) and not (len(out) == 1 and _TITLE_OPENING.match(text) and _trich_yeu(text, True))
        if text.rstrip().endswith(":") or _NUMBER.search(text) or preamble or motto and (
                motto.start() == 0 or len(text) < 80):
            break
        run_on = _PREAMBLE_INSIDE.search(text)
        if run_on and len(out) > 1 and _caps(text[:run_on.start()]) and _caps(out[-1]):
            out.append(text[:run_on.start()])  # "SẢN Căn cứ Luật …": the trích yếu's last word, then the căn cứ
            break
        opening = len(out) == 1 and (_upper_start(text) or _trich_yeu(text, True))
        if not (_caps(text) or opening or len(out) > 1 and not line.first and not _caps(out[-1])):
            break
        if len(out) > 1 and line.first and (_OFFICE.match(folded) or issuer and _fold(expand(text)).startswith(
                _fold(issuer))):
            break  # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …", "HỘI ĐỒNG NHÂN DÂN …": the authority enacting it
        if len(out) > 1 and line.first and _caps(text) and not _caps(out[-1]) and _BODY_START.match(folded):
            break  # a trích yếu in sentence case does not return to capitals: a body's name is the authority
        out.append(text)
    return [_FOOTNOTE_MARK.sub("", t) for t in out]


def _trim_title(title: str, issuer: str | None) -> str:
    """A title without what a reader ran into its last line: the preamble ("… Căn cứ Luật …") and the
    authority enacting the text, the issuer or its head ("… CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …")."""
    type_word = _TYPE_WORD.match(_fold(title))
    for m in _PREAMBLE_INSIDE.finditer(title):
        if type_word and not title[type_word.end():m.start()].strip() and _TITLE_OPENING.match(title[m.start():]):
            continue  # "NGHỊ ĐỊNH Thực hiện thí điểm …": the trích yếu itself opens so
        title = title[:m.start()]
        break
    title = _UNDERLINE.split(title, 1)[0]  # the rule printed under the trích yếu, run onto its line
    words = title.split()
    # an upper-case trích yếu runs into the text's first sentence: "… SỐ 66-NQ/TW Ngày 28 tháng 11 …"
    lettered = [i for i, w in enumerate(words) if any(c.isalpha() for c in w)]
    # but a trích yếu in sentence case under the tên loại ("THÔNG TƯ Hướng dẫn …", "NGHỊ QUYẾT Về việc …")
    # is the title itself: the cut needs capitals past the type word
    type_words = len(type_word.group(0).split()) if type_word else 0
    for a, b in zip(lettered, lettered[1:]):
        if a > type_words and _caps(words[a - 1]) and words[a][0].isupper() and not _caps(words[a]) and not _caps(words[b]):
            words = words[:a]
            break
    title = " ".join(words)
    for i in range(1, len(words)):
        rest = " ".join(words[i:])
        if _caps(rest) and _authority_line(rest) and (issuer is None or _fold(issuer) in _fold(_written_name(rest))):
            title = " ".join(words[:i])
            break
    return title.rstrip(" .")


def _authority_line(text: str) -> bool:
    """An office and the body it heads, and nothing else: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI"."""
    words = [(w, k == 0) for k, w in enumerate(text.split())]
    size = _office_head_at(words, 0)
    return bool(size) and not any(_head_at(words, k) for k in range(size, len(words)))


def _trich_yeu(text: str, under_type_word: bool = False) -> bool:
    """A trích yếu in sentence case, as normative texts print it: not the preamble that follows it. Right
    under the tên loại it may open with "Thực hiện …" (a plan carrying out a resolution)."""
    opening_ok = under_type_word and _TITLE_OPENING.match(text)
    return len(text) < 300 and (opening_ok or not _PREAMBLE.match(text)) and not text.rstrip().endswith((";", ":", "."))


def _upper_start(text: str) -> bool:
    words = [w for w in text.split() if any(c.isalpha() for c in w)]
    return len(words) >= 2 and all(_caps(w) for w in words[:2])


def _subject_line(head: list[_Line], title_at: int | None) -> str | None:
    """A letter's `V/v` line under its number, with the lines it wraps onto; the letterhead ends where the
    text begins (a first long line)."""
    end = next((i for i, line in enumerate(head) if len(line.text) > 150), len(head))
    if title_at is not None:
        end = min(end, title_at)
    for i, line in enumerate(head[:end]):
        m = _SUBJECT_LINE.match(line.text)
        if not m and i and _NUMBER.search(head[i - 1].text) and not _NUMBER.search(line.text):
            # a trích yếu written "Về …" (no "V/v") stands right under the number, where a letter's goes
            m = _SUBJECT_UNDER_NUMBER.match(line.text)
        if not m:
            continue
        parts = [m.group("s")]
        for nxt in head[i + 1:i + 4]:
            if (nxt.first and nxt.block != line.block and not nxt.text[:1].islower()) or _PLACE_DATE.search(nxt.text) \
                    or _RECIPIENTS.match(nxt.text):
                break
            parts.append(nxt.text)
        subject = " ".join(" ".join(parts).split()).rstrip(" .")
        return subject or None
    return None


def _marked(kind: str, where: str, text: str) -> bool:
    """Whether a phrase of document_kinds.tsv marks `text` as of `kind`."""
    folded = _fold(text)
    for row in _MARKERS:
        if row["kind"] == kind and row["where"] == where and _fold(row["type_word"]) in folded and all(
                _fold(word) in folded for word in row["then"].split("+") if word.strip()):
            return True
    return False


def _opening(blocks: list[Block]) -> str:
    return " ".join(b.text for b in blocks[:8])[:2000]


def _political_report(blocks: list[Block]) -> bool:
    """A party congress's báo cáo chính trị: named so, or opening on the results of the term."""
    return _marked("political_report", "opening", _opening(blocks))


def _kind(doc: Document, blocks: list[Block], meta: dict, title_lines: list[str], news: bool) -> str:
    if news:
        return "news"
    if _political_report(blocks):
        return "political_report"
    kind = None
    if title_lines:
        title = _fold(" ".join(title_lines))
        kind = "other"
        for row in _KINDS:
            word = _fold(row["type_word"])
            if title.startswith(word) and (not row["then"] or title[len(word):].strip().startswith(_fold(row["then"]))):
                kind = row["kind"]
                break
    elif meta["number"] and (meta["subject"] or meta["recipients"]):
        kind = "official_letter"
    # a letter or plan that launches an emulation movement is of its own kind
    if kind in (None, "plan", "official_letter") and (_marked("emulation", "subject", meta["subject"] or "")
                                                       or _marked("emulation", "opening", _opening(blocks))):
        return "emulation"
    return kind or "other"


# ---------------------------------------------------------------- recipients, distribution


def _recipients(lines: list[_Line], top: int) -> list[str]:
    """The Kính gửi list; a công điện's is the list under "<sender> điện:"."""
    for i, line in enumerate(lines[top:top + 60], start=top):
        folded = _fold(line.text)
        if _RECIPIENTS.match(line.text) or (_DISPATCH.search(folded) and is_upper_line(
                line.text.rsplit(" ", 1)[0])):
            return _items(lines, i)
    return []


def _blank_addressee(lines: list[_Line], top: int) -> bool:
    line = next((line for line in lines[top:top + 60] if _RECIPIENTS.match(line.text)), None)
    return line is not None and ":" in line.text and bool(_BLANK.match(line.text.split(":", 1)[1])) \
        and line.text.split(":", 1)[1].strip() != ""


def _unlabelled_distribution(lines: list[_Line]) -> list[str]:
    """A Nơi nhận list whose label an export lost, its items run into one line ("- Chính phủ; - …; - Lưu: VT,
    …"): known by the archive item that closes every such list."""
    for line in reversed(lines):
        items = regex.split(r"[;.][ \t]*(?=[-–][ \t])", line.text)
        if len(items) >= 2 and _LIST_ITEM.match(items[0]) and _ARCHIVE.match(items[-1]):
            return [" ".join(m.group("item").split()).rstrip(";.,") for item in items if (m := _LIST_ITEM.match(item))]
    return []


def _list_after(lines: list[_Line], label: regex.Pattern) -> list[str]:
    for i, line in enumerate(lines):
        if label.match(line.text):
            return _items(lines, i)
    return []


def _items(lines: list[_Line], at: int) -> list[str]:
    text = lines[at].text
    rest = text.split(":", 1)[1].strip() if ":" in text else ""
    if rest and _BLANK.match(rest):
        return []  # a form's field to fill in: what follows are its other fields
    if rest and (opening := _run_on_text(rest)) is not None:
        # a reader ran the text's first sentence onto the list's line: the list ended there
        rest = rest[:opening].strip()
        return [rest.rstrip(" ;.,")] if rest else []
    raw = [rest] if rest else []
    for follower in lines[at + 1:at + 60]:
        text = follower.text
        if _LIST_ITEM.match(text) or text in ("-", "+", "•"):
            raw.append(text)
        elif raw and raw[-1].strip() in ("-", "+", "•"):
            raw[-1] += " " + text
        elif raw and _wrapped_item(raw[-1], text):
            raw[-1] += " " + text
        else:
            break
    items = []
    for line in raw:
        m = _LIST_ITEM.match(line) or regex.match(r"^(?P<item>.+?)[;.,]?$", line.strip())
        if m and m.group("item").strip() and not _BLANK.match(m.group("item")):
            items.append(" ".join(m.group("item").split()).rstrip(";.,"))
    return items


def _run_on_text(rest: str) -> int | None:
    """Where the text's first sentence begins on a list's own line: the căn cứ ("… Căn cứ Luật …"), an
    opening ("… Triển khai …"), or a reply's, "<body> nhận được công văn …", cut before the body's name."""
    if m := _PREAMBLE_INSIDE.search(rest):
        return m.start()
    if len(rest) > 100 and (m := _OPENING_INSIDE.search(rest)):
        return m.start()  # a long line only: an addressee's name holds no such capitalised opening
    if m := _REPLY.search(rest):
        heads = [h.start() for h in _MIXED_HEAD.finditer(rest, 0, m.start())
                 if h.start() > 0 and rest[h.start() - 1] == " "]
        return heads[-1] if heads else None
    return None


def _wrapped_item(item: str, line: str) -> bool:
    """A list item that runs onto the next line: the item is not closed (";", ".") and the line is no
    signature line; after "Cục:" or "," even an upper-case run of codes continues it."""
    item = item.rstrip()
    if item.endswith((";", ".")) or len(line) > 200 or _AUTHORITY.match(_fold(line)) or _OFFICE.match(_fold(line)):
        return False
    return item.endswith((":", ",")) or not _caps(line)


# ---------------------------------------------------------------- signature


def _signer(lines: list[_Line], blocks: list[Block], news: bool) -> tuple[str | None, str | None]:
    """The signer's own title and name. Above them may stand the quyền hạn ký (TM./KT./TL./TUQ./Q. and the
    office or body signed for) and below the title a "(đã ký)" mark or a rank; the block sits beside the
    Nơi nhận list, or closes the text before any appendix."""
    if news:
        return None, _byline(blocks)
    label = next((i for i, line in enumerate(lines) if _DISTRIBUTION.match(line.text)), None)
    begin = max(0, label - 12) if label is not None else 0
    title, name = _signature(lines[begin:])
    if name:
        return title, name
    # the Nơi nhận found may be a form's in an appendix, or the list may stand apart: the text's first signature
    first = _signature(lines)
    if first[1] or label is not None:
        return first if first[1] else (title, name)
    # a body that signs as a whole has no name under it: the last title closing the main text
    end = next((i for i, line in enumerate(lines) if i > 20 and _APPENDIX.match(line.text) and _caps(line.text)),
               len(lines))
    return _signature(lines[max(0, end - 40):end], last=True)


def _signature(lines: list[_Line], last: bool = False) -> tuple[str | None, str | None]:
    title = name = None
    authority: str | None = None
    for line in lines:
        text = line.text.strip()
        folded = _fold(text)
        if _AUTHORITY.match(folded):
            title, name, authority = None, None, text
            continue
        if authority and title is None and _PERSON.match(_RANK.sub("", text).strip()):
            # a reader ran the signer's title into the quyền hạn line: "KT. CỤC TRƯỞNG PHÓ CỤC TRƯỞNG"
            title = _own_title(authority)
        if authority and title is None and not _OFFICE.match(folded) and _caps(text) and len(text) < 60:
            continue  # the rest of a wrapped "TM. ỦY BAN / NHÂN DÂN" or "KT. BỘ TRƯỞNG, / CHỦ NHIỆM" line
        if _OFFICE.match(folded) and _caps(text) and len(text) < 80:
            title, name, authority = " ".join(text.split()).rstrip(","), None, None
            continue
        if title and not name:
            # the name is its cell's whole text: a wide gap ends the cell where an export ran lines together
            person = _RANK.sub("", regex.split(r"\s{2,}", text)[0]).strip()
            if _PERSON.match(person) and len(person.split()) <= 5:
                name = person
                if not last:
                    return title, name
            elif not _SIGNED.match(text) and (len(text) > 80 or not _caps(text)):
                title = None
    return (title, name) if last else (None, None)


def _own_title(authority: str) -> str | None:
    """The last title of office in a quyền hạn line that holds more than the one signed for."""
    key = _key(authority)
    found = [m for m in _OFFICE_ANY.finditer(key)]
    if len(found) < 2 or authority[:found[-1].start()].rstrip().endswith(","):
        return None  # "KT. BỘ TRƯỞNG, CHỦ NHIỆM": one office held with another, the one signed for
    return " ".join(authority[found[-1].start():].split()).rstrip(",")


def _byline(blocks: list[Block]) -> str | None:
    # the byline is the last name before the portal's link lists begin
    end = next((i for i, b in enumerate(blocks) if _PORTAL_JUNK.match(b.text.strip())), len(blocks))
    for b in reversed(blocks[:end]):
        text = _MARKUP.sub("", b.text.strip()).strip()
        text = _BYLINE_NOTE.sub("", text)
        if _PERSON.match(text) and len(text.split()) <= 4:
            return text
        if len(text) > 60 and not text.startswith("more("):
            break
    return None


# ---------------------------------------------------------------- news


def _is_news(blocks: list[Block]) -> bool:
    """An article: a portal's dating or link lists around it, or a headline over prose and no letterhead."""
    if not blocks:
        return False
    if any(_PORTAL_JUNK.match(b.text) for b in blocks[-40:]) or any(_PORTAL_DATE.match(b.text) for b in blocks[:3]):
        return True
    if _NEWS_DATE.search(" ".join(b.text for b in blocks[1:3])):
        return True
    headline = _headline(blocks)
    if not headline or is_upper_line(headline) or headline.endswith((".", ":", ";")):
        return False
    prose = [b for b in blocks[1:12] if len(b.text) > 80 and b.text.rstrip().endswith((".", "…", ":"))]
    return len(prose) >= 2


def _headline(blocks: list[Block]) -> str | None:
    for b in blocks[:4]:
        text = _MARKUP.sub("", b.text.split("\n")[0].strip()).strip()
        if _PORTAL_DATE.match(text) or not text:
            continue
        text = regex.sub(r"[ \t]*[=\-]{3,}$", "", text)
        # a plain-text export that ran the headline into the first paragraph left a wide gap between them
        if len(text) > 250 or (_SEGMENTED.search(text) and "  " in text):
            head, gap, _ = text.partition("  ")
            if not gap or len(head.split()) > 25:
                return None
            text = head
        if _SEGMENTED.search(text):
            text = _unsegmented(text)
        return " ".join(text.split())
    return None


def _unsegmented(text: str) -> str:
    """Word-segmented corpus text as written: "Cần_Thơ , nay" -> "Cần Thơ, nay"."""
    text = regex.sub(r"(?<=\p{L})_(?=\p{L})", " ", text)
    return regex.sub(r"\s+([,.;:!?)])", r"\1", text)


def _news_place(doc: Document, meta: dict) -> str | None:
    """The first province the headline (else the text) names, as the article writes it ("Bà Rịa – Vũng Tàu")."""
    for source in (meta["title"] or "", doc.text[:doc.body_end]):
        found = [(m.start(), m.group(0)) for m in _province_pattern().finditer(source) if not _part_of_person(source, m.start())]
        if found:
            return min(found)[1]
    return None


@lru_cache(maxsize=1)
def _province_pattern() -> regex.Pattern:
    # a hyphen and an en dash are one mark in a province's name
    return regex.compile(r"(?<![\p{L}])(?:" + "|".join(
        r"\s*[-–]\s*".join(r"\s+".join(regex.escape(w) for w in part.split())
                            for part in regex.split(r"\s*[-–]\s*", name))
        for name in sorted(province_names(), key=len, reverse=True)) + r")(?![\p{L}])")


def _part_of_person(text: str, pos: int) -> bool:
    # "tư tưởng Hồ Chí Minh", "Đoàn TNCS Hồ Chí Minh": a name, not the city
    return text[max(0, pos - 12):pos].rstrip().endswith(("tưởng", "TNCS", "Chủ tịch", "Bác"))


def _news_date(blocks: list[Block], meta: dict) -> str | None:
    """The day an article reports ("Sáng 15/1"), in the year of the page's dateline, else of the headline."""
    for b in blocks[1:4]:
        m = _NEWS_DATE.search(b.text)
        if not m:
            continue
        day, month = int(m.group("d")), int(m.group("m"))
        dateline = next((d for x in blocks[:4] if (d := _PORTAL_DAY.search(x.text)) and _PORTAL_DATE.match(x.text)),
                        None)
        if dateline:
            year = int(dateline.group("y"))
            if (month, day) > (int(dateline.group("m")), int(dateline.group("d"))):
                year -= 1  # reported in January about the last days of December
            return iso(year, month, day)
        year_match = _YEAR.search(meta["title"] or "")
        return iso(year_match.group(1), month, day) if year_match else None
    return None
