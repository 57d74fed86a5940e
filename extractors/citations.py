"""Cited directives (SPEC.md, 'citation'): every mention of one specific instrument, by its
number and symbol, by a bare number, as a plenum or congress resolution, or by a law's title.

The patterns are compiled once here; `extract` finds the core of each mention (type and
number), then reads what follows it the way the documents write it: the date ("ngày …"),
the issuer ("của …") and the subject ("về …").
"""
from __future__ import annotations

import regex

from schemas.document import Document
from schemas.text import fold

from .bodies import expand, level_of
from .dates import DATE_AFTER, date_from_match

# extractors whose results this one reads through Document.remember
REQUIRES = ()


TYPES = ("Thông tư liên tịch", "Nghị quyết", "Chỉ thị", "Quyết định", "Quy định", "Kết luận",
         "Thông báo", "Kế hoạch", "Hướng dẫn", "Nghị định", "Thông tư", "Luật", "Pháp lệnh",
         "Đề án", "Chương trình", "Công văn", "Công điện", "Thông tri", "Tờ trình", "Báo cáo",
         "Điều lệ", "Quy chế", "Văn bản hợp nhất")
_CANONICAL_TYPE = {fold(t): t for t in TYPES}
# Types that real documents cite by a bare number ("Chỉ thị 07", "Đề án 1816"); "Báo cáo 6
# tháng" or "Kế hoạch 05 năm" are not citations.
_BARE_TYPES = {fold(t) for t in ("Nghị quyết", "Chỉ thị", "Quyết định", "Quy định", "Kết luận",
                                 "Nghị định", "Thông tư", "Đề án", "Chương trình", "Kế hoạch")}


def _type_pattern(types) -> str:
    return "|".join(r"\s+".join(w for w in t.split()) for t in sorted(types, key=len, reverse=True))


H = r"[ \t]*(?:\n[ \t]*)?"  # a gap that may hold one hard line break, as exports have
TYPE = r"(?P<type>(?i:" + _type_pattern(TYPES) + r"))(?![\p{L}])"
PARTY_SYMBOL = r"[\p{Lu}][\p{L}\d]*(?:/[\p{Lu}\d][\p{L}\d]*)+(?:-[\p{Lu}\d][\p{L}\d]*)*"
STATE_SYMBOL = r"[\p{Lu}][\p{L}\d]*(?:[-/][\p{Lu}\d][\p{L}\d]*)*"
SYMBOL = (r"(?:[ \t]*[-–—][ \t]*(?P<psym>" + PARTY_SYMBOL + r")"
          r"|[ \t]*/[ \t]*(?:(?P<year>(?:19|20)\d\d)[ \t]*/[ \t]*)?(?P<ssym>" + STATE_SYMBOL + r")"
          r"|[ \t]+(?P<spsym>" + PARTY_SYMBOL + r"))(?![\p{L}\d])")
NUMBER = r"(?P<num>\d{1,5})"
NOT_A_COUNT = (r"(?![\d])(?![.,\-–/][ \t]*\d)(?![ \t]*(?:%|‰|(?:năm|tháng|ngày|lần|giai đoạn|nhiệm kỳ|người"
               r"|đơn vị|chỉ tiêu|nhóm)(?![\p{L}])))")

NUMBERED = regex.compile(
    TYPE + r"(?:" + H + r"của" + H + r"(?P<pre>[^,;.\n]{2,60}?)" + H + r"(?=[Ss]ố))?"
    + r"[ \t]*:?" + H + r"(?:(?i:số)[ \t]*:?" + H + r")?" + NUMBER + r"(?:" + SYMBOL + r"|" + NOT_A_COUNT + r")")
MORE_IN_LIST = regex.compile(r"[ \t]*(?:,|và)[ \t]*(?:(?i:số)[ \t]*)?" + NUMBER + SYMBOL)
PLENUM = regex.compile(
    r"(?P<type>(?i:nghị\s+quyết))\s+(?:(?i:hội\s+nghị)\s+)?(?i:trung\s+ương)\s+(?:(?i:lần\s+thứ)\s+)?"
    r"(?:\d{1,2}|[IVX]{1,4})(?![\p{L}\d])(?:[ \t]*\(?[ \t]*(?i:khóa|khoá)[ \t]+(?:[IVX]{1,5}|\d{1,2})(?![\p{L}\d])(?:[ \t]*\))?)?")
CONGRESS = regex.compile(
    r"(?P<type>(?i:nghị\s+quyết))\s+(?i:đại\s+hội)(?P<body>(?:\s+(?!(?i:lần|nhiệm)\b)[\p{L}]+){0,8}?)"
    r"(?:,?\s+(?i:lần\s+thứ)\s+(?:[IVXL]{1,6}|\d{1,2})(?![\p{L}\d])(?:,?\s+(?i:nhiệm\s+kỳ)\s+\d{4}\s*[-–]\s*\d{4})?"
    r"|,?\s+(?i:nhiệm\s+kỳ)\s+\d{4}\s*[-–]\s*\d{4}"
    r"|\s+[IVX]{2,5}(?![\p{L}\d]))")
LAW = regex.compile(r"(?<![\p{L}])(?<!(?i:pháp)[ \t])(?P<type>Luật)[ \t]+(?!(?:sư|này|định|pháp|gia|lệ|chơi|hóa|hoá)\b)")
CHARTER = regex.compile(r"(?P<type>Điều lệ)[ \t]+(?:Đảng(?:[ \t]+Cộng sản Việt Nam)?|Công đoàn Việt Nam"
                        r"|Đoàn Thanh niên Cộng sản Hồ Chí Minh|Đoàn TNCS Hồ Chí Minh)(?![\p{L}])")

DATE = regex.compile(H + r",?" + H + r"(?:(?i:ban hành)[ \t]+)?" + DATE_AFTER.pattern)
OF = regex.compile(H + r",?" + H + r"của[ \t]+")
ABOUT = regex.compile(H + r",?" + H + r"về[ \t]+")
LIST_GAP = regex.compile(r"^[\s,]*(?:và|cùng)?[\s,]*$")
OWN_NUMBER = regex.compile(r"(?m)^[ \t]*Số[ \t]*:[ \t]*(\S+)")
_WORD = regex.compile(r"[ \t]*(?:\n[ \t]*)?([\p{L}\d]+(?:/[\p{L}\d]+)?)")
_ROMAN = regex.compile(r"^[IVXL]+$")

# Lower-case syllables that belong inside a body's name ("Bộ Chính trị", "Ủy ban nhân dân
# tỉnh", "Đảng ủy khối"); any other lower-case word ends the name ("… UBND tỉnh phát động").
_BODY_LOWER = set("""tỉnh huyện xã thị thành phố phường trấn quận khối nhân dân chính trị phủ tướng
hành thư vụ ủy uỷ ban bộ trung ương khóa khoá đảng cơ quan sở y tế kiểm tra tuyên giáo tổ chức vận
thường trực nội chỉ đạo quốc hội đồng mặt trận liên đoàn lao động tịch trưởng giám đốc văn phòng bí
đại biểu nước việt nam cộng sản thanh niên nông thôn nghiệp binh trường triển học nghệ tư dục tạo
nguyên giao an pháp dựng thông tải tin hóa hoá thao lịch""".split())
_LAW_STOP = set("""và của năm số được đã theo trong tại về để nhằm gắn cho với các có là thì mà đối
hiện đang sẽ nên đề ra trên từ đến như ngày gồm quy hướng thực áp bao hoặc hay nhưng khi nếu do bởi
thuộc sau trước này đó""".split())
# Law titles that hold a comma: "Thi đua, khen thưởng", "Phòng, chống tham nhũng",
# "Khám bệnh, chữa bệnh", "Cán bộ, công chức", "An toàn, vệ sinh lao động".
_LAW_COMMA_NEXT = set("chống khen chữa công sử vệ môi tố bổ kiểm giám phòng".split())
# The kind of instrument a symbol names, for list members that share no type word.
_SYMBOL_TYPES = {"NQ": "Nghị quyết", "CT": "Chỉ thị", "QĐ": "Quyết định", "QĐi": "Quy định",
                 "KL": "Kết luận", "TB": "Thông báo", "KH": "Kế hoạch", "HD": "Hướng dẫn",
                 "NĐ": "Nghị định", "TT": "Thông tư", "TTLT": "Thông tư liên tịch", "CV": "Công văn",
                 "CĐ": "Công điện", "TTr": "Tờ trình", "BC": "Báo cáo", "QC": "Quy chế"}


def extract(doc: Document) -> list[dict]:
    return [dict(c) for c in doc.remember("citations", lambda: _extract(doc))]


def _extract(doc: Document) -> list[dict]:
    text = doc.text
    own = _own_number(text)
    found: list[dict] = []
    for pattern, reader in ((PLENUM, _named), (CONGRESS, _congress), (CHARTER, _named),
                            (LAW, _law), (NUMBERED, _numbered)):
        for m in pattern.finditer(text):
            found.extend(reader(m, text))
    mentions = _without_overlaps(found)
    mentions = [c for c in mentions if not (own and c["ref_id"] and _canon(c["ref_id"]) == own)]
    _share_issuers(mentions, text)
    for c in mentions:
        c["section"] = doc.section_at(c["start"])
        c["in_footnote"] = doc.footnote_at(c["start"])
    return mentions


def _record(type_: str, start: int, end: int, text: str, **fields) -> dict:
    record = {"type": _CANONICAL_TYPE.get(fold(type_), type_), "number": None, "symbol": None,
              "ref_id": None, "name": None, "date": None, "issuer": None, "issuer_level": None,
              "subject": None, "text": text[start:end], "start": start, "end": end}
    record.update(fields)
    return record


def _named(m: regex.Match, text: str) -> list[dict]:
    return [_record(m.group("type"), m.start(), m.end(), text, name=" ".join(m.group(0).split()))]


def _congress(m: regex.Match, text: str) -> list[dict]:
    body = fold(m.group("body") or "")
    if "các cấp" in body or "này" in body.split():  # "Nghị quyết Đại hội Đảng các cấp": no one congress
        return []
    return _named(m, text)


def _law(m: regex.Match, text: str) -> list[dict]:
    """'Luật Thi đua, khen thưởng', 'Luật Phòng, chống tham nhũng', 'Luật ATGT'."""
    pos, words = m.end(), []
    while len(words) < 8:
        w = _WORD.match(text, pos)
        if not w or fold(w.group(1)) in _LAW_STOP:
            break
        words.append(w.group(1))
        pos = w.end()
        comma = regex.match(r",[ \t]+(\p{Ll}+)", text[pos:pos + 40])
        if comma and len(words) <= 2 and fold(comma.group(1)) in _LAW_COMMA_NEXT:
            pos += comma.end() - len(comma.group(1))
    if not words:
        return []
    if fold(words[0]) == "sửa":  # "Luật sửa đổi, bổ sung một số điều của Luật …"
        tail = regex.match(r"[^;.\n(]{0,200}?(?=[;.\n(]|[ \t](?:số|ngày)[ \t])", text, pos=pos)
        pos = tail.end() if tail else pos
    glued = regex.search(r"(?<=\p{Ll})\d+$", text[m.start():pos])  # a footnote mark stuck to the title
    end = pos - (len(glued.group(0)) if glued else 0)
    record = _record("Luật", m.start(), end, text, name=" ".join(text[m.start():end].split()))
    number = regex.match(r"[ \t]+(?i:số)[ \t]+" + NUMBER + SYMBOL, text[end:end + 60])
    if number:
        record.update(_number_fields(number))
        record["end"] = end + number.end()
        record["text"] = text[m.start():record["end"]]
        record["name"] = None
    date = DATE.match(text, record["end"])
    if date:
        record["date"] = date_from_match(date)
        record["end"] = date.end()
        record["text"] = text[m.start():record["end"]]
    return [record]


def _number_fields(m: regex.Match) -> dict:
    num = m.group("num")
    sym = m.group("psym") or m.group("spsym")
    if sym:
        return {"number": num, "symbol": sym, "ref_id": f"{num}-{sym}"}
    sym = m.group("ssym")
    if sym:
        year = m.group("year")
        return {"number": num, "symbol": sym, "ref_id": f"{num}/{year}/{sym}" if year else f"{num}/{sym}"}
    return {"number": num}


def _numbered(m: regex.Match, text: str) -> list[dict]:
    type_ = m.group("type")
    fields = _number_fields(m)
    if "symbol" not in fields and fold(type_) not in _BARE_TYPES:
        return []
    first = _record(type_, m.start(), m.end(), text, **fields)
    if m.group("pre"):
        # "Nghị quyết của HĐND tỉnh số 144/…" names its issuer first; "theo quy định của Luật
        # Đấu thầu số 22/…" is a different mention, found by its own pattern
        pre = " ".join(m.group("pre").split())
        issuer = _body_at(pre, 0)
        if not type_[0].isupper() or not issuer or issuer[1] != len(pre) or TYPE_START.match(pre):
            return []
        first["issuer"] = expand(issuer[0])
    out = [first]
    _follow(first, text)
    while True:  # "Nghị định số 107/2020/NĐ-CP và 120/2020/NĐ-CP": the type word is shared
        more = MORE_IN_LIST.match(text, out[-1]["end"])
        if not more:
            break
        fields = _number_fields(more)
        kind = _SYMBOL_TYPES.get(regex.split(r"[/-]", fields["symbol"])[0], type_)
        record = _record(kind, more.start("num"), more.end(), text, **fields)
        record["start"] = more.start("num")
        record["text"] = text[record["start"]:record["end"]]
        _follow(record, text)
        out.append(record)
    for record in out:
        if record["ref_id"] is None:
            record["name"] = " ".join(record["text"].split())
        record["issuer_level"] = level_of(record["symbol"])
    return out


def _follow(record: dict, text: str) -> None:
    """Extend a mention over its own date, issuer and subject."""
    pos = record["end"]
    for _ in range(2):  # date then issuer, or issuer then date
        if record["date"] is None:
            d = DATE.match(text, pos)
            if d:
                record["date"] = date_from_match(d)
                pos = d.end()
                continue
        if record["issuer"] is None:
            of = OF.match(text, pos)
            body = _body_at(text, of.end()) if of else None
            if body:
                record["issuer"] = expand(body[0])
                pos = body[1]
                continue
        break
    record["end"] = pos
    record["text"] = text[record["start"]:pos]
    about = ABOUT.match(text, pos)
    if about:
        stop = regex.compile(r"[;\n]|\.(?!\d)|[“”\"](?=[ \t]*[;,.])").search(text, about.end())
        end = stop.start() if stop else min(len(text), about.end() + 300)
        subject = text[about.end():min(end, about.end() + 300)].strip(" ,“”\"")
        record["subject"] = subject or None


def _body_at(text: str, pos: int) -> tuple[str, int] | None:
    """The body named at `pos` ("Ban Thường vụ Tỉnh ủy Hà Tĩnh"), and where its name ends."""
    words: list[tuple[str, int]] = []
    while len(words) < 10:
        w = _WORD.match(text, pos)
        if not w:
            break
        word = w.group(1)
        if words and TYPE_START.match(text, w.start(1)):
            break
        lower = fold(word)
        if lower == "ban" and regex.match(r"[ \t]+hành\b", text[w.end():w.end() + 8]):
            break  # "Chính phủ ban hành …": the verb, not a body
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
        if any(fold(x) == "bộ" for x, _ in words):
            joint = regex.match(r"[ \t]*(?:và|[-–,])[ \t]*(?=\p{Lu}\p{Ll})", text[pos:pos + 8])
            if joint and not TYPE_START.match(text, pos + joint.end()):
                pos += joint.end()
                words[-1] = (words[-1][0] + text[w.end():pos].rstrip(), pos)
    while words and fold(words[-1][0]) in ("khóa", "khoá", "các", "và"):
        words.pop()
    if not words:
        return None
    return " ".join(w for w, _ in words), words[-1][1]


TYPE_START = regex.compile(r"(?:" + _type_pattern(TYPES) + r")(?![\p{L}])")


def _without_overlaps(found: list[dict]) -> list[dict]:
    found.sort(key=lambda c: (c["start"], -(c["end"] - c["start"])))
    kept: list[dict] = []
    for c in found:
        if kept and c["start"] < kept[-1]["end"]:
            continue
        kept.append(c)
    return kept


def _share_issuers(mentions: list[dict], text: str) -> None:
    """In "A, B và C của Chính phủ" the trailing issuer is each member's issuer."""
    for i in range(len(mentions) - 2, -1, -1):
        a, b = mentions[i], mentions[i + 1]
        if a["issuer"] is None and b["issuer"] and a["ref_id"] and b["ref_id"] \
                and LIST_GAP.match(text[a["end"]:b["start"]]):
            a["issuer"] = b["issuer"]


def _own_number(text: str) -> str | None:
    m = OWN_NUMBER.search(text[:3000])
    return _canon(m.group(1)) if m else None


def _canon(ref: str) -> str:
    return regex.sub(r"\s+", "", regex.sub(r"[‐-―−]", "-", ref)).casefold()
