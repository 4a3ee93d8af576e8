"""The metric classifiers: the shipped model loads and predicts, and retraining from
corpus/ reproduces its cross-validated accuracy."""
from __future__ import annotations

import json

import pytest

from pipeline.core import build_document
from pipeline.extract.metric_candidates import candidates
from pipeline.metric_model import (STATUSES, MetricModel, default_model_path, load_model, metric_features,
                                   read_model)
from pipeline.records import RawRecord
from pipeline.train import DEFAULT_DATA, run_train

INDICATORS = {"members_new", "members_total", "unions_new", "unions_total", "party_referral",
              "party_admission", "training", "welfare", "donations", "initiatives", "emulation",
              "dialogue", "oversight", "participants", "organisation", "other"}


def candidate(text: str, value: float):
    doc = build_document(RawRecord(doc_id="t", source="t", text=text))
    return next(c for c in candidates(doc) if c.quantity.value == value)


def test_shipped_model_loads_once_and_is_small():
    # (it learns from the real set's train split too: about 13,000 features, 2.1 MB)
    assert default_model_path().stat().st_size < 3_000_000
    model = load_model()
    assert model is load_model()
    assert set(model.indicator.classes) <= INDICATORS and set(model.status.classes) == set(STATUSES)
    assert set(model.is_metric.classes) == {"no", "yes"}
    assert model.info["cv"]["indicator_accuracy"] > 0.75


@pytest.mark.parametrize("text, value, indicator, status", [
    ("Năm 2024, LĐLĐ tỉnh đã kết nạp 2.315 đoàn viên mới.", 2315, "members_new", "achieved"),
    ("Năm 2025, phấn đấu thành lập mới 40 công đoàn cơ sở.", 40, "unions_new", "target"),
    ("Ban Thường vụ gồm 9 ủy viên.", 9, "organisation", "context"),
    ("Công đoàn đã trao 300 suất quà cho công nhân khó khăn.", 300, "welfare", "achieved"),
])
def test_model_predicts(text, value, indicator, status):
    p = load_model().predict(candidate(text, value))
    assert (p.is_metric, p.indicator, p.status) == (True, indicator, status)
    assert 0.5 <= p.confidence <= 1.0


def test_model_rejects_a_non_metric_candidate():
    p = load_model().predict(candidate("Hội nghị đã thảo luận và thống nhất 4 nội dung quan trọng.", 4))
    assert not p.is_metric


def test_features_come_from_the_context():
    f = metric_features(candidate("Năm 2025, LĐLĐ tỉnh phấn đấu kết nạp hơn 3.000 đoàn viên.", 3000))
    assert f["unit=count"] == 1.0 and f["qual=hơn"] == 1.0 and f["subj01=đoàn viên"] == 1.0
    assert f["st_L=target"] == 1.0 and f["ic_L=members_new"] == 1.0 and f["near_st=target"] == 1.0


def test_predicting_many_rows_at_once_equals_one_by_one():
    model = load_model()
    doc = build_document(RawRecord(doc_id="t", source="t", text=(
        "Năm 2024, LĐLĐ tỉnh đã kết nạp 2.315 đoàn viên mới, thành lập 40 CĐCS, đạt 110,7% chỉ tiêu. "
        "Ban Thường vụ gồm 9 ủy viên. Phấn đấu năm 2025 trao 300 suất quà.")))
    rows = [metric_features(c) for c in candidates(doc)]
    rows += [{}, {"no such feature": 1.0}]  # rows that reach no weight: the intercepts alone
    assert len(rows) > 5
    for one, batch in zip(map(model.predict_features, rows), model.predict_all(rows)):
        assert (one.is_metric, one.indicator, one.status) == (batch.is_metric, batch.indicator, batch.status)
        assert one.confidence == pytest.approx(batch.confidence, abs=1e-12)
        assert one.p_metric == pytest.approx(batch.p_metric, abs=1e-12)
    assert model.predict_all([]) == []
    assert model.predict_all([{}])[0] == model.predict_features({})


def test_json_round_trip_keeps_predictions(tmp_path):
    model = load_model()
    path = tmp_path / "m.json"
    path.write_text(json.dumps(model.to_json()), encoding="utf-8")
    again = read_model(path)
    assert isinstance(again, MetricModel) and again.vocabulary == model.vocabulary
    c = candidate("Năm 2023, có 2.012 sáng kiến được công nhận.", 2012)
    assert again.predict(c) == model.predict(c)


def test_retraining_reproduces_the_shipped_model(tmp_path, capsys):
    out = tmp_path / "model.json"
    assert run_train([str(p) for p in DEFAULT_DATA], str(out), 5) == 0
    printed = capsys.readouterr().out
    assert "cv indicator_accuracy" in printed and "cv status_accuracy" in printed
    shipped, retrained = load_model().info["cv"], read_model(out).info["cv"]
    for key in ("is_metric_accuracy", "indicator_accuracy", "status_accuracy"):
        assert retrained[key] == pytest.approx(shipped[key], abs=0.03), key


def test_a_row_weighed_twice_fits_as_the_row_written_twice():
    from pipeline.metric_model import fit_models

    # two numbers that are no metric, then five metrics; the last metric counts twice
    feats = [{"w=năm": 1}, {"w=ngày": 1}, {"w=trao": 1}, {"w=kết nạp": 1}, {"w=trao": 1, "w=quà": 1},
             {"w=kết nạp": 1, "w=mới": 1}, {"w=trao": 1, "w=kết nạp": 1}]
    is_metric = [False, False] + [True] * 5
    inds = [None, None, "welfare", "members_new", "welfare", "members_new", "members_new"]
    stats = [None, None, "achieved", "achieved", "target", "achieved", "target"]
    weighed = fit_models(feats, is_metric, inds, stats, weights=[1, 1, 1, 1, 1, 1, 2])
    doubled = fit_models(feats + feats[-1:], is_metric + [True], inds + inds[-1:], stats + stats[-1:])
    probe = {"w=trao": 1, "w=kết nạp": 1}
    a, b = weighed.predict_features(probe), doubled.predict_features(probe)
    assert (a.indicator, a.status) == (b.indicator, b.status)
    assert a.p_indicator == pytest.approx(b.p_indicator, abs=1e-3) and a.p_status == pytest.approx(b.p_status, abs=1e-3)
    unweighed = fit_models(feats, is_metric, inds, stats).predict_features(probe)
    assert unweighed.p_status != pytest.approx(a.p_status, abs=1e-3)  # the weight does move the fit


def test_train_without_data_fails_cleanly(tmp_path):
    assert run_train(str(tmp_path / "missing.jsonl"), str(tmp_path / "m.json"), 5) == 2


@pytest.mark.parametrize("text, value, expected", [
    # the governing verb (POS-tagged) and the events around the figure become features
    ("Công đoàn huy động 150 đoàn viên tham gia dọn dẹp vệ sinh.", 150,
     {"V0=huy động", "ev_L=participants", "ev_R=participants"}),
    ("LĐLĐ tỉnh vận động 1.200 đoàn viên tham gia hiến máu tình nguyện.", 1200,
     {"ev_R=donations", "ev_decisive=donations"}),
    ("Đến nay, LĐLĐ huyện có 78 CĐCS với 2.915 đoàn viên.", 78, {"V0=có", "stock"}),
    ("Đại hội đề ra các chỉ tiêu: kết nạp 8.000 đoàn viên; thành lập 40 CĐCS.", 40,
     {"target_scope", "ev_L=unions_new"}),
])
def test_event_and_scope_features(text, value, expected):
    f = metric_features(candidate(text, value))
    assert expected <= set(f)


@pytest.mark.parametrize("text, value", [
    ("Năm 2024, toàn tỉnh kết nạp 3.900 đoàn viên, vượt chỉ tiêu đề ra, thành lập 21 CĐCS.", 21),
    ("Năm 2023, giao chỉ tiêu 500 đoàn viên, kết quả đã kết nạp được 620 đoàn viên.", 620),
])
def test_result_words_close_a_target_scope(text, value):
    assert "target_scope" not in metric_features(candidate(text, value))


def test_attribute_only_rows_teach_indicator_not_is_metric(tmp_path):
    """Rows labelled for attributes only (harvested from real articles) never become
    is-a-metric negatives and count only in the indicator/status cross-validation."""
    from pipeline.train import load_examples
    path = tmp_path / "real.jsonl"
    sentence = "Năm 2025, công đoàn đã bàn giao 29 công đoàn cơ sở và 1.200 đoàn viên."
    path.write_text(json.dumps({"sentence": sentence, "number": "29", "occurrence": 1, "is_metric": True,
                                "indicator": "other", "status": "achieved", "labels": "attributes"},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    examples = load_examples(path)
    assert len(examples) == 1  # the unlabelled 1.200 is left out, not made a negative
    assert examples[0]["is_metric"] and not examples[0]["metric_known"]
    assert examples[0]["indicator"] == "other"
