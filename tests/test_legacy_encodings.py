"""VNI Windows and TCVN3, the pre-Unicode Vietnamese font encodings: detected and converted to
Unicode, in single files and in streamed dumps; other encodings not mistaken for them."""
from __future__ import annotations

import codecs
import json

import pytest

from pipeline.decoding import decode_bytes
from pipeline.ingest import iter_records
from pipeline.legacy_encodings import TCVN3, VNI, vni_tables
from test_ingest import windows_1258

SENTENCES = [
    "Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc",
    "Năm 2023, Liên đoàn Lao động tỉnh Bắc Ninh kết nạp 4.215 đoàn viên mới, đạt 105,4% kế hoạch.",
    "Công đoàn cơ sở trường học huyện Quỳnh Lưu tổ chức hội nghị người lao động, ủng hộ quỹ mái ấm.",
]

# The same sentences as the published tables write them, typed by hand (Windows-1252 view of the
# bytes): the classic mojibake of old government documents, not produced by this project's tables.
VNI_BY_HAND = [
    "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam. Ñoäc laäp - Töï do - Haïnh phuùc",
    "Naêm 2023, Lieân ñoaøn Lao ñoäng tænh Baéc Ninh keát naïp 4.215 ñoaøn vieân môùi, ñaït 105,4% keá hoaïch.",
    "Coâng ñoaøn cô sôû tröôøng hoïc huyeän Quyønh Löu toå chöùc hoäi nghò ngöôøi lao ñoäng, uûng hoä quyõ maùi aám.",
]
TCVN3_BY_HAND = [
    "Céng hßa x· héi chñ nghÜa ViÖt Nam. §éc lËp - Tù do - H¹nh phóc",
    "N¨m 2023, Liªn ®oµn Lao ®éng tØnh B¾c Ninh kÕt n¹p 4.215 ®oµn viªn míi, ®¹t 105,4% kÕ ho¹ch.",
    "C«ng ®oµn c¬ së tr­êng häc huyÖn Quúnh L­u tæ chøc héi nghÞ ng­êi lao ®éng, ñng hé quü m¸i Êm.",
]
ALL_LETTERS = "".join(sorted({row for row in vni_tables()[0].values()}))


@pytest.mark.parametrize("unicode_text, written", list(zip(SENTENCES, VNI_BY_HAND)))
def test_vni_by_hand_decodes_to_the_sentence(tmp_path, unicode_text, written):
    path = tmp_path / "vni.txt"
    path.write_bytes(written.encode("cp1252"))
    [record] = iter_records([str(path)])
    assert (record.text, record.encoding, record.error) == (unicode_text, VNI, None)


@pytest.mark.parametrize("unicode_text, written", list(zip(SENTENCES, TCVN3_BY_HAND)))
def test_tcvn3_by_hand_decodes_to_the_sentence(tmp_path, unicode_text, written):
    path = tmp_path / "tcvn3.txt"
    path.write_bytes(written.encode("cp1252"))
    [record] = iter_records([str(path)])
    # TCVN3 has no toned capitals: "Độc" is written with the capital-only Đ and a lower-case ộ
    assert (record.text, record.encoding, record.error) == (unicode_text, TCVN3, None)


def test_the_by_hand_strings_are_what_the_tables_write():
    assert [s.encode(VNI) for s in SENTENCES] == [s.encode("cp1252") for s in VNI_BY_HAND]
    assert [s.encode(TCVN3) for s in SENTENCES] == [s.encode("cp1252") for s in TCVN3_BY_HAND]


def test_every_vietnamese_letter_round_trips_through_vni():
    assert len(ALL_LETTERS) == 134  # 67 letters, lower and upper case
    assert codecs.decode(codecs.encode(ALL_LETTERS, VNI), VNI) == ALL_LETTERS
    lower = "".join(ch for ch in ALL_LETTERS if ch.islower())
    assert codecs.decode(codecs.encode(lower, TCVN3), TCVN3) == lower


@pytest.mark.parametrize("chunk", [1, 2, 3, 64])
def test_vni_decodes_the_same_in_chunks(chunk):
    """A mark byte may open the next chunk: the incremental decoder holds a trailing base letter."""
    data = " ".join(SENTENCES).encode(VNI)
    decoder = codecs.getincrementaldecoder(VNI)()
    text = "".join(decoder.decode(data[i:i + chunk]) for i in range(0, len(data), chunk)) + decoder.decode(b"", True)
    assert text == " ".join(SENTENCES)


@pytest.mark.parametrize("name", ["d.jsonl", "d.json", "d.csv"])
@pytest.mark.parametrize("encoding", [VNI, TCVN3])
def test_dumps_in_legacy_encodings_are_read_record_by_record(tmp_path, name, encoding):
    records = [{"id": f"r{i}", "text": s} for i, s in enumerate(SENTENCES[1:])]
    body = {"d.jsonl": "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
            "d.json": json.dumps(records, ensure_ascii=False),
            "d.csv": "id,text\n" + "".join(f'{r["id"]},"{r["text"]}"\n' for r in records)}[name]
    (tmp_path / name).write_bytes(body.encode(encoding))
    got = [(r.doc_id, r.text, r.encoding) for r in iter_records([str(tmp_path / name)])]
    assert got == [(r["id"], r["text"], encoding) for r in records]


NOT_LEGACY = [
    # (case, bytes, expected encoding): these must keep their own reading
    ("utf-8", SENTENCES[1].encode("utf-8"), "utf-8"),
    ("windows-1258 precomposed", "Công đoàn cơ sở tổ chức hội nghị".encode("cp1258", "replace"), "cp1258"),
    ("windows-1258 as Windows writes it", windows_1258(SENTENCES[1]), "cp1258"),
    ("French in Windows-1252", "Le café de la rue à côté, où l'on goûte une crème brûlée.".encode("cp1252"), None),
    ("German in Windows-1252", "Größere Übungen für Straßenbahnfahrer während der Woche".encode("cp1252"), None),
]


@pytest.mark.parametrize("case, data, expected", NOT_LEGACY, ids=[c[0] for c in NOT_LEGACY])
def test_other_encodings_are_not_taken_for_vni_or_tcvn3(case, data, expected):
    decoded = decode_bytes(data)
    encoding = decoded[1] if decoded else None
    assert encoding not in (VNI, TCVN3)
    if expected:
        assert encoding == expected
