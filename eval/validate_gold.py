#!/usr/bin/env python3
"""Check a gold.jsonl against shared/spec/GOLD.md's format: python3 validate_gold.py GOLD.jsonl [TEXT_DIR]"""
import json, re, sys, os
IND = {"members_new","members_total","unions_new","unions_total","party_referral","party_admission","training",
       "welfare","donations","initiatives","emulation","dialogue","oversight","participants","organisation","other"}
TYPES = {"Nghị quyết","Chỉ thị","Kết luận","Quyết định","Kế hoạch","Chương trình","Đề án","Hướng dẫn","Thông tư",
         "Nghị định","Luật","Công văn","Quy định","Văn kiện"}
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PER = re.compile(r"^\d{4}(/\d{4})?(-(\d{2}|H[12]|Q[1-4]))?$")
bad = 0
def err(d, m):
    global bad; bad += 1; print(f"{d}: {m}")
path = sys.argv[1]; tdir = sys.argv[2] if len(sys.argv) > 2 else os.path.dirname(path)
seen = set()
for n, line in enumerate(open(path, encoding="utf-8"), 1):
    if not line.strip(): continue
    try: g = json.loads(line)
    except Exception as e: err(f"line {n}", f"invalid JSON {e}"); continue
    d = g.get("doc_id"); 
    if d in seen: err(d, "duplicate doc_id")
    seen.add(d)
    for k in ("doc_id","province","published","directives","dates","orgs","optional_orgs","metrics","optional_metrics"):
        if k not in g: err(d, f"missing key {k}")
    if not os.path.exists(os.path.join(tdir, f"{d}.txt")): err(d, f"no text file {d}.txt in {tdir}")
    if g.get("published") is not None and not ISO.match(str(g["published"])): err(d, f"published not ISO: {g['published']}")
    for x in g.get("dates", []):
        if not ISO.match(str(x)): err(d, f"date not ISO: {x}")
    for x in g.get("directives", []):
        if x.get("type") not in TYPES: err(d, f"directive type {x.get('type')!r} not in GOLD.md list")
        for k in ("type","number","symbol","issuer","issued"):
            if k not in x: err(d, f"directive missing {k}: {x}")
        if x.get("issued") is not None and not ISO.match(str(x["issued"])): err(d, f"issued not ISO: {x}")
    for i, m in enumerate(g.get("metrics", [])):
        for k in ("value","unit","subject","indicator","status","period"):
            if k not in m: err(d, f"metric {i} missing {k}")
        if not isinstance(m.get("value"), (int, float)): err(d, f"metric {i} value not a number: {m.get('value')!r}")
        if m.get("unit") not in ("count","vnd","percent"): err(d, f"metric {i} unit {m.get('unit')!r}")
        if m.get("indicator") not in IND: err(d, f"metric {i} indicator {m.get('indicator')!r}")
        if m.get("status") not in ("achieved","target","context"): err(d, f"metric {i} status {m.get('status')!r}")
        if m.get("period") is not None and not PER.match(str(m["period"])): err(d, f"metric {i} period {m.get('period')!r} not like 2022, 2020/2022, 2022-06, 2022-H1")
    for i in g.get("optional_metrics", []):
        if not isinstance(i, int) or not 0 <= i < len(g.get("metrics", [])): err(d, f"optional_metrics index {i} out of range")
print(f"{len(seen)} articles checked, {bad} problems")
sys.exit(1 if bad else 0)
