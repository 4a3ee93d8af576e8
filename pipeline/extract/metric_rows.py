"""An article's metric rows put together: the organisation a figure belongs to, a percentage
of a target and an "N/T" fraction joined to their figure, the same fact kept once."""
from __future__ import annotations

from dataclasses import replace

import regex

from ..document import Document
from ..phrase_matcher import word_alternation
from ..records import MetricMention, OrgMention
from ..ruledata import load_yaml
from .metric_candidates import Candidate
from .metric_decisions import STOCK_TOTALS, head_noun_total
from .metric_time import CONTINUATION_RE
from .numbers import is_share

_CUES = load_yaml("metric_cues.yaml")
_IMAGE_ALT_RE = regex.compile(load_yaml("furniture.yaml")["image_alt_line"], regex.I | regex.M)
_ADJACENT_GAP = 2  # characters between two sentences next to each other (a space, a newline)
# "Trong đó có Tổng Công ty ... lắp đặt 1 phòng": the parts of a result (rules/metric_cues.yaml)
_RESULT_PART_RE = regex.compile(r"[^\w\n]*(?:" + word_alternation(_CUES["result_part_openers"]) + r")(?!\p{L})",
                                regex.I)


def org_for(doc: Document, pos: int, orgs: list[OrgMention]) -> str | None:
    """The nearest organisation named before `pos` in its paragraph, else the article's federation."""
    para_start = doc.body.rfind("\n", 0, pos) + 1
    near = [o for o in orgs if para_start <= o.start and o.end <= pos]
    if near:
        return max(near, key=lambda o: o.end).canonical
    fed = next((o for o in orgs if o.org_type == "ldld_province"), None)
    return fed.canonical if fed else None


def _figure_before(rows: list[tuple[Candidate, MetricMention]], i: int) -> int | None:
    """The row of the figure a percentage at row `i` qualifies: the nearest before it in its
    sentence that is neither a percentage nor the denominator of a fraction."""
    j = i - 1
    while j >= 0 and (rows[j][1].unit == "percent" or rows[j][0].quantity.link == "fraction_den"):
        j -= 1
    return j if j >= 0 and rows[j][0].sentence is rows[i][0].sentence else None


def attach_percentages(rows: list[tuple[Candidate, MetricMention]]) -> list[tuple[Candidate, MetricMention]]:
    """"N ..., đạt P% chỉ tiêu": the percentage takes N's indicator, status and period,
    and N's row gets percent_of_target (its target_value comes from "N/T", see attach_fractions)."""
    out = list(rows)
    for i, (c, m) in enumerate(out):
        if m.unit != "percent" or m.subject != _CUES["percent_target_subject"]:
            continue
        j = _figure_before(out, i)
        if j is None:
            continue
        pc, pm = out[j]
        out[i] = (c, replace(m, indicator=pm.indicator, period=pm.period, extractor="rule",
                             status="achieved" if pm.status == "achieved" else m.status))
        if pm.percent_of_target is None and pm.status == "achieved":
            out[j] = (pc, replace(pm, percent_of_target=m.value))
    return out


def shares_of_figures(rows: list[tuple[Candidate, MetricMention]]) -> list[tuple[Candidate, MetricMention]]:
    """"lao động nữ là 176.386 người, chiếm 62,46%", "nâng tổng số đoàn viên lên trên 600.000
    người, đạt tỷ lệ trên 90%": a percentage introduced as a share ("chiếm", "đạt tỷ lệ") is the
    share of the figure before it in its sentence, whatever that figure is (a stock, a result,
    a delegation): its indicator, status and period. A share of a target ("đạt 110,7% chỉ
    tiêu") is attach_percentages' case."""
    out = list(rows)
    for i, (c, m) in enumerate(out):
        if m.unit != "percent" or m.subject == _CUES["percent_target_subject"] or c.decisive:
            continue
        if not is_share(c.sentence.text, c.quantity.num_start - c.sentence.start):
            continue
        j = _figure_before(out, i)
        if j is None:
            continue
        pm = out[j][1]
        if (m.indicator, m.status, m.period) != (pm.indicator, pm.status, pm.period):
            out[i] = (c, replace(m, indicator=pm.indicator, status=pm.status, period=pm.period, extractor="rule"))
    return out


# "..., mỗi suất trị giá tối thiểu " ending the text before the amount
_PER_ITEM_RE = regex.compile(r"(?i)(?<!\p{L})(?:" + word_alternation(_CUES["per_item_words"])
                             + r")\s+(?P<item>\p{L}+)(?!\p{L})[^,;:.\d]*$")


def values_per_item(rows: list[tuple[Candidate, MetricMention]]) -> list[tuple[Candidate, MetricMention]]:
    """"LĐLĐ tỉnh đã trao 300 suất quà, mỗi suất trị giá tối thiểu 500.000 đồng": what each of
    the items counted just before it in its sentence is worth is of the same giving, so it
    takes that count's status (the classifier reads the floor, "tối thiểu", as a plan)."""
    out = list(rows)
    for i, (c, m) in enumerate(out):
        item = _PER_ITEM_RE.search(c.clause_left) if m.unit == "vnd" and i > 0 else None
        if item is None:
            continue
        pc, pm = out[i - 1]
        if pc.sentence is not c.sentence or pm.unit != "count" or not pm.subject:
            continue
        # the items' count right before the per-item phrase: "300 suất quà, mỗi suất"
        clause_at = c.quantity.num_start - c.sentence.start - len(c.clause_left)
        between = c.sentence.text[pc.quantity.end - c.sentence.start:clause_at + item.start()]
        if (pm.subject.casefold().split()[0] == item["item"].casefold() and pm.status != m.status
                and between.strip(" ,(").casefold() == pm.subject.casefold()):
            out[i] = (c, replace(m, status=pm.status, extractor="rule"))
    return out


def _same_noun(part: str | None, whole: str | None) -> bool:
    """The part counts what the whole counts: the same total ("387 đoàn viên" of "2.100 đoàn
    viên"), or the words of the shorter subject opening the other ("34 em học sinh tiểu học" of
    "44 em học sinh", "1 phòng" of "34 phòng vắt trữ sữa mẹ")."""
    if not part or not whole:
        return False
    total = head_noun_total(part, None)
    if total is not None:
        return total == head_noun_total(whole, None)
    a, b = (s.casefold().removeprefix("các ").split() for s in (part, whole))
    short, long_ = sorted((a, b), key=len)
    return bool(short) and long_[:len(short)] == short


def parts_of_totals(rows: list[tuple[Candidate, MetricMention]]) -> list[tuple[Candidate, MetricMention]]:
    """"... nâng tổng số đoàn viên của huyện lên hơn 2.100 đoàn viên với 76 tổ chức CĐCS.
    Trong đó, khu vực ngoài Nhà nước 387 đoàn viên và 18 tổ chức CĐCS": a sentence opening
    with "Trong đó," right after one that gives a union's size (its members or units as a
    stock) breaks that size down; its figures are parts of the size, status context, each
    the total its noun counts. After a result counted by the same noun (_same_noun), its figures
    are parts of the result: its code, achieved; "Trong đó có" opens such parts too ("... lắp đặt
    được 34 phòng vắt trữ sữa mẹ. Trong đó có Tổng Công ty May Việt Tiến lắp đặt 6 phòng"). Not
    where an event of its own stands before a figure ("Trong đó, năm 2024 kết nạp mới 387 đoàn
    viên"), nor, for parts of a result, after it ("Trong đó, 65 triệu đồng do ... đóng góp")."""
    out = list(rows)
    for i, (c, m) in enumerate(out):
        if c.decisive or c.event_before or c.target_scope:
            continue
        of_size = CONTINUATION_RE.match(c.sentence.text) is not None  # "Trong đó có" breaks down results only
        if not of_size and not _RESULT_PART_RE.match(c.sentence.text):
            continue
        # the last figure before this sentence, in the sentence right before it
        last = next(((pc, pm) for pc, pm in reversed(out[:i]) if pc.sentence.end <= c.sentence.start), None)
        if last is None or c.sentence.start - last[0].sentence.end > _ADJACENT_GAP:
            continue
        total = head_noun_total(m.subject, None)
        if of_size and last[1].status == "context" and last[1].indicator in STOCK_TOTALS and m.status != "context":
            out[i] = (c, replace(m, status="context", indicator=total or m.indicator, extractor="rule"))
        elif (last[1].status == "achieved" and not c.event_after and _same_noun(m.subject, last[1].subject)
              and (m.status, m.indicator) != ("achieved", last[1].indicator)):
            # a part of a result counted by the same noun is part of that result ("kết nạp mới
            # 2.100 đoàn viên. Trong đó, khu vực ngoài Nhà nước 387 đoàn viên": new members)
            out[i] = (c, replace(m, status="achieved", indicator=last[1].indicator, extractor="rule"))
    return out


def parts_in_brackets(rows: list[tuple[Candidate, MetricMention]]) -> list[tuple[Candidate, MetricMention]]:
    """"bàn giao 29 công đoàn cơ sở trực thuộc LĐLĐ huyện (5 CĐCS cơ quan xã; 1 CĐCS hành chính
    sự nghiệp; 23 CĐCS trường học)": figures in brackets that open right after a figure, counted
    by the same noun and with no event of their own, are its parts: its code and status."""
    out = list(rows)
    for i, (c, m) in enumerate(out):
        if c.decisive or c.event_before or c.target_scope:
            continue
        before = c.sentence.text[:c.quantity.num_start - c.sentence.start]
        opened = before.rfind("(")
        if opened < 0 or ")" in before[opened:]:
            continue
        at = c.sentence.start + opened
        # the last figure of the sentence before the bracket
        j = i - 1
        while j >= 0 and out[j][0].sentence is c.sentence and out[j][0].quantity.end > at:
            j -= 1
        whole = out[j] if j >= 0 and out[j][0].sentence is c.sentence else None
        if whole is None or whole[0].quantity.link:
            continue
        total = head_noun_total(m.subject, None)
        if total is None or total != head_noun_total(whole[1].subject, None):
            continue
        if (m.indicator, m.status) != (whole[1].indicator, whole[1].status):
            out[i] = (c, replace(m, indicator=whole[1].indicator, status=whole[1].status, extractor="rule"))
    return out


def attach_fractions(rows: list[tuple[Candidate, MetricMention]]) -> list[tuple[Candidate, MetricMention]]:
    """"2178/1550": the numerator is the result, the denominator its target
    ("22/22 công đoàn" is all of a whole, not a result over a target). A fraction of a
    present state or of a delegation is a part of a whole: "hiện có 2.610/2.819 công đoàn cơ
    sở đang thực hiện ..." (2.819 unions in all), "199/200 đại biểu được triệu tập" (200
    summoned): the denominator is the whole, status context."""
    out = list(rows)
    for i in range(len(out) - 1):
        (c1, a), (c2, b) = out[i], out[i + 1]
        if c1.quantity.link == "fraction_num" and c2.quantity.link == "fraction_den" and a.value != b.value:
            if (c1.stock or a.indicator == "participants") and a.value < b.value:  # a part is below its whole
                whole = head_noun_total(a.subject or b.subject, a.indicator)
                out[i + 1] = (c2, replace(b, status="context", indicator=whole, subject=a.subject or b.subject,
                                          period=a.period, extractor="rule"))
                continue
            out[i + 1] = (c2, replace(b, status="target", indicator=a.indicator, subject=a.subject or b.subject,
                                      period=a.period, extractor="rule"))
            out[i] = (c1, replace(a, status="achieved", target_value=b.value, extractor="rule"))
    return out


def dedupe(rows: list[tuple[Candidate, MetricMention]], doc: Document) -> list[MetricMention]:
    """Keep one row per repeated fact (GOLD.md: headline and body, a duplicated paragraph,
    a caption or summary restating the body).

    A headline figure the body also gives is dropped, and so is one in an image's alternative
    text ("Tuyên dương 90 cấp ủy viên ... - Ảnh 1."), which restates the headline. In the body,
    the same value, unit and indicator in another sentence is the same fact (for values under
    100 the counted noun must match too: small numbers recur as different facts), and so is the
    same value and unit of the same counted noun ("cho 330 trẻ ..." and a caption's "330 trẻ là
    con đoàn viên ... tham gia Trại hè", whose indicators the classifier may tell apart). Within one
    sentence repeated values are distinct facts ("Yên Thế (5 người), Việt Yên (5 người)").
    """
    kept: list[tuple[Candidate, MetricMention]] = []
    fact_sentence: dict[tuple, str] = {}
    alt_text = {id(c) for c, _ in rows if not c.in_title and _is_image_alt(doc, c)}
    restated = alt_text | {id(c) for c, _ in rows if c.in_title}
    for c, m in rows:
        if id(c) in restated:
            kept.append((c, m))
            continue
        keys = [(m.value, m.unit, m.indicator, _counted_head(m))]
        if m.subject:  # the same count of the same thing, whatever indicator each was given
            keys.append((m.value, m.unit, m.subject.casefold()))
        firsts = [fact_sentence.setdefault(k, c.sentence.text) for k in keys]  # (every key noted)
        if any(first != c.sentence.text for first in firsts) or any(
                k.sentence is not c.sentence and k.sentence.text == c.sentence.text
                and k.quantity.num_start - k.sentence.start == c.quantity.num_start - c.sentence.start
                for k, _ in kept):
            continue
        kept.append((c, m))
    # a headline words its figure its own way ("4 Mái ấm Công đoàn" for the body's "4 căn nhà"):
    # the value alone tells it; a headline restated by an image's alternative text is one fact
    body_keys = {(m.value, m.unit) for c, m in kept if id(c) not in restated}
    title_keys = {(m.value, m.unit) for c, m in kept if c.in_title}
    return [m for c, m in kept if not (id(c) in restated and (m.value, m.unit) in body_keys)
            and not (id(c) in alt_text and (m.value, m.unit) in title_keys)]


def _is_image_alt(doc: Document, c: Candidate) -> bool:
    """The figure's line is an image's alternative text ("... - Ảnh 1.")."""
    line_end = doc.body.find("\n", c.sentence.end)
    return _IMAGE_ALT_RE.search(doc.body, c.sentence.start, len(doc.body) if line_end < 0 else line_end) is not None


def _counted_head(m: MetricMention) -> tuple[str, ...]:
    """What tells two mentions of one value apart: small numbers and shares recur as different
    facts, so their counted noun's first word must match too ("100% công đoàn cơ sở ..." and
    "100% đoàn viên ..." are two); a large number is one fact whatever it is said to count."""
    return tuple((m.subject or "").casefold().split()[:1]) if m.value < 100 or m.unit == "percent" else ()
