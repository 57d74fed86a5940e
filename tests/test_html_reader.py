"""The HTML reader on pages written for these tests."""
import pytest

from pipeline.readers import ReadError, read_bytes

BARE_ARTICLE = """{"url": "https://soyte.example.gov.vn/tin-tuc/hoi-nghi-2024", "crawled": "2024-01-15", "lang": "vi"}
<html><head><meta charset="utf-8"><title>Tin tức</title></head><body>
<h1 style="font-size:22px;color:#1a1a1a">Hội nghị triển khai c&ocirc;ng t&aacute;c y tế năm 2024</h1>
<p style="text-align:center"><img src="/uploads/hoinghi.jpg" alt="Toàn cảnh hội nghị"></p>
<p style="text-align:justify;line-height:1.6">Ng&agrave;y 12/01/2024, Sở Y tế tỉnh Ph&uacute; Y&ecirc;n tổ chức hội nghị tổng kết c&ocirc;ng t&aacute;c năm 2023.&nbsp;&nbsp;&nbsp;Tỷ lệ tiêm chủng đầy đủ đạt 96,5%.</p>
<p style="text-align:justify">Năm 2024, ng&agrave;nh phấn đấu đạt 10 b&aacute;c sĩ/10.000 d&acirc;n.</p>
<p style="text-align:right"><strong>Minh Anh</strong></p>
</body></html>
"""


def test_a_bare_article_page_is_read_in_full():
    doc = read_bytes(BARE_ARTICLE.encode("utf-8"), "bai.html")
    texts = [b.text for b in doc.blocks]
    assert texts == [
        "Hội nghị triển khai công tác y tế năm 2024",
        "Ngày 12/01/2024, Sở Y tế tỉnh Phú Yên tổ chức hội nghị tổng kết công tác năm 2023. "
        "Tỷ lệ tiêm chủng đầy đủ đạt 96,5%.",
        "Năm 2024, ngành phấn đấu đạt 10 bác sĩ/10.000 dân.",
        "Minh Anh",
    ]
    assert "crawled" not in doc.text and "\xa0" not in doc.text


def test_a_page_with_chrome_keeps_the_article_and_drops_the_menus():
    paragraphs = "".join(f"<p>Đoạn {i}: Trung tâm Y tế huyện Đồng Xuân triển khai chiến dịch tiêm vắc xin sởi "
                         f"cho trẻ em từ 1 đến 5 tuổi tại các xã vùng cao trong tháng {i} năm 2024.</p>"
                         for i in range(1, 9))
    links = "".join(f'<li><a href="/tin/{i}">Tin liên quan số {i} về công tác y tế dự phòng</a></li>' for i in range(15))
    page = (f'<html><body><div class="menu"><ul>{links}</ul></div>'
            f'<div class="article"><h1>Tiêm vắc xin sởi</h1>{paragraphs}</div>'
            f'<div class="sidebar"><ul>{links}</ul></div></body></html>')
    doc = read_bytes(page.encode("utf-8"), "trang.html")
    assert "Đoạn 8: Trung tâm Y tế huyện Đồng Xuân" in doc.text
    assert "Tin liên quan số 3" not in doc.text


def test_only_a_page_with_no_visible_text_is_empty():
    with pytest.raises(ReadError, match="empty HTML"):
        read_bytes(b"<html><body><script>var a = 1;</script><img src='a.png'></body></html>", "rong.html")
    doc = read_bytes("<html><body><div>Thông báo: nghỉ Tết từ 08/02/2024.</div></body></html>".encode(), "ngan.html")
    assert doc.text == "Thông báo: nghỉ Tết từ 08/02/2024."


def test_a_deeply_nested_page_is_read_in_full():
    depth = 1000
    page = ("<html><body>" + "<div>" * depth + "<p>Báo cáo tổng kết công tác dân số năm 2023.</p>" + "</div>" * depth
            + "<p>Tỷ lệ sinh con thứ ba giảm 0,2%.</p></body></html>")
    doc = read_bytes(page.encode("utf-8"), "sau.html")
    assert [b.text for b in doc.blocks] == ["Báo cáo tổng kết công tác dân số năm 2023.", "Tỷ lệ sinh con thứ ba giảm 0,2%."]


def test_a_news_page_list_and_hidden_addresses_are_not_text():
    body = "".join(f"<p>Đoạn {i}: Bệnh viện đa khoa tỉnh Sơn La khai trương đơn nguyên sơ sinh với 30 giường bệnh.</p>"
                   for i in range(4))
    page = (f"<html><body><h1>Khai trương đơn nguyên sơ sinh</h1>{body}"
            "<p>Mọi ý kiến xin gửi về hộp thư [email&#160;protected] của Bệnh viện.</p>"
            "<p>Tin liên quan</p><p>Khám sàng lọc tim bẩm sinh</p><p>Tiêm chủng mùa dịch</p></body></html>")
    doc = read_bytes(page.encode("utf-8"), "tin.html")
    assert "Tin liên quan" not in doc.text and "Tiêm chủng mùa dịch" not in doc.text
    assert "protected" not in doc.text and "Mọi ý kiến xin gửi về hộp thư của Bệnh viện." in doc.text


def test_entities_encoded_twice_are_decoded():
    doc = read_bytes("<p>Tăng cường c&amp;ocirc;ng t&amp;aacute;c phòng chống dịch.</p>".encode(), "frag.html")
    assert doc.text == "Tăng cường công tác phòng chống dịch."
