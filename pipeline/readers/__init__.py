"""Readers: one per format, each turning a file's bytes into the same `Document`."""
from __future__ import annotations

from pathlib import Path

from schemas.document import Document


class ReadError(Exception):
    """A file that cannot be read; the message is the one-line reason a user sees."""


MAX_BYTES = 200 * 1024 * 1024  # larger files are refused before they are read into memory


def _readers():
    from . import doc, docx, html, markdown, pdf, txt
    return {".txt": txt.read, ".docx": docx.read, ".doc": doc.read, ".html": html.read, ".htm": html.read,
            ".md": markdown.read, ".pdf": pdf.read}


SUPPORTED = (".txt", ".docx", ".doc", ".html", ".htm", ".md", ".pdf")


def _reader(name: str):
    suffix = Path(name).suffix.lower()
    reader = _readers().get(suffix)
    if reader is None:
        raise ReadError(f"unsupported format {suffix or '(no extension)'!r}; vnkb reads {', '.join(SUPPORTED)}")
    return reader


def _check_size(size: int, max_bytes: int) -> None:
    if size == 0:
        raise ReadError("empty file")
    if size > max_bytes:
        raise ReadError(f"file is {size / (1024 * 1024):.0f} MB, over the {max_bytes // (1024 * 1024)} MB limit "
                        "(--max-mb raises it)")


def read(path: str | Path, source: str | None = None, max_bytes: int = MAX_BYTES) -> Document:
    """Read one file into a `Document`; raise `ReadError` with the reason when it cannot be."""
    path = Path(path)
    reader = _reader(path.name)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReadError(f"cannot open: {exc.strerror or exc}") from None
    _check_size(size, max_bytes)
    return reader(path.read_bytes(), source or str(path))


def read_bytes(data: bytes, source: str, max_bytes: int = MAX_BYTES) -> Document:
    """Read a file's bytes (sent to a cluster worker, say); `source` names it and its format."""
    reader = _reader(source)
    _check_size(len(data), max_bytes)
    return reader(data, source)
