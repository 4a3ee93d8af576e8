"""Numeric achievements and targets: one MetricMention per number that measures union work.

Steps, per article:
1. candidates: every quantity in the body (numbers.py) that no non-metric
   pattern covers (dates, years, document numbers, ordinals, durations,
   phones, glued codes such as Covid-19), with its context: the counted
   subject after it, the words before it in its clause, its period.
2. the classifiers of metric_model.py decide whether each candidate is a
   metric and give its indicator and status;
3. rules the language makes unambiguous: a percentage of a target
   ("đạt 110,7% chỉ tiêu") takes the indicator and period of the figure it
   qualifies, which gets target_value/percent_of_target; "2178/1550" is an
   achieved figure over its target;
4. the same fact repeated (headline and body, a duplicated paragraph) is kept once.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import regex

from ..document import Document, Sentence, Token
from ..records import DateMention, MetricMention, OrgMention
from ..ruledata import load_yaml
from .numbers import Quantity, find_quantities

_CUES = load_yaml("metric_cues.yaml")
_PERIODS = load_yaml("metric_periods.yaml")


def _compile(pattern: str) -> regex.Pattern:
    # \p{Lu} means "upper case" only without IGNORECASE
    return regex.compile(pattern) if r"\p{Lu}" in pattern else regex.compile(pattern, regex.I)


NON_METRIC_RES = tuple((name, _compile(p)) for name, p in _CUES["non_metric_patterns"].items())
_SUBJECT_STOP = frozenset(w.casefold() for w in _CUES["subject_stop_words"])
_SUBJECT_MAX = int(_CUES["subject_max_tokens"])
_PERCENT_TARGET_RE = regex.compile(
    r"^\s*(?:" + "|".join(regex.escape(w) for w in sorted(_CUES["percent_of_target_words"], key=len, reverse=True))
    + r")(?!\p{L})", regex.I)
_PERCENT_TARGET_AFTER_RE = regex.compile(_CUES["percent_of_target_after"], regex.I)
_WRITTEN_YEAR_RE = regex.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_PERIOD_RES = tuple((p["kind"], regex.compile(p["re"], regex.I)) for p in _PERIODS["patterns"])
_DIRECTIVE_CONTEXT_RE = regex.compile(_PERIODS["directive_context"])
_CLAUSE_BREAK_RE = regex.compile(r"[;:]|\s[-–]\s|\n")
_PUNCT_RE = regex.compile(r"^[^\p{L}\d]+$")
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


@dataclass(frozen=True)
class Period:
    """A time expression: its span, its label in GOLD notation, its years and kind
    (a `term` is a congress term "nhiệm kỳ 2023-2028")."""

    start: int
    end: int
    label: str
    first_year: int
    last_year: int
    kind: str

    @property
    def year_label(self) -> str:
        """The label without its month or half ("2025-08" -> "2025", "2021/2022-06" -> "2021/2022")."""
        return self.label.split("-")[0]


@dataclass(frozen=True)
class TimeContext:
    """Where a figure's period can come from, nearest first: time expressions in its
    sentence before and after it, the latest earlier in its paragraph, the article's."""

    before: tuple[Period, ...]   # in the sentence before the number, nearest last
    after: tuple[Period, ...]    # in the sentence after the number, nearest first
    paragraph: Period | None
    article: Period | None       # the period the article reviews (a range up to its year)
    title: Period | None
    reference_year: int | None


@dataclass(frozen=True)
class Candidate:
    """A quantity that may be a metric, with the context the classifiers read."""

    quantity: Quantity
    sentence: Sentence
    subject: str | None
    left: tuple[str, ...]       # word tokens before the number in its clause (lower case), nearest last
    right: tuple[str, ...]      # word tokens after the subject phrase (lower case)
    clause_left: str            # clause text before the number
    clause_right: str           # clause text after the quantity
    period: str | None          # the period whatever the status (for features)
    in_title: bool
    reference_year: int | None  # the article's year, where known
    time: TimeContext | None = None


# ---------------------------------------------------------------- candidates

def blocked_spans(text: str) -> list[tuple[int, int]]:
    """Spans of `text` where a digit string is a date, year, code, ordinal... never a metric."""
    spans = []
    for _, rx in NON_METRIC_RES:
        spans.extend(m.span() for m in rx.finditer(text))
    return spans


def _is_blocked(q: Quantity, spans: list[tuple[int, int]], offset: int) -> bool:
    s, e = q.num_start - offset, q.num_end - offset
    return any(a <= s and e <= b for a, b in spans)


def sentence_quantities(sentence: Sentence) -> list[Quantity]:
    """Quantities of a sentence that no non-metric pattern covers."""
    qs = find_quantities(sentence.text, sentence.start)
    spans = blocked_spans(sentence.text)
    blocked = [_is_blocked(q, spans, sentence.start) or q.value == 0 for q in qs]
    # a range is blocked as a whole when either end is ("18-35 tuổi")
    for i, q in enumerate(qs):
        if q.link == "range_low" and i + 1 < len(qs) and blocked[i + 1]:
            blocked[i] = True
    return [q for q, b in zip(qs, blocked) if not b]


def candidates(doc: Document, dates: list[DateMention] | None = None,
               reference_year: int | None = None) -> list[Candidate]:
    """Every metric candidate of the article with its context, in body order."""
    title = title_span(doc)
    periods = merge_periods(periods_from_dates(doc.body, dates or []),
                            find_periods(doc.body, reference_year))
    review, title_period = article_periods(doc, periods, title, reference_year)
    out = []
    for sentence in doc.sentences:
        in_title = title[0] <= sentence.start and sentence.end <= title[1]
        cands = [_candidate(doc, sentence, q, periods, review, title_period, in_title, reference_year)
                 for q in sentence_quantities(sentence)]
        # the low end of a range counts what the high end counts ("từ 10-20 CĐCS")
        for i in range(len(cands) - 1):
            if cands[i].quantity.link == "range_low" and cands[i + 1].quantity.link == "range_high":
                cands[i] = replace(cands[i], subject=cands[i + 1].subject, right=cands[i + 1].right)
        out.extend(cands)
    return out


def title_span(doc: Document) -> tuple[int, int]:
    """(start, end) of the headline in the body: the record's title line where the body
    holds it, else the first line; (0, 0) for a one-line text."""
    if "\n" not in doc.body.strip():
        return (0, 0)
    title = (doc.meta.get("title") or "").strip()
    at = doc.body.find(title) if title else -1
    if at >= 0:
        return (at, at + len(title))
    first = doc.body.find("\n")
    return (0, first)


def _candidate(doc: Document, sentence: Sentence, q: Quantity, periods: list[Period],
               review: Period | None, title_period: Period | None, in_title: bool,
               reference_year: int | None) -> Candidate:
    text, off = sentence.text, sentence.start
    before = text[:q.num_start - off]
    breaks = list(_CLAUSE_BREAK_RE.finditer(before))
    clause_start = breaks[-1].end() if breaks else 0
    after = text[q.end - off:]
    m = _CLAUSE_BREAK_RE.search(after)
    clause_right = after[:m.start()] if m else after
    tokens = sentence.tokens
    left = tuple(w.casefold() for w in _words_before(tokens, q.num_start, off + clause_start))[-8:]
    subject, subject_end = _subject(q, tokens, after)
    right = tuple(t.text.casefold() for t in tokens if t.start >= subject_end and not _PUNCT_RE.match(t.text))[:4]
    time = time_context(doc, q, periods, sentence, review, title_period, reference_year)
    return Candidate(q, sentence, subject, left, right, before[clause_start:], clause_right,
                     choose_period(time, None), in_title, reference_year, time)


def _words_before(tokens, pos: int, start: int) -> list[str]:
    """Word tokens between body offsets `start` and `pos` (a token running over `pos`
    gives its part before it)."""
    words = []
    for t in tokens:
        if t.start < start or t.start >= pos:
            continue
        text = t.text if t.end <= pos else t.text[:pos - t.start].strip()
        if text and not _PUNCT_RE.match(text):
            words.append(text)
    return words


def _subject(q: Quantity, tokens, after: str) -> tuple[str | None, int]:
    """The head noun phrase counted by `q` (words after it), and where it ends."""
    if q.unit == "vnd":
        return "đồng", q.end
    if q.unit == "percent":
        m = _PERCENT_TARGET_RE.match(after) or _PERCENT_TARGET_AFTER_RE.match(after)
        if m:
            return _CUES["percent_target_subject"], q.end + m.end()
    words = []
    end = q.end
    for t in tokens:
        if t.end <= q.end:
            continue
        if t.start < q.end:  # underthesea glues a number to its noun: "1.500 suất"
            rest = t.text[q.end - t.start:]
            t = Token(t.start + len(rest) - len(rest.lstrip()) + (q.end - t.start), t.end, rest.strip())
            if not t.text:
                continue
        low = t.text.casefold()
        if _PUNCT_RE.match(t.text) or low in _SUBJECT_STOP or any(c.isdigit() for c in t.text):
            break
        if words and t.start - end > 1:  # a gap wider than a space
            break
        words.append(t.text)
        end = t.end
        if len(words) >= _SUBJECT_MAX:
            break
    if words:
        return " ".join(words), end
    if q.unit == "percent" and after.strip()[:1] in (",", ".", ";", ")", ""):
        return _CUES["percent_target_subject"], q.end
    return None, q.end


# ---------------------------------------------------------------- periods

def find_periods(text: str, reference_year: int | None) -> list[Period]:
    """Time expressions of `text` with GOLD period labels, non-overlapping, in order.

    Expressions dating a document ("Nghị quyết số 02-NQ/TW ngày 12/6/2021") and
    year ranges longer than a decade (anniversaries: "(1930-2025)") are left out.
    """
    found: list[Period] = []
    taken: list[tuple[int, int]] = []
    for kind, rx in _PERIOD_RES:
        for m in rx.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append(m.span())
            if _DIRECTIVE_CONTEXT_RE.search(text[max(0, m.start() - 80):m.start()]):
                continue
            period = _period(kind, m, reference_year)
            if period and period.last_year - period.first_year <= _MAX_PERIOD_YEARS:
                found.append(period)
    return sorted(found, key=lambda p: p.start)


_MAX_PERIOD_YEARS = int(_PERIODS["max_period_years"])


def periods_from_dates(text: str, dates: list[DateMention]) -> list[Period]:
    """The date extractor's mentions with a written year as periods, leaving out days
    (find_periods reads those), dates of documents and anniversaries. A year the date
    extractor inferred ("5-7/4") is left to find_periods' own inference."""
    out = []
    for d in dates:
        if d.period_start is None or d.period_end is None or d.kind == "day":
            continue
        if not _WRITTEN_YEAR_RE.search(d.text):
            continue
        if _DIRECTIVE_CONTEXT_RE.search(text[max(0, d.start - 80):d.start]):
            continue
        a, b = d.period_start, d.period_end
        if b.year - a.year > _MAX_PERIOD_YEARS:
            continue
        kind = "term" if regex.match(r"(?i)nhiệm\s+kỳ", d.text) else ("years" if a.year != b.year else d.kind)
        out.append(Period(d.start, d.end, _interval_label(d.kind, a, b), a.year, b.year, kind))
    return out


def _interval_label(kind: str, a: dt.date, b: dt.date) -> str:
    """GOLD notation of a date interval: "2022", "2022-H1", "2022-Q3", "2022-08",
    "2020/2022", "2021/2022-06"."""
    if kind == "day":
        return str(a.year)
    if a.year != b.year:
        return f"{a.year}/{b.year}" if (b.month, b.day) == (12, 31) else f"{a.year}/{b.year}-{b.month:02d}"
    if (a.month, a.day, b.month, b.day) == (1, 1, 12, 31):
        return str(a.year)
    if a.day == 1 and a.month == b.month:
        return f"{a.year}-{a.month:02d}"
    if (a.month, a.day, b.month, b.day) == (1, 1, 6, 30):
        return f"{a.year}-H1"
    if (a.month, a.day, b.month, b.day) == (7, 1, 12, 31):
        return f"{a.year}-H2"
    if a.day == 1 and a.month in (1, 4, 7, 10) and b.month == a.month + 2:
        return f"{a.year}-Q{(a.month + 2) // 3}"
    return str(a.year)


def merge_periods(preferred: list[Period], extra: list[Period]) -> list[Period]:
    """`preferred` (the date extractor's) and `extra`, overlapping ones resolved to the
    longer expression ("từ năm 2021 đến tháng 6 năm 2022" over its two parts), ties to
    `preferred`."""
    out = []
    for p in sorted(preferred + extra, key=lambda p: (-(p.end - p.start), p not in preferred)):
        if not any(q.start < p.end and p.start < q.end for q in out):
            out.append(p)
    return sorted(out, key=lambda p: p.start)


def _period(kind: str, m: regex.Match, ref: int | None) -> Period | None:
    g = m.groupdict()
    y1 = int(g["y1"]) if g.get("y1") else ref
    if kind in ("years", "term"):
        y2 = int(g["y2"])
        if y2 < y1:
            return None
        return Period(m.start(), m.end(), f"{y1}/{y2}" if y2 > y1 else str(y1), y1, y2, kind)
    if kind == "year_to_month":
        y2 = int(g["y2"])
        return Period(m.start(), m.end(), f"{y1}/{y2}-{int(g['m2']):02d}", y1, y2, kind)
    if y1 is None:
        return None
    if kind == "half":
        label = f"{y1}-{'H1' if g['half'].casefold() == 'đầu' else 'H2'}"
    elif kind == "quarter":
        q = g["quarter"].upper()
        label = f"{y1}-Q{_ROMAN.get(q, q)}"
    elif kind == "month":
        month = int(g["m1"])
        if not 1 <= month <= 12:
            return None
        label = f"{y1}-{month:02d}"
    elif kind == "next_year":
        if ref is None:
            return None
        y1 = ref + 1
        label = str(y1)
    else:  # year, day_year, this_year
        label = str(y1)
    return Period(m.start(), m.end(), label, y1, y1, kind)


def time_context(doc: Document, q: Quantity, periods: list[Period], sentence: Sentence,
                 review: Period | None, title: Period | None, ref: int | None) -> TimeContext:
    in_sentence = [p for p in periods if sentence.start <= p.start and p.end <= sentence.end]
    para_start = doc.body.rfind("\n", 0, sentence.start) + 1
    earlier = [p for p in periods if para_start <= p.start and p.end <= sentence.start]
    return TimeContext(tuple(p for p in in_sentence if p.end <= q.num_start),
                       tuple(p for p in in_sentence if p.start >= q.end),
                       earlier[-1] if earlier else None, review, title, ref)


def choose_period(t: TimeContext | None, status: str | None) -> str | None:
    """The period a figure covers, given its status (None: not known yet).

    The nearest time expression before it in its sentence, else after it, else the
    latest earlier in its paragraph (without its month: a month rarely carries over),
    else the article's: a year in the title, the range the article reviews (for
    results), the article's year. A congress term ("nhiệm kỳ 2023-2028") is the
    period of a target; a result or a size stated at the congress is of its first year.
    """
    if t is None:
        return None
    in_sentence = list(reversed(t.before)) + list(t.after)
    if status != "target":
        dated = [p for p in in_sentence if not _is_open_term(p)]
        if dated:
            return dated[0].label
    if in_sentence:
        return _label(in_sentence[0], status, in_sentence[0].label)
    if t.paragraph:
        return _label(t.paragraph, status, t.paragraph.year_label)
    if t.title:
        return _label(t.title, status, t.title.label)
    if status == "achieved" and t.article:
        return t.article.year_label
    return str(t.reference_year) if t.reference_year else None


def _label(p: Period, status: str | None, label: str) -> str:
    """A term gives a result or a size stated at the congress its first year."""
    return str(p.first_year) if status in ("achieved", "context") and _is_open_term(p) else label


def _is_open_term(p: Period) -> bool:
    """A congress term ("nhiệm kỳ 2023-2028"): the time of a target, not of a result."""
    return p.kind == "term"


def article_periods(doc: Document, periods: list[Period], title: tuple[int, int],
                    ref: int | None) -> tuple[Period | None, Period | None]:
    """The range the article reviews (the first year range in its body that ends in its
    year, e.g. "nhiệm kỳ 2018-2023" in a 2023 congress report) and a period in its title."""
    in_title = [p for p in periods if title[0] <= p.start and p.end <= title[1]]
    review = next((p for p in periods if ref and p.first_year < p.last_year == ref), None)
    return review, (in_title[0] if in_title else None)


def reference_year_of(doc: Document, dates: list[DateMention], published: dt.date | None) -> int | None:
    """The year the article reports on: publication, else the commonest year in its dates."""
    if published:
        return published.year
    years = [d.date.year for d in dates if d.kind == "day" and d.date]
    if years:
        return max(set(years), key=years.count)
    return None


# ---------------------------------------------------------------- extraction

def extract_metrics(doc: Document, dates: list[DateMention], orgs: list[OrgMention],
                    province: str | None) -> list[MetricMention]:
    from ..metric_model import load_model

    ref_year = reference_year_of(doc, dates, _published(doc))
    cands = candidates(doc, dates, ref_year)
    if not cands:
        return []
    model = load_model()
    rows = []
    for c in cands:
        pred = model.predict(c)
        if not pred.is_metric:
            continue
        q = c.quantity
        rows.append((c, MetricMention(
            **doc.provenance(q.start, q.end, "ml", round(pred.confidence, 4)),
            value=q.value, unit=q.unit, subject=c.subject, indicator=pred.indicator,
            status=pred.status, period=choose_period(c.time, pred.status), qualifier=q.qualifier,
            org=_org_for(doc, q.start, orgs), province=province)))
    rows = _attach_percentages(rows)
    rows = _fractions(rows)
    return _dedupe(rows, doc)


def _published(doc: Document) -> dt.date | None:
    """The publication date, as core.process_record decided it (doc.meta["published"])."""
    published = doc.meta.get("published")
    return published if isinstance(published, dt.date) else None


def _org_for(doc: Document, pos: int, orgs: list[OrgMention]) -> str | None:
    """The nearest organisation named before `pos` in its paragraph, else the article's federation."""
    para_start = doc.body.rfind("\n", 0, pos) + 1
    near = [o for o in orgs if para_start <= o.start and o.end <= pos]
    if near:
        return max(near, key=lambda o: o.end).canonical
    fed = next((o for o in orgs if o.org_type == "ldld_province"), None)
    return fed.canonical if fed else None


def _attach_percentages(rows: list[tuple[Candidate, MetricMention]]) -> list[tuple[Candidate, MetricMention]]:
    """"N ..., đạt P% chỉ tiêu": the percentage takes N's indicator, status and period,
    and N's row gets percent_of_target (its target_value comes from "N/T", see _fractions)."""
    out = list(rows)
    for i, (c, m) in enumerate(out):
        if m.unit != "percent" or m.subject != _CUES["percent_target_subject"] or i == 0:
            continue
        j = i - 1
        while j >= 0 and (out[j][1].unit == "percent" or out[j][0].quantity.link == "fraction_den"):
            j -= 1
        if j < 0 or out[j][0].sentence is not c.sentence:
            continue
        pc, pm = out[j]
        out[i] = (c, replace(m, indicator=pm.indicator, period=pm.period, extractor="rule",
                             status="achieved" if pm.status == "achieved" else m.status))
        if pm.percent_of_target is None and pm.status == "achieved":
            out[j] = (pc, replace(pm, percent_of_target=m.value))
    return out


def _fractions(rows: list[tuple[Candidate, MetricMention]]) -> list[tuple[Candidate, MetricMention]]:
    """"2178/1550": the numerator is the result, the denominator its target
    ("22/22 công đoàn" is all of a whole, not a result over a target)."""
    out = list(rows)
    for i in range(len(out) - 1):
        (c1, a), (c2, b) = out[i], out[i + 1]
        if c1.quantity.link == "fraction_num" and c2.quantity.link == "fraction_den" and a.value != b.value:
            out[i + 1] = (c2, replace(b, status="target", indicator=a.indicator, subject=a.subject or b.subject,
                                      period=a.period, extractor="rule"))
            out[i] = (c1, replace(a, status="achieved", target_value=b.value, extractor="rule"))
    return out


def _dedupe(rows: list[tuple[Candidate, MetricMention]], doc: Document) -> list[MetricMention]:
    """Keep one row per repeated fact (GOLD.md: headline and body, a duplicated paragraph,
    a caption or summary restating the body).

    A headline figure the body also gives is dropped. In the body, the same value,
    unit and indicator in another sentence is the same fact (for values under 100 the
    counted noun must match too: small numbers recur as different facts). Within one
    sentence repeated values are distinct facts ("Yên Thế (5 người), Việt Yên (5 người)").
    """
    kept: list[tuple[Candidate, MetricMention]] = []
    fact_sentence: dict[tuple, str] = {}
    for c, m in rows:
        if c.in_title:
            kept.append((c, m))
            continue
        head = tuple((m.subject or "").casefold().split()[:1]) if m.value < 100 else ()
        first = fact_sentence.setdefault((m.value, m.unit, m.indicator, head), c.sentence.text)
        if first != c.sentence.text or any(
                k.sentence is not c.sentence and k.sentence.text == c.sentence.text
                and k.quantity.num_start - k.sentence.start == c.quantity.num_start - c.sentence.start
                for k, _ in kept):
            continue
        kept.append((c, m))
    body_keys = {(m.value, m.unit) for c, m in kept if not c.in_title}
    return [m for c, m in kept if not (c.in_title and (m.value, m.unit) in body_keys)]
