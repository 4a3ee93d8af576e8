"""`union-metrics train`: fit the metric classifiers from the labelled set in corpus/. STUB."""
from __future__ import annotations


def run_train(train_path: str | None, model_path: str | None, folds: int = 5) -> int:
    raise NotImplementedError("metric classifier training is not implemented yet")
