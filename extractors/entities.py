"""Named people, bodies and places (SPEC.md, 'entity') as a spaCy component.

`vnkb_entities` is registered with spaCy (the `spacy_factories` entry point), so a user can add
it to any pipeline, and a pipeline saved to disk loads wherever vnkb is installed:

    >>> import spacy, extractors.entities  # doctest: +SKIP
    >>> nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "vnkb.WordTokenizer.v1"}}})  # doctest: +SKIP
    >>> nlp.add_pipe("vnkb_entities")  # doctest: +SKIP

It recognises the bodies of the party and the state by their head words, the names the lexicon
knows (data/bodies.tsv: central bodies, ministries and departments by sector, compounds) and
the shape of other names; the provinces and districts before the 2025 merger and the provinces
and communes after it (extractors/places.py), regions and kinds of named place; people by their
titles, "đồng chí", signatures, bylines and family names (data/family_names.tsv). A name runs
across soft line breaks, commas and "và" inside it, never across table cells. Digits, document
symbols and markup are masked first (offsets kept), so "CT/TW" is never a place. Each span keeps
its canonical name (abbreviations expanded, the document's own definitions applied, new-style
tones) in `span._.canonical`. Everything runs in time linear in the text.
"""
from __future__ import annotations

import bisect
from functools import lru_cache

import regex
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from schemas.document import Document
from schemas.text import fold as _fold_text
from schemas.text import new_tones

# the same few thousand words are folded again and again while names are walked
fold = lru_cache(maxsize=1 << 16)(_fold_text)

from . import lexicon
from .bodies import ABBREVIATIONS as BODY_ABBREVIATIONS
from .bodies import ALONE, CENTRAL, HEADS, SECTORS, TITLES, body_pattern, expand
from .citations import TYPE_START as _TYPE_START
from .places import PLACE_KINDS, place_names, province_names

# extractors whose results this one reads through Document.remember
REQUIRES = ("metadata", "citations")


_HEAD = regex.compile(r"(?<![\p{L}])(?:" + "|".join(regex.escape(h) for h in HEADS) + r")(?![\p{L}])")
# the words a name is walked with, from data/name_words.tsv
_NOT_AFTER_HEAD = regex.compile(r"[ ]*(?:" + "|".join(regex.escape(w) for w in lexicon.column("name_words", "word",
                                                                                            kind="not_after_head"))
                                + r")(?![\p{L}])")
_ALONE = ALONE
_STOP_BIGRAMS = {(r["word"], r["next"]) for r in lexicon.rows("name_words") if r["kind"] == "stop_pair"}
_NAME_TAIL = set(lexicon.column("name_words", "word", kind="tail"))
_PAIRS: dict[str, set[str]] = {}
for _row in lexicon.rows("name_words"):
    if _row["kind"] == "pair":
        _PAIRS.setdefault(_row["word"], set()).add(_row["next"])
# Words that end a name even right after a capitalised syllable: verbs and function words.
_STOP_WORDS = set(lexicon.column("name_words", "word", kind="stop"))
_FAMILY = frozenset(lexicon.column("family_names", "family_name"))
_TITLE_WORDS = r"(?:Phó[ \t]+)?(?:" + "|".join(regex.escape(t) for t in TITLES) + r"|Chánh văn phòng)"
_SYLLABLE = r"\p{Lu}\p{Ll}+"
_NAME = r"(?P<name>" + _SYLLABLE + r"(?:[ \t]+" + _SYLLABLE + r"){1,3})"
_COMRADE = regex.compile(r"(?:(?i:đồng chí)|Đ/c|đ/c)[ \t]*:?[ \t]+" + _NAME + r"(?![\p{L}])")
_COMRADES = regex.compile(r"(?i:các đồng chí)[ \t]*:[ \t]*")
# after a title, the name is the first run of capitalised syllables that opens with a family name:
# "Bộ trưởng Bộ Xây dựng Lê Văn Nam" (not "Bộ Xây")
_FAMILY_NAME = (r"(?P<name>(?:" + "|".join(regex.escape(f) for f in sorted(_FAMILY, key=len, reverse=True))
                + r")(?:[ \t]+" + _SYLLABLE + r"){1,3})")
_TITLED = regex.compile(_TITLE_WORDS + r"(?:[ \t]+(?:[\p{Lu}\p{Ll}ĐđỦủ]+)){0,4}?[ \t]+" + _FAMILY_NAME + r"(?![\p{L}])")
_PHOTO = regex.compile(r"(?i:ảnh)[ \t]*:[ \t]*" + _NAME)
_PLACE_PREFIX = regex.compile(r"(?<![\p{L}])(?P<kind>tỉnh|huyện|xã|thị xã|thành phố|phường|thị trấn|quận|Tỉnh|Huyện|"
                              r"Xã|Thị xã|Thành phố|TP\.?)[ \t]+(?P<name>" + _SYLLABLE + r"(?:[ \t]+" + _SYLLABLE
                              + r"){0,3})")
def _either_case(name: str) -> str:
    return "(?i:" + regex.escape(name[0]) + ")" + regex.escape(name[1:]).replace("\\ ", "[ ]+")


_AREAS = [r["name"] for r in lexicon.rows("places_extra") if r["kind"] in ("country", "region", "part")]
_KINDS_OF_PLACE = [r["name"] for r in lexicon.rows("places_extra") if r["kind"] in ("facility", "heritage", "water")]
# the country and its regions (data/places_extra.tsv); a region's first letter in either case
_REGION = regex.compile(r"(?<![\p{L}])(?:" + "|".join(_either_case(n) for n in sorted(_AREAS, key=len, reverse=True))
                        + r")(?![\p{L}])")
# a kind of place and its name: "sân bay Nội Bài", "Đền Bạch Mã", "cửa khẩu quốc tế Mộc Bài"
_KIND_OF_PLACE = regex.compile(r"(?<![\p{L}])(?:" + "|".join(_either_case(n) for n in sorted(_KINDS_OF_PLACE, key=len,
                                                                                               reverse=True))
                               + r")[ ]+\p{Lu}\p{Ll}*(?:[ ]+\p{Lu}\p{Ll}*){0,2}(?![\p{L}])")
_HO_CHI_MINH = regex.compile(r"Hồ Chí Minh(?![\p{L}])")
_MARX_LENIN = regex.compile(r"(?i:chủ nghĩa)[ \t]+(?P<a>Mác)[ \t]*[-–][ \t]*(?P<b>Lênin|Lê-nin|Lê nin)")
# Digits and symbols ("34-CT/TW", "07/4/2014"), never "Đ/c". Possessive and anchored at a word's
# start, so a 20,000-character rule line costs one pass, not one pass per character.
_MASK = regex.compile(r"\[\d{1,3}\]|(?<!\S)[^\s\d\[]*+\d\S*+|(?<![\p{L}])\p{Lu}\p{L}*+/\p{Lu}[\p{L}/\-]*+")
# Markdown emphasis and word-segmentation underscores ("Cần_Thơ") are not part of any name.
_MARKUP = regex.compile(r"[*_`]+")
_LINE_END_IN_NAME = regex.compile(r"[\p{L},][ ]*$")
_LINE_START_IN_NAME = regex.compile(r"[ ]*\p{L}")
_WRAPPED_LINE = 30  # a line this long that stops mid-sentence was wrapped, not ended

if not Span.has_extension("canonical"):
    Span.set_extension("canonical", default=None)
    Span.set_extension("title", default=None)


@Language.factory("vnkb_entities", assigns=["doc.ents", "doc.spans", "span._.canonical", "span._.title"],
                  requires=[], retokenizes=False)
def make_entity_finder(nlp: Language, name: str) -> "EntityFinder":
    """The `vnkb_entities` component (registered for spaCy through the `spacy_factories`
    entry point, so a saved pipeline loads wherever vnkb is installed)."""
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


# A word, or one punctuation mark: so an entity's tokens never carry the comma after it.
_TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}_]++(?:[-/.&'][\p{L}\p{M}\p{N}_]++)*+|[^\s]|[ ]|\s++")


class WordTokenizer:
    """Words and punctuation marks in one linear pass (spaCy's Vietnamese tokenizer without pyvi
    realigns its words with a slice of the text per word, which is quadratic in its length)."""

    def __init__(self, vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        for m in _TOKEN.finditer(text):
            piece = m.group(0)
            if piece == " " and words and not spaces[-1] and not words[-1].isspace():
                spaces[-1] = True
            else:
                words.append(piece)
                spaces.append(False)
        return Doc(self.vocab, words=words, spaces=spaces)

    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> "WordTokenizer":
        return self

    def to_disk(self, path, **kwargs) -> None:
        pass

    def from_disk(self, path, **kwargs) -> "WordTokenizer":
        return self


@spacy.registry.tokenizers("vnkb.WordTokenizer.v1")
def make_word_tokenizer():
    """spaCy's config name for WordTokenizer (`[nlp.tokenizer] @tokenizers = "vnkb.WordTokenizer.v1"`)."""
    def create(nlp: Language) -> WordTokenizer:
        return WordTokenizer(nlp.vocab)
    return create


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """spacy.blank("vi") with the word tokenizer and the vnkb_entities component."""
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "vnkb.WordTokenizer.v1"}}})
    nlp.max_length = 10 ** 8  # no parser or statistical model here: long texts cost no more memory
    nlp.add_pipe("vnkb_entities")
    return nlp


@lru_cache(maxsize=1)
def _places() -> tuple[regex.Pattern, frozenset[str]]:
    names = sorted(place_names(), key=len, reverse=True)
    alternatives = "|".join(regex.sub(r"\\?[ ]\\?-\\?[ ]", r"[ ]*[-–][ ]*", regex.escape(n)) for n in names)
    return (regex.compile(r"(?<![\p{L}])(?:" + alternatives + r")(?![\p{L}])"),
            frozenset(province_names()))


def mask(text: str) -> str:
    """Digits and symbols ("34-CT/TW", "07/4/2014") blanked, offsets kept."""
    return _MASK.sub(lambda m: " " * len(m.group(0)), text)


def prepare(text: str) -> str:
    """The text names are read from, offsets kept: symbols and markup blanked, old-style tones
    rewritten, and the line breaks a name may run across made spaces. A line break between
    two lines of prose is soft; one next to a table row (cells tab-separated), a blank line or
    a list item ("- Bộ Tư pháp;") is a hard limit, so two cells are never one name."""
    text = mask(text)
    text = _MARKUP.sub(lambda m: " " * len(m.group(0)), text)
    toned = new_tones(text)
    if len(toned) == len(text):
        text = toned
    lines = text.split("\n")
    out = []
    i = 0
    while i < len(lines):
        line = lines[i]
        out.append(line)
        if i + 1 == len(lines):
            break
        # a paragraph some exports cut with a blank line mid-sentence ("Đài Tiếng nói Việt\n\nNam")
        blank = lines[i + 1] == "" and i + 2 < len(lines) and len(line) >= _WRAPPED_LINE
        following = lines[i + 2] if blank else lines[i + 1]
        soft = ("\t" not in line and "\t" not in following and _LINE_END_IN_NAME.search(line)
                and _LINE_START_IN_NAME.match(following))
        if blank and soft:
            # across a blank line only mid-name: a lower-case word follows ("thành\n\nphố Hà Nội"),
            # or the line stops on a capitalised word that the next one continues ("Việt\n\nNam")
            last, first = line.split()[-1], following.split()[0]
            soft = first[:1].islower() or (last[:1].isupper() and not last.isupper() and not first.isupper())
        if blank and soft:
            out.append("  ")
            i += 2
            continue
        out.append(" " if soft and lines[i + 1] != "" else "\n")
        i += 1
    return "".join(out)


def find(text: str) -> list[tuple[int, int, str, str, str | None]]:
    """(start, end, label, canonical name, title) of every mention, nested ones included."""
    text = prepare(text)
    found: list[tuple[int, int, str, str, str | None]] = []
    found.extend(_people(text))
    people = [(s, e) for s, e, *_ in found]
    aliases, defined = _definitions(text)
    bodies = _bodies(text, _Intervals(people)) + defined
    for s, e, name in bodies:
        found.append((s, e, "ORG", _canonical_body(name, aliases), None))
        # bodies inside a body's name: "Sở Y tế" in "Đảng ủy Sở Y tế", "Tỉnh ủy" in "Ban Thường vụ Tỉnh ủy"
        first_head = _HEAD.match(text, s)
        for inner in _HEAD.finditer(text, first_head.end() if first_head else s + 1, e):
            sub = _walk(text, inner.start(), e)
            if sub and sub[1] <= e and sub[0] != name and (sub[0] != inner.group(0) or sub[0] in _ALONE):
                found.append((inner.start(), sub[1], "ORG", _canonical_body(sub[0], aliases), None))
                prefix = text[s:inner.start()].rstrip(" ,")
                # "Đoàn TNCS Hồ Chí Minh Sở Y tế": the part before ends in a proper name of its own
                if len(prefix.split()) >= 3 and regex.search(r"(?:\p{Lu}\p{Ll}*[ ]+){2}\p{Lu}\p{Ll}*$", prefix):
                    found.append((s, s + len(prefix), "ORG", _canonical_body(prefix, aliases), None))
    found.extend(_shared_heads(text))
    found.extend(_letterhead(text))
    found.extend(_signature_names(text, found))
    # "Đoàn Kiểm tra" is a body, not a person of the family Đoàn
    org_starts = {s for s, e, label, *_ in found if label == "ORG"}
    found = [f for f in found if not (f[2] == "PER" and f[0] in org_starts)]
    found.extend(_locations(text, found))
    unique = {(s, e, label): (s, e, label, name, title) for s, e, label, name, title in reversed(found)}
    return sorted(unique.values(), key=lambda f: (f[0], -f[1]))


# Word pairs that belong together inside a body's name: every pair of neighbouring words in the
# lexicon's names ("Khoa học", "Nội vụ", "Quốc phòng") and the compounds of data/bodies.tsv.
@lru_cache(maxsize=None)
def _compounds(with_heads: bool = True) -> dict[str, frozenset[str]]:
    pairs: dict[str, set[str]] = {}
    names = list(CENTRAL) + list(SECTORS) + list(lexicon.column("bodies", "name", kind="compound"))
    names += list(HEADS) if with_heads else []  # "Tỉnh ủy", but never "ủy ban" after it
    for name in names:
        words = [fold(w) for w in regex.findall(r"\p{L}+", name)]
        words = [w for w in words if w != "và"]  # "thuốc, mỹ phẩm và thực phẩm": phẩm -> thực
        for first, second in zip(words, words[1:]):
            pairs.setdefault(first, set()).add(second)
    if not with_heads:  # "Tỉnh ủy ban hành": a head's own words never run on a name
        for head in HEADS:
            words = [fold(w) for w in head.split()]
            for first, second in zip(words, words[1:]):
                pairs.get(first, set()).discard(second)
    return {k: frozenset(v) for k, v in pairs.items()}


_LEVEL_WORDS_ONE = {"tỉnh", "thành", "huyện", "quận", "thị", "xã", "phường"}
_PLACE_KIND = r"(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|Tỉnh|Thành phố|TP\.?)"


@lru_cache(maxsize=1)
def _list_pairs() -> frozenset[tuple[str, str]]:
    """(word, word) around each comma or "và" inside the lexicon's names: a name goes on across
    those, and no others ("thuốc, mỹ phẩm", "phẩm và thực phẩm")."""
    pairs = set()
    names = list(CENTRAL) + list(SECTORS) + list(lexicon.column("bodies", "name", kind="compound"))
    for name in names:
        for m in _LIST_JOINT_IN_NAME.finditer(name):
            pairs.add((fold(m.group(1)), fold(m.group(2))))
    return frozenset(pairs)


_LIST_JOINT_IN_NAME = regex.compile(r"(\p{L}+)(?:,[ ]+|[ ]+và[ ]+)(?=(\p{L}+))")
_AFTER_LIST_JOINT = regex.compile(r"(?:,[ ]+|[ ]+và[ ]+)(\p{L}+)")


def _word_after_list_joint(text: str, pos: int) -> str:
    m = _AFTER_LIST_JOINT.match(text, pos, pos + 40)
    return fold(m.group(1)) if m else ""


@lru_cache(maxsize=1)
def _name_endings() -> frozenset[str]:
    """Words the lexicon's names end with ("vật" of "Cục Bảo vệ thực vật")."""
    names = list(CENTRAL) + list(SECTORS) + list(lexicon.column("bodies", "name", kind="compound"))
    return frozenset(fold(name.split()[-1]) for name in names)


_ADDRESS_NUMBER = regex.compile(r"[ ]+(?:\p{Lu}|[ ]{2,})")  # a capital or a masked number
_PLACE_KIND_AFTER = regex.compile(r"[ ]+(?:" + _PLACE_KIND + r"[ ]+)?")
_NEXT_WORDS = regex.compile(r"[ ]*(?:(\p{L}+)(?:[ ]+(\p{L}+))?|.|$)", flags=regex.S)
_JOINT_AND_WORD = regex.compile(r"([ ]+và[ ]+|[ ]*[-–][ ]*|[ ]*,[ ]+|[ ]+)([\p{L}]+)")
_FOLLOWING_WORD = regex.compile(r"[ ]+([\p{L}]+)")


def _place_after(text: str, end: int) -> int | None:
    """End of a place that qualifies a body right after `end` ("Sở Y tế tỉnh Nghệ An")."""
    pattern, _ = _places()
    m = _PLACE_KIND_AFTER.match(text[end:end + 20])
    if not m:
        return None
    place = pattern.match(text, end + m.end())
    return place.end() if place else None


def _name_goes_on(text: str, pos: int) -> bool:
    """Whether a name continues after `pos`: the text ends, punctuation or a line break comes,
    or the next word is capitalised or one a name goes on with ("tỉnh", "nhân dân")."""
    m = _NEXT_WORDS.match(text[pos:pos + 40])
    if not m.group(1):
        return True
    word = m.group(1)
    if word == "và" and m.group(2) and m.group(2)[:1].isupper():
        return True  # "Trung tâm Pháp y và Giám định y khoa"
    if word[:1].isupper():
        return True
    lowered, nxt = fold(word), fold(m.group(2) or "")
    return lowered in _NAME_TAIL or nxt in _PAIRS.get(lowered, ()) or nxt in _compounds().get(lowered, ())


# the longest walked names ("Trung tâm Kiểm nghiệm thuốc, mỹ phẩm và thực phẩm tỉnh …") run to
# about fifteen words; the cap keeps a page of capitalised words from costing its square
_MAX_NAME_WORDS = 30


def _walk(text: str, pos: int, limit: int | None = None, barriers: "_Intervals | None" = None) -> tuple[str, int] | None:
    """The body name that starts with a head word at `pos`: a name of the lexicon (a central
    body, a ministry or department by its sector) with the place after it, or capitalised
    syllables, each maybe followed by a lower-case syllable of its compound ("Chính trị",
    "Y tế"), and the lower-case tails of body names ("nhân dân tỉnh", "đa khoa")."""
    head = _HEAD.match(text, pos)
    if not head or _NOT_AFTER_HEAD.match(text, head.end()):
        return None
    known = body_pattern().match(text, pos)
    if known and (not limit or known.end() <= limit):
        end = _place_after(text, known.end())
        if end and (not limit or end <= limit) and not (barriers and barriers.overlaps(pos, end)):
            return text[pos:end], end
        return known.group(0), known.end()
    end = head.end()
    lower_run = 1 if head.group(0)[-1:].islower() else 0  # "Đảng ủy" already ends in its compound syllable
    expect: set[str] = set()
    compounds = _compounds()
    if head.group(0) in ("Chính phủ", "Quốc hội"):
        return head.group(0), head.end()  # complete names: what follows is not part of them
    ministry = head.group(0) in ("Bộ", "Sở", "Phòng")  # "Sở Kế hoạch và Đầu tư", "Bộ Văn hóa, Thể thao …"
    previous = fold(head.group(0).split()[-1])
    short = _SYMBOLIC_ABBREVIATION.match(text, end)
    if short and (not limit or short.end() <= limit):
        # "Sở GD&ĐT", "Sở VH,TT&DL": an abbreviated sector with "&" or "," in it is one word
        end, lower_run, previous = short.end(), 0, fold(short.group(1)[-1])
    for _ in range(_MAX_NAME_WORDS):  # a longer run of capitals is a heading or a list, not a name
        m = _JOINT_AND_WORD.match(text[end:end + 40])
        if not m or (limit and end + m.end() > limit):
            break
        joint, word = m.group(1).strip(), m.group(2)
        start_of_word = end + m.start(2)
        if barriers and barriers(start_of_word):
            break  # a person's name follows the body: "Chủ tịch UBND tỉnh Nguyễn Văn Sơn"
        capital = word[:1].isupper()
        if joint in (",", "và") and not (ministry and capital and end > head.end()
                                         and not _HEAD.match(text, start_of_word)
                                         and not _TITLE_AHEAD.match(text, start_of_word)):
            if (previous, fold(word)) not in _list_pairs():
                break  # "Bộ Văn hóa, Thể thao và Du lịch" goes on; "Tỉnh ủy, HĐND" is two bodies
            # a list inside a known kind of name: "Trung tâm Kiểm nghiệm thuốc, mỹ phẩm và thực phẩm"
            lower_run, previous = 0, fold(word)
            end += m.end()
            continue
        if joint in ("-", "–") and (not capital or _HEAD.fullmatch(word)):
            break
        lowered = fold(word)
        if lowered == "số" and _ADDRESS_NUMBER.match(text, end + m.end()):
            break  # "… Phố cổ Hà Nội số 50 Đào Duy Từ": an address follows
        if joint == "" and lowered in _LEVEL_WORDS_ONE:
            place_end = _place_after(text, end)
            if place_end and (not limit or place_end <= limit) and not (
                    barriers and barriers.overlaps(start_of_word, place_end)):
                end = place_end  # "Ủy ban nhân dân tỉnh Thanh Hóa": the place ends the name
                break
        following = _FOLLOWING_WORD.match(text[end + m.end():end + m.end() + 20])
        nxt = fold(following.group(1)) if following else ""
        ends_here = text[end + m.end():end + m.end() + 1] == ":"
        if capital and _HEAD.match(text, start_of_word):
            inner = body_pattern().match(text, start_of_word)
            if inner and (not limit or inner.end() <= limit) and not (barriers and barriers.overlaps(start_of_word, inner.end())):
                # "Văn phòng Ban Chỉ đạo phòng thủ dân sự quốc gia": the known name, its place, and no more
                end = inner.end()
                place_end = _place_after(text, end)
                if place_end and (not limit or place_end <= limit) and not (barriers and barriers.overlaps(end, place_end)):
                    end = place_end
                break
        if capital:
            ministry = ministry or word in ("Bộ", "Sở", "Phòng")
            if not joint and _TYPE_START.match(text, start_of_word) and not regex.match(
                    r"Kế hoạch(?: hóa| hoá| và|[ ]*[-–,][ ]*\p{Lu})", text[start_of_word:start_of_word + 16]):
                break  # "HĐND tỉnh Quy định …": a document's name begins ("Vụ Kế hoạch - Tài chính" does not)
            lower_run, expect = 0, set(compounds.get(lowered, ())) | _PAIRS.get(lowered, set())
        elif lowered in expect:
            expect = _PAIRS.get(lowered, set()) if nxt in _PAIRS.get(lowered, ()) else set()
            lower_run += 1
        elif lowered in _PAIRS and (nxt in _PAIRS[lowered] or ends_here):
            # "nhân dân", "bệnh tật", "thực phẩm", "cơ quan", "hóa gia đình"
            expect = _PAIRS[lowered]
            lower_run += 1
        elif lowered in _compounds(False).get(previous, ()) and lower_run < 4 and (
                nxt in _compounds(False).get(lowered, ()) or lowered in _name_endings()
                or (lowered, _word_after_list_joint(text, end + m.end())) in _list_pairs()):
            lower_run += 1  # "Cục Bảo vệ thực vật", "Hội Cựu chiến binh"
            expect = set()
        elif lowered == "các" and following and following.group(1) == "Cơ":
            lower_run += 1  # "Đảng ủy Khối các Cơ quan tỉnh"
        elif lowered in _STOP_WORDS or (lowered, nxt) in _STOP_BIGRAMS:
            break
        elif lowered in _NAME_TAIL or (lowered == "đảng" and following and (
                following.group(1)[:1].isupper() or nxt in ("ủy", "uỷ", "bộ"))):
            lower_run += 1
            expect = set()
        elif lower_run == 0 and not joint and head.group(0) in _DEPARTMENT_HEADS and _LOWER_RUN_TO_END.match(
                text, start_of_word) and not any(
                fold(w) in _STOP_WORDS for w in _LOWER_RUN_TO_END.match(text, start_of_word).group(0).split()):
            # "Cục Xuất nhập khẩu;", "Cục Di sản văn hóa,": a name of a capital and a few lower-case
            # syllables that the list item or clause closes right after
            end = start_of_word + len(_LOWER_RUN_TO_END.match(text, start_of_word).group(0).rstrip())
            break
        elif lower_run == 0 and _name_goes_on(text, end + m.end()):
            # one lower-case syllable after a capitalised one, where the name clearly goes on after it
            lower_run += 1
            expect = set()
        else:
            break
        previous = lowered
        end += m.end()
    name = text[pos:end].strip()
    last = fold(name.split()[-1]) if name else ""
    completes = _FOLLOWING_WORD.match(text, pos + len(name), pos + len(name) + 20)
    if (completes and last not in _name_endings() and fold(completes.group(1)) in _compounds(False).get(last, ())
            and (not limit or completes.end() <= limit) and not (barriers and barriers(completes.start(1)))):
        name = text[pos:completes.end()]  # never cut inside a compound: "Ban quản lý", not "Ban quản"
    while name and fold(name.split()[-1]) in ("và", "các"):
        name = name.rsplit(" ", 1)[0]
    return (name, pos + len(name)) if name else None


# "Phó Thủ tướng Thường trực", "Phó Chủ tịch Thường trực UBND tỉnh": "Thường trực" qualifies the title
# two or three lower-case syllables up to a list item's or clause's end: ";", "(", a line's end
_LOWER_RUN_TO_END = regex.compile(r"\p{Ll}+(?:[ ]\p{Ll}+){1,2}(?=[ ]*(?:[;(]|,[ ]|\n|$))")


_SYMBOLIC_ABBREVIATION = regex.compile(r"[ ]+(" + "|".join(regex.escape(a) for a in sorted(
    (a for a in BODY_ABBREVIATIONS if regex.search(r"[^\p{L}]", a)), key=len, reverse=True)) + r")(?![\p{L}&])")
# a ministry's departments, named by their field in a capital and lower-case syllables
_DEPARTMENT_HEADS = frozenset(("Cục", "Tổng cục", "Chi cục", "Vụ"))
_TITLE_BEFORE = regex.compile(r"(?:" + _TITLE_WORDS + r"|Trưởng [Bb]an|Phó)[ ]+$")
# "Chánh Văn phòng Bộ, Vụ trưởng Vụ …": after a comma a title opens the next item, not the name
_TITLE_AHEAD = regex.compile(r"(?:Phó[ ]+)?(?:" + "|".join(regex.escape(t) for t in TITLES) + r")(?![\p{L}])")


# "Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương": every such body, not one
_GENERIC_LEVELS = regex.compile(r"(?<=(?:tỉnh|huyện|xã))[ ]*,[ ]*(?:thành phố|thị xã|quận|phường|thị trấn)(?![ ]+\p{Lu})")


# a commune's or ward's name after its kind: "xã Vĩnh Hội Đông", "xã Đoàn Kết" hold head words of no body
_COMMUNE_NAME = regex.compile(r"(?<![\p{L}])(?:xã|phường|thị trấn)[ ]+(?P<name>" + _SYLLABLE + r"(?:[ ]+" + _SYLLABLE
                              + r"){1,3})(?![\p{L}])")


def _bodies(text: str, barriers) -> list[tuple[int, int, str]]:
    out = []
    pos = 0
    communes = _Intervals([m.span("name") for m in _COMMUNE_NAME.finditer(text)])
    while True:
        head = _HEAD.search(text, pos)
        if not head:
            break
        if communes(head.start()):
            pos = head.end()
            continue
        if head.group(0) == "Thường trực" and _TITLE_BEFORE.search(text, max(0, head.start() - 20), head.start()):
            pos = head.end()  # "Phó Chủ tịch Thường trực UBND tỉnh": part of a title
            continue
        walked = _walk(text, head.start(), barriers=barriers)
        if walked:
            name, end = walked
            # a head word alone ("Đảng ủy", "Chi bộ") names no one body, except those that do
            generic = _GENERIC_LEVELS.match(text, end)
            joined = _ABBREVIATED.match(text, head.end())
            if joined and joined.group("b") and end < joined.end() and _expand_initials(head.group(0), joined):
                end = joined.end()  # "Cục KTVB và QLXLVPHC" is one body, not "Cục KTVB" and a second
                name = text[head.start():end]
            if (name != head.group(0) or name in _ALONE) and not generic:
                out.append((head.start(), end, name))
                pos = end
                continue
        pos = head.end()
    return out


_ABBREVIATION_DEFINED = regex.compile(r"[ ]*\([ ]*(?P<short>[\p{Lu}Đ][\p{Lu}Đ&\-]{1,9})[ ]*\)")
_SHORT_NAME_DEFINED = regex.compile(r"[ ]*\([ ]*(?:sau đây |dưới đây )?(?:được )?(?:gọi tắt là|viết tắt là|gọi là)[ ]+"
                                    r"(?P<short>[^()\n;]{2,80}?)[ ]*\)")


def _definitions(text: str) -> tuple[dict[str, str], list[tuple[int, int, str]]]:
    """Abbreviations and short names a document defines for itself: "Khu kinh tế (KKT)",
    "Ban Chỉ đạo Nhà nước các công trình … (sau đây gọi tắt là Ban Chỉ đạo)". The full name is
    the words before the parenthesis whose initials spell the abbreviation, or the text from the
    last place the short name stands before the parenthesis. Returns short -> full, and the
    full names that start with a head word as bodies."""
    aliases: dict[str, str] = {}
    bodies: list[tuple[int, int, str]] = []
    for m in _ABBREVIATION_DEFINED.finditer(text):
        short = m.group("short")
        letters = [c for c in short if c.isalpha()]
        words = list(regex.finditer(r"\p{L}+", text[max(0, m.start() - 120):m.start()]))
        if len(words) < len(letters) or short in ABBREVIATIONS:
            continue
        chosen = words[len(words) - len(letters):]
        if all(fold(w.group(0))[0] == fold(c) for w, c in zip(chosen, letters)) and len(letters) >= 2:
            start = max(0, m.start() - 120) + chosen[0].start()
            if "\n" in text[start:m.start()]:
                continue
            aliases[short] = " ".join(text[start:m.start()].split())
    for m in _SHORT_NAME_DEFINED.finditer(text):
        short = " ".join(m.group("short").split())
        window_start = max(0, m.start() - 400)
        sentence = text[window_start:m.start()]
        cut = max(sentence.rfind(c) for c in ".;:\n")
        first = sentence.rfind(short, cut + 1)
        if first < 0 or len(short) < 4:
            continue
        start = window_start + first
        full = " ".join(text[start:m.start()].split())
        if full != short:
            aliases[short] = full
            if _HEAD.match(text, start):
                bodies.append((start, m.start(), full))
    return aliases, bodies


ABBREVIATIONS = lexicon.mapping("abbreviations", "abbreviation", "expansion")


@lru_cache(maxsize=1)
def _by_initials() -> dict[tuple[str, str], str]:
    """(head, initials) -> name, for the lexicon's names: "Sở GDĐT" is "Sở Giáo dục và Đào tạo",
    "Cục KSTTHC" is "Cục Kiểm soát thủ tục hành chính"."""
    out = {}
    names = list(CENTRAL) + [f"{head} {sector}" for head in ("Bộ", "Sở", "Phòng") for sector in SECTORS]
    for name in names:
        head = _HEAD.match(name)
        if not head:
            continue
        words = [w for w in regex.findall(r"\p{L}+", name[head.end():]) if w != "và"]
        if len(words) >= 2:
            initials = "".join(w[0] for w in words).upper()
            out.setdefault((head.group(0), initials), name)
            # the same function at another level: "Phòng KSTTHC" of a province is the
            # "Phòng Kiểm soát thủ tục hành chính" that "Cục KSTTHC" names at the centre
            out.setdefault((None, initials), name[head.end():].strip())
    return out


# "Cục KTVB và QLXLVPHC": an abbreviated name written as two abbreviations joined by "và"
_ABBREVIATED = regex.compile(r"[ ]+(?P<a>[\p{Lu}Đ]{2,})(?:(?:[ ]+và[ ]+|[ ]*&[ ]*)(?P<b>[\p{Lu}Đ]{2,}))?(?![\p{L}&])")


def _expand_initials(head: str, abbreviation: regex.Match) -> str | None:
    initials = abbreviation.group("a") + (abbreviation.group("b") or "")
    full = _by_initials().get((head, initials))
    if full:
        return full
    rest = _by_initials().get((None, initials))
    return f"{head} {rest}" if rest and head in _HEADS_BY_INITIALS else None


# heads that name a unit by its function at any level (a Cục at the centre, a Phòng in a province)
_HEADS_BY_INITIALS = frozenset(("Cục", "Chi cục", "Phòng", "Vụ", "Ban", "Trung tâm"))


def _canonical_body(name: str, aliases: dict[str, str] | None = None) -> str:
    name = " ".join(name.split())
    head = _HEAD.match(name)
    if head:
        abbreviation = _ABBREVIATED.match(name, head.end())
        full = abbreviation and _expand_initials(head.group(0), abbreviation)
        if full and (not aliases or abbreviation.group("a") not in aliases):
            name = full + name[abbreviation.end():]
    if aliases:
        if name in aliases:
            name = aliases[name]
        name = regex.sub(r"(?<![\p{L}])[\p{Lu}Đ][\p{Lu}Đ&\-]+(?![\p{L}])", lambda m: aliases.get(m.group(0), m.group(0)), name)
    name = regex.sub(r"[ \t]*([-–])[ \t]*", r" \1 ", expand(name))
    return regex.sub(r"\s+", " ", name).strip(" ,.;:")


# "các Bộ: Quốc phòng, Công an và Y tế": one body per sector the shared head word governs
@lru_cache(maxsize=1)
def _shared_head_pattern() -> regex.Pattern:
    sector = "(?:" + "|".join(regex.escape(s) for s in SECTORS) + ")"
    return regex.compile(r"(?<![\p{L}])(?:các|Các|hai|ba)[ ]+(?P<head>Bộ|Sở|Phòng)(?:[ ]*,[ ]*(?:ngành|cơ quan)"
                         r"(?:[ ]+(?:liên quan|Trung ương))?|[ ]*,[ ]*[^:;.\n\t]{0,60}(?=:))?[ ]*:?[ ]+(?P<list>" + sector + r"(?:(?:[ ]*,[ ]*|[ ]+và[ ]+)"
                         + sector + r")*)(?![\p{L}])")


_SHARED_HEADS = regex.compile(r"(?<![\p{L}])(?:các|Các)[ ]+(?P<heads>(?:" + "|".join(regex.escape(h) for h in HEADS)
                              + r")(?:[ ]*,[ ]*(?:" + "|".join(regex.escape(h) for h in HEADS) + r"))*)[ ]*:[ ]*"
                              r"(?P<list>[^.;:\n\t]{1,400})")
_LIST_ITEM = regex.compile(r"[^,()]+?(?=[ ]*(?:\([^()]*\))?[ ]*(?:,|[ ]và[ ]|$))")


def _shared_known_heads(text: str) -> list[tuple[int, int, str, str, str | None]]:
    """"các Tập đoàn, Tổng công ty: Điện lực Việt Nam (EVN), Cảng hàng không Việt Nam": each item
    that one of the shared head words makes a name the lexicon knows."""
    out = []
    known = _proper_names()
    for m in _SHARED_HEADS.finditer(text):
        heads = [h.strip() for h in m.group("heads").split(",")]
        for item in _LIST_ITEM.finditer(text, m.start("list"), m.end("list")):
            words = item.group(0).strip()
            if words.startswith("và "):
                words = words[3:]
            start = item.start() + item.group(0).index(words)
            for head in heads:
                name = known.get(fold(f"{head} {words}"))
                if name:
                    out.append((start, start + len(words), "ORG", name, None))
                    break
    return out


def _shared_heads(text: str) -> list[tuple[int, int, str, str, str | None]]:
    out = _shared_known_heads(text)
    sector = regex.compile("|".join(regex.escape(s) for s in SECTORS))
    for m in _shared_head_pattern().finditer(text):
        head = m.group("head")
        for part in sector.finditer(text, m.start("list"), m.end("list")):
            out.append((part.start(), part.end(), "ORG", _canonical_body(head + " " + part.group(0)), None))
    return out


def _people(text: str) -> list[tuple[int, int, str, str, str | None]]:
    out = []
    seen: set[int] = set()
    # "Bộ trưởng Bộ Công Thương": a family name inside a body's known name starts no person
    known_bodies = _Intervals([b.span() for b in body_pattern().finditer(text)])

    def add(m: regex.Match, title: str | None, group: str = "name") -> None:
        name = m.group(group)
        words = name.split()
        while len(words) > 1 and fold(words[-1]) in ("phó", "bí", "chủ", "giám", "ủy", "uỷ", "tỉnh"):
            words.pop()
        name = " ".join(words)
        start = m.start(group)
        if (start in seen or len(words) < 2 or words[0] not in _FAMILY or name in place_names()
                or known_bodies(start)):
            return
        after = _FOLLOWING_WORD.match(text, start + len(name), start + len(name) + 20)
        if after and after.group(1).islower() and fold(after.group(1)) in _compounds().get(fold(words[-1]), ()):
            return  # "các Đoàn Kiểm tra": the words run on as a body's name, not a person's
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
    # a comma inside a body's name ("Ban Chính sách, chiến lược Trung ương") does not end a title
    listed = body_pattern().sub(lambda b: b.group(0).replace(",", "\x00"), m.group("t"))
    for part in (p.replace("\x00", ",") for p in regex.split(r"[ \t]*,[ \t]*", listed)):
        if regex.match(_TITLE_WORDS, part):
            cut = regex.search(r"[ \t](?:chủ trì|kết luận|báo cáo|đã|cùng|phát biểu|dự|tại|và)(?![\p{L}])", part)
            titles.append(part[:cut.start()] if cut else part)
            if cut:
                break
        else:
            break
    return ", ".join(t.strip(" .") for t in titles) or None


@lru_cache(maxsize=1)
def _proper_names() -> dict[str, str]:
    """fold(name) -> the name as written in running text, for bodies and places a letterhead
    spells in capitals ("ỦY BAN NHÂN DÂN" -> "Ủy ban nhân dân")."""
    names = {fold(n): n for n in CENTRAL}
    names.update({fold(f"{head} {sector}"): f"{head} {sector}" for head in ("Bộ", "Sở") for sector in SECTORS})
    return names


@lru_cache(maxsize=1)
def _proper_places() -> dict[str, str]:
    return {fold(n): n for n in place_names()}


_LOCAL_BODY = regex.compile(r"^(?P<head>ủy ban nhân dân|hội đồng nhân dân|tỉnh ủy|thành ủy|huyện ủy|quận ủy|thị ủy|đảng ủy)"
                            r"(?: (?P<level>tỉnh|thành phố|huyện|quận|thị xã|xã|phường|đặc khu))? (?P<place>.+)$")
_UPPER_LINE = regex.compile(r"^[ ]*[\p{Lu}][\p{Lu}\p{M} ,\-–]*$")


def _letterhead(text: str) -> list[tuple[int, int, str, str, str | None]]:
    """The issuing body a letterhead names in capitals before the national motto
    ("ỦY BAN NHÂN DÂN / TỈNH QUẢNG NGÃI"), in the spelling of running text."""
    motto = _MOTTO.search(text, 0, 4000)
    if not motto:
        return []
    lines = []
    pos = motto.start()
    for line in reversed(list(regex.finditer(r"[^\n]*", text[:motto.start()]))):
        if not line.group(0).strip():
            continue
        if not _UPPER_LINE.match(line.group(0)) or len(lines) == 4:
            break
        lines.insert(0, line)
    if not lines:
        return []
    start, end = lines[0].start() + len(lines[0].group(0)) - len(lines[0].group(0).lstrip()), lines[-1].end()
    name = fold(" ".join(l.group(0) for l in lines))
    name = " ".join(name.replace(",", " ").split())
    if name in _proper_names():
        return [(start, end, "ORG", _proper_names()[name], None)]
    m = _LOCAL_BODY.match(name)
    if m and m.group("place") in _proper_places():
        head = expand(m.group("head").capitalize()) if m.group("head").endswith("dân") else m.group("head").capitalize()
        canonical = " ".join(filter(None, (head, m.group("level"), _proper_places()[m.group("place")])))
        return [(start, end, "ORG", canonical, None)]
    return []


_SIGNATURE_NAME = regex.compile(r"(?m)^[ ]*(?P<name>\p{Lu}\p{Ll}+(?:[ ]\p{Lu}\p{Ll}*){1,3})[ ]*$")


def _signature_names(text: str, found) -> list[tuple[int, int, str, str, str | None]]:
    """A name alone on its line under a title in capitals ("PHÓ CHỦ TỊCH" / "Nguyễn Văn An"):
    the signer of the document."""
    out = []
    taken = {s for s, *_ in found}
    for m in _SIGNATURE_NAME.finditer(text):
        name = m.group("name")
        if name.split()[0] not in _FAMILY or name in place_names() or m.start("name") in taken:
            continue
        before = [l for l in text[max(0, m.start() - 200):m.start()].split("\n") if l.strip()]
        if before and _UPPER_LINE.match(before[-1]) and len(before[-1].split()) <= 6:
            out.append((m.start("name"), m.end("name"), "PER", name, " ".join(before[-1].split())))
    return out


_MOTTO = regex.compile(r"(?i:Cộng\s+hòa\s+xã\s+hội\s+chủ\s+nghĩa\s+Việt\s+Nam)(?![\p{L}])")


class _Intervals:
    """Whether an offset falls in any of many (start, end) spans, in log time."""

    def __init__(self, spans) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.reach = []  # the furthest end among the spans up to each one
        furthest = -1
        for _, e in self.spans:
            furthest = max(furthest, e)
            self.reach.append(furthest)

    def __call__(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and self.reach[i] > pos

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end) - 1
        return i >= 0 and self.reach[i] > start


def _locations(text: str, found) -> list[tuple[int, int, str, str, str | None]]:
    pattern, provinces = _places()
    names = place_names()
    people = [(s, e) for s, e, label, *_ in found if label == "PER"]
    out = []
    mottos = []
    for m in _MOTTO.finditer(text):
        # the country in the national motto ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") is a place
        out.append((m.start(), m.end(), "LOC", "Cộng hòa xã hội chủ nghĩa Việt Nam", None))
        mottos.append((m.start(), m.end()))
    for m in _PLACE_PREFIX.finditer(text):
        name = m.group("name")
        kind = fold(m.group("kind"))
        if kind in ("thành phố", "tp", "tp.") and name == "Hồ Chí Minh":
            out.append((m.start(), m.end(), "LOC", "Thành phố Hồ Chí Minh", None))
            continue
        if name in names or kind in ("xã", "phường", "thị trấn", "huyện", "thị xã", "đặc khu"):
            out.append((m.start("name"), m.end("name"), "LOC", _canonical_place(name), None))
    inside = _Intervals(people + mottos)
    for m in pattern.finditer(text):
        if inside(m.start()) or m.group(0) == "Hồ Chí Minh":
            continue
        out.append((m.start(), m.end(), "LOC", _canonical_place(m.group(0)), None))
    regions = _Intervals([m.span() for m in _REGION.finditer(text)])
    for m in _KIND_OF_PLACE.finditer(text):
        if not inside(m.start()) and not regions.overlaps(m.start(), m.end()):
            out.append((m.start(), m.end(), "LOC", " ".join(m.group(0).split()), None))
    for m in _REGION.finditer(text):
        if not any(s <= m.start() < e for s, e in mottos):
            out.append((m.start(), m.end(), "LOC", m.group(0), None))
    return out


def _canonical_place(name: str) -> str:
    """One spelling a place: "Bà Rịa - Vũng Tàu" and "Bà Rịa – Vũng Tàu" are one province."""
    return regex.sub(r"[ ]*([-–])[ ]*", r" \1 ", " ".join(name.split()))


def extract(doc: Document) -> list[dict]:
    # the spans the vnkb_entities component sets, read straight from `find`: building a spaCy
    # Doc of a long decree would cost more than finding its names
    entities: dict[tuple[str, str], dict] = {}
    for start, end, label, canonical, title in find(doc.text):
        key = (label, _key(canonical))
        entity = entities.get(key)
        if entity is None:
            entity = entities[key] = {"label": label, "text": canonical, "title": None, "mentions": []}
        if title and not entity["title"]:
            entity["title"] = title
        entity["mentions"].append({"start": start, "end": end, "text": doc.text[start:end]})
    for person in _signers(doc, entities):
        entities.setdefault(("PER", fold(person["text"])), person)
    _merge_into_fullest(entities)
    _drop_generic(entities)
    return sorted(entities.values(), key=lambda e: e["mentions"][0]["start"] if e["mentions"] else 0)


@lru_cache(maxsize=4096)
def _key(name: str) -> str:
    return fold(name)


_LEVEL_WORDS = ("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường")


def _merge_into_fullest(entities: dict) -> None:
    """A body named with and without its place is one body. A place completes a name that ends
    in its level ("Ủy ban nhân dân tỉnh" + "Quảng Ngãi": the fullest form names it, where the
    document names one such body); it only qualifies a name complete without it ("Sở Y tế
    tỉnh Hà Giang", "Bệnh viện Mắt Hà Tĩnh": the document's own short name stands)."""
    places = {fold(n) for n in place_names()} | {k[1] for k in entities if k[0] == "LOC"}
    orgs = sorted((k for k in entities if k[0] == "ORG"), key=lambda k: len(k[1]))
    for key in orgs:
        short = key[1]
        if key not in entities:
            continue
        fuller = []
        for other in orgs:
            if other == key or not other[1].startswith(short + " ") or other not in entities:
                continue
            rest = other[1][len(short):].strip()
            for level in _LEVEL_WORDS:
                if rest.startswith(level + " ") and not short.endswith(level):
                    rest = rest[len(level) + 1:]
                    break
            if rest in places:
                fuller.append(other)
        if not fuller:
            continue
        if any(short.endswith(" " + level) for level in _LEVEL_WORDS) or _GENERIC.search(entities[key]["text"]):
            if len(fuller) == 1:
                target = entities[fuller[0]]
                target["mentions"] = sorted(target["mentions"] + entities.pop(key)["mentions"], key=lambda x: x["start"])
        else:
            # the name the document uses most; on a tie, its own short name
            best = max(fuller, key=lambda k: len(entities[k]["mentions"]))
            if len(fuller) == 1 and len(entities[best]["mentions"]) > len(entities[key]["mentions"]):
                target = entities[best]
                target["mentions"] = sorted(target["mentions"] + entities.pop(key)["mentions"], key=lambda x: x["start"])
                continue
            for other in fuller:
                entities[key]["mentions"] = sorted(entities[key]["mentions"] + entities.pop(other)["mentions"],
                                                   key=lambda x: x["start"])


_GENERIC = regex.compile(r"^(?:Ủy ban nhân dân|Hội đồng nhân dân)(?:[ ]+(?:các[ ]+)?(?:cấp[ ]+)?(?:xã|phường|huyện|"
                         r"quận|thị trấn|đặc khu))?$|[ ](?:cấp[ ]+(?:tỉnh|huyện|xã)|các[ ]+(?:tỉnh|huyện|xã))$",
                         flags=regex.IGNORECASE)


def _drop_generic(entities: dict) -> None:
    """A class of bodies ("Ủy ban nhân dân xã", "Ủy ban nhân dân các cấp") names no one body."""
    for key in [k for k in entities if k[0] == "ORG" and _GENERIC.search(entities[k]["text"])]:
        del entities[key]


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
