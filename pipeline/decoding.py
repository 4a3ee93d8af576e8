"""Bytes to text: which encoding a file or a dump is in (RawRecord.encoding), and its text.

Byte-order marks first (utf-8-sig, utf-16, utf-32), then UTF-16 without a
BOM (NUL bytes in every other position), strict UTF-8, an HTML page's
declared charset, windows-1258 ("cp1258") when the result reads as
Vietnamese, the VNI and TCVN3 font encodings ("vni-windows", "tcvn3":
legacy_encodings.py), UTF-8 with a few bad bytes replaced, and
charset_normalizer as a last resort. Text is NFC-normalised (cp1258 and some scrapers produce
decomposed marks). Bytes that are no text (NULs, control characters) give a
failed record "not valid text in any known encoding" (NOT_TEXT).

A whole file (one article) is decoded by `decode_bytes`; a dump, read as a stream, gets
its codec from its first bytes (`sniff_stream_encoding`).
"""
from __future__ import annotations

import codecs
import re
import unicodedata

from .legacy_encodings import legacy_vietnamese_encoding

NOT_TEXT = "not valid text in any known encoding"
META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)

# Vietnamese tone marks and vowel modifiers (NFD combining marks)
VIETNAMESE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b")
TEXT_CONTROLS = frozenset("\t\n\r\f\v")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def is_vietnamese_letter(ch: str) -> bool:
    """A Latin letter carrying Vietnamese marks (ă â ê ô ơ ư đ and the tones)."""
    if ch in "đĐ":
        return True
    parts = unicodedata.normalize("NFD", ch)
    return len(parts) > 1 and parts[0].isascii() and parts[0].isalpha() and all(
        m in VIETNAMESE_MARKS for m in parts[1:])


def bad_char_count(text: str) -> int:
    """Characters no text file contains: controls, unassigned, surrogates, U+FFFD."""
    return sum(1 for ch in text if ch == "\ufffd" or (
        unicodedata.category(ch) in ("Cc", "Cs", "Cn") and ch not in TEXT_CONTROLS))


def looks_like_text(text: str) -> bool:
    return bad_char_count(text) <= len(text) // 200


def looks_vietnamese(text: str) -> bool:
    """Most non-ASCII characters are Vietnamese letters, and there are enough of them.

    Mojibake (UTF-8 read as a code page) fails this: it turns each Vietnamese
    letter into two or three symbols.
    """
    non_ascii = [ch for ch in text if not ch.isascii()]
    letters = sum(1 for ch in text if ch.isalpha())
    vietnamese = sum(1 for ch in non_ascii if is_vietnamese_letter(ch))
    return (bool(non_ascii) and vietnamese >= 0.8 * len(non_ascii)
            and vietnamese >= 0.05 * letters and looks_like_text(text))


BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),  # before UTF-16: same start
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


def bom_encoding(head: bytes) -> str | None:
    return next((name for bom, name in BOMS if head.startswith(bom)), None)


def utf16_without_bom(head: bytes) -> str | None:
    """utf-16-le / utf-16-be when NUL bytes fill one byte parity (ASCII-range text)."""
    sample = head[: 4096 - 4096 % 2]
    half = max(len(sample) // 2, 1)
    even_nuls = sample[0::2].count(0) / half
    odd_nuls = sample[1::2].count(0) / half
    if odd_nuls >= 0.25 and even_nuls <= 0.05:
        return "utf-16-le"
    if even_nuls >= 0.25 and odd_nuls <= 0.05:
        return "utf-16-be"
    return None


def declared_charset(data: bytes) -> str | None:
    """The codec named by an HTML <meta charset>, if Python knows it."""
    m = META_CHARSET.search(data[:4096])
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def try_decode(data: bytes, encoding: str) -> str | None:
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return text if looks_like_text(text) else None


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str | None] | None:
    """(NFC text, encoding name) for a whole file's bytes, or None when they are no text."""
    if not data:
        return "", None
    bom = bom_encoding(data)
    if bom:
        text = try_decode(data, bom)
        return (nfc(text), bom) if text is not None else None
    if b"\x00" in data:  # text files hold no NUL bytes unless UTF-16/32
        utf16 = utf16_without_bom(data)
        text = try_decode(data, utf16) if utf16 else None
        return (nfc(text), utf16) if text is not None else None
    for encoding in ("utf-8", declared):
        text = try_decode(data, encoding) if encoding else None
        if text is not None:
            return nfc(text), encoding
    text = try_decode(data, "cp1258")
    if text is not None and looks_vietnamese(nfc(text)):
        return nfc(text), "cp1258"
    legacy = legacy_vietnamese_encoding(data, reads_as_vietnamese)
    text = try_decode(data, legacy) if legacy else None
    if text is not None:
        return nfc(text), legacy
    if mostly_utf8(data):  # a few broken bytes, as in a truncated or spliced scrape
        return nfc(data.decode("utf-8", errors="replace")), "utf-8"
    return guess_with_charset_normalizer(data)


def reads_as_vietnamese(text: str) -> bool:
    return looks_vietnamese(nfc(text))


def mostly_utf8(data: bytes) -> bool:
    lenient = data.decode("utf-8", errors="replace")
    broken = lenient.count("\ufffd")
    return broken <= max(4, len(lenient) // 200) and looks_like_text(lenient.replace("\ufffd", ""))


def guess_with_charset_normalizer(data: bytes) -> tuple[str, str] | None:
    """Last resort: slow, so only reached by bytes none of the usual codecs read."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    text = str(best)
    return (nfc(text), best.encoding) if looks_like_text(text) else None


def sniff_stream_encoding(head: bytes) -> str | None:
    """Codec for a streamed dump, chosen from its first bytes (may end mid-character)."""
    if not head:
        return "utf-8"
    bom = bom_encoding(head)
    if bom:
        return bom
    if b"\x00" in head:
        utf16 = utf16_without_bom(head)
        if utf16:
            return utf16
        head = head.replace(b"\x00", b"")  # a stray NUL in a UTF-8 dump: its own line fails, not the file
    try:
        text = codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        if looks_like_text(text):
            return "utf-8"
    except UnicodeDecodeError:
        pass
    text = try_decode(head, "cp1258")
    if text is not None and looks_vietnamese(nfc(text)):
        return "cp1258"
    legacy = legacy_vietnamese_encoding(head, reads_as_vietnamese)
    if legacy:
        return legacy
    if mostly_utf8(head):  # a few bad lines; they fail one by one
        return "utf-8"
    return None
