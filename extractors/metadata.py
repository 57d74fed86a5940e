"""Document metadata (SPEC.md, 'document'): kind, title, number, issuer, place and date,
subject, recipients, distribution, signer, draft, term - read from the header block, the
title, the closing block and, for news, the byline."""
from __future__ import annotations

import regex

from schemas.document import Block, Document
from schemas.text import fold, is_upper_line

from .bodies import expand
from .citations import _body_at
from .dates import iso
from .places import province_names

# extractors whose results this one reads through Document.remember
REQUIRES = ()


_NUMBER = regex.compile(r"(?m)(?:^|[ \t])(?:(?:Luật|Nghị quyết|Pháp lệnh)[ \t]+)?(?<![\p{L}/])Số[ \t]*:[ \t]*(?P<n>[^\s,;]*)")
_PLACE_DATE = regex.compile(r"(?P<place>(?<![\p{L}])\p{Lu}\p{Ll}*(?:[ \t]+\p{Lu}\p{Ll}*){0,3}),[ \t]*ngày[ \t]*(?P<d>\d{1,2})?[ \t]*tháng[ \t]*"
                            r"(?P<m>\d{1,2})[ \t]*năm[ \t]*(?P<y>\d{4})")
_SUBJECT = regex.compile(r"^(?:V/v|V/V|Về việc)[ \t:]*(?P<s>.+)$", regex.S)
_LIST_ITEM = regex.compile(r"^[ \t]*[-+•–][ \t]*(?P<item>.+?)[ \t]*[;.,]?[ \t]*$")
_TERM = regex.compile(r"(?i:nhiệm kỳ)[ \t]+(?P<a>(?:19|20)\d\d)[ \t]*[-–][ \t]*(?P<b>(?:19|20)\d\d)")
_DRAFT = regex.compile(r"^[ \t]*(?:DỰ THẢO|Dự thảo)[ \t]*(?:\d+|lần[ \t]+\d+)?[ \t]*$")
_PORTAL_DATE = regex.compile(r"^(?:Thứ[ \t]+\p{L}+|Chủ nhật)[ \t]*,[ \t]*\d{1,2}/\d{1,2}/\d{4}")
_NEWS_DATE = regex.compile(r"(?i:sáng|chiều|tối|trưa|ngày|hôm nay)[ \t]+(?P<d>\d{1,2})[./](?P<m>\d{1,2})(?![./]?\d)")
_YEAR = regex.compile(r"(?<![\d/])((?:19|20)\d\d)(?![\d/])")
_SIGNER_TITLE = regex.compile(r"^(?:(?:TM|KT|TL|TUQ|Q)\.?[ \t]+)?(?:GIÁM ĐỐC|PHÓ GIÁM ĐỐC|CHÁNH VĂN PHÒNG|PHÓ CHÁNH VĂN PHÒNG|"
                              r"CHỦ TỊCH|PHÓ CHỦ TỊCH|BÍ THƯ|PHÓ BÍ THƯ|TRƯỞNG BAN|PHÓ TRƯỞNG BAN|BỘ TRƯỞNG|THỨ TRƯỞNG|"
                              r"THỦ TƯỚNG|TRƯỞNG PHÒNG|BAN CHẤP HÀNH|BAN THƯỜNG VỤ|ĐẢNG ỦY|ĐẢNG UỶ|THƯỜNG TRỰC|"
                              r"CHI ỦY|CHI UỶ|HỘI ĐỒNG|ỦY BAN|UỶ BAN|CỤC TRƯỞNG|VIỆN TRƯỞNG|HIỆU TRƯỞNG)")
_SIGNED = regex.compile(r"^\((?i:đã ký|đã kí|ký|kí)[^)]*\)$")
_PERSON = regex.compile(r"^(?:\p{Lu}\p{Ll}*[ \t]+){1,4}\p{Lu}\p{Ll}*$")
_PORTAL_JUNK = regex.compile(r"(?i:^(?:các bài đã đăng|xem thêm|hộp thư điện tử|mail box|website|thư viện ảnh|"
                             r"tiếp nhận thông tin|gửi thông tin|tin liên quan|bài viết khác|chia sẻ|in bài)\b)")
_DOC_TYPES = ("THÔNG BÁO", "KẾ HOẠCH", "NGHỊ QUYẾT", "BÁO CÁO", "QUYẾT ĐỊNH", "CHỈ THỊ", "TỜ TRÌNH",
              "CHƯƠNG TRÌNH", "HƯỚNG DẪN", "CÔNG VĂN", "KẾT LUẬN", "QUY ĐỊNH", "ĐỀ ÁN", "NGHỊ ĐỊNH", "THÔNG TƯ",
              "LUẬT", "PHÁP LỆNH", "THÔNG TƯ LIÊN TỊCH", "VĂN BẢN HỢP NHẤT")
_HEADER_BODY = regex.compile(r"^(?:CHÍNH PHỦ|QUỐC HỘI|ỦY BAN THƯỜNG VỤ QUỐC HỘI|THỦ TƯỚNG CHÍNH PHỦ|BỘ [\p{Lu} \-]+|"
                             r"(?:ỦY|UỶ) BAN NHÂN DÂN[\p{Lu} ]*|HỘI ĐỒNG NHÂN DÂN[\p{Lu} ]*|SỞ [\p{Lu} ]+|"
                             r"TỈNH (?:ỦY|UỶ)[\p{Lu} ]*|BAN [\p{Lu} ]+|VĂN PHÒNG[\p{Lu} ]*|ĐẢNG (?:ỦY|UỶ)[\p{Lu} ]*)$")
_SYMBOL_BODIES = {"SYT": "Sở Y tế", "BYT": "Bộ Y tế", "UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân",
                  "TU": "Tỉnh ủy", "VPTU": "Văn phòng Tỉnh ủy", "ĐUK": "Đảng ủy Khối", "BTGTU": "Ban Tuyên giáo Tỉnh ủy",
                  "BTCTU": "Ban Tổ chức Tỉnh ủy", "SGDĐT": "Sở Giáo dục và Đào tạo", "STC": "Sở Tài chính",
                  "SNV": "Sở Nội vụ", "CP": "Chính phủ", "TTg": "Thủ tướng Chính phủ"}
_COMMITTEES = {"ban chấp hành": "Ban Chấp hành", "ban thường vụ": "Ban Thường vụ", "đảng ủy": "Đảng ủy"}
_ANNOUNCER = regex.compile(r"^(?P<body>(?:Văn phòng|Ban|Sở|Ủy ban|Uỷ ban|Đảng ủy|Đảng uỷ)[\p{L} ]{2,40}?)[ \t]+"
                           r"(?:thông báo|trân trọng thông báo|xin thông báo)")


def extract(doc: Document) -> dict:
    return dict(doc.remember("metadata", lambda: _extract(doc)))


def _extract(doc: Document) -> dict:
    blocks = [b for b in doc.blocks if b.kind in ("heading", "paragraph")]
    head = blocks[:14]
    meta: dict = {"kind": None, "title": None, "number": None, "issuer": None, "place": None, "date": None,
                  "subject": None, "recipients": [], "distribution": [], "signer_name": None,
                  "signer_title": None, "draft": False, "term": None}
    header = "\n".join(b.text for b in head)[:2500]
    if m := _NUMBER.search(header):
        meta["number"] = m.group("n") or None
    if m := _PLACE_DATE.search(header):
        meta["place"] = m.group("place").strip()
        meta["date"] = iso(m.group("y"), m.group("m"), m.group("d"))
    for b in head:
        if meta["subject"] is None and (m := _SUBJECT.match(b.text)):
            meta["subject"] = " ".join(m.group("s").split())
    meta["recipients"] = _list_after(blocks, "kính gửi", head_only=True)
    meta["distribution"] = _list_after(blocks, "nơi nhận")
    meta["draft"] = any(_DRAFT.match(b.text) for b in blocks)
    opening = " ".join(b.text for b in head[:4])
    term = _TERM.search(opening)
    if term:
        meta["term"] = f"{term.group('a')}-{term.group('b')}"
    news = _is_news(doc, blocks, meta)
    meta["kind"] = _kind(doc, head, meta, news)
    meta["title"] = _title(head, meta, news)
    if meta["kind"] == "conclusion" and meta["subject"] is None and meta["title"]:
        meta["subject"] = regex.sub(r"^(?:THÔNG BÁO)[ \t]+", "", meta["title"])
    meta["signer_title"], meta["signer_name"] = _signer(blocks, news)
    meta["issuer"] = _issuer(doc, blocks, meta)
    if news:
        meta["place"] = meta["place"] or _news_place(doc, meta)
        meta["date"] = meta["date"] or _news_date(blocks, meta, doc)
    return meta


def _list_after(blocks: list[Block], label: str, head_only: bool = False) -> list[str]:
    scope = blocks[:20] if head_only else blocks
    for i, b in enumerate(scope):
        text = b.text.strip()
        if fold(text).startswith(label):
            rest = text.split(":", 1)[1].strip() if ":" in text else ""
            lines = [line for line in rest.split("\n") if line.strip()]
            for follower in scope[i + 1:]:
                if not _LIST_ITEM.match(follower.text):
                    break
                lines.extend(follower.text.split("\n"))
            items = []
            for line in lines:
                m = _LIST_ITEM.match(line) or regex.match(r"^(?P<item>.+?)[;.,]?$", line.strip())
                if m and m.group("item").strip():
                    items.append(m.group("item").strip())
            return items
    return []


def _is_news(doc: Document, blocks: list[Block], meta: dict) -> bool:
    if meta["number"] or meta["subject"] or meta["recipients"] or meta["distribution"]:
        return False
    if any(_PORTAL_JUNK.match(b.text) for b in blocks[-40:]) or any(_PORTAL_DATE.match(b.text) for b in blocks[:3]):
        return True
    return bool(blocks) and bool(_NEWS_DATE.search(" ".join(b.text for b in blocks[1:3])))


def _kind(doc: Document, head: list[Block], meta: dict, news: bool) -> str:
    opening = fold(" ".join(b.text for b in head[:8]))
    subject = fold(meta["subject"] or "")
    if news:
        return "news"
    if "báo cáo chính trị" in opening or ("đại hội" in opening and "nhiệm kỳ" in opening
                                          and ("đánh giá kết quả" in opening or "phần thứ nhất" in opening)):
        return "political_report"
    if "phát động" in subject or "thi đua" in subject or regex.search(
            r"phát động(?: phong trào)? thi đua", fold(doc.text[:2000])):
        return "emulation"
    if regex.search(r"thông báo\s+kết luận|^kết luận", opening) or (
            "thông báo" in opening and "kết luận" in opening):
        return "conclusion"
    for word, kind in (("nghị quyết", "resolution"), ("kế hoạch", "plan"), ("chỉ thị", "directive"),
                       ("quyết định", "decision")):
        if any(fold(b.text).startswith(word) and is_upper_line(b.text) for b in head):
            return kind
    if meta["number"] and (meta["subject"] or meta["recipients"]):
        return "official_letter"
    return "other"


def _title(head: list[Block], meta: dict, news: bool) -> str | None:
    if news:
        for b in head:
            if not _PORTAL_DATE.match(b.text) and len(b.text) < 250:
                return " ".join(b.text.split())
        return None
    for i, b in enumerate(head):
        text = " ".join(b.text.split())
        if text in _DOC_TYPES and i + 1 < len(head):
            return f"{text} {' '.join(head[i + 1].text.split())}"
    return None


def _signer(blocks: list[Block], news: bool) -> tuple[str | None, str | None]:
    if news:
        # the byline is the last name before the portal's link lists begin
        end = next((i for i, b in enumerate(blocks) if _PORTAL_JUNK.match(b.text.strip())), len(blocks))
        for b in reversed(blocks[:end]):
            text = b.text.strip()
            if _PERSON.match(text) and len(text.split()) <= 4:
                return None, text
            if len(text) > 60:
                break
        return None, None
    title = name = None
    for b in blocks[-60:]:
        lines = [line.strip() for line in b.text.split("\n") if line.strip()]
        for line in lines:
            if _SIGNER_TITLE.match(line) and is_upper_line(line) and len(line) < 80:
                title, name = line, None
            elif title and not name and _PERSON.match(line) and len(line.split()) <= 5:
                name = line
            elif title and not name and not _SIGNED.match(line) and not is_upper_line(line):
                if len(line) > 80:
                    title = None
    return (title.strip() if title else None), name


def _issuer(doc: Document, blocks: list[Block], meta: dict) -> str | None:
    for b in blocks[:10]:
        line = " ".join(b.text.split())
        if _HEADER_BODY.match(line) and not line.startswith("CỘNG HÒA"):
            return _as_written(doc, line)
    if meta["number"]:
        symbol = meta["number"].split("/")[-1]
        first = regex.split(r"[-]", symbol)[0]
        if first in _SYMBOL_BODIES:
            return _SYMBOL_BODIES[first]
    for b in reversed(blocks[-40:]):
        m = _ANNOUNCER.match(b.text)
        if m:
            return expand(m.group("body").strip())
    title = meta["signer_title"] or ""
    if fold(title).startswith(("ban chấp hành", "ban thường vụ", "đảng ủy")) and "đảng bộ" in fold(title):
        # "BAN CHẤP HÀNH ĐẢNG BỘ" signs for the committee of the party organisation the report is about
        body_text = doc.text[:doc.body_end]
        units = []
        for m in regex.finditer(r"Đảng bộ[ \t]+(?=\p{Lu})", body_text):
            named = _body_at(body_text, m.end())
            if named:
                units.append("Đảng bộ " + named[0])
        if units:
            unit = max(set(units), key=lambda u: (units.count(u), -units.index(u)))
            committee = next(v for k, v in _COMMITTEES.items() if fold(title).startswith(k))
            return f"{committee} {unit}"
    return None


def _as_written(doc: Document, caps: str) -> str:
    """A header line in capitals as the body text writes the name: "BỘ TÀI CHÍNH" -> "Bộ Tài chính"."""
    pattern = regex.compile(r"(?<![\p{L}])" + r"[ \t\n]+".join(regex.escape(w) for w in caps.split()) + r"(?![\p{L}])",
                            regex.IGNORECASE)
    for m in pattern.finditer(doc.text, 0, doc.body_end):
        found = " ".join(m.group(0).split())
        if found != caps:
            return found
    return caps[:1] + caps[1:].lower()


def _news_place(doc: Document, meta: dict) -> str | None:
    names = province_names()
    for source in (meta["title"] or "", doc.text[:doc.body_end]):
        found = [(source.find(n), n) for n in names if n in source]
        found = [(pos, n) for pos, n in found if pos >= 0 and not _part_of_person(source, pos)]
        if found:
            return min(found)[1]
    return None


def _part_of_person(text: str, pos: int) -> bool:
    # "tư tưởng Hồ Chí Minh", "Đoàn TNCS Hồ Chí Minh": a name, not the city
    return text[max(0, pos - 12):pos].rstrip().endswith(("tưởng", "TNCS", "Chủ tịch", "Bác"))


def _news_date(blocks: list[Block], meta: dict, doc: Document) -> str | None:
    year_match = _YEAR.search(meta["title"] or "")
    if not year_match:
        return None
    for b in blocks[1:4]:
        m = _NEWS_DATE.search(b.text)
        if m:
            return iso(year_match.group(1), m.group("m"), m.group("d"))
    return None
