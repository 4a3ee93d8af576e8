"""References to Party, State and union documents: sentence → rows (type, number, symbol,
canonical_id, issuer, issued)."""
from __future__ import annotations

import datetime as dt

import pytest

from pipeline.core import build_document
from pipeline.extract.dates import extract_dates
from pipeline.extract.directives import extract_directives
from pipeline.records import DateMention, RawRecord

D = dt.date


def rows(text: str, dates: list[DateMention] | None = None) -> list[tuple]:
    """The directives of `text`, after the dates stage as the pipeline runs them (a document's
    day is the one the dates stage read); `dates` replaces that stage's mentions."""
    doc = build_document(RawRecord(doc_id="t", source="t", text=text))
    found = extract_directives(doc, extract_dates(doc, None) if dates is None else dates)
    for m in found:
        assert doc.body[m.start:m.end] == m.text
    return [(m.type, m.number, m.symbol, m.canonical_id, m.issuer, m.issued) for m in found]


CASES = [
    # Party numbering, issuer after "của", date right after the symbol
    ("Thực hiện Nghị quyết số 02-NQ/TW ngày 12/6/2021 của Bộ Chính trị về “Đổi mới tổ chức và hoạt động của Công đoàn Việt Nam trong tình hình mới”.",
     [("Nghị quyết", "02", "NQ/TW", "02-NQ/TW", "Bộ Chính trị", D(2021, 6, 12))]),
    ("Chỉ thị số 06-CT/TU ngày 15/4/2021 của Ban Thường vụ Tỉnh ủy về tăng cường sự lãnh đạo.",
     [("Chỉ thị", "06", "CT/TU", "06-CT/TU", "Ban Thường vụ Tỉnh ủy", D(2021, 4, 15))]),
    ("Kế hoạch số 101-KH/ĐĐ-LĐLĐ, ngày 31/5/2021 của Đảng đoàn LĐLĐ tỉnh Cao Bằng về việc thực hiện.",
     [("Kế hoạch", "101", "KH/ĐĐ-LĐLĐ", "101-KH/ĐĐ-LĐLĐ", "Đảng đoàn Liên đoàn Lao động tỉnh Cao Bằng", D(2021, 5, 31))]),
    # stray space in the symbol is removed; a list shares its date and issuer
    ("Góp ý xây dựng Đảng theo Quyết định 217- QĐ/TW và Quyết định 218- QĐ/TW ngày 12/12/2013 của Bộ Chính trị.",
     [("Quyết định", "217", "QĐ/TW", "217-QĐ/TW", "Bộ Chính trị", D(2013, 12, 12)),
      ("Quyết định", "218", "QĐ/TW", "218-QĐ/TW", "Bộ Chính trị", D(2013, 12, 12))]),
    ("Thực hiện Nghị quyết số 18, 19-NQ/TW ngày 25/10/2017 của Hội nghị Trung ương 6 khóa XII về sắp xếp bộ máy.",
     [("Nghị quyết", "18", "NQ/TW", "18-NQ/TW", "Hội nghị Trung ương 6 khóa XII", D(2017, 10, 25)),
      ("Nghị quyết", "19", "NQ/TW", "19-NQ/TW", "Hội nghị Trung ương 6 khóa XII", D(2017, 10, 25))]),
    # symbols naming different bodies do not share a list's tail
    ("Thực hiện Nghị quyết 02-NQ/TW và Chỉ thị 06-CT/TU ngày 15/4/2021 của Ban Thường vụ Tỉnh ủy.",
     [("Nghị quyết", "02", "NQ/TW", "02-NQ/TW", None, None),
      ("Chỉ thị", "06", "CT/TU", "06-CT/TU", "Ban Thường vụ Tỉnh ủy", D(2021, 4, 15))]),
    # State/union numbering, symbol case kept as written, abbreviations in the issuer expanded
    ("Hội thi thợ giỏi theo Quyết định số 5816/QĐ-UBND ngày 26/10/2018 của Ủy ban nhân dân Thành phố.",
     [("Quyết định", "5816", "QĐ-UBND", "5816-QĐ-UBND", "Ủy ban nhân dân Thành phố", D(2018, 10, 26))]),
    ("Theo kế hoạch 198/KH-LĐLĐ của LĐLĐ TP HCM về việc tổ chức đại hội Công đoàn các cấp.",
     [("Kế hoạch", "198", "KH-LĐLĐ", "198-KH-LĐLĐ", "Liên đoàn Lao động thành phố Hồ Chí Minh", None)]),
    ("Thực hiện Nghị quyết số 5a/NQ-TLĐ ngày 4/1/2010 của Ban Chấp hành Tổng Liên đoàn Lao động VN khóa IX về đẩy mạnh "
     "phong trào.",
     [("Nghị quyết", "5a", "NQ-TLĐ", "5a-NQ-TLĐ", "Ban Chấp hành Tổng Liên đoàn Lao động Việt Nam khóa IX", D(2010, 1, 4))]),
    ("Thực hiện Công văn 42/CV-LĐLĐ, ngày 18/02/2020 của Liên đoàn Lao động thành phố Cần Thơ về việc tham gia hiến máu.",
     [("Công văn", "42", "CV-LĐLĐ", "42-CV-LĐLĐ", "Liên đoàn Lao động thành phố Cần Thơ", D(2020, 2, 18))]),
    ("Theo Quyết định số 1023/QĐ-UBND ngày 15/5/2022 của UBND tỉnh Quảng Nam, giao chỉ tiêu.",
     [("Quyết định", "1023", "QĐ-UBND", "1023-QĐ-UBND", "Ủy ban nhân dân tỉnh Quảng Nam", D(2022, 5, 15))]),
    ("Hướng dẫn số 03/HD-TLĐ ngày 20/3/2020 của Tổng LĐLĐ Việt Nam về đại hội công đoàn.",
     [("Hướng dẫn", "03", "HD-TLĐ", "03-HD-TLĐ", "Tổng Liên đoàn Lao động Việt Nam", D(2020, 3, 20))]),
    # "văn bản số N/..." is an official letter; the body whose officer signed it issued it, not the
    # officer ("Lê Đình Hùng" ends the body's name), though a place name after a title stays the body's
    ("Mới đây, Phó Chủ tịch LĐLĐ Thành phố Lê Đình Hùng đã ký văn bản số 431/LĐLĐ về việc phát huy vai trò của "
     "tổ chức công đoàn.",
     [("Công văn", "431", "LĐLĐ", "431-LĐLĐ", "Liên đoàn Lao động Thành phố", None)]),
    ("Xin đồng chí cho biết ý nghĩa của việc Ban Thường vụ Thành ủy Hà Nội ban hành Kế hoạch số 35/KH-TU về thực "
     "hiện nghị quyết.",
     [("Kế hoạch", "35", "KH-TU", "35-KH-TU", "Ban Thường vụ Thành ủy Hà Nội", None)]),
    # an abbreviation glossing the type may stand before the number
    ("Ban Thường vụ Thành ủy tổ chức tổng kết 10 năm thực hiện Nghị quyết (NQ) 28 về xây dựng tổ chức Đảng.",
     [("Nghị quyết", "28", None, "Nghị quyết 28", None, None)]),
    # a legal document's number carries its year: the symbol is everything after the serial (GOLD.md)
    ("Theo Nghị định 135/2020/NĐ-CP của Chính phủ quy định về tuổi nghỉ hưu.",
     [("Nghị định", "135", "2020/NĐ-CP", "135/2020-NĐ-CP", "Chính phủ", None)]),
    ("Thực hiện Thông tư số 11/2020/TT-BGDĐT ngày 19/5/2020 của Bộ Giáo dục và Đào tạo.",
     [("Thông tư", "11", "2020/TT-BGDĐT", "11/2020-TT-BGDĐT", "Bộ Giáo dục và Đào tạo", D(2020, 5, 19))]),
    ("Thông tư số 01/2021/TT-BLĐTBXH của Bộ Lao động - Thương binh và Xã hội hướng dẫn thi hành.",
     [("Thông tư", "01", "2021/TT-BLĐTBXH", "01/2021-TT-BLĐTBXH", "Bộ Lao động - Thương binh và Xã hội", None)]),
    # a joint document's code names its issuers after a further slash (wave 41)
    ("Thực hiện Thông tư liên tịch số 119/2004/TTLT/BTC-TLĐLĐVN ngày 8/12/2004 của Bộ Tài chính - Tổng Liên đoàn "
     "Lao động Việt Nam về việc hướng dẫn trích nộp kinh phí công đoàn.",
     [("Thông tư", "119", "2004/TTLT/BTC-TLĐLĐVN", "119/2004-TTLT/BTC-TLĐLĐVN",
       "Bộ Tài chính - Tổng Liên đoàn Lao động Việt Nam", D(2004, 12, 8))]),
    # ... no other code goes on after a slash
    ("Theo Công văn số 75/CĐVC/TG của Công đoàn Viên chức.",
     [("Công văn", "75", "CĐVC", "75-CĐVC", "Công đoàn Viên chức", None)]),
    # a sector's abbreviation inside an issuer's name is expanded there as in a union's (wave 24)
    ("Căn cứ Kế hoạch số 1059/KH-CĐN ngày 12/7/2022 của Công đoàn GTVT Việt Nam về tổ chức Đại hội.",
     [("Kế hoạch", "1059", "KH-CĐN", "1059-KH-CĐN", "Công đoàn Giao thông vận tải Việt Nam", D(2022, 7, 12))]),
    ("Kế hoạch số 41/KH-CĐCS ngày 17/10/2022 của Ban Thường vụ Công đoàn Cục ĐTNĐ Việt Nam.",
     [("Kế hoạch", "41", "KH-CĐCS", "41-KH-CĐCS", "Ban Thường vụ Công đoàn Cục Đường thủy nội địa Việt Nam",
       D(2022, 10, 17))]),
    # a Party document written in the State style keeps the symbol as written ...
    ("Sơ kết thực hiện Nghị quyết 20/NQ-TW về xây dựng giai cấp công nhân.",
     [("Nghị quyết", "20", "NQ-TW", "20-NQ-TW", None, None)]),
    ("Thực hiện Kế hoạch 35/KH-TU của Ban Thường vụ Tỉnh ủy.",
     [("Kế hoạch", "35", "KH-TU", "35-KH-TU", "Ban Thường vụ Tỉnh ủy", None)]),
    # ... unless the article also writes it in the Party form: one document
    ("Sơ kết Nghị quyết 20/NQ-TW\nThực hiện Nghị quyết 20-NQ/TW của Ban Chấp hành Trung ương.",
     [("Nghị quyết", "20", "NQ/TW", "20-NQ/TW", None, None),
      ("Nghị quyết", "20", "NQ/TW", "20-NQ/TW", "Ban Chấp hành Trung ương", None)]),
    # a number with a letter is whole
    ("Triển khai Kế hoạch số 12b/KH-LĐLĐ và Nghị quyết 6b/NQ-BCH.",
     [("Kế hoạch", "12b", "KH-LĐLĐ", "12b-KH-LĐLĐ", None, None),
      ("Nghị quyết", "6b", "NQ-BCH", "6b-NQ-BCH", None, None)]),
    # a number without a symbol; "số" or a title-case type
    ("Thực hiện Kết luận số 01, ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 05 của Bộ Chính trị “Về đẩy mạnh học tập”.",
     [("Kết luận", "01", None, "Kết luận 01", "Bộ Chính trị", D(2021, 5, 18)),
      ("Chỉ thị", "05", None, "Chỉ thị 05", "Bộ Chính trị", None)]),
    ("Kết luận số 21 ngày 25/10/2021 của Ban Chấp hành Trung ương khóa XIII về đẩy mạnh xây dựng Đảng.",
     [("Kết luận", "21", None, "Kết luận 21", "Ban Chấp hành Trung ương khóa XIII", D(2021, 10, 25))]),
    ("Đề án số 04, ngày 21/7/2020 của Liên đoàn Lao động (LĐLĐ) tỉnh về triển khai Cuộc vận động.",
     [("Đề án", "04", None, "Đề án 04", "Liên đoàn Lao động tỉnh", D(2020, 7, 21))]),
    ("Nghị quyết 68 đã đi vào cuộc sống.",
     [("Nghị quyết", "68", None, "Nghị quyết 68", None, None)]),
    # a letter glued to a bare number is part of it; "ngày" before a day dates the document
    ("Chúng tôi thực hiện Nghị quyết 10b ngày 12/1/2017 của Ban Chấp hành Tổng LĐLĐ Việt Nam.",
     [("Nghị quyết", "10b", None, "Nghị quyết 10b", "Ban Chấp hành Tổng Liên đoàn Lao động Việt Nam", D(2017, 1, 12))]),
    ("Thực hiện Chỉ thị 05 ngày 15/5/2016 của Bộ Chính trị.",
     [("Chỉ thị", "05", None, "Chỉ thị 05", "Bộ Chính trị", D(2016, 5, 15))]),
    # a symbol without a type word is typed by its abbreviation
    ("Các cấp công đoàn triển khai theo 204/KH-LĐLĐ và 12-CTr/TU.",
     [("Kế hoạch", "204", "KH-LĐLĐ", "204-KH-LĐLĐ", None, None),
      ("Chương trình", "12", "CTr/TU", "12-CTr/TU", None, None)]),
    ("Thực hiện Quy định số 08-QĐi/TW ngày 25/10/2021 của Ban Chấp hành Trung ương.",
     [("Quy định", "08", "QĐi/TW", "08-QĐi/TW", "Ban Chấp hành Trung ương", D(2021, 10, 25))]),
    # a qualifier between type and number; a symbol coding a kind that is not reported
    ("Thực hiện Thông báo kết luận số 123-TB/TW của Bộ Chính trị và Chương trình hành động số 35-CTr/TU ngày 3/3/2021 của Tỉnh ủy.",
     [("Chương trình", "35", "CTr/TU", "35-CTr/TU", "Tỉnh ủy", D(2021, 3, 3))]),
    # a union resolution numbered with a letter; a list of full symbols
    ("Thực hiện Nghị quyết số 7c/NQ-TLĐ ngày 18/1/2017 của Ban Chấp hành Tổng Liên đoàn về phát triển đoàn viên.",
     [("Nghị quyết", "7c", "NQ-TLĐ", "7c-NQ-TLĐ", "Ban Chấp hành Tổng Liên đoàn", D(2017, 1, 18))]),
    ("Nghị quyết số 18-NQ/TW, 19-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng (khóa XII).",
     [("Nghị quyết", "18", "NQ/TW", "18-NQ/TW", "Ban Chấp hành Trung ương Đảng khóa XII", D(2017, 10, 25)),
      ("Nghị quyết", "19", "NQ/TW", "19-NQ/TW", "Ban Chấp hành Trung ương Đảng khóa XII", D(2017, 10, 25))]),
    # "do ... ban hành"; a hyphenated place name inside the issuer
    ("Theo Kế hoạch số 10/KH-LĐLĐ do Ban Thường vụ LĐLĐ tỉnh Bà Rịa - Vũng Tàu ban hành, các cấp công đoàn tổ chức.",
     [("Kế hoạch", "10", "KH-LĐLĐ", "10-KH-LĐLĐ", "Ban Thường vụ Liên đoàn Lao động tỉnh Bà Rịa - Vũng Tàu", None)]),
    # a document issued inside another's topic is not named by title
    ("Thực hiện Quyết định số 1729/QĐ-TLĐ, ngày 20/12/2022 của Tổng Liên đoàn Lao động Việt Nam về việc ban hành Quy định về tổ chức công đoàn.",
     [("Quyết định", "1729", "QĐ-TLĐ", "1729-QĐ-TLĐ", "Tổng Liên đoàn Lao động Việt Nam", D(2022, 12, 20))]),
    # misspelt and upper-case type words
    ("Thực hiện Nghi quyết số 02-NQ/TW của Bộ Chính trị.",
     [("Nghị quyết", "02", "NQ/TW", "02-NQ/TW", "Bộ Chính trị", None)]),
    ("Quyêt định số 12/QĐ-LĐLĐ ngày 3/1/2022 của Ban Thường vụ LĐLĐ tỉnh về việc khen thưởng.",
     [("Quyết định", "12", "QĐ-LĐLĐ", "12-QĐ-LĐLĐ", "Ban Thường vụ Liên đoàn Lao động tỉnh", D(2022, 1, 3))]),
    ("THỰC HIỆN NGHỊ QUYẾT SỐ 02-NQ/TW CỦA BỘ CHÍNH TRỊ",
     [("Nghị quyết", "02", "NQ/TW", "02-NQ/TW", "BỘ CHÍNH TRỊ", None)]),
    # other date spellings
    ("Bộ Chính trị đã ban hành Nghị quyết số 02-NQ/TW ngày 12-6-2021 về đổi mới.",
     [("Nghị quyết", "02", "NQ/TW", "02-NQ/TW", "Bộ Chính trị", D(2021, 6, 12))]),
    ("Đổi thẻ đoàn viên theo Kế hoạch số 56/KH-TLĐ ngày 21.12.2016 nhằm mang lại lợi ích.",
     [("Kế hoạch", "56", "KH-TLĐ", "56-KH-TLĐ", None, D(2016, 12, 21))]),
    ("Quyết định số 1234/QĐ-TTg ngày 5 tháng 6 năm 2020 của Thủ tướng Chính phủ phê duyệt.",
     [("Quyết định", "1234", "QĐ-TTg", "1234-QĐ-TTg", "Thủ tướng Chính phủ", D(2020, 6, 5))]),
    # the issuer as the subject of "ban hành", the date opening the sentence
    ("Ngày 21/6/2018, Ban Chấp hành Liên đoàn Lao động Tiền Giang ban hành chương trình số 02/Ctr-LĐLĐ về nâng cao chất lượng.",
     [("Chương trình", "02", "Ctr-LĐLĐ", "02-Ctr-LĐLĐ", "Ban Chấp hành Liên đoàn Lao động Tiền Giang", D(2018, 6, 21))]),
    # the subject of the clause a reference opens, where its verb is the document's act
    ("Theo đó, tại quyết định số 373 ngày 5-11-2025, Chủ tịch Tổng LĐLĐ Việt Nam quyết định bổ sung Ủy viên Ban "
     "Chấp hành.", [("Quyết định", "373", None, "Quyết định 373", "Chủ tịch Tổng Liên đoàn Lao động Việt Nam",
                    D(2025, 11, 5))]),
    ("Theo Kế hoạch số 12/KH-LĐLĐ, LĐLĐ tỉnh tổ chức hội thi.", [("Kế hoạch", "12", "KH-LĐLĐ", "12-KH-LĐLĐ", None, None)]),
    # ... or opening its clause after a ";"
    ("Năm 2021, LĐLĐ tỉnh tổ chức tuyên dương; ngày 15/4/2021, Sở Nội vụ Ninh Thuận ban hành Hướng dẫn số "
     "1157/HD-SNV về khen thưởng công nhân.",
     [("Hướng dẫn", "1157", "HD-SNV", "1157-HD-SNV", "Sở Nội vụ Ninh Thuận", D(2021, 4, 15))]),
    # a date opening an earlier clause dates that clause's event, not the document
    ("Ngày 12/3/2021, LĐLĐ tỉnh tổ chức hội nghị; Sở Nội vụ ban hành Hướng dẫn số 1157/HD-SNV về khen thưởng.",
     [("Hướng dẫn", "1157", "HD-SNV", "1157-HD-SNV", "Sở Nội vụ", None)]),
    ("Ban Thường vụ LĐLĐ tỉnh tham mưu cho Tỉnh ủy ban hành Kế hoạch số 94-KH/TU ngày 29/11/2021 về thực hiện.",
     [("Kế hoạch", "94", "KH/TU", "94-KH/TU", "Tỉnh ủy", D(2021, 11, 29))]),
    ("Ban Thường vụ LĐLĐ tỉnh đã tổ chức Hội nghị cán bộ chuyên trách, ban hành Kế hoạch số 02/KH-LĐLĐ về thực hiện chủ đề năm.",
     [("Kế hoạch", "02", "KH-LĐLĐ", "02-KH-LĐLĐ", "Ban Thường vụ Liên đoàn Lao động tỉnh", None)]),
    ("Sự kiện Ban chấp hànhTrung ương Đảng (khóa X) ban hành Nghị quyết 20-NQ/TW ngày 28/01/2008 về giai cấp công nhân.",
     [("Nghị quyết", "20", "NQ/TW", "20-NQ/TW", "Ban chấp hành Trung ương Đảng khóa X", D(2008, 1, 28))]),
    # a body named right after the number, and one named after the topic matching the symbol
    ("Thực hiện Nghị quyết 20-NQ/TW Hội nghị lần thứ 6 BCH Trung ương Đảng (khoá X) về giai cấp công nhân.",
     [("Nghị quyết", "20", "NQ/TW", "20-NQ/TW", "Hội nghị lần thứ 6 Ban Chấp hành Trung ương Đảng khóa X", None)]),
    ("Theo tinh thần của Công văn số 75/CĐVC ngày 09/8/2021 về vận động ủng hộ hàng hóa của Công đoàn Viên chức tỉnh. Sáng nay trao quà.",
     [("Công văn", "75", "CĐVC", "75-CĐVC", "Công đoàn Viên chức tỉnh", D(2021, 8, 9))]),
    # a semicolon list: each its own date, the issuer only where named
    ("Thực hiện Kế hoạch 139/KH-LĐLĐ ngày 07/12/2020 của Ban Thường vụ Liên đoàn Lao động tỉnh Bình Thuận về việc chăm lo Tết; Kế hoạch 143/KH-LĐLĐ ngày 30/12/2020 về việc tổ chức “Tết Sum vầy” năm 2021.",
     [("Kế hoạch", "139", "KH-LĐLĐ", "139-KH-LĐLĐ", "Ban Thường vụ Liên đoàn Lao động tỉnh Bình Thuận", D(2020, 12, 7)),
      ("Kế hoạch", "143", "KH-LĐLĐ", "143-KH-LĐLĐ", None, D(2020, 12, 30))]),
    # a date after the issuer across a comma opens a new clause
    ("Kế hoạch số 12/KH-LĐLĐ của LĐLĐ tỉnh, ngày 15/3/2022, Ban Thường vụ tổ chức hội nghị.",
     [("Kế hoạch", "12", "KH-LĐLĐ", "12-KH-LĐLĐ", "Liên đoàn Lao động tỉnh", None)]),
    # two bodies' codes joined by "&" are one symbol (wave 59)
    ("Thực hiện Kế hoạch số 118/KH-CĐCKCX&CN ngày 21/11/2022 về việc chăm lo Tết.",
     [("Kế hoạch", "118", "KH-CĐCKCX&CN", "118-KH-CĐCKCX&CN", None, dt.date(2022, 11, 21))]),
    # unnumbered documents named specifically
    ("Văn kiện Đại hội XIII của Đảng Cộng sản Việt Nam nêu rõ vai trò giai cấp công nhân.",
     [("Văn kiện", None, None, "Văn kiện Đại hội XIII của Đảng Cộng sản Việt Nam", "Đại hội XIII của Đảng Cộng sản Việt Nam", None)]),
    ("Tuyên truyền Nghi quyết Đại hội XI Công đoàn tỉnh Bến Tre, nhiệm kỳ 2023 - 2028.",
     [("Nghị quyết", None, None, "Nghị quyết Đại hội XI Công đoàn tỉnh Bến Tre", "Đại hội XI Công đoàn tỉnh Bến Tre", None)]),
    ("Học tập Nghị quyết Đại hội đại biểu Đảng bộ thành phố Cần Thơ lần thứ XIV, nhiệm kỳ 2020 – 2025.",
     [("Nghị quyết", None, None, "Nghị quyết Đại hội đại biểu Đảng bộ thành phố Cần Thơ lần thứ XIV",
       "Đại hội đại biểu Đảng bộ thành phố Cần Thơ lần thứ XIV", None)]),
    # the sector after "ngành" written in lower case stays in the name where the name goes on
    ("Thực hiện đạt 14/14 chỉ tiêu Nghị quyết Đại hội đại biểu Công đoàn ngành giáo dục khóa XI đề ra.",
     [("Nghị quyết", None, None, "Nghị quyết Đại hội đại biểu Công đoàn ngành giáo dục khóa XI",
       "Đại hội đại biểu Công đoàn ngành giáo dục khóa XI", None)]),
    ("Thực hiện Nghị quyết Đại hội XI Công đoàn ngành đề ra, công đoàn kết nạp đoàn viên.",
     [("Nghị quyết", None, None, "Nghị quyết Đại hội XI Công đoàn ngành", "Đại hội XI Công đoàn ngành", None)]),
    ("Tuyên truyền Nghị quyết Đại hội V Công đoàn Viên chức Việt Nam và Nghị quyết Đại hội XII Công đoàn Việt Nam.",
     [("Nghị quyết", None, None, "Nghị quyết Đại hội V Công đoàn Viên chức Việt Nam", "Đại hội V Công đoàn Viên chức Việt Nam", None),
      ("Nghị quyết", None, None, "Nghị quyết Đại hội XII Công đoàn Việt Nam", "Đại hội XII Công đoàn Việt Nam", None)]),
    ("Góp phần thực hiện thành công Nghị quyết Trung ương 4 khóa XI, XII, XIII về xây dựng, chỉnh đốn Đảng.",
     [("Nghị quyết", None, None, "Nghị quyết Ban Chấp hành Trung ương khóa XI, XII, XIII",
       "Ban Chấp hành Trung ương khóa XI, XII, XIII", None)]),
    ("Với khẩu hiệu “Đổi mới”, Đại hội XI Công đoàn tỉnh Long An đã thảo luận và thông qua Nghị quyết nhiệm kỳ mới.",
     [("Nghị quyết", None, None, "Nghị quyết Đại hội XI Công đoàn tỉnh Long An", "Đại hội XI Công đoàn tỉnh Long An", None)]),
    ("Phấn đấu kết nạp 500.000 đoàn viên. Ban hành Hướng dẫn đánh giá xếp loại đoàn viên.",
     [("Hướng dẫn", None, None, "Hướng dẫn", None, None)]),
    ("Luật Công đoàn năm 2012 và Bộ luật Lao động 2019 quy định rõ quyền của người lao động.",
     [("Luật", None, None, "Luật Công đoàn năm 2012", None, None),
      ("Luật", None, None, "Bộ luật Lao động 2019", None, None)]),
    # a union committee's plenum names its resolution; the committee issues it, whatever its term
    ("Thực hiện Nghị quyết Hội nghị lần thứ bẩy Ban Chấp hành Tổng Liên đoàn Lao động Việt Nam về việc lấy năm 2016 "
     "là Năm Phát triển đoàn viên.",
     [("Nghị quyết", None, None, "Nghị quyết Ban Chấp hành Tổng Liên đoàn Lao động Việt Nam",
       "Ban Chấp hành Tổng Liên đoàn Lao động Việt Nam", None)]),
    ("Nghị quyết Hội nghị lần thứ ba Ban chấp hành Tổng LĐLĐVN khóa XI về công tác nữ công.",
     [("Nghị quyết", None, None, "Nghị quyết Ban chấp hành Tổng Liên đoàn Lao động Việt Nam",
       "Ban chấp hành Tổng Liên đoàn Lao động Việt Nam", None)]),
    # the name (or the issuing meeting) between the type word and its number
    ("Phó Chủ tịch đã truyền đạt những nội dung mới của Luật Công đoàn số 50/2025/QH15 (Luật Công đoàn 2024).",
     [("Luật", "50", "2025/QH15", "50/2025-QH15", None, None),
      ("Luật", None, None, "Luật Công đoàn 2024", None, None)]),
    ("Căn cứ Nghị quyết Hội nghị lần thứ VI Ban Chấp hành Tổng LĐLĐ Việt Nam (khóa XII) số 09/NQ-BCH ngày 6-7-2020, "
     "Ban Chấp hành thống nhất bổ sung đối tượng.",
     [("Nghị quyết", "09", "NQ-BCH", "09-NQ-BCH", None, dt.date(2020, 7, 6))]),
    # ... not where the symbol's code names another type: that number is its own document's
    ("Thực hiện Quyết định thành lập Ban chỉ đạo số 12/KH-LĐLĐ ngày 5/3/2024.",
     [("Kế hoạch", "12", "KH-LĐLĐ", "12-KH-LĐLĐ", None, dt.date(2024, 3, 5))]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_references(text, expected):
    assert rows(text) == expected


NEGATIVES = [
    "Quán triệt, triển khai các chỉ thị, nghị quyết của Đảng luôn được công đoàn các cấp quan tâm thực hiện.",
    "Sau khi học tập, mỗi cá nhân đều xây dựng kế hoạch làm theo Bác và đăng ký 03 việc.",
    "Liên đoàn Lao động huyện tổ chức chương trình “Tết sum vầy”, trao 174 suất quà.",
    "Hưởng ứng Chương trình “1 triệu sáng kiến” do Tổng LĐLĐ Việt Nam phát động.",
    "Mọi chi tiết xin liên hệ số điện thoại 0206.3852.515 hoặc fax 0206 3852 516.",
    "Trao quà cho người lao động bị ảnh hưởng bởi dịch COVID-19 và Covid -19.",
    "Kế hoạch năm 2022 đạt 120% kế hoạch; giai đoạn 2021 - 2025, nhiệm kỳ 2023-2028.",
    "Quy định 3 mức hỗ trợ cho đoàn viên; Chương trình 1 triệu sáng kiến đạt kết quả.",
    "Kế hoạch 10 ngày cao điểm ra quân; Chương trình 3 ngày tập huấn từ ngày 5/6.",
    "LĐLĐ huyện đã ban hành kế hoạch thực hiện, tuyên truyền Nghị quyết Đại hội trong các cấp Công đoàn.",
    "Góp phần thực hiện thắng lợi Nghị quyết Đại hội Công đoàn các cấp và văn kiện Đại hội, nhiệm kỳ 2020-2025.",
    "Hội nghị đã công bố các quyết định về công tác cán bộ; 145/145 Công đoàn phường đã tổ chức đại hội.",
    "Luật sư Nguyễn Văn A tư vấn pháp luật, kỷ luật lao động cho công nhân.",
    # a guidance issued every year is a series, not one document
    "Công đoàn cơ sở được sử dụng theo hướng dẫn hàng năm của Đoàn Chủ tịch Tổng Liên đoàn.",
]


@pytest.mark.parametrize("text", NEGATIVES, ids=[t[:40] for t in NEGATIVES])
def test_not_references(text):
    assert rows(text) == []


def _day(doc_text: str, start: int, end: int, date: dt.date) -> DateMention:
    return DateMention(doc_id="t", start=start, end=end, text=doc_text[start:end], sentence=doc_text,
                       extractor="rule", confidence=1.0, kind="day", date=date,
                       period_start=date, period_end=date)


def test_date_mention_at_the_date_wins():
    # a year-less date after the symbol takes the year the dates stage gave it
    text = "Thực hiện Kế hoạch số 12/KH-LĐLĐ ngày 15/3 của LĐLĐ tỉnh về việc tổ chức."
    at = text.index("15/3")
    assert rows(text, [_day(text, at, at + 4, D(2023, 3, 15))]) == [
        ("Kế hoạch", "12", "KH-LĐLĐ", "12-KH-LĐLĐ", "Liên đoàn Lao động tỉnh", D(2023, 3, 15))]
    assert rows(text) == [("Kế hoạch", "12", "KH-LĐLĐ", "12-KH-LĐLĐ", "Liên đoàn Lao động tỉnh", None)]


def test_number_alone_takes_the_symbol_given_elsewhere():
    text = "Nghị quyết 20\n\nSơ kết thực hiện Nghị quyết 20-NQ/TW của Ban Chấp hành Trung ương Đảng."
    assert [(r[1], r[2]) for r in rows(text)] == [("20", "NQ/TW"), ("20", "NQ/TW")]


def rows_with_dates(text: str) -> list[tuple]:
    """Rows as the pipeline gives them: the dates stage (publication date, year-less days) first."""
    from pipeline.extract.dates import extract_dates
    from pipeline.extract.published import extract_published

    doc = build_document(RawRecord(doc_id="t", source="t", text=text))
    found = extract_directives(doc, extract_dates(doc, extract_published(doc)))
    return [(m.type, m.number, m.symbol, m.issuer, m.issued) for m in found]


DATELINE = "Thứ tư - 20/03/2024 09:15\n"

# Issuer and date written before the document: a sentence-initial date (its year from the
# dates stage) and the subject of the verb, also of "có"/"gửi" for a numbered document.
ISSUED_BEFORE = [
    (DATELINE + "Ngày 12/3, Ban Thường vụ LĐLĐ tỉnh đã ban hành Kế hoạch số 37/KH-LĐLĐ về Tháng Công nhân.",
     [("Kế hoạch", "37", "KH-LĐLĐ", "Ban Thường vụ Liên đoàn Lao động tỉnh", D(2024, 3, 12))]),
    (DATELINE + "Sáng 15/3, Công đoàn ngành Y tế gửi Công văn số 88/CĐN tới các công đoàn cơ sở.",
     [("Công văn", "88", "CĐN", "Công đoàn ngành Y tế", D(2024, 3, 15))]),
    (DATELINE + "LĐLĐ tỉnh Kiên Giang đã có Công văn số 417/LĐLĐ đề nghị các cấp công đoàn triển khai.",
     [("Công văn", "417", "LĐLĐ", "Liên đoàn Lao động tỉnh Kiên Giang", None)]),
    (DATELINE + "Ngày 8 tháng 3, Tỉnh ủy ban hành Chỉ thị số 21-CT/TU về công tác dân vận.",
     [("Chỉ thị", "21", "CT/TU", "Tỉnh ủy", D(2024, 3, 8))]),
    # no dateline, no year anywhere: the day cannot be dated, the issuer still can
    ("Ngày 12/3, Ban Thường vụ LĐLĐ tỉnh đã ban hành Kế hoạch số 37/KH-LĐLĐ về Tháng Công nhân.",
     [("Kế hoạch", "37", "KH-LĐLĐ", "Ban Thường vụ Liên đoàn Lao động tỉnh", None)]),
    # "có" names no issuer unless the subject stands right before it
    (DATELINE + "Năm qua có nhiều văn bản chỉ đạo, trong đó có Kế hoạch số 12/KH-UBND về việc làm.",
     [("Kế hoạch", "12", "KH-UBND", None, None)]),
    # an event date opening the sentence is not the date of a document only mentioned
    (DATELINE + "Ngày 12/3, LĐLĐ tỉnh tổ chức hội nghị triển khai Kế hoạch số 37/KH-LĐLĐ.",
     [("Kế hoạch", "37", "KH-LĐLĐ", None, None)]),
    # the day opening the issuing verb's clause, without a comma or after an earlier clause,
    # whoever the issuer was told by (train: 5 documents, wave 69: 1)
    ("Ngày 13/5/2022 Công đoàn Ngân hàng Việt Nam đã ban hành Kế hoạch số 313/KH-CĐNH về việc khen thưởng.",
     [("Kế hoạch", "313", "KH-CĐNH", "Công đoàn Ngân hàng Việt Nam", D(2022, 5, 13))]),
    ("Thực hiện chỉ đạo nêu trên, ngày 18/4/2022, Ban Thường vụ Công đoàn Ngân hàng Việt Nam đã ban hành Kế hoạch "
     "số 265/KH-CĐNH về tổ chức Đại hội.",
     [("Kế hoạch", "265", "KH-CĐNH", "Ban Thường vụ Công đoàn Ngân hàng Việt Nam", D(2022, 4, 18))]),
    # ... but not a day of another clause (negative)
    ("Sau hội nghị ngày 13/5/2022, Công đoàn Ngân hàng Việt Nam đã ban hành Kế hoạch số 313/KH-CĐNH về việc khen thưởng.",
     [("Kế hoạch", "313", "KH-CĐNH", "Công đoàn Ngân hàng Việt Nam", None)]),
]


@pytest.mark.parametrize("text,expected", ISSUED_BEFORE, ids=[c[0][len(DATELINE):][:40] for c in ISSUED_BEFORE])
def test_issuer_and_date_before_the_document(text, expected):
    assert rows_with_dates(text) == expected


# A passive issuing clause after a document: "được X thông qua/ban hành ngày D".
PASSIVE = [
    ("Luật Công đoàn năm 2024 được Quốc hội khóa XV thông qua ngày 27/11/2024, có hiệu lực từ ngày 1/7/2025.",
     [("Luật", None, None, "Quốc hội khóa XV", D(2024, 11, 27))]),
    ("Bộ luật Lao động năm 2019 đã được Quốc hội thông qua ngày 20 tháng 11 năm 2019.",
     [("Luật", None, None, "Quốc hội", D(2019, 11, 20))]),
    ("Nghị quyết số 15/NQ-HĐND được Hội đồng nhân dân tỉnh ban hành ngày 8/12/2023 về chính sách hỗ trợ.",
     [("Nghị quyết", "15", "NQ-HĐND", "Hội đồng nhân dân tỉnh", D(2023, 12, 8))]),
    ("Quy định số 05/QyĐ-LĐLĐ được ban hành ngày 2/10/2023 nhằm chuẩn hóa hồ sơ.",
     [("Quy định", "05", "QyĐ-LĐLĐ", None, D(2023, 10, 2))]),
    ("Kế hoạch số 30/KH-LĐLĐ do Ban Thường vụ LĐLĐ tỉnh thông qua ngày 5/4/2023.",
     [("Kế hoạch", "30", "KH-LĐLĐ", "Ban Thường vụ Liên đoàn Lao động tỉnh", D(2023, 4, 5))]),
    # "được" without an issuing verb is not an issuing clause
    ("Luật Công đoàn năm 2012 được đoàn viên hưởng ứng ngày 5/5/2013.",
     [("Luật", None, None, None, None)]),
]


@pytest.mark.parametrize("text,expected", PASSIVE, ids=[c[0][:40] for c in PASSIVE])
def test_passive_issuing_clause(text, expected):
    assert rows_with_dates(text) == expected


@pytest.mark.parametrize("text", [
    "Hội nghị đã biểu quyết thông qua Nghị quyết.",
    "Lý do ban hành Nghị quyết là cần thiết để thống nhất thực hiện.",
    "Đại hội thông qua Nghị quyết này với 100% đại biểu tán thành.",
])
def test_a_bare_type_pointing_back_is_no_new_document(text):
    assert rows(text) == []


@pytest.mark.parametrize("text,expected", [
    # a plan or programme named by the body it belongs to is one document
    ("Thực hiện Kế hoạch của Ban Thường vụ Liên đoàn Lao động thành phố Hà Nội về chăm lo Tết cho đoàn viên.",
     [("Kế hoạch", None, None, "Kế hoạch Ban Thường vụ Liên đoàn Lao động thành phố Hà Nội",
       "Ban Thường vụ Liên đoàn Lao động thành phố Hà Nội", None)]),
    ("Đây là chỉ tiêu đề ra trong kế hoạch phát triển đoàn viên giai đoạn 2024 – 2028 của Liên đoàn Lao động tỉnh Lâm Đồng.",
     [("Kế hoạch", None, None, "Kế hoạch Liên đoàn Lao động tỉnh Lâm Đồng", "Liên đoàn Lao động tỉnh Lâm Đồng", None)]),
    ("Hội nghị thông qua Chương trình hành động của Ban Chấp hành Liên đoàn Lao động tỉnh.",
     [("Chương trình", None, None, "Chương trình Ban Chấp hành Liên đoàn Lao động tỉnh",
       "Ban Chấp hành Liên đoàn Lao động tỉnh", None)]),
    # the Tổng Liên đoàn's membership programme by its owner (wave 25)
    ("Thực hiện Chương trình phát triển đoàn viên, giai đoạn 2013-2018 của Ban Chấp hành Tổng Liên đoàn Lao động "
     "Việt Nam (khóa XI); Căn cứ Nghị quyết Hội nghị lần thứ 7.",
     [("Chương trình", None, None, "Chương trình Ban Chấp hành Tổng Liên đoàn Lao động Việt Nam khóa XI",
       "Ban Chấp hành Tổng Liên đoàn Lao động Việt Nam khóa XI", None)]),
    # a đề án by its quoted title
    ("Các cấp công đoàn triển khai thực hiện đề án \"Đổi mới tổ chức, nội dung và phương thức hoạt động\" trong tình hình mới.",
     [("Đề án", None, None, "Đề án “Đổi mới tổ chức, nội dung và phương thức hoạt động”", None, None)]),
    # a đề án adopted by its Title-case name (not the congress's personnel slate)
    ("Đại hội cũng thông qua Đề án xây dựng đội ngũ cán bộ công đoàn.",
     [("Đề án", None, None, "Đề án Đại hội", "Đại hội", None)]),
    # negatives: any plan of a body; a programme of events; the "của" of a document in the topic
    ("Tuyên truyền nghị quyết, kế hoạch của UBND tỉnh và LĐLĐ tỉnh đến đoàn viên.", []),
    ("Chương trình Tết Sum vầy của Liên đoàn Lao động tỉnh thu hút đông đảo công nhân.", []),
    ("chương trình hành động của Ban Chấp hành Liên đoàn Lao động huyện được quán triệt.", []),
    ("Chương trình phát triển đoàn viên năm 2024 được triển khai tới các công đoàn cơ sở.", []),
])
def test_unnumbered_documents_named_by_owner_or_title(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize("text", [
    # a committee named after the documents it drafts is no document (wave 24)
    "Thực hiện chỉ đạo của Tiểu ban văn kiện Đại hội XVI Đảng bộ tỉnh nhiệm kỳ 2020-2025, Ban Chấp hành đã họp.",
    # a draft is no issued document; a body's generic "own" plans name no one document
    "Công đoàn Dầu khí Việt Nam hoàn thành Dự thảo lần 2 văn kiện Đại hội VII Công đoàn Dầu khí Việt Nam.",
    # ... nor one commented on before the congress that adopts it
    "Đại hội cũng tham gia góp ý sửa đổi Điều lệ; đồng thời góp ý các văn kiện Đại hội Công đoàn Việt Nam lần thứ XIV.",
    "Đại diện Đoàn Chủ tịch đã báo cáo, tổng hợp ý kiến tham gia văn kiện Đại hội XIV Công đoàn Việt Nam.",
    "Thực hiện có hiệu quả chương trình, Nghị quyết, Kế hoạch công tác của Công đoàn cấp mình và cấp trên.",
    # a plan or a proposal to issue one is no issued document (GOLD.md)
    "Ban Thường vụ Tỉnh ủy có chủ trương ban hành Nghị quyết về phát triển đoàn viên.",
    "LĐLĐ tỉnh đề xuất ban hành Quy định về thi đua khen thưởng.",
    # a congress's personnel slate is a working paper, no policy document
    "Đại hội đã thông qua Đề án nhân sự, biểu quyết thông qua cơ cấu Ban Chấp hành khóa mới.",
    # a congress in lower case whose union is not named, or a generic one, names no one document
    "CĐ ngành Y tế tỉnh Khánh Hòa đã hoàn thành các chỉ tiêu mà nghị quyết đại hội VI đã đề ra.",
    "Các cấp công đoàn đưa nghị quyết đại hội công đoàn các cấp vào cuộc sống.",
])
def test_drafts_and_generic_plans_are_no_documents(text):
    assert rows(text) == []


def test_a_document_adopted_after_comments_is_one():
    """Comments far before the type word leave an adopted document standing."""
    got = rows("Đại hội đã thảo luận, góp ý và biểu quyết thông qua Nghị quyết Đại hội Công đoàn tỉnh lần thứ XI.")
    assert [r[0] for r in got] == ["Nghị quyết"]


@pytest.mark.parametrize("text,expected", [
    # a resolution named by the body it belongs to
    ("Công đoàn thực hiện Nghị quyết của Trung ương về kết thúc hoạt động công đoàn trong cơ quan hành chính.",
     [("Nghị quyết", None, None, "Nghị quyết Trung ương", "Trung ương", None)]),
    # ... unless it points back to a numbered one of the same issuer
    ("Thực hiện Nghị quyết số 422/NQ-UBTVQH14 của Ủy ban Thường vụ Quốc hội, LĐLĐ tỉnh đề nghị tuyên truyền "
     "Nghị quyết của Ủy ban Thường vụ Quốc hội đến đoàn viên.",
     [("Nghị quyết", "422", "NQ-UBTVQH14", "422-NQ-UBTVQH14", "Ủy ban Thường vụ Quốc hội", None)]),
    # documents in the plural name no one of them
    ("Bảo đảm 100% đoàn viên được học tập các Chỉ thị, Nghị quyết của Đảng và Nhà nước.", []),
    # one type over a list of congresses: a resolution of each
    ("Các cấp công đoàn quán triệt Nghị quyết Đại hội XIII Công đoàn Việt Nam, Đại hội XVII Công đoàn tỉnh Cao Bằng "
     "đến đoàn viên.",
     [("Nghị quyết", None, None, "Nghị quyết Đại hội XIII Công đoàn Việt Nam", "Đại hội XIII Công đoàn Việt Nam", None),
      ("Nghị quyết", None, None, "Nghị quyết Đại hội XVII Công đoàn tỉnh Cao Bằng", "Đại hội XVII Công đoàn tỉnh Cao Bằng",
       None)]),
    # a guidance on one topic is one document (one issued every year is not: NEGATIVES)
    ("Công đoàn cơ sở tổ chức đại hội theo hướng dẫn tổ chức đại hội của Đoàn Chủ tịch Tổng Liên đoàn.",
     [("Hướng dẫn", None, None, "Hướng dẫn Đoàn Chủ tịch Tổng Liên đoàn", "Đoàn Chủ tịch Tổng Liên đoàn", None)]),
    # ... but not congresses in the plural ("đại hội công đoàn các cấp")
    ("Triển khai Nghị quyết Đại hội XIII Công đoàn Việt Nam, đại hội công đoàn các cấp.",
     [("Nghị quyết", None, None, "Nghị quyết Đại hội XIII Công đoàn Việt Nam", "Đại hội XIII Công đoàn Việt Nam", None)]),
])
def test_resolutions_named_by_owner(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize("text,issuer", [
    # a congress named by its ordinal alone is of the body whose congress the article names
    ("Hội nghị chuẩn bị Đại hội Công đoàn Điện lực Việt Nam lần thứ VI, nhiệm kỳ 2023-2028.\nĐại hội có nhiệm vụ "
     "đánh giá kết quả thực hiện Nghị quyết Đại hội lần thứ V, rút ra bài học.",
     "Đại hội Công đoàn Điện lực Việt Nam lần thứ V"),
    ("Đại hội đại biểu Công đoàn tỉnh Ninh Thuận lần thứ XI diễn ra sáng nay.\nCác đại biểu thảo luận các chỉ tiêu "
     "đưa vào Nghị quyết Đại hội X.", "Đại hội X Công đoàn tỉnh Ninh Thuận"),
    # no congress named with its body: the ordinal stays as written
    ("Các đại biểu thảo luận các chỉ tiêu đưa vào Nghị quyết Đại hội X.", "Đại hội X"),
    # a unit qualified as the one before the merger: the name runs on over "(cũ)" (wave 24)
    ("Đại hội có nhiệm vụ đánh giá kết quả thực hiện Nghị quyết Đại hội Công đoàn tỉnh Gia Lai (cũ) lần thứ XI.",
     "Đại hội Công đoàn tỉnh Gia Lai lần thứ XI"),
    # the term written after the congress is not part of its name
    ("Ban chấp hành lãnh đạo thực hiện thành công Nghị quyết Đại hội Công đoàn lần thứ XXVIII – Nhiệm kỳ 2023-2028.",
     "Đại hội Công đoàn lần thứ XXVIII"),
    # a congress written in lower case, its ordinal and its union named after it (wave 56)
    ("Các cấp công đoàn đã bám sát nghị quyết đại hội XIV công đoàn tỉnh Hà Giang đề ra.",
     "Đại hội XIV Công đoàn tỉnh Hà Giang"),
    ("Công đoàn ngành tiếp tục thực hiện nghị quyết đại hội XII công đoàn Giáo dục Nghệ An.",
     "Đại hội XII Công đoàn Giáo dục Nghệ An"),
])
def test_congress_named_by_its_ordinal(text, issuer):
    from pipeline.core import process_record
    from pipeline.records import RawRecord
    [d] = process_record(RawRecord(doc_id="t", source="t", text=text)).directives
    assert (d.type, d.issuer) == ("Nghị quyết", issuer)


@pytest.mark.parametrize("text,expected", [
    # a plenum's resolution: the Central Committee of the term written (two terms, two documents);
    # "T.Ư" is the dotted spelling of Trung ương
    ("Triển khai thực hiện Nghị quyết Hội nghị lần thứ 9 BCHT.Ư Đảng (khóa XI) và một số kết luận của Bộ Chính trị; "
     "tiếp tục thực hiện Nghị quyết Hội nghị lần thứ 7 BCHT.Ư Đảng khóa X.",
     [("Nghị quyết", "Ban Chấp hành Trung ương Đảng khóa XI"), ("Nghị quyết", "Ban Chấp hành Trung ương Đảng khóa X")]),
    ("Góp phần thực hiện thành công Nghị quyết Trung ương 4 khóa XI, XII, XIII về xây dựng Đảng.",
     [("Nghị quyết", "Ban Chấp hành Trung ương khóa XI, XII, XIII")]),
    ("Quán triệt Nghị quyết Trung ương 7 về cải cách chính sách tiền lương.", [("Nghị quyết", "Ban Chấp hành Trung ương")]),
])
def test_plenum_resolutions_by_term(text, expected):
    from pipeline.core import process_record
    from pipeline.records import RawRecord
    found = process_record(RawRecord(doc_id="t", source="t", text=text)).directives
    assert [(d.type, d.issuer) for d in found] == expected


@pytest.mark.parametrize("text,expected", [
    # "sự hướng dẫn" is the act of guiding, not a document
    ("Dưới sự lãnh đạo của Đảng ủy, sự hướng dẫn chỉ đạo chuyên môn của Tổng Liên đoàn Lao động Việt Nam, "
     "Công đoàn đã thực hiện tốt chức năng.", []),
    ("Thực hiện Kế hoạch triển khai Tháng Công nhân của Ban Thường vụ LĐLĐ thành phố, các công đoàn đã tổ chức.",
     [("Kế hoạch", "Ban Thường vụ Liên đoàn Lao động thành phố")]),
])
def test_owned_documents_and_acts(text, expected):
    from pipeline.core import process_record
    from pipeline.records import RawRecord
    found = process_record(RawRecord(doc_id="t", source="t", text=text)).directives
    assert [(d.type, d.issuer) for d in found] == expected


def test_the_signer_of_a_numbered_document_is_its_issuer():
    """ "X đã ký Quyết định 932/QĐ-TLĐ": the signer issued it, on the date opening the sentence."""
    import datetime as dt

    from pipeline.core import process_record
    from pipeline.records import RawRecord
    text = ("Ngày 16/12/1991, Ban Thư ký (nay là Đoàn Chủ tịch) Tổng Liên đoàn Lao động Việt Nam đã ký Quyết định "
            "932/QĐ-TLĐ về việc Thành lập Công đoàn Dầu khí Việt Nam.")
    [d] = process_record(RawRecord(doc_id="t", source="t", text=text)).directives
    assert (d.number, d.issuer, d.issued) == ("932", "Tổng Liên đoàn Lao động Việt Nam", dt.date(1991, 12, 16))


@pytest.mark.parametrize("text,expected", [
    # a congress of a bare union head is the congress of the body the article names with that head
    # and a name (waves 35 and 38)
    ("Đại hội đã đánh giá kết quả thực hiện Nghị quyết Đại hội Công đoàn ngành khóa IX, nhiệm kỳ 2012 - 2017. "
     "Trong nhiệm kỳ 2017 – 2022, Công đoàn ngành Xây dựng Hà Nam phấn đấu thành lập thêm 3 công đoàn cơ sở.",
     [("Nghị quyết", "Đại hội Công đoàn ngành Xây dựng Hà Nam khóa IX")]),
    ("Công đoàn cơ sở Cảng Hàng không Vinh đã hoàn thành nhiệm vụ mà Nghị quyết Đại hội Công đoàn khóa I "
     "(nhiệm kỳ 2012 – 2017) đã đề ra.",
     [("Nghị quyết", "Đại hội Công đoàn cơ sở Cảng Hàng không Vinh khóa I")]),
    # ... never the national union, which the bare head does not name
    ("Theo Điều lệ Công đoàn Việt Nam, Ban chấp hành Công đoàn Công ty CP Chế tạo Bơm Hải Dương tổ chức "
     "Đại hội. Đại hội quyết tâm thực hiện Nghị quyết Đại hội Công đoàn lần thứ XXVIII.",
     [("Nghị quyết", "Đại hội Công đoàn Công ty CP Chế tạo Bơm Hải Dương lần thứ XXVIII")]),
    # ... and where the article names no such body, the congress stays as written
    ("Đại hội đã đánh giá kết quả thực hiện Nghị quyết Đại hội Công đoàn ngành khóa IX, nhiệm kỳ 2012 - 2017.",
     [("Nghị quyết", "Đại hội Công đoàn ngành khóa IX")]),
])
def test_a_congress_of_a_bare_union_head_is_the_articles_body(text, expected):
    from pipeline.core import process_record
    from pipeline.records import RawRecord
    found = process_record(RawRecord(doc_id="t", source="t", text=text)).directives
    assert [(d.type, d.issuer) for d in found] == expected


def test_a_joint_stock_company_is_no_government():
    """"Công ty CP": CP is cổ phần after "Công ty", Chính phủ elsewhere (abbreviations.csv not_after)."""
    from pipeline.core import process_record
    from pipeline.records import RawRecord
    text = ("Thực hiện Kế hoạch số 12/KH-CĐ ngày 3/3/2023 của Ban chấp hành Công đoàn Công ty CP Chế tạo Bơm "
            "Hải Dương và Nghị định số 12/2022/NĐ-CP ngày 17/1/2022 của CP.")
    found = process_record(RawRecord(doc_id="t", source="t", text=text)).directives
    assert [d.issuer for d in found] == ["Ban chấp hành Công đoàn Công ty CP Chế tạo Bơm Hải Dương", "Chính phủ"]


# A document copied whole: its letterhead gives its own issuer and date (train: 2 documents,
# wave 72: 2); scraped, the columns come one after the other or side by side with "|".
LETTERHEAD_STACKED = (
    "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM\nLIÊN ĐOÀN LAO ĐỘNG\nTHÀNH PHỐ HỒ CHÍ MINH\n-------\n|\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n|\n"
    "Số: 05/HD-LĐLĐ\n|\nHồ Chí Minh, ngày 02 tháng 3 năm 2023\n|\nHƯỚNG DẪN\n"
    "TỔ CHỨC CÁC HOẠT ĐỘNG HƯỞNG ỨNG THÁNG HÀNH ĐỘNG VỀ AN TOÀN, VỆ SINH LAO ĐỘNG NĂM 2023\n"
    # a reference's tail wraps onto the next line of the copied document
    "Thực hiện Hướng dẫn số 75/HD-TLĐ\nngày 09/01/2023 của Tổng Liên đoàn Lao động Việt Nam hướng dẫn Tổ chức Tháng\n"
    "hành động về An toàn, vệ sinh lao động năm 2023 trong các cấp công đoàn.\n")
LETTERHEAD_SIDE_BY_SIDE = (
    "TỔNG LIÊN ĐOÀN LAO ĐỘNG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
    "Số: 134/HD-TLĐ | Hà Nội, ngày 07 tháng 02 năm 2017 |\n"
    "Căn cứ Kế hoạch số 52/KH-TLĐ ngày 28/11/2016 của Tổng Liên đoàn Lao động Việt Nam về tổ chức đại hội.\n")


@pytest.mark.parametrize("text,expected", [
    (LETTERHEAD_STACKED, [
        ("Hướng dẫn", "05", "HD-LĐLĐ", "Liên đoàn Lao động thành phố Hồ Chí Minh", D(2023, 3, 2)),
        ("Hướng dẫn", "75", "HD-TLĐ", "Tổng Liên đoàn Lao động Việt Nam", D(2023, 1, 9))]),
    (LETTERHEAD_SIDE_BY_SIDE, [
        ("Hướng dẫn", "134", "HD-TLĐ", "Tổng Liên đoàn Lao động Việt Nam", D(2017, 2, 7)),
        ("Kế hoạch", "52", "KH-TLĐ", "Tổng Liên đoàn Lao động Việt Nam", D(2016, 11, 28))]),
    # a number line in running text has no letterhead (negative)
    ("Năm 2023, Liên đoàn Lao động tỉnh tổ chức hội nghị.\nCác đơn vị thực hiện theo văn bản.\nSố: 12/KH-LĐLĐ\n"
     "Nơi nhận: các công đoàn cơ sở.\n", [("Kế hoạch", "12", "KH-LĐLĐ", None, None)]),
])
def test_a_copied_documents_letterhead(text, expected):
    assert rows_with_dates(text) == expected
