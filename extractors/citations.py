"""Cited directives (SPEC.md, 'citation'): every mention of one specific instrument, by its
number and symbol, by a bare number, as a plenum or congress resolution, or by a law's title.

The patterns are compiled once here; `extract` finds the core of each mention (type and
number), then reads what follows it the way the documents write it: the date ("ngày …"),
the issuer ("của …") and the subject ("về …").

Instrument types, their symbols and the canonical `ref_id` come from `extractors.refs`
(re-exported here: `TYPES`, `TYPE_PATTERN`, `ref_id`); the words the reader decides by are
data (`data/citation_words.tsv`, `data/law_titles.tsv`).
"""
from __future__ import annotations

import regex

from schemas.document import Document
from schemas.text import fold

from . import lexicon
from .bodies import expand, level_of
from .dates import DATE_AFTER, date_from_match
from .refs import (BARE_TYPES, CANONICAL_TYPE, PARTY_SYMBOL_TYPES, STATE_SYMBOL_TYPES,  # noqa: F401
                   TYPE_PATTERN, TYPES, is_party, ref_id, ref_key, symbol, type_pattern)

# extractors whose results this one reads through Document.remember
REQUIRES = ()


_BARE_TYPES = {fold(t) for t in BARE_TYPES}


# a gap that may hold a hard line break, or the blank line an export leaves inside a sentence
H = r"[ \t]*(?:\n[ \t]*){0,2}"
TYPE = r"(?P<type>" + TYPE_PATTERN + r")"
# words that qualify the type before its number: "Chương trình hành động số", "Báo cáo thẩm
# tra số", "Báo cáo giải trình, tiếp thu số"; such a mention needs its symbol
QUALIFIER = (r"(?P<qual>(?:[ \t]+(?!(?i:của|số|này|nêu|trên)(?![\p{L}]))(?:\p{Ll}+|\p{Lu}+),?){1,4}"
             r"(?=[ \t]+(?i:số)))")
# "Nghị quyết 02 năm 2021": a bare number with its year names one instrument
# ("Kế hoạch 5 năm 2021 - 2025" is a five-year plan by its period, not one)
YEARED = r"(?P<byear>[ \t]+(?i:năm)[ \t]+(?P<bare_year>(?:19|20)\d\d)(?!\d)(?![ \t]*[-–][ \t]*\d))"
# a symbol's parts; after the first, a part may stand after a stray space ("NĐ- CP",
# "NQ/ TW") when it is an abbreviation (two capitals at least), never a word such as "Hà"
_PART = r"[\p{Lu}\d][\p{L}\d]*"
# a gazette text breaks a line after a symbol's dash ("Thông tư số 07/2026/TT-\n\nBNNMT"): the
# dash says the symbol goes on
_SPACED_PART = r"[ \t]*(?:[-/][ \t]*|-[ \t]*(?:\n[ \t]*){1,2})\p{Lu}[\p{Lu}\d]+\p{Ll}?(?![\p{L}\d])"
PARTY_SYMBOL = (r"[\p{Lu}][\p{L}\d]*(?:(?:/" + _PART + r")+(?:-" + _PART + r")*"
                r"|[ \t]*/[ \t]*\p{Lu}[\p{Lu}\d]+\p{Ll}?(?![\p{L}\d]))")
STATE_SYMBOL = r"[\p{Lu}][\p{L}\d]*(?:[-/]" + _PART + r"|" + _SPACED_PART + r")*"
SYMBOL = (r"(?:[ \t]*[-–—][ \t]*(?P<psym>" + PARTY_SYMBOL + r")"
          r"|[ \t]*/[ \t]*(?:(?P<year>(?:19|20)\d\d)[ \t]*[/-][ \t]*)?(?P<ssym>" + STATE_SYMBOL + r")"
          r"|[ \t]+(?P<spsym>" + PARTY_SYMBOL + r"))(?![\p{L}\d])")
NUMBER = r"(?P<num>\d{1,5}(?:\.\d{1,2}(?=/))?)"  # "66.4/2025/NQ-CP" numbers a resolution in parts
NOT_A_COUNT = (r"(?![\d])(?![.,\-–/][ \t]*\d)(?![ \t]*(?:%|‰|(?:năm|tháng|ngày|lần|giai đoạn|nhiệm kỳ|người"
               r"|đơn vị|chỉ tiêu|nhóm)(?![\p{L}])))")

NUMBERED = regex.compile(
    TYPE + QUALIFIER + r"?(?:" + H + r"của" + H + r"(?P<pre>(?:(?!" + TYPE_PATTERN + r")[^,;.\n]){2,60}?)" + H + r"(?=[Ss]ố))?"
    + r"[ \t]*:?" + H + r"(?:(?i:số)[ \t]*:?" + H + r")?" + NUMBER + r"(?:" + SYMBOL + r"|" + YEARED + r"|" + NOT_A_COUNT + r")")
# "…; số 48/2013/NĐ-CP", "… và số 1668/QĐ-TTg": the next member of a list after a member's subject
_NEXT_MEMBER = r"(?:[ \t]*[,;][ \t]*(?:\n[ \t]*){0,2}(?:và[ \t]+)?|[ \t]+và[ \t]+)(?i:số)[ \t]*\d{1,5}(?:/(?:19|20)\d\d)?[/-][ \t]*\p{Lu}"
NEXT_AFTER_SUBJECT = regex.compile(r"(?:[ \t]*[,;][ \t]*(?:\n[ \t]*){0,2}(?:và[ \t]+)?|[ \t]+và[ \t]+)(?i:số)[ \t]*" + NUMBER + SYMBOL)
# the next member of a list that shares the type word: ", 120/2020/NĐ-CP", "và số 92/2017/NĐ-CP",
# and after a semicolon, on the same or the next line, "; số 48/2013/NĐ-CP" (never a bare number)
MORE_IN_LIST = regex.compile(r"(?:[ \t]*(?:,|và)[ \t]*(?:(?i:số)[ \t]*)?"
                             r"|[ \t]*;[ \t]*(?:\n[ \t]*){0,2}(?:và[ \t]+)?(?i:số)[ \t]*)" + NUMBER + SYMBOL)
PLENUM = regex.compile(
    r"(?P<type>(?i:nghị\s+quyết|kết\s+luận))\s+(?:(?i:của)\s+)?(?:(?i:hội\s+nghị)\s+)?(?i:trung\s+ương)\s+(?:(?i:lần\s+thứ)\s+)?"
    r"(?:\d{1,2}|[IVX]{1,4})(?![\p{L}\d])(?:[ \t]*\(?[ \t]*(?i:khóa|khoá)[ \t]+(?:[IVX]{1,5}|\d{1,2})(?![\p{L}\d])(?:[ \t]*\))?)?")
CONGRESS = regex.compile(
    r"(?P<type>(?i:nghị\s+quyết))\s+(?i:đại\s+hội)(?P<body>(?:\s+(?!(?i:lần|nhiệm)\b)[\p{L}]+){0,8}?)"
    r"(?:,?\s+(?i:lần\s+thứ)\s+(?:[IVXL]{1,6}|\d{1,2})(?![\p{L}\d])(?:,?\s+(?i:nhiệm\s+kỳ)\s+\d{4}\s*[-–]\s*\d{4})?"
    r"|,?\s+(?i:nhiệm\s+kỳ)\s+\d{4}\s*[-–]\s*\d{4}"
    r"|\s+[IVX]{2,5}(?![\p{L}\d]))"
    # "… lần thứ XIII của Đảng": the congress is the Party's, part of the name (SPEC citation.issuer)
    r"(?:[ \t]+của[ \t]+Đảng(?:[ \t]+Cộng[ \t]+sản[ \t]+Việt[ \t]+Nam)?(?![\p{L}]))?")
# "Luật …", "Bộ luật …" (a code), and in lower or upper case only before a title known as a
# law's ("luật người khuyết tật", "LUẬT ĐẤT ĐAI"); "Luật sư", "Luật này" are no citations
LAW = regex.compile(r"(?<![\p{L}])(?<!(?i:pháp)[ \t])(?P<type>(?:(?:Bộ|BỘ)[ \t]+)?(?P<cap>Luật)|(?:(?:bộ|Bộ|BỘ)[ \t]+)?(?:luật|LUẬT))[ \t]+")
_LAW_NOT_TITLE = regex.compile(r"(?:" + "|".join(lexicon.column("citation_words", "word", role="not_law_title"))
                               + r")(?![\p{L}])")
_PLANNED_LAW = regex.compile(r"(?i:" + "|".join(lexicon.column("citation_words", "word", role="planned_law"))
                             + r")[ \t]+$")
_PLANNED_LAW_AFTER = regex.compile(r"[ \t]+(?:sẽ|dự kiến)[ \t]")
# "… cộng đồng Dân Luật Việt Nam": a capitalised word mid-sentence before "Luật" makes it
# part of another name
_INSIDE_A_NAME = regex.compile(r"\p{Ll}[ \t]+\p{Lu}\p{Ll}*[ \t]+$")
_TITLE_GAP = r"(?:[ \t]*[,–—-][ \t]*|[ \t]+)(?:\n[ \t]*)?"
KNOWN_LAW = regex.compile(r"(?i:" + "|".join(
    _TITLE_GAP.join(regex.escape(w) for w in regex.findall(r"[\p{L}\d]+", t))
    for t in sorted(lexicon.column("law_titles", "title"), key=len, reverse=True)) + r")(?![\p{L}\d])")
CHARTER = regex.compile(r"(?P<type>Điều lệ)[ \t]+(?:Đảng(?:[ \t]+Cộng sản Việt Nam)?|Công đoàn Việt Nam"
                        r"|Đoàn Thanh niên Cộng sản Hồ Chí Minh|Đoàn TNCS Hồ Chí Minh)(?![\p{L}])")

# "ngày 15 tháng 9 tháng 2022": a slip of "tháng" for "năm" before the year still dates it
_DATE_AFTER = DATE_AFTER.pattern.replace(r"(?i:năm)\s*(?P<y2>", r"(?i:năm|tháng)\s*(?P<y2>")
# what may stand between a mention and its date, issuer or subject: a comma and a hard break,
# or a paragraph break only where the sentence goes on in lower case ("… số 12/KH-UBND\n\nNgày
# 15/3, Sở Y tế …" starts a new sentence, whose date is not the mention's)
_LINK = r"(?:[ \t]*,?[ \t]*(?:\n[ \t]*,?[ \t]*)?|[ \t]*,?[ \t]*\n[ \t]*\n[ \t]*(?=\p{Ll}))"
DATE = regex.compile(_LINK + r"(?:(?i:ban hành)[ \t]+)?" + _DATE_AFTER)
OF = regex.compile(_LINK + r"(?:của|CỦA)[ \t]+")
# a subject follows "về", or a verb of the instrument's title and "về" ("… hướng dẫn về …")
ABOUT = regex.compile(_LINK + r"(?:(?:" + "|".join(
    r"[ \t]+".join(p.split()) for p in lexicon.column("citation_words", "word", role="subject_verb"))
    + r")|về|VỀ)[ \t]+")
# where a subject ends: a clause's end, a closing quote before punctuation, or a note about the
# instrument ("…, có hiệu lực kể từ …", "… được sửa đổi, bổ sung bởi: …")
_SUBJECT_STOP = regex.compile(r"[;\n?!]|\.(?!\d)|[“”\"](?=[ \t]*[;,.])|" + _NEXT_MEMBER + "|" + "|".join(
    regex.escape(p) for p in lexicon.column("citation_words", "word", role="subject_end")))
# what may stand between members of a list that share a trailing issuer: "A, B và C của …",
# "A; khoản 2 Điều 1 B của …"
LIST_GAP = regex.compile(r"^[\s,;]*(?:và|cùng)?[\s,;]*(?:(?:điểm|khoản|Điều|mục|tiết)[ \t]+[\p{L}\d.]+[ \t]*)*$")
# the document's own number: "Số: 552/KH-UBND", also as a letterhead cell or on the next line
OWN_NUMBER = regex.compile(r"(?m)(?:^|\|)[ \t]*Số[ \t]*:\s*([^\s|]+)")
_SEGMENT_JOIN = regex.compile(r"(?<=[\p{L}\d])_(?=[\p{L}\d])")
_WORD = regex.compile(r"[ \t]*(?:\n[ \t]*){0,2}([\p{L}\d]+(?:/[\p{L}\d]+)?)")
_ROMAN = regex.compile(r"^[IVXL]+$")

# the words the reader decides by (extractors/data/citation_words.tsv says what each does)
def _words(role: str) -> tuple[str, ...]:
    return lexicon.column("citation_words", "word", role=role)


_BODY_LOWER = set(_words("body_word"))
_KIND_FROM_SYMBOL = {fold(w) for w in _words("kind_from_symbol")}
_LAW_STOP = set(_words("law_stop"))
_LAW_COMMA_NEXT = set(_words("law_comma_next"))
_TITLE_VERBS = set(_words("title_verb"))
# a ministry's or department's name goes on past "và" and commas: "Sở Văn hóa, Thể thao và Du lịch"
_MINISTRY_HEADS = {"Bộ", "BỘ", "Sở", "SỞ"}
_BODY_HEAD = regex.compile(r"(?:" + "|".join(_words("body_head")) + r")(?![\p{L}])")
def extract(doc: Document) -> list[dict]:
    return [dict(c) for c in doc.remember("citations", lambda: _extract(doc))]


def _extract(doc: Document) -> list[dict]:
    # a word-segmented text joins a word's syllables by "_" ("Quyết_định số 339/QĐ-TTg"): read
    # it with spaces, which keeps every offset
    text = _SEGMENT_JOIN.sub(" ", doc.text) if "_" in doc.text else doc.text
    own = _own_number(text)
    found: list[dict] = []
    for pattern, reader in ((PLENUM, _named), (CONGRESS, _congress), (CHARTER, _named),
                            (LAW, _law), (NUMBERED, _numbered)):
        for m in pattern.finditer(text):
            found.extend(reader(m, text))
    mentions = _without_overlaps(found)
    mentions = [c for c in mentions if not (own and c["ref_id"] and _loose_key(c["ref_id"]) == own)]
    _share_issuers(mentions, text)
    footnote_at = doc.footnote_at if doc.footnotes else _footnote_bodies(text)
    for c in mentions:
        c["section"] = doc.section_at(c["start"])
        c["in_footnote"] = footnote_at(c["start"])
    return mentions


def _record(type_: str, start: int, end: int, text: str, **fields) -> dict:
    record = {"type": CANONICAL_TYPE.get(fold(type_), type_), "number": None, "symbol": None,
              "ref_id": None, "name": None, "date": None, "issuer": None, "issuer_level": None,
              "subject": None, "text": text[start:end], "start": start, "end": end}
    record.update(fields)
    return record


def _named(m: regex.Match, text: str) -> list[dict]:
    record = _record(m.group("type"), m.start(), m.end(), text, name=" ".join(m.group(0).split()))
    _subject(record, text)
    return [record]


def _congress(m: regex.Match, text: str) -> list[dict]:
    body = fold(m.group("body") or "")
    if "các cấp" in body or "này" in body.split():  # "Nghị quyết Đại hội Đảng các cấp": no one congress
        return []
    return _named(m, text)


def _law(m: regex.Match, text: str) -> list[dict]:
    """'Luật Thi đua, khen thưởng', 'Bộ luật Lao động số 45/2019/QH14', 'Luật ATGT'."""
    known = KNOWN_LAW.match(text, m.end())
    if known:
        pos = known.end()
    elif m.group("cap") and not _LAW_NOT_TITLE.match(text, m.end()) \
            and not _INSIDE_A_NAME.search(text, max(0, m.start() - 40), m.start()):
        pos = _law_title_end(text, m.end())
    else:
        return []
    if pos == m.end() or _PLANNED_LAW.search(text[max(0, m.start() - 30):m.start()]) \
            or _PLANNED_LAW_AFTER.match(text, pos):
        return []  # "xây dựng Luật Quy hoạch", "Luật … sẽ ban hành": a law still to be made
    amends = None
    if fold(text[m.end():pos]).startswith("sửa"):  # "Luật sửa đổi, bổ sung một số điều của Luật …"
        amends = inner = regex.compile(r"[^;.\n(]{0,120}?(?:của|các)[ \t]+(?=(?:Luật|luật)[ \t])").match(text, pos)
        if inner:
            law = LAW.match(text, inner.end())
            title = law and KNOWN_LAW.match(text, law.end())
            pos = title.end() if title else _law_title_end(text, law.end()) if law else pos
        else:
            tail = regex.match(r"[^;.\n(]{0,200}?(?=[;.\n(]|[ \t](?:số|ngày)[ \t])", text, pos=pos)
            pos = tail.end() if tail else pos
    glued = regex.search(r"(?<=\p{Ll})\d+$", text[m.start():pos])  # a footnote mark stuck to the title
    end = pos - (len(glued.group(0)) if glued else 0)
    record = _record("Luật", m.start(), end, text, name=" ".join(text[m.start():end].split()))
    if amends:  # "… của Luật Đất đai số 31/2024/QH15": the number and date are the amended law's
        return [record]
    # "Luật Hải quan số 54/2014/QH13", also without "số" where the symbol follows ("Luật Hải quan 54/2014/QH13")
    number = regex.match(r"[ \t]+(?:(?i:số)[ \t]+|(?=\d{1,5}[ \t]*/))" + NUMBER + SYMBOL, text[end:end + 60])
    if number:
        record.update(_number_fields(number))
        record["end"] = end + number.end()
        record["text"] = text[m.start():record["end"]]
        record["name"] = None
    year = None if number else _LAW_YEAR.match(text, end)
    if year:  # "Luật Đất đai năm 2024": the year the law was passed names which one
        record["date"] = year.group(1)
        record["end"] = year.end()
    # a law by its bare title takes no issuer ("Bộ luật Lao động của Công ty …" is a company's
    # scope), and no "về …": after a title that clause is the citing decree's ("Nghị định …
    # quy định chi tiết Luật Bảo hiểm xã hội về bảo hiểm xã hội bắt buộc")
    _follow(record, text, issuer=bool(number or record["date"]), subject=False)
    return [record]


# "Luật Đất đai năm 2024", not "Luật … năm 2021 - 2025" (a period) nor "năm 20…" (a blank)
_LAW_YEAR = regex.compile(r"[ \t]+(?i:năm)[ \t]+((?:19|20)\d\d)(?![\d…./])(?![ \t]*[-–][ \t]*\d)")


def _law_title_end(text: str, pos: int) -> int:
    """Where a law's title not in the list ends: at the first word that cannot be in one."""
    words = 0
    while words < 8:
        w = _WORD.match(text, pos)
        if not w or fold(w.group(1)) in _LAW_STOP or w.group(0).count("\n") > 1:
            break
        words += 1
        pos = w.end()
        comma = regex.match(r",[ \t]+(\p{Ll}+)", text[pos:pos + 40])
        if comma and words <= 2 and fold(comma.group(1)) in _LAW_COMMA_NEXT:
            pos += comma.end() - len(comma.group(1))
    return pos


def _number_fields(m: regex.Match) -> dict:
    num = m.group("num")
    sym = m.group("psym") or m.group("spsym") or m.group("ssym")
    if not sym:
        return {"number": num}
    return {"number": num, "symbol": symbol(sym), "ref_id": ref_id(num, sym, m.group("year"))}


def _numbered(m: regex.Match, text: str) -> list[dict]:
    type_ = m.group("type")
    fields = _number_fields(m)
    if "symbol" not in fields and (fold(type_) not in _BARE_TYPES or m.group("qual")
                                   or not _bare_reads_as_citation(type_, text[m.end("type"):m.start("num")], fields["number"])):
        return []
    if fold(type_) in _KIND_FROM_SYMBOL:
        type_ = _kind_of(fields["symbol"], "Công văn")
    first = _record(type_, m.start(), m.end(), text, **fields)
    if m.group("bare_year"):
        first["date"] = m.group("bare_year")
    if m.group("pre"):
        # "Nghị quyết của HĐND tỉnh số 144/…" names its issuer first; "theo quy định của Luật
        # Đấu thầu số 22/…" is a different mention, found by its own pattern
        # "các Nghị định của Chính phủ: số 63/…; số 48/…": the issuer leads a list, colon and all
        pre = " ".join(m.group("pre").split()).rstrip(" :")
        issuer = body_at(pre, 0)
        if not type_[0].isupper() or not issuer or issuer[1] != len(pre) or TYPE_START.match(pre):
            return []
        first["issuer"] = expand(issuer[0])
    out = [first]
    _follow(first, text)
    while True:  # "Nghị định số 107/2020/NĐ-CP và 120/2020/NĐ-CP": the type word is shared
        more = MORE_IN_LIST.match(text, out[-1]["end"])
        if not more and out[-1]["subject"]:  # "số 63/… về kiểm soát …; số 48/…": past the subject
            after = text.find(out[-1]["subject"], out[-1]["end"], out[-1]["end"] + 400)
            more = after >= 0 and NEXT_AFTER_SUBJECT.match(text, after + len(out[-1]["subject"]))
        if not more:
            break
        fields = _number_fields(more)
        kind = _kind_of(fields["symbol"], type_)
        record = _record(kind, more.start("num"), more.end(), text, **fields)
        record["start"] = more.start("num")
        record["text"] = text[record["start"]:record["end"]]
        _follow(record, text)
        if record["issuer"] is None and m.group("pre"):
            record["issuer"] = first["issuer"]  # the issuer that leads the list is each member's
        out.append(record)
    for record in out:
        if record["ref_id"] is None:  # the name is the type and number, not its issuer or date
            core = text[record["start"]:m.end()] if record is first else record["text"]
            record["name"] = " ".join(core.split())
        record["issuer_level"] = level_of(record["symbol"])
    return out


def _kind_of(sym: str, default: str) -> str:
    """The kind a symbol names by its first part ("KH" in 12/KH-UBND), else `default`."""
    kinds = PARTY_SYMBOL_TYPES if is_party(sym) else STATE_SYMBOL_TYPES
    return kinds.get(regex.split(r"[/-]", sym)[0], default)


def _bare_reads_as_citation(type_: str, gap: str, number: str) -> bool:
    """"Chỉ thị 07", "đề án 1816" cite; a heading "CHƯƠNG TRÌNH 1", a note mark "NGHỊ ĐỊNH1",
    a label "Kết luận: 2", a verb before a count ("quy định 3 …") and a number on the next
    line do not."""
    if type_.isupper() or not gap or ":" in gap or "\n" in gap:
        return False  # "2. Nghị định\n\n3. Thông tư": a list of kinds, the number the next item's
    return type_[0].isupper() or len(number) > 1


def _follow(record: dict, text: str, issuer: bool = True, subject: bool = True) -> None:
    """Extend a mention over its own date, issuer and subject."""
    pos = record["end"]
    for _ in range(2):  # date then issuer, or issuer then date
        if record["date"] is None:
            d = DATE.match(text, pos)
            if d:
                record["date"] = date_from_match(d)
                pos = d.end()
                continue
        if record["issuer"] is None and issuer:
            of = OF.match(text, pos)
            body = body_at(text, of.end()) if of else None
            if body:
                record["issuer"] = expand(body[0])
                pos = body[1]
                continue
        break
    record["end"] = pos
    record["text"] = text[record["start"]:pos]
    if subject:
        _subject(record, text)


def _subject(record: dict, text: str) -> None:
    """The "về …" clause that follows a mention, as its subject."""
    about = ABOUT.match(text, record["end"])
    if about:
        start = about.end()
        stop = _SUBJECT_STOP.search(text, start, start + 300)
        end = stop.start() if stop else min(len(text), start + 300)
        if text[start:end].count("“") > text[start:end].count("”") and text.startswith("”", end):
            end += 1  # the subject names a title in quotes: "… danh hiệu “Công dân ưu tú”"
        end = _issuer_after_subject(record, text, start, end)
        subject = text[start:end].strip(" ,:")
        if regex.fullmatch(r"“[^“”]*”|\"[^\"]*\"", subject):
            subject = subject[1:-1]
        record["subject"] = subject or None


_CITED_INSIDE = regex.compile(TYPE_PATTERN + r"[ \t:]+(?:(?i:số)[ \t:]*)?\d")


def _issuer_after_subject(record: dict, text: str, start: int, end: int) -> int:
    """"Nghị quyết 68/NQ-CP về … của Chính phủ": an issuer written after the subject is the
    mention's only where its initials spell the symbol's issuer part ("CP", "BYT"); the
    subject ends before it. Otherwise "của …" belongs to the subject ("… của Đảng và Nhà nước")."""
    if record["issuer"] or not record["symbol"] or _CITED_INSIDE.search(text, start, end):
        return end  # "… về thực hiện Nghị quyết số 57 … của Bộ Chính trị": that "của" is the inner one's
    owner = regex.split(r"[-/]", record["symbol"])[-1]
    for of in regex.finditer(r"[ \t]của[ \t]+", text, pos=start, endpos=end):
        body = body_at(text, of.end())
        if not body or body[1] > end:
            continue
        initials = "".join(w[0] for w in body[0].split()).upper().replace("Ư", "U")
        if len(owner) > 1 and initials.startswith(owner.upper()):
            record["issuer"] = expand(body[0])
            return of.start()
    return end


def body_at(text: str, pos: int) -> tuple[str, int] | None:
    """The body named at `pos` ("Ban Thường vụ Tỉnh ủy Hà Tĩnh"), and where its name ends."""
    words: list[tuple[str, int]] = []
    while len(words) < 14:
        w = _WORD.match(text, pos)
        if not w:
            break
        word = w.group(1)
        if w.group(0).count("\n") > 1 and not word[0].islower() \
                and not (len(words) == 1 and _BODY_HEAD.fullmatch(words[0][0])):
            break  # a paragraph break is crossed only inside a name: "của Bộ\n\nLao động …", "của Chính\n\nphủ"
        if not words and TYPE_START.match(text, w.start(1)):
            return None  # "… của Nghị định số …": another instrument, not a body
        # a type word ends the name ("UBND tỉnh Kế hoạch …") unless a ministry or department is
        # named by it: "Bộ Kế hoạch và Đầu tư", "Sở Kế hoạch và Đầu tư"
        if words and words[-1][0] not in _MINISTRY_HEADS and TYPE_START.match(text, w.start(1)):
            break
        lower = fold(word)
        if word.isupper() and len(word) > 1 and (lower in _LAW_STOP or lower in _TITLE_VERBS and (
                lower != "ban" or regex.match(r"[ \t]+HÀNH(?![\p{L}])", text[w.end():w.end() + 8]))):
            break  # an upper-case title line goes on "… CỦA BỘ CHÍNH TRỊ VỀ …": "VỀ" is no name
        if lower == "ban" and regex.match(r"[ \t]+hành(?![\p{L}])", text[w.end():w.end() + 8]):
            break  # "Chính phủ ban hành …": the verb, not a body
        if word[0].isupper() and not word.isupper() and len(words) >= 2 \
                and all(x.isupper() for x, _ in words[-2:]) \
                and any(x.isupper() and fold(x) in _BODY_LOWER for x, _ in words):
            break  # "… CỦA UBND THÀNH PHỐ ĐÀ NẴNG Căn cứ …": an upper-case title line ends there
        if word[0].isupper() or _ROMAN.match(word):
            pass
        elif lower == "các" and regex.match(r"[ \t]+[Cc]ơ quan", text[w.end():w.end() + 10]):
            pass
        elif lower not in _BODY_LOWER or not words:
            break
        words.append((word, w.end()))
        pos = w.end()
        # a ministry's name goes on past "và", "-" or "," to its next capitalised part:
        # "Bộ Lao động - Thương binh và Xã hội", "Bộ Văn hóa, Thể thao và Du lịch"
        # so does a committee's: "Ban Văn hóa - Xã hội Hội đồng nhân dân Thành phố"
        ministry = any(x in _MINISTRY_HEADS for x, _ in words)
        joint = regex.match(r"[ \t]*(?:và|[-–,])[ \t]*(?=\p{Lu}\p{Ll})" if ministry
                            else r"[ \t]+[-–][ \t]+(?=\p{Lu}\p{Ll})", text[pos:pos + 8])
        if joint and not TYPE_START.match(text, pos + joint.end()) \
                and not _BODY_HEAD.match(text, pos + joint.end()):  # "Bộ Quốc phòng, Bộ Công an": two bodies
            pos += joint.end()
            words[-1] = (words[-1][0] + text[w.end():pos].rstrip(), pos)
    while words and fold(words[-1][0]) in ("khóa", "khoá", "các", "và"):
        words.pop()
    if not words or len(words) == 1 and not words[0][0].isupper():
        return None  # one capitalised word ("Công" of "Công ty …", "Chính" cut by a page) names no body
    return " ".join(w for w, _ in words), words[-1][1]


_body_at = body_at  # the name metadata.py imports until it moves to `body_at`

# a type word as written in running text (capitalised), where a body's name must stop
TYPE_START = regex.compile(r"(?:" + type_pattern(TYPES) + r")(?![\p{L}])")


def _without_overlaps(found: list[dict]) -> list[dict]:
    found.sort(key=lambda c: (c["start"], -(c["end"] - c["start"])))
    kept: list[dict] = []
    outer = None
    for c in found:
        if outer and c["start"] < outer["end"]:
            # the law an amending law amends is cited in its own right: "Luật sửa đổi, bổ sung
            # một số điều của Luật Đất đai" cites Luật Đất đai too
            if outer["type"] == c["type"] == "Luật" and outer["name"] and c["start"] > outer["start"] \
                    and fold(outer["name"]).startswith(("luật sửa", "bộ luật sửa")):
                kept.append(c)
                if c["end"] > outer["end"]:  # "… của Luật Đất đai số 31/2024/QH15" runs on
                    outer = c
            continue
        kept.append(c)
        outer = c
    return kept


def _share_issuers(mentions: list[dict], text: str) -> None:
    """In "A, B và C của Chính phủ" the trailing issuer is each member's issuer."""
    for i in range(len(mentions) - 2, -1, -1):
        a, b = mentions[i], mentions[i + 1]
        gap = text[a["end"]:b["start"]]
        # "…;\n" closes an item of a list of grounds, each with its own issuer or none
        if a["issuer"] is None and b["issuer"] and a["ref_id"] and b["ref_id"] \
                and LIST_GAP.match(gap) and not ("\n" in gap and ";" in gap):
            a["issuer"] = b["issuer"]


def _own_number(text: str) -> str | None:
    m = OWN_NUMBER.search(text[:3000])
    return _loose_key(m.group(1)) if m else None


def _loose_key(ref: str) -> str:
    """A ref id without its separators: an appendix caption that writes the document's own
    "2665/QĐ-UBND" as "2665 QĐ/UBND" still names the document itself."""
    return regex.sub(r"[-/\s]", "", ref_key(ref))


# a footnote body an export writes as text at the end: "[3] Quyết định số …", "[^3]: …"
_NOTE_BODY = regex.compile(r"\[\^?(\d{1,3})\]:?[ \t]+(?=[\p{Lu}*“\"(])")


def _footnote_bodies(text: str):
    """`footnote_at` for a document whose reader left its footnotes in the text: the first body
    opens a line with "[1]" after the anchor that calls it; "[2]", "[3]" … follow in order,
    at a line's start or, where an export joined the lines, inside one."""
    starts: list[tuple[int, int]] = []
    for m in _NOTE_BODY.finditer(text):
        n = int(m.group(1))
        if n != len(starts) + 1:
            continue
        if not starts:
            line_start = text.rfind("\n", 0, m.start()) + 1
            if text[line_start:m.start()].strip(" \t*") or text.find(f"[{n}]", 0, line_start) < 0 \
                    and text.find(f"[^{n}]", 0, line_start) < 0:
                continue
        starts.append((m.start(), n))
    bounds = [s for s, _ in starts] + [len(text)]

    def footnote_at(offset: int) -> int | None:
        for (start, n), end in zip(starts, bounds[1:]):
            if start <= offset < end:
                return n
        return None
    return footnote_at
