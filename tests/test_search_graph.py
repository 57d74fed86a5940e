"""`vnkb search`, `vnkb cites --ref` and `vnkb graph` on a small base written for the tests."""
import csv
import io
import json

import networkx as nx
import pytest
from click.testing import CliRunner

from audit_base import records, write_base
from pipeline.cli import main
from pipeline.search import search


@pytest.fixture
def base(tmp_path):
    return write_base(tmp_path / "kb")


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


# ---------------------------------------------------------------- search

def test_a_phrase_is_found_in_paragraphs_and_records_with_document_section_and_snippet(base):
    hits = search(base, "phòng chống dịch")
    found = {(h.kind, h.source.rsplit("/", 1)[-1], h.section) for h in hits}
    # "phòng, chống dịch" in the plan's paragraph and task, "Phòng chống dịch" in the news
    assert ("text", "ke_hoach_giao_duc_2023.txt", "II") in found
    assert ("tasks", "ke_hoach_giao_duc_2023.txt", "II") in found
    assert ("text", "hoi_nghi_giao_duc.html", None) in found
    snippet, spans = next(h for h in hits if h.source.endswith(".html")).snippet()
    assert [snippet[a:b] for a, b in spans] == ["Phòng chống dịch"]


def test_old_and_new_tone_placement_and_case_are_one_word(base):
    # the plan writes "hoà bình" (old style); a reader types "HÒA BÌNH"
    [hit] = search(base, "HÒA BÌNH", kinds=["text"])
    snippet, spans = hit.snippet()
    assert [snippet[a:b] for a, b in spans] == ["hoà bình"]


def test_diacritics_count_unless_plain(base):
    assert search(base, "phong chong dich") == []
    plain = search(base, "phong chong dich", plain=True)
    assert plain and all("phòng" in h.text.lower() for h in plain)
    assert search(base, "dang vien", plain=True, kinds=["text"])  # "đảng viên": đ is d


def test_words_are_a_phrase_unless_all_words(base):
    assert search(base, "bình hoà") == []
    assert search(base, "bình hoà", all_words=True, kinds=["text"])


def test_the_index_follows_the_base(base):
    assert search(base, "Gia Lai") == []
    documents = records()
    documents[2]["text"] += " Đoàn công tác tỉnh Gia Lai dự hội nghị."
    write_base(base, documents)
    assert [h.source for h in search(base, "Gia Lai")] == ["archive/tin_tuc/hoi_nghi_giao_duc.html"]


def test_search_command_formats(base):
    table = run("search", base, "chuẩn quốc gia", "--kind", "measures")
    assert table.exit_code == 0 and "bao_cao_tong_ket_2025.txt  [measures · 1]" in table.output
    rows = json.loads(run("search", base, "chuẩn quốc gia", "--format", "json").output)
    assert {"kind", "doc_id", "source", "section", "snippet"} <= set(rows[0])
    empty = run("search", base, "…")
    assert empty.exit_code == 2 and "nothing to search for" in empty.output


# ---------------------------------------------------------------- cites --ref

def test_cites_ref_prints_every_mention_with_its_document_and_sentence(base):
    result = run("cites", base, "--ref", "05-CT/TW")
    assert result.exit_code == 0
    assert "05-CT/TW (Chỉ thị): 4 mentions in 3 documents" in result.output
    assert "date: 2016-05-15 ×2; (none) ×1; 2016-06-15 ×1" in result.output
    assert "archive/lam_dong/bao_cao_tong_ket_2025.txt  ·  political_report  ·  2025-12-20" in result.output
    assert "Việc làm theo Chỉ thị 05-CT/TW có nơi còn hình thức." in result.output


def test_cites_ref_matches_the_symbol_however_it_is_spaced(base):
    rows = json.loads(run("cites", base, "--ref", "05 – CT/TW", "--format", "json").output)
    assert len(rows) == 4 and {r["source"] for r in rows} >= {"archive/tin_tuc/hoi_nghi_giao_duc.html"}
    assert rows[0]["sentence"].startswith("Thực hiện Chỉ thị số 05-CT/TW")


def test_cites_ref_csv_has_one_row_per_mention(base):
    out = run("cites", base, "--ref", "12/2022/NQ-HĐND", "--format", "csv").output
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["doc_date"] for r in rows] == ["2023-03-15", "2024-02-01"]


def test_cites_ref_of_an_instrument_not_cited_suggests_close_ones(base):
    result = run("cites", base, "--ref", "05-CT/TU")
    assert result.exit_code == 1 and "no mention of '05-CT/TU'" in result.output and "05-CT/TW" in result.output


# ---------------------------------------------------------------- graph

@pytest.mark.parametrize("suffix, read", [(".gexf", nx.read_gexf), (".graphml", nx.read_graphml)])
def test_graph_has_documents_and_instruments_with_weighted_mention_edges(base, tmp_path, suffix, read):
    out = tmp_path / f"cites{suffix}"
    result = run("graph", base, "-o", out)
    assert result.exit_code == 0 and "3 documents, 2 instruments, 5 edges" in result.output
    graph = read(out)
    report = graph.nodes["doc:bbbb000000000002"]
    assert (report["node_type"], report["issuer"], report["date"]) == ("document", "Ban Thường vụ Tỉnh ủy Lâm Đồng",
                                                                       "2025-12-20")
    directive = next(n for n, a in graph.nodes(data=True) if a.get("ref_id") == "05-CT/TW")
    assert graph.nodes[directive]["issuer_level"] == "central_party"
    assert int(graph.nodes[directive]["mentions"]) == 4
    assert int(graph.edges["doc:bbbb000000000002", directive]["weight"]) == 2
    assert graph.is_directed()


def test_graph_refuses_a_format_it_cannot_write(base, tmp_path):
    result = run("graph", base, "-o", tmp_path / "cites.png")
    assert result.exit_code == 2 and ".gexf or .graphml" in result.output


def test_a_damaged_base_is_a_one_line_error_and_leaves_no_half_built_index(base):
    with open(base / "documents.jsonl", "a", encoding="utf-8") as fh:
        fh.write('{"doc_id": "dddd", "text": "cắt ngang\n')
    for command in (["search", base, "hội nghị"], ["cites", base, "--ref", "05-CT/TW"], ["graph", base, "-o",
                                                                                       base / "g.gexf"]):
        result = run(*command)
        assert result.exit_code == 1 and "documents.jsonl: line 4 is not JSON" in result.output, command
        assert "Traceback" not in result.output
    assert sorted(p.name for p in base.iterdir()) == ["documents.jsonl", "errors.csv"]
