"""Text encodings of Vietnamese archives: UTF-8 and UTF-16, Windows-1258, and the legacy
TCVN3 (ABC, '.VnTime' fonts) and VNI byte encodings, converted to NFC Unicode.

The legacy conversion tables and the content model that tells them apart come from the
viparse package (viparse.normalize); this module decides which applies to a file, or to a
Word run by its font.
"""
from __future__ import annotations

import codecs
import unicodedata

from viparse.normalize.detector import _encoding_for_font, detect_encoding_by_content
from viparse.normalize.encodings import AUTO_DETECT_CHARMAPS, get_charmap
from viparse.normalize.frequency import vietnamese_score
from viparse.normalize.tables import convert

# A decoding is accepted as Vietnamese text above this score of viparse's character model
# (Unicode Vietnamese prose scores about -3.3, English -4.1, mojibake -4.2 and below).
MIN_SCORE = -3.75
_SAMPLE = 20000


class EncodingError(ValueError):
    pass


def decode(data: bytes) -> tuple[str, str]:
    """The text of a file's bytes, NFC, and the name of the encoding it was in."""
    if data.startswith(codecs.BOM_UTF8):
        return _utf8(data[3:], "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16"), "utf-16"
    sample = data[:4000]
    if len(sample) >= 4 and sample.count(b"\x00") > len(sample) // 3:  # UTF-16 with no BOM
        odd_nuls = sample[1::2].count(0)
        codec = "utf-16-le" if odd_nuls > sample[0::2].count(0) else "utf-16-be"
        return _strict(data, codec), codec
    try:
        return _utf8(data, "utf-8")
    except UnicodeDecodeError:
        pass
    nearly = _nearly_utf8(data)
    if nearly:
        return nearly
    return _legacy(data)


def _nearly_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 with a few bad bytes (a last character cut by a truncated copy, a damaged
    sector): read on with U+FFFD in their place, and say so in the encoding's name. A
    legacy 8-bit file has a bad sequence in nearly every line, far above this budget."""
    budget = max(8, len(data) // 100_000)
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd") - data.count("\ufffd".encode())
    if bad > budget:
        return None
    # and UTF-8 it is: its multi-byte letters (ư, ệ, …) decode, far more than the bad ones
    multibyte = len(replaced.encode("utf-8")) - len(replaced) - 2 * replaced.count("\ufffd")
    if multibyte < 8 * bad:
        return None
    text, name = _utf8(replaced, "utf-8")
    return text, f"{name}; {bad} invalid byte sequence{'s' if bad > 1 else ''} replaced"


def _strict(data: bytes, codec: str) -> str:
    try:
        return unicodedata.normalize("NFC", data.decode(codec))
    except UnicodeDecodeError as exc:
        raise EncodingError(f"not valid {codec.upper()} (bad byte at offset {exc.start})") from None


def _utf8(data: bytes | str, name: str) -> tuple[str, str]:
    text = unicodedata.normalize("NFC", data if isinstance(data, str) else data.decode("utf-8"))
    # Unicode text whose letters are TCVN3/VNI font code points ("Uû ban nh©n d©n"), as
    # converters that ignore the font produce
    legacy = legacy_encoding_of(text)
    if legacy:
        return convert(text, get_charmap(legacy)), f"{name}+{legacy}"
    return text, name


# Latin-1 characters Vietnamese never uses but TCVN3 and VNI text is full of: only where they
# occur is the (slower) content model asked which table applies.
_LEGACY_SIGNS = set("¡¢£¤¥¦§¨©ª«¬®µ¶·¸¹»¼½¾ÆÇËÌÎÏÑÖØÜÞßåæçëîïñöøûü")


def legacy_encoding_of(text: str) -> str | None:
    sample = text[:_SAMPLE]
    if sum(1 for c in sample if c in _LEGACY_SIGNS) < max(3, len(sample) // 500):
        return None
    found = detect_encoding_by_content(sample, AUTO_DETECT_CHARMAPS)
    return found.encoding if found.encoding in ("tcvn3", "vni") else None


def _legacy(data: bytes) -> tuple[str, str]:
    """Bytes that are not UTF-8: Windows-1258, or TCVN3/VNI read as Latin-1 code points."""
    candidates: list[tuple[float, str, str]] = []
    try:
        text = unicodedata.normalize("NFC", data.decode("cp1258"))
        candidates.append((vietnamese_score(text[:_SAMPLE]), text, "windows-1258"))
    except UnicodeDecodeError:
        pass
    surface = data.decode("latin-1")
    legacy = legacy_encoding_of(surface)
    if legacy:
        text = convert(surface, get_charmap(legacy))
        candidates.append((vietnamese_score(text[:_SAMPLE]), text, legacy))
    if not candidates:
        raise EncodingError("unknown text encoding: not UTF-8, UTF-16, Windows-1258, TCVN3 or VNI")
    score, text, name = max(candidates)
    if score < MIN_SCORE:
        raise EncodingError("unknown text encoding: not UTF-8, UTF-16, Windows-1258, TCVN3 or VNI "
                            "Vietnamese text")
    return text, name


def font_encoding(font: str | None) -> str | None:
    """'tcvn3' for '.VnTime'/'.VnTimeH', 'vni' for 'VNI-Times', None for Unicode fonts."""
    return _encoding_for_font(font) if font else None


def convert_run(text: str, font: str | None) -> str:
    """A Word run's text in its legacy font, as Unicode ('.VnTimeH' draws capitals)."""
    legacy = font_encoding(font)
    if not legacy:
        return text
    converted = convert(text, get_charmap(legacy))
    return converted.upper() if font.rstrip().endswith("H") and legacy == "tcvn3" else converted
