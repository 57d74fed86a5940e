"""Instructions with an assignee (SPEC.md, 'task', and its Rulings) in conclusions, plans,
dispatches, decisions and launch letters:

- a sentence that names who must act: "Giao Ban Tuyên giáo Tỉnh ủy nghiên cứu …",
  "Đề nghị Đảng ủy Khối … rà soát …", "Sở Y tế chủ trì, phối hợp …", "X chịu trách nhiệm thi hành …";
- the items under a lead-in that names the assignee, whatever its verb ("2. Sở Y tế:",
  "Giao Sở Tài chính:", "X có trách nhiệm:", "X tập trung thực hiện các nhiệm vụ sau:"), and the
  items under a numbered heading that is a body's name ("5. Sở Khoa học và Công nghệ");
- the rows of a table of tasks (columns Nhiệm vụ / Chủ trì / Phối hợp / Thời gian, in any order).

Every word these rules read is in `data/task_words.tsv`. Not tasks: form labels, scope and
definition clauses, the issuing formula ("Ủy ban nhân dân tỉnh ban hành Kế hoạch …"), recipient
lines, and anything in a report template.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from schemas.document import Document
from schemas.text import fold

from . import lexicon, metadata
from . import bodies
from .bodies import expand
from .clauses import sentences
from .dates import cell_deadline, deadline

# extractors whose results this one reads through Document.remember
REQUIRES = ("metadata",)


def _words(role: str) -> list[str]:
    return sorted(lexicon.column("task_words", "word", role=role), key=len, reverse=True)


def _alt(words: list[str]) -> str:
    return "|".join(regex.escape(w).replace(r"\ ", r"[ \t]+") for w in words)


# What an assignee starts with: a body's head word, a body named whole, an office's title (all from
# data/bodies.tsv, the one lexicon of bodies), a deputy's or acting holder's title ("Phó Giám đốc"),
# and the collective referents plans address ("các đơn vị", "các chủ đầu tư", "Thủ trưởng").
_BODY_WORDS = sorted({*bodies.HEADS, *bodies.ALONE, *bodies.CENTRAL, *bodies.TITLES,
                      *lexicon.column("bodies", "name", kind="compound")}, key=len, reverse=True)
_TITLES = _alt(sorted(bodies.TITLES, key=len, reverse=True))
_HEADS = (r"(?:" + _alt(_words("title_prefix")) + r")[ \t]+(?:" + _TITLES + r")|" + _alt(_BODY_WORDS)
          + "|" + _alt(_words("referent")))
# a head word or title with nothing after it names no body ("Cơ quan", "Giám đốc"), unless it is one alone ("Chính phủ")
_BARE_HEAD = regex.compile(r"(?:" + _alt(sorted({*bodies.HEADS, *bodies.TITLES, *_words("referent")}, key=len, reverse=True))
                           + r")")
_NOT_BODY = regex.compile(r"^(?i:" + _alt(_words("not_body")) + r")(?!\p{L})")
# a sentence opening with a verb that begins like a head word ("Báo cáo …", "Ban hành …"), or is one
# ("Thanh tra, kiểm tra …", but "Thanh tra tỉnh", "Thanh tra Sở" are bodies)
_HEAD_SET = {h.lower() for h in bodies.HEADS}
_VERB_OPENING = "|".join(
    regex.escape(v).replace(r"\ ", r"[ \t]+") + (r"(?![ \t]+(?:(?-i:\p{Lu})|(?:" + _alt(_words("level_word")) + r")(?!\p{L})))"
                                                 if v.lower() in _HEAD_SET else "")
    for v in _words("imperative") + _words("verb"))
# an assignee starts with a body's head word, capitalised, or lower case after "các", "từng", "mỗi"
_BODY_START = regex.compile(r"^(?!(?i:" + _VERB_OPENING + r")(?!\p{L}))(?:(?:" + _HEADS + r")|(?i:các|từng|toàn)[ \t]+(?i:" + _HEADS + r"))(?!\p{L})")
# "Quyết định này áp dụng đối với …", "Trong Quy chế này, các từ ngữ … được hiểu như sau"
_SCOPE = regex.compile(r"(?<!\p{L})(?:(?i:" + _alt(_words("enacted")) + r")[ \t]+này[ \t]+(?:" + _alt(_words("scope")) +
                       r")|(?i:được hiểu như sau|áp dụng đối với))(?!\p{L})")
# verbs that close the assignee: lower case (a body's name capitalises its words: "Ban Quản lý")
# and not right after a head word whose name goes on in lower case ("Ban chỉ đạo phòng thủ dân sự")
# (a verb right after a comma is a noun in a list: "cơ quan, tổ chức, cá nhân")
_VERB = regex.compile(r"(?<![ \t](?:" + _alt(_words("head_before_verb")) + r"))(?:(?<!,)[ \t]+|[ \t]*:[ \t]*)(?:"
                      + _alt(_words("verb")) + r")(?!\p{L})")
# after the verb, at most a level and a place name, then a verb only a subject precedes
_LEAD_VERB_NEXT = regex.compile(r"(?:[ \t]+(?:" + _alt(_words("level_word")) + r"|\p{Lu}\p{Ll}*)(?!\p{L})){0,4}[ \t]+(?:"
                                + _alt(_words("lead_verb")) + r")(?!\p{L})")
_DIRECTIVE_START = regex.compile(r"^(?i:" + _alt(_words("directive")) + r")[ \t]+")
# after "giao", "đề nghị", "yêu cầu" a body may be named by an abbreviation the lexicon does not hold ("giao BQLDA tỉnh …")
_ACRONYM = r"\p{Lu}[\p{Lu}Đ]{1,7}(?=[ \t]+\p{Ll})"
_DIRECTIVE_INSIDE = regex.compile(r"(?<=[\p{L},;][ \t]+)(?:yêu cầu|đề nghị|giao)[ \t]+(?=(?:" + _HEADS + r"|các|Các)(?!\p{L})|"
                                  + _ACRONYM + ")")
_DIRECTED_START = regex.compile(r"^(?:" + _BODY_START.pattern[1:] + "|" + _ACRONYM + ")")
_NOT_IN_ASSIGNEE = regex.compile(r"(?<!\p{L})(?i:" + _alt(_words("not_in_assignee")) + r")(?!\p{L})")
_OPENING = regex.compile(r"^(?:(?i:về|đối với)[^:]{1,300}:[ \t]*)?(?:(?i:" + _alt(_words("opening")) +
                         r")(?!\p{L})[ \t]*,?[ \t]*|(?i:căn cứ|trên cơ sở)[^,]{0,80},[ \t]*)*")
_IMPERATIVE = regex.compile(r"^(?i:" + _alt(_words("imperative")) + r"|khi[ \t].{0,80}[ \t]thì)(?!\p{L})")
_NOT_ACTION_START = regex.compile(r"^(?i:" + _alt(_words("not_action")) + r")(?!\p{L})")
# "Dữ liệu … được chia sẻ …", "Kinh phí là …": an item that states a fact, with no instruction
_STATEMENT = regex.compile(r"^(?:\S+[ \t]+){1,8}?(?:được|bị|là|do|bao gồm|gồm)[ \t:]")
_DUTY_ARTICLE = regex.compile(r"(?i:" + _alt(_words("duty_article")) + r")(?!\p{L})")
# the closing formula: everyone before "chịu trách nhiệm thi hành" is the assignee, "tổ chức" and all
_ENFORCE = regex.compile(r"^(?P<who>.{3,1200}?)[ \t]+(?P<action>(?:(?:chịu|có)[ \t]+trách nhiệm[ \t]+(?:tổ chức[ \t]+)?|căn cứ[ \t]+(?:"
                         + _alt(_words("enacted")) + r")(?:[ \t]+này)?[ \t]+)thi hành.*)$", regex.S)
_ENACTING = regex.compile(r"^(?i:ban hành)[ \t]+(?:(?i:kèm theo)[ \t]+)?(?:" + _alt(_words("enacted")) + r")(?!\p{L})")
_FORM_LABEL = regex.compile(r"^(?i:" + _alt(_words("form_label")) + r")[ \t]*:")
_TEMPLATE = regex.compile(r"^(?i:" + _alt(_words("template")) + r")(?:[ \t]+(?i:số))?[ \t]*\d|^(?:MẪU|BIỂU MẪU)$")
# "X đã đề ra một số nhiệm vụ trọng tâm." names who the sentences after it are for
_LEAD_IN = regex.compile(r"(?P<who>(?<![\p{L}])\p{Lu}.{1,120}?)[ \t]+(?:đã[ \t]+)?(?:" + _alt(_words("lead_in_verb")) +
                         r")[ \t]+(?:một số[ \t]+)?(?:các[ \t]+)?(?:" + _alt(_words("lead_in")) + r")(?!\p{L})")
_REGULATED_HEAD = regex.compile(r"^(?:(?i:các|từng|mỗi)[ \t]+)?(?i:" + _alt(_words("regulated_head")) + r")(?!\p{L})")
# "Các sở, …, các tổ chức, cá nhân hoạt động điện lực": a list with the regulated in it ("… có liên quan" is the closing's)
_REGULATED_MEMBER = regex.compile(r"(?<!\p{L})(?i:" + _alt(_words("regulated_member")) + r")(?!\p{L})(?![ \t,]*(?:có[ \t]+)?liên quan)")


def _regulated(who: str) -> bool:
    """Whether an assignee is (or includes) a party a law regulates rather than a body it instructs."""
    return bool(_REGULATED_HEAD.match(who) or _REGULATED_MEMBER.search(who))

# a line that stops on a word needing what follows ("… Nghị định số", "… của"): a hard wrap
_DANGLING = regex.compile(r"(?<![\p{L}])(?:" + _alt(_words("dangling")) + r")$")
_COMPLEMENT_COLON = regex.compile(r"(?<![\p{L}])(?:" + _alt(_words("complement_colon")) + r")$")
_ENDS_ON_TITLE = regex.compile(r"(?<![\p{L}])(?:" + _TITLES + r")$")
_LEGAL_BASIS = regex.compile(r"^(?i:căn cứ)[ \t].*;$")
_BLANKS = regex.compile(r"\.{4,}|…{2,}|_{4,}|(?:…[ \t]*){2,}")
_TABLE_HEADER = regex.compile(r"(?i:" + _alt(_words("table_task")) + r")[ \t]+(?i:" + _alt(_words("table_lead")) + r")(?!\p{L})")
_STATUTE = regex.compile(r"^(?i:" + _alt(_words("statute")) + r")(?!\p{L})")
_ANNEX_HEADING = regex.compile(r"^(?i:phụ lục)(?:[ \t]+(?i:số)?[ \t]*[\dIVXLC]+(?:\.\d+)*[A-Za-z]?)?[ \t]*(?:[:.\-–](?:[ \t]*\S.{0,150})?)?$")
_CLOSING = regex.compile(r"^(?i:nơi nhận)[ \t]*:?")
# after the closing block, an annex ("QUY CHẾ …", "PHỤ LỤC", "Điều 1") is document again
_ANNEX = regex.compile(r"^(?:[\p{Lu}Đ ,]{4,}$|(?i:điều|chương|phần|phụ lục)[ \t]+[\dIVXLC]+)")
_CADENCE = regex.compile(r"(?i:(?:định kỳ|mỗi|sau mỗi)[ \t]+(?P<n>(?:\d+|hai|ba|sáu)[ \t]+tháng(?:[ \t]*,[ \t]*cuối năm)?)"
                         r"|(?P<w>" + _alt([w for w in _words("cadence") if w != "thường xuyên"]) + r"))(?!\p{L})")
_LIST_TAIL = regex.compile(r"(?:[,;][ \t]*)?(?:(?:trong đó|cụ thể|đồng thời|gồm|như)[ \t]+)?[^,;]*?(?<!\p{L})(?:"
                           + _alt(_words("lead_in")) + r")(?!\p{L})[^,;]*?(?<!\p{L})sau(?:[ \t]+đây)?[ \t]*$")

_MARKUP = regex.compile(r"\*+|(?<![\p{L}\d])_+|_+(?![\p{L}\d])|^#+[ \t]*|\[\d{1,3}\]")
_LABEL = regex.compile(
    r"^[ \t]*(?:(?P<part>(?i:phần|chương|mục)[ \t]+[\dIVXLC]+\b\.?)|(?P<article>(?i:điều)[ \t]+\d+[a-z]?[ \t]*[.:]?)"
    r"|(?P<roman>[IVXLC]+[.)])|(?P<dotted>\d{1,2}(?:\.\d{1,2})+\.?)|(?P<arabic>\d{1,2}\.)|(?P<paren>\(\d{1,2}\)|\d{1,2}\)|\([a-zđ]\))"
    r"|(?P<letter>[a-zđ][.)])|(?P<dash>[-–—])|(?P<plus>[+•]))(?=[ \t]|$)[ \t]*")
_RANK = {"part": 0, "article": 1, "roman": 2, "arabic": 3, "dotted": 4, "letter": 5, "paren": 6, "dash": 7, "plus": 8}


@dataclass
class _Governor:
    who: str
    rank: int | None  # the label rank of the lead-in's block; None for an unlabelled lead-in
    item_rank: int | None = None  # the rank of its first labelled item
    items: int = 0


def extract(doc: Document) -> list[dict]:
    kind = metadata.extract(doc)["kind"]
    if kind == "political_report":
        return []  # a congress report's "nhiệm vụ, giải pháp" are the congress's plans, given to no one
    out = _from_text(doc, kind, _normative(doc)) + _from_tables(doc)
    out.sort(key=lambda t: t["start"])
    return out


def clean(text: str) -> str:
    """Text as read: markdown emphasis and footnote anchors out, whitespace single."""
    return " ".join(_MARKUP.sub("", text).split())


def _label(text: str) -> tuple[int | None, str]:
    m = _LABEL.match(text)
    if not m or m.end() == len(text.rstrip()) and m.lastgroup in ("dash", "plus"):
        return None, text
    return _RANK[m.lastgroup], text[m.end():]


@dataclass
class _Unit:
    """A paragraph or heading as written: blocks a hard line wrap split are joined again."""
    kind: str
    text: str  # cleaned
    spans: list[tuple[int, int]]  # its sentences, as offsets in Document.text


def _units(doc: Document) -> list[_Unit]:
    units: list[_Unit] = []
    joinable = False
    for block in doc.blocks:
        if block.kind == "footnote":
            break
        if block.kind == "table":
            joinable = False
            continue
        whole = clean(block.text)
        if not whole:
            continue
        spans = sentences(doc.text, block.start, block.end)
        if len(spans) > 1 and _label(clean(doc.text[spans[0][0]:spans[0][1]]) + " x")[1] == "x":
            spans = [(spans[0][0], spans[1][1])] + spans[2:]  # "1." split off as a sentence of its own
        dangling = joinable and bool(_DANGLING.search(units[-1].text) or (
            _ENDS_ON_TITLE.search(units[-1].text) and _BODY_START.match(whole)))  # "… của Bộ trưởng" / "Bộ Tài chính …"
        wrapped = joinable and not _LABEL.match(whole) and not _ANNEX_HEADING.match(whole) and spans and (whole[:1].islower() or dangling or (
            units[-1].kind == "paragraph" and len(units[-1].text) >= 60 and units[-1].text[-1:].isalnum()
            and units[-1].text[-1:].islower()))
        if wrapped:
            last = units[-1]  # a line wrapped in the source: the sentence goes on
            if dangling:
                last.kind = "paragraph"  # "5. Giao Bộ … tại khoản 9 Điều 2 Nghị định số" read as a numbered heading
            last.text += " " + whole
            last.spans[-1] = (last.spans[-1][0], spans[0][1])
            last.spans.extend(spans[1:])
            continue
        units.append(_Unit(block.kind, whole, spans))
        joinable = bool(spans)
    return units


def _normative(doc: Document) -> bool:
    """A text laid out in articles (a law, decree, circular, regulation): its headings name the
    subjects of rules, and the duties of regulated parties are rules, not instructions."""
    articles = 0
    for block in doc.blocks:
        if regex.match(r"[\s*#_]*(?i:điều)[ \t]+\d+[a-z]?[ \t]*[.:]", block.text):
            articles += 1
            if articles >= 3:
                return True
    return False


def _assigns(text: str, kind: str) -> bool:
    """Whether a clause hands work to a body that is not a regulated party."""
    if text.rstrip().endswith(":"):
        lead = _lead_in(text.rstrip()[:-1], kind, True)
        return bool(lead) and not _regulated(lead[0])
    task = _explicit(text, kind)
    return bool(task) and not _regulated(task[0])


def _from_text(doc: Document, kind: str, normative: bool) -> list[dict]:
    text = doc.text
    out: list[dict] = []
    stack: list[_Governor] = []
    closed = False  # between the recipients block and an annex
    duty = not normative  # in a text of articles: whether the current article is about carrying it out
    annex = False
    statute = bool(_STATUTE.match(metadata.extract(doc).get("title") or ""))
    units = _units(doc)
    for at, block in enumerate(units):
        whole = block.text
        if _TEMPLATE.match(whole):
            break  # a report template: its lines are blanks to fill in, not instructions
        if _CLOSING.match(whole):
            closed, stack = True, []
            continue
        if closed:
            if not _ANNEX.match(whole):
                continue
            closed, duty = False, not normative  # a law's annex (tariffs, forms) gives no tasks until an article says so
        if normative and _ANNEX_HEADING.match(whole):
            # a law's annex (forms, procedures, model charters) gives no tasks unless an article in it is on
            # carrying the text out
            annex, duty = True, False
            stack.clear()
            continue
        rank, rest = _label(whole)
        if normative and rank is not None and rank <= _RANK["article"]:
            # in a text of articles, only those on carrying it out give tasks beyond a direct "Giao X …"
            if rank == _RANK["article"]:
                # its title, or its opening clause where it has none ("Điều 7.", then "1. Bộ Quốc phòng chủ trì …"),
                # which a hard wrap may have spread over several lines
                opening = " ".join([rest] + [_label(u.text)[1] for u in units[at + 1:at + 4]])
                opening = regex.split(r"(?<=[.:])[ \t]", opening.strip()[:1200])[0].strip()
                # (in a law, decree or circular only an untitled article's first clause can say so: a titled
                # one's title does; and its annex gives none)
                duty = not (annex and statute) and bool(_DUTY_ARTICLE.search(opening[:120]) or (
                    not annex and (not statute or len(rest) < 3) and _assigns(opening, kind)))
                if not duty and len(rest) >= 3 and at + 1 < len(units) and not statute and not annex:
                    # a titled article whose first clause hands out work ("Điều 5. Quy trình xét tặng",
                    # then "1. Sở Nội vụ … thẩm định …") is about carrying the text out too
                    # (not in a law, decree or circular, whose articles bind the bodies they name as rules)
                    duty = any(_assigns(regex.split(r"(?<=[.:])[ \t]", _label(u.text)[1])[0], kind)
                               for u in units[at + 1:at + 3])
            stack.clear()
        if block.kind == "heading" and rank is None:
            stack.clear()
        while stack and _ends(stack[-1], rank):
            stack.pop()
        governor = stack[-1] if stack else None
        if governor:
            governor.items += 1
            if rank is not None and governor.item_rank is None:
                governor.item_rank = rank
        carried = governor.who if governor else None
        first, local = True, False
        spans = block.spans
        for i, (s_start, s_end) in enumerate(spans):
            sentence = clean(text[s_start:s_end])
            if i == 0:
                _, sentence = _label(sentence)
            if len(sentence) < 3 or _FORM_LABEL.match(sentence):
                continue
            if _BLANKS.search(sentence) or _SCOPE.search(sentence) or _TABLE_HEADER.search(sentence):
                continue
            if normative and i == 0 and sentence[:1] in "“\"":
                continue  # an amending text's quoted provision states the amended rule, it instructs no one
            if _LEGAL_BASIS.match(sentence):
                continue  # "Căn cứ Thông tư … của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ hướng dẫn …;" cites, it instructs no one  # a form's blank to fill in, a scope or definition clause, a flattened table's header
            if i == 0 and rank == _RANK["article"] and not sentence.endswith((".", ";")):
                continue  # an article's title
            if i == 0 and rank is not None and len(spans) == 1 and _pure_body(sentence.rstrip(" :")) and (
                    not normative or (sentence.endswith(":") and not _regulated(sentence))):
                stack.append(_Governor(_name(sentence.rstrip(" :")), rank))  # "5. Sở Khoa học và Công nghệ"
                if governor:
                    governor.items -= 1
                break
            if not duty and not _directed(_OPENING.sub("", sentence, count=1)) and not _ENFORCE.match(sentence):
                continue
            if sentence.endswith(":") and i == len(spans) - 1 and _COMPLEMENT_COLON.search(sentence[:-1]):
                # "X chịu trách nhiệm cập nhật dữ liệu đối với:": the items complete one instruction
                task = _explicit(sentence[:-1], kind)
                if task and not (normative and _regulated(task[0])):
                    out.append(_record(doc, task, s_start, s_end))
                    stack.append(_Governor("", rank))
                    if governor:
                        governor.items -= 1
                    break
            if sentence.endswith(":") and i == len(spans) - 1:
                lead = _lead_in(sentence[:-1], kind, normative)
                if not lead:
                    continue  # a list's lead-in names no assignee: its items may
                if lead:
                    who, task = lead
                    stack.append(_Governor(who, rank))
                    if governor:
                        governor.items -= 1
                    if task:
                        out.append(_record(doc, task, s_start, s_end))
                    break
            if regex.search(r"(?i:trọng tâm|chủ yếu)", sentence):
                who = next((w for w in (_assignee(m.group("who")) for m in
                                        _LEAD_IN.finditer(sentence, overlapped=True)) if w), None)
                if who:
                    stack.append(_Governor(_name(who), rank))
                    governor = stack[-1]
                    governor.items, governor.item_rank = 1, None
                    carried = governor.who
                    local = kind == "news"  # with no headings to bound it, a news lead-in governs its paragraph
                    continue
            if len(sentence) < 12:
                continue
            if out and regex.match(r"(?i:hoàn thành|thời gian hoàn thành|thời hạn)(?!\p{L})", sentence) and \
                    len(sentence.split()) < 10:
                when, _ = deadline(sentence)  # "Hoàn thành trước ngày 28/11/2026." dates the instruction before it
                if when:
                    out[-1]["deadline"] = out[-1]["deadline"] or when
                    continue
            task = _explicit(sentence, kind)
            if task and ((normative and _regulated(task[0])) or len(task[1].split()) < 3 or (
                    len(sentence.split()) < 10 and not sentence.endswith((".", ";")))):
                task = None  # a regulated party's duty in a law; a table's header or a caption
            if task:
                if not governor:
                    carried = task[0]  # within a paragraph an explicit subject carries to the next sentences
            elif carried and (governor or kind != "news") and not sentence.endswith("?"):
                body = _OPENING.sub("", sentence, count=1)
                if body and body[0].isalpha() and len(body.split()) >= 4 and not _NOT_ACTION_START.match(body) and \
                        not (_BODY_START.match(body) and not body.endswith((".", ";")) and len(body.split()) < 12) and \
                        not (_STATEMENT.match(body) and not _IMPERATIVE.match(body)) and (
                        _IMPERATIVE.match(body) or (first and governor and not body.endswith(":") and
                                                    not _is_topic(body, block.kind))):
                    task = (carried, body)
            if task:
                out.append(_record(doc, task, s_start, s_end))
            first = False
        if local and stack:
            stack.pop()
    return out


def _ends(g: _Governor, rank: int | None) -> bool:
    """Whether a block with this label rank closes the list a lead-in opened."""
    if rank is None:
        return g.rank is None and g.item_rank is not None and g.items > 0
    if g.rank is not None:
        return rank <= g.rank
    return g.item_rank is not None and rank < g.item_rank


def _is_topic(body: str, kind: str) -> bool:
    """A list item that is a topic heading ("Về tổ chức bộ máy"), not an instruction."""
    if body.endswith((".", ";")) or _IMPERATIVE.match(body):
        return False
    return bool(regex.match(r"(?i:về|đối với)(?!\p{L})", body)) or (kind == "heading" and len(body.split()) < 10)


def _pure_body(text: str) -> bool:
    """Whether a heading is only a body's name ("Sở Khoa học và Công nghệ", "Ủy ban nhân dân xã, phường")."""
    if not text or not 2 <= len(text.split()) <= 20 or regex.search(r"[.;!?\d]", text) or _NOT_BODY.match(text):
        return False
    if regex.search(r"(?<!\p{L})(?:và|các|của|với|và các)$", text):
        return False  # a name a line break cut off ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các")
    return bool(_BODY_START.match(text)) and (text[0].isupper()) and not _VERB.search(text) and \
        not _NOT_IN_ASSIGNEE.search(_without_related(text))


def _lead_in(sentence: str, kind: str, normative: bool = False) -> tuple[str, tuple[str, str] | None] | None:
    """(assignee, the lead-in's own task or None) of a sentence that opens a list."""
    body = _OPENING.sub("", sentence, count=1).strip()
    directed = _directed(body)
    if directed is not None:
        body = directed
    if _pure_body(body) or (directed is not None and _assignee(body) == body):
        if normative and _regulated(body):
            return None
        return _name(body), None
    parsed = _subject(body)
    if not parsed:
        return None
    who, action = parsed
    if normative and (_regulated(who) or (directed is None and not regex.match(
            r"(?:có|chịu)[ \t]+trách nhiệm|(?i:" + _alt(_words("directive")) + r")(?!\p{L})", action))):
        return None  # "X có các quyền sau:", "X có nghĩa vụ:" list rules, not instructions
    if kind == "news" and not _LIST_TAIL.search(action):
        return None  # a news report's "X đã …:" tells what was done
    if _ENACTING.match(action):
        return None
    own = _LIST_TAIL.sub("", action).strip(" ,;")
    own = regex.sub(r"^(?i:cần|phải|có trách nhiệm|chịu trách nhiệm)(?!\p{L})[ \t]*", "", own)
    task = (who, own) if len(own.split()) >= 8 else None  # more than "tập trung thực hiện tốt"
    return who, task


def _directed(body: str) -> str | None:
    """What follows "Giao", "Đề nghị", "Yêu cầu" (at the start, or after the issuer: "Thủ tướng Chính phủ yêu cầu")."""
    m = _DIRECTIVE_START.match(body)
    if m and _DIRECTED_START.match(body[m.end():]):
        return body[m.end():]
    m = _DIRECTIVE_INSIDE.search(body)
    if m and m.start() < 200:
        issuer = regex.split(r"[,;:][ \t]*", body[:m.start()])[-1].strip()
        if not issuer or _BODY_START.match(issuer):  # at a clause's start, or after its issuer  # "Thủ tướng Chính phủ yêu cầu …", not "dự thảo Tờ trình đề nghị …"
            return body[m.end():]
    return None


def _explicit(sentence: str, kind: str) -> tuple[str, str] | None:
    """(assignee, action) of a sentence that names who must act."""
    body = _OPENING.sub("", sentence, count=1)
    known = regex.search(r"(?:để|đề)[ \t]+(?P<who>.{3,120}?)[ \t]+biết,[ \t]*(?P<action>.+)$", body, regex.S)
    if known and kind != "news":
        who = _assignee(known.group("who"))
        if who:
            return _name(who), known.group("action")
    directed = _directed(body) if kind != "news" else None
    if directed is not None and not _DIRECTIVE_START.match(body):
        own = _subject(body)
        if own and not _DIRECTIVE_INSIDE.search(own[0] + " "):
            # "Cơ quan lập đề án có trách nhiệm …, đề nghị …": the sentence's own subject acts; but in
            # "X giao Y chủ trì …" the first verb is Y's, and Y is the assignee
            directed = None
    if directed is not None:
        body = directed
    enforce = _ENFORCE.match(body)
    if enforce and kind != "news" and _BODY_START.match(body):
        who = " ".join(enforce.group("who").split()).strip(" ,;")
        if len(who.split()) <= 120 and not regex.search(r"[.!?]", who):
            return _name(who), enforce.group("action")
    parsed = _subject(body, directed is not None)
    if not parsed and directed is None:
        # "Thông qua các phong trào thi đua; các đơn vị có kế hoạch …": a subject after a semicolon
        parsed = next((p for p in (_subject(body[m.end():]) for m in regex.finditer(r";[ \t]*", body)) if p), None)
    if not parsed:
        return None
    who, action = parsed
    if kind == "news" and not regex.match(r"cần(?!\p{L})", action):
        return None  # news reports what was done; only "X cần …" is an instruction there
    if _ENACTING.match(action):
        return None  # the issuing formula
    action = regex.sub(r"^(?:cần|có trách nhiệm|chịu trách nhiệm(?![ \t]+thi hành))(?!\p{L})[ \t]*", "", action)
    return who, action


def _subject(body: str, directed: bool = False) -> tuple[str, str] | None:
    """Split "X <verb> …" into the assignee X (a body) and the action; `directed`: X follows "giao" …"""
    if not (_DIRECTED_START if directed else _BODY_START).match(body) or _NOT_BODY.match(body):
        return None
    shared = regex.match(r"(?i:các)[ \t]+\p{L}+[ \t]*:[ \t]*(?P<list>[^;.]+)[;.]?$", body)
    if shared and all(p.strip()[:1].isupper() and len(p.split()) <= 12 for p in regex.split(r",|(?<!\p{L})và(?!\p{L})", shared.group("list")) if p.strip()):
        # "Các Cục: Đường bộ Việt Nam, …, Kinh tế - Quản lý đầu tư xây dựng;": an address list, no instruction
        return None
    colon = regex.match(r"(?P<who>[^:]{2,200}?)[ \t]*:[ \t]*(?P<action>\p{Ll}.*)$", body, regex.S)
    if colon and _assignee(colon.group("who")) and not regex.match(r"(?i:các)[ \t]+\p{L}+$", colon.group("who")):
        return _name(colon.group("who")), colon.group("action")  # "Phòng Tổ chức cán bộ, Sở Y tế: chủ trì …"
    for m in _VERB.finditer(body, 2, min(len(body), 600)):
        if regex.search(r"(?<!\p{L})(?:và|các|của|với|những)$", body[:m.start()]):
            continue  # a noun of the name: "… và các tổ chức chính trị - xã hội"
        if _LEAD_VERB_NEXT.match(body, m.end()):
            continue  # a verb in the name: "Cục Kết cấu hạ tầng xây dựng chủ trì …"
        who = _assignee(body[:m.start()], directed)
        if who:
            return _name(who), body[m.start():].lstrip(" \t,:")
        break
    return None


def _without_related(text: str) -> str:
    return regex.sub(r"(?i:có liên quan|liên quan)", "", text)


def _assignee(text: str, directed: bool = False) -> str | None:
    """`text` as an assignee, or None when it is not one (a clause, a phrase with no body)."""
    who = " ".join(text.split()).strip(" ,:;-–")
    if not who or not (_DIRECTED_START if directed else _BODY_START).match(who) or _NOT_BODY.match(who):
        return None
    if _BARE_HEAD.fullmatch(who) and who not in bodies.ALONE:
        return None  # a head word alone ("Cơ quan", "Bộ phận") names no body; "Các trường" does
    long_list = ";" in who or who.count(",") >= 2
    if len(who.split()) > (60 if long_list else 20) or who.endswith((" của", " và", " với")):
        return None
    if ":" in who and not regex.match(r"(?i:các)[ \t]+\p{L}+(?:[ \t]+\p{L}+){0,2}[ \t]*:", who):
        return None  # "Công ty Điện lực …: Khẩn trương" runs past the name
    if regex.search(r"[.!?/()“”\"]|\d", who) or _NOT_IN_ASSIGNEE.search(_without_related(who)):
        return None
    if regex.search(r"[ \t]của[ \t]", who) and not regex.search(r"(?i:các ban|các cơ quan|các đơn vị)[ \t]của", who):
        return None
    return who


def _name(who: str) -> str:
    """The assignee as written in full: abbreviations expanded, "Các Bộ: A, B" distributed."""
    who = expand(who.strip(" ,:;"))
    shared = regex.match(r"^(?i:các)[ \t]+(?P<head>\p{L}+)[ \t]*:[ \t]*(?P<list>.+)$", who)
    if shared:
        head = shared.group("head")
        head = head[0].upper() + head[1:]
        items = [i.strip() for i in regex.split(r",[ \t]*", shared.group("list")) if i.strip()]
        who = ", ".join(f"{head} {i}" for i in items)
    return who


def _record(doc: Document, task: tuple[str, str], start: int, end: int, source: str | None = None) -> dict:
    who, action = task
    sentence = doc.text[start:end].strip()
    when, cadence = deadline(clean(source or sentence))
    if cadence is None:
        c = _CADENCE.search(clean(source or sentence))
        if c:
            cadence = " ".join((c.group("n") or c.group("w")).lower().split())
    action = regex.sub(r"^[\s\-+•–]+", "", clean(action)).strip(" .;/")
    return {"assignee": who, "action": action, "deadline": when, "cadence": cadence,
            "text": " ".join(regex.sub(r"\*+", "", sentence).split()), "start": start, "end": end, "section": doc.section_at(start)}


# Tables of tasks: a header row naming a task column and a lead-body column.
_TABLE_ROLES = {role: [fold(w) for w in _words(role)] for role in ("table_task", "table_lead", "table_support", "table_time")}


def _column_role(cell: str) -> str | None:
    cell = fold(clean(cell)).strip(" :*")
    best = None
    for role, words in _TABLE_ROLES.items():
        for w in words:
            if cell == w or cell.startswith(w + " ") or cell.startswith(w + ","):
                if best is None or len(w) > best[1]:
                    best = (role, len(w))
    return best[0] if best else None


def _header(grid: list[list[str]]) -> tuple[int, dict[str, int]] | None:
    for r, row in enumerate(grid[:4]):
        roles: dict[str, int] = {}
        for c, cell in enumerate(row):
            role = _column_role(cell)
            if role and role not in roles:
                roles[role] = c
        if "table_task" in roles and "table_lead" in roles:
            return r, roles
    return None


def _from_tables(doc: Document) -> list[dict]:
    out: list[dict] = []
    for table in doc.tables:
        found = _header(table.grid)
        if not found:
            continue
        h, cols = found
        for row in table.grid[h + 1:]:
            cells = [clean(c) for c in row]
            task = cells[cols["table_task"]] if cols["table_task"] < len(cells) else ""
            lead = cells[cols["table_lead"]] if cols["table_lead"] < len(cells) else ""
            if not task or not lead or lead == task or _column_role(lead) or not _BODY_START.match(lead):
                continue  # a group row (its title spans the row) or a row naming no lead body
            when = cadence = None
            if "table_time" in cols and cols["table_time"] < len(cells):
                time = cells[cols["table_time"]]
                if time != task:
                    when = cell_deadline(time)
                    c = regex.search(r"(?i:thường xuyên|" + _alt(_words("cadence")) + r")", time)
                    cadence = " ".join(c.group(0).lower().split()) if c else None
            start, end = _locate(doc, table, row[cols["table_task"]])
            out.append({"assignee": _name(lead), "action": regex.sub(r"^[\s\-+•–]+", "", task).strip(" .;"),
                        "deadline": when, "cadence": cadence, "text": doc.text[start:end].strip() or task,
                        "start": start, "end": end, "section": doc.section_at(start)})
    return out


def _locate(doc: Document, table, cell: str) -> tuple[int, int]:
    """Where a cell's text sits in the document (the table's span where it cannot be found)."""
    cell = cell.strip()
    at = doc.text.find(cell, table.start, table.end) if cell else -1
    if at < 0:
        return table.start, table.end
    return at, at + len(cell)
