"""Word-segmented text from NLP corpora ("Cần_Thơ là thành_phố trực_thuộc Trung_ương , …"),
turned back into ordinary text before a reader lays it out, so every offset points into the
text an extractor sees.

Whether a text is segmented is one decision for the whole document, from the share of words
joined by `_` and of punctuation set apart by spaces: a form's blank line (`______`) or one
`snake_case` word never turns it on.
"""
from __future__ import annotations

import regex

_JOINED = regex.compile(r"[\p{L}\p{N}]_[\p{L}\p{N}]")
_TOKEN = regex.compile(r"\S+")
_SPACED_PUNCT = regex.compile(r"(?<=\S) [,.;:!?](?= |$)", regex.M)
_PUNCT = regex.compile(r"[,.;:!?](?= |$)", regex.M)

_UNDERSCORE = regex.compile(r"(?<=[\p{L}\p{N}])_(?=[\p{L}\p{N}])")
_BEFORE_CLOSING = regex.compile(r"[ \t]+(?=[,.;:!?)\]}%…”’]|‰)")
_AFTER_OPENING = regex.compile(r"(?<=[(\[{“‘])[ \t]+")
_SLASH = regex.compile(r"(?<=\S)[ \t]+/[ \t]+(?=\S)|(?<=\S)[ \t]+/(?=\S)|(?<=\S)/[ \t]+(?=\S)")
_STRAIGHT_QUOTE = regex.compile(r'"')
_BARE_ITEM = regex.compile(r"^[ \t]*(?:\d{1,2}(?:\.\d{1,2})*|[IVXL]{1,5}|[a-zđA-Z])[ \t]*[.)][ \t]*$")

MIN_JOINED_SHARE = 0.04  # of all words; running text segmented by a tool joins 15-30 % of them
MIN_SPACED_SHARE = 0.6  # of the commas, stops … followed by a space


def is_segmented(text: str) -> bool:
    sample = text[:200_000]
    words = sum(1 for _ in _TOKEN.finditer(sample))
    if words < 20:
        return False
    joined = sum(1 for _ in _JOINED.finditer(sample))
    punct = sum(1 for _ in _PUNCT.finditer(sample))
    spaced = sum(1 for _ in _SPACED_PUNCT.finditer(sample))
    if joined < MIN_JOINED_SHARE * words:
        return False
    return punct == 0 or spaced >= MIN_SPACED_SHARE * punct


def desegment(text: str) -> str:
    """Ordinary text: words joined by spaces, punctuation against its word, symbols whole
    (`26-NQ / TW` -> `26-NQ/TW`), a bare item number ("1 .") put back before its line.
    A corpus puts one sentence or title a line, so each line stays a paragraph of its own."""
    out: list[str] = []
    for line in text.split("\n"):
        line = _UNDERSCORE.sub(" ", line)
        line = _quotes(line)
        line = _SLASH.sub("/", line)
        line = _BEFORE_CLOSING.sub("", line)
        line = _AFTER_OPENING.sub("", line)
        line = regex.sub(r"[ \t]{2,}", " ", line).strip()
        if out and _BARE_ITEM.match(out[-1]) and line:
            out[-1] = out[-1].strip() + " " + line
        else:
            out.append(line)
    return "\n\n".join(line for line in out if line)


def _quotes(line: str) -> str:
    """Straight quotes taken in pairs: the opening one against the word after it, the
    closing one against the word before."""
    parts = _STRAIGHT_QUOTE.split(line)
    if len(parts) < 3:
        return line
    result = parts[0]
    for k, part in enumerate(parts[1:]):
        if k % 2 == 0:  # after an opening quote
            result = result + '"' + part.lstrip(" \t") if k + 2 < len(parts) else result + '"' + part
        else:
            result = result.rstrip(" \t") + '"' + part
    return result
