"""`vnkb report`: one self-contained page an auditor opens in a browser, with drill-downs
from the charts to every mention, conflicts per instrument, targets against results."""
import os
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import html as lxml_html

from audit_base import write_base
from browser import CHROMIUM, Chromium
from conftest import SAMPLES
from pipeline.cli import main
from pipeline.report import write_report


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    folder = write_base(tmp_path_factory.mktemp("base"))
    out = folder / "report.html"
    write_report(folder, out)
    return out


@pytest.fixture(scope="module")
def tree(page):
    return lxml_html.fromstring(page.read_text(encoding="utf-8"))


def drill_down(tree, ref_id):
    [section] = [s for s in tree.xpath('//section[@class="drill"]') if s.xpath("string(h3)").startswith(ref_id + " ")]
    return section


def test_the_page_needs_nothing_outside_itself(tree, page):
    assert not tree.xpath("//script[@src] | //link | //img | //iframe | //*[@src]")
    hrefs = tree.xpath("//a/@href")
    assert hrefs and all(h.startswith("#") for h in hrefs)
    ids = set(tree.xpath("//@id"))
    assert {h[1:] for h in hrefs} <= ids
    assert 'charset="utf-8"' in page.read_text(encoding="utf-8")[:300]


def test_vietnamese_is_written_as_composed_characters(page):
    text = page.read_text(encoding="utf-8")
    assert "Ủy ban nhân dân tỉnh Bình Định" in text and unicodedata.is_normalized("NFC", text)


def test_most_cited_chart_bars_open_the_drill_down_of_their_instrument(tree):
    chart = tree.get_element_by_id("chart-instruments")
    targets = chart.xpath(".//a/@href")
    top = drill_down(tree, "05-CT/TW")
    assert "#" + top.get("id") in targets
    assert tree.xpath("//svg[@id='chart-instruments']//text[contains(., '05-CT/TW')]")


def test_drill_down_lists_every_mention_with_its_document_date_issuer_and_sentence(tree):
    section = drill_down(tree, "05-CT/TW")
    rows = section.xpath(".//tbody/tr")
    assert len(rows) == 4
    cells = [[td.text_content() for td in row.xpath("td")] for row in rows]
    assert {c[0] for c in cells} == {"ke_hoach_giao_duc_2023.txt", "bao_cao_tong_ket_2025.txt",
                                     "hoi_nghi_giao_duc.html"}
    plan = next(c for c in cells if c[0] == "ke_hoach_giao_duc_2023.txt")
    assert plan[2:6] == ["2023-03-15", "Ủy ban nhân dân tỉnh Bình Định", "2016-05-15", "Bộ Chính trị"]
    marked = section.xpath(".//mark/text()")
    assert "Chỉ thị 05-CT/TW" in marked
    # the sentence around the mention, not the paragraph: the next sentence is left out
    sentence = next(r for r in rows if "15/6/2016" in r.text_content()).xpath("td[last()]")[0].text_content()
    assert sentence.startswith("Quán triệt") and sentence.endswith("đảng viên.")
    assert "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị" in section.xpath(".//mark/text()")


def test_each_citing_document_links_to_its_records(tree):
    section = drill_down(tree, "05-CT/TW")
    link = section.xpath(".//a[.='bao_cao_tong_ket_2025.txt']/@href")[0]
    records = tree.get_element_by_id(link[1:])
    assert "Ban Thường vụ Tỉnh ủy Lâm Đồng" in records.text_content()
    assert "lớp bồi dưỡng" in records.text_content()


def test_conflicts_are_one_row_per_instrument_with_variants_and_their_counts(tree):
    rows = tree.xpath('//table[@class="conflicts"]/tbody/tr')
    assert len(rows) == 1
    row = rows[0]
    assert row.xpath("string(td[1])") == "05-CT/TW"
    variants = [" ".join(v.text_content().split()) for v in row.xpath("td[3]/span")]
    assert variants == ["2016-05-15 ×2 in 2 doc.", "2016-06-15 ×1 in 1 doc."]
    assert row.xpath("string(td[4])") == ""  # one issuer: no conflict there


def test_timeline_separates_issuing_levels(tree):
    chart = tree.get_element_by_id("chart-timeline")
    legend = " ".join(chart.xpath(".//text//text()") + chart.xpath(".//text/text()"))
    assert "Party, central" in legend and "State, provincial and below" in legend


def test_targets_meet_results_reported_under_another_spelling(tree):
    rows = tree.xpath('//table[@class="targets"]')[0].xpath("tbody/tr")
    matched = [[td.text_content() for td in r.xpath("td")] for r in rows]
    assert len(matched) == 1
    indicator, unit, year, target, result = matched[0]
    assert (unit, year) == ("%", "2025")
    assert target.startswith("80") and "ke_hoach_giao_duc_2023.txt" in target
    assert result.startswith("78") and "bao_cao_tong_ket_2025.txt" in result
    unmatched = tree.xpath("//details[summary[starts-with(., 'Unmatched')]]//tbody/tr")
    assert any("Tỷ lệ hộ nghèo" in r.text_content() for r in unmatched)
    assert tree.xpath("//svg[@id='chart-target-0']")


def test_footnote_statistics_over_several_years_get_a_line_chart(tree):
    figures = tree.xpath("//h2[@id='statistics']/following-sibling::div[1]/figure")
    assert len(figures) == 1  # "hộ được hỗ trợ" is given for one year only
    assert "lớp bồi dưỡng" in figures[0].xpath("string(figcaption)")
    assert figures[0].xpath(".//svg//text[contains(., '15')]")


def test_summary_counts_documents_and_names_the_files_that_failed(tree):
    summary = tree.xpath("//h2[@id='summary']/following-sibling::p[1]")[0].text_content()
    assert summary.startswith("3 documents read, 1 files failed")
    assert tree.xpath("//td[.='archive/hong/bien_ban.docx']/following-sibling::td[contains(., 'truncated')]")


def test_documents_table_counts_records_and_links_to_them(tree):
    rows = tree.xpath('//table[@class="documents"]/tbody/tr')
    assert len(rows) == 3
    plan = next(r for r in rows if "ke_hoach" in r.text_content())
    assert [td.text_content() for td in plan.xpath("td")][1:4] == ["plan", "2023-03-15", "Ủy ban nhân dân tỉnh Bình Định"]
    assert tree.get_element_by_id(plan.xpath("td[1]/a/@href")[0][1:]).get("class") == "record"


def test_same_base_same_page(tmp_path, page):
    again = tmp_path / "again.html"
    write_report(page.parent, again)
    assert again.read_bytes() == page.read_bytes()


def test_command_names_a_folder_without_a_base(tmp_path):
    result = CliRunner().invoke(main, ["report", str(tmp_path), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 1 and "documents.jsonl" in result.output and "Traceback" not in result.output


@pytest.fixture(scope="module")
def seeds_page(tmp_path_factory):
    from pipeline.runner import run

    folder = tmp_path_factory.mktemp("seeds")
    run([str(SAMPLES)], folder, workers=1)
    result = CliRunner().invoke(main, ["report", str(folder), "-o", str(folder / "report.html")])
    assert result.exit_code == 0, result.output
    return folder / "report.html"


def test_seeds_drill_down_of_144_shows_both_dates_it_is_cited_with(seeds_page):
    tree = lxml_html.fromstring(seeds_page.read_text(encoding="utf-8"))
    section = drill_down(tree, "144-QĐ/TW")
    dates = {row.xpath("string(td[5])") for row in section.xpath(".//tbody/tr")}
    assert {"2024-05-09", "2025-05-09"} <= dates
    conflict = [r for r in tree.xpath('//table[@class="conflicts"]/tbody/tr') if r.xpath("string(td[1])") == "144-QĐ/TW"]
    assert conflict and "2025-05-09" in conflict[0].text_content()


CHECKS = """(() => {
  const links = Array.from(document.querySelectorAll('a[href^="#"]'));
  const bars = Array.from(document.querySelectorAll('svg.chart a[href^="#i-"]'));
  return {charts: document.querySelectorAll('svg.chart').length, bars: bars.length,
          broken: links.filter(a => !document.getElementById(a.getAttribute('href').slice(1))).length,
          width: document.querySelector('#chart-instruments').getBoundingClientRect().width};
})()"""


@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent: install Debian's chromium to "
                                                          "open the report in a real browser")
@pytest.mark.parametrize("which", ["handmade", "seeds"])
def test_the_page_opens_in_chromium_without_errors_and_its_charts_link(which, page, seeds_page, tmp_path):
    chosen = page if which == "handmade" else seeds_page
    shots = Path(os.environ.get("VNKB_SCREENSHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    with Chromium(width=1280, height=1800) as browser:
        browser.open(chosen)
        found = browser.evaluate(CHECKS)
        screenshot = browser.screenshot(shots / f"report-{which}.png")
        # a click on the first bar goes to that instrument's mentions
        href = browser.evaluate("document.querySelector('svg.chart a').getAttribute('href')")
        browser.evaluate("document.querySelector('svg.chart a').dispatchEvent("
                         "new MouseEvent('click', {bubbles: true, cancelable: true, view: window}))")
        landed = browser.evaluate("[location.hash, document.querySelector(location.hash || 'body')"
                                  ".getBoundingClientRect().top, innerHeight]")
        problems = browser.problems
    assert problems == []
    assert found["charts"] >= 4 and found["bars"] >= 3 and found["broken"] == 0 and found["width"] > 300
    assert landed[0] == href and -5 < landed[1] < landed[2]  # scrolled into view
    assert screenshot.stat().st_size > 20_000
    print(f"screenshot: {screenshot}")
