"""The lexicon is the one place vocabulary lives: an entry added to a data file (here through
the VNKB_LEXICON overlay, as a linguist would try one) changes what every extractor that
reads that list finds, with no code touched."""
import json
import os
import subprocess
import sys

from extractors import lexicon

from conftest import ROOT

# a passage from no seed: a historic department (the shipped lists now hold 'Vụ', so the head word tried
# here is 'Nha', as in the 1945-1950 government's 'Nha Thông tin'), a project board's abbreviation, a
# historic instrument type and a counted noun phrase the shipped lists do not hold
PASSAGE = """Căn cứ Sắc lệnh số 45/SL ngày 10/5/1950 của Chủ tịch nước và Quyết định số 12/QĐ-BQLDA ngày 03/4/2024 của BQLDA tỉnh Lào Cai.

Nha Thông tin có trách nhiệm:

- Rà soát hồ sơ khen thưởng của các đơn vị trước ngày 30/6/2025.

Phấn đấu năm 2026 có 35 hợp tác xã kiểu mới.
"""

OVERLAY = {
    "abbreviations.tsv": "abbreviation\texpansion\tsource\nBQLDA\tBan Quản lý dự án\ttest\n",
    "instrument_types.tsv": "type\tsymbol\tsystem\tcited\tbare\tsource\nSắc lệnh\tSL\tstate\tyes\tno\ttest\n",
    "bodies.tsv": "kind\tname\tshort\tlevel\tsource\nhead\tNha\t\t\ttest\n",
    "measure_words.tsv": "entry\trole\tvalue\tsource\nhợp tác xã kiểu mới\tcounted_noun\t\ttest\n",
}

PROBE = """
import json, sys
from pipeline import extract
r = extract(text=sys.stdin.read())
print(json.dumps({
    "citations": [[c["type"], c["ref_id"], c["issuer"]] for c in r["citations"]],
    "orgs": [e["text"] for e in r["entities"] if e["label"] == "ORG"],
    "assignees": [t["assignee"] for t in r["tasks"]],
    "units": [m["unit"] for m in r["measures"]],
}, ensure_ascii=False))
"""


def _extract(overlay_dir=None) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "VNKB_LEXICON"}
    if overlay_dir:
        env["VNKB_LEXICON"] = str(overlay_dir)
    out = subprocess.run([sys.executable, "-c", PROBE], input=PASSAGE, capture_output=True, text=True,
                         env=env, cwd=ROOT, check=True).stdout
    return json.loads(out)


def test_one_line_in_a_data_file_reaches_every_extractor_that_reads_it(tmp_path):
    for name, rows in OVERLAY.items():
        (tmp_path / name).write_text(rows, encoding="utf-8")
    before, after = _extract(), _extract(tmp_path)

    # an instrument type: cited only once the type is known
    assert not any(c[0] == "Sắc lệnh" for c in before["citations"])
    assert ["Sắc lệnh", "45/SL", "Chủ tịch nước"] in after["citations"]
    # an abbreviation: expanded in the issuer of a citation
    assert any(c[2] == "BQLDA tỉnh Lào Cai" for c in before["citations"])
    assert any(c[2] == "Ban Quản lý dự án tỉnh Lào Cai" for c in after["citations"])
    # a body head word: the department becomes a body for entities and tasks
    assert not any(o.startswith("Nha") for o in before["orgs"] + before["assignees"])
    assert any(o.startswith("Nha Thông tin") for o in after["orgs"])
    assert any(a.startswith("Nha Thông tin") for a in after["assignees"])
    # a counted noun phrase: the whole phrase is the unit
    assert "hợp tác xã kiểu mới" not in before["units"] and "hợp tác xã kiểu mới" in after["units"]


def test_every_data_file_says_where_each_entry_comes_from():
    for path in sorted(lexicon.DATA.glob("*.tsv")):
        rows = lexicon.rows(path.stem)
        assert rows, path.name
        assert "source" in rows[0], f"{path.name} has no source column"
        missing = [r for r in rows if not r["source"]]
        assert not missing, f"{path.name}: entries without a source, e.g. {missing[0]}"
