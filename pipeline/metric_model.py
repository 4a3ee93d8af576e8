"""The metric classifiers: is a candidate number a metric, its indicator, its status.

Features are read off a metric_candidates.Candidate (the same object at training and at
extraction time, so train and serve features match): the counted subject, the
words before the number in its clause and after its subject, the cue words of
rules/metric_cues.yaml by position, the number's notation and its period.

Three scikit-learn logistic regressions are fitted by `fit_models` (see
train.py); the shipped model is a JSON file of their fitted coefficients
(pipeline/models/metric_model.json), so extraction needs only numpy and the
file loads in milliseconds, once per process.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from .cue_index import CueHits, CueIndex, cue_regex
from .ruledata import load_yaml

MODEL_FILE = "metric_model.json"
STATUSES = ("achieved", "target", "context")

_CUES = load_yaml("metric_cues.yaml")


STATUS_CUE_RES = {k: cue_regex(v) for k, v in _CUES["status_cues"].items()}
INDICATOR_CUE_RES = {k: cue_regex(v) for k, v in _CUES["indicator_cues"].items()}
# the same lists, found once per sentence (cue_index.py): the regexes answer where it cannot
CUES = CueIndex({**{("status", k): v for k, v in _CUES["status_cues"].items()},
                 **{("indicator", k): v for k, v in _CUES["indicator_cues"].items()}},
               not_cues=_CUES["not_cues"])


# ---------------------------------------------------------------- features

def metric_features(c, cue_hits: CueHits | None = None) -> dict[str, float]:
    """Sparse features of a metric_candidates.Candidate (name -> value); `cue_hits`: the cue
    words of its sentence (`CUES.hits(sentence.text)`), found here when not given."""
    q = c.quantity
    f: dict[str, float] = {"bias": 1.0, f"unit={q.unit}": 1.0}
    if q.qualifier:
        f["qualified"] = 1.0
        f[f"qual={q.qualifier}"] = 1.0
    if q.scale:
        f["scaled"] = 1.0
    if q.link:
        f[f"link={q.link}"] = 1.0
    if q.digits.startswith("0") and len(q.digits) > 1:
        f["leading_zero"] = 1.0
    f[f"magnitude={min(int(math.log10(max(q.value, 1))), 9)}"] = 1.0
    if q.value != int(q.value):
        f["decimal"] = 1.0

    if c.subject:
        words = c.subject.casefold().split()
        f[f"subj0={words[0]}"] = 1.0
        f[f"subj01={' '.join(words[:2])}"] = 1.0
        for w in words:
            f[f"subj:{w}"] = 1.0
    else:
        f["no_subject"] = 1.0

    for i, tok in enumerate(reversed(c.left)):
        if i < 2:
            f[f"L{i + 1}={tok}"] = 1.0
        f[f"L:{tok}"] = 1.0
        for syl in tok.split()[:3]:
            f[f"Lsyl:{syl}"] = 0.5
    if not c.left:
        f["clause_start"] = 1.0
    for i, tok in enumerate(c.right):
        if i == 0:
            f[f"R1={tok}"] = 1.0
        f[f"R:{tok}"] = 1.0

    left_text, right_text = c.clause_left, c.clause_right
    hits = cue_hits if cue_hits is not None else CUES.hits(c.sentence.text)
    number_at = q.num_start - c.sentence.start  # in the sentence
    quantity_end = q.end - c.sentence.start
    on_left = hits.matches(number_at - len(left_text), number_at)
    on_right = hits.matches(quantity_end, quantity_end + len(right_text))
    before = hits.matches(0, number_at)
    before_hits = []  # (end, cue list, cue) of every status cue in the sentence before the number
    for name in STATUS_CUE_RES:
        key = ("status", name)
        for _, _, cue in on_left.get(key, ()):
            f[f"stcue_L:{cue}"] = 1.0
        if key in on_left:
            f[f"st_L={name}"] = 1.0
        if key in on_right:
            f[f"st_R={name}"] = 1.0
        if key in before:
            f[f"st_S={name}"] = 1.0
            before_hits.extend((end, name, cue) for _, end, cue in before[key])
    # the status cue nearest before the number in its sentence governs it most often
    nearest = max(before_hits, default=None)
    if nearest:
        f[f"near_st={nearest[1]}"] = 1.0
        f[f"near_cue={nearest[2]}"] = 1.0
    subject = (c.subject or "").casefold()
    in_subject = CUES.hits(subject).matches(0, len(subject)) if subject else {}
    for name in INDICATOR_CUE_RES:
        key = ("indicator", name)
        if key in on_left:
            f[f"ic_L={name}"] = 1.0
        if key in in_subject:
            f[f"ic_subj={name}"] = 1.0
        if key in on_right:
            f[f"ic_R={name}"] = 0.5

    # the event governing the figure outweighs the noun counted (see metric_cues.yaml event_cues)
    ev_before, ev_after = getattr(c, "event_before", None), getattr(c, "event_after", None)
    if ev_before:
        f[f"ev_L={ev_before}"] = 1.5
    if ev_after:
        f[f"ev_R={ev_after}"] = 1.5
    if ev_before and ev_after:
        f[f"ev_LR={ev_before}>{ev_after}"] = 1.0
    decisive = getattr(c, "decisive", None)
    if decisive:
        f[f"ev_decisive={decisive}"] = 2.0
    verbs = getattr(c, "verbs_before", ())
    if verbs:
        f[f"V0={verbs[-1]}"] = 1.0
        if len(verbs) > 1:
            f[f"V1={verbs[-2]}"] = 0.5
    else:
        f["no_verb_before"] = 1.0
    verb_after = getattr(c, "verb_after", None)
    if verb_after:
        f[f"VA={verb_after}"] = 1.0
    if getattr(c, "target_scope", False):
        f["target_scope"] = 1.5
    if getattr(c, "stock", False):
        f["stock"] = 1.5

    if c.in_title:
        f["in_title"] = 1.0
    n_words = len(c.sentence.text.split())
    if n_words < 6:
        f["short_sentence"] = 1.0
    if "(" in left_text[-25:] and ")" not in left_text[left_text.rfind("("):]:
        f["in_parentheses"] = 1.0
    if c.period and c.reference_year:
        first = int(c.period[:4])
        last = int(c.period.split("/")[-1][:4])
        if first > c.reference_year or (last > c.reference_year + 1):
            f["period_future"] = 1.0
    return f


# ---------------------------------------------------------------- model

@dataclass(frozen=True)
class Prediction:
    is_metric: bool
    indicator: str
    status: str
    confidence: float
    p_metric: float = 1.0      # P(is a metric)
    p_indicator: float = 1.0   # P(indicator | metric)
    p_status: float = 1.0      # P(status | metric)


@dataclass(frozen=True)
class LinearModel:
    """A fitted (multinomial or binary) logistic regression: classes, weights, intercepts."""

    classes: tuple[str, ...]
    coef: np.ndarray       # (n_classes or 1, n_features)
    intercept: np.ndarray  # (n_classes or 1,)

    def proba(self, idx: list[int], vals: list[float]) -> np.ndarray:
        scores = self.intercept + (self.coef[:, idx] @ np.asarray(vals) if len(idx) else 0.0)
        if len(self.classes) == 2 and self.coef.shape[0] == 1:
            p = 1.0 / (1.0 + math.exp(-float(scores[0])))
            return np.array([1.0 - p, p])
        e = np.exp(scores - scores.max())
        return e / e.sum()

    def proba_rows(self, rows: "_SparseRows") -> np.ndarray:
        """`proba` of each of several sparse rows (rows x classes)."""
        scores = rows.times(self.coef) + self.intercept
        if len(self.classes) == 2 and self.coef.shape[0] == 1:
            p = 1.0 / (1.0 + np.exp(-scores[:, 0]))
            return np.column_stack([1.0 - p, p])
        e = np.exp(scores - scores.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)


@dataclass(frozen=True)
class _SparseRows:
    """Feature rows as (column, value) runs: row r is cols/vals[starts[r]:starts[r + 1]]."""

    cols: np.ndarray
    vals: np.ndarray
    starts: np.ndarray

    def times(self, coef: np.ndarray) -> np.ndarray:
        """rows x coef.T: each row's weighted sum of coef's columns (rows x classes)."""
        # a trailing zero term keeps every start in range for reduceat (a row with no entry
        # starts at its neighbour's and is zeroed below)
        terms = np.append(coef[:, self.cols] * self.vals, np.zeros((coef.shape[0], 1)), axis=1)
        sums = np.add.reduceat(terms, self.starts, axis=1).T
        empty = np.diff(np.append(self.starts, len(self.cols))) == 0
        sums[empty] = 0.0
        return sums


@dataclass(frozen=True)
class MetricModel:
    vocabulary: dict[str, int]
    is_metric: LinearModel
    indicator: LinearModel
    status: LinearModel
    threshold: float
    info: dict

    def predict(self, candidate, cue_hits: CueHits | None = None) -> Prediction:
        return self.predict_features(metric_features(candidate, cue_hits))

    def predict_features(self, feats: dict[str, float]) -> Prediction:
        idx, vals = [], []
        for name, v in feats.items():
            j = self.vocabulary.get(name)
            if j is not None:
                idx.append(j)
                vals.append(v)
        # converted once for the three models (the same numbers as the lists)
        idx, vals = np.asarray(idx, dtype=np.intp), np.asarray(vals)
        p_metric = float(self.is_metric.proba(idx, vals)[list(self.is_metric.classes).index("yes")])
        p_ind = self.indicator.proba(idx, vals)
        p_st = self.status.proba(idx, vals)
        i, s = int(p_ind.argmax()), int(p_st.argmax())
        conf = min(p_metric, float(p_ind[i]), float(p_st[s]))
        return Prediction(p_metric >= self.threshold, self.indicator.classes[i], self.status.classes[s], conf,
                          p_metric, float(p_ind[i]), float(p_st[s]))

    def predict_all(self, feature_rows: list[dict[str, float]]) -> list[Prediction]:
        """`predict_features` of many rows at once (an article's candidates): one product
        per classifier instead of three small ones per row."""
        if not feature_rows:
            return []
        vals, cols, starts = [], [], []
        vocabulary = self.vocabulary
        for feats in feature_rows:
            starts.append(len(cols))
            for name, v in feats.items():
                j = vocabulary.get(name)
                if j is not None:
                    cols.append(j)
                    vals.append(v)
        rows = _SparseRows(np.asarray(cols, dtype=np.intp), np.asarray(vals, dtype=float),
                           np.asarray(starts, dtype=np.intp))
        p_metric = self.is_metric.proba_rows(rows)[:, list(self.is_metric.classes).index("yes")]
        p_ind, p_st = self.indicator.proba_rows(rows), self.status.proba_rows(rows)
        out = []
        for r in range(len(feature_rows)):
            i, s = int(p_ind[r].argmax()), int(p_st[r].argmax())
            pm, pi, ps = float(p_metric[r]), float(p_ind[r, i]), float(p_st[r, s])
            out.append(Prediction(pm >= self.threshold, self.indicator.classes[i], self.status.classes[s],
                                  min(pm, pi, ps), pm, pi, ps))
        return out

    def to_json(self) -> dict:
        names = [None] * len(self.vocabulary)
        for n, j in self.vocabulary.items():
            names[j] = n

        def lin(m: LinearModel) -> dict:
            return {"classes": list(m.classes),
                    "coef": [[round(float(x), 4) for x in row] for row in m.coef],
                    "intercept": [round(float(x), 4) for x in m.intercept]}

        return {"format": "union-metrics metric model 1", "features": names, "threshold": self.threshold,
                "is_metric": lin(self.is_metric), "indicator": lin(self.indicator),
                "status": lin(self.status), "info": self.info}

    @classmethod
    def from_json(cls, data: dict) -> "MetricModel":
        def lin(d: dict) -> LinearModel:
            return LinearModel(tuple(d["classes"]), np.asarray(d["coef"], dtype=float),
                               np.asarray(d["intercept"], dtype=float))

        return cls({n: j for j, n in enumerate(data["features"])}, lin(data["is_metric"]),
                   lin(data["indicator"]), lin(data["status"]), float(data["threshold"]), data.get("info", {}))


def default_model_path() -> Path:
    return Path(str(resources.files("pipeline").joinpath("models", MODEL_FILE)))


def read_model(path: str | Path) -> MetricModel:
    with open(path, encoding="utf-8") as fh:
        return MetricModel.from_json(json.load(fh))


@lru_cache(maxsize=1)
def load_model() -> MetricModel:
    """The shipped model, read once per process."""
    return read_model(default_model_path())


def write_model(model: MetricModel, path: str | Path) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(model.to_json(), fh, ensure_ascii=False, separators=(",", ":"))
        fh.write("\n")


# ---------------------------------------------------------------- fitting

def _logreg(C: float):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=C, max_iter=3000, random_state=0)


def _linear(clf, columns: np.ndarray) -> LinearModel:
    return LinearModel(tuple(str(c) for c in clf.classes_), clf.coef_[:, columns], clf.intercept_)


def fit_models(features: list[dict], is_metric: list[bool], indicators: list[str | None],
               statuses: list[str | None], threshold: float = 0.5, C: float = 4.0,
               info: dict | None = None, metric_known: list[bool] | None = None,
               weights: list[float] | None = None) -> MetricModel:
    """Fit the three classifiers; indicator and status on the metric rows only, each row
    counted `weights[i]` times (default once), is-a-metric on the rows whose metric label
    is known (`metric_known`, default all).

    Features whose weights are all ~0 are dropped from the saved vocabulary.
    """
    from sklearn.feature_extraction import DictVectorizer

    vec = DictVectorizer(sparse=True)
    X = vec.fit_transform(features)
    pos = np.array([i for i, y in enumerate(is_metric) if y])
    known = np.array([i for i, k in enumerate(metric_known or [True] * len(is_metric)) if k])
    clf_m = _logreg(C).fit(X[known], np.array(["yes" if is_metric[i] else "no" for i in known]))
    w = np.array([(weights[i] if weights else 1.0) for i in pos])
    clf_i = _logreg(C).fit(X[pos], np.array([indicators[i] for i in pos]), sample_weight=w)
    clf_s = _logreg(C).fit(X[pos], np.array([statuses[i] for i in pos]), sample_weight=w)
    weight = np.abs(np.vstack([clf_m.coef_, clf_i.coef_, clf_s.coef_])).max(axis=0)
    keep = np.flatnonzero(weight >= 5e-4)
    names = vec.get_feature_names_out()
    vocab = {str(names[j]): k for k, j in enumerate(keep)}
    return MetricModel(vocab, _linear(clf_m, keep), _linear(clf_i, keep), _linear(clf_s, keep),
                       threshold, info or {})
