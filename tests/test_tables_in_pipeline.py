"""The extractors' sentence tables, run again through the whole pipeline (`process_record`:
cleaning, the spaCy layer, every component in its order), give the same rows as each
component alone: no component's output is changed by what runs before or after it."""
from __future__ import annotations

import pytest

import test_dates as dates_table
import test_directives as directives_table
import test_metrics as metrics_table
import test_orgs as orgs_table
from pipeline.core import process_record
from pipeline.records import RawRecord


def run(text: str, negative: bool = False):
    """The whole pipeline's result for `text` as an article (a negative may be all furniture:
    a page clock or a link alone is cleaned away, and the article is then `empty`)."""
    result = process_record(RawRecord(doc_id="t", source="t", text=text))
    assert result.article.status in (("ok", "empty") if negative else ("ok",)), result.article.error
    return result


def _ids(cases) -> list[str]:
    return [c[0][:40] if isinstance(c, tuple) else c[:40] for c in cases]


DAYS = [c for c in dates_table.EXPLICIT + dates_table.NON_DAYS if len(c) == 2]  # those with no publication date


@pytest.mark.parametrize("text, expected", DAYS, ids=_ids(DAYS))
def test_dates(text, expected):
    assert [(m.kind, m.date, m.period_start, m.period_end, m.text) for m in run(text).dates] == expected


@pytest.mark.parametrize("text", dates_table.NEGATIVES, ids=_ids(dates_table.NEGATIVES))
def test_not_dates(text):
    assert run(text, negative=True).dates == []


@pytest.mark.parametrize("text, expected", directives_table.CASES, ids=_ids(directives_table.CASES))
def test_directives(text, expected):
    found = run(text).directives
    assert [(m.type, m.number, m.symbol, m.canonical_id, m.issuer, m.issued) for m in found] == expected


@pytest.mark.parametrize("text", directives_table.NEGATIVES, ids=_ids(directives_table.NEGATIVES))
def test_not_directives(text):
    assert run(text, negative=True).directives == []


@pytest.mark.parametrize("text, province, expected", orgs_table.NAMED, ids=_ids(orgs_table.NAMED))
def test_orgs(text, province, expected):
    result = run(text)
    if result.article.province != province:
        pytest.skip("the table gives the article's province; this sentence alone does not tell it")
    assert [(m.text, m.canonical, m.org_type, m.level, m.province) for m in result.orgs] == expected


@pytest.mark.parametrize("text, expected", metrics_table.SENTENCES, ids=_ids(metrics_table.SENTENCES))
def test_metrics(text, expected):
    found = run(text).metrics
    assert [(m.value, m.unit, m.subject, m.indicator, m.status, m.period, m.qualifier) for m in found] == expected


@pytest.mark.parametrize("text", metrics_table.NOT_METRICS, ids=_ids(metrics_table.NOT_METRICS))
def test_not_metrics(text):
    assert run(text, negative=True).metrics == []
