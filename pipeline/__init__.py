"""union-metrics: scraped Vietnamese trade-union news -> tidy, queryable tables."""

__version__ = "0.1.0"
