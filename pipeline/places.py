"""Province gazetteer: place names in text, the article's province, the 2025 merger. STUB."""
from __future__ import annotations

from dataclasses import dataclass

from .document import Document


@dataclass(frozen=True)
class PlaceMatch:
    start: int
    end: int
    text: str          # as written, e.g. "TP.HCM", "huyện Mỹ Đức"
    name: str          # canonical unit name, e.g. "Hồ Chí Minh", "Mỹ Đức"
    level: str         # "province" or "district"
    province: str      # the 63-province name the unit belongs to


def find_places(text: str) -> list[PlaceMatch]:
    """Every province/district/town/city name in `text`, longest match first, non-overlapping."""
    return []


def canonical_province(name: str) -> str | None:
    """A province name in any common form ("TP.HCM", "Huế", "tỉnh Bắc Kạn") -> its 63-province name."""
    return None


def article_province(doc: Document) -> str | None:
    """The province the article reports on (its federation's seat), or None."""
    return None


def province_2025(province: str | None) -> str | None:
    """The provincial unit `province` belongs to after the 2025 merger (34 units)."""
    return None


def crosswalk_frame():
    """The 63 -> 34 crosswalk as a DataFrame (columns province, province_2025), for union.duckdb."""
    import pandas as pd

    return pd.DataFrame({"province": pd.Series(dtype=str), "province_2025": pd.Series(dtype=str)})
