"""Vietnamese number notation: digit strings, scale words, units, hedges, ranges.

Vietnamese writes "1.600" for 1600 and "110,7" for 110.7; a scale word after
the digits multiplies ("4,4 tỷ đồng" = 4 400 000 000, "gần 3 nghìn" = 3000);
"%"/"phần trăm" makes a percentage and "đồng"/"VNĐ"/"đ" an amount of money.
This module reads quantities off text; it does not decide whether a quantity
is a metric (see metrics.py and metric_candidates.py).
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from ..ruledata import load_yaml

_RULES = load_yaml("metric_numbers.yaml")


def _alternation(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


_SCALES: dict[str, float] = {k.casefold(): float(v) for k, v in _RULES["scale_words"].items()}
_HEDGES: dict[str, str] = {k.casefold(): v for k, v in _RULES["hedges"].items()}

# a digit string with Vietnamese or English group/decimal separators
NUMBER_RE = regex.compile(r"(?<!\d)\d+(?:[.,]\d+)*(?!\d)")
_SCALE_RE = regex.compile(r"\s*(" + _alternation(_SCALES) + r")(?!\p{L})", regex.I)


def _word_pattern(word: str) -> str:
    """A rules word as a pattern: any run of spaces between its syllables; a word that ends in a
    letter must end there ("phần trăm", not "phần trămx"); a sign ("%") needs no boundary."""
    pattern = r"\s+".join(regex.escape(part) for part in word.split())
    return pattern + r"(?!\p{L})" if word[-1:].isalpha() else pattern


_PERCENT_RE = regex.compile(r"\s*(?:" + "|".join(_word_pattern(w) for w in _RULES["percent_words"]) + ")", regex.I)
# "chiếm 77,05", "chiếm tỷ lệ hơn 82%": a share word, at most one hedge, then the number
_SHARE_BEFORE_RE = regex.compile(r"(?<!\p{L})(?:" + _alternation(_RULES["share_words"]) + r")(?:[^\S\n]+(?:"
                                 + _alternation(_RULES["hedges"]) + r"))?[^\S\n]*$", regex.I)
_SHARE_END_RE = regex.compile(r"[^\S\n]*(?:[,.;:)]|$)", regex.M)
_MONEY = r"\s*(?:" + _alternation(_RULES["money_words"]) + r")(?!\p{L})(?!/[cC](?!\p{L}))"  # "5 đ/c": đồng chí
_MONEY_RE = regex.compile(_MONEY + r"(?:(?=\s+bằng\s+(?:" + _alternation(_RULES["money_paid_in_after_dong_bang"])
                           + r")(?!\p{L}))|(?!\s+(?:" + _alternation(_RULES["not_money_after_dong"]) + r")(?!\p{L})))")
# after "tỷ", "triệu": "đồng" is money whatever follows, and so are its misspellings before
# anything but a lowercase word ("119 triệu đồn.")
_SCALED_MONEY_RE = regex.compile(_MONEY + r"|\s*(?:" + _alternation(_RULES["money_misspellings_after_scale"])
                                 + r")(?!\p{L})(?![^\S\n]+\p{Ll})")
_PER_RECIPIENT_RE = regex.compile(r"[ \t]*/[ \t]*(?:" + _alternation(_RULES["per_recipient_words"]) + r")(?!\p{L})",
                                  regex.I)
_HEDGE_RE = regex.compile(r"(?<!\p{L})(" + _alternation(_HEDGES) + r")\s*$", regex.I)
_HEDGES_AFTER: dict[str, str] = {k.casefold(): v for k, v in _RULES["hedges_after"].items()}
_HEDGE_AFTER_RE = regex.compile(r"[^\S\n]*(" + _alternation(_HEDGES_AFTER) + r")(?!\p{L})", regex.I)
_MONEY_CUE_RE = regex.compile(r"(?<!\p{L})(?:" + _alternation(_RULES["money_cues"]) + r")(?!\p{L})", regex.I)
# a word right after a quantity that is not a function word: the quantity counts it
# "hơn 314 triệu kinh phí công đoàn": millions of what money is called are money
_MONEY_NOUN_AFTER_RE = regex.compile(r" ?(?:" + _alternation(_RULES["money_nouns_after"]) + r")(?!\p{L})", regex.I)
_NOUN_AFTER_RE = regex.compile(
    r" ?(?!(?:" + _alternation(_RULES["function_words_after"]) + r")(?!\p{L}))\p{L}", regex.I)
_RANGE_GAP_RE = regex.compile(r"\s*(?:" + _alternation(_RULES["range_joiners"]) + r")\s*", regex.I)
_FROM_RE = regex.compile(r"(?<!\p{L})từ\s*$", regex.I)
_DIGIT_STRING_RE = regex.compile(r"\d+(?:[.,]\d+)*")  # compiled once: parse_number runs on every digit string


@dataclass(frozen=True)
class Quantity:
    """One number occurrence read with its notation.

    `start`/`end` cover the digits and any scale word and unit after them
    ("485 triệu đồng"); `num_start`/`num_end` the digits alone. `link` tells
    how it pairs with a neighbour: range_low/range_high ("3-4 triệu"),
    fraction_num/fraction_den ("2178/1550"), else None.
    """

    start: int
    end: int
    num_start: int
    num_end: int
    digits: str
    value: float
    unit: str  # count, vnd, percent
    qualifier: str | None = None
    scale: str | None = None
    link: str | None = None


_COMMA_THOUSANDS_RE = regex.compile(r"\d{1,3},\d{3}")  # read as a thousand group where no scale follows


def parse_number(text: str) -> float | None:
    """A digit string in Vietnamese (or English) notation -> its value; None if malformed.

    "1.600" -> 1600, "110,7" -> 110.7, "1.234.567" -> 1234567, "1.234,5" -> 1234.5,
    "05" -> 5, "4,209,288" -> 4209288 (English grouping on web counters).
    """
    if not _DIGIT_STRING_RE.fullmatch(text):
        return None
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        if text.rfind(",") > text.rfind("."):  # 1.234,5
            whole, frac = text.rsplit(",", 1)
            return _grouped(whole, ".") + float("0." + frac) if _is_grouped(whole, ".") and commas == 1 else None
        whole, frac = text.rsplit(".", 1)  # 1,234.5
        return _grouped(whole, ",") + float("0." + frac) if _is_grouped(whole, ",") and dots == 1 else None
    for sep, count in ((".", dots), (",", commas)):
        if not count:
            continue
        if _is_grouped(text, sep) and (count > 1 or sep == "." or len(text.split(sep)[1]) == 3):
            return _grouped(text, sep)
        if count == 1:
            return float(text.replace(sep, "."))
        return None
    return float(text)


def _is_grouped(text: str, sep: str) -> bool:
    head, *groups = text.split(sep)
    return 1 <= len(head) <= 3 and all(len(g) == 3 for g in groups)


def _grouped(text: str, sep: str) -> float:
    return float(text.replace(sep, ""))


def find_quantities(text: str, offset: int = 0) -> list[Quantity]:
    """Every digit string in `text` read as a quantity, in order (offsets + `offset`).

    Scale words and units after the digits are read; a range or a compound
    ("1 tỷ 200 triệu") shares its scale and unit; a hedge before the digits is
    the qualifier. Digit strings that cannot be parsed are skipped.
    """
    raw = []  # [num_start, num_end, digits, value, scale_mult, scale_word, end]
    for m in NUMBER_RE.finditer(text):
        value = parse_number(m.group())
        if value is None:
            continue
        end, mult, scale = m.end(), 1.0, None
        s = _SCALE_RE.match(text, end)
        if s:
            scale, mult, end = s.group(1), _SCALES[s.group(1).casefold()], s.end()
            # "95 nghìn tỉ": a larger scale word right after multiplies (a thousand billion)
            s2 = _SCALE_RE.match(text, end)
            if s2 and _SCALES[s2.group(1).casefold()] > mult:
                scale, mult, end = f"{scale} {s2.group(1)}", mult * _SCALES[s2.group(1).casefold()], s2.end()
            if _COMMA_THOUSANDS_RE.fullmatch(m.group()):
                # before a scale word the comma is the Vietnamese decimal comma: "2,607 tỷ đồng"
                # is 2.607 billion (grouped English-style it would be 2,607 billion)
                value = float(m.group().replace(",", "."))
        raw.append([m.start(), m.end(), m.group(), value, mult, scale, end])

    quantities: list[Quantity] = []
    i = 0
    while i < len(raw):
        ns, ne, digits, value, mult, scale, end = raw[i]
        total = value * mult
        # "1 tỷ 200 triệu (đồng)": a smaller scaled number right after a scaled one adds to it
        while (scale and i + 1 < len(raw) and raw[i + 1][5] and raw[i + 1][4] < mult
               and not text[end:raw[i + 1][0]].strip()):
            i += 1
            total += raw[i][3] * raw[i][4]
            end, mult = raw[i][6], raw[i][4]
        if scale:
            # "4,1 tỷ" is 4 100 000 000, not the float 4.1 × 10⁹ = 4 099 999 999.9999995
            total = round(total, 6)
        unit, end = _unit_after(text, end, scaled=bool(scale))
        if (unit == "count" and not scale and total <= 100 and _SHARE_END_RE.match(text, end)
                and is_share(text, ns)):
            unit = "percent"  # "chiếm 77,05)": a share with its sign left out
        qualifier = _hedge_before(text, ns)
        hedge_after = _HEDGE_AFTER_RE.match(text, end)
        if hedge_after:  # "95% trở lên": at least 95%; what is counted follows the hedge
            qualifier, end = qualifier or _HEDGES_AFTER[hedge_after.group(1).casefold()], hedge_after.end()
        quantities.append(Quantity(offset + ns, offset + end, offset + ns, offset + ne, digits,
                                   total, unit, qualifier, scale))
        i += 1
    quantities = _link_pairs(text, quantities, offset)
    quantities = [_money_by_cue(text, q, offset) for q in quantities]
    return _money_lists(text, quantities, offset)


# the most characters between an amount of money and a bare one that leaves its currency out
# (", cao nhất ", " và thấp nhất "): further on, a bare "triệu" may count people
_ELIDED_CURRENCY_GAP = 20
# a bare amount of millions or more that ends a list item ("Bộ Tư lệnh Thủ đô 200 triệu;")
_ITEM_END_RE = regex.compile(r"\s*(?:[;,.]|$)")


def _money_lists(text: str, quantities: list[Quantity], offset: int) -> list[Quantity]:
    """Bare millions that end the items of one list are sums of money ("gồm: Bệnh viện Nhiệt
    đới TP HCM 200 triệu; Bộ Tư lệnh Thủ đô 200 triệu; ..."): two or more in a sentence, each
    with nothing counted after it; a lone one may count people ("lên hơn 11 triệu."), unless
    an amount of money stands before it in the sentence and the currency is left out after it
    ("mức thưởng trung bình 7,57 triệu đồng, cao nhất 192 triệu.")."""
    items = [i for i, q in enumerate(quantities) if q.unit == "count" and _scale_of(q.scale) >= 1e6
             and q.link is None and _ITEM_END_RE.match(text, q.end - offset)]
    if len(items) < 2:
        items = [i for i in items if i > 0 and quantities[i - 1].unit == "vnd"
                 and quantities[i].start - quantities[i - 1].end <= _ELIDED_CURRENCY_GAP]
    out = list(quantities)
    for i in items:
        out[i] = _replace(out[i], unit="vnd")
    return out


def _scale_of(scale: str | None) -> float:
    """The multiplier of a scale written after the digits: "triệu", "nghìn tỉ" (their product)."""
    mult = 1.0
    for word in (scale or "").split():
        mult *= _SCALES[word.casefold()]
    return mult


def _unit_after(text: str, pos: int, scaled: bool = False) -> tuple[str, int]:
    m = _PERCENT_RE.match(text, pos)
    if m:
        return "percent", m.end()
    # after a scale word "đồng" is the currency whatever follows ("6,6 tỷ đồng phục vụ ...":
    # not "đồng phục", uniforms)
    m = (_SCALED_MONEY_RE if scaled else _MONEY_RE).match(text, pos)
    if m:
        return "vnd", m.end()
    return "count", pos


def is_share(text: str, pos: int) -> bool:
    """Whether the number at `pos` of `text` is introduced as a share ("chiếm 62,46%",
    "đạt tỷ lệ trên 90%")."""
    return _SHARE_BEFORE_RE.search(text, max(0, pos - 30), pos) is not None


def _hedge_before(text: str, pos: int) -> str | None:
    m = _HEDGE_RE.search(text[max(0, pos - 20):pos])
    return _HEDGES[m.group(1).casefold()] if m else None


def _link_pairs(text: str, qs: list[Quantity], offset: int) -> list[Quantity]:
    """Mark ranges and fractions; the low end of a range takes the high end's scale and unit."""
    out = list(qs)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        gap = text[a.end - offset:b.num_start - offset]
        if gap == "/" and a.unit == "count" and not a.scale:
            out[i] = _replace(a, link="fraction_num")
            out[i + 1] = _replace(b, link="fraction_den")
        elif _RANGE_GAP_RE.fullmatch(gap) and a.link is None:
            low = a
            if a.scale is None and a.unit == "count" and (b.scale or b.unit != "count"):
                low = _replace(a, value=a.value * _scale_of(b.scale), unit=b.unit, scale=b.scale)
            elif a.unit == "count" and b.unit != "count":  # "từ 95 nghìn tỉ đến 96 nghìn tỉ đồng"
                low = _replace(a, unit=b.unit)
            # "đạt 7,4 đến 7,7 triệu đồng": a bare number rising to a scaled one is its low end
            rising = a.scale is None and low is not a and a.value < b.value / _scale_of(b.scale)
            if _FROM_RE.search(text[:a.num_start - offset]) or gap.strip() in ("-", "–", "—", "~") or rising:
                out[i] = _replace(low, link="range_low")
                out[i + 1] = _replace(b, link="range_high", qualifier=None)
    return out


def _money_by_cue(text: str, q: Quantity, offset: int) -> Quantity:
    """A bare amount after a money word is VND: "trị giá hơn 360 triệu", "mỗi suất 300 ngàn".

    Millions and billions need a money word within 40 characters before, or a name of money
    right after ("314 triệu kinh phí công đoàn"); thousands
    and plain numbers from 10.000 need it right before (within 15 characters).
    """
    if q.unit != "count" or q.link in ("fraction_num", "fraction_den"):
        return q
    mult = _scale_of(q.scale)
    if mult >= 1e6:
        reach = 40
    elif mult >= 1e3 or q.value >= 10000:
        reach = 15
    else:
        return q
    if mult >= 1e6 and _MONEY_NOUN_AFTER_RE.match(text, q.end - offset):
        return _replace(q, unit="vnd")
    if mult >= 1e3 and _PER_RECIPIENT_RE.match(text, q.end - offset):
        return _replace(q, unit="vnd")  # "(500 ngàn/ phần)": so much for each
    if _NOUN_AFTER_RE.match(text, q.end - offset):
        return q  # a noun follows: "1 triệu sáng kiến" is a count
    if _MONEY_CUE_RE.search(text[max(0, q.num_start - offset - reach):q.num_start - offset]):
        return _replace(q, unit="vnd")
    return q


def _replace(q: Quantity, **changes) -> Quantity:
    from dataclasses import replace

    return replace(q, **changes)
