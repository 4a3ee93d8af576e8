"""The span cover test of metric_blocking answers as the plain definition does."""
from hypothesis import given, strategies as st

from pipeline.extract.metric_blocking import _Cover

spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 30)).map(lambda t: (t[0], t[0] + t[1])), max_size=12)


@given(spans, st.integers(0, 80), st.integers(0, 20))
def test_cover_is_some_span_containing_the_range(spans, s, length):
    e = s + length
    assert _Cover(spans).covers(s, e) == any(a <= s and e <= b for a, b in spans)


def test_cover_of_nothing_is_false():
    assert not _Cover([]).covers(0, 0)
