"""The shapes of a page's lines the cleaner judges them by: furniture wherever it stands
(image file names, counters, spam, menus), a dateline, a caption, a paragraph of running
text, a line shaped like a headline, a site banner. Shapes are written here; the phrases
live in rules/furniture.yaml (compiled in pipeline.furniture)."""
from __future__ import annotations

import re
from functools import lru_cache

import regex

from .furniture import FLAGS as _FLAGS, RULES

# ---------------------------------------------------------------- shapes (not vocabulary)

#: a calendar date, a time of day, sentence ends. A line's date is looked for even glued to
#: the words before it ("Việt NamViệt Nam11/09/2023" is a banner's stamp), which the date
#: shapes of the text (date_shapes.dateline_shapes) rightly refuse: there it is a code.
DATE_RE = regex.compile(
    r"(?<!\d)\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*(?:\d{4}|\d{2})(?!\d)"
    r"|(?<!\d)\d{1,2}\s+tháng\s+\d{1,2}\s*,?\s*(?:năm\s+)?\d{4}(?!\d)"
    r"|(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)",
    _FLAGS,
)
_TIME = regex.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?(?!\d)", _FLAGS)
SENTENCE_END_RE = regex.compile(r"""[.!?…:;]["”’'»)\]]*$""")  # a sentence mark, maybe inside closing quotes
TRUNCATED_RE = regex.compile(r"(?:\.{3,}|…)$")
# a related article's headline with its stamp: "- Trao giấy chứng nhận ... (16/01/2026, 16:51)"
# (the last one of a list may be cut inside it: "(14/01/202")
STAMPED_RE = regex.compile(r"\(\d{1,2}/\d{1,2}/\d{0,4}(?:,?[ \t]*\d{1,2}(?::\d{0,2})?)?\)?$")
_PUNCT_ONLY = regex.compile(r"[\W_]+")
_DIGITS_ONLY = regex.compile(r"[\d\s.+()\-]+")
_HANDLE = regex.compile(r"(?=[^a-z]*[a-z])[a-z0-9_.\-]{6,}")  # "congdoantravinh", "hoidapldld"
# an image's file name left as its caption: a number and lower-case words without a tone mark
# or a Vietnamese letter ("5515 baohiem xa hoi"); prose always carries some
_IMAGE_SLUG = regex.compile(r"\d+(?:[ _-]+[a-z]+){2,6}")
_HASH_TOKEN = regex.compile(r"(?=[a-z0-9]*\d)(?=[a-z0-9]*[a-z])[a-z0-9]{10,}")  # image ids
_ASCII_WORDS = regex.compile(r"[A-Za-z0-9&'.,\-/ ]+")
_MENU_SEPARATOR = regex.compile(r"\s[|•·»]\s")
_WORD = regex.compile(r"\S+")
_SPLIT_ONLY_SPACES = re.compile("[\x1c-\x1f]")  # str.split() breaks words on these, regex's \s does not


def count_words(text: str) -> int:
    """The number of \\S+ runs (str.split is the same count, and faster, without those four)."""
    if _SPLIT_ONLY_SPACES.search(text):
        return len(_WORD.findall(text))
    return len(text.split())


# ---------------------------------------------------------------- line shapes

@lru_cache(maxsize=4096)  # the head, tail and footer passes judge the same lines again (cleared per article)
def is_line_furniture(text: str) -> bool:
    """Furniture wherever it stands: nothing of the article is lost by dropping it."""
    if not text:
        return False
    if _PUNCT_ONLY.fullmatch(text) or (_DIGITS_ONLY.fullmatch(text) and not DATE_RE.search(text)):
        return True
    if RULES.drop_line.fullmatch(text) or RULES.counter.fullmatch(text):
        return True
    if _may_hold_spam(text) and len(RULES.spam_term.findall(text)) >= 2:
        return True
    if (_HANDLE.fullmatch(text) and not any(c.isupper() for c in text)) or _IMAGE_SLUG.fullmatch(text):
        return True
    first = text.split(maxsplit=1)[:1]  # a line of image ids: its first word rules out nearly every line
    if (not first or _HASH_TOKEN.fullmatch(first[0].lower())) and all(
            _HASH_TOKEN.fullmatch(t.lower()) for t in text.split()):
        return True
    return is_menu(text)


def _may_hold_spam(text: str) -> bool:
    """A spam term may match here (str's search on the casefolded line: much faster than the regex)."""
    if any(c in text for c in RULES.spam_odd_case):
        return True
    folded = text.casefold()
    return any(term in folded for term in RULES.spam_folded)


def is_menu(text: str) -> bool:
    """A row of short links: 'Trang chủ | Tin tức | Công đoàn | Liên hệ'."""
    parts = _MENU_SEPARATOR.split(f" {text} ")
    parts = [p.strip() for p in parts if p.strip()]
    return len(parts) >= 3 and all(count_words(p) <= 4 for p in parts) and not DATE_RE.search(text) and not _TIME.search(text)


@lru_cache(maxsize=4096)
def is_dateline(text: str) -> bool:
    """A short line carrying the publication date: 'Thứ bảy - 27/08/2022 05:27'."""
    if not text or count_words(text) > 16 or not DATE_RE.search(text):
        return False
    if _TIME.search(text) or RULES.dateline_cue.search(text) or "|" in text:
        return True
    rest = DATE_RE.sub(" ", text)
    return count_words(regex.sub(r"[\W_]+", " ", rest)) <= 3


def is_caption(text: str) -> bool:
    return bool(RULES.caption.search(text))


@lru_cache(maxsize=4096)
def is_body_like(text: str) -> bool:
    """A paragraph of running text: long enough, and a sentence (or long enough to be one)."""
    n = count_words(text)
    # the unpunctuated case is a paragraph cut off by the scraper; headlines stay under 30 words
    return n >= 10 and (bool(SENTENCE_END_RE.search(text)) or n >= 30) and not is_line_furniture(text)


def is_heading_shaped(text: str) -> bool:
    """Could be the article's headline: a few words, no sentence end, not a caption or dateline."""
    n = count_words(text)
    if n < 2 or n > 40 or is_caption(text) or is_dateline(text) or is_line_furniture(text):
        return False
    if TRUNCATED_RE.search(text) or text.endswith((".", ";", ",")):
        return False
    return True


def is_top_banner(text: str) -> bool:
    """Site banners, slogans and breadcrumbs printed above the headline."""
    if RULES.top_banner.fullmatch(text) or RULES.section_name.fullmatch(text):
        return True
    if _ASCII_WORDS.fullmatch(text) and count_words(text) >= 2 and text.upper() == text and any(c.isalpha() for c in text):
        return True  # an English rendering of the site name: "VIETNAM PUBLIC SECTOR UNION"
    half = len(text) // 2
    if len(text) > 20 and text[:half].strip() == text[half:].strip():
        return True  # a marquee printing its slogan twice
    return False
