"""Instructions with an assignee (SPEC.md, 'task') in conclusions, plans and launch letters:
"Giao Ban Tuyên giáo Tỉnh ủy nghiên cứu …", "Đề nghị Đảng ủy Khối … rà soát …",
"Phòng Tổ chức cán bộ, Sở Y tế: chủ trì …", and the imperative sentences that follow a
lead-in naming who must do them ("Đảng ủy, Ban Giám đốc Sở Y tế tập trung thực hiện tốt
một số nhiệm vụ chủ yếu sau:")."""
from __future__ import annotations

import regex

from schemas.document import Document

from . import metadata
from .clauses import sentences
from .dates import iso

# extractors whose results this one reads through Document.remember
REQUIRES = ("metadata",)


# What an assignee is made of: a body, a unit or "các đơn vị …".
_BODY_HEAD = regex.compile(r"\b(?:Sở|Ban|Phòng|Trung tâm|Đảng ủy|Đảng uỷ|Đảng bộ|Công đoàn|Đoàn|Ủy ban|Uỷ ban|UBND|"
                           r"HĐND|Chi bộ|Hội|Bệnh viện|Văn phòng|Thường trực|Tỉnh ủy|Tỉnh uỷ|Huyện ủy|Thành ủy|Cục|"
                           r"Chi cục|Bộ|Viện|Trường(?![ \t]hợp)|Mặt trận|Ngành)\b|^(?i:các|ngành)[ \t]+\p{L}|"
                           r"^(?i:đơn vị|đoàn thể|cơ quan|địa phương)\b")
_NOT_SUBJECT_START = regex.compile(r"^(?i:sau khi|khi|nếu|tuy|cùng|trong|với|theo|qua|đến|từ|để|hết sức|tăng cường|"
                                   r"tiếp tục|đẩy mạnh|nâng cao|duy trì|tập trung|thực hiện|xây dựng|chú ý|đội ngũ|ban hành)\b")
_VERB = (r"chủ trì|phối hợp|quy định|có trách nhiệm|cần|phải|nghiên cứu|rà soát|tham mưu|tiếp tục|chuẩn bị|bám sát|"
         r"có kế hoạch|xây dựng|triển khai|thực hiện|tổ chức|tự kiểm tra|đi sâu|chỉ đạo|hướng dẫn|kiểm tra|"
         r"theo dõi|đôn đốc|tăng cường|đẩy mạnh|khẩn trương|báo cáo|quan tâm|lãnh đạo|phát huy|sớm|ban hành|"
         r"đề xuất|bảo đảm|đảm bảo|giải quyết|hoàn thành|rà soát|quán triệt|tuyên truyền")
_SUBJECT_VERB = regex.compile(r"(?P<who>.{2,160}?)(?:[ \t]*:[ \t]*|[ \t]+)(?P<action>(?:" + _VERB + r")\b.*)$", regex.S)
_DIRECTED = regex.compile(r"^(?:(?i:giao|đề nghị|yêu cầu|phân công|chỉ đạo)[ \t]+)(?P<rest>.+)$", regex.S)
_LEAD_IN = regex.compile(r"(?P<who>(?<![\p{L}])\p{Lu}.{1,120}?)[ \t]+(?:đã[ \t]+)?(?:đề ra|tập trung thực hiện tốt|thực hiện tốt|"
                         r"tập trung thực hiện|tập trung)[ \t]+(?:một số[ \t]+)?(?:các[ \t]+)?nhiệm vụ")
_TO_KNOW = regex.compile(r"(?:để|đề)[ \t]+(?P<who>.{3,120}?)[ \t]+biết,[ \t]*(?P<action>.+)$", regex.S)
_OPENING = regex.compile(r"^[\s\-+•*]*(?:\d{1,2}[.)][ \t]+|[a-zđ]\)[ \t]+)?(?:(?i:về)[^:]{1,80}:[ \t]*)?"
                         r"(?:(?i:trong đó|đồng thời|từ đó|theo đó|trên cơ sở đó|căn cứ[^,]{0,80}|theo tinh thần đó|"
                         r"thời gian tới|trong thời gian tới)[ \t]*,[ \t]*)?")
_IMPERATIVE = regex.compile(r"^(?i:tăng cường|tiếp tục|đẩy mạnh|nâng cao|duy trì|tập trung|thực hiện|xây dựng|chú ý|"
                            r"hết sức|thường xuyên|triển khai|tổ chức|rà soát|chỉ đạo|quán triệt|phát huy|khẩn trương|"
                            r"kiện toàn|đổi mới|đảm bảo|bảo đảm|chủ động|phối hợp|kiểm tra|giải quyết|củng cố|đề ra|"
                            r"làm tốt|quan tâm|khắc phục|xử lý|hoàn thành|sắp xếp|bố trí|đề xuất|nghiên cứu|tham mưu|"
                            r"khi[ \t].{0,80}[ \t]thì)\b")
_NOT_ACTION_START = regex.compile(r"^(?i:năm|trong năm|thời gian|tuy nhiên|bên cạnh|nhìn chung|kết quả|đến nay|hiện nay)\b")
_DEADLINE = regex.compile(r"(?i:trong|trước|chậm nhất|hoàn thành trước|xong trước)[ \t]+(?:ngày[ \t]+(?P<d>\d{1,2})"
                          r"[/.\-](?P<m>\d{1,2})[/.\-](?P<y>\d{4})|tháng[ \t]+(?P<m2>\d{1,2})[ \t]*[/.\-][ \t]*(?P<y2>\d{4}))")
_CADENCE = regex.compile(r"(?i:(?:định kỳ|mỗi|sau mỗi)[ \t]+(?P<n>(?:\d+|hai|ba|sáu)[ \t]+tháng(?:[ \t]*,[ \t]*cuối năm)?)"
                         r"|(?P<w>hằng năm|hàng năm|hằng quý|hàng quý|hằng tháng|hàng tháng|hằng tuần|hàng tuần)(?!\p{L}))")
def extract(doc: Document) -> list[dict]:
    kind = metadata.extract(doc)["kind"]
    if kind == "political_report":
        return []  # a congress report's "nhiệm vụ, giải pháp" are the congress's plans, given to no one
    text = doc.text
    out: list[dict] = []
    default: str | None = None  # the assignee a lead-in names for the items under it
    scope_level: int | None = None
    for block in doc.blocks:
        if block.kind == "footnote" or regex.match(r"(?i:nơi nhận)\b", block.text):
            break  # the closing block lists recipients, not tasks
        if block.kind == "heading" and default and block.level is not None and (
                scope_level is None or block.level <= scope_level):
            default = None
        if block.kind == "table":
            continue
        carried = default  # within a paragraph an explicit subject carries to the next sentences
        for s_start, s_end in sentences(text, block.start, block.end):
            sentence = text[s_start:s_end].strip()
            if sentence.endswith(":") or "trọng tâm" in sentence or "chủ yếu" in sentence:
                who = next((w for w in (_assignee(m.group("who")) for m in
                                        _LEAD_IN.finditer(sentence, overlapped=True)) if w), None)
                if who:
                    default = carried = who
                    headings = doc.headings_at(block.start)
                    scope_level = headings[-1].level if headings else None
                    continue
            if len(sentence) < 12:
                continue
            task = _explicit(sentence, kind)
            if task:
                carried = task[0]
            elif carried and (default or kind != "news") and not sentence.endswith("?"):
                body = _OPENING.sub("", sentence, count=1)
                if body and _IMPERATIVE.match(body) and not _NOT_ACTION_START.match(body):
                    task = (carried, body)
            if task:
                out.append(_record(doc, task, sentence, s_start, s_end))
        if scope_level is None and default and kind == "news":
            default = None  # with no heading to bound it, a lead-in governs its own paragraph
    return out


def _explicit(sentence: str, kind: str) -> tuple[str, str] | None:
    """(assignee, action) of a sentence that names who must act."""
    body = _OPENING.sub("", sentence, count=1)
    known = _TO_KNOW.search(body)
    if known and kind != "news":
        who = _assignee(known.group("who"))
        if who:
            return who, known.group("action")
    directed = _DIRECTED.match(body)
    if directed and kind != "news":
        body = directed.group("rest")
    m = _SUBJECT_VERB.match(body)
    if not m:
        return None
    who = _assignee(m.group("who"))
    if not who:
        return None
    action = m.group("action")
    if kind == "news" and not regex.match(r"cần\b", action):
        return None  # news reports what was done; only "X cần …" is an instruction there
    if regex.match(r"cần[ \t]+", action):
        action = action[3:].strip()
    if regex.match(r"có trách nhiệm[ \t]+", action):
        action = action[len("có trách nhiệm"):].strip()
    return who, action


def _assignee(text: str) -> str | None:
    who = " ".join(text.split()[-40:]).split(";")[-1].strip(" ,:;-–*")
    who = regex.sub(r"^(?i:trong thời gian tới|thời gian tới|theo tinh thần đó|căn cứ[^,]*|đồng thời|từ đó)[ \t]*,?[ \t]*",
                    "", who)
    if not who or len(who.split()) > 16 or not _BODY_HEAD.search(who) or who.endswith(("của", "và", "với")):
        return None
    who = regex.split(r"(?:^|[ \t])(?:[a-zđ]\)|\d{1,2}\.)[ \t]+", who)[-1]  # "… a) Cục Hàng hải …"
    if _NOT_SUBJECT_START.match(who) or regex.search(r"\d|[ \t]của[ \t]", who) or \
            (who[:1].islower() and not who.startswith(("các", "ngành"))):
        return None
    if regex.search(r"[.;!?]|\b(?:đã|được|là|có)\b", who):
        return None
    return who


def _record(doc: Document, task: tuple[str, str], sentence: str, start: int, end: int) -> dict:
    who, action = task
    deadline = cadence = None
    d = _DEADLINE.search(sentence)
    if d:
        g = d.groupdict()
        deadline = iso(g["y"] or g["y2"], g["m"] or g["m2"], g["d"])
    c = _CADENCE.search(sentence)
    if c:
        cadence = c.group("n") or c.group("w")
    action = action.strip(" .;")
    return {"assignee": who, "action": action, "deadline": deadline, "cadence": cadence,
            "text": sentence, "start": start, "end": end, "section": doc.section_at(start)}
