"""Bad input: each file gets a one-line reason; the batch goes on and keeps every good result."""
import csv
import io
import json
import zipfile

import docx
import pytest

from make_docx_samples import save
from pipeline import runner
from pipeline.readers import ReadError, read


def _good_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("Kế hoạch số 12/KH-SGDĐT ngày 05/01/2024 của Sở Giáo dục và Đào tạo.")
    return save(document)


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


def _ole(encrypted: bool) -> bytes:
    body = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    if encrypted:
        body += "EncryptionInfo".encode("utf-16-le") + "EncryptedPackage".encode("utf-16-le")
    return body + b"\x00" * 2048


BAD_DOCX = {
    "empty": (b"", "empty file"),
    "junk": (bytes(range(256)) * 8, "not a zip package"),
    "truncated": (None, "damaged or truncated"),
    "encrypted": (_ole(True), "password-protected"),
    "legacy_doc": (_ole(False), "legacy Word .doc"),
    "zip_bomb": (_zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"\x00" * (20 * 1024 * 1024)}),
                 "zip bomb"),
    "entities": (_zip({"[Content_Types].xml": b"<Types/>", "word/document.xml":
                       b'<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa">]><w:document/>'}),
                 "entity"),
    "not_word": (_zip({"mimetype": b"application/vnd.oasis.opendocument.text"}), "no word/document.xml"),
}


@pytest.mark.parametrize("case", sorted(BAD_DOCX))
def test_bad_docx_is_refused_with_a_reason(write, case):
    data, reason = BAD_DOCX[case]
    if data is None:
        good = _good_docx()
        data = good[: len(good) // 2]
    with pytest.raises(ReadError, match=reason) as err:
        read(write(f"{case}.docx", data))
    assert "\n" not in str(err.value)


def test_unknown_format_is_named(write):
    with pytest.raises(ReadError, match=r"unsupported format '\.xyz'"):
        read(write("notes.xyz", "Nội dung"))


def test_a_batch_goes_on_past_bad_files(write, tmp_path):
    good = write("in/ok/kế hoạch (bản cuối) #1.docx", _good_docx())
    write("in/ok/báo cáo.txt", "Thực hiện Chỉ thị số 05-CT/TU ngày 10/3/2021 của Ban Thường vụ Tỉnh ủy.\n")
    for case, (data, _) in BAD_DOCX.items():
        if data is not None:
            write(f"in/bad/{case}.docx", data)
    write("in/bad/random.txt", bytes(range(256)) * 20)
    out = tmp_path / "kb"
    summary = runner.run([tmp_path / "in"], out, workers=1)
    assert summary.documents == 2
    assert summary.errors == len(BAD_DOCX) - 1 + 1
    with open(out / "errors.csv", encoding="utf-8-sig") as fh:
        errors = {row["source"].rsplit("/", 1)[-1]: row["reason"] for row in csv.DictReader(fh)}
    assert errors["encrypted.docx"].startswith("password-protected")
    assert "zip bomb" in errors["zip_bomb.docx"]
    docs = [json.loads(line) for line in open(out / "documents.jsonl", encoding="utf-8")]
    assert sorted(d["source"] for d in docs) == sorted([str(good), str(good.parent / "báo cáo.txt")])
    assert any(c["ref_id"] == "05-CT/TU" for d in docs for c in d["citations"])
