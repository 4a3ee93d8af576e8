"""Province gazetteer and article province resolution. STUB."""
from __future__ import annotations

from .document import Document


def article_province(doc: Document) -> str | None:
    return None


def province_2025(province: str | None) -> str | None:
    return None


def crosswalk_frame():
    import pandas as pd

    return pd.DataFrame({"province": pd.Series(dtype=str), "province_2025": pd.Series(dtype=str)})
