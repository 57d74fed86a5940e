import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "scripts"))  # the docx builder the samples are made with


@pytest.fixture
def write(tmp_path):
    """Write text (UTF-8) or bytes to a file in a fresh folder and return its path."""
    def _write(name: str, content, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_bytes(content.encode(encoding))
        else:
            path.write_bytes(content)
        return path
    return _write
