"""The citation audit across documents: counts, and only real disagreements as conflicts."""
from pipeline.audit import audit


def mention(doc_id, ref_id, date=None, issuer=None, name=None, type_="Quyết định"):
    return {"doc_id": doc_id, "ref_id": ref_id, "name": name, "type": type_, "date": date,
            "issuer": issuer, "issuer_level": None, "text": ref_id or name, "start": 0, "in_footnote": None}


DOCS = [{"doc_id": "a", "source": "a.docx", "date": "2023-05-02"},
        {"doc_id": "b", "source": "b.txt", "date": "2021-11-30"}]


def test_counts_mentions_and_documents_with_first_and_last_citing_dates():
    result = audit([mention("a", "12/QĐ-UBND", "2020-01-05"), mention("a", "12/QĐ-UBND"),
                    mention("b", "12/QĐ-UBND", "2020-01-05")], DOCS)
    [row] = result["cited_instruments"]
    assert (row["mentions"], row["documents"], row["date"]) == (3, 2, "2020-01-05")
    assert (row["first_cited"], row["last_cited"]) == ("2021-11-30", "2023-05-02")
    assert [(e["doc_id"], e["mentions"]) for e in result["citation_edges"]] == [("a", 2), ("b", 1)]


def test_a_date_disagreement_across_documents_is_a_conflict():
    result = audit([mention("a", "7-CT/TU", "2019-04-07"), mention("b", "7 – CT/TU", "2019-07-04")], DOCS)
    assert sorted(c["value"] for c in result["citation_conflicts"]) == ["2019-04-07", "2019-07-04"]


def test_partial_dates_and_fuller_issuer_names_are_not_conflicts():
    result = audit([mention("a", "7-CT/TU", "2019-04", "Ban Thường vụ Tỉnh ủy"),
                    mention("b", "7-CT/TU", "2019-04-07", "Ban Thường vụ Tỉnh ủy Hà Tĩnh")], DOCS)
    assert result["citation_conflicts"] == []


def test_issuers_that_name_different_bodies_conflict():
    result = audit([mention("a", "9/QĐ-UBND", issuer="Ủy ban nhân dân tỉnh"),
                    mention("b", "9/QĐ-UBND", issuer="Sở Tài chính")], DOCS)
    assert {c["field"] for c in result["citation_conflicts"]} == {"issuer"}


def test_unnumbered_instruments_group_by_their_folded_name():
    result = audit([mention("a", None, name="Nghị quyết Trung ương 4 (khóa XII)", type_="Nghị quyết"),
                    mention("b", None, name="nghị quyết Trung ương 4 khoá XII", type_="Nghị quyết")], DOCS)
    assert len(result["cited_instruments"]) == 1
    assert result["cited_instruments"][0]["documents"] == 2


def test_the_audit_and_the_evaluation_share_one_ref_id_canonicalisation():
    from extractors import refs
    from pipeline import audit as audit_module, evaluate
    assert audit_module.ref_key is refs.ref_key and evaluate.ref_key is refs.ref_key
    written, canonical = "12 – QĐ/TƯ", "12-QĐ/TW"
    key = audit_module.instrument_key({"ref_id": written})
    assert key == audit_module.instrument_key({"ref_id": canonical}) == refs.ref_key(canonical)
    assert evaluate.same_ref(written, canonical) and not evaluate.same_ref("12-QĐ/TW", "12-QĐ/TU")


def test_mentions_spelled_apart_group_as_one_instrument():
    result = audit([mention("a", "45/2022/NĐ- CP", "2022-07-07"), mention("b", "45/2022-NĐ-CP", "2022-07-07")], DOCS)
    [row] = result["cited_instruments"]
    assert (row["mentions"], row["documents"], result["citation_conflicts"]) == (2, 2, [])
