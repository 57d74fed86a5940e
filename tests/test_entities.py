"""Named entities on news written for the tests: another province, other people and titles."""
import spacy

from extractors import entities
from pipeline.readers import read

NEWS = """Quảng Trị: Ban Thường vụ Tỉnh ủy làm việc với Đảng ủy Sở Giáo dục và Đào tạo

Sáng 15.3, đồng chí Lê Quang Tùng, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh chủ trì buổi làm việc. Cùng dự có đồng chí Hoàng Nam, Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch Thường trực UBND tỉnh.

Theo Chỉ thị số 05-CT/TW của Bộ Chính trị, ngành tiếp tục học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh. Đoàn TNCS Hồ Chí Minh tỉnh phối hợp với Trường THPT Đông Hà và Bệnh viện đa khoa tỉnh tổ chức hiến máu tại huyện Gio Linh và Thành phố Hồ Chí Minh.

Ngọc Trang
"""


def _found(write):
    return {(e["label"], e["text"]): e for e in entities.extract(read(write("news.txt", NEWS)))}


def test_people_with_their_titles(write):
    found = _found(write)
    assert found[("PER", "Lê Quang Tùng")]["title"] == "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh"
    assert found[("PER", "Hoàng Nam")]["title"].startswith("Ủy viên Ban Thường vụ Tỉnh ủy")
    assert ("PER", "Ngọc Trang") in found  # the byline


def test_bodies_abbreviations_expanded_and_nested(write):
    found = _found(write)
    for name in ("Ban Thường vụ Tỉnh ủy", "Tỉnh ủy", "Đảng ủy Sở Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo",
                 "Ủy ban nhân dân tỉnh", "Bộ Chính trị", "Bệnh viện đa khoa tỉnh"):
        assert ("ORG", name) in found, name


def test_ho_chi_minh_is_a_person_an_organisation_part_and_a_city(write):
    found = _found(write)
    assert ("PER", "Hồ Chí Minh") in found
    assert ("LOC", "Thành phố Hồ Chí Minh") in found
    assert any(label == "ORG" and name.startswith("Đoàn Thanh niên Cộng sản Hồ Chí Minh") for label, name in found)


def test_places_from_the_gazetteer_and_symbols_are_never_places(write):
    found = _found(write)
    assert ("LOC", "Quảng Trị") in found and ("LOC", "Gio Linh") in found
    assert not any("CT/TW" in name or "TW" == name for _, name in found)


def test_mentions_point_at_the_text(write):
    doc = read(write("news.txt", NEWS))
    for entity in entities.extract(doc):
        for m in entity["mentions"]:
            assert doc.text[m["start"]:m["end"]] == m["text"]


def test_the_component_plugs_into_a_users_pipeline():
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.add_pipe("vnkb_entities")
    doc = nlp("Đồng chí Trần Văn Minh, Giám đốc Sở Y tế tỉnh Nghệ An, dự họp.")
    labels = {(span.label_, span._.canonical) for span in doc.spans["vnkb_entities"]}
    assert ("PER", "Trần Văn Minh") in labels and ("ORG", "Sở Y tế tỉnh Nghệ An") in labels
    assert ("LOC", "Nghệ An") in labels
    assert all(ent.label_ in ("PER", "ORG", "LOC") for ent in doc.ents)
