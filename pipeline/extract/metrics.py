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

from ..document import Document
from ..records import DateMention, MetricMention, OrgMention
from .metric_candidates import candidates
from .metric_decisions import settle
from .article_time import new_year_of, reference_year_of, tet_year_of
from .metric_periods import time_spans_of
from .time_spans import TimeSpan
from .metric_rows import (attach_fractions, attach_percentages, dedupe, org_for, parts_in_brackets,
                          parts_of_totals, shares_of_figures, values_per_item)
from .metric_time import LazyTerms, period_of


def extract_metrics(doc: Document, dates: list[DateMention], orgs: list[OrgMention],
                    province: str | None, published: dt.date | None = None,
                    times: tuple[TimeSpan, ...] | None = None) -> list[MetricMention]:
    """The figures of an article (`times`: the time component's time spans; found here when
    called outside the pipeline)."""
    from ..metric_model import CUES, load_model, metric_features

    times = time_spans_of(doc, times)
    ref_year = reference_year_of(doc, dates, published, times)
    cands = candidates(doc, dates, ref_year, published, times)
    if not cands:
        return []
    model = load_model()
    # read only for committee sizes and targets
    terms = LazyTerms(doc, times, ref_year, new_year_of(published, ref_year, tet_year_of(doc, dates)))
    rows = []
    features, cue_hits = [], None
    for c in cands:
        if cue_hits is None or cue_hits.text is not c.sentence.text:  # found once per sentence
            cue_hits = CUES.hits(c.sentence.text)
        features.append(metric_features(c, cue_hits))
    for c, pred in zip(cands, model.predict_all(features)):
        if not pred.is_metric:
            continue
        q = c.quantity
        indicator, status, extractor, conf = settle(c, pred)
        rows.append((c, MetricMention(
            **doc.provenance(q.start, q.end, extractor, round(conf, 4)),
            value=q.value, unit=q.unit, subject=c.subject, indicator=indicator,
            status=status, period=period_of(c, indicator, status, terms), qualifier=q.qualifier,
            org=org_for(doc, q.start, orgs), province=province)))
    rows = attach_percentages(rows)
    rows = attach_fractions(rows)
    rows = parts_of_totals(rows)
    rows = parts_in_brackets(rows)
    rows = shares_of_figures(rows)  # after the figures' own parts and fractions are settled
    rows = values_per_item(rows)
    return dedupe(rows, doc)
