"""Readers: one per format, each turning a file's bytes into the same `Document`."""
from __future__ import annotations

from pathlib import Path

from ..document import Document


class ReadError(Exception):
    """A file that cannot be read; the message is the one-line reason a user sees."""


MAX_BYTES = 200 * 1024 * 1024  # larger files are refused before they are read into memory


def _readers():
    from . import doc, docx, html, markdown, pdf, txt
    return {".txt": txt.read, ".docx": docx.read, ".doc": doc.read, ".html": html.read, ".htm": html.read,
            ".md": markdown.read, ".pdf": pdf.read}


SUPPORTED = (".txt", ".docx", ".doc", ".html", ".htm", ".md", ".pdf")


def read(path: str | Path, source: str | None = None) -> Document:
    """Read one file into a `Document`; raise `ReadError` with the reason when it cannot be."""
    path = Path(path)
    reader = _readers().get(path.suffix.lower())
    if reader is None:
        raise ReadError(f"unsupported format {path.suffix or '(no extension)'!r}; "
                        f"vnkb reads {', '.join(SUPPORTED)}")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReadError(f"cannot open: {exc.strerror or exc}") from None
    if size == 0:
        raise ReadError("empty file")
    if size > MAX_BYTES:
        raise ReadError(f"file is {size // (1024 * 1024)} MB, over the {MAX_BYTES // (1024 * 1024)} MB limit")
    data = path.read_bytes()
    return reader(data, source or str(path))
