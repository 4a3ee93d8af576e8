"""The two pre-Unicode Vietnamese font encodings still found in old provincial archives:
VNI Windows and TCVN3. Neither is a Python codec, and read as any code page they give
mojibake that *looks* like text ("Coâng ñoaøn", "C«ng ®oµn"), so a generic guesser
(charset_normalizer) stores them with status ok. This module registers both as codecs
("vni-windows", "tcvn3"), so whole files, streamed dumps and single dump lines decode the
same way, and says whether some bytes are one of them (`legacy_vietnamese_encoding`).

- VNI writes a letter as a base ASCII letter plus a mark byte ("ô" = "o" + 0xE2) or, for a
  few letters, one byte ("đ" = 0xF1). Decoding reads the bytes as Windows-1252 and replaces
  the sequences of rules/vni_windows.csv, longest first.
- TCVN3 writes each letter as one byte (rules/tcvn3.csv); other bytes read as Windows-1252.

Detection is strict, because both tables turn almost any Latin-1 byte into a Vietnamese
letter: VNI needs nearly every non-ASCII character to be part of a VNI letter and no mark
byte standing alone; TCVN3 needs nearly every non-ASCII byte to be a TCVN3 letter and the
words they make to have a Vietnamese syllable's shape (German "Größere" read as TCVN3 is all
Vietnamese letters, but no syllable). Both need the decoded text to read as Vietnamese (the
caller's test, passed in). Both are tried only after UTF-8 and windows-1258 have failed.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from functools import lru_cache
from typing import Callable

from .ruledata import load_table, load_yaml

VNI = "vni-windows"
TCVN3 = "tcvn3"
DETECTION_BYTES = 1 << 16
MIN_LETTER_SHARE = 0.95  # of non-ASCII characters that must belong to the encoding's letters
MIN_SYLLABLE_SHARE = 0.9  # of words with a non-ASCII letter that must be Vietnamese syllables
TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=None)
def syllable_pattern() -> re.Pattern:
    shape = load_yaml("vietnamese_syllables.yaml")
    initials = "|".join(sorted(shape["initials"], key=len, reverse=True))
    finals = "|".join(sorted(shape["finals"], key=len, reverse=True))
    return re.compile(f"(?:{initials})?[{shape['vowels']}]{{1,3}}(?:{finals})?")


def syllable_share(text: str) -> float:
    """Share of the words holding a non-ASCII letter that have a Vietnamese syllable's shape
    (rules/vietnamese_syllables.yaml) and one tone mark at most; 0 when there are none."""
    words = [w for w in WORD.findall(text) if not w.isascii()]
    if not words:
        return 0.0
    pattern = syllable_pattern()

    def is_syllable(word: str) -> bool:
        parts = unicodedata.normalize("NFD", word.lower().replace("đ", "d"))
        if sum(ch in TONE_MARKS for ch in parts) > 1:
            return False
        return pattern.fullmatch("".join(ch for ch in parts if not unicodedata.combining(ch))) is not None

    return sum(map(is_syllable, words)) / len(words)


# ---------------------------------------------------------------- VNI Windows

@lru_cache(maxsize=None)
def vni_tables() -> tuple[dict[str, str], dict[str, str], frozenset[str], frozenset[str]]:
    """(VNI sequence -> letter, letter -> VNI sequence, base characters that start a two-character
    sequence, mark characters that only ever follow a base)."""
    to_unicode = {row["vni"]: row["unicode"] for row in load_table("vni_windows.csv")}
    to_vni = {u: v for v, u in to_unicode.items()}
    bases = frozenset(v[0] for v in to_unicode if len(v) == 2)
    singles = frozenset(v for v in to_unicode if len(v) == 1)
    marks = frozenset(v[1] for v in to_unicode if len(v) == 2) - singles - bases
    return to_unicode, to_vni, bases, marks


def vni_decode_text(text: str) -> tuple[str, int, int]:
    """(Unicode text, characters consumed by VNI letters, stray mark characters) for VNI bytes
    already read as Windows-1252. Linear: one pass, two-character sequences first."""
    to_unicode, _, _, marks = vni_tables()
    out: list[str] = []
    consumed = stray = 0
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        pair = to_unicode.get(text[i:i + 2]) if i + 1 < n else None
        if pair is not None:
            out.append(pair)
            consumed += 2 - ch.isascii()  # an ASCII base letter is no evidence either way
            i += 2
            continue
        single = None if ch.isascii() else to_unicode.get(ch)
        out.append(single or ch)
        consumed += single is not None
        stray += single is None and ch in marks
        i += 1
    return "".join(out), consumed, stray


def vni_decode(data: bytes, errors: str = "strict") -> tuple[str, int]:
    text, _, _ = vni_decode_text(bytes(data).decode("cp1252", errors))
    return text, len(data)


def vni_encode(text: str, errors: str = "strict") -> tuple[bytes, int]:
    _, to_vni, _, _ = vni_tables()
    written = "".join(to_vni.get(ch, ch) for ch in unicodedata.normalize("NFC", text))
    return written.encode("cp1252", errors), len(text)


class VniIncrementalDecoder(codecs.BufferedIncrementalDecoder):
    """Holds back a trailing base letter: its mark byte may start the next chunk."""

    def _buffer_decode(self, data: bytes, errors: str, final: bool) -> tuple[str, int]:
        _, _, bases, _ = vni_tables()
        keep = 0 if final or not data else int(data[-1:].decode("cp1252", "replace") in bases)
        text, _ = vni_decode(data[:len(data) - keep], errors)
        return text, len(data) - keep


class VniIncrementalEncoder(codecs.IncrementalEncoder):
    def encode(self, text: str, final: bool = False) -> bytes:
        return vni_encode(text, self.errors)[0]


# ---------------------------------------------------------------- TCVN3

@lru_cache(maxsize=None)
def tcvn3_decoding_table() -> str:
    """256 characters: ASCII, the TCVN3 letters, U+FFFD for the other bytes above 0xA0 (read as
    Windows-1252 they would be Latin letters TCVN3 does not mean), else what Windows-1252 (or
    Latin-1) shows: curly quotes and dashes, which Windows documents in .Vn fonts use."""
    letters = {int(row["byte"], 16): row["unicode"] for row in load_table("tcvn3.csv")}
    table = []
    for b in range(256):
        try:
            fallback = bytes([b]).decode("cp1252") if b <= 0xA0 else "\ufffd"
        except UnicodeDecodeError:
            fallback = chr(b)
        table.append(letters.get(b, fallback))
    return "".join(table)


@lru_cache(maxsize=None)
def tcvn3_letter_bytes() -> frozenset[int]:
    return frozenset(int(row["byte"], 16) for row in load_table("tcvn3.csv"))


def tcvn3_decode(data: bytes, errors: str = "strict") -> tuple[str, int]:
    return codecs.charmap_decode(data, errors, tcvn3_decoding_table())


def tcvn3_encode(text: str, errors: str = "strict") -> tuple[bytes, int]:
    table = codecs.charmap_build(tcvn3_decoding_table())
    return codecs.charmap_encode(text, errors, table)


class Tcvn3IncrementalDecoder(codecs.IncrementalDecoder):
    def decode(self, data: bytes, final: bool = False) -> str:
        return tcvn3_decode(data, self.errors)[0]


class Tcvn3IncrementalEncoder(codecs.IncrementalEncoder):
    def encode(self, text: str, final: bool = False) -> bytes:
        return tcvn3_encode(text, self.errors)[0]


# ---------------------------------------------------------------- registration and detection

def _codec_search(name: str) -> codecs.CodecInfo | None:
    key = name.lower().replace("_", "-")
    if key in (VNI, "vni"):
        return codecs.CodecInfo(vni_encode, vni_decode, name=VNI, incrementalencoder=VniIncrementalEncoder,
                                incrementaldecoder=VniIncrementalDecoder)
    if key in (TCVN3, "tcvn-3", "tcvn5712-3"):
        return codecs.CodecInfo(tcvn3_encode, tcvn3_decode, name=TCVN3, incrementalencoder=Tcvn3IncrementalEncoder,
                                incrementaldecoder=Tcvn3IncrementalDecoder)
    return None


codecs.register(_codec_search)  # at import: every process that imports decoding.py (ingest does) can decode both


def legacy_vietnamese_encoding(data: bytes, reads_as_vietnamese: Callable[[str], bool]) -> str | None:
    """VNI or TCVN3 when the bytes are that encoding, else None. Judged on the first 64 KB;
    `data` may end mid-letter (a sniffed head): one cut letter does not change the counts."""
    data = data[:DETECTION_BYTES]
    try:
        cp1252 = data.decode("cp1252")
    except UnicodeDecodeError:
        cp1252 = None
    if cp1252 is not None:
        non_ascii = sum(1 for ch in cp1252 if not ch.isascii())
        text, consumed, stray = vni_decode_text(cp1252)
        if (non_ascii and consumed >= MIN_LETTER_SHARE * non_ascii and stray <= non_ascii // 100
                and reads_as_vietnamese(text)):
            return VNI
    high = [b for b in data if b >= 0x80]
    letters = tcvn3_letter_bytes()
    if high and sum(1 for b in high if b in letters) >= MIN_LETTER_SHARE * len(high):
        text = tcvn3_decode(data, "replace")[0]
        if reads_as_vietnamese(text) and syllable_share(text) >= MIN_SYLLABLE_SHARE:
            return TCVN3
    return None
