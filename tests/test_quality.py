"""Extraction quality on samples/, measured by ../shared/score.py against the gold files.
The floors sit a little under today's figures: a regression fails the suite."""
import json
import subprocess
import sys

import pytest

from pipeline import runner

from conftest import SAMPLES, SHARED

SCORE = SHARED / "score.py"
pytestmark = pytest.mark.skipif(not SCORE.exists(), reason="../shared/score.py is not beside the repository")

FLOORS = {  # record type: (F1 floor, {field: accuracy floor})
    "citations": (0.97, {"date": 0.95, "issuer": 0.95, "type": 0.95}),
    "citations_numbered": (0.98, {}),
    "tables": (0.98, {}),
    "footnotes": (1.0, {}),
    "measures": (0.93, {"comparator": 0.93, "unit": 0.93, "year": 0.93}),
    "statistics": (0.93, {"year": 0.95}),
    "tasks": (0.9, {}),
    "entities": (0.88, {}),
}
DOCUMENT_FLOOR = 0.9  # accuracy of every document field the gold gives


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    out = tmp_path_factory.mktemp("quality")
    runner.run([SAMPLES], out, workers=1)
    return out


@pytest.mark.parametrize("fmt", ["txt", "docx"])
def test_quality_floors(kb, fmt):
    raw = subprocess.run([sys.executable, str(SCORE), "--gold", str(SHARED / "gold"), "--pred",
                          str(kb / "documents.jsonl"), "--format", fmt, "--json"],
                         check=True, capture_output=True, text=True).stdout
    result = json.loads(raw)
    assert not result["missing_documents"]
    for kind, (floor, fields) in FLOORS.items():
        assert result[kind]["f1"] >= floor, (kind, result[kind])
        for field, acc in fields.items():
            assert result[kind][f"{field}_acc"] >= acc, (kind, field, result[kind])
    for field, acc in result["document"].items():
        assert acc >= DOCUMENT_FLOOR, (field, result["document"])
