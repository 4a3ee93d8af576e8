"""Regenerate the place gazetteer in rules/ from underthesea's bundled administrative data.

    .venv/bin/python scripts/build_gazetteer.py          # rewrite the four CSVs
    .venv/bin/python scripts/build_gazetteer.py --check  # exit 1 if they differ

underthesea 9.5 ships `underthesea/address/data/mapping.json` (source:
vietnamadminunits 1.0.4): the 63 provincial units and their districts as they
stood just before 1 July 2025, every ward's old and new unit, and the 63 -> 34
province mapping used by `underthesea.convert_address`. Offline; nothing is
downloaded.

Outputs (names as GOLD.md spells them: no "tỉnh"/"thành phố", tone marks in
the Hòa/Thủy placement):
- rules/provinces.csv: name, kind (tỉnh/thành phố), code
- rules/districts.csv: name, kind (huyện/quận/thị xã/thành phố), province
- rules/province_2025.csv: province, province_2025
- rules/wards_2025.csv: name, kind (phường/xã/đặc khu), province: the communes and wards of
  July 2025 with a name of their own, each in the one pre-2025 province its parts came from
"""
from __future__ import annotations

import csv
import io
import json
import sys
import unicodedata
from pathlib import Path

from pipeline.ruledata import load_yaml
from pipeline.normalize import normalize_string as modern_tone  # the body's own normalisation, so names match it

RULES = Path(__file__).resolve().parent.parent / "rules"

# The mapping names the units as of mid-2025. GOLD.md names the 63 pre-merger units, so
# Thừa Thiên Huế (a province until 2025-01-01, then "Thành phố Huế") keeps its old name.
PRE_2025_NAMES = {"Huế": "Thừa Thiên Huế"}
PRE_2025_KINDS = {"Thừa Thiên Huế": "tỉnh"}

UNIT_KINDS = tuple(load_yaml("places.yaml")["unit_kinds"])



def mapping_path() -> Path:
    import underthesea.address as address

    return Path(address.__file__).parent / "data" / "mapping.json"


def load_mapping() -> dict:
    with open(mapping_path(), encoding="utf-8") as f:
        return json.load(f)


def split_unit(full: str) -> tuple[str, str]:
    """'Thị Xã Việt Yên' -> ('thị xã', 'Việt Yên'); 'Tỉnh Bắc Kạn' -> ('tỉnh', 'Bắc Kạn')."""
    full = unicodedata.normalize("NFC", " ".join(full.split()))
    low = full.lower()
    for kind in UNIT_KINDS:
        if low.startswith(kind + " "):
            return kind, full[len(kind) + 1:]
    raise ValueError(f"unit without a kind word: {full!r}")


def province_name(full: str) -> tuple[str, str]:
    kind, name = split_unit(full)
    name = modern_tone(PRE_2025_NAMES.get(name, name))
    return PRE_2025_KINDS.get(name, kind), name


def derive_tables(data: dict | None = None) -> dict[str, list[dict[str, str]]]:
    """The three gazetteer tables, as lists of row dicts, in a stable order."""
    data = data or load_mapping()
    key_to_name: dict[str, str] = {}
    provinces = []
    for key, info in data["old_province_names"].items():
        kind, name = province_name(info["name"])
        key_to_name[key] = name
        provinces.append({"name": name, "kind": kind, "code": info["code"]})
    provinces.sort(key=lambda r: r["code"])

    new_names = {key: split_unit(info["name"])[1] for key, info in data["province_names"].items()}
    crosswalk = [
        {"province": key_to_name[old], "province_2025": modern_tone(new_names[new])}
        for old, new in data["province_mapping"].items()
    ]
    order = {r["name"]: r["code"] for r in provinces}
    crosswalk.sort(key=lambda r: order[r["province"]])

    seen: set[tuple[str, str, str]] = set()
    for rec in data["ward_mapping"]:
        if not rec.get("old_district"):
            continue
        kind, name = split_unit(rec["old_district"])
        seen.add((modern_tone(name), kind, key_to_name[rec["old_province_key"]]))
    districts = [{"name": n, "kind": k, "province": p} for n, k, p in seen]
    districts.sort(key=lambda r: (order[r["province"]], r["kind"], r["name"]))
    return {"provinces.csv": provinces, "districts.csv": districts, "province_2025.csv": crosswalk,
            "wards_2025.csv": wards_2025(data, key_to_name, order)}


# the kinds of commune-level unit since July 2025 (xã, phường, đặc khu), as places.yaml lists them
WARD_KINDS = tuple(sorted({w.lower() for w in load_yaml("places.yaml")["commune_words"]}, key=len, reverse=True))


def wards_2025(data: dict, key_to_name: dict[str, str], order: dict[str, str]) -> list[dict[str, str]]:
    """The communes and wards made on 1 July 2025 whose name (with its kind) no other new one
    has and whose former communes all lay in one pre-2025 province: (name, kind, province)."""
    olds: dict[tuple[str, str], set[str]] = {}
    for rec in data["ward_mapping"]:
        full = unicodedata.normalize("NFC", " ".join(rec["new_ward"].split()))
        kind = next((k for k in WARD_KINDS if full.lower().startswith(k + " ")), None)
        if kind is None:
            continue
        name = modern_tone(full[len(kind) + 1:])
        if not name[:1].isupper():
            continue  # numbered wards ("Phường 1") name no place alone
        olds.setdefault((name, kind), set()).add(key_to_name[rec["old_province_key"]])
    rows = [{"name": n, "kind": k, "province": next(iter(p))} for (n, k), p in olds.items() if len(p) == 1]
    rows.sort(key=lambda r: (order[r["province"]], r["kind"], r["name"]))
    return rows


HEADER = "# generated by scripts/build_gazetteer.py from underthesea/address/data/mapping.json; do not edit\n"


def render(rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return HEADER + out.getvalue()


def main(argv: list[str]) -> int:
    tables = derive_tables()
    stale = []
    for name, rows in tables.items():
        path = RULES / name
        text = render(rows)
        if "--check" in argv:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path} ({len(rows)} rows)")
    if stale:
        print("stale:", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
