"""Indicator and status where the wording leaves no doubt: the rules that override the
classifiers' (a decisive event, the counted noun, a transfer, a workforce or wage level,
a size, a future or a list of goals)."""
from __future__ import annotations

import regex

from ..phrase_matcher import word_alternation
from ..ruledata import load_yaml
from .metric_candidates import Candidate
from .metric_events import TARGET_BREAKER_RE, events_before, phrase_regex, stands_for

_CUES = load_yaml("metric_cues.yaml")
_HEAD_SWAPS = tuple((regex.compile(r"^(?:" + "|".join(regex.escape(n) for n in sorted(r["nouns"], key=len, reverse=True))
                                     + r")(?!\p{L})", regex.I), dict(r["swap"]), r["total"]) for r in _CUES["head_noun_swaps"])
_HEAD_FIXED = {k.casefold(): v for k, v in _CUES["head_noun_fixed"].items()}


def _within_reach(words: list[str], reach: int, not_through: list[str] | None = None) -> regex.Pattern:
    """One of `words`, then at most `reach` words (none of `not_through`), then the figure:
    searched at the end of the words before it (clause_left)."""
    skip = r"(?!(?:" + word_alternation(not_through) + r")(?!\p{L}))" if not_through else ""
    return regex.compile(r"(?<!\p{L})(?:" + word_alternation(words) + r")(?!\p{L})(?:\s+" + skip + r"\S+){0,"
                         + str(int(reach)) + r"}?\s*$", regex.I)


# (what follows a recipient word is whom something is handed to, not what is transferred)
_TRANSFER_RE = _within_reach(_CUES["transfer_verbs"], _CUES["transfer_reach"], _CUES["recipient_words"])
_TRANSFER_NOUN_RE = regex.compile(r"^(?:các\s+)?(?:" + "|".join(regex.escape(w) for w in sorted(_CUES["transfer_nouns"], key=len, reverse=True))
                                  + r")(?!\p{L})", regex.I)
_WORKFORCE_RE = regex.compile(r"^(?:" + "|".join(regex.escape(w) for w in sorted(_CUES["workforce_nouns"], key=len, reverse=True))
                              + r")(?!\p{L})", regex.I)
_PRESENT_STATE_RE = phrase_regex(_CUES["present_state_words"])
_PRESENT_STATE_INDICATORS = frozenset(_CUES["present_state_indicators"])
_BLOOD_DRIVE_RE = phrase_regex(_CUES["blood_drive_words"])
# money given to a school, a fund, the Front: "cho/tới/giúp" and an institution within reach
_RECIPIENT_RE = regex.compile(
    r"(?<!\p{L})(?:" + word_alternation(_CUES["recipient_words"]) + r")(?:\s+(?!(?:"
    + word_alternation(_CUES["not_toward_recipient"]) + r")(?!\p{L}))\S+){0," + str(int(_CUES["recipient_reach"]))
    + r"}?\s+(?:" + word_alternation(_CUES["donation_recipients"]) + r")(?!\p{L})", regex.I)
_DONOR_RE = regex.compile(r"^(?:" + "|".join(regex.escape(w) for w in sorted(
    set(_CUES["workforce_nouns"]) | set(_CUES["donor_nouns"]), key=len, reverse=True)) + r")(?!\p{L})", regex.I)
# a sentence or a clause after a comma opening with "Dự/Tham dự ... có": who attends follows
# ("Công đoàn ngành tổ chức Hội nghị ..., tham dự hội nghị có đồng chí ... và 90 cán bộ")
_ATTENDANCE_RE = regex.compile(r"(?:^|[,;])[^\S\n]*\W*(?:" + word_alternation(_CUES["attendance_openers"]) + r")(?:\s+\S+){0,"
                               + str(int(_CUES["attendance_reach"])) + r"}?\s+có(?!\p{L})", regex.I)
_ATTENDEE_RE = regex.compile(r"^(?:" + "|".join(regex.escape(w) for w in sorted(
    set(_CUES["attendee_nouns"]) | set(_CUES["workforce_nouns"]) | set(_CUES["donor_nouns"]), key=len, reverse=True))
    + r")(?!\p{L})", regex.I)
_COMPETITOR_RE = regex.compile(r"^(?:" + word_alternation(_CUES["competitor_nouns"]) + r")(?!\p{L})", regex.I)
_REPRESENTED_RE = _within_reach(_CUES["representation_words"], _CUES["representation_reach"])
_ARREARS_RE = _within_reach(_CUES["arrears_words"], _CUES["arrears_reach"])
_RECOVERY_RE = phrase_regex(_CUES["recovery_words"])


def _right_after(words: list[str]) -> regex.Pattern:
    """One of `words` shortly after the figure, in its own phrase (matched on clause_right)."""
    return regex.compile(r"^[^,;.:()\n]{0," + str(int(_CUES["future_after_chars"])) + r"}?(?<!\p{L})(?:"
                         + word_alternation(words) + r")(?!\p{L})", regex.I)


# a future word shortly before the figure in its clause, or shortly after it in its own phrase;
# a past marker the same way
_FUTURE_RE = _within_reach(_CUES["future_words"], _CUES["future_reach"])
_FUTURE_AFTER_RE = _right_after(_CUES["future_words"])
_PAST_RE, _PAST_AFTER_RE = _within_reach(_CUES["past_words"], _CUES["future_reach"]), _right_after(_CUES["past_words"])
_CEILING_RE = regex.compile(r"(?<!\p{L})(?:" + word_alternation(_CUES["ceiling_words"]) + r")(?:\s+là)?\s*$", regex.I)
# (not the plan met: "đạt chỉ tiêu 200%", "vượt kế hoạch 15%" tell by how much)
_PLAN_FIGURE_RE = regex.compile(r"(?<!\p{L})(?<!(?:" + word_alternation(_CUES["attainment_verbs"]) + r")\s+)(?:"
                                + word_alternation(_CUES["plan_nouns"]) + r")(?:\s+(?:"
                                + word_alternation(_CUES["plan_noun_fillers"]) + r"))*\s*$", regex.I)
_QUOTA_RE = regex.compile(r"(?<!\p{L})(?:" + word_alternation(_CUES["per_item_words"]) + r")(?:\s+\S+){1,"
                          + str(_CUES["quota_reach"]) + r"}?\s+(?:" + word_alternation(_CUES["quota_words"])
                          + r")(?:\s+\S+){0," + str(_CUES["quota_reach"]) + r"}?\s*$", regex.I)
_HEDGES = word_alternation(load_yaml("metric_numbers.yaml")["hedges"])


def _verb_right_before(words: list[str]) -> regex.Pattern:
    """One of `words` right before the figure, a hedge between ("sử dụng hơn 500 lao động")."""
    return regex.compile(r"(?<!\p{L})(?:" + word_alternation(words) + r")\s+(?:(?:" + _HEDGES + r")\s+)?$", regex.I)


_EMPLOYS_RE = _verb_right_before(_CUES["employment_verbs"])
_ATTAINED_RE = _verb_right_before(_CUES["attainment_verbs"])
_DECREASE_RE = _verb_right_before(_CUES["decrease_words"])
# "6 chỉ tiêu hoàn thành": the plan's items, then (a few words naming whose) what became of them
_PLAN_ITEMS_MET_RE = regex.compile(r"^\s*(?:" + word_alternation(_CUES["plan_items"]) + r")(?:\s+[^\s\d,;:.()]+){0,"
                                   + str(int(_CUES["plan_items_reach"])) + r"}?\s+(?:(?:"
                                   + word_alternation(_CUES["plan_items_all"]) + r")\s+)?(?:"
                                   + word_alternation(_CUES["plan_items_met"]) + r")(?!\p{L})", regex.I)
_CONTEXT_SUBJECT_RE = regex.compile(r"^(?:" + "|".join(regex.escape(w) for w in sorted(_CUES["context_subjects"], key=len, reverse=True))
                                    + r")(?!\p{L})", regex.I)
_WAGE_LEVEL_RE = _within_reach(_CUES["wage_levels"], _CUES["wage_reach"])


def settle(c: Candidate, pred) -> tuple[str, str, str, float]:
    """(indicator, status, extractor, confidence) of a metric: the classifiers' unless
    the wording settles it (Candidate.decisive: an event that governs the figure;
    target_scope: a figure in a list of goals). Where a rule decides, the row is a
    `rule` row and its confidence is the classifiers' probability of what the rule
    did not decide (that it is a metric, and the other attribute)."""
    indicator, status = pred.indicator, pred.status
    p_ind, p_st = pred.p_indicator, pred.p_status
    ruled = False
    if c.decisive and c.decisive != indicator:
        indicator, p_ind, ruled = c.decisive, 1.0, True
    named_before = _noun_before(c)
    subject = named_before or c.subject or ""  # what the figure counts
    by_noun = head_noun_indicator(subject or _elided_subject(c), indicator)
    if by_noun != indicator:
        indicator, p_ind, ruled = by_noun, 1.0, True
    if (indicator == "donations" and c.quantity.unit == "count" and _DONOR_RE.match(subject)
            and (_BLOOD_DRIVE_RE.search(c.clause_left) or _BLOOD_DRIVE_RE.search(c.clause_right))):
        indicator, p_ind, ruled = "participants", 1.0, True  # the people who gave, not what they gave
    if indicator != "participants" and _attendee(c, subject):
        indicator, p_ind, ruled = "participants", 1.0, True
    # the people a training course draws ("Đợt tập huấn đã thu hút hơn 110 đại biểu") were trained
    if (indicator == "participants" and not c.decisive and c.quantity.unit == "count"
            and _ATTENDEE_RE.match(subject.removeprefix("các ")) and "training" in events_before(c.clause_left)):
        indicator, p_ind, ruled = "training", 1.0, True
    # (competitors praised or awarded, "khen thưởng cho 13 thí sinh ..., 98 thí sinh đạt ...", stay emulation)
    if (c.quantity.unit == "count" and not c.decisive and indicator != "emulation"
            and _COMPETITOR_RE.match(subject.removeprefix("các "))):
        if indicator != "participants":
            indicator, p_ind, ruled = "participants", 1.0, True
        if status == "context" and not c.target_scope:
            status, p_st, ruled = "achieved", 1.0, True
    if indicator == "welfare" and c.quantity.unit == "vnd" and _RECIPIENT_RE.search(c.clause_left + " " + c.clause_right):
        indicator, p_ind, ruled = "donations", 1.0, True
    if _arrears(c) and (indicator, status) != ("other", "context"):
        indicator, status, p_ind, p_st, ruled = "other", "context", 1.0, 1.0, True
    transfer = _TRANSFER_NOUN_RE.match(subject) and _TRANSFER_RE.search(c.clause_left)
    employed = _WORKFORCE_RE.match(subject) and _EMPLOYS_RE.search(c.clause_left)
    if employed and status != "context":
        status, p_st, ruled = "context", 1.0, True
    workforce_size = status == "context" and _WORKFORCE_RE.match(subject)
    wage_level = c.quantity.unit == "vnd" and _WAGE_LEVEL_RE.search(c.clause_left)
    if (transfer or workforce_size or wage_level) and indicator != "other":
        indicator, p_ind, ruled = "other", 1.0, True
    # a transfer told is done ("chuyển giao 57 công đoàn cơ sở và 3.499 đoàn viên ... về LĐLĐ huyện")
    if transfer and status == "context" and not c.target_scope:
        status, p_st, ruled = "achieved", 1.0, True
    if wage_level and status != "context":
        status, p_st, ruled = "context", 1.0, True
    # the total the counted noun names ("2.819 công đoàn cơ sở": unions_total)
    total = head_noun_total(subject, None) if c.quantity.unit == "count" else None
    # ... stated as such: "Tổng số công đoàn cơ sở trong ngành là 37" is their total, a size
    if total and named_before and not (c.decisive or c.event_before or c.target_scope):
        if indicator != total:
            indicator, p_ind, ruled = total, 1.0, True
        if status != "context":
            status, p_st, ruled = "context", 1.0, True
    # a fall in the members or units counted: a change of their total ("giảm 816 đoàn viên")
    if total in STOCK_TOTALS and indicator != total and not c.decisive and _DECREASE_RE.search(c.clause_left):
        indicator, p_ind, ruled = total, 1.0, True
    # the members or units delegates stand for ("200 đại biểu đại diện cho gần 5.000 đoàn viên
    # thuộc 60 công đoàn cơ sở"): the size of the body represented
    whole = None if c.decisive else total
    if whole and stands_for(c):
        if indicator != whole:
            indicator, p_ind, ruled = whole, 1.0, True
        if status != "context" and not c.target_scope:
            status, p_st, ruled = "context", 1.0, True
    # union units counted by what they did ("24 Công đoàn cơ sở đã tổ chức khen thưởng",
    # "2.610 công đoàn cơ sở đang thực hiện thỏa ước"): that act's code, a result
    acting = (total in _UNIT_TOTALS and c.event_after and not c.event_before and not c.target_scope
              and c.decisive in (None, c.event_after))
    if acting and indicator != c.event_after:
        indicator, p_ind, ruled = c.event_after, 1.0, True
    # a stock of the union's own units ("phát triển đến tận xã, phường ..., với hơn 1500 Công đoàn
    # cơ sở"): their total, whatever else the classifier read into the sentence (not members: "có
    # 10.000 đoàn viên ... được nhận quà" counts those the gifts reach)
    own = total if c.stock and not acting else None
    if (own in _UNIT_TOTALS and not c.decisive and not c.target_scope and c.event_after is None
            and indicator not in _FAMILY_OF[own]
            and not _TRANSFER_VERB_RE.search(c.sentence.text, 0, c.quantity.num_start - c.sentence.start)):
        indicator, p_ind, ruled = own, 1.0, True
    present_size = (c.stock and indicator in _PRESENT_STATE_INDICATORS
                    and _PRESENT_STATE_RE.search(c.sentence.text, 0, c.quantity.num_start - c.sentence.start))
    size = (indicator == "organisation" or (indicator == "other" and _CONTEXT_SUBJECT_RE.match(subject))
            or present_size)
    if acting and status == "context":
        status, p_st, ruled = "achieved", 1.0, True
    if size and status != "context" and not c.target_scope:
        status, p_st, ruled = "context", 1.0, True
    elif status != "target" and _QUOTA_RE.search(c.clause_left):
        status, p_st, ruled = "target", 1.0, True
    elif status == "achieved" and ((_FUTURE_RE.search(c.clause_left) and not TARGET_BREAKER_RE.search(c.clause_left))
                                   or _FUTURE_AFTER_RE.match(c.clause_right) or _CEILING_RE.search(c.clause_left)
                                   or _PLAN_FIGURE_RE.search(c.clause_left)):
        status, p_st, ruled = "target", 1.0, True
    # "So với kế hoạch đặt ra, năm 2015 đạt 127%": a plan exceeded is a result, though the plan
    # opens the list that holds it
    exceeded = (c.quantity.unit == "percent" and c.quantity.value > 100 and _ATTAINED_RE.search(c.clause_left)
                and not _FUTURE_RE.search(c.clause_left))
    # (so is a count of a plan's items met: "có 11 chỉ tiêu vượt, 9 chỉ tiêu đạt"; of "17/17 chỉ
    # tiêu ... đều đạt" the second is the plan's size)
    exceeded = exceeded or (c.quantity.unit == "count" and c.quantity.link != "fraction_den"
                            and _PLAN_ITEMS_MET_RE.match(c.clause_right)
                            and not _FUTURE_RE.search(c.clause_left))
    if exceeded:
        if status != "achieved":
            status, p_st, ruled = "achieved", 1.0, True
    elif c.target_scope and status != "target":
        status, p_st, ruled = "target", 1.0, True
    elif status == "target" and ((_PAST_RE.search(c.clause_left) and not _FUTURE_RE.search(c.clause_left))
                                 or (_PAST_AFTER_RE.match(c.clause_right) and not _FUTURE_AFTER_RE.match(c.clause_right))):
        status, p_st, ruled = "achieved", 1.0, True
    if not ruled:
        return indicator, status, "ml", pred.confidence
    return indicator, status, "rule", min(pred.p_metric, p_ind, p_st)


def _arrears(c: Candidate) -> bool:
    """What an employer owes, or the workers it owes or who stopped work: an arrears word
    shortly before the figure in its sentence, no recovery before it, no deciding event."""
    if c.decisive:
        return False
    before = c.sentence.text[:c.quantity.num_start - c.sentence.start]
    return bool(_ARREARS_RE.search(before)) and not _RECOVERY_RE.search(before)


def _attendee(c: Candidate, subject: str) -> bool:
    """A count of people listed in an attendance sentence ("Tham dự Đại hội có ... cùng 25
    người lao động"): no event governs it ("Tham dự tập huấn có 92 đại biểu" count training)
    and none is what they do ("30 đoàn viên được khen thưởng" are praised), nor do the
    attendees stand for them ("đại diện cho hơn 2.000 đoàn viên")."""
    # (the titles of those listed before, "ủy viên Ban Chấp hành ...", are no event: organisation)
    if (c.decisive or c.event_after not in (None, "participants")
            or c.event_before not in (None, "participants", "organisation")
            or c.quantity.unit != "count"
            or _REPRESENTED_RE.search(c.sentence.text, 0, c.quantity.num_start - c.sentence.start)):
        return False
    if not _ATTENDEE_RE.match(subject.removeprefix("các ")):
        return False
    opener = _ATTENDANCE_RE.search(c.sentence.text, 0, c.quantity.num_start - c.sentence.start)
    return opener is not None


_UNIT_TOTALS = frozenset(_CUES["unit_totals"])
STOCK_TOTALS = frozenset(_CUES["stock_totals"])  # the codes of a stock: members and units in total
_TRANSFER_VERB_RE = phrase_regex(_CUES["transfer_verbs"])  # anywhere before: a transfer's breakdown
# the codes a counted noun's figures take: its total and the codes its swaps lead to or from
_FAMILY_OF = {total: frozenset(swap) | frozenset(swap.values()) | {total} for _, swap, total in _HEAD_SWAPS}
_FIXED_NOUN_RE = phrase_regex(_HEAD_FIXED)
_EMULATION_TITLE_RE = phrase_regex(_CUES["emulation_titles"])
_CLASSIFIERS = frozenset(w.casefold() for w in _CUES["classifier_nouns"])
# "Tổng số NLĐ toàn ngành là 14.370 người": the noun after the opener, up to "là"/"có"/a comma
_COUNTED_AFTER_OPENER_RE = regex.compile(
    r"(?<!\p{L})(?:" + word_alternation(_CUES["counted_noun_openers"]) + r")\s+(?P<noun>[^,;:.()\d]{1,60}?)(?:\s+(?:"
    + word_alternation(_CUES["counted_noun_verbs"]) + r"))?\s*:?\s*$",
    regex.I)


def _noun_before(c: Candidate) -> str | None:
    """The noun a figure with no noun of its own (or a bare classifier, "người") counts, named
    after "tổng số"/"số lượng" before it in its clause ("Tổng số đảng viên toàn ngành là 7.194
    người": Party members; "Tổng số đoàn viên 5.412": members); else None."""
    if c.subject and c.subject.casefold() not in _CLASSIFIERS:
        return None
    named = _COUNTED_AFTER_OPENER_RE.search(c.clause_left)
    return named.group("noun") if named else None


def _elided_subject(c: Candidate) -> str | None:
    """The noun a figure with none of its own counts in a list a colon opens, where the lead
    names a noun that fixes its code ("số lượng sáng kiến ... điển hình như: Tuyển than Cửa
    Ông: 196/105 = 187%; Than Nam Mẫu: 198/132 = 150%"): the lead's."""
    if c.subject:
        return None
    colon = c.sentence.text.find(":", 0, c.quantity.num_start - c.sentence.start)
    if colon < 0:
        return None
    named = None
    for named in _FIXED_NOUN_RE.finditer(c.sentence.text, 0, colon):
        pass
    return named.group().casefold() if named else None


def head_noun_indicator(subject: str | None, indicator: str) -> str:
    """The indicator once the counted noun has its say (rules/metric_cues.yaml head_noun_*)."""
    if not subject:
        return indicator
    head = subject.removeprefix("các ").casefold()
    if head in _HEAD_FIXED:
        return _HEAD_FIXED[head]
    if _EMULATION_TITLE_RE.search(head):
        return "emulation"
    for rx, swap, _ in _HEAD_SWAPS:
        if rx.match(head):
            return swap.get(indicator, indicator)
    return indicator


def head_noun_total(subject: str | None, indicator: str) -> str:
    """The indicator of a whole counted by its noun ("2.819 công đoàn cơ sở": unions_total),
    else `indicator`."""
    head = (subject or "").removeprefix("các ").casefold()
    return next((total for rx, _, total in _HEAD_SWAPS if rx.match(head)), indicator)
