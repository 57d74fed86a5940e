"""Readers: one per format, each turning a file's bytes into the same `Document`."""
from __future__ import annotations

import os
import stat
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


_KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder"))


def not_regular(mode: int) -> str | None:
    """Why a file of this mode is no document ("not a regular file: a named pipe (FIFO)")."""
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _KINDS if test(mode)), "a special file")
    return f"not a regular file: {kind}"


def read_file_bytes(path: str | Path, max_bytes: int = MAX_BYTES) -> bytes:
    """A file's bytes, checked before they are read: a regular file (a FIFO would block the
    reader forever, /dev/zero would never end) no larger than `max_bytes`."""
    try:
        # O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise ReadError(f"cannot open: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        reason = not_regular(info.st_mode)
        if reason:
            raise ReadError(reason)
        _check_size(info.st_size, max_bytes)
        chunks, total = [], 0
        while True:  # the file may grow while it is read: never past the cap
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:
                _check_size(total, max_bytes)
        data = b"".join(chunks)
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    _check_size(len(data), max_bytes)
    return data


def read(path: str | Path, source: str | None = None, max_bytes: int = MAX_BYTES) -> Document:
    """Read one file into a `Document`; raise `ReadError` with the reason when it cannot be."""
    path = Path(path)
    reader = _reader(path.name)
    return reader(read_file_bytes(path, max_bytes), source or str(path))


def read_bytes(data: bytes, source: str, max_bytes: int = MAX_BYTES) -> Document:
    """Read a file's bytes (sent to a cluster worker, say); `source` names it and its format."""
    reader = _reader(source)
    _check_size(len(data), max_bytes)
    return reader(data, source)
