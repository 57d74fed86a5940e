"""Legacy encodings: files in TCVN3, VNI, Windows-1258 and UTF-16, and Word runs set in
legacy fonts, all read as NFC Unicode."""
import unicodedata

import docx
import pytest

from make_docx_samples import save
from pipeline.encodings import convert_run
from pipeline.readers import ReadError, read

# The lower-case letters of TCVN 5712:1993 (TCVN3, the 'ABC' .VnTime fonts), byte -> letter.
TCVN3 = {
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ", 0xA7: "Đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}
# VNI-Windows writes a toned vowel as a base letter followed by mark characters.
VNI = {"aø": "à", "aù": "á", "aû": "ả", "aõ": "ã", "aï": "ạ", "aâ": "â", "aê": "ă", "eâ": "ê", "oâ": "ô",
       "ô": "ơ", "ö": "ư", "ñ": "đ", "Ñ": "Đ", "eä": "ệ", "oä": "ộ", "uû": "ủ", "ó": "ĩ", "oø": "ò", "aõ ": "ã "}

SENTENCE = "Ủy ban nhân dân tỉnh Hà Tĩnh đã ban hành kế hoạch thực hiện nghị quyết về phát triển y tế cơ sở."


@pytest.mark.parametrize("byte, letter", sorted(TCVN3.items()))
def test_tcvn3_table_character_by_character(byte, letter):
    assert convert_run(bytes([byte]).decode("latin-1"), ".VnTime") == letter


@pytest.mark.parametrize("vni, letter", sorted(VNI.items()))
def test_vni_table(vni, letter):
    assert convert_run(vni, "VNI-Times") == letter


def _tcvn3_bytes(text: str) -> bytes:
    back = {v: bytes([k]) for k, v in TCVN3.items()}
    out = b""
    for ch in unicodedata.normalize("NFC", text):
        out += back.get(ch) or back.get(ch.lower()) or ch.encode("latin-1")
    return out


def _cp1258_bytes(text: str) -> bytes:
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = b""
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            out += base.encode("cp1258") + "".join(c for c in parts if c in tones).encode("cp1258")
    return out


# TCVN3 has no capital toned letters: "Ủy" is typed with the old-style tone, "Uỷ".
OLD_STYLE = SENTENCE.replace("Ủy", "Uỷ")


def test_tcvn3_file(write):
    doc = read(write("tcvn3.txt", _tcvn3_bytes(OLD_STYLE)))
    assert doc.encoding == "tcvn3"
    assert doc.text == OLD_STYLE


def test_vni_file(write):
    vni = "COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM\n\nÑaûng boä tænh laõnh ñaïo thöïc hieän nghò quyeát cuûa Ñaïi hoäi."
    doc = read(write("vni.txt", vni.encode("latin-1")))
    assert doc.encoding == "vni"
    assert doc.text.startswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert "Đảng bộ tỉnh lãnh đạo thực hiện nghị quyết của Đại hội" in doc.text


def test_windows_1258_file(write):
    doc = read(write("cp1258.txt", _cp1258_bytes(SENTENCE)))
    assert doc.encoding == "windows-1258"
    assert doc.text == SENTENCE


def test_utf16_without_bom(write):
    doc = read(write("u16.txt", SENTENCE.encode("utf-16-le")))
    assert doc.text == SENTENCE


def test_unicode_file_holding_tcvn3_code_points(write):
    doc = read(write("mixed.txt", _tcvn3_bytes(OLD_STYLE).decode("latin-1")))
    assert doc.encoding == "utf-8+tcvn3"
    assert "nhân dân tỉnh Hà Tĩnh" in doc.text


def test_an_unknown_encoding_is_named_not_guessed(write):
    with pytest.raises(ReadError, match="unknown text encoding"):
        read(write("sjis.txt", "日本語の文書です。これはベトナム語ではありません。".encode("shift_jis") * 5))


def test_docx_runs_in_legacy_fonts(tmp_path):
    document = docx.Document()
    p = document.add_paragraph()
    legacy = p.add_run(_tcvn3_bytes("Uỷ ban nhân dân tỉnh").decode("latin-1"))
    legacy.font.name = ".VnTime"
    p.add_run(" và Sở Y tế")  # a Unicode run beside it stays as it is
    heading = document.add_paragraph().add_run(_tcvn3_bytes("kế hoạch").decode("latin-1"))
    heading.font.name = ".VnTimeH"
    (tmp_path / "legacy.docx").write_bytes(save(document))
    doc = read(tmp_path / "legacy.docx")
    assert doc.blocks[0].text == "Uỷ ban nhân dân tỉnh và Sở Y tế"
    assert doc.blocks[1].text == "KẾ HOẠCH"
    assert doc.encoding == "unicode+tcvn3"
