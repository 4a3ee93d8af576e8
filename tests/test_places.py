"""The place gazetteer, place names in text, the article's province and the 2025 crosswalk."""
from __future__ import annotations

import csv
import importlib.util
import io
import json
from pathlib import Path

import pytest

from pipeline.core import build_document
from pipeline.gazetteer import modern_tone, tone_variants
from pipeline.place_matcher import canonical_province, find_places
from pipeline import places
from pipeline.places import article_province, crosswalk_frame, province_2025, provinces_in_url
from pipeline.records import RawRecord

REPO = Path(__file__).resolve().parent.parent
DEV = Path("/work/shared/corpus/dev")


def load_builder():
    spec = importlib.util.spec_from_file_location("build_gazetteer", REPO / "scripts" / "build_gazetteer.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_rules_csv(name: str) -> list[dict[str, str]]:
    lines = [l for l in (REPO / "rules" / name).read_text(encoding="utf-8").splitlines() if not l.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines))))


def doc_of(text: str, url: str | None = None, source: str = "t"):
    return build_document(RawRecord(doc_id="t", source=source, text=text, url=url))


# ---------------------------------------------------------------- the gazetteer files

@pytest.mark.parametrize("name", ["provinces.csv", "districts.csv", "province_2025.csv"])
def test_shipped_gazetteer_is_underthesea_data(name):
    """Each shipped CSV is exactly what build_gazetteer.py derives from underthesea's mapping.json."""
    builder = load_builder()
    derived = builder.derive_tables()[name]
    assert (REPO / "rules" / name).read_text(encoding="utf-8") == builder.render(derived)


def test_gazetteer_counts():
    provinces = read_rules_csv("provinces.csv")
    districts = read_rules_csv("districts.csv")
    crosswalk = read_rules_csv("province_2025.csv")
    names = [r["name"] for r in provinces]
    assert len(names) == len(set(names)) == 63
    assert {r["kind"] for r in provinces} == {"tỉnh", "thành phố"}
    assert len(districts) == 696
    assert {r["province"] for r in districts} == set(names)
    assert {r["kind"] for r in districts} == {"huyện", "quận", "thị xã", "thành phố"}
    # every one of the 63 maps to exactly one of the 34
    assert sorted(r["province"] for r in crosswalk) == sorted(names)
    assert len({r["province_2025"] for r in crosswalk}) == 34


def test_gazetteer_names_as_gold_spells_them():
    names = {r["name"] for r in read_rules_csv("provinces.csv")}
    for expected in ["Bắc Kạn", "Hà Nội", "Hồ Chí Minh", "Thừa Thiên Huế", "Bà Rịa - Vũng Tàu", "Khánh Hòa", "Thanh Hóa"]:
        assert expected in names
    assert not any(n.lower().startswith(("tỉnh ", "thành phố ")) for n in names)
    assert "Huế" not in names and "Khánh Hoà" not in names


def test_aliases_name_known_provinces():
    names = {r["name"] for r in read_rules_csv("provinces.csv")}
    aliases = read_rules_csv("place_aliases.csv")
    assert aliases and all(r["province"] in names for r in aliases)


@pytest.mark.parametrize("text, province", [
    # the romanised spellings the province's own news writes ("Dak Lak", "DakLak")
    ("Công đoàn ngành Y tế: 49 CĐCS đạt vững mạnh\nNăm 2011, ngành Y tế Dak Lak có 49/54 công đoàn cơ sở đạt "
     "vững mạnh.", "Đắk Lắk"),
    ("Công đoàn ngành Giáo dục DakLak trao quà Tết cho nhà giáo.", "Đắk Lắk"),
    ("Ngành Y tế Dak Nong tổ chức hội nghị người lao động.", "Đắk Nông"),
])
def test_romanised_province_names(text, province):
    assert _province_of(text) == province


@pytest.mark.parametrize("written, modern", [
    ("Khánh Hoà", "Khánh Hòa"),
    ("Thuỷ Nguyên", "Thủy Nguyên"),
    ("Hòa Bình", "Hòa Bình"),
    ("Quỳnh Lưu", "Quỳnh Lưu"),      # qu + y: the tone stays on y
    ("Hoàng Mai", "Hoàng Mai"),      # closed syllable: unchanged
    ("Thuận Hóa", "Thuận Hóa"),
])
def test_modern_tone(written, modern):
    assert modern_tone(written) == modern


def test_tone_variants():
    assert tone_variants("Khánh Hòa") == {"Khánh Hòa", "Khánh Hoà"}
    assert tone_variants("Bắc Kạn") == {"Bắc Kạn"}
    # the press spells the Ê Đê and M'nông "đắk" three ways and "Cư" with the Ê Đê "Č"
    # (rules/places.yaml name_word_spellings)
    assert tone_variants("Đăk Glong") == {"Đăk Glong", "Đắk Glong", "Đak Glong"}
    assert tone_variants("Cư M'gar") == {"Cư M'gar", "Čư M'gar"}


# ---------------------------------------------------------------- find_places

FIND_CASES = [
    ("Liên đoàn Lao động (LĐLĐ) tỉnh Bắc Kạn tổ chức hội nghị.",
     [("tỉnh Bắc Kạn", "Bắc Kạn", "province", "Bắc Kạn")]),
    ("LĐLĐ TP.HCM và Công đoàn TP HCM, TP. Hồ Chí Minh, Sài Gòn.",
     [("TP.HCM", "Hồ Chí Minh", "province", "Hồ Chí Minh"), ("TP HCM", "Hồ Chí Minh", "province", "Hồ Chí Minh"),
      ("TP. Hồ Chí Minh", "Hồ Chí Minh", "province", "Hồ Chí Minh"), ("Sài Gòn", "Hồ Chí Minh", "province", "Hồ Chí Minh")]),
    ("Chủ tịch Liên đoàn Lao động TP Huế thăm công nhân ở Huế.",
     [("TP Huế", "Thừa Thiên Huế", "province", "Thừa Thiên Huế"), ("Huế", "Thừa Thiên Huế", "province", "Thừa Thiên Huế")]),
    ("Đoàn công tác đến Khánh Hoà rồi Khánh Hòa.",
     [("Khánh Hoà", "Khánh Hòa", "province", "Khánh Hòa"), ("Khánh Hòa", "Khánh Hòa", "province", "Khánh Hòa")]),
    ("LĐLĐ tỉnh Bà Rịa-Vũng Tàu, BR-VT và Bà Rịa – Vũng Tàu.",
     [("tỉnh Bà Rịa-Vũng Tàu", "Bà Rịa - Vũng Tàu", "province", "Bà Rịa - Vũng Tàu"),
      ("BR-VT", "Bà Rịa - Vũng Tàu", "province", "Bà Rịa - Vũng Tàu"),
      ("Bà Rịa – Vũng Tàu", "Bà Rịa - Vũng Tàu", "province", "Bà Rịa - Vũng Tàu")]),
    ("Công nhân lao động Thủ đô đón Tết.", [("Thủ đô", "Hà Nội", "province", "Hà Nội")]),
    ("tại Thủ đô Viêng Chăn và Thủ đô Hà Nội", [("Hà Nội", "Hà Nội", "province", "Hà Nội")]),
    ("Bà Rịa Vũng Tàu và Phan Rang-Tháp Chàm",
     [("Bà Rịa Vũng Tàu", "Bà Rịa - Vũng Tàu", "province", "Bà Rịa - Vũng Tàu"),
      ("Phan Rang-Tháp Chàm", "Phan Rang - Tháp Chàm", "district", "Ninh Thuận")]),
    ("TT-Huế", [("TT-Huế", "Thừa Thiên Huế", "province", "Thừa Thiên Huế")]),
    # the usual abbreviation, as in a dateline
    ("TTH - Chiều 6/1, Công đoàn Viên chức tỉnh tổ chức hội nghị.", [("TTH", "Thừa Thiên Huế", "province", "Thừa Thiên Huế")]),
    ("LIÊN ĐOÀN LAO ĐỘNG TỈNH BẮC GIANG", [("TỈNH BẮC GIANG", "Bắc Giang", "province", "Bắc Giang")]),
    # kind words belong to the match; district names give their province
    ("Liên đoàn Lao động huyện Mỹ Đức, Hà Nội.",
     [("huyện Mỹ Đức", "Mỹ Đức", "district", "Hà Nội"), ("Hà Nội", "Hà Nội", "province", "Hà Nội")]),
    ("Hội nghị ở H.Nghi Xuân và TX. Duyên Hải, Q.3.",
     [("H.Nghi Xuân", "Nghi Xuân", "district", "Hà Tĩnh"), ("TX. Duyên Hải", "Duyên Hải", "district", "Trà Vinh"),
      ("Q.3", "Quận 3", "district", "Hồ Chí Minh")]),
    ("Công đoàn khu công nghiệp Biên Hoà", [("Biên Hoà", "Biên Hòa", "district", "Đồng Nai")]),
    # a district named like a province: the kind word tells the city from the province
    ("thành phố Bắc Giang", [("thành phố Bắc Giang", "Bắc Giang", "district", "Bắc Giang")]),
    ("huyện Quảng Ninh và tỉnh Quảng Ninh",
     [("huyện Quảng Ninh", "Quảng Ninh", "district", "Quảng Bình"), ("tỉnh Quảng Ninh", "Quảng Ninh", "province", "Quảng Ninh")]),
    ("huyện Hòa Bình", [("huyện Hòa Bình", "Hòa Bình", "district", "Bạc Liêu")]),
    ("quận Hoàng Mai và thị xã Hoàng Mai",
     [("quận Hoàng Mai", "Hoàng Mai", "district", "Hà Nội"), ("thị xã Hoàng Mai", "Hoàng Mai", "district", "Nghệ An")]),
    # a district name in many provinces counts only where the province named next decides
    ("huyện Châu Thành, tỉnh Tiền Giang",
     [("huyện Châu Thành", "Châu Thành", "district", "Tiền Giang"), ("tỉnh Tiền Giang", "Tiền Giang", "province", "Tiền Giang")]),
    ("Liên đoàn Lao động huyện Châu Thành trao quà.", []),
    ("Long Phú và huyện Long Phú",
     [("Long Phú", "Long Phú", "district", "Sóc Trăng"), ("huyện Long Phú", "Long Phú", "district", "Sóc Trăng")]),
    # case matters: "long an" is not Long An
    ("Long An bảo đảm việc làm long an", [("Long An", "Long An", "province", "Long An")]),
    # ordinary words, people and non-places
    ("Việt Nam và Đảng Cộng sản Việt Nam", []),
    ("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", []),
    ("Đoàn TNCS Hồ Chí Minh", []),
    ("Hiệp định CPTPP xuyên Thái Bình Dương", []),
    ("đồng chí Nguyễn Thị Hà Giang, ông Văn Lâm", []),
    ("Khu vực Thống Nhất và Bình Minh", []),
    ("huyện Thống Nhất", [("huyện Thống Nhất", "Thống Nhất", "district", "Đồng Nai")]),
    ("đường Hà Nội, phường Quy Nhơn, cầu Long Biên", []),
    ("ông Vinh và TP Vinh", [("TP Vinh", "Vinh", "district", "Nghệ An")]),
    # a numbered unit is only its own kind's: "Thành phố 4 an" is a campaign, no Quận 4 (wave 41)
    ("chương trình \"Thành phố 4 an\" trên địa bàn thành phố Đà Nẵng",
     [("thành phố Đà Nẵng", "Đà Nẵng", "province", "Đà Nẵng")]),
    ("tại Quận 4 và Q.3, TP HCM",
     [("Quận 4", "Quận 4", "district", "Hồ Chí Minh"), ("Q.3", "Quận 3", "district", "Hồ Chí Minh"),
      ("TP HCM", "Hồ Chí Minh", "province", "Hồ Chí Minh")]),
    ("Liên đoàn Lao động huyện Đắk Glong và huyện Đăk Mil.",
     [("huyện Đắk Glong", "Đăk Glong", "district", "Đắk Nông"), ("huyện Đăk Mil", "Đắk Mil", "district", "Đắk Nông")]),
]


@pytest.mark.parametrize("text, expected", FIND_CASES)
def test_find_places(text, expected):
    found = find_places(text)
    assert [(p.text, p.name, p.level, p.province) for p in found] == expected
    for p in found:
        assert text[p.start:p.end] == p.text


@pytest.mark.parametrize("text, kinds", [
    ("Liên đoàn Lao động tỉnh Cà Mau và huyện Trần Văn Thời", [("tỉnh Cà Mau", "tỉnh"), ("huyện Trần Văn Thời", "huyện")]),
    ("TP.HCM, quận Bình Thạnh và thị xã Ngã Năm", [("TP.HCM", "thành phố"), ("quận Bình Thạnh", "quận"),
                                               ("thị xã Ngã Năm", "thị xã")]),
    ("thành phố Bạc Liêu thuộc tỉnh Bạc Liêu", [("thành phố Bạc Liêu", "thành phố"), ("tỉnh Bạc Liêu", "tỉnh")]),
    # the unit's own kind, whatever is written before it
    ("Công đoàn ngành Y tế Cần Thơ", [("Cần Thơ", "thành phố")]),
])
def test_found_places_carry_the_unit_kind(text, kinds):
    assert [(p.text, p.kind) for p in find_places(text)] == kinds


@pytest.mark.parametrize("name, province", [
    ("TP.HCM", "Hồ Chí Minh"),
    ("Thành phố Hồ Chí Minh", "Hồ Chí Minh"),
    ("Huế", "Thừa Thiên Huế"),
    ("thành phố Huế", "Thừa Thiên Huế"),
    ("tỉnh Bắc Kạn", "Bắc Kạn"),
    ("Bắc Cạn", "Bắc Kạn"),
    ("Khánh Hoà", "Khánh Hòa"),
    ("Bà Rịa-Vũng Tàu", "Bà Rịa - Vũng Tàu"),
    ("  Hà   Nội ", "Hà Nội"),
    ("huyện Mỹ Đức", "Hà Nội"),
    ("Châu Thành", None),          # in ten provinces
    ("Việt Nam", None),
    ("Hồ Chí Minh tỉnh", None),
    ("", None),
])
def test_canonical_province(name, province):
    assert canonical_province(name) == province


@pytest.mark.parametrize("url, provinces", [
    ("https://baobinhduong.vn/lien-doan-lao-dong-tinh-a174489.html", {"Bình Dương"}),
    ("https://amp.laodong.vn/cong-doan/ldld-nghe-an-ho-tro-kinh-phi-866802.ldo", {"Nghệ An"}),
    ("https://nld.com.vn/tp-hcm-145-145-cong-doan-phuong-xa.htm", {"Hồ Chí Minh"}),
    ("https://congdoan.cantho.gov.vn/trien-khai", {"Cần Thơ"}),
    ("https://vietnamnet.vn/xa-hoi/cong-doan-2024.html", set()),
    (None, set()),
])
def test_provinces_in_url(url, provinces):
    assert provinces_in_url(url) == provinces


# ---------------------------------------------------------------- article_province

ARTICLES = [
    # a district name two provinces share goes to the one of the kind the text speaks from
    # (wave 62: "huyện Vĩnh Thạnh" is Bình Định's and Cần Thơ's; train: "huyện An Lão")
    ("Ngày 03.02.2021 Liên đoàn Lao động huyện Vĩnh Thạnh tổ chức chương trình “Tết Sum Vầy”. "
     "Lãnh đạo LĐLĐ tỉnh đã tặng 81 suất quà.", None, "Bình Định"),
    ("Ngày 03.02.2021 Liên đoàn Lao động huyện Vĩnh Thạnh tổ chức chương trình “Tết Sum Vầy”. "
     "Lãnh đạo LĐLĐ thành phố đã tặng 81 suất quà.", None, "Cần Thơ"),
    # ... and to none where the text does not speak from a province (negative)
    ("Ngày 03.02.2021 Liên đoàn Lao động huyện Vĩnh Thạnh tổ chức chương trình “Tết Sum Vầy”.", None, None),
    ("LĐLĐ huyện Châu Thành trao 50 suất quà. LĐLĐ tỉnh chỉ đạo.", None, None),  # ten tỉnh have one
    # the federation named, district-level federation -> its province
    ("“Tết sum vầy” cho người lao động khó khăn ở Nghi Xuân\n\n"
     "Sáng 10/1, Liên đoàn Lao động huyện Nghi Xuân tổ chức chương trình “Tết sum vầy”, trao 174 suất quà.\n\n"
     "Chương trình được LĐLĐ huyện Nghi Xuân tổ chức nhằm hỗ trợ đoàn viên khó khăn.", None, "Hà Tĩnh"),
    ("Công đoàn khu công nghiệp Biên Hòa:\n\nPhấn đấu thành lập mới 20 Công đoàn cơ sở\n\n"
     "Công đoàn khu công nghiệp Biên Hòa vừa thành lập mới một Công đoàn cơ sở có 166 đoàn viên.", None, "Đồng Nai"),
    ("LĐLĐ TP.HCM tổ chức Ngày hội công nhân\n\nSáng 5/5, LĐLĐ TP.HCM tổ chức Ngày hội cho 2.000 công nhân.",
     None, "Hồ Chí Minh"),
    ("Giải pháp nâng cao hoạt động của Công đoàn Viên chức tỉnh\n\n"
     "Công đoàn Viên chức tỉnh Bắc Giang được thành lập ngày 22/6/1996, hiện có 12.000 đoàn viên.", None, "Bắc Giang"),
    # the federation outweighs the place of an event it attends
    ("Đoàn vận động viên tham dự Hội thao\n\nNgày 3/4, đoàn vận động viên LĐLĐ tỉnh Bắc Ninh tham dự Hội thao "
     "công nhân tại Hà Nội. Hội thao diễn ra ở Hà Nội trong 3 ngày.", None, "Bắc Ninh"),
    # the President's name is not Hồ Chí Minh city
    ("Học tập và làm theo tư tưởng Hồ Chí Minh\n\nLiên đoàn Lao động tỉnh Bắc Kạn đẩy mạnh học tập và làm theo "
     "tư tưởng, đạo đức, phong cách Hồ Chí Minh trong 4.000 đoàn viên.", None, "Bắc Kạn"),
    # after the 2025 merger: the new province's federation, a ward named after an old city
    ("Đại hội Công đoàn tỉnh Gia Lai lần thứ I\n\nNgày 30-12, tại Trung tâm Hội nghị tỉnh Gia Lai (phường Quy Nhơn), "
     "Liên đoàn Lao động tỉnh Gia Lai tổ chức Đại hội Công đoàn tỉnh Gia Lai lần thứ I, nhiệm kỳ 2025-2030.", None, "Gia Lai"),
    # national: the union system as a whole, a place only as the venue
    ("Tổng Liên đoàn Lao động Việt Nam tổng kết năm 2023\n\nNgày 5/12, tại Hà Nội, Tổng Liên đoàn Lao động Việt Nam "
     "tổ chức hội nghị tổng kết. Công đoàn Việt Nam đã chăm lo cho đoàn viên trên cả nước.", None, None),
    # a provincial federation that never names its province: cannot be told from the text
    ("Liên đoàn Lao động tỉnh triển khai nhiệm vụ năm 2023\n\nChiều 26/12, Liên đoàn Lao động tỉnh tổ chức hội nghị "
     "tổng kết năm 2022.", None, None),
    # ... even where the website names it: only the text tells the article's province (GOLD.md)
    ("Liên đoàn Lao động tỉnh trao quà Tết\n\nLiên đoàn Lao động tỉnh trao 8.700 phần quà cho công nhân.",
     "http://baobinhduong.vn/lien-doan-lao-dong-tinh-se-tang-8-700-phan-qua-a174489.html", None),
    # the website breaks a tie between provinces the text names
    ("Hai tỉnh trao quà Tết\n\nCông nhân tỉnh Bình Phước và công nhân tỉnh Bình Dương nhận quà.",
     "http://baobinhduong.vn/trao-qua-tet-a174489.html", "Bình Dương"),
    ("Hai tỉnh trao quà Tết\n\nCông nhân tỉnh Bình Phước và công nhân tỉnh Bình Dương nhận quà.",
     "http://baobinhphuoc.com.vn/trao-qua-tet-a174489.html", "Bình Phước"),
    ("Phát triển đoàn viên\n\nCác cấp công đoàn đã kết nạp 3.000 đoàn viên mới.", None, None),
    # a national sector union meeting in the capital is national
    ("Hội nghị Ban Chấp hành\n\nChiều 5/7, Ban Chấp hành Công đoàn Giáo dục Việt Nam họp phiên thường kỳ tại Hà Nội. "
     "Đồng chí Nguyễn Thị Thu Hà chủ trì.", None, None),
    # ... but a national leader's visit reports on the province visited
    ("Phó Chủ tịch Tổng LĐLĐ Việt Nam thăm công nhân Bình Dương\n\nNgày 20/1, Phó Chủ tịch Tổng LĐLĐ Việt Nam đã "
     "tặng 500 suất quà cho công nhân tại Bình Dương. Bình Dương có 1,2 triệu công nhân.", None, "Bình Dương"),
    # ... and so does one for the province's own workers, named with it (waves 17 and 49)
    ("Chợ Tết Công đoàn - Xuân 2026 sẽ mang đến cơ hội mua sắm cho 3.070 đoàn viên, người lao động Hà Tĩnh\n\n"
     "Chợ Tết Công đoàn là sàn giao dịch do Tổng Liên đoàn Lao động Việt Nam tổ chức trên quy mô toàn quốc, "
     "dự kiến thu hút hơn 200.000 đoàn viên cả nước.", None, "Hà Tĩnh"),
    ("Cả nghìn người lao động TPHCM tham gia chợ Tết Công đoàn\n\nChợ Tết Công đoàn do Tổng Liên đoàn Lao động "
     "Việt Nam tổ chức, thu hút hàng nghìn đoàn viên. Đây là hoạt động trọng tâm của Tổng Liên đoàn trên cả nước.",
     None, "Hồ Chí Minh"),
    # ... but not workers of a province listed among others by a national body (negative)
    ("Tổng Liên đoàn Lao động Việt Nam hỗ trợ công nhân\n\nTổng Liên đoàn Lao động Việt Nam hỗ trợ công nhân cả "
     "nước, trong đó có công nhân Bình Dương, công nhân Đồng Nai và công nhân Long An. Tổng Liên đoàn chỉ đạo toàn "
     "quốc. Công đoàn Việt Nam chăm lo cho đoàn viên. Trung ương chỉ đạo.", None, None),
    # "LĐLĐ tỉnh" speaks from inside a tỉnh: the national congress's venue (a city) is not the seat
    ("Báo cáo nhanh kết quả Đại hội Công đoàn Việt Nam\n\nĐại hội diễn ra tại Thủ đô Hà Nội. Để cán bộ, đoàn viên "
     "tỉnh Bến Tre nắm rõ kết quả Đại hội, Ban Thường vụ LĐLĐ tỉnh xây dựng kế hoạch.", None, "Bến Tre"),
    ("Công nhân Thủ đô hưởng ứng Tháng Công nhân\n\nNgày 1/5, Liên đoàn Lao động thành phố tổ chức lễ phát động "
     "tại quận Ba Đình.", None, "Hà Nội"),
    # a line listing the federations of many provinces tells of none of them
    ("Tổng Liên đoàn Lao động Việt Nam sơ kết chương trình\n\nSáng 14-7, Tổng Liên đoàn Lao động Việt Nam tổ chức hội "
     "nghị sơ kết." + " Chương trình đã lan tỏa sâu rộng trong đoàn viên, người lao động cả nước." * 9 + "\n13 tập thể được "
     "tặng Bằng khen gồm: Liên đoàn Lao động Thanh Hóa; Liên đoàn Lao động Bắc Giang; Liên đoàn Lao động Hậu Giang; "
     "Liên đoàn Lao động Đồng Nai.", None, None),
    # a sector union of a province is a body of that province: "Viên chức" is no place's end (wave 43)
    ("Hội nghị tổng kết\n\nHội nghị cũng tổng kết 10 năm thực hiện nghị quyết 6b/NQ-BCH và chỉ thị số 03/CT-TLĐ "
     "của Tổng Liên đoàn Lao động Việt Nam. Tổng Liên đoàn Lao động Việt Nam khen thưởng 5 tập thể.\n\n"
     "Công đoàn Viên chức tỉnh Thái Nguyên cũng chỉ đạo các công đoàn cơ sở hoàn thành nhiệm vụ.", None, "Thái Nguyên"),
    # a federation ahead of a list of provinces on its line is no item of the list
    ("Giao lưu Công đoàn viên chức\n\nSáng ngày 24/7, Liên đoàn Lao động tỉnh Cà Mau, Công đoàn viên chức tỉnh tổ "
     "chức buổi giao lưu Công đoàn viên chức các tỉnh Nam Sông Hậu gồm Cà Mau, Bạc Liêu, Sóc Trăng, Hậu Giang và "
     "Kiên Giang.\nHọp mặt lần sau sẽ do Công đoàn viên chức tỉnh Kiên Giang đăng cai tổ chức.", None, "Cà Mau"),
    # a list runs on past a non-place item ("...; Công đoàn Than - Khoáng sản Việt Nam; LĐLĐ TP Hà Nội; ...")
    ("Tổng Liên đoàn Lao động Việt Nam khen thưởng\n\nSáng 14-7, Tổng Liên đoàn Lao động Việt Nam tổ chức hội "
     "nghị sơ kết." + " Chương trình đã lan tỏa sâu rộng trong đoàn viên, người lao động cả nước." * 9 + "\n13 tập "
     "thể được tặng Bằng khen gồm: LĐLĐ tỉnh Thanh Hóa; LĐLĐ TP HCM; LĐLĐ tỉnh Bắc Giang; LĐLĐ tỉnh Hậu Giang; LĐLĐ "
     "tỉnh Đồng Nai; LĐLĐ tỉnh Lâm Đồng; LĐLĐ tỉnh Hải Dương; LĐLĐ tỉnh Lào Cai; Công đoàn Than - khoáng sản Việt "
     "Nam; LĐLĐ TP Hà Nội; LĐLĐ tỉnh Nghệ An; Công đoàn Dầu khí Việt Nam.", None, None),
    # a provincial newspaper's masthead, kept as furniture, tells whose the bare "tỉnh" is (wave 49)
    ("Báo Bình Dương điện tử - www.baobinhduong.vn\nTổng Biên tập: LÊ MINH TÙNG\nTừ đầu tháng 5 đến nay, Công đoàn "
     "các khu công nghiệp tỉnh đã tổ chức nhiều hoạt động chăm lo cho người lao động.", None, "Bình Dương"),
    # ... but not the union system's national news it carries (negative)
    ("Báo Bình Dương điện tử - www.baobinhduong.vn\nTổng Liên đoàn Lao động Việt Nam tổng kết năm 2023\n\nNgày 5/12, "
     "Tổng Liên đoàn Lao động Việt Nam tổ chức hội nghị tổng kết. Công đoàn Việt Nam đã chăm lo cho đoàn viên trên "
     "cả nước.", None, None),
    # a given name after a surname is a person's, not a district ("ông Chu Nguyên Bình")
    ("Đại hội Công đoàn Ngân hàng Việt Nam\n\nĐại hội Công đoàn Ngân hàng Việt Nam được tổ chức. Chủ tịch Công đoàn "
     "ông Chu Nguyên Bình phát biểu. Công đoàn Việt Nam chăm lo cho đoàn viên.", None, None),
]


@pytest.mark.parametrize("text, url, province", ARTICLES)
def test_article_province(text, url, province):
    assert article_province(doc_of(text, url=url)) == province


@pytest.mark.parametrize("page, provinces", [
    ("Báo Bình Dương điện tử - www.baobinhduong.vn", {"Bình Dương"}),
    ("Theo dõi Báo Gia Lai trên Google News", {"Gia Lai"}),
    ("BÁO THỪA THIÊN HUẾ\nTheo Báo Nghệ An", {"Thừa Thiên Huế", "Nghệ An"}),
    ("Báo cáo Bình Dương", set()),             # a report, no newspaper
    ("Báo Lao Động", set()),                   # a national paper
    ("Báo Thái Bình Dương", set()),           # the ocean, no province
    # the paper's web address it credits itself with (wave 58)
    ("(Baoquangngai.vn)- Sáng 28.6, LĐLĐ tỉnh phối hợp tổ chức", {"Quảng Ngãi"}),
    ("BAOTAYNINH.VN", {"Tây Ninh"}),
    ("Nguồn: baomoi.vn, baochinhphu.vn", set()),  # national papers (negative)
    # a provincial television's or portal's host (train: "(Thanhhoa.dcs.vn):", "(kontumtv.vn)")
    ("(Thanhhoa.dcs.vn): Năm 2021, Ban Thường vụ LĐLĐ tỉnh đã tổ chức kiểm tra", {"Thanh Hóa"}),
    ("(kontumtv.vn) - Chiều 24/4", {"Kon Tum"}),
    ("(backancity.gov.vn)", {"Bắc Kạn"}),
    ("(hanoimoi.com.vn) - Nguồn: nld.com.vn, laodong.vn, vov.vn", set()),  # no province's own name
])
def test_newspaper_provinces(page, provinces):
    assert places._newspaper_provinces(page) == provinces


def dev_gold() -> dict[str, str | None]:
    return {r["doc_id"]: r["province"] for r in map(json.loads, (DEV / "gold.jsonl").read_text().splitlines())}


@pytest.mark.skipif(not DEV.exists(), reason="dev corpus not available")
@pytest.mark.parametrize("doc_id", ["ds-020", "ds-004", "dn-016", "dn-002", "ds-001", "ds-011", "dn-013", "dn-017", "dn-004"])
def test_article_province_dev(doc_id):
    text = (DEV / f"{doc_id}.txt").read_text(encoding="utf-8")
    doc = build_document(RawRecord(doc_id=doc_id, source=f"{doc_id}.txt", text=text))
    assert article_province(doc) == dev_gold()[doc_id]


# ---------------------------------------------------------------- the 2025 merger

@pytest.mark.parametrize("province, merged", [
    ("Bình Định", "Gia Lai"),
    ("Gia Lai", "Gia Lai"),
    ("Thừa Thiên Huế", "Huế"),
    ("Bà Rịa - Vũng Tàu", "Hồ Chí Minh"),
    ("Bình Dương", "Hồ Chí Minh"),
    ("Bắc Kạn", "Thái Nguyên"),
    ("Hà Giang", "Tuyên Quang"),
    ("Hà Nội", "Hà Nội"),
    ("Hòa Bình", "Phú Thọ"),
    ("Quảng Nam", "Đà Nẵng"),
    (None, None),
    ("Atlantis", None),
])
def test_province_2025(province, merged):
    assert province_2025(province) == merged


def test_crosswalk_frame():
    frame = crosswalk_frame()
    assert list(frame.columns) == ["province", "province_2025"]
    assert len(frame) == 63 and frame["province"].is_unique
    assert frame["province_2025"].nunique() == 34
    assert frame.set_index("province").loc["Khánh Hòa", "province_2025"] == "Khánh Hòa"
    assert frame.set_index("province").loc["Ninh Thuận", "province_2025"] == "Khánh Hòa"


@pytest.mark.parametrize("text,province", [
    # districts merged away before 2025 still name their province in older news
    ("LĐLĐ tỉnh phối hợp với LĐLĐ huyện Long Điền bàn giao nhà cho đoàn viên ở huyện Đất Đỏ.", "Bà Rịa - Vũng Tàu"),
    ("Công đoàn cơ sở xã Thống Nhất, huyện Hoành Bồ tổ chức hội nghị.", "Quảng Ninh"),
    # ... and so do those merged in 2024 (wave 47)
    ("Ban chấp hành Liên đoàn Lao động huyện Đông Sơn đã tiến hành họp mở rộng.", "Thanh Hóa"),
])
def test_former_districts_point_to_their_province(text, province):
    from pipeline.place_matcher import find_places
    assert {p.province for p in find_places(text) if p.level == "district"} == {province}


def _province_of(text: str) -> str | None:
    from pipeline.core import build_document
    from pipeline.places import article_province
    from pipeline.records import RawRecord
    return article_province(build_document(RawRecord(doc_id="t", source="t", text=text)))


@pytest.mark.parametrize("text,province", [
    # a post-2025 commune union named after a former district takes that district's old unit ...
    ("Công đoàn xã Thăng Bình, Đà Nẵng vừa tổ chức chương trình Tết sum vầy cho đoàn viên.\n"
     "LĐLĐ thành phố Đà Nẵng trích kinh phí hỗ trợ 500 suất quà.", "Quảng Nam"),
    ("Công đoàn phường Yên Bái trao kinh phí hỗ trợ đoàn viên\n\nLào Cai - Công đoàn phường Yên Bái vừa trao kinh phí.",
     "Yên Bái"),
    # written from inside a district ("Liên đoàn Lao động quận", "Quận uỷ"): local, though the
    # anniversary it celebrates names the union system as a whole again and again
    ("Lễ kỷ niệm 85 năm ngày thành lập Công đoàn Việt Nam\n\nSáng 23/7, Liên đoàn Lao động quận đã tổ chức lễ kỷ "
     "niệm 85 năm ngày thành lập Công đoàn Việt Nam, ôn lại truyền thống của Công đoàn Việt Nam. Lãnh đạo Quận uỷ, "
     "Tổng Liên đoàn Lao động Việt Nam về dự.\nCông nhân viên chức lao động quận Hà Đông ra sức thi đua.", "Hà Nội"),
    # a person's name that holds a district's ("Tẩn Minh Long": Minh Long is in Quảng Ngãi) is no place
    ("Chiều nay (9/8), LĐLĐ tỉnh trao 29 suất quà cho đoàn viên tại xã Huổi Lèng (huyện Mường Chà).\n"
     "Chủ tịch LĐLĐ tỉnh Tẩn Minh Long chia sẻ, động viên đoàn viên.", "Điện Biên"),
    # a district's name ending in a direction word ("Hà Trung") is read whole before the word is dropped
    ("Ngày 1/2, Công đoàn xã Hà Trung tổ chức chương trình “Tết sum vầy - Xuân ơn Đảng” năm 2026 cho đoàn viên.",
     "Thanh Hóa"),
    # ... and so does an event held in a ward of a former unit ("tại phường Vũng Tàu")
    ("Sáng 6-8, tại phường Vũng Tàu (TPHCM), Tổ công tác số 5 của LĐLĐ TPHCM đã tổ chức chương trình chăm lo "
     "cho đoàn viên.\nBà Phạm Thu Hường, Phó Chủ tịch LĐLĐ TPHCM trao quà.", "Bà Rịa - Vũng Tàu"),
    # ... the merged province's own federation keeps the kept name
    ("Ngày 30-12, tại Trung tâm Hội nghị tỉnh Gia Lai (phường Quy Nhơn), Liên đoàn Lao động tỉnh Gia Lai "
     "tổ chức Đại hội Công đoàn tỉnh Gia Lai lần thứ I, nhiệm kỳ 2025-2030.", "Gia Lai"),
    # ... and a ward named after a former province merged into the one told (wave 24)
    ("Công đoàn phường Bình Định đề ra 3 chỉ tiêu\n\n(GLO)- Sáng 30-10, Công đoàn phường Bình Định (tỉnh Gia Lai) "
     "tổ chức Đại hội nhiệm kỳ 2025-2030. Dự có Chủ tịch LĐLĐ tỉnh Hà Duy Trung.", "Bình Định"),
    ("Sáng 30-10, Công đoàn phường Quy Nhơn (tỉnh Gia Lai) tổ chức Đại hội nhiệm kỳ 2025-2030.", "Bình Định"),
    ("Sáng 30-10, Công đoàn phường Pleiku (tỉnh Gia Lai) tổ chức Đại hội nhiệm kỳ 2025-2030.", "Gia Lai"),
    # with no province named at all, a ward named after a former town still tells it
    ("Ngày 30/10, Công đoàn phường Vĩnh Yên tổ chức Đại hội lần thứ I, nhiệm kỳ 2025-2030.", "Vĩnh Phúc"),
    ("Sáng 26/10, Công đoàn phường Vĩnh Phúc tổ chức Đại hội lần thứ I, nhiệm kỳ 2025 – 2030.", "Vĩnh Phúc"),
    # ... and so does a commune or ward made in 2025 under a name of its own, in one former province
    ("Ngày 26/10, Công đoàn phường Thanh Miếu tổ chức Đại hội lần thứ I, nhiệm kỳ 2025 – 2030.", "Phú Thọ"),
    ("Ngày 26/10, Công đoàn xã Hội Thịnh tổ chức Đại hội lần thứ I. Dự có lãnh đạo Liên đoàn Lao động tỉnh.",
     "Vĩnh Phúc"),
    # ... also where the merged province is told: the ward lay in the unit merged into it
    # (GOLD.md: "phường Thuận Giao (TPHCM)" is Bình Dương), not where it lay in the told one
    ("Sáng 22-10, Công đoàn phường Thuận Giao (TPHCM) tổ chức Hội nghị đại biểu Công đoàn phường lần thứ I.",
     "Bình Dương"),
    ("Sáng 22-10, Công đoàn phường Bàn Cờ (TPHCM) tổ chức Hội nghị đại biểu Công đoàn phường lần thứ I.",
     "Hồ Chí Minh"),
    # a name several new communes share tells nothing
    ("Ngày 26/10, Công đoàn xã Mỹ Hương tổ chức Đại hội lần thứ I, nhiệm kỳ 2025 – 2030.", None),
    # a bare place name alone on its line is a byline, not the article's place
    ("Công đoàn Viên chức tỉnh tổ chức hội nghị tổng kết năm 2016.\n\nThái Bình", None),
])
def test_article_province_after_the_2025_merger(text, province):
    assert _province_of(text) == province


# ---------------------------------------------------------------- the matcher against its regex

def _hits_of_regex(pattern, text: str) -> list[tuple]:
    def kind(m):
        return next(((g.removesuffix("_kind"), m.group(g)) for g in ("province_kind", "city_kind", "district_kind")
                     if m.group(g)), (None, None))
    return [(m.start(), m.end(), m.start("name"), *kind(m)) for m in pattern.finditer(text)]


def _hits(text: str) -> list[tuple]:
    from pipeline.place_matcher import PLACES
    return [(h.start, h.end, h.name_start, h.kind, h.kind_word) for h in PLACES.finditer(text)]


@pytest.fixture(scope="module")
def place_regex():
    import regex

    from pipeline.place_matcher import place_alternation
    return regex.compile(place_alternation())


@pytest.mark.parametrize("text", [
    "LĐLĐ TP.HCM và TPHCM, Tp. HCM, TP.Hồ Chí Minh",
    "huyện Mỹ Đức, H.Nghi Xuân, Q.1, Quận 10, TX.Hương Thủy, thị xã  Sơn Tây, T.X.Quảng Trị",
    "tỉnh Bà Rịa-Vũng Tàu, Bà Rịa – Vũng Tàu, BR-VT, BRVT, Thừa Thiên - Huế, TT-Huế",
    "Khánh Hoà, Khánh Hòa, KHÁNH HÒA, thành phố\nHà Nội, Hà Nộii, xHà Nội, Cư M'gar, M'Đrắk",
    "Thủ đô Viêng Chăn, Thái Bình Dương, đường Hà Nội, huyệnMỹ Đức, tỉnhHà Nam, Tỉnh",
    "", "tỉnh", "TP.", "TPHCM", "H.",
])
def test_matcher_finds_what_the_alternation_finds(place_regex, text):
    assert _hits(text) == _hits_of_regex(place_regex, text)


@pytest.mark.parametrize("text", ["TP.HCM", "tỉnh Bắc Kạn", "Huế", "thành phố Huế", "TP HCM", "Hà Nội x",
                                  "x Hà Nội", "tỉnh", "Quận 1", "huyện Châu Thành", "Bà Rịa Vũng Tàu"])
def test_matcher_fullmatch_is_the_alternations(place_regex, text):
    from pipeline.place_matcher import PLACES
    m, hit = place_regex.fullmatch(text), PLACES.fullmatch(text)
    assert (m is None) == (hit is None)
    if m is not None:
        assert (hit.end, hit.name_start) == (m.end(), m.start("name"))


def _corpus_lines() -> list[str]:
    files = sorted(DEV.glob("*.txt")) + sorted((REPO / "eval" / "real").glob("*.txt"))
    return [line for f in files for line in f.read_text(encoding="utf-8").split("\n")]


@pytest.mark.skipif(not DEV.exists(), reason="dev corpus not available")
def test_matcher_agrees_with_the_alternation_on_every_corpus_line(place_regex):
    lines = _corpus_lines()
    assert len(lines) > 1000
    differing = [line for line in lines if _hits(line) != _hits_of_regex(place_regex, line)]
    assert differing == []


@pytest.mark.parametrize("text,province", [
    # an industrial-zone union's kind, "và" included, stands between its head and its place (wave 47)
    ("Thực hiện Điều lệ Công đoàn Việt Nam, Ban Thường vụ Công đoàn các khu công nghiệp và chế xuất Hà Nội "
     "đã xây dựng kế hoạch tuyên truyền. Công đoàn các KCN&CX Hà Nội ra quyết định công nhận Công đoàn cơ sở. "
     "Chủ tịch Tổng Liên đoàn Lao động Việt Nam gửi thư chúc mừng.", "Hà Nội"),
    # ... while "và" after a plain union head still ends its name: the place is another's
    ("Tổng Liên đoàn Lao động Việt Nam và Công đoàn Việt Nam phối hợp với cán bộ công đoàn và Hà Nội "
     "tổ chức hội nghị toàn quốc của Tổng Liên đoàn.", None),
])
def test_a_zone_unions_kind_is_part_of_its_name(text, province):
    assert _province_of(text) == province
