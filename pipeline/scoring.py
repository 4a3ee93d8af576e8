"""Score output tables against a gold file (the rules of GOLD.md), for `union-metrics evaluate`.

The project's own scorer, so that evaluation works from a standalone clone. It applies
the matching rules of the shared scorer (`shared/tools/score.py`) and prints the same
report; a test checks that both give the same figures on the dev corpus and eval/real.

Per kind:
- articles: one per gold document; province and published are scored as attributes.
- directives: numbered ones matched on (type, number, symbol); unnumbered ones on type and
  an issuer that contains, or is contained in, the gold one (or names the same congress).
- dates: the set of ISO days of `kind = day` rows.
- orgs: the set of canonical names, optional names left out of both sides.
- metrics: a multiset on (unit, value); optional gold metrics neither help nor hurt;
  indicator, status, period and subject scored on matched ones.
"""
from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

KINDS = ("articles", "directives", "dates", "orgs", "metrics")

# old and new tone placement at a syllable's end (hoà/hòa, thuỷ/thủy), not inside a word (đoàn)
_TONE_MOVES = [(re.compile(old + r"(?!\w)"), new) for old, new in (
    ("oà", "òa"), ("oá", "óa"), ("oả", "ỏa"), ("oã", "õa"), ("oạ", "ọa"),
    ("oè", "òe"), ("oé", "óe"), ("oẻ", "ỏe"), ("oẽ", "õe"), ("oẹ", "ọe"),
    ("uỳ", "ùy"), ("uý", "úy"), ("uỷ", "ủy"), ("uỹ", "ũy"), ("uỵ", "ụy"))]
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
_CONGRESS_WORDS = {"đại", "biểu", "toàn", "quốc", "lần", "thứ", "của", "khóa"}  # ignored when comparing congresses


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def norm(text):
    """Comparable form: NFC, casefolded, spaces collapsed, dashes spaced, one tone placement."""
    if _missing(text):
        return None
    s = unicodedata.normalize("NFC", str(text)).casefold()
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"\s*[-–—]\s*", " - ", s)
    for pattern, new in _TONE_MOVES:
        s = pattern.sub(new, s)
    return s


def norm_symbol(text):
    s = norm(text)
    return None if s is None else re.sub(r"\s+", "", s)


def iso_day(value):
    """YYYY-MM-DD from a date, timestamp or string; None if there is none."""
    if _missing(value):
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", str(value))
    return m.group(0) if m else None


def roman(token: str) -> int:
    total, prev = 0, 0
    for ch in reversed(token):
        v = _ROMAN[ch]
        total, prev = (total - v, prev) if v < prev else (total + v, v)
    return total


def congress_number(issuer):
    """The ordinal of the congress an issuer names ("Đại hội XIII", "lần thứ 19"), or None."""
    s = norm(issuer) or ""
    m = (re.search(r"đại hội(?: đại biểu)?(?: toàn quốc)?(?: lần thứ)? ([ivxlc]+|\d+)\b", s)
         or re.search(r"lần thứ ([ivxlc]+|\d+)\b", s))
    if not m:
        return None
    return int(m.group(1)) if m.group(1).isdigit() else roman(m.group(1))


def _congress_words(issuer) -> set[str]:
    words = set((norm(issuer) or "").replace(",", " ").split()) - _CONGRESS_WORDS
    return {str(roman(w)) if re.fullmatch(r"[ivxlc]+", w) else w for w in words}


def same_congress(a, b) -> bool:
    """Same ordinal, and the words of one are among the other's ("Đại hội XV" / "Đại hội
    Công đoàn thành phố lần thứ XV"; not two different bodies' congresses of one number)."""
    n = congress_number(a)
    if n is None or n != congress_number(b):
        return False
    wa, wb = _congress_words(a), _congress_words(b)
    return wa <= wb or wb <= wa


def issuer_matches(gold, predicted) -> bool:
    if gold == predicted:
        return True
    if not gold or not predicted:
        return False
    return gold in predicted or predicted in gold or same_congress(gold, predicted)


def _same_unnumbered(p, q) -> bool:
    """Two predicted unnumbered mentions, (type, issuer), name the same document."""
    if p[0] != q[0] or not p[1] or not q[1]:
        return p == q
    return p[1] == q[1] or same_congress(p[1], q[1])


def metric_key(unit, value):
    try:
        v = float(value)
    except (TypeError, ValueError):
        return None
    return norm(unit), float(f"{v:.10g}")


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else (1.0 if not fn else 0.0)
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


class Tally:
    """Counts for one kind: tp/fp/fn, attribute accuracy on matches, error lines per document."""

    def __init__(self, name: str):
        self.name, self.tp, self.fp, self.fn = name, 0, 0, 0
        self.attr: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # attr -> [right, total]
        self.errors: dict[str, list[str]] = defaultdict(list)

    def check(self, doc: str, attr: str, right: bool, wrong_line: str | None = None) -> None:
        self.attr[attr][1] += 1
        if right:
            self.attr[attr][0] += 1
        elif wrong_line:
            self.errors[doc].append(wrong_line)

    def compare_sets(self, doc: str, gold: set, predicted: set) -> None:
        self.tp += len(gold & predicted)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)
        self.note(doc, [f"  FP {self.name}: {x}" for x in sorted(predicted - gold, key=str)]
                  + [f"  FN {self.name}: {x}" for x in sorted(gold - predicted, key=str)])

    def note(self, doc: str, lines: list[str]) -> None:
        if lines:  # a document is listed in the verbose report only where it has an error
            self.errors[doc].extend(lines)

    def row(self) -> dict:
        p, r, f = prf(self.tp, self.fp, self.fn)
        row = {"kind": self.name, "tp": self.tp, "fp": self.fp, "fn": self.fn,
               "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}
        for attr, (right, total) in sorted(self.attr.items()):
            row[f"{attr}_acc"] = round(right / total, 4) if total else None
        return row


def load_table(out_dir, name: str) -> list[dict] | None:
    """NAME.parquet (or NAME.csv) of out_dir as a list of dicts with None for nulls."""
    import pandas as pd

    for ext in ("parquet", "csv"):
        path = Path(out_dir) / f"{name}.{ext}"
        if path.exists():
            df = pd.read_parquet(path) if ext == "parquet" else pd.read_csv(path, dtype=str)
            return df.astype(object).where(df.notna(), None).to_dict("records")
    return None


def score_articles(t: Tally, doc: str, gold: dict, rows: list[dict]) -> None:
    if rows:
        t.tp += 1
    else:
        t.fn += 1
        t.errors[doc].append("  FN articles: no row")
    row = rows[0] if rows else {}
    for attr, want, got in (("province", norm(gold.get("province")), norm(row.get("province"))),
                            ("published", gold.get("published"), iso_day(row.get("published")))):
        t.check(doc, attr, want == got, f"  WRONG {attr}: want {want!r} got {got!r}")


def _directive_key(d: dict) -> tuple:
    return norm(d.get("type")), norm(d.get("number")), norm_symbol(d.get("symbol"))


def score_directives(t: Tally, doc: str, gold: dict, rows: list[dict]) -> None:
    want = {_directive_key(x): x for x in gold["directives"] if x.get("number")}
    got: dict[tuple, list[dict]] = {}
    for r in rows:
        if r.get("number"):
            got.setdefault(_directive_key(r), []).append(r)
    t.compare_sets(doc, set(want), set(got))
    _score_unnumbered(t, doc, [x for x in gold["directives"] if not x.get("number")],
                      {(norm(r.get("type")), norm(r.get("issuer"))) for r in rows if not r.get("number")})
    for key in set(want) & set(got):  # issuer and date of a matched document, over all its mentions
        w = norm(want[key].get("issuer"))
        issuers = {norm(r.get("issuer")) for r in got[key]} - {None}
        right = (w is None and not issuers) or (w is not None and issuers and all(w in i or i in w for i in issuers))
        t.check(doc, "issuer", right, f"  WRONG issuer of {key}: want {w!r} got {sorted(issuers)!r}")
        w = want[key].get("issued")
        dates = {iso_day(r.get("issued")) for r in got[key]} - {None}
        right = (w is None and not dates) or (w is not None and dates == {w})
        t.check(doc, "issued", right, f"  WRONG issued of {key}: want {w!r} got {sorted(dates)!r}")


def _score_unnumbered(t: Tally, doc: str, gold: list[dict], predicted: set[tuple]) -> None:
    # Mentions of one document may name its issuer differently ("Đại hội XIII của Đảng" /
    # "Đại hội đại biểu toàn quốc lần thứ XIII của Đảng"): group them first, so each counts once.
    groups: list[set] = []
    for mention in sorted(predicted, key=str):
        group = next((g for g in groups if any(_same_unnumbered(mention, q) for q in g)), None)
        if group is None:
            groups.append({mention})
        else:
            group.add(mention)
    for x in sorted(gold, key=lambda x: x.get("issuer") is None):  # named issuers first
        kind, issuer = norm(x.get("type")), norm(x.get("issuer"))
        if issuer is not None:
            hit = next((g for g in groups if any(m[0] == kind and issuer_matches(issuer, m[1]) for m in g)), None)
        else:  # the gold names no issuer: any remaining document of that type is the one
            hit = next((g for g in groups if any(m[0] == kind for m in g)), None)
        if hit:
            t.tp += 1
            groups.remove(hit)
        else:
            t.fn += 1
            t.errors[doc].append(f"  FN directives: {(kind, None, issuer)}")
    for group in groups:
        first = sorted(group, key=str)[0]
        t.fp += 1
        t.errors[doc].append(f"  FP directives: {(first[0], None, first[1])}")


def score_dates(t: Tally, doc: str, gold: dict, rows: list[dict]) -> None:
    days = {iso_day(r.get("date")) for r in rows if r.get("kind") in (None, "day")} - {None}
    t.compare_sets(doc, set(gold["dates"]), days)


def score_orgs(t: Tally, doc: str, gold: dict, rows: list[dict]) -> None:
    optional = {norm(x) for x in gold.get("optional_orgs") or []}
    t.compare_sets(doc, {norm(x) for x in gold["orgs"]} - optional,
                   {norm(r.get("canonical")) for r in rows} - {None} - optional)


def _evidence(row: dict, width: int) -> str:
    return str(row.get("sentence") or row.get("text"))[:width]


def score_metrics(t: Tally, doc: str, gold: dict, rows: list[dict]) -> None:
    optional = set(gold.get("optional_metrics") or [])
    want: dict[tuple, list] = defaultdict(list)
    for i, m in enumerate(gold["metrics"]):
        want[metric_key(m.get("unit"), m.get("value"))].append((i in optional, m))
    got: dict[tuple, list] = defaultdict(list)
    for r in rows:
        got[metric_key(r.get("unit"), r.get("value"))].append(r)
    for key in set(want) | set(got):
        candidates = sorted(want.get(key, []), key=lambda pair: pair[0])  # required ones are matched first
        predicted = got.get(key, [])
        for j, r in enumerate(predicted):
            if j >= len(candidates):
                t.fp += 1
                t.errors[doc].append(f"  FP metrics: {key} | {_evidence(r, 100)}")
                continue
            is_optional, m = candidates[j]
            if is_optional:
                continue
            t.tp += 1
            for attr in ("indicator", "status", "period"):
                t.check(doc, attr, norm(m.get(attr)) == norm(r.get(attr)),
                        f"  WRONG {attr} of {key}: want {m.get(attr)!r} got {r.get(attr)!r}  | {_evidence(r, 90)}")
            ws, rs = norm(m.get("subject")) or "", norm(r.get("subject")) or ""
            t.check(doc, "subject", bool(ws and rs and (ws in rs or rs in ws)))
        t.fn += sum(1 for is_optional, _ in candidates[len(predicted):] if not is_optional)
        t.note(doc, [f"  FN metrics: {key} {m.get('subject')!r} {m.get('indicator')}"
                     for is_optional, m in candidates[len(predicted):] if not is_optional])


SCORERS = {"articles": score_articles, "directives": score_directives, "dates": score_dates,
           "orgs": score_orgs, "metrics": score_metrics}


def score(gold_path, out_dir, only: set[str] | None = None) -> tuple[dict[str, Tally], list[str]]:
    """{kind: Tally} for the gold documents (or those in `only`), and the tables missing from out_dir."""
    with open(gold_path, encoding="utf-8") as f:
        gold = [json.loads(line) for line in f if line.strip()]
    if only:
        gold = [g for g in gold if g["doc_id"] in only]
    docs = {g["doc_id"] for g in gold}
    tables = {name: load_table(out_dir, name) for name in KINDS}
    rows_by_doc = {name: defaultdict(list) for name in KINDS}
    for name, rows in tables.items():
        for r in rows or []:
            if str(r.get("doc_id")) in docs:
                rows_by_doc[name][str(r["doc_id"])].append(r)
    tallies = {name: Tally(name) for name in KINDS}
    for g in gold:
        for name in KINDS:
            SCORERS[name](tallies[name], g["doc_id"], g, rows_by_doc[name][g["doc_id"]])
    return tallies, [name for name, rows in tables.items() if rows is None]


def report(tallies: dict[str, Tally], missing: list[str], verbose: bool = False, as_json: bool = False) -> str:
    """The printed report: a table of P/R/F1 and attribute accuracy per kind (or one JSON object)."""
    rows = [t.row() for t in tallies.values()]
    if as_json:
        return json.dumps({"missing_tables": missing, "kinds": rows}, ensure_ascii=False) + "\n"
    lines = ["missing tables: " + ", ".join(missing)] if missing else []
    if verbose:
        for doc in sorted({d for t in tallies.values() for d in t.errors}):
            lines.append(doc)
            lines += [line for t in tallies.values() for line in t.errors.get(doc, [])]
    lines.append(f"{'kind':<11}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>8}{'R':>8}{'F1':>8}  attributes")
    for r in rows:
        attrs = "  ".join(f"{k[:-4]}={v}" for k, v in r.items() if k.endswith("_acc"))
        lines.append(f"{r['kind']:<11}{r['tp']:>5}{r['fp']:>5}{r['fn']:>5}"
                     f"{r['precision']:>8.3f}{r['recall']:>8.3f}{r['f1']:>8.3f}  {attrs}")
    return "\n".join(lines) + "\n"
