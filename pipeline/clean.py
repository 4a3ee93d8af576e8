"""Clean a scraped article: normalise Unicode, strip page furniture, keep an offset map.

The text is normalised first (pipeline.normalize), then a dump header on the
first line is read off, then every line is judged:
- furniture wherever it stands (media-player text, image file names, counters,
  spam, copyright lines, punctuation-only lines, menus): dropped;
- the page head (lines above the headline and the first body paragraph):
  banners, slogans, breadcrumbs, site names dropped; captions, kickers and the
  dateline kept;
- the page tail: a marker line ("Ý kiến bạn đọc", "Tin khác", ...) opens a
  block of comments, ratings, footers or related-article teasers, dropped to the
  end or, for teasers, until the article visibly resumes;
- repeats: a line repeated right after itself (image captions), a truncated
  lead ("...") followed by its full form, and the headline repeated as image
  alt text keep one copy.
When a line is neither clearly furniture nor in a furniture block it is kept:
a body paragraph lost here is lost to every extractor.
The line shapes are pipeline.line_shapes; the phrases live in rules/furniture.yaml
(compiled in pipeline.furniture).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from .furniture import RULES
from .line_shapes import (DATE_RE, SENTENCE_END_RE, STAMPED_RE, TRUNCATED_RE, count_words, is_body_like, is_caption, is_dateline,
                          is_heading_shaped, is_line_furniture, is_top_banner)
from .normalize import MappedText, normalize_text
from .phrase_matcher import unaccented


@dataclass
class Cleaned:
    body: str
    raw_offsets: list[int]  # len(body) + 1 entries: body index -> raw index
    header: dict = field(default_factory=dict)  # facts read off dump headers, e.g. {"dump_date": "2025-12-12"}
    title: str | None = None


@dataclass(frozen=True)
class Line:
    index: int
    start: int  # offsets in the normalised text
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text


# ---------------------------------------------------------------- header

def strip_dump_header(text: MappedText) -> tuple[MappedText, dict]:
    """Remove a dump writer's metadata prefix (' date 2025-12-12 ', 'null ') from the first line."""
    for pattern in RULES.dump_headers:
        m = pattern.match(text.text)
        if m:
            header = {"dump_date": m.group("date")} if "date" in pattern.groupindex and m.group("date") else {}
            return _drop_prefix(text, m.end()), header
    return text, {}


def _drop_prefix(text: MappedText, n: int) -> MappedText:
    return MappedText(text.text[n:], text.offsets[n:])


# ---------------------------------------------------------------- line judging

_TEASER_MAX = 160  # a teaser's headline or summary cut short fits one line of a related-news box
# the counters a dateline ends with ("05:04 1.812 0": views, comments), thousands grouped or not
_TRAILING_COUNTS = regex.compile(r"(?<=\d{1,2}:\d{2}(?::\d{2})?)(?:\s+\d{1,3}(?:[.,]\d{3})+|\s+\d+)+$")
# an image cell beside a text cell, as a page's table of linked thumbnails reads once flattened
_THUMBNAIL_ROW = regex.compile(r"\|?\s*!\[[^\]\n]*\]\([^)\n]*\)\s*\|\s*[^|\n]*\w[^|\n]*\|?\s*")
# an image alone on its line, its alt text the linked article's headline ("![[Infographic]
# Những công trình ...](/file/....jpg?width=400)"), the link cut off where a stored copy ends
_IMAGE_LINE = regex.compile(r"\s*!\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]\([^)\n]*\)?\s*")


def split_lines(text: str) -> list[Line]:
    lines, pos = [], 0
    for i, part in enumerate(text.split("\n")):
        lines.append(Line(i, pos, pos + len(part), part))
        pos += len(part) + 1
    return lines


def find_headline(lines: list[Line], dropped: set[int]) -> int | None:
    """Index of the headline among the first lines, or None.

    A headline stands just above a dateline (or just below it), or else is the
    first heading-shaped line before any body paragraph.
    """
    head = [l for l in lines if not l.blank and l.index not in dropped][:10]
    for k, line in enumerate(head):
        if is_dateline(line.text):
            if k > 0 and is_heading_shaped(head[k - 1].text):
                return head[k - 1].index
            for after in head[k + 1:k + 3]:
                if is_heading_shaped(after.text):
                    return after.index
            break
    for line in head:
        if is_heading_shaped(line.text):
            return line.index
        if is_body_like(line.text) and not is_caption(line.text):
            return None
    return None


def dateline_anchored(lines: list[Line], headline: int, dropped: set[int]) -> bool:
    near = [l for l in lines if not l.blank and l.index not in dropped and abs(l.index - headline) <= 4]
    return any(is_dateline(l.text) for l in near)


def judge_head(lines: list[Line], dropped: set[int]) -> tuple[set[int], int | None]:
    """Banner lines above the article's start, and the headline's index (a greeting or
    marquee line long enough to read as a paragraph does not start the article)."""
    out: set[int] = set()
    body_start = next((l.index for l in lines if l.index not in dropped and is_body_like(l.text)
                       and not is_caption(l.text) and not RULES.top_banner.fullmatch(l.text)), len(lines))
    # a banner block scraped twice: only the last copy can be the headline
    head = [l for l in lines if l.index < body_start and not l.blank and l.index not in dropped]
    seen_last = {l.text: l.index for l in head}
    for l in head:
        if seen_last[l.text] != l.index:
            out.add(l.index)
        elif is_top_banner(l.text):
            out.add(l.index)
    headline = find_headline(lines, dropped | out)
    top_end = max(body_start, headline if headline is not None else 0)
    anchored = headline is not None and dateline_anchored(lines, headline, dropped | out)
    for l in lines:
        if l.index >= top_end or l.blank or l.index in dropped or l.index in out:
            continue
        if l.index != headline and is_top_banner(l.text):
            out.add(l.index)
        elif (anchored and headline is not None and l.index < headline and count_words(l.text) <= 8
              and not l.text.endswith(":") and not is_caption(l.text) and not is_dateline(l.text)):
            out.add(l.index)  # breadcrumbs and section names above a dated headline
    return out, headline


def judge_tail(lines: list[Line], dropped: set[int]) -> set[int]:
    """Comment, rating, share and teaser blocks after the body has begun."""
    out: set[int] = set()
    live = [l for l in lines if not l.blank and l.index not in dropped]
    body_seen = False
    k = 0
    while k < len(live):
        line = live[k]
        text = line.text
        if RULES.to_end_marker.fullmatch(text):
            if body_seen:
                out.update(l.index for l in lines if l.index >= line.index)
                return out
            out.add(line.index)
        elif RULES.teaser_marker.fullmatch(text):
            out.add(line.index)
            if body_seen:
                k = _skip_teasers(live, k + 1, out)
                continue
        elif body_seen and _teaser_run(live, k):
            # headlines cut short in a row ("Sáng 5/3, Thường trực HĐND ... đánh giá…"): a list of
            # related articles with no heading
            k = _skip_teasers(live, k, out)
            continue
        elif is_body_like(text):
            body_seen = True
        k += 1
    return out


def _teaser_run(live: list[Line], k: int) -> bool:
    """live[k] opens a run of at least two short lines, each cut short with an ellipsis or
    stamped with its date as a list of related articles prints them."""
    run = live[k:k + 2]
    return len(run) == 2 and all(len(l.text) <= _TEASER_MAX and (TRUNCATED_RE.search(l.text) or STAMPED_RE.search(l.text))
                                 for l in run)


def _skip_teasers(live: list[Line], k: int, out: set[int]) -> int:
    """Drop teaser lines from live[k] on; return where the article resumes (or the end)."""
    while k < len(live):
        text = live[k].text
        if RULES.to_end_marker.fullmatch(text):
            return k  # let the caller cut to the end
        if RULES.teaser_marker.fullmatch(text):
            out.add(live[k].index)
            k += 1
            continue
        nxt = live[k + 1].text if k + 1 < len(live) else None
        if nxt is not None and _resumes(text, nxt):
            return k  # two body paragraphs in a row: the article goes on
        out.add(live[k].index)
        k += 1
    return k


def _resumes(text: str, nxt: str) -> bool:
    """Two distinct body paragraphs in a row, the first a finished sentence (teasers list headline, summary, headline...)."""
    return (text != nxt and is_body_like(text) and is_body_like(nxt)
            and bool(SENTENCE_END_RE.search(text)) and not TRUNCATED_RE.search(text))


def judge_boxes(lines: list[Line], dropped: set[int]) -> set[int]:
    """A site's data box ("Chỉ số kinh tế:" and its paragraph of market figures), and a run of
    two or more thumbnail rows ("![]() | headline |": related articles flattened to text, a
    thumbnail cell beside each headline, or images alone on their lines with the headlines as
    alt text), wherever they stand. A single thumbnail row may be a photo with its caption: kept."""
    out: set[int] = set()
    live = [l for l in lines if not l.blank and l.index not in dropped]
    thumbnail = [bool(_THUMBNAIL_ROW.fullmatch(l.text) or _IMAGE_LINE.fullmatch(l.text)) for l in live]
    for k, line in enumerate(live):
        if RULES.data_box_heading.fullmatch(line.text):
            out.update(l.index for l in live[k:k + 2])
        elif RULES.data_box_quote.fullmatch(line.text):
            out.add(line.index)
        if thumbnail[k] and ((k > 0 and thumbnail[k - 1]) or (k + 1 < len(live) and thumbnail[k + 1])):
            out.add(line.index)
    return out


def judge_footer(lines: list[Line], dropped: set[int]) -> set[int]:
    """Site address and contact lines after the last body paragraph."""
    live = [l for l in lines if not l.blank and l.index not in dropped]
    last_body = max((l.index for l in live if is_body_like(l.text) and not RULES.footer_start.match(l.text)), default=-1)
    return {l.index for l in live if l.index > last_body and RULES.footer_start.match(l.text)}


def judge_repeats(lines: list[Line], dropped: set[int], headline: int | None) -> set[int]:
    """Repeated captions, truncated leads followed by their full text, the headline reused as alt text."""
    out: set[int] = set()
    live = [l for l in lines if not l.blank and l.index not in dropped]
    title = lines[headline].text if headline is not None else None
    for prev, cur in zip(live, live[1:]):
        if cur.text == prev.text:
            out.add(cur.index)
        elif TRUNCATED_RE.search(prev.text):
            stem = TRUNCATED_RE.sub("", prev.text).rstrip()
            if len(stem) >= 20 and cur.text.startswith(stem):
                out.add(prev.index)
    if title:
        out.update(l.index for l in live if l.index > headline and l.text == title)
        # the headline written without its diacritics opens an image's alt text or a slug,
        # often run together with a related headline ("tren 5000 cuoc kiem tra tai chinh
        # cong doan Phấn đấu ..."): no line of the article
        bare = unaccented(title)
        if len(bare) >= 20:
            out.update(l.index for l in live if l.index > headline and l.text[:len(bare)].isascii()
                       and unaccented(l.text[:len(bare)]) == bare)
    return out


def trim_spans(lines: list[Line], kept: list[int]) -> list[tuple[int, int]]:
    """Kept lines as spans, with counters trailing a dateline's time cut off."""
    spans = []
    for i in kept:
        line = lines[i]
        end = line.end
        if is_dateline(line.text):
            # view and comment counts printed after the time: "Chủ nhật - 12/06/2022 02:33 603 0"
            for pattern in (RULES.dateline_counter, _TRAILING_COUNTS):
                m = pattern.search(line.text, 1)
                if m and DATE_RE.search(line.text, 0, m.start()):
                    end = line.start + m.start()
                    break
        spans.append((line.start, end))
    return spans


def assemble(text: MappedText, lines: list[Line], kept: list[int]) -> MappedText:
    """Join kept lines: one newline between neighbours, a blank line where the source had a gap."""
    if not kept:
        return MappedText("", (text.offsets[0] if text.offsets else 0,))
    spans = trim_spans(lines, kept)
    joiners = []
    for a, b in zip(kept, kept[1:]):
        gap_blank = any(lines[j].blank for j in range(a + 1, b))
        first_break = lines[a].end  # the newline ending line a
        last_break = lines[b].start - 1  # the newline before line b
        if gap_blank and last_break > first_break:
            joiners.append(("\n\n", [first_break, last_break]))
        else:
            joiners.append(("\n", [first_break]))
    return text.pieces(spans, joiners)


def clean_text(raw: str) -> Cleaned:
    text = normalize_text(raw)
    text, header = strip_dump_header(text)
    lines = split_lines(text.text)
    dropped = {l.index for l in lines if is_line_furniture(l.text)}
    head_out, headline = judge_head(lines, dropped)
    dropped |= head_out
    dropped |= judge_tail(lines, dropped)
    dropped |= judge_boxes(lines, dropped)
    dropped |= judge_footer(lines, dropped)
    if headline is not None and headline in dropped:
        headline = None
    dropped |= judge_repeats(lines, dropped, headline)
    kept = [l.index for l in lines if not l.blank and l.index not in dropped]
    body = assemble(text, lines, kept)
    title = lines[headline].text.strip() if headline is not None else None
    for judged in (is_line_furniture, is_body_like, is_dateline):
        judged.cache_clear()  # an article's lines are not kept past it (a line may be 1 MB)
    return Cleaned(body=body.text, raw_offsets=list(body.offsets), header=header, title=title)
